"""Plain text: scraper dumps, copy-paste and text-browser dumps of whole pages (the fallback dialect).

Three passes over the lines: ``Label: value`` header and footer lines; the
main run of prose paragraphs (the body); then, above the body, the
unlabelled stack of headline, byline and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fields import bylines, dates, urls
from ..fields.text import Paragraph, clean_inline
from ..rules.bylines import LABELS as BYLINE_LABELS
from ..rules.bylines import NOT_NAME_WORDS
from ..rules.names import GIVEN_NAMES, NOT_NAME_OPENERS
from ..rules.bylines import PREFIXES as BYLINE_PREFIXES
from ..rules.plain import (
    AUTHOR_PATH_SEGMENTS,
    SHARE_LINKS,
    WORDPRESS_SHARE_PARAM,
    DATE_LEAD_WORDS,
    END_MARKERS,
    HEADER_LABELS,
    NAV_PREFIXES,
    NOT_HEADLINE_PATTERNS,
    SEPARATORS,
)
from .base import Context, Draft
from .common import is_junk, set_body, set_byline, set_date, set_person, set_text, set_url

NAME = "plain"
DESCRIPTION = "scraper dumps, copy-paste and text-browser page dumps: a header stack or Label: lines, then paragraphs (the fallback)"

_LABEL = re.compile(r"^\s{0,8}(?P<label>[A-Za-zÀ-ÿА-яЁё()\- ]{1,24}?)\s?[:：]\s*(?P<value>.*)$")
_DATE_LEAD = re.compile(r"^(?:" + "|".join(re.escape(w) for w in DATE_LEAD_WORDS) + r")\b", re.I)
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{0,500})\]\((?:[^)\s]{0,2000})(?: \"[^\"\n]{0,200}\")?\)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1")
#: A Markdown link whose target is an author page; the target may be wrapped onto a second line.
_AUTHOR_LINK = re.compile(
    r"\[(?P<name>[^\[\]\n]{2,60})\]\(\s?https?://[^()\s]{1,200}?(?:\n[^()\s]{0,200}?)?"
    r"/(?:" + "|".join(AUTHOR_PATH_SEGMENTS) + r")/",
    re.IGNORECASE,
)
#: A Markdown link (its target possibly wrapped onto a second line), for the page's own address.
_MD_LINK_TARGET = re.compile(
    r"\[(?P<label>[^\[\]]{1,300})\]\(\s?(?P<target>https?://[^()\s]{1,500}(?:\n[^()\s]{1,500})?)"
    r"(?:\s\"[^\"\n]{0,200}\")?\)"
)
_DANGLING_LINK = re.compile(r"\]\([^()\s]{0,2000}$")
_LINK_TAIL = re.compile(r"[^()\s]{0,2000}?\)")
#: "#Site » Feed Site » Comments": a text browser's list of the page's <link> titles.
_LINK_LIST = re.compile(r"#[^\s#]")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_BARE_URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$", re.I)
_SENTENCE_PUNCT = re.compile(r"[.!?;][\"'”’»)]?(?:\s|$)")
_CRUMB_SEPARATOR = re.compile(r"\s(?:>|»|›|/|\|)\s|(?:^|\s)\d{1,2}\.\s(?=\S)")
_CLOSING = re.compile(r"[.…][\"'”’»)]?$")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)]?$")
_LETTER = re.compile(r"[^\W\d_]")
_END_MARKERS = frozenset(END_MARKERS)
_NOT_HEADLINE = re.compile("|".join(f"(?:{p})" for p in NOT_HEADLINE_PATTERNS), re.IGNORECASE)
#: A cheap test that a line could be a byline at all, before the full byline scorer runs.
_BYLINE_WORDS = sorted({w.rstrip(":：").casefold() for group in BYLINE_PREFIXES.values() for w in group}
                       | {w.casefold() for w in BYLINE_LABELS}, key=len, reverse=True)
_BYLINE_LEAD = re.compile(r"(?:" + "|".join(re.escape(w) for w in _BYLINE_WORDS) + r")\s?[:：]?\s+", re.IGNORECASE)
#: "ByJ.R. Stone", "Geschrieben vonElisa": a byline word glued to the name by a text browser.
_GLUED_BYLINE_WORD = re.compile(r"\b(By|by|BY|Von|von|Par|par|Por|por|Door|door)(?=[A-ZÀ-ÖØ-Þ])")
#: One token of a person's name: "Jane", "O'Brien", "J.R.", "Müller-Lüdenscheidt", "van".
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё'’\-]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?|(?:[A-Z]\.){1,3}|van|von|de|der|da|di|le|la|del|bin|al-[A-Z][a-z]+)$")
_NOT_NAME_WORDS = frozenset(NOT_NAME_WORDS)
_MAX_NAME_TOKENS = 4
_INITIAL = re.compile(r"^[A-Z]\.$")
_PARTICLES = frozenset({"van", "von", "de", "der", "da", "di", "le", "la", "del", "bin"})
#: A user name standing for the author in blog templates: "gizzmo", "freeman1984", "C.Habermueller".
_USER_NAME = re.compile(r"^(?=[^\d]*[A-Za-zÀ-ÿ])[\w.\-]{3,30}$")
#: What separates a name from the rest of a dated header line once the date is cut out.
_PIECE_SEPARATOR = re.compile(r"\s*(?:[|,;·•/]|\s[-–—]\s|:)\s*")
#: Words that travel with a date and are not part of a name.
_DATE_NOISE = frozenset({"uhr", "stand", "um", "am", "on", "at", "le", "el", "il", "op", "h", "pm", "gmt", "in", "à",
                         "utc", "cet", "cest", "est", "edt", "aktualisiert", "updated", "published", "von",
                         "by", "par", "por", "door", "di"})
_BYLINE_HINT = re.compile(r"(?:^|[^\w])(?:" + "|".join(re.escape(w) for w in _BYLINE_WORDS) + r")(?:[^\w]|$)",
                          re.IGNORECASE)
_SEPARATORS = frozenset(SEPARATORS)

#: How many blocks above the body the header stack may reach.
_HEADER_REACH = 18
#: Headline scoring: per line of distance from the body, for a title the page repeats, for a line
#: standing alone in its block, and for the share of its words that the body's opening uses.
_RANK_PENALTY = 0.02
_REPEAT_BONUS = 0.4
_REPEAT_CAP = 2
_NOT_VERBATIM_PENALTY = 0.4
_ALONE_BONUS = 0.5
_OVERLAP_WEIGHT = 1.0
_LONG_TITLE_WORDS = 10
_LONG_TITLE_PENALTY = 0.05
#: Words of prose above a comments/related heading that make it the article, whatever follows.
_MIN_ARTICLE_WORDS = 40
#: Lines longer than this were not hard-wrapped: each such line is its own paragraph.
_WRAP_WIDTH = 110


def sniff(text: str) -> float:
    """Anything can be plain text; every other dialect must beat this."""
    return 0.1


@dataclass(slots=True)
class _Line:
    no: int     # 1-based line number
    raw: str    # the line as written
    text: str   # markup and Markdown removed, whitespace collapsed
    heading: int  # Markdown heading level, 0 if none
    last: int = 0  # last line number when several lines were joined

    def __post_init__(self) -> None:
        self.last = self.last or self.no


@dataclass(slots=True)
class _Block:
    lines: list[_Line]
    prose: int = 0  # words of prose, 0 for furniture

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def parse(text: str, ctx: Context) -> list[Draft]:
    """One draft: header labels, then body, then the unlabelled header stack."""
    lines = [_make_line(i, raw) for i, raw in enumerate(_close_wrapped_links(text.split("\n")), 1)]
    draft = Draft()
    used: set[int] = set()
    _labelled_lines(lines, draft, ctx, used)
    _author_link(text, draft)
    blocks = _blocks(lines, used)
    folded = text.casefold()
    start, end = _main_run(blocks, folded)
    _markdown_title(lines, draft)
    first_body = _header_stack(blocks, start, draft, ctx, folded)
    _body(blocks, first_body, start, end, draft)
    _fallbacks(lines, blocks, start, draft, ctx, used, text)
    return [draft]


def _author_link(text: str, draft: Draft) -> None:
    """A Markdown link to the site's author page ("[Jane Doe](https://site/author/jane-doe/)") names the author."""
    if draft.has("byline") or "](" not in text:
        return
    match = _AUTHOR_LINK.search(text)
    if match is None:
        return
    name = " ".join(match.group("name").split()).strip(" *_")
    if name and len(name.split()) <= _MAX_NAME_TOKENS and not _BARE_URL.match(name):
        line = text.count("\n", 0, match.start()) + 1
        set_person(draft, name, rule="author-link", lines=(line, line), confidence=0.7)


def _close_wrapped_links(raws: list[str]) -> list[str]:
    """Markdown links whose target was hard-wrapped onto the next line, closed on their own line.

    ``[Jane](https://example.org/jane-`` + ``doe/) wrote`` becomes
    ``[Jane](#)`` + `` wrote``, so each line keeps its number and its text.
    """
    out: list[str] = []
    carry = False
    for raw in raws:
        if carry:
            stripped = raw.lstrip()
            tail = _LINK_TAIL.match(stripped)
            if tail:
                raw = stripped[tail.end():]
        carry = False
        if "](" in raw:
            dangling = _DANGLING_LINK.search(raw)
            if dangling:
                raw = raw[:dangling.start()] + "](#)"
                carry = True
        out.append(raw)
    return out


def _make_line(no: int, raw: str) -> _Line:
    stripped = raw.strip()
    heading = 0
    match = _MD_HEADING.match(stripped)
    if match:
        heading = len(match.group(1))
        stripped = stripped[match.end():]
    if "](" in stripped:
        stripped = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", stripped))
    if "**" in stripped or "__" in stripped:
        stripped = _MD_EMPH.sub(r"\2", stripped)
    if "\\" in stripped:
        stripped = _MD_ESCAPE.sub(r"\1", stripped)
    return _Line(no, raw, clean_inline(stripped) if stripped else "", heading)


# --- labelled header and footer lines ------------------------------------------------------

def _label_of(line: _Line) -> tuple[str, str] | None:
    """(field, value) for a ``Label: value`` line whose label is known."""
    match = _LABEL.match(line.text)
    if match is None:
        return None
    field = HEADER_LABELS.get(match.group("label").strip().casefold())
    if field is None:
        return None
    return field, match.group("value").strip()


def _labelled_lines(lines: list[_Line], draft: Draft, ctx: Context, used: set[int]) -> None:
    """Label lines at the top (until the first prose) and among the last lines of the file."""
    nonblank = [i for i, line in enumerate(lines) if line.text]
    top: list[int] = []
    for i in nonblank[:40]:
        if _label_of(lines[i]) is None and len(lines[i].text.split()) > 25:
            break
        top.append(i)
    bottom = nonblank[-8:] if len(nonblank) > 8 else []
    for i in top + [i for i in bottom if i not in top]:
        if i in used:
            continue
        label = _label_of(lines[i])
        if label is None:
            continue
        field, value = label
        span = (lines[i].no, lines[i].no)
        if not value and field in ("url", "headline", "byline", "date"):
            nxt = _next_nonblank(lines, i)
            if nxt is not None and nxt not in used and len(lines[nxt].text.split()) <= 30:
                value = lines[nxt].text
                used.add(nxt)
                span = (lines[i].no, lines[nxt].no)
        used.add(i)
        _apply_label(field, value, lines, i, span, draft, ctx, used)


def _apply_label(field: str, value: str, lines: list[_Line], i: int, span: tuple[int, int],
                 draft: Draft, ctx: Context, used: set[int]) -> None:
    if field == "headline":
        set_text(draft, "headline", value, rule="label-headline", lines=span, confidence=0.95)
    elif field == "subheadline":
        set_text(draft, "subheadline", value, rule="label-subheadline", lines=span, confidence=0.9)
    elif field == "byline":
        set_byline(draft, value, ctx, rule="label-byline", lines=span, labelled=True, confidence=0.9)
    elif field in ("date", "updated"):
        set_date(draft, value, ctx, rule=f"label-{field}", lines=span, field=field, confidence=0.95)
    elif field == "url" or (field == "source" and urls.find_urls(value)):
        _label_url(value, lines, i, span, draft, used)
    elif field == "language":
        if not is_junk(value) and len(value) <= 12:
            set_text(draft, "language", value.split("-")[0].split("_")[0].lower()[:2], rule="label-language",
                     lines=span, confidence=0.9)
    elif field == "dateline":
        set_text(draft, "dateline", value, rule="label-dateline", lines=span, confidence=0.9)
    # "source" naming a publisher, "captured" times and "ignore" labels only leave the body.


def _label_url(value: str, lines: list[_Line], i: int, span: tuple[int, int], draft: Draft,
               used: set[int]) -> None:
    """A labelled URL, which may run on over the next line(s) when wrapped or soft-broken."""
    raw_lines = [value] + [lines[j].raw.strip() for j in range(i + 1, min(i + 4, len(lines)))]
    joined = urls.url_from_lines(raw_lines, 0)
    if joined is not None:
        raw, last = joined
        for j in range(i + 1, i + 1 + last):
            used.add(j)
        span = (span[0], lines[i + last].no) if last else span
        value = raw
    set_url(draft, value, rule="label-url", lines=span, confidence=0.95)


def _next_nonblank(lines: list[_Line], i: int) -> int | None:
    for j in range(i + 1, min(i + 4, len(lines))):
        if lines[j].text:
            return j
    return None


# --- blocks and the main run of prose --------------------------------------------------------

def _blocks(lines: list[_Line], used: set[int]) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[_Line] = []
    for i, line in enumerate(lines):
        if i in used or not line.text or line.text in _SEPARATORS:
            if current:
                blocks.append(_Block(current))
                current = []
            continue
        if line.heading and current:
            blocks.append(_Block(current))
            current = []
        current.append(line)
    if current:
        blocks.append(_Block(current))
    for block in blocks:
        block.prose = _prose_words(block)
    return blocks


def _is_nav(line: _Line) -> bool:
    stripped = line.raw.strip()
    return stripped.startswith(NAV_PREFIXES) and len(line.text.split()) < 12


def _prose_words(block: _Block) -> int:
    """Words of running text in ``block``; navigation, lists of links and short labels count 0."""
    nav = sum(1 for line in block.lines if _is_nav(line) or _LINK_LIST.match(line.raw.lstrip()))
    if nav * 2 >= len(block.lines):
        return 0
    text = block.text
    words = len(text.split())
    if words < 10 or not _SENTENCE_PUNCT.search(text) or _breadcrumb_tail(text):
        return 0
    if len(block.lines) == 1:
        if words <= 20 and _is_header_like(text):
            return 0
        if words < 20 and not _TERMINAL.search(text):
            return 0  # a long headline or a link, not a paragraph
    longest = max(len(line.text.split()) for line in block.lines)
    if longest < 10 and sum(len(line.text) for line in block.lines) < 50 * len(block.lines):
        return 0  # a stack of short lines: a header or a list, not running text
    return words


def _is_header_like(text: str) -> bool:
    """A byline or dated line, which can look like a short sentence."""
    return _maybe_byline(text) or bool(dates.find_dates(text))


def _maybe_byline(text: str) -> bool:
    """A byline word or label in a short line, confirmed by the byline scorer."""
    return len(text) <= 200 and _BYLINE_HINT.search(text) is not None and bylines.byline_score(text) >= 0.5


def _breadcrumb_tail(text: str) -> str | None:
    """The last step of a breadcrumb trail ("Home > World > <headline>"), or ``None``."""
    parts = _CRUMB_SEPARATOR.split(text)
    if len(parts) < 3 or len(text) > 400:
        return None
    tail = parts[-1].strip()
    return tail if len(tail.split()) >= 3 else None


def _main_run(blocks: list[_Block], folded: str) -> tuple[int, int]:
    """Index range [start, end] of the densest run of prose blocks: the article body.

    A run after a comments or related-articles heading wins only when no run
    before that heading looks like an article, so a long comment thread does
    not outweigh the story above it.
    """
    before_end = anywhere = (0, len(blocks) - 1, 0)
    past_end = False
    i = 0
    while i < len(blocks):
        if not blocks[i].prose:
            past_end = past_end or _is_end_marker(blocks[i])
            i += 1
            continue
        start = last = i
        score = gap = 0
        j = i
        while j < len(blocks) and gap <= 3:
            if _is_end_marker(blocks[j]) and j > start:
                break
            if blocks[j].prose:
                score += blocks[j].prose
                last, gap = j, 0
            else:
                gap += 1
            j += 1
        if score > anywhere[2]:
            anywhere = (start, last, score)
        if not past_end and score > before_end[2]:
            before_end = (start, last, score)
        past_end = past_end or (j < len(blocks) and _is_end_marker(blocks[j]))
        i = last + 1
    best = before_end if before_end[2] >= _MIN_ARTICLE_WORDS else anywhere
    start, end = best[0], best[1]
    if best[2] == 0:  # no long paragraph anywhere: the body starts at the first sentence
        texts = [i for i, block in enumerate(blocks) if _is_closing_text(block)]
        return (texts[0], len(blocks) - 1) if texts else (0, len(blocks) - 1)
    while end + 1 < len(blocks) and _is_closing_text(blocks[end + 1]):
        end += 1
    while start > 0 and _is_closing_text(blocks[start - 1]) and _CLOSING.search(blocks[start - 1].text) \
            and folded.count(blocks[start - 1].text.casefold()) < 2:  # a repeated line is a title
        start -= 1
    return start, end


def _is_closing_text(block: _Block) -> bool:
    """A short paragraph after the last long one that still reads as the article's text."""
    if _is_end_marker(block) or any(_is_nav(line) for line in block.lines):
        return False
    text = block.text
    words = len(text.split())
    if words < 3 or _is_header_like(text):
        return False
    return words >= 12 or bool(_CLOSING.search(text))


def _is_end_marker(block: _Block) -> bool:
    return len(block.lines) == 1 and block.text.strip(" :.").casefold() in _END_MARKERS


# --- the unlabelled header stack --------------------------------------------------------------

def _markdown_title(lines: list[_Line], draft: Draft) -> None:
    """A page converted to Markdown marks its title as the one level-1 heading."""
    if draft.has("headline"):
        return
    titles = [line for line in lines if line.heading == 1 and _title_score(line) > 0]
    if titles and len({line.text.casefold() for line in titles}) <= 2:
        first = titles[0]
        set_text(draft, "headline", first.text, rule="markdown-h1", lines=(first.no, first.no), confidence=0.85)


def _header_stack(blocks: list[_Block], start: int, draft: Draft, ctx: Context, folded: str) -> int:
    """Find byline, date and headline above the body; return the index of the first body block."""
    zone = range(max(0, start - _HEADER_REACH), start)
    candidates = [(b, line) for b in zone for line in blocks[b].lines]
    anchor_block = -1
    facts: set[int] = set()
    for b, line in reversed(candidates):
        if _header_fact(line, draft, ctx):
            anchor_block = max(anchor_block, b)
            facts.add(line.no)
    for b in range(start, min(start + 3, len(blocks))):  # "By Jane Doe" or "Jane Doe, 3 May" under a standfirst
        for line in blocks[b].lines:
            if draft.has("byline") or len(line.text.split()) > 20:
                continue
            if _BYLINE_HINT.search(line.text) and len(line.text.split()) <= 12:
                if _take_byline(draft, line.text, ctx, (line.no, line.no), rule="byline-line", confidence=0.7):
                    facts.add(line.no)
                    continue
            matches = dates.find_dates(line.text, dayfirst=ctx.settings.dayfirst)
            if matches:
                _name_beside_date(draft, line.text, matches, ctx, (line.no, line.no))
    for b in reversed(zone):  # a byline or date wrapped over two or three short lines
        block = blocks[b]
        if 1 < len(block.lines) <= 3 and not (draft.has("byline") and draft.has("date")):
            if _header_fact(_joined(block), draft, ctx):
                anchor_block = max(anchor_block, b)
                facts.update(line.no for line in block.lines)
    lowest_header = anchor_block
    if not draft.has("headline"):
        titles = _title_candidates(blocks, zone, start, facts, folded)
        headline = _pick_headline(blocks, titles, start, folded)
        if headline is not None:
            b, line, confidence = headline
            set_text(draft, "headline", line.text, rule="title-line", lines=(line.no, line.last),
                     confidence=confidence)
            lowest_header = max(lowest_header, b)
            if not draft.has("byline"):
                _name_line(draft, blocks, range(b + 1, min(len(blocks), start + 1, b + 5)), ctx, folded,
                           near_title=True)
            if b == start:
                return start + 1
    if not draft.has("byline"):
        _name_line(draft, blocks, range(start, zone.start - 1, -1), ctx, folded, near_title=False)
    if 0 <= lowest_header < start and start - lowest_header <= 3:
        return lowest_header + 1
    return start


def _joined(block: _Block) -> _Line:
    """A short block read as one line (a heading or byline wrapped by a text browser)."""
    return _Line(block.lines[0].no, block.text, block.text, block.lines[0].heading, block.lines[-1].no)


def _title_candidates(blocks: list[_Block], zone: range, start: int, facts: set[int],
                      folded: str) -> list[tuple[int, _Line]]:
    """Lines (and short wrapped blocks) above the body that could be the headline.

    The body's own first block joins them when it is a single short line the
    page repeats elsewhere: a title that ends in a full stop looks like prose.
    """
    out: list[tuple[int, _Line]] = []
    for b in range(zone.start):  # far above the body, only a title the page prints again
        for line in blocks[b].lines:
            if len(line.text.split()) >= 4 and folded.count(line.text.casefold()) >= 2:
                out.append((b, line))
    for b in zone:
        block = blocks[b]
        if 1 < len(block.lines) <= 3 and len(block.text.split()) <= 30:
            if not any(line.no in facts for line in block.lines):
                out.append((b, _joined(block)))
        out.extend((b, line) for line in block.lines if line.no not in facts)
    if start < len(blocks) and len(blocks[start].lines) == 1:
        first = blocks[start].lines[0]
        if len(first.text.split()) <= 20 and (not _CLOSING.search(first.text)
                                               or folded.count(first.text.casefold()) >= 2):
            out.append((start, first))
    for b in list(zone) + [start]:
        if b < len(blocks) and len(blocks[b].lines) == 1:
            line = blocks[b].lines[0]
            tail = _breadcrumb_tail(line.text)
            if tail:
                out.append((b, _Line(line.no, tail, tail, 0)))
    return out


def _header_fact(line: _Line, draft: Draft, ctx: Context) -> bool:
    """Take a byline or a date from one header line; say whether the line was one."""
    text = line.text
    if len(text) > 200 or _BARE_URL.match(text):
        return False
    span = (line.no, line.no)
    found = False
    if not draft.has("byline"):
        found = _take_byline(draft, text, ctx, span, rule="byline-line", confidence=0.75)
    if len(text.split()) <= 20:
        matches = dates.find_dates(text, dayfirst=ctx.settings.dayfirst, reference=ctx.settings.reference_time)
        if any(m.kind != "captured" for m in matches):
            if not draft.has("date"):
                set_date(draft, text, ctx, rule="date-line", lines=span, confidence=0.8)
            if not draft.has("byline"):
                _name_beside_date(draft, text, matches, ctx, span)
            found = True
    return found


def _name_beside_date(draft: Draft, text: str, matches: list, ctx: Context, span: tuple[int, int]) -> None:
    """"Jane Doe, 03.11.2023 15:32" or "1 March 2022 von jdoe": the name left once the date is cut out."""
    rest = text
    for match in reversed(matches):
        rest = rest[:match.start] + " | " + rest[match.end:]
    for piece in _PIECE_SEPARATOR.split(rest):
        tokens = piece.split()
        while tokens and tokens[0].casefold() in _DATE_NOISE and not _BYLINE_LEAD.match(tokens[0] + " "):
            tokens = tokens[1:]
        lead = bool(tokens) and _BYLINE_LEAD.match(tokens[0] + " ") is not None
        name = _name_from(tokens[1:] if lead else tokens, led=lead)
        if name and set_person(draft, name, rule="name-beside-date", lines=span, confidence=0.55):
            return


def _take_byline(draft: Draft, text: str, ctx: Context, span: tuple[int, int], *, rule: str,
                 confidence: float) -> bool:
    """A byline line, read whole or, when page furniture follows the names, up to the names."""
    text = _GLUED_BYLINE_WORD.sub(r"\1 ", text)
    if _maybe_byline(text):
        return set_byline(draft, text, ctx, rule=rule, lines=span, labelled=False, confidence=confidence)
    lead = _BYLINE_LEAD.match(text)
    if lead is None:
        return False
    name = _name_from(text[lead.end():].split(), led=True)
    if name is None:
        return False
    return set_person(draft, name, rule=f"{rule}-names", lines=span, confidence=confidence - 0.15)


def _name_from(tokens: list[str], *, led: bool) -> str | None:
    """The personal name that opens ``tokens``, or ``None``.

    After a byline word (``led``) a name is any run of name-shaped words, or a
    lone user name ("von gizzmo"); without one it must start with a known
    given name. Two words are taken, three when the second is an initial or a
    particle ("Marwan H. Adwan", "Ludwig van Beethoven").
    """
    run: list[str] = []
    for token in tokens[:_MAX_NAME_TOKENS]:
        clean = token.strip(",;|·•()")
        if not _is_name_token(clean):
            break
        run.append(clean)
        if clean != token.strip("()"):
            break
    if len(run) >= 3 and not (_INITIAL.match(run[1]) or run[1] in _PARTICLES):
        run = run[:2]
    if len(run) >= 2:
        if led or run[0].casefold() in GIVEN_NAMES:
            return " ".join(run[:3])
        return None
    if led and tokens:
        alone = tokens[0].strip(",;|·•")
        following = tokens[1] if len(tokens) > 1 else ""
        if _USER_NAME.match(alone) and (not following or not following[:1].isalpha()
                                        or following.casefold() in _DATE_NOISE):
            return alone
    return None


def _is_name_token(token: str) -> bool:
    return _NAME_TOKEN.match(token) is not None and token.casefold() not in _NOT_NAME_WORDS


def _looks_like_name(tokens: list[str]) -> bool:
    return (2 <= len(tokens) <= _MAX_NAME_TOKENS and tokens[0].casefold() not in NOT_NAME_OPENERS
            and all(_is_name_token(t) for t in tokens))


def _is_bare_name(tokens: list[str]) -> bool:
    """A personal name standing alone: name-shaped tokens led by a known given name."""
    return _looks_like_name(tokens) and tokens[0].casefold() in GIVEN_NAMES


def _name_line(draft: Draft, blocks: list[_Block], region: range, ctx: Context, folded: str, *,
               near_title: bool) -> None:
    """A line that is only a person's name: the author.

    A name led by a known given name counts; so does, just under the
    headline, any name-shaped line the page prints again (author boxes and
    bios repeat the name).
    """
    for b in region:
        for line in blocks[b].lines:
            tokens = line.text.split()
            half = len(tokens) // 2
            if len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
                tokens = tokens[:half]  # "Jane Doe Jane Doe": a linked name printed twice
            name = " ".join(tokens)
            repeated = folded.count(name.casefold()) >= 2
            if not (_is_bare_name(tokens) and (near_title or repeated)
                    or near_title and repeated and _looks_like_name(tokens)):
                continue
            if set_person(draft, name, rule="name-line", lines=(line.no, line.no),
                          confidence=0.5 if near_title else 0.4):
                return


def _pick_headline(blocks: list[_Block], candidates: list[tuple[int, _Line]], start: int,
                   folded: str) -> tuple[int, _Line, float] | None:
    """The most title-like line in the header zone, nearer the body the better.

    A line that the page repeats elsewhere (feed titles, breadcrumbs, share
    texts often carry the headline) scores higher.
    """
    body_words = _content_words(" ".join(block.text for block in blocks[start:start + 6]).split()[:300])
    best: tuple[float, int, _Line] | None = None
    for rank, (b, line) in enumerate(reversed(candidates)):
        score = _title_score(line)
        if score <= 0:
            continue
        score -= _RANK_PENALTY * rank
        seen = folded.count(line.text.casefold())
        if not seen:
            score -= _NOT_VERBATIM_PENALTY  # rebuilt from markup or wrapped lines: less sure
        elif len(line.text.split()) >= 4:
            score += _REPEAT_BONUS * min(seen - 1, _REPEAT_CAP)
        block = blocks[b]
        if len(block.lines) == 1 or line.last > line.no:
            score += _ALONE_BONUS  # a heading stands alone in its block
        elif len(block.lines) > 3:
            score -= 0.2
        words = _content_words(line.text.split())
        if body_words and words and b != start:
            score += _OVERLAP_WEIGHT * len(words & body_words) / len(words)
        if best is None or score > best[0]:
            best = (score, b, line)
    if best is None:
        return None
    return best[1], best[2], max(0.3, min(0.9, best[0]))


def _content_words(words: list[str]) -> set[str]:
    """Words of four letters or more, casefolded and stripped of punctuation: what a title shares with its text."""
    out = set()
    for word in words:
        word = word.strip(".,;:!?\"'“”„‘’«»()[]").casefold()
        if len(word) >= 4:
            out.add(word)
    return out


def _title_score(line: _Line) -> float:
    text = line.text
    words = text.split()
    if not 2 <= len(words) <= 30 or len(text) > 250 or not _LETTER.search(text):
        return 0.0
    if _is_nav(line) and not line.heading:
        return 0.0
    if _BARE_URL.match(text) or _label_of(line) or dates.is_date_line(text) or _maybe_byline(text):
        return 0.0
    from ..fields.body import is_boilerplate, is_caption

    if is_boilerplate(text) or is_caption(text) or _NOT_HEADLINE.search(text):
        return 0.0
    score = 1.0
    if line.heading == 1:
        score += 1.0
    elif line.heading:
        score += 0.3
    if _TERMINAL.search(text) and not text.endswith(("?", "!", "?\"", "!\"")):
        score -= 0.5
    if text.isupper() and len(words) <= 3:
        score -= 0.5
    if 4 <= len(words) <= 20:
        score += 0.3
    elif len(words) <= 2:
        score -= 0.3
    score -= _LONG_TITLE_PENALTY * max(0, len(words) - _LONG_TITLE_WORDS)  # a standfirst runs longer
    if text[0].islower():
        score -= 0.4
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        score -= 0.5  # "Your Account Your Account": an image link and its alt text
    return score


# --- body ---------------------------------------------------------------------------------------

def _body(blocks: list[_Block], first: int, start: int, end: int, draft: Draft) -> None:
    if not blocks:
        return
    paragraphs: list[Paragraph] = []
    for block in blocks[first:end + 1]:
        if not block.prose and all(_is_nav(line) for line in block.lines):
            continue
        paragraphs.extend(_paragraphs(block))
    set_body(draft, paragraphs, rule="main-run" if first == start else "after-header")


def _paragraphs(block: _Block) -> list[Paragraph]:
    """A block is one hard-wrapped paragraph, unless its lines are too long to be wrapped."""
    lines = block.lines
    if len(lines) > 1:
        from ..fields.body import is_boilerplate

        lines = [line for line in lines if not is_boilerplate(line.text)]
        if not lines:
            return []
    if len(lines) > 1 and max(len(line.raw) for line in lines) > _WRAP_WIDTH:
        return [Paragraph(line.text, line.no, line.no) for line in lines]
    return [Paragraph(block.text, lines[0].no, lines[-1].no)]


# --- fallbacks ------------------------------------------------------------------------------------

def _fallbacks(lines: list[_Line], blocks: list[_Block], start: int, draft: Draft, ctx: Context,
               used: set[int], text: str) -> None:
    """Dates, URLs and bylines that sit away from the header: bare URL lines, dates in short lines."""
    if not draft.has("url"):
        for line in lines[:12] + lines[-8:]:
            if line.text and _BARE_URL.match(line.text):
                if set_url(draft, line.text, rule="bare-url-line", lines=(line.no, line.no), confidence=0.7):
                    break
    if not draft.has("url") and "](" in text:
        _url_from_links(text, draft)
    if not draft.has("date"):
        for line in lines:
            if line.text and len(line.text.split()) <= 15 and line.no - 1 not in used:
                matches = dates.find_dates(line.text, dayfirst=ctx.settings.dayfirst,
                                           reference=ctx.settings.reference_time)
                if any(m.kind != "captured" for m in matches):
                    if set_date(draft, line.text, ctx, rule="short-line-date", lines=(line.no, line.no),
                                confidence=0.5):
                        break
    if not draft.has("byline"):
        for line in lines:
            if line.no - 1 in used:
                continue
            if line.text and len(line.text) <= 120 and _BYLINE_HINT.search(line.text):
                if _take_byline(draft, line.text, ctx, (line.no, line.no), rule="byline-anywhere",
                                confidence=0.5):
                    break


def _url_from_links(text: str, draft: Draft) -> None:
    """The page's own address in a Markdown dump: the link on the headline, else a share button's target."""
    headline = " ".join((draft.get("headline") or "").split()).casefold()
    share: tuple[str, int] | None = None
    for match in _MD_LINK_TARGET.finditer(text):
        label = " ".join(match.group("label").split()).strip(" #*_").casefold()
        target = match.group("target").replace("\n", "")
        line = text.count("\n", 0, match.start()) + 1
        if headline and label == headline:
            if set_url(draft, target, rule="headline-link", lines=(line, line), confidence=0.75):
                return
        if share is None:
            page = _shared_page(target)
            if page:
                share = (page, line)
    if share is not None:
        set_url(draft, share[0], rule="share-link", lines=(share[1], share[1]), confidence=0.6)


def _shared_page(target: str) -> str | None:
    """The page a share button shares: its ``u=``/``url=`` parameter, or the page of a ``?share=`` link."""
    from urllib.parse import parse_qs, urlsplit, urlunsplit

    parts = urlsplit(target)
    query = parse_qs(parts.query)
    for marker, param in SHARE_LINKS:
        if marker in target and query.get(param):
            candidate = query[param][0]
            return candidate if candidate.startswith(("http://", "https://")) else None
    if WORDPRESS_SHARE_PARAM in query and parts.scheme in ("http", "https"):
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return None
