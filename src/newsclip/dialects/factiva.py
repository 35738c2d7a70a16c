"""Factiva exports: one record per article, from the coded export (``HD``, ``LP``...) or the article view.

The coded export puts a two-letter field code at the start of a line and the
value after a tab; a field runs on until the next code. The article view
prints headline, optional byline, ``1,234 words``, date, time, source,
language and copyright, then the text, and closes with ``Document <ID>``.
A search-summary block at the top of either is a cover, never a record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..fields import bylines, dates
from ..fields.text import paragraphs_from_lines, word_count
from ..lazyre import lazy_compile
from ..rules import factiva as rules
from ..rules.nexis import LANGUAGE_NAMES
from . import sniffers
from .base import Context, Draft
from .common import add_agencies, set_body, set_byline, set_date, set_text
from .sniffers import is_coded, is_factiva_date

NAME = "factiva"
DESCRIPTION = (
    "Factiva export: HD/PD/LP/TD field codes, or article view with '1,234 words' and 'Document <ID>' lines"
)
#: How likely a text is in this layout (0 to 1); kept apart from the parser, see :mod:`.sniffers`.
sniff = sniffers.factiva

Line = tuple[int, str]

_CODE_LINE = lazy_compile(r"([A-Z]{2,3})(?:\t| {2}|$)")
_CODE_LINE_SINGLE = lazy_compile(r"([A-Z]{2,3})(?:[ \t]|$)")
_WORD_COUNT = lazy_compile(rules.WORD_COUNT_LINE, re.IGNORECASE)
_DOCUMENT_ID = lazy_compile(rules.DOCUMENT_ID_LINE, re.IGNORECASE)
_TIME = lazy_compile(rules.TIME_LINE)
_TIME_PARTS = lazy_compile(
    r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?: ?([AaPp])\.?[Mm]\.?)?(?: ([A-Z]{1,4}|[+-]\d{2}:?\d{2}))?"
)
_COPYRIGHT = lazy_compile(rules.COPYRIGHT_LINE, re.IGNORECASE)
_BYLINE_PREFIX = lazy_compile(rules.BYLINE_PREFIX, re.IGNORECASE)
_SOURCE_CODE = lazy_compile(rules.SOURCE_CODE_LINE)
_NON_DIGITS = lazy_compile(r"\D")
_CELL_GAP = lazy_compile(r"\t| {2,}")
_SUMMARY_LABELS = frozenset(rules.SUMMARY_LABELS)
_SUMMARY_TITLES = frozenset(rules.SUMMARY_TITLE)
_LOOKAHEAD = 4
_LENGTH_REACH = 60
_HEADLINE_REACH = 4
_MAX_HEADER_LINE = 300


@dataclass
class _Field:
    """One coded field: its code and the numbered lines of its value."""

    code: str
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.strip() for _, line in self.lines if line.strip())

    @property
    def span(self) -> tuple[int, int] | None:
        return (self.lines[0][0], self.lines[-1][0]) if self.lines else None


def parse(text: str, ctx: Context) -> list[Draft]:
    """One draft per article, in file order; the search-summary cover gives none."""
    lines = list(enumerate(text.split("\n"), 1))
    if is_coded(text):
        return [_build_coded(fields, ctx) for fields in split_coded(lines)]
    drafts = []
    for chunk in split_views(lines):
        draft = _build_view(chunk, ctx)
        if draft is not None:
            drafts.append(draft)
    return drafts


# --- the coded export ------------------------------------------------------------------------


def code_of(line: str, single_space: bool = False) -> tuple[str, str] | None:
    """``(code, value)`` when ``line`` opens a known field (``HD\\tHeadline``), else ``None``."""
    match = (_CODE_LINE_SINGLE if single_space else _CODE_LINE).match(line)
    if match is None or match.group(1) not in rules.CODES:
        return None
    return match.group(1), line[match.end():].strip()


def _single_space_style(lines: list[Line]) -> bool:
    """Some exports separate code and value by one space; decided by the first headline field."""
    for _, line in lines:
        if line.startswith("HD"):
            return line[2:3] == " " and line[3:4] not in (" ", "")
    return False


def split_coded(lines: list[Line]) -> list[list[_Field]]:
    """The coded export cut into articles: a new ``SE``/``HD`` after a headline, or any code after ``AN``."""
    single = _single_space_style(lines)
    articles: list[list[_Field]] = []
    fields: list[_Field] = []
    current: _Field | None = None
    for number, line in lines:
        found = code_of(line, single)
        if found is None:
            if current is None:
                continue
            stripped = line.strip()
            if current.code in ("LP", "TD") and _DOCUMENT_ID.fullmatch(stripped):
                current = _Field("AN", [(number, stripped)])
                fields.append(current)
            else:
                current.lines.append((number, line))
            continue
        code, value = found
        if fields and _opens_article(code, fields):
            articles.append(fields)
            fields = []
        current = _Field(code, [(number, value)] if value else [])
        fields.append(current)
    if fields:
        articles.append(fields)
    return [a for a in articles if any(f.code in ("HD", "LP", "TD") for f in a)]


def _opens_article(code: str, fields: list[_Field]) -> bool:
    """Whether ``code`` starts the next article: the accession number is written, or a second headline comes."""
    last = fields[-1]
    if last.code == "AN" and last.text:
        return True
    return code in rules.ARTICLE_OPENERS and _has_headline(fields)


def _has_headline(fields: list[_Field]) -> bool:
    """Whether the article holds an ``HD`` field (it sits among the first few fields)."""
    return any(f.code == "HD" for f in fields[:_HEADLINE_REACH])


def _build_coded(fields: list[_Field], ctx: Context) -> Draft:
    """Set the record's fields from one article's coded fields."""
    draft = Draft()
    by_code: dict[str, _Field] = {}
    for f in fields:
        by_code.setdefault(f.code, f)
    if "HD" in by_code:
        hd = by_code["HD"]
        set_text(draft, "headline", hd.text, rule="code-hd", lines=hd.span, confidence=0.95)
    if "BY" in by_code:
        set_byline(draft, by_code["BY"].text, ctx, rule="code-by", lines=by_code["BY"].span, confidence=0.9)
    if "PD" in by_code:
        _set_date_time(draft, by_code["PD"], by_code.get("ET"), ctx, rule="code-pd")
    if "LA" in by_code:
        set_text(draft, "language", language_code(by_code["LA"].text), rule="code-la", lines=by_code["LA"].span,
                 confidence=0.95)
    body = [p for f in fields if f.code in ("LP", "TD") for p in paragraphs_from_lines(f.lines)]
    set_body(draft, body, rule="code-lp-td", confidence=0.9)
    captions = [f.text for f in fields if f.code == "ART" and f.text]
    if captions:
        draft.set("captions", list(draft.get("captions", ())) + captions, rule="code-art", overwrite=True)
    for code in ("SN", "CR"):
        if code in by_code:
            _source_agency(draft, by_code[code].text, rule=f"code-{code.lower()}", lines=by_code[code].span)
    if "WC" in by_code:
        _check_length(draft, by_code["WC"].text)
    return draft


# --- the article view ------------------------------------------------------------------------


def split_views(lines: list[Line]) -> list[list[Line]]:
    """The article view cut at ``Document <ID>`` lines; a last piece without one counts if it has a word count."""
    chunks: list[list[Line]] = []
    current: list[Line] = []
    for number, line in lines:
        if _DOCUMENT_ID.fullmatch(line.strip()):
            chunks.append(current)
            current = []
        else:
            current.append((number, line))
    if any(_WORD_COUNT.fullmatch(line.strip()) for _, line in current):
        chunks.append(current)
    return [c for c in chunks if any(line.strip() for _, line in c)]


def _build_view(chunk: list[Line], ctx: Context) -> Draft | None:
    """Set the record's fields from one article of the article view; ``None`` for a cover."""
    items = [(n, line.strip()) for n, line in chunk if line.strip()]
    anchor = next((i for i, (_, s) in enumerate(items) if _WORD_COUNT.fullmatch(s)), None)
    if anchor is None:
        return None
    draft = Draft()
    _view_headline(draft, items[:anchor], ctx)
    k, body_from = _view_header(draft, items, anchor + 1, ctx)
    body_lines = [(n, line) for n, line in chunk if n >= body_from] if k < len(items) else []
    set_body(draft, paragraphs_from_lines(body_lines), rule="view-body", confidence=0.85)
    _check_length(draft, items[anchor][1])
    return draft


def _view_headline(draft: Draft, above: list[Line], ctx: Context) -> None:
    """Headline, and a byline when the line right above the word count is one; cover lines never count."""
    start = max((i + 1 for i, (_, line) in enumerate(above) if is_summary_line(line)), default=0)
    above = above[start:]
    if not above:
        return
    last_number, last = above[-1]
    if len(above) >= 2 and _is_view_byline(last):
        set_byline(draft, last, ctx, rule="view-byline", lines=(last_number, last_number), confidence=0.85)
        number, headline = above[-2]
    else:
        number, headline = last_number, last
    set_text(draft, "headline", headline, rule="view-headline", lines=(number, number), confidence=0.9)


def is_summary_line(line: str) -> bool:
    """A line of a search-summary cover: its title, or ``Label<TAB>value`` with a summary label."""
    stripped = line.strip()
    if stripped.casefold() in _SUMMARY_TITLES:
        return True
    cells = _CELL_GAP.split(stripped, maxsplit=1)
    return len(cells) == 2 and cells[0].strip().casefold() in _SUMMARY_LABELS


def _is_view_byline(line: str) -> bool:
    if len(line) > _MAX_HEADER_LINE:
        return False
    return _BYLINE_PREFIX.match(line) is not None or bylines.byline_score(line) >= 0.6


def _view_header(draft: Draft, items: list[Line], k: int, ctx: Context) -> tuple[int, int]:
    """Date, time, source, language and copyright under the word count; where the body starts (index, line)."""
    date_item = time_item = None
    if k < len(items) and is_factiva_date(items[k][1]):
        date_item, k = items[k], k + 1
    if k < len(items) and _TIME.fullmatch(items[k][1]):
        time_item, k = items[k], k + 1
    if date_item:
        _set_date_time(draft, _Field("PD", [date_item]), _Field("ET", [time_item]) if time_item else None,
                       ctx, rule="view-date")
    if k < len(items) and not _is_language(items[k][1]) and not _COPYRIGHT.match(items[k][1]):
        number, source = items[k]
        _source_agency(draft, source, rule="view-source", lines=(number, number))
        k += 1
    lang_at = next((j for j in range(k, min(k + _LOOKAHEAD, len(items))) if _is_language(items[j][1])), None)
    if lang_at is not None and all(_SOURCE_CODE.fullmatch(items[j][1]) for j in range(k, lang_at)):
        number, name = items[lang_at]
        set_text(draft, "language", language_code(name), rule="view-language", lines=(number, number),
                 confidence=0.9)
        k = lang_at + 1
    if k < len(items) and _COPYRIGHT.match(items[k][1]):
        k += 1
    body_from = items[k][0] if k < len(items) else items[-1][0] + 1
    return k, body_from


# --- used by both layouts -------------------------------------------------------------------


def language_code(value: str) -> str | None:
    """ISO 639-1 code for a language name (``English`` -> ``en``), or a two-letter code as given."""
    folded = value.strip().casefold()
    if folded in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[folded]
    if len(folded) == 2 and folded.isascii() and folded.isalpha():
        return folded
    return None


def _is_language(line: str) -> bool:
    return len(line) < 30 and line.strip().casefold() in LANGUAGE_NAMES


def _set_date_time(draft: Draft, pd: _Field, et: _Field | None, ctx: Context, *, rule: str) -> None:
    """``PD`` plus ``ET`` as one date-time (``2014-12-01T07:30:00``); a zone only when the time gives one."""
    lines = pd.span
    if et is None or not et.text:
        set_date(draft, pd.text, ctx, rule=rule, lines=lines, confidence=0.95)
        return
    if et.span and lines:
        lines = (min(lines[0], et.span[0]), max(lines[1], et.span[1]))
    settings = ctx.settings
    both = f"{pd.text} {et.text}"
    iso = dates.parse_date(both, dayfirst=settings.dayfirst, reference=settings.reference_time)
    if iso and "T" in iso:
        draft.set("date", iso, rule=f"{rule}+et", lines=lines, confidence=0.95)
        return
    if not set_date(draft, pd.text, ctx, rule=f"{rule}+et", lines=lines, confidence=0.95):
        return
    combined = with_time(draft.get("date"), et.text)
    if combined:
        draft.set("date", combined, rule=f"{rule}+et", lines=lines, confidence=0.95, overwrite=True)


def with_time(iso_date: str, time_text: str) -> str | None:
    """An ISO date with the clock time of ``time_text`` (``07:30`` -> ``T07:30:00``); ``None`` if unreadable."""
    match = _TIME_PARTS.match(time_text.strip())
    if match is None or not iso_date or "T" in iso_date or len(iso_date) != 10:
        return None
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    meridiem = (match.group(4) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    zone = _zone(match.group(5))
    return f"{iso_date}T{hour:02d}:{minute:02d}:{second:02d}{zone}"


def _zone(text: str | None) -> str:
    """``+HH:MM`` for a numeric offset or UTC; nothing for named zones, which are ambiguous."""
    if not text:
        return ""
    if text in rules.UTC_ZONES:
        return "+00:00"
    if text[0] in "+-":
        digits = text[1:].replace(":", "")
        return f"{text[0]}{digits[:2]}:{digits[2:]}" if len(digits) == 4 else ""
    return ""


def _source_agency(draft: Draft, name: str, *, rule: str, lines: tuple[int, int] | None) -> None:
    """A wire service as source (``Reuters News``) is an agency; other sources are not record fields."""
    agency = bylines.canonical_agency(" ".join(name.split())) if name else None
    if agency:
        add_agencies(draft, [agency], rule=rule, lines=lines)


def _check_length(draft: Draft, stated_text: str) -> None:
    """Say so when the body is far shorter than the stated word count."""
    match = _WORD_COUNT.search(stated_text[:_LENGTH_REACH])
    if match is None:
        return
    stated = int(_NON_DIGITS.sub("", match.group(1)))
    have = word_count(draft.get("body"))
    if stated and have and have * 2 < stated:
        draft.warn(f"body has {have} words but the export states {stated}; it may be cut short")

