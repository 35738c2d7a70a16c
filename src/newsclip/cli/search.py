"""``newsclip search``: full-text search of a database written with ``-o articles.db``."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import click

from .common import (
    ExitStatus,
    color_wanted,
    csv_raw_option,
    data_stdout,
    display_name,
    error_line,
    fields_option,
    is_terminal,
    problem_of,
    traceback_option,
)

#: Output formats of ``search``.
SEARCH_FORMATS: tuple[str, ...] = ("pretty", "jsonl", "json", "csv")
#: Keys every result carries after the record's own.
RESULT_KEYS: tuple[str, ...] = ("rank", "score", "snippet")
#: What marks a matched word in pretty output (styled; never printed).
_MARK_START, _MARK_END = "\x02", "\x03"
#: Columns the lines under each pretty result's headline are indented by.
_INDENT = 3
_QUERY_HINT = 'FTS5 syntax: words, "exact phrases", AND/OR/NOT, prefix*, NEAR(a b); quote words with punctuation'


class DateBoundType(click.ParamType):
    """``--since/--until``: an ISO date or a prefix of one (``2024``, ``2024-03``, ``2024-03-05``)."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from ..store import check_date_bound

        try:
            return check_date_bound(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@click.command()
@click.argument("database", metavar="DB")
@click.argument("query")
@click.option("-f", "--format", "fmt", type=click.Choice(SEARCH_FORMATS), default=None,
              help="Output format (default: pretty on a terminal, else jsonl).")
@click.option("--since", type=DateBoundType(), default=None, metavar="DATE",
              help="Only articles dated on or after DATE (2024, 2024-03 or 2024-03-05).")
@click.option("--until", type=DateBoundType(), default=None, metavar="DATE",
              help="Only articles dated on or before DATE; 2024-03 includes all of March.")
@click.option("--site", "sites", multiple=True, metavar="SITE",
              help="Only articles from SITE or its sub-domains; repeatable.")
@click.option("-n", "--limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="Show at most this many results (0: all).")
@fields_option
@csv_raw_option
@traceback_option
@click.pass_context
def search(ctx: click.Context, database: str, query: str, fmt: str | None, since: str | None, until: str | None,
           sites: tuple[str, ...], limit: int, fields: tuple[str, ...] | None, csv_raw: bool) -> None:
    """Search the articles in DB (written by -o articles.db) for QUERY, best matches first.

    QUERY uses SQLite FTS5 syntax over headline, byline and body: words
    (all must appear), "an exact phrase", OR, NOT, AND, prefix*, NEAR(a b, 5),
    headline:word. Results are ranked by bm25, a headline match counting
    most. Each result carries the record (and its duplicates), its rank (1 =
    best), its bm25 score (higher is better) and a snippet with the matched
    words between ** marks (highlighted on a terminal). A missing file or one that is not a newsclip database exits
    with 1; a malformed query exits with 2.

    \b
    Examples:
      newsclip search articles.db 'hostage AND (release OR deal)'
      newsclip search articles.db '"peace deal"' --since 2025-01 --site reuters.com
      newsclip search articles.db 'minist*' -f csv -n 0 > hits.csv
    """
    from ..store import QueryError, Store, StoreError

    fmt = fmt or ("pretty" if is_terminal(sys.stdout) else "jsonl")
    color = fmt == "pretty" and color_wanted(sys.stdout)
    marks = (_MARK_START, _MARK_END) if color else ("**", "**")
    try:
        with Store.open(database) as store:
            hits = store.search(query, since=since, until=until, sites=[s for s in sites if s.strip()],
                                limit=limit or None, marks=marks)
    except QueryError as exc:
        error_line(None, f"bad search query: {exc} ({_QUERY_HINT})")
        ctx.exit(ExitStatus.USAGE)
    except StoreError as exc:
        error_line(None, str(exc))
        ctx.exit(ExitStatus.FAILED)
    except OSError as exc:
        error_line(display_name(database), problem_of(exc))
        ctx.exit(ExitStatus.FAILED)
    results = [_result(hit, fields) for hit in hits]
    if fmt == "pretty":
        _print_pretty(results, color)
    else:
        _write_data(results, fmt, fields, csv_raw, data_stdout())
    ctx.exit(ExitStatus.OK)


def result_keys(fields: Sequence[str] | None) -> tuple[str, ...]:
    """The keys of each result: the chosen record fields (default: all, plus ``duplicates``), rank, score, snippet."""
    from ..store import COLUMNS

    return (*(fields or COLUMNS), *RESULT_KEYS)


def _result(hit: dict[str, Any], fields: Sequence[str] | None) -> dict[str, Any]:
    return {key: hit.get(key) for key in result_keys(fields)}


def _write_data(results: list[dict[str, Any]], fmt: str, fields: Sequence[str] | None, csv_raw: bool,
                stream: TextIO) -> None:
    if fmt == "jsonl":
        stream.writelines(json.dumps(result, ensure_ascii=False) + "\n" for result in results)
    elif fmt == "json":
        stream.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    else:
        from ..output import csv_row

        writer = csv.writer(stream)
        writer.writerow(result_keys(fields))
        for result in results:
            writer.writerow(csv_row(result, raw=csv_raw))
    stream.flush()


def _print_pretty(results: list[dict[str, Any]], color: bool) -> None:
    """Each hit as a numbered headline, a line of date · site · source, and its snippet."""
    from rich.padding import Padding
    from rich.text import Text

    from ..output.pretty import NO_HEADLINE, make_console

    if not results:
        error_line(None, "no articles match")
        return
    console = make_console(sys.stdout, color=color)
    for number, result in enumerate(results, 1):
        title = Text(f"{number}. ", style="bold")
        title.append(result.get("headline") or NO_HEADLINE, style="bold" if result.get("headline") else "dim italic")
        console.print(title)
        meta = " · ".join(str(result[k]) for k in ("date", "site", "source") if result.get(k))
        if meta:
            console.print(Padding(Text(meta, style="dim"), (0, 0, 0, _INDENT), expand=False))
        snippet = result.get("snippet")
        if snippet:
            console.print(Padding(_highlighted(" ".join(snippet.split())), (0, 0, 0, _INDENT), expand=False))
        console.print()


def _highlighted(text: str) -> Any:
    """A rich Text with the words between the match markers highlighted."""
    from rich.text import Text

    out = Text()
    rest = text
    while rest:
        start = rest.find(_MARK_START)
        if start < 0:
            out.append(rest)
            break
        end = rest.find(_MARK_END, start)
        if end < 0:
            out.append(rest.replace(_MARK_START, ""))
            break
        out.append(rest[:start])
        out.append(rest[start + 1:end], style="bold yellow")
        rest = rest[end + 1:]
    return out
