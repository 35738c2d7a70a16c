"""``newsclip convert``: batch-convert folders, globs and file lists into one output, in parallel."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any, TextIO

import click
from click.core import ParameterSource

from ..batch.formats import BATCH_FORMATS
from ..dedupe import DEFAULT_THRESHOLD, MODES
from ..settings import Settings
from .common import (
    PROG,
    ExitStatus,
    FailureLines,
    binary_stream,
    csv_raw_option,
    display_name,
    error_line,
    explain_option,
    fields_option,
    format_option,
    is_terminal,
    note_failure,
    parser_options,
    traceback_option,
)

if TYPE_CHECKING:  # the batch machinery is imported when the command runs, so other commands start fast
    from ..batch import Outcome, Summary

#: Seconds between two redraws of the progress bar's numbers.
_REFRESH_SECONDS = 0.1

#: Where the conversion runs: worker processes on this machine, or a Dask cluster.
ENGINES: tuple[str, ...] = ("local", "dask")


@click.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-o", "--output", default="-", metavar="OUT", show_default=True,
              help="A .jsonl, .json or .csv file; an SQLite database (.db, .sqlite, .sqlite3), updated in place; "
                   "a Parquet file (.parquet) or a folder of Parquet part files (DIR.parquet/); '-' for stdout; "
                   "or a folder (DIR/) that mirrors the inputs' tree with one NAME.EXT.json per input.")
@format_option(choices=BATCH_FORMATS,
               help="Output format (default: from OUT's extension; jsonl on stdout). sqlite stores whole records "
                    "(--fields does not apply); parquet has typed columns (lists as list<string>, plus UTC "
                    "date_ts/updated_ts) and follows --fields and --explain.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes (default: one per CPU; 1 runs in this process). With --engine dask: the "
                   "size of the local cluster.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="Where to convert: worker processes on this machine, or a Dask cluster (pip install "
                   "'newsclip[dask]'): a local one of --jobs workers, or the one at --scheduler. "
                   "--resume and --dedupe need the local engine.")
@click.option("--scheduler", metavar="ADDRESS",
              help="The Dask scheduler to run on: an address (tcp://host:8786) or a scheduler file; "
                   "implies --engine dask.")
@click.option("--recursive/--no-recursive", default=True, show_default=True,
              help="Walk into sub-folders of input folders.")
@click.option("--glob", "include", multiple=True, metavar="PATTERN",
              help="Only files matching PATTERN (name, or relative path if it has a '/'); repeatable.")
@click.option("--exclude", multiple=True, metavar="PATTERN",
              help="Leave out files and folders matching PATTERN; repeatable.")
@click.option("--from-file", "from_file", type=click.File("r", encoding="utf-8", errors="surrogateescape"),
              metavar="LIST", help="Also read the paths listed in LIST, one per line ('-' for stdin).")
@click.option("--hidden", is_flag=True, help="Include hidden files and folders (names starting with '.').")
@click.option("--resume", is_flag=True,
              help="Continue a stopped run into the same OUT, skipping inputs already done (not for Parquet "
                   "output, which is written whole, nor --engine dask).")
@click.option("--errors", "errors_path", metavar="FILE",
              help="Write one JSON line per failed input (path, kind, message) to FILE.")
@click.option("--keep-going/--fail-fast", "keep_going", default=True, show_default=True,
              help="Go on past a failed input, or stop at the first one.")
@click.option("--dedupe", type=click.Choice(MODES), default=None,
              help="Leave out duplicates, keeping the first in input order: 'exact' (same id) or 'near' "
                   "(same id, or bodies alike, e.g. one wire story on several sites).")
@click.option("--dedupe-threshold", type=click.FloatRange(0.0, 1.0, min_open=True), default=DEFAULT_THRESHOLD,
              show_default=True, metavar="FLOAT",
              help="How alike two bodies must be for --dedupe near (estimated share of five-word phrases in common).")
@click.option("--duplicates", "duplicates_path", metavar="FILE",
              help="With --dedupe, write one JSON line per record left out (kept, dropped, similarity, kind, "
                   "kept_source, dropped_source) to FILE.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; failures are still reported.")
@fields_option
@explain_option
@csv_raw_option
@parser_options
@traceback_option
@click.pass_context
def convert(ctx: click.Context, inputs: tuple[str, ...], output: str, fmt: str | None, jobs: int | None,
            engine: str, scheduler: str | None, recursive: bool, include: tuple[str, ...],
            exclude: tuple[str, ...], from_file: TextIO | None, hidden: bool, resume: bool,
            errors_path: str | None, keep_going: bool, dedupe: str | None, dedupe_threshold: float,
            duplicates_path: str | None, quiet: bool, fields: tuple[str, ...] | None, explain: bool,
            csv_raw: bool, settings: Settings) -> None:
    """Convert folders of article files into one JSON Lines, JSON, CSV, SQLite or Parquet file.

    INPUT is a file, a folder (walked recursively, in name order) or a glob
    pattern. Records come out in input order whatever --jobs is. A file that
    fails gets one line on stderr (and one in --errors FILE); the rest is
    still converted, and the exit code is 1. An interrupted run keeps
    OUT.partial: run the same command with --resume to finish it.

    A database (-o articles.db) is updated in place: records are upserted by
    id, so running again adds no duplicate rows, and --resume skips the
    inputs an interrupted run already stored.

    A Parquet file (-o articles.parquet) or folder of part files
    (-o articles.parquet/) appears only when the run completes; a stopped run
    leaves OUT as it was and is run again whole (no --resume).

    --engine dask runs the same conversion on a Dask cluster, with the same
    records in the same order, the same failure lines and exit codes: a local
    cluster of --jobs workers, or an existing one with --scheduler ADDRESS.

    \b
    Examples:
      newsclip convert articles/ -o articles.jsonl
      newsclip convert 'dumps/**/*.txt' -o out.csv -j 4 --errors failed.jsonl
      newsclip convert articles/ -o articles.jsonl --resume
      newsclip convert articles/ -o articles.db --dedupe near --duplicates dropped.jsonl
      find . -name '*.html' | newsclip convert --from-file - -o - | jq .headline
      newsclip convert articles/ -o records/
      newsclip convert articles/ -o articles.parquet
      newsclip convert archive/ -o archive.parquet/ --engine dask -j 8
      newsclip convert archive/ -o archive.parquet/ --scheduler tcp://10.0.0.5:8786
    """
    from ..batch import BatchOptions, BatchUsageError, ResumeError, read_path_list
    from ..batch import convert as run_batch

    if scheduler:
        if ctx.get_parameter_source("engine") is not ParameterSource.DEFAULT and engine != "dask":
            raise click.UsageError("--scheduler runs on a Dask cluster: use it with --engine dask (or alone)",
                                   ctx=ctx)
        engine = "dask"
    listed = tuple(read_path_list(from_file)) if from_file is not None else ()
    options = BatchOptions(
        inputs=inputs, listed=listed, recursive=recursive, hidden=hidden, include=include, exclude=exclude,
        output=output, fmt=fmt, fields=fields, explain=explain, csv_raw=csv_raw, settings=settings,
        jobs=jobs, resume=resume, errors=errors_path, fail_fast=not keep_going,
        dedupe=dedupe, dedupe_threshold=dedupe_threshold, duplicates=duplicates_path,
    )
    show_progress = not quiet and is_terminal(sys.stderr)
    reporter: FailureLines = _ProgressBar() if show_progress else FailureLines()
    stdout = binary_stream(sys.stdout)
    try:
        with reporter:
            if engine == "dask":
                from .dask_engine import convert_with_dask

                summary = convert_with_dask(options, reporter, scheduler=scheduler, stdout=stdout)
            else:
                summary = run_batch(options, reporter, stdout=stdout)
    except (BatchUsageError, ResumeError) as exc:
        raise click.UsageError(str(exc), ctx=ctx) from None
    if not quiet:
        for line in summary_lines(summary):
            error_line(None, line)
    if engine == "dask":
        from .dask_engine import exit_status

        ctx.exit(exit_status(summary))
    ctx.exit(_exit_status(summary))


def _exit_status(summary: Summary) -> ExitStatus:
    if summary.stopped == "interrupted":
        error_line(None, "interrupted" + _left_behind(summary))
        return ExitStatus.INTERRUPTED
    if summary.stopped == "fail-fast":
        error_line(None, f"stopped at the first failure ({display_name(summary.stopped_at or '')}, --fail-fast)"
                         + ("" if summary.resumable else _left_behind(summary)))
    return ExitStatus.FAILED if summary.failed else ExitStatus.OK


def _left_behind(summary: Summary) -> str:
    """What a stopped run leaves: records already on stdout, a run to --resume, or OUT untouched."""
    if summary.output == "-":
        return ""
    if summary.resumable:
        return "; run the same command with --resume to continue"
    return f"; nothing was written to {display_name(summary.output)} (it is written whole when the run ends)"


def summary_lines(summary: Summary) -> list[str]:
    """The end-of-run summary: counts, time and speed, then records per dialect."""
    rate = summary.files / summary.elapsed if summary.elapsed > 0 else 0.0
    earlier = f" ({summary.resumed:,} done by the earlier run)" if summary.resumed else ""
    where = "stdout" if summary.output == "-" else summary.output
    notes = []
    duplicates = summary.duplicates
    if duplicates:
        notes.append(f"{duplicates:,} duplicate{'' if duplicates == 1 else 's'} dropped")
    rows = summary.rows
    if rows is not None:
        notes.append(f"{rows:,} row{'' if rows == 1 else 's'} in all")
    noted = f" ({', '.join(notes)})" if notes else ""
    lines = [
        (f"{summary.files:,} files{earlier}: {summary.converted:,} converted, {summary.failed:,} failed; "
         f"{summary.records:,} records to {where}{noted} in {summary.elapsed:.1f} s ({rate:,.0f} files/s)")
    ]
    if summary.dialects:
        parts = ", ".join(f"{name} {count:,}" for name, count in sorted(summary.dialects.items(),
                                                                         key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"records per dialect: {parts}")
    return lines


class _ProgressBar(FailureLines):
    """A rich progress bar on stderr: files done / total, files/s, time left, ok and failed."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]converting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} files/s"),
            TimeRemainingColumn(),
            TextColumn("[green]{task.fields[ok]} ok[/] [red]{task.fields[bad]} failed[/]"),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("convert", total=None, ok=0, bad=0, rate="-")
        self.ok = self.bad = self.done = 0
        self.began = self.last = time.monotonic()

    def __enter__(self) -> _ProgressBar:
        self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._refresh()
        self.progress.stop()

    def started(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advanced(self, outcome: Outcome) -> None:
        self.done += 1
        if outcome.ok:
            self.ok += 1
        else:
            self.bad += 1
        now = time.monotonic()
        if now - self.last >= _REFRESH_SECONDS:
            self.last = now
            self._refresh()

    def failed(self, outcome: Outcome) -> None:
        note_failure()
        problem = outcome.message or outcome.kind or "failed"
        self.console.print(f"{PROG}: {display_name(outcome.path)}: {problem}", markup=False, highlight=False,
                           soft_wrap=True)

    def _refresh(self) -> None:
        elapsed = time.monotonic() - self.began
        rate = f"{self.done / elapsed:,.0f}" if elapsed > 0 else "-"
        self.progress.update(self.task, completed=self.done, ok=self.ok, bad=self.bad, rate=rate)
