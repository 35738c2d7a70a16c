"""Lines and blocks of a plain-text dump, and where its body runs.

Text browsers and Markdown converters leave their marks (list bullets, link
lists, wrapped link targets, backslash escapes); these helpers read through
them and find the densest run of prose, which is the article.
"""

from __future__ import annotations

from collections import Counter

from ..fields import dates
from ..fields.body import is_boilerplate
from ..fields.text import inline_words
from ..lazyre import LazyPattern, lazy_compile
from ..rules.plain import END_MARKERS, NAV_PREFIXES, SEPARATORS
from .plain_names import maybe_byline

_MD_IMAGE = lazy_compile(r"!\[[^\[\]\n]{0,500}\]\([^()\s]{0,2000}\)")
_MD_LINK = lazy_compile(r"\[([^\[\]\n]{0,500})\]\((?:[^()\s]{0,2000})(?: \"[^\"\n]{0,200}\")?\)")
_MD_HEADING = lazy_compile(r"^(#{1,6})\s+")
_MD_EMPH = lazy_compile(r"(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1")
_DANGLING_LINK = lazy_compile(r"\]\([^()\s]{0,2000}$")
_LINK_TAIL = lazy_compile(r"[^()\s]{0,2000}?\)")
#: "#Site » Feed Site » Comments": a text browser's list of the page's <link> titles.
_LINK_LIST = lazy_compile(r"#[^\s#]")
_MD_ESCAPE = lazy_compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SENTENCE_PUNCT = lazy_compile(r"[.!?;][\"'”’»)]?(?:\s|$)")
#: What every breadcrumb separator holds, a character or a number with a full stop: a quick test before the split.
_CRUMB_CHARS = ">»›/|"
_NUMBERED = lazy_compile(r"\d\.")
_CRUMB_SEPARATOR = lazy_compile(r"\s(?:>|»|›|/|\|)\s|(?:^|\s)\d{1,2}\.\s(?=\S)")
CLOSING = lazy_compile(r"[.…][\"'”’»)]?$")
TERMINAL = lazy_compile(r"[.!?…][\"'”’»)]?$")
#: The longest text :data:`CLOSING` or :data:`TERMINAL` can match, a final line break included.
_END_REACH = 3
_END_MARKERS = frozenset(END_MARKERS)
_SEPARATORS = frozenset(SEPARATORS)

#: Words of prose above a comments/related heading that make it the article, whatever follows.
_MIN_ARTICLE_WORDS = 40
#: How many short paragraphs above the main run may join it.
_MAX_LEAD_BLOCKS = 30
#: Characters of page scanned for repeated phrases before whole-line counts take over.
_COUNT_BUDGET = 20_000_000
class Line:
    """One input line: its number, its raw and cleaned text, its Markdown heading level and word count.

    A plain class with slots, not a dataclass: thousands are made per file, and
    defining it costs nothing at start-up.
    """

    __slots__ = ("no", "raw", "text", "heading", "last", "words")

    def __init__(self, no: int, raw: str, text: str, heading: int, last: int = 0, words: int = -1) -> None:
        self.no = no  # 1-based line number
        self.raw = raw  # the line as written
        self.text = text  # markup and Markdown removed, whitespace collapsed
        self.heading = heading  # Markdown heading level, 0 if none
        self.last = last or no  # last line number when several lines were joined
        # words in ``text``, asked for by most passes: counted once (here if not given)
        self.words = words if words >= 0 else len(text.split())

    def __repr__(self) -> str:
        return f"Line({self.no}, {self.text!r})"


class Block:
    """Consecutive non-blank lines: the joined text, its word count, and how many of them are prose."""

    __slots__ = ("lines", "prose", "text", "words")

    def __init__(self, lines: list[Line], prose: int = 0) -> None:
        self.lines = lines
        self.prose = prose  # words of prose, 0 for furniture
        if len(lines) == 1:  # most blocks: one paragraph on one line
            self.text, self.words = lines[0].text, lines[0].words
        else:  # blocks never change once made
            self.text = " ".join(line.text for line in lines)
            self.words = sum(line.words for line in lines)

    def __repr__(self) -> str:
        return f"Block({self.lines[0].no if self.lines else '-'}, {self.text[:40]!r})"


def close_wrapped_links(raws: list[str]) -> list[str]:
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


def make_line(no: int, raw: str) -> Line:
    """A line with Markdown marks, inline markup and extra blanks removed from its text."""
    stripped = raw.strip()
    if not stripped:
        return Line(no, raw, "", 0, words=0)  # a blank line: half of most files
    heading = 0
    match = _MD_HEADING.match(stripped) if stripped.startswith("#") else None
    if match:
        heading = len(match.group(1))
        stripped = stripped[match.end():]
    if "](" in stripped:
        stripped = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", stripped))
    if "**" in stripped or "__" in stripped:
        stripped = _MD_EMPH.sub(r"\2", stripped)
    if "\\" in stripped:
        stripped = _MD_ESCAPE.sub(r"\1", stripped)
    words = inline_words(stripped)
    return Line(no, raw, " ".join(words), heading, words=len(words))


# --- labelled header and footer lines ------------------------------------------------------

def ends_with(pattern: LazyPattern, text: str) -> bool:
    """Whether :data:`CLOSING` or :data:`TERMINAL` matches at the end of ``text``, searching its tail only."""
    return pattern.search(text, max(0, len(text) - _END_REACH)) is not None


def make_blocks(lines: list[Line], used: set[int]) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    for i, line in enumerate(lines):
        if i in used or not line.text or line.text in _SEPARATORS:
            if current:
                blocks.append(Block(current))
                current = []
            continue
        if line.heading and current:
            blocks.append(Block(current))
            current = []
        current.append(line)
    if current:
        blocks.append(Block(current))
    for block in blocks:
        block.prose = _prose_words(block)
    return blocks


def is_nav(line: Line) -> bool:
    """A short line that opens like a menu entry or list bullet."""
    return line.words < 12 and line.raw.strip().startswith(NAV_PREFIXES)


def _prose_words(block: Block) -> int:
    """Words of running text in ``block``; navigation, lists of links and short labels count 0."""
    nav = sum(1 for line in block.lines if _is_link_line(line))
    if nav * 2 >= len(block.lines):
        return 0
    text = block.text
    words = block.words
    if words < 10 or not _SENTENCE_PUNCT.search(text) or breadcrumb_tail(text):
        return 0
    if len(block.lines) == 1:
        if words <= 20 and _is_header_like(text):
            return 0
        if words < 20 and not ends_with(TERMINAL, text):
            return 0  # a long headline or a link, not a paragraph
    if len(block.lines) == 1:
        return words  # ten words or more, so not a stack of short lines
    longest = max(line.words for line in block.lines)
    if longest < 10 and sum(len(line.text) for line in block.lines) < 50 * len(block.lines):
        return 0  # a stack of short lines: a header or a list, not running text
    return words


def _is_link_line(line: Line) -> bool:
    """A menu entry or a line of links ("#World #Politics")."""
    return is_nav(line) or _LINK_LIST.match(line.raw.lstrip()) is not None


def _is_header_like(text: str) -> bool:
    """A byline or dated line, which can look like a short sentence."""
    return maybe_byline(text) or dates.has_date(text)


def breadcrumb_tail(text: str) -> str | None:
    """The last step of a breadcrumb trail ("Home > World > <headline>"), or ``None``."""
    if len(text) > 400 or not (any(c in text for c in _CRUMB_CHARS) or _NUMBERED.search(text)):
        return None
    parts = _CRUMB_SEPARATOR.split(text)
    if len(parts) < 3:
        return None
    tail = parts[-1].strip()
    return tail if len(tail.split()) >= 3 else None


class PageText:
    """The whole page, for "is this line printed elsewhere too?" questions, in bounded time.

    Counting a phrase means scanning the page; once the scans add up to
    ``_COUNT_BUDGET`` characters (a huge file), whole-line counts answer instead.
    """

    def __init__(self, text: str, lines: list[Line]) -> None:
        self.folded = text.casefold()
        self._source_lines = lines
        self._lines: Counter[str] | None = None  # whole-line counts, built only once the budget runs out
        self._memo: dict[str, int] = {}
        self._budget = _COUNT_BUDGET

    def count(self, phrase: str) -> int:
        """How often ``phrase`` (any case) occurs in the page."""
        key = phrase.casefold()
        found = self._memo.get(key)
        if found is None:
            if self._budget >= len(self.folded):
                self._budget -= len(self.folded)
                found = self.folded.count(key)
            else:
                if self._lines is None:
                    self._lines = Counter(line.text.casefold() for line in self._source_lines if line.text)
                found = self._lines.get(key, 0)
            self._memo[key] = found
        return found


def main_run(blocks: list[Block], page: PageText) -> tuple[int, int]:
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
    while True:  # short closing paragraphs join the run, also past an "Advertisement" line
        if end + 1 < len(blocks) and _is_closing_text(blocks[end + 1]):
            end += 1
        elif end + 2 < len(blocks) and _is_furniture(blocks[end + 1]) and _is_closing_text(blocks[end + 2]):
            end += 2
        else:
            break
    first = start
    while first > 0 and ends_with(CLOSING, blocks[first - 1].text) and _is_closing_text(blocks[first - 1]):
        first -= 1
    # short paragraphs above the run join it, but not a title the page prints elsewhere too
    first = max(first, start - _MAX_LEAD_BLOCKS)
    titles = [i for i in range(first, start) if printed_elsewhere(blocks, i, first, end, page)]
    start = titles[-1] + 1 if titles else first
    return start, end


def printed_elsewhere(blocks: list[Block], index: int, first: int, end: int, page: PageText) -> bool:
    """Whether a block's text also stands outside blocks ``first..end`` (a title repeated in feeds or breadcrumbs)."""
    text = blocks[index].text
    total = page.count(text)
    if total <= 1:
        return False
    key = text.casefold()
    inside = 0
    for block in blocks[first:end + 1]:
        inside += block.text.casefold().count(key)
        if inside >= total:
            return False
    return True


def _is_furniture(block: Block) -> bool:
    """A block of boilerplate lines only ("Advertisement", "Share"), but not a heading that ends the article."""
    return not _is_end_marker(block) and all(is_boilerplate(line.text) for line in block.lines)


def _is_closing_text(block: Block) -> bool:
    """A short paragraph after the last long one that still reads as the article's text."""
    if _is_end_marker(block) or any(is_nav(line) or _LINK_LIST.match(line.raw.lstrip()) for line in block.lines):
        return False
    text = block.text
    words = block.words
    if words < 3 or not (words >= 12 or ends_with(CLOSING, text)):
        return False
    return not _is_header_like(text)  # the costly test last


def _is_end_marker(block: Block) -> bool:
    return len(block.lines) == 1 and block.text.strip(" :.").casefold() in _END_MARKERS


# --- the unlabelled header stack --------------------------------------------------------------
