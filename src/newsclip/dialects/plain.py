"""Plain text: scraper dumps, copy-paste and text-browser dumps of whole pages (the fallback dialect).

Three passes over the lines: ``Label: value`` header and footer lines; the
main run of prose paragraphs (the body, found by :mod:`.plain_lines`); then,
above the body, the unlabelled stack of headline, byline and date (names by
:mod:`.plain_names`).
"""

from __future__ import annotations

from ..fields import dates, urls
from ..fields.body import is_boilerplate, is_caption
from ..fields.text import Paragraph
from ..lazyre import lazy_compile
from ..rules.plain import (
    HEADER_LABELS,
    NOT_HEADLINE_ANYWHERE,
    NOT_HEADLINE_HINT_CHARS,
    NOT_HEADLINE_HINT_WORDS,
    NOT_HEADLINE_STARTS,
    SHARE_LINKS,
    WORDPRESS_SHARE_PARAM,
)
from . import sniffers
from .base import Context, Draft
from .common import is_junk, set_body, set_byline, set_date, set_text, set_url
from .plain_lines import (
    CLOSING,
    TERMINAL,
    Block,
    Line,
    PageText,
    breadcrumb_tail,
    close_wrapped_links,
    ends_with,
    is_nav,
    main_run,
    make_blocks,
    make_line,
    printed_elsewhere,
)
from .plain_names import (
    BARE_URL,
    author_link,
    has_byline_word,
    maybe_byline,
    name_beside_date,
    name_line,
    take_byline,
)

NAME = "plain"
DESCRIPTION = "scraper dumps, copy-paste and text-browser page dumps: a header stack or Label: lines, then paragraphs (the fallback)"
#: How likely a text is in this layout (0 to 1); kept apart from the parser, see :mod:`.sniffers`.
sniff = sniffers.plain

_LABEL = lazy_compile(r"^\s{0,8}(?P<label>[A-Za-zÀ-ÿА-яЁё()\- ]{1,24}?)\s?[:：]\s*(?P<value>.*)$")
#: A Markdown link (its target possibly wrapped onto a second line), for the page's own address.
_MD_LINK_TARGET = lazy_compile(
    r"\[(?P<label>[^\[\]]{1,300})\]\(\s?(?P<target>https?://[^()\s]{1,500}(?:\n[^()\s]{1,500})?)"
    r"(?:\s\"[^\"\n]{0,200}\")?\)"
)
_LETTER = lazy_compile(r"[^\W\d_]")
# Matched in the lower-cased line without IGNORECASE, and the start patterns only at the start:
# about twice as fast as one case-insensitive search for them all.
_NOT_HEADLINE_START = lazy_compile("|".join(f"(?:{p})" for p in NOT_HEADLINE_STARTS))
_NOT_HEADLINE_ANYWHERE = lazy_compile("|".join(f"(?:{p})" for p in NOT_HEADLINE_ANYWHERE))
_NOT_HEADLINE_HINT_CHARS = frozenset(NOT_HEADLINE_HINT_CHARS)
_DIGIT = lazy_compile(r"\d")
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
#: Lines longer than this were not hard-wrapped: each such line is its own paragraph.
_WRAP_WIDTH = 110
#: Punctuation trimmed from both ends of a word before titles and bodies are compared.
_WORD_EDGES = ".,;:!?\"'“”„‘’«»()[]"
#: Words at the start of the body that a title's words are compared with.
_OPENING_WORDS = 300
#: Lines searched for a stray date or byline when the header had none (head and tail of huge files).
_FALLBACK_LINES = 3000
_FALLBACK_TAIL = 300


def parse(text: str, ctx: Context) -> list[Draft]:
    """One draft: header labels, then body, then the unlabelled header stack."""
    lines = [make_line(i, raw) for i, raw in enumerate(close_wrapped_links(text.split("\n")), 1)]
    draft = Draft()
    used: set[int] = set()
    _labelled_lines(lines, draft, ctx, used)
    author_link(text, draft)
    blocks = make_blocks(lines, used)
    page = PageText(text, lines)
    start, end = main_run(blocks, page)
    _markdown_title(lines, draft)
    first_body = _header_stack(blocks, start, end, draft, ctx, page)
    _body(blocks, first_body, start, end, draft)
    _fallbacks(lines, blocks, start, draft, ctx, used, text)
    return [draft]


def _label_of(line: Line) -> tuple[str, str] | None:
    """(field, value) for a ``Label: value`` line whose label is known."""
    if ":" not in line.text and "：" not in line.text:
        return None
    match = _LABEL.match(line.text)
    if match is None:
        return None
    field = HEADER_LABELS.get(match.group("label").strip().casefold())
    if field is None:
        return None
    return field, match.group("value").strip()


def _labelled_lines(lines: list[Line], draft: Draft, ctx: Context, used: set[int]) -> None:
    """Label lines at the top (until the first prose) and among the last lines of the file."""
    nonblank = [i for i, line in enumerate(lines) if line.text]
    labels: dict[int, tuple[str, str] | None] = {}
    top: list[int] = []
    for i in nonblank[:40]:
        labels[i] = _label_of(lines[i])
        if labels[i] is None and lines[i].words > 25:
            break
        top.append(i)
    bottom = nonblank[-8:] if len(nonblank) > 8 else []
    for i in top + [i for i in bottom if i not in top]:
        if i in used:
            continue
        label = labels[i] if i in labels else _label_of(lines[i])
        if label is None:
            continue
        field, value = label
        span = (lines[i].no, lines[i].no)
        if not value and field in ("url", "headline", "byline", "date"):
            nxt = _next_nonblank(lines, i)
            if nxt is not None and nxt not in used and lines[nxt].words <= 30:
                value = lines[nxt].text
                used.add(nxt)
                span = (lines[i].no, lines[nxt].no)
        used.add(i)
        _apply_label(field, value, lines, i, span, draft, ctx, used)


def _apply_label(field: str, value: str, lines: list[Line], i: int, span: tuple[int, int],
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


def _label_url(value: str, lines: list[Line], i: int, span: tuple[int, int], draft: Draft,
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


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(i + 4, len(lines))):
        if lines[j].text:
            return j
    return None


# --- blocks and the main run of prose --------------------------------------------------------

def _markdown_title(lines: list[Line], draft: Draft) -> None:
    """A page converted to Markdown marks its title as the one level-1 heading."""
    if draft.has("headline"):
        return
    titles = [line for line in lines if line.heading == 1 and _title_score(line) > 0]
    if titles and len({line.text.casefold() for line in titles}) <= 2:
        first = titles[0]
        set_text(draft, "headline", first.text, rule="markdown-h1", lines=(first.no, first.no), confidence=0.85)


def _header_stack(blocks: list[Block], start: int, end: int, draft: Draft, ctx: Context, page: PageText) -> int:
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
            if draft.has("byline") or line.words > 20:
                continue
            if has_byline_word(line.text) and line.words <= 12:
                if take_byline(draft, line.text, ctx, (line.no, line.no), rule="byline-line", confidence=0.7):
                    facts.add(line.no)
                    continue
            matches = dates.find_dates(line.text, dayfirst=ctx.settings.dayfirst)
            if matches:
                name_beside_date(draft, line.text, matches, ctx, (line.no, line.no))
    for b in reversed(zone):  # a byline or date wrapped over two or three short lines
        block = blocks[b]
        if 1 < len(block.lines) <= 3 and not (draft.has("byline") and draft.has("date")):
            if _header_fact(_joined(block), draft, ctx):
                anchor_block = max(anchor_block, b)
                facts.update(line.no for line in block.lines)
    lowest_header = anchor_block
    if not draft.has("headline"):
        titles = _title_candidates(blocks, zone, start, end, facts, page)
        headline = _pick_headline(blocks, titles, start, page)
        if headline is not None:
            b, line, confidence = headline
            set_text(draft, "headline", line.text, rule="title-line", lines=(line.no, line.last),
                     confidence=confidence)
            lowest_header = max(lowest_header, b)
            if not draft.has("byline"):
                name_line(draft, blocks, range(b + 1, min(len(blocks), start + 1, b + 5)), ctx, page,
                           near_title=True)
            if b == start:
                return start + 1
    if not draft.has("byline"):
        name_line(draft, blocks, range(min(start, len(blocks) - 1), zone.start - 1, -1), ctx, page,
                  near_title=False)
    if 0 <= lowest_header < start and start - lowest_header <= 3:
        return lowest_header + 1
    return start


def _joined(block: Block) -> Line:
    """A short block read as one line (a heading or byline wrapped by a text browser)."""
    return Line(block.lines[0].no, block.text, block.text, block.lines[0].heading, block.lines[-1].no)


def _title_candidates(blocks: list[Block], zone: range, start: int, end: int, facts: set[int],
                      page: PageText) -> list[tuple[int, Line]]:
    """Lines (and short wrapped blocks) above the body that could be the headline.

    The body's own first block joins them when it is a single short line the
    page repeats elsewhere: a title that ends in a full stop looks like prose.
    """
    out: list[tuple[int, Line]] = []
    for b in range(zone.start):  # far above the body, only a title the page prints again
        for line in blocks[b].lines:
            if line.words >= 4 and page.count(line.text) >= 2:
                out.append((b, line))
    for b in zone:
        block = blocks[b]
        if 1 < len(block.lines) <= 3 and block.words <= 30:
            if not any(line.no in facts for line in block.lines):
                out.append((b, _joined(block)))
        out.extend((b, line) for line in block.lines if line.no not in facts)
    if start < len(blocks) and len(blocks[start].lines) == 1:
        first = blocks[start].lines[0]
        if first.words <= 20 and (not ends_with(CLOSING, first.text)
                                  or printed_elsewhere(blocks, start, start, end, page)):
            out.append((start, first))
    for b in list(zone) + [start]:
        if b < len(blocks) and len(blocks[b].lines) == 1:
            line = blocks[b].lines[0]
            tail = breadcrumb_tail(line.text)
            if tail:
                out.append((b, Line(line.no, tail, tail, 0)))
    return out


def _header_fact(line: Line, draft: Draft, ctx: Context) -> bool:
    """Take a byline or a date from one header line; say whether the line was one."""
    text = line.text
    if len(text) > 200 or BARE_URL.match(text):
        return False
    span = (line.no, line.no)
    found = False
    if not draft.has("byline"):
        found = take_byline(draft, text, ctx, span, rule="byline-line", confidence=0.75)
    if line.words <= 20:
        matches = dates.find_dates(text, dayfirst=ctx.settings.dayfirst, reference=ctx.settings.reference_time)
        if any(m.kind != "captured" for m in matches):
            if not draft.has("date"):
                set_date(draft, text, ctx, rule="date-line", lines=span, confidence=0.8)
            if not draft.has("byline"):
                name_beside_date(draft, text, matches, ctx, span)
            found = True
    return found


def _pick_headline(blocks: list[Block], candidates: list[tuple[int, Line]], start: int,
                   page: PageText) -> tuple[int, Line, float] | None:
    """The most title-like line in the header zone, nearer the body the better.

    A line that the page repeats elsewhere (feed titles, breadcrumbs, share
    texts often carry the headline) scores higher.
    """
    opening = _body_opening(blocks, start)
    best: tuple[float, int, Line] | None = None
    for rank, (b, line) in enumerate(reversed(candidates)):
        score = _title_score(line)
        if score <= 0:
            continue
        score -= _RANK_PENALTY * rank
        seen = page.count(line.text)
        if not seen:
            score -= _NOT_VERBATIM_PENALTY  # rebuilt from markup or wrapped lines: less sure
        elif line.words >= 4:
            score += _REPEAT_BONUS * min(seen - 1, _REPEAT_CAP)
        block = blocks[b]
        if len(block.lines) == 1 or line.last > line.no:
            score += _ALONE_BONUS  # a heading stands alone in its block
        elif len(block.lines) > 3:
            score -= 0.2
        words = _content_words(line.text)
        if words and b != start:
            score += _OVERLAP_WEIGHT * sum(1 for word in words if _holds_word(opening, word)) / len(words)
        if best is None or score > best[0]:
            best = (score, b, line)
    if best is None:
        return None
    return best[1], best[2], max(0.3, min(0.9, best[0]))


def _content_words(text: str) -> set[str]:
    """Words of four letters or more, casefolded and stripped of punctuation: what a title shares with its text."""
    # Duplicates dropped before stripping (strip only shortens, so short words need no strip either).
    return {word for word in (w.strip(_WORD_EDGES) for w in set(text.casefold().split()) if len(w) >= 4)
            if len(word) >= 4}


def _body_opening(blocks: list[Block], start: int) -> str:
    """The body's first ``_OPENING_WORDS`` words, casefolded: where a title's words are looked for."""
    opening = blocks[start:start + 6]
    if sum(block.words for block in opening) <= _OPENING_WORDS:  # the usual case: no cut needed
        return " ".join(block.text for block in opening).casefold()
    folded = " ".join(block.text for block in opening).casefold()
    parts = folded.split(maxsplit=_OPENING_WORDS)
    if len(parts) > _OPENING_WORDS:
        folded = folded[: len(folded) - len(parts[-1])]
    return folded


def _holds_word(text: str, word: str) -> bool:
    """Whether one of the words of ``text``, stripped as :func:`_content_words` strips them, is ``word``.

    Found by substring search, then checked to stand between blanks give or take edge
    punctuation: much cheaper than building the word set of the whole opening.
    """
    at = text.find(word)
    while at >= 0:
        before, after = at, at + len(word)
        while before > 0 and text[before - 1] in _WORD_EDGES:
            before -= 1
        while after < len(text) and text[after] in _WORD_EDGES:
            after += 1
        if (before == 0 or text[before - 1].isspace()) and (after == len(text) or text[after].isspace()):
            return True
        at = text.find(word, at + 1)
    return False


def _is_page_furniture(text: str) -> bool:
    """A reading time, comment count, share prompt or the like: never a headline."""
    lowered = text.lower()
    if _NOT_HEADLINE_START.match(lowered) is not None:
        return True
    if _DIGIT.search(lowered) is None and _NOT_HEADLINE_HINT_CHARS.isdisjoint(lowered) and not any(
            word in lowered for word in NOT_HEADLINE_HINT_WORDS):
        return False  # none of what the patterns below look for: skip their slow search
    return _NOT_HEADLINE_ANYWHERE.search(lowered) is not None


def _title_score(line: Line) -> float:
    text = line.text
    words = text.split()
    if not 2 <= len(words) <= 30 or len(text) > 250 or not _LETTER.search(text):
        return 0.0
    if is_nav(line) and not line.heading:
        return 0.0
    if BARE_URL.match(text) or _label_of(line) or dates.is_date_line(text) or maybe_byline(text):
        return 0.0
    if is_boilerplate(text) or is_caption(text) or _is_page_furniture(text):
        return 0.0
    score = 1.0
    if line.heading == 1:
        score += 1.0
    elif line.heading:
        score += 0.3
    if ends_with(TERMINAL, text) and not text.endswith(("?", "!", "?\"", "!\"")):
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

def _body(blocks: list[Block], first: int, start: int, end: int, draft: Draft) -> None:
    if not blocks:
        return
    paragraphs: list[Paragraph] = []
    for block in blocks[first:end + 1]:
        if not block.prose and all(is_nav(line) for line in block.lines):
            continue
        paragraphs.extend(_paragraphs(block))
    set_body(draft, paragraphs, rule="main-run" if first == start else "after-header")


def _paragraphs(block: Block) -> list[Paragraph]:
    """A block is one hard-wrapped paragraph, unless its lines are too long to be wrapped."""
    lines = block.lines
    if len(lines) > 1:
        lines = [line for line in lines if not is_boilerplate(line.text)]
        if not lines:
            return []
    if len(lines) > 1 and max(len(line.raw) for line in lines) > _WRAP_WIDTH:
        return [Paragraph(line.text, line.no, line.no) for line in lines]
    return [Paragraph(block.text, lines[0].no, lines[-1].no)]


# --- fallbacks ------------------------------------------------------------------------------------

def _fallbacks(lines: list[Line], blocks: list[Block], start: int, draft: Draft, ctx: Context,
               used: set[int], text: str) -> None:
    """Dates, URLs and bylines that sit away from the header: bare URL lines, dates in short lines."""
    if not draft.has("url"):
        for line in lines[:12] + lines[-8:]:
            if line.text and BARE_URL.match(line.text):
                if set_url(draft, line.text, rule="bare-url-line", lines=(line.no, line.no), confidence=0.7):
                    break
    if not draft.has("url") and "](" in text:
        _url_from_links(text, draft)
    scan = lines if len(lines) <= _FALLBACK_LINES else lines[:_FALLBACK_LINES] + lines[-_FALLBACK_TAIL:]
    if not draft.has("date"):
        for line in scan:
            if line.text and line.words <= 15 and line.no - 1 not in used:
                matches = dates.find_dates(line.text, dayfirst=ctx.settings.dayfirst,
                                           reference=ctx.settings.reference_time)
                if any(m.kind != "captured" for m in matches):
                    if set_date(draft, line.text, ctx, rule="short-line-date", lines=(line.no, line.no),
                                confidence=0.5):
                        break
    if not draft.has("byline"):
        for line in scan:
            if line.no - 1 in used:
                continue
            if line.text and len(line.text) <= 120 and has_byline_word(line.text):
                if take_byline(draft, line.text, ctx, (line.no, line.no), rule="byline-anywhere",
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
