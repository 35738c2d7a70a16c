"""``newsclip stats``: a coverage report over article files, folders, JSON Lines of records or databases."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import click

from ..settings import Settings
from .common import (
    ExitStatus,
    color_wanted,
    data_stdout,
    display_name,
    error_line,
    parser_options,
    report_failure,
    traceback_option,
)

#: Extensions of files that may hold JSON Lines records.
JSONL_EXTENSIONS: tuple[str, ...] = (".jsonl", ".ndjson")
#: Extensions of files that may hold one JSON record or an array of them.
JSON_EXTENSIONS: tuple[str, ...] = (".json",)
#: Keys that make a JSON object a record.
RECORD_KEYS: tuple[str, ...] = ("headline", "body")
#: Files in walked folders that are never inputs: partial outputs, manifests, SQLite journals.
SKIPPED_PATTERNS: tuple[str, ...] = ("*.partial", "*.newsclip-manifest", "*-journal", "*-wal", "*-shm")
#: Width of the longest bar in the per-month chart.
BAR_WIDTH = 40
_BLOCKS = " ▏▎▍▌▋▊▉█"
_NUMBER_COLUMNS = frozenset({"filled", "records", "share"})


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="Rich tables, or one JSON object (its keys are documented in newsclip.stats).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rows in the top sites and top warnings lists.")
@click.option("--examples", type=click.IntRange(min=0), default=5, show_default=True,
              help="Records named per suspicious check.")
@parser_options
@traceback_option
@click.pass_context
def stats(ctx: click.Context, inputs: tuple[str, ...], fmt: str, top: int, examples: int,
          settings: Settings) -> None:
    """Report what the parser found in INPUT: fields filled, dialects, sites, months, warnings, oddities.

    INPUT is an article file, a folder of them (walked recursively), a JSON
    Lines file of records (.jsonl / .ndjson whose first line is an object
    with a headline or body key), a .json of records, or a database written
    with -o articles.db. Suspicious values: dates in the future (after
    --reference-time, default now) or before 1990, headlines over 300
    characters, empty bodies, a word count of 0. An input that cannot be read
    gets one line on stderr and the exit code is 1; the report covers the rest.

    \b
    Examples:
      newsclip stats articles.jsonl
      newsclip stats articles.db --top 20
      newsclip stats dumps/ -f json | jq .fields.date.share
    """
    from ..stats import Coverage
    from ..store import StoreError

    report = Coverage(now=settings.reference_time, top=top, examples=examples)
    ok = True
    for path in _inputs(inputs):
        if not isinstance(path, str):
            error_line(display_name(path.path), path.message)
            ok = False
            continue
        try:
            for record in records_of(path, settings):
                report.add(record)
        except StoreError as exc:  # its message names the database already
            error_line(None, str(exc))
            ok = False
        except Exception as exc:  # one unreadable input is reported; the report covers the others
            report_failure(path, exc)
            ok = False
    result = report.report()
    if fmt == "json":
        stream = data_stdout()
        stream.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        stream.flush()
    else:
        print_report(result)
    ctx.exit(ExitStatus.OK if ok else ExitStatus.FAILED)


def _inputs(arguments: Sequence[str]) -> Iterator[Any]:
    """The files named by the arguments, folders walked in name order (paths, or errors to report)."""
    from ..batch.walk import Walk, WalkOptions, expand_arguments

    walk = Walk(list(expand_arguments(arguments)), WalkOptions(exclude=SKIPPED_PATTERNS))
    yield from walk


# ---------------------------------------------------------------------------
# Reading records


def input_kind(path: str) -> str:
    """How an input is read: ``database``, ``jsonl`` or ``json`` (records), else ``article``."""
    from ..store import is_database_file

    if is_database_file(path):
        return "database"
    ext = os.path.splitext(path)[1].lower()
    if ext in JSONL_EXTENSIONS and _first_line_is_record(path):
        return "jsonl"
    if ext in JSON_EXTENSIONS and _starts_like_json(path):
        return "json"
    return "article"


def records_of(path: str, settings: Settings) -> Iterator[dict[str, Any]]:
    """The record dicts of one input, read as :func:`input_kind` says (streamed where the format allows)."""
    kind = input_kind(path)
    if kind == "database":
        from ..store import Store

        with Store.open(path) as store:
            yield from store.records()
    elif kind == "jsonl":
        yield from _jsonl_records(path)
    else:
        records = _json_records(path) if kind == "json" else None
        if records is None:
            from ..api import parse_file

            records = [article.to_dict() for article in parse_file(path, settings)]
        yield from records


def _first_line_is_record(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    return _is_record(_loads(line))
    except OSError:
        return False
    return False


def _starts_like_json(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            start = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return start[:1] in (b"{", b"[")


def _jsonl_records(path: str) -> Iterator[dict[str, Any]]:
    """Each line that is a JSON object; a file with lines that are not ends with an error naming them."""
    from ..errors import InputError

    bad: list[int] = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            value = _loads(line)
            if isinstance(value, dict):
                yield value
            else:
                bad.append(number)
    if bad:
        shown = ", ".join(str(n) for n in bad[:5]) + (", …" if len(bad) > 5 else "")
        raise InputError(f"{len(bad)} line(s) are not JSON records and were skipped (line {shown})")


def _json_records(path: str) -> list[dict[str, Any]] | None:
    """The records of a .json file (one record, or an array of them), or None if it holds something else."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            value = json.load(handle)
    except (ValueError, UnicodeError):
        return None
    if _is_record(value):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and _is_record(value[0]):
        return value
    if value == []:
        return []
    return None


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and any(key in value for key in RECORD_KEYS)


# ---------------------------------------------------------------------------
# Tables


def print_report(report: dict[str, Any]) -> None:
    """The report as rich tables on stdout: totals, fields, dialects, sites, months, warnings, suspicious."""
    from rich.text import Text

    from ..output.pretty import make_console

    console = make_console(sys.stdout, color=color_wanted(sys.stdout))
    total = report["records"]
    console.print(Text(f"{total:,} records", style="bold"))
    if not total:
        return
    for title, table in _sections(report):
        console.print()
        console.print(Text(title, style="bold"))
        console.print(table)


def _sections(report: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Each part of the report as (title, rich table)."""
    from rich.text import Text

    total = report["records"]
    fields = _table("field", "filled", "share", "")
    for name, entry in report["fields"].items():
        fields.add_row(name, f"{entry['filled']:,}", f"{entry['share']:.1%}", bar(entry["share"], 1.0, 20))
    yield "Fields filled", fields
    dialects = _table("dialect", "records", "share")
    for name, count in report["dialects"].items():
        dialects.add_row(name, f"{count:,}", f"{count / total:.1%}")
    yield "Dialects", dialects
    sites = report["sites"]
    top_sites = _table("site", "records")
    for row in sites["top"]:
        top_sites.add_row(Text(row["site"]), f"{row['records']:,}")
    yield f"Top sites ({sites['distinct']:,} distinct; {sites['missing']:,} records without a site)", top_sites
    dates = report["dates"]
    months = _table("month", "records", "")
    peak = max(dates["months"].values(), default=0)
    for month, count in dates["months"].items():
        months.add_row(month, f"{count:,}", bar(count, peak, BAR_WIDTH))
    yield f"Articles per month ({dates['dated']:,} dated, {dates['undated']:,} undated)", months
    warnings = _table("warning", "records")
    for row in report["warnings"]["top"]:
        warnings.add_row(Text(row["warning"]), f"{row['records']:,}")
    yield f"Most frequent warnings ({report['warnings']['distinct']:,} distinct)", warnings
    suspicious = _table("check", "records", "examples")
    for name, entry in report["suspicious"].items():
        examples = ", ".join(str(e) for e in entry["examples"] if e is not None)
        suspicious.add_row(name, f"{entry['records']:,}", Text(examples, style="dim"))
    yield "Suspicious values", suspicious


def _table(*columns: str) -> Any:
    from rich.table import Table

    table = Table(header_style="bold")
    for name in columns:
        table.add_column(name, justify="right" if name in _NUMBER_COLUMNS else "left")
    return table


def bar(value: float, peak: float, width: int) -> str:
    """A horizontal bar of block characters, ``width`` long at ``peak``, in eighths of a cell."""
    if peak <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / peak * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_BLOCKS[part] if part else "")
