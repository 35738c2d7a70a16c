"""Human-readable output: one rich panel per article, for reading results on a terminal.

rich is imported here only, so the data formats never pay for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from ..model import FIELDS, Article
from . import record_dict

#: Fields shown in the metadata table, in this order (headline is the panel title).
META_FIELDS: tuple[str, ...] = (
    "subheadline", "byline", "authors", "agencies", "date", "updated", "dateline",
    "url", "site", "language", "word_count", "dialect", "source", "id",
)
#: Paragraphs of the body shown unless ``full``.
BODY_PREVIEW_PARAGRAPHS = 3
NO_HEADLINE = "(no headline)"
#: Columns the panel border needs around its title.
_TITLE_MARGIN = 8


class PrettyWriter:
    """Prints each article as a panel: metadata, captions, related, warnings, body, provenance."""

    def __init__(self, stream: TextIO, *, fields: Sequence[str] | None = None, explain: bool = False,
                 full: bool = False, color: bool | None = None, **_ignored: Any) -> None:
        self._console = make_console(stream, color=color)
        self._fields = tuple(fields) if fields else FIELDS
        self._explain = explain
        self._full = full

    def write(self, article: Article) -> None:
        record = record_dict(article, explain=self._explain)
        renderable = render_article(record, shown=self._fields, explain=self._explain, full=self._full,
                                    width=self._console.width)
        self._console.print(renderable)

    def close(self) -> None:
        self._console.file.flush()


def make_console(stream: TextIO, *, color: bool | None = None) -> Any:
    """A rich console on ``stream``: ``color=False`` writes no escape codes at all, None decides by terminal."""
    from rich.console import Console

    options: dict[str, Any] = {"file": stream, "highlight": False, "emoji": False, "markup": False}
    if color is False:
        options.update(color_system=None, no_color=True)
    elif color is True:
        options.update(force_terminal=True)
    return Console(**options)


def render_article(record: dict[str, Any], *, shown: Sequence[str] = FIELDS, explain: bool = False,
                   full: bool = False, width: int = 80) -> Any:
    """The rich renderable of one record: a panel titled with the headline.

    A headline too long for the panel's top border opens the panel instead, so
    it is never cut short.
    """
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    headline = record.get("headline")
    title: Text | None = Text(headline, style="bold") if headline else Text(NO_HEADLINE, style="dim italic")
    parts: list[Any] = []
    if headline and len(headline) > width - _TITLE_MARGIN:
        parts.append(title)
        title = None
    meta = _metadata_table(record, shown)
    if meta is not None:
        parts.append(meta)
    for name, label in (("captions", "Captions"), ("related", "Related")):
        if name in shown and record.get(name):
            parts.append(_bullets(label, record[name]))
    if "warnings" in shown and record.get("warnings"):
        parts.append(Text("\n".join(f"warning: {w}" for w in record["warnings"]), style="yellow"))
    if "body" in shown:
        parts.append(_body(record.get("body"), full=full))
    if explain and record.get("provenance"):
        parts.append(_provenance_table(record["provenance"], shown))
    return Panel(Group(*_spaced(parts)), title=title, title_align="left", expand=True)


def _metadata_table(record: dict[str, Any], shown: Sequence[str]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 2))
    table.add_column(style="cyan", no_wrap=True)
    table.add_column(overflow="fold")
    rows = 0
    for name in META_FIELDS:
        value = record.get(name)
        if name not in shown or value is None or value == [] or value == "":
            continue
        text = ", ".join(value) if isinstance(value, list) else str(value)
        table.add_row(name, Text(text))
        rows += 1
    return table if rows else None


def _bullets(label: str, items: Sequence[str]) -> Any:
    """A label over a bulleted list whose wrapped lines stay indented under their bullet."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for item in items:
        table.add_row("  •", Text(item))
    return Group(Text(f"{label}:", style="cyan"), table)


def _body(body: str | None, *, full: bool) -> Any:
    from rich.text import Text

    if not body:
        return Text("(no body)", style="dim italic")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    if full or len(paragraphs) <= BODY_PREVIEW_PARAGRAPHS:
        return Text("\n\n".join(paragraphs))
    hidden = len(paragraphs) - BODY_PREVIEW_PARAGRAPHS
    text = Text("\n\n".join(paragraphs[:BODY_PREVIEW_PARAGRAPHS]))
    noun = "paragraph" if hidden == 1 else "paragraphs"
    text.append(f"\n\n… ({hidden} more {noun}, --full to show all)", style="dim")
    return text


def _provenance_table(provenance: dict[str, Any], shown: Sequence[str]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="provenance", title_justify="left", box=None, header_style="bold")
    for column in ("field", "lines", "rule", "confidence"):
        table.add_column(column, justify="right" if column == "confidence" else "left")
    for name in FIELDS:
        entry = provenance.get(name)
        if entry is None or name not in shown:
            continue
        table.add_row(name, _lines(entry.get("lines")), Text(str(entry.get("rule", ""))),
                      f"{entry.get('confidence', 0):.2f}")
    return table


def _lines(lines: Sequence[int] | None) -> str:
    if not lines:
        return "-"
    first, last = lines[0], lines[-1]
    return str(first) if first == last else f"{first}-{last}"


def _spaced(parts: list[Any]) -> list[Any]:
    """Parts with a blank line between each, so sections read apart."""
    from rich.text import Text

    out: list[Any] = []
    for index, part in enumerate(parts):
        if index:
            out.append(Text(""))
        out.append(part)
    return out
