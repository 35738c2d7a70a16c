"""``newsclip parse``: parse files (or stdin) and print their records."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from ..files import same_file
from ..output import format_for_path, needs_path, open_writer, open_writer_at
from ..settings import Settings
from .common import (
    STDIO,
    ExitStatus,
    atomic_output,
    color_wanted,
    csv_raw_option,
    data_stdout,
    display_name,
    error_line,
    explain_option,
    fields_option,
    format_option,
    is_terminal,
    parser_options,
    problem_of,
    report_failure,
    traceback_option,
)
from .parsing import parse_into


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@format_option()
@click.option("-o", "--output", default=STDIO, metavar="PATH",
              help="Write to this file instead of stdout (replaced only once all is written).")
@fields_option
@explain_option
@click.option("--full", is_flag=True, help="Show the whole body in pretty output, not the first paragraphs.")
@parser_options
@csv_raw_option
@traceback_option
@click.pass_context
def parse(ctx: click.Context, files: tuple[str, ...], fmt: str | None, output: str,
          fields: tuple[str, ...] | None, explain: bool, full: bool, settings: Settings, csv_raw: bool) -> None:
    """Parse article files and print one record per article.

    FILE may be any text dump, saved web page, Markdown, e-mail or database
    export; '-' reads stdin. Output is pretty on a terminal and JSON Lines
    otherwise (or what -f / the -o file's extension asks for). A file that
    cannot be parsed gets one line on stderr; the others are still printed,
    and the exit code is 1.

    \b
    Examples:
      newsclip parse article.txt
      newsclip parse *.txt -f csv -o out.csv
      cat a.txt | newsclip parse - | jq .headline
      newsclip parse page.html -f json --explain
    """
    to_stdout = output == STDIO
    if not to_stdout:
        _check_output(output, files)
    fmt = fmt or _default_format(output)
    options = {"fields": fields, "explain": explain, "csv_raw": csv_raw, "full": full}
    if needs_path(fmt):  # a database is updated in place (a re-run upserts by id), so no atomic replace
        if to_stdout:
            raise click.UsageError(f"-f {fmt} writes a file, not to stdout: name it with -o FILE")
        ok = parse_into(open_writer_at(fmt, output, **options), files, settings, report_failure)
    elif to_stdout:
        stream = sys.stdout if fmt == "pretty" else data_stdout()
        color = color_wanted(stream) if fmt == "pretty" else False
        ok = parse_into(open_writer(fmt, stream, color=color, **options), files, settings, report_failure)
    else:
        try:
            with atomic_output(output) as handle:
                ok = parse_into(open_writer(fmt, handle, color=False, **options), files, settings, report_failure)
        except OSError as exc:
            error_line(display_name(output), problem_of(exc))
            ctx.exit(ExitStatus.FAILED)
    ctx.exit(ExitStatus.OK if ok else ExitStatus.FAILED)


def _default_format(output: str) -> str:
    if output == STDIO:
        return "pretty" if is_terminal(sys.stdout) else "jsonl"
    return format_for_path(output) or "jsonl"


def _check_output(output: str, files: Sequence[str]) -> None:
    """Refuse an output path that is a folder, sits in no folder, or is one of the inputs."""
    hint = "'-o' / '--output'"
    shown = display_name(output)
    if os.path.isdir(output):
        raise click.BadParameter(f"{shown} is a folder; give a file name", param_hint=hint)
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise click.BadParameter(f"the folder {display_name(folder)} does not exist", param_hint=hint)
    for path in files:
        if path != STDIO and same_file(path, output):
            raise click.BadParameter(f"{shown} is one of the input files; refusing to overwrite it",
                                     param_hint=hint)
