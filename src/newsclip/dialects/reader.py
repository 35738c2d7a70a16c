"""Reader-service output: a small labelled header, ``Markdown Content:``, then the page as Markdown."""

from __future__ import annotations

import re

from ..fields import bylines, dates
from ..fields.markdown import NumberedLine, first_heading, markdown_lines
from ..fields.text import paragraphs_from_lines
from ..lazyre import lazy_compile
from ..rules import reader as rules
from . import sniffers
from .base import Context, Draft
from .common import is_junk, set_body, set_byline, set_date, set_text, set_url

NAME = "reader"
DESCRIPTION = "reader-service output: Title:, URL Source:, Published Time:, then Markdown Content:"
#: How likely a text is in this layout (0 to 1); kept apart from the parser, see :mod:`.sniffers`.
sniff = sniffers.reader

_HEADER_LINE = lazy_compile(rules.HEADER_LINE)
_ERROR_WARNING = lazy_compile(rules.ERROR_WARNING, re.IGNORECASE)
_LINK_ONLY_LINE = lazy_compile(rules.LINK_ONLY_LINE)
_LINK_PARTS = lazy_compile(rules.LINK_PARTS)
_BYLINE_PREFIX = lazy_compile(rules.BYLINE_PREFIX)
_ERROR_TITLES = frozenset(rules.ERROR_TITLES)
_TAIL_HEADINGS = frozenset(rules.TAIL_HEADINGS)


def parse(text: str, ctx: Context) -> list[Draft]:
    """One article: header labels give headline, URL and date; the Markdown gives the body."""
    lines = text.split("\n")
    marker = _marker_index(lines)
    header_end = marker if marker is not None else _header_end(lines)
    draft = Draft()
    title, title_line, warnings = _read_header(draft, lines[:header_end], ctx)
    error_page = any(_ERROR_WARNING.search(w) for w in warnings)
    for warning in warnings:
        draft.warn(rules.WARNING_PREFIX + warning)

    body_start = header_end + 1 if marker is not None else header_end
    body = [(n, line) for n, line in enumerate(lines[body_start:], body_start + 1)]
    body = body[: _tail_start(body)]
    if title and not _is_error_title(title):
        set_text(draft, "headline", title, rule="reader-title", lines=(title_line, title_line))
    elif not error_page:
        heading = first_heading(body)
        if heading is not None:
            set_text(draft, "headline", heading[1], rule="reader-first-heading", lines=(heading[0], heading[0]))
    if error_page:
        return [draft]
    cleaned = markdown_lines(_drop_share_links(body), title=title or draft.get("headline"))
    cleaned = _drop_share_lines(cleaned)
    cleaned = _take_byline_and_date(draft, cleaned, ctx)
    set_body(draft, paragraphs_from_lines(cleaned), rule="reader-markdown")
    return [draft]


def _marker_index(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[: rules.HEADER_MAX_LINES]):
        if line.strip() == rules.CONTENT_MARKER:
            return index
    return None


def _header_end(lines: list[str]) -> int:
    """Without the marker, the header is the leading run of known labels and blank lines."""
    end = 0
    for index, line in enumerate(lines[: rules.HEADER_MAX_LINES]):
        if not line.strip():
            continue
        match = _HEADER_LINE.match(line)
        if match is None or match.group(1).strip().casefold() not in rules.HEADER_LABELS:
            break
        end = index + 1
    return end


def _read_header(draft: Draft, header: list[str], ctx: Context) -> tuple[str | None, int, list[str]]:
    """Set URL, date and dek from the header; return the raw title, its line and the warnings."""
    title: str | None = None
    title_line = 0
    warnings: list[str] = []
    for number, line in enumerate(header, 1):
        match = _HEADER_LINE.match(line)
        if match is None:
            continue
        field = rules.HEADER_LABELS.get(match.group(1).strip().casefold())
        value = match.group(2).strip()
        span = (number, number)
        if field == "headline" and title is None and not is_junk(value):
            title, title_line = value, number
        elif field == "url":
            set_url(draft, value, rule="reader-url-source", lines=span)
        elif field == "date":
            set_date(draft, value, ctx, rule="reader-published-time", lines=span, confidence=0.9)
        elif field == "subheadline":
            set_text(draft, "subheadline", value, rule="reader-description", lines=span, confidence=0.6)
        elif field == "warning" and value:
            warnings.append(value)
    return title, title_line, warnings


def _is_error_title(title: str) -> bool:
    folded = title.strip().casefold()
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        folded = folded.split(separator, 1)[0]
    return folded.strip() in _ERROR_TITLES


def _tail_start(body: list[NumberedLine]) -> int:
    """Index where the trailing ``Images:`` / ``Links/Buttons:`` lists begin (or the end)."""
    cut = len(body)
    index = len(body) - 1
    while index >= 0:
        stripped = body[index][1].strip()
        if stripped in _TAIL_HEADINGS:
            cut = index
        elif stripped and not stripped.startswith(("- ", "* ")):
            break
        index -= 1
    return cut


def _drop_share_links(body: list[NumberedLine]) -> list[NumberedLine]:
    """Lines made only of share buttons (by their text or their target) become blank."""
    out = []
    for number, line in body:
        if "](" in line and _LINK_ONLY_LINE.match(line) and _all_share_links(line):
            out.append((number, ""))
        else:
            out.append((number, line))
    return out


def _all_share_links(line: str) -> bool:
    for text, target in _LINK_PARTS.findall(line):
        label = text.strip().casefold()
        if label and label not in rules.SHARE_LINES and not any(t in target for t in rules.SHARE_TARGETS):
            return False
    return True


def _drop_share_lines(cleaned: list[NumberedLine]) -> list[NumberedLine]:
    return [(n, "") if line.strip().casefold() in rules.SHARE_LINES else (n, line) for n, line in cleaned]


def _take_byline_and_date(draft: Draft, cleaned: list[NumberedLine], ctx: Context) -> list[NumberedLine]:
    """A byline and a date line among the body's first lines move into their fields."""
    out = list(cleaned)
    seen = 0
    for index, (number, line) in enumerate(cleaned):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max(rules.BYLINE_SCAN_LINES, rules.DATE_SCAN_LINES):
            break
        span = (number, number)
        if seen <= rules.BYLINE_SCAN_LINES and not draft.has("byline") and _looks_like_byline(stripped):
            if set_byline(draft, stripped, ctx, rule="reader-body-byline", lines=span, labelled=False):
                out[index] = (number, "")
                continue
        if seen <= rules.DATE_SCAN_LINES and len(stripped) <= rules.DATE_LINE_MAX_CHARS and dates.is_date_line(stripped):
            set_date(draft, stripped, ctx, rule="reader-body-date", lines=span, confidence=0.7)
            out[index] = (number, "")
    return out


def _looks_like_byline(line: str) -> bool:
    if len(line) > rules.BYLINE_MAX_CHARS:
        return False
    if _BYLINE_PREFIX.match(line):
        return True
    return bylines.byline_score(line) >= rules.BYLINE_MIN_SCORE
