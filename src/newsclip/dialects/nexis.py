"""Nexis exports (LexisNexis text export, Nexis Uni / Advance): one record per article of the file.

Old exports open each article with a centred ``N of M DOCUMENTS`` counter,
then the publication, the date line, edition lines, the headline and
upper-case labels (``BYLINE:``, ``LENGTH:``); newer ones put the headline
first, label in mixed case, mark the text with a ``Body`` line and close each
article with ``End of Document``. Both end with a tail of labels
(``LOAD-DATE:``, ``LANGUAGE:``) that is never body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..fields import bylines, dates
from ..fields.text import paragraphs_from_lines, word_count
from ..lazyre import lazy_compile
from ..rules import nexis as rules
from . import sniffers
from .base import Context, Draft
from .common import add_agencies, set_body, set_byline, set_date, set_text, set_url
from .sniffers import is_end_of_document

NAME = "nexis"
DESCRIPTION = (
    "LexisNexis / Nexis Uni export: 'N of M DOCUMENTS' counters or 'End of Document' lines "
    "with LENGTH:/Load-Date: labels"
)
#: How likely a text is in this layout (0 to 1); kept apart from the parser, see :mod:`.sniffers`.
sniff = sniffers.nexis

Line = tuple[int, str]

_COUNTER = lazy_compile(r"(?:" + "|".join(rules.COUNTER_PATTERNS) + r")", re.IGNORECASE)
_DOCUMENTS_TOTAL = lazy_compile(rules.DOCUMENTS_TOTAL, re.IGNORECASE)
_PAGE_FURNITURE = lazy_compile("|".join(f"(?:{p})" for p in rules.PAGE_FURNITURE), re.IGNORECASE)
_COPYRIGHT = lazy_compile(rules.COPYRIGHT_LINE, re.IGNORECASE)
_EDITION = lazy_compile(rules.EDITION_LINE, re.IGNORECASE)
_LENGTH = lazy_compile(rules.LENGTH_VALUE, re.IGNORECASE)
_PUBLICATION_SUFFIX = lazy_compile(rules.PUBLICATION_LANGUAGE_SUFFIX, re.IGNORECASE)
_HIGHLIGHT_TAG = lazy_compile(r"</?(?:u|b|i|em|strong|mark)>", re.IGNORECASE)
_HIGHLIGHT_STARS = lazy_compile(r"\*\*\*(?=[^\s*])|(?<=[^\s*])\*\*\*")
_SPACES = lazy_compile(r"[ \t]+")
_DATELINE_DATE = lazy_compile(rules.DATELINE_DATE_TAIL)

_BODY_ENDING = frozenset(rules.BODY_ENDING_LABELS)
_LIST_SEPARATOR = lazy_compile(r"[;,/]")
_NON_DIGITS = lazy_compile(r"\D")
_MAX_HEADLINE_LINES = 3
_MAX_DATE_LINE = 120
_DATE_LINE_REACH = 12
_BODY_MARKER_REACH = 40
_LENGTH_REACH = 60


@dataclass
class Chunk:
    """The numbered lines of one article, and whether a ``N of M DOCUMENTS`` counter opened it."""

    lines: list[Line]
    counted: bool = False


@dataclass
class _Parts:
    """What the layout walk found in one article, before normalisation."""

    headline: list[Line] = field(default_factory=list)
    publication: Line | None = None
    date_line: Line | None = None
    labels: list[tuple[str, str, int, int]] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    captions: list[Line] = field(default_factory=list)


def parse(text: str, ctx: Context) -> list[Draft]:
    """One draft per article, in file order; the cover and contents list give none."""
    drafts = []
    for chunk in split_articles(text):
        parts = _walk(chunk)
        if parts is None:
            continue
        drafts.append(_build(parts, ctx))
    return drafts


def strip_highlighting(line: str) -> str:
    """Search-term highlighting (``<u>word</u>``, ``***word***``) removed from one line."""
    if "<" in line:
        line = _HIGHLIGHT_TAG.sub("", line)
    if "***" in line:
        line = _HIGHLIGHT_STARS.sub("", line)
    return line


def split_articles(text: str) -> list[Chunk]:
    """The file cut into articles: at counters if any, else at ``End of Document`` lines; cover dropped."""
    lines = [(number, strip_highlighting(line)) for number, line in enumerate(text.split("\n"), 1)]
    lines = [(n, line) for n, line in lines if not _PAGE_FURNITURE.fullmatch(line.strip())]
    starts = [i for i, (_, line) in enumerate(lines) if is_counter(line)]
    if starts:
        bounds = zip(starts, starts[1:] + [len(lines)])
        chunks = [Chunk(_cut_at_end(lines[a + 1:b]), counted=True) for a, b in bounds]
        return [c for c in chunks if _has_text(c.lines)]
    chunks = []
    current: list[Line] = []
    for number, line in lines:
        if is_end_of_document(line):
            chunks.append(Chunk(current))
            current = []
        else:
            current.append((number, line))
    if _has_text(current) and (not chunks or _find_first_meta(current) < len(current)):
        chunks.append(Chunk(current))
    if chunks:
        chunks[0] = Chunk(_strip_cover(chunks[0].lines))
    return [c for c in chunks if _has_text(c.lines)]


def is_counter(line: str) -> bool:
    """Whether ``line`` is an old export's ``N of M DOCUMENTS`` counter (any language)."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80 or not stripped[0].isalnum():
        return False
    return _COUNTER.fullmatch(_SPACES.sub(" ", stripped)) is not None


def parse_label(line: str) -> tuple[str, str, str] | None:
    """``(kind, label, value)`` for a known ``LABEL: value`` line, else ``None``."""
    colon = line.find(":")
    if colon <= 0 or colon > 40:
        return None
    label = _SPACES.sub(" ", line[:colon].strip())
    kind = rules.LABELS.get(label.casefold())
    if kind is None:
        return None
    return kind, label, line[colon + 1:].strip()


def dateline_place(value: str) -> str:
    """The place of a ``DATELINE:`` value, a trailing day (``WASHINGTON, March 2``) cut off."""
    value = " ".join(value.split())
    return _DATELINE_DATE.sub("", value).strip() or value


def language_code(value: str) -> str | None:
    """ISO 639-1 code for a language name as exports print it (``ENGLISH``, ``Deutsch``, ``en``)."""
    first = _LIST_SEPARATOR.split(value.strip(), maxsplit=1)[0].strip().casefold()
    if first in rules.LANGUAGE_NAMES:
        return rules.LANGUAGE_NAMES[first]
    if len(first) == 2 and first.isascii() and first.isalpha():
        return first
    return None


# --- splitting -----------------------------------------------------------------------------


def _has_text(lines: list[Line]) -> bool:
    return any(line.strip() for _, line in lines)


def _cut_at_end(lines: list[Line]) -> list[Line]:
    for i, (_, line) in enumerate(lines):
        if is_end_of_document(line):
            return lines[:i]
    return lines


def _is_cover_line(stripped: str) -> bool:
    """A line of a newer export's cover: the document total, or the search details of a contents entry."""
    folded = stripped.casefold()
    if folded.startswith(rules.COVER_PREFIXES) or any(k in folded for k in rules.COVER_KEYWORDS):
        return True
    return _DOCUMENTS_TOTAL.fullmatch(stripped) is not None


def _strip_cover(lines: list[Line]) -> list[Line]:
    """Drop a newer export's cover page and contents list from the first article's lines.

    Each contents entry (``1. Headline``) is followed by its search details
    (``Client/Matter:``...), so everything up to the last such line is cover.
    """
    limit = _find_first_meta(lines)
    last_cover = -1
    for i in range(limit):
        stripped = lines[i][1].strip()
        if stripped and _is_cover_line(stripped):
            last_cover = i
    return lines[last_cover + 1:]


# --- the layout walk -------------------------------------------------------------------------


def _is_body_marker(stripped: str) -> bool:
    return len(stripped) < 12 and stripped.casefold() in rules.BODY_MARKERS


def _is_copyright(stripped: str) -> bool:
    return _COPYRIGHT.match(stripped) is not None


def _find_first_meta(lines: list[Line]) -> int:
    """Index of the first label line or ``Body`` marker: where the header stack ends."""
    for i, (_, line) in enumerate(lines):
        stripped = line.strip()
        if _is_body_marker(stripped) or parse_label(stripped):
            return i
    return len(lines)


def _is_date_line(stripped: str) -> bool:
    """A short line that opens with a date (``January 11, 2010 Monday``, maybe an edition after it)."""
    if not stripped or len(stripped) > _MAX_DATE_LINE or not any(c.isdigit() for c in stripped):
        return False
    found = dates.find_dates(stripped)
    if not found:
        return dates.is_date_line(stripped)
    match = found[0]
    if len(stripped[:match.start].split()) > 1:
        return False
    return len(stripped[match.end:].split()) <= 6


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of consecutive non-blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for number, line in lines:
        if line.strip():
            current.append((number, line))
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _walk(chunk: Chunk) -> _Parts | None:
    """Find the header stack, labels, body and tail of one article."""
    first_meta = _find_first_meta(chunk.lines)
    header = [(n, line) for n, line in chunk.lines[:first_meta] if not _is_copyright(line.strip())]
    window = chunk.lines[first_meta:first_meta + _BODY_MARKER_REACH]
    has_body_marker = any(_is_body_marker(line.strip()) for _, line in window)
    parts = _Parts()
    date_at = _find_date_line(header)
    if date_at is None:
        _header_without_date(header, chunk.counted and not has_body_marker, parts)
    else:
        parts.date_line = (header[date_at][0], header[date_at][1].strip())
        before, after = header[:date_at], header[date_at + 1:]
        pre = [item for item in before if item[1].strip()]
        parts.publication = pre[-1] if pre else None
        old_layout = not has_body_marker and (
            chunk.counted or any(not _EDITION.search(line) for _, line in after if line.strip())
        )
        if old_layout and first_meta == len(chunk.lines):
            _unlabelled_old_layout(after, parts)
        elif old_layout:
            parts.headline = _headline_after_date(after)
        else:
            parts.headline = _headline_before_publication(before)
    _walk_labels(chunk.lines[first_meta:], parts)
    if not parts.headline and not parts.body and not parts.labels:
        return None
    return parts


def _find_date_line(header: list[Line]) -> int | None:
    """Index of the date line among the first non-blank lines of the header stack."""
    seen = 0
    for i, (_, line) in enumerate(header):
        stripped = line.strip()
        if not stripped:
            continue
        if _is_date_line(stripped):
            return i
        seen += 1
        if seen >= _DATE_LINE_REACH:
            return None
    return None


def _unlabelled_old_layout(after: list[Line], parts: _Parts) -> None:
    """Old layout without any label line: the first block below the date is the headline, the rest body."""
    blocks = _blocks(after)
    while blocks and all(_EDITION.search(line) for _, line in blocks[0]):
        blocks = blocks[1:]
    if not blocks:
        return
    parts.headline = blocks[0][:_MAX_HEADLINE_LINES]
    end = blocks[0][-1][0]
    parts.body = [(n, line) for n, line in after if n > end]


def _header_without_date(header: list[Line], old_layout: bool, parts: _Parts) -> None:
    blocks = _blocks(header)
    if not blocks:
        return
    if old_layout:
        parts.publication = blocks[0][0]
        rest = [item for block in blocks for item in block][1:]
        parts.headline = _headline_after_date(rest)
    else:
        parts.headline = blocks[0][:_MAX_HEADLINE_LINES]


def _headline_after_date(after: list[Line]) -> list[Line]:
    """Old layout: the last block below the date line, edition lines at its top removed."""
    blocks = _blocks(after)
    if not blocks:
        return []
    block = blocks[-1]
    while block and _EDITION.search(block[0][1].strip()):
        block = block[1:]
    return block[-_MAX_HEADLINE_LINES:]


def _headline_before_publication(before: list[Line]) -> list[Line]:
    """Newer layout: the block above the publication line (the line right above the date)."""
    non_blank = [i for i, (_, line) in enumerate(before) if line.strip()]
    if len(non_blank) < 2:
        return []
    blocks = _blocks(before[:non_blank[-1]])
    return blocks[-1][-_MAX_HEADLINE_LINES:] if blocks else []


def _walk_labels(lines: list[Line], parts: _Parts) -> None:
    """Labels (with continuation lines), body and tail, from the first label line on."""
    state = "meta"
    i = 0
    while i < len(lines):
        number, line = lines[i]
        stripped = line.strip()
        folded = stripped.casefold()
        if state == "meta" and _is_body_marker(stripped):
            state, i = "body", i + 1
            continue
        if state != "meta" and folded in rules.TAIL_MARKERS and len(folded) < 20:
            state, i = ("caption" if rules.TAIL_MARKERS[folded] == "graphic" else "tail"), i + 1
            continue
        label = parse_label(stripped) if stripped else None
        if label and (state != "body" or _ends_body(label)):
            i = _take_label(lines, i, label, parts)
            if state in ("body", "caption"):
                state = "tail"
            continue
        if _is_copyright(stripped):
            state = "tail" if state != "meta" else state
            i += 1
            continue
        if state == "meta" and stripped:
            state = "body"
        if state == "body":
            parts.body.append((number, line))
        elif state == "caption":
            parts.captions.append((number, line))
        i += 1


def _ends_body(label: tuple[str, str, str]) -> bool:
    """A tail label below the text: a core one in any case, the others only in capitals."""
    kind, name, _ = label
    if kind not in ("tail", "language", "url", "graphic"):
        return False
    return name.casefold() in _BODY_ENDING or name.isupper()


def _take_label(lines: list[Line], i: int, label: tuple[str, str, str], parts: _Parts) -> int:
    """Record one label and the lines its value runs onto; the index after it."""
    kind, _, value = label
    number = lines[i][0]
    last = number
    pieces = [value] if value else []
    j = i + 1
    if kind in rules.CONTINUED_KINDS:
        while j < len(lines):
            stripped = lines[j][1].strip()
            if not stripped or parse_label(stripped) or _is_body_marker(stripped) or _is_copyright(stripped):
                break
            if stripped.casefold() in rules.TAIL_MARKERS:
                break
            pieces.append(stripped)
            last = lines[j][0]
            j += 1
    joiner = "" if kind == "url" else " "
    parts.labels.append((kind, joiner.join(pieces), number, last))
    return j


# --- from parts to a draft -------------------------------------------------------------------


def _build(parts: _Parts, ctx: Context) -> Draft:
    """Normalise what the walk found into a draft, best source of each field first."""
    draft = Draft()
    labels = parts.labels
    for kind, value, first, last in labels:
        if kind == "headline":
            set_text(draft, "headline", value, rule="label-headline", lines=(first, last), confidence=0.9)
    if parts.headline:
        text = " ".join(line.strip() for _, line in parts.headline)
        span = (parts.headline[0][0], parts.headline[-1][0])
        set_text(draft, "headline", text, rule="nexis-headline", lines=span, confidence=0.85)
    if parts.date_line:
        number, text = parts.date_line
        set_date(draft, text, ctx, rule="nexis-date-line", lines=(number, number), confidence=0.9)
    stated_length = None
    for kind, value, first, last in labels:
        span = (first, last)
        if kind == "byline":
            set_byline(draft, value, ctx, rule="label-byline", lines=span, labelled=True, confidence=0.9)
        elif kind == "date":
            set_date(draft, value, ctx, rule="label-date", lines=span)
        elif kind == "dateline":
            set_text(draft, "dateline", dateline_place(value), rule="label-dateline", lines=span,
                     confidence=0.9)
        elif kind == "subheadline":
            set_text(draft, "subheadline", value, rule="label-highlight", lines=span)
        elif kind == "language":
            set_text(draft, "language", language_code(value), rule="label-language", lines=span,
                     confidence=0.95)
        elif kind == "url":
            set_url(draft, value, rule="label-url", lines=span)
        elif kind == "length":
            found = _LENGTH.search(value[:_LENGTH_REACH])
            stated_length = int(_NON_DIGITS.sub("", found.group(1))) if found else stated_length
    set_body(draft, paragraphs_from_lines(parts.body), rule="nexis-body")
    _add_captions(draft, parts)
    _publication_agency(draft, parts.publication)
    _check_length(draft, stated_length)
    return draft


def _add_captions(draft: Draft, parts: _Parts) -> None:
    """``GRAPHIC:`` values and the lines under a ``Graphic`` heading are the article's captions."""
    found: list[tuple[str, int, int]] = [
        (value, first, last) for kind, value, first, last in parts.labels if kind == "graphic" and value
    ]
    found += [(p.text, p.first, p.last) for p in paragraphs_from_lines(parts.captions)]
    if not found:
        return
    merged = list(draft.get("captions", ()))
    merged += [" ".join(text.split()) for text, _, _ in found if text not in merged]
    draft.set("captions", merged, rule="label-graphic", lines=(found[0][1], found[-1][2]),
              confidence=0.8, overwrite=True)


def _publication_agency(draft: Draft, publication: Line | None) -> None:
    """A wire service as publication is an agency; any other publication is not a record field."""
    if publication is None:
        return
    number, line = publication
    name = _PUBLICATION_SUFFIX.sub("", " ".join(line.split()))
    agency = bylines.canonical_agency(name)
    if agency:
        add_agencies(draft, [agency], rule="nexis-publication", lines=(number, number))


def _check_length(draft: Draft, stated: int | None) -> None:
    """Say so when the body is far shorter than the length the export states."""
    have = word_count(draft.get("body"))
    if stated and have and have * 2 < stated:
        draft.warn(f"body has {have} words but the export states {stated}; it may be cut short")
