"""The article text of a web page: boilerplate boxes skipped, the main text container chosen.

One walk over the tree turns it into text blocks (paragraphs, headings, list items...)
in document order, skipping page furniture (navigation, share bars, related lists,
comments). Each element's blocks form one contiguous range, so the container choice
(semantic markup first, else paragraph-density scoring with sibling merging) is cheap
arithmetic over that list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..lazyre import lazy_compile
from ..rules import html as rules
from .html_meta import PageInfo, classes_of, in_boilerplate, text_of, text_strings

_WS = lazy_compile(r"\s+")
_STYLE_HIDDEN = lazy_compile(rules.HIDDEN_STYLE_PATTERN, re.IGNORECASE)
_EMPTY: frozenset[str] = frozenset()
#: Tags judged even without attributes (furniture and captions are known by their name).
_ALWAYS_JUDGED = rules.FURNITURE_TAGS | {"figcaption", "noscript"}
#: Elements whose strings are annotations, not text (their elements are still walked).
_ANNOTATIONS = frozenset({"rt", "rp"})
_WORD = lazy_compile(r"[^\W\d_]{2,}")
#: Characters a page may write as entities, so a probe for the raw HTML avoids them.
_UNSAFE = frozenset("&<>\"'’‘“”«»–—…")
_SENTENCE_END = lazy_compile(rules.SENTENCE_END_PATTERN)

KEEP, SKIP, CAPTION = 0, 1, 2


@dataclass(slots=True)
class Block:
    """One run of text between block boundaries."""

    text: str
    kind: str
    element: Any
    links: int

    @property
    def link_density(self) -> float:
        return self.links / len(self.text) if self.text else 1.0


@dataclass(slots=True)
class Extraction:
    """The page as text blocks, and which of them are the article text."""

    blocks: list[Block] = field(default_factory=list)
    chosen: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    rule: str = "html-body"
    #: index in ``blocks`` of the first block of the article text
    start: int = 0


class _Walker:
    """Turns a tree into :class:`Block` objects, recording each element's block range."""

    def __init__(self, shares: dict[int, int], total: int, protected: set[int],
                 toks: dict[int, frozenset[str]], all_text: int, tops: list[Any]) -> None:
        self.shares = shares
        #: the page's top-level elements: the siblings of an element without a parent
        self.tops = tops
        self.toks = toks
        self.total = total
        self.all_text = all_text
        self.protected = protected
        self.blocks: list[Block] = []
        self.captions: list[tuple[int, str, Any]] = []
        self.ranges: dict[int, tuple[int, int]] = {}
        self.parts: list[str] = []
        self.links = 0
        self.element: Any = None
        self.kind = "div"

    def flush(self) -> None:
        if not self.parts:
            return
        text = _WS.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        if text:
            self.blocks.append(Block(text, self.kind, self.element, min(self.links, len(text))))
        self.links = 0

    def walk(self, node: Any, depth: int, in_link: bool, quiet: bool = False) -> None:
        """Read what ``node`` holds; ``quiet`` when its strings are annotations, not text."""
        for child in _contents(node):
            if isinstance(child, str):
                if not quiet:
                    self.parts.append(child)
                    if in_link:
                        self.links += len(child.strip())
                continue
            name = child.tag
            if name in rules.SKIP_TAGS:
                continue
            if name == "br" or name == "hr":
                self.flush()
                continue
            verdict = self.verdict(child, name) if (child.keys() or name in _ALWAYS_JUDGED) else KEEP
            if verdict == SKIP:
                continue
            if verdict == CAPTION:
                self.flush()
                text = text_of(child, 600)
                if text:
                    self.captions.append((len(self.blocks), text, child))
                continue
            start = len(self.blocks)
            inner_quiet = quiet or name in _ANNOTATIONS
            if depth > rules.MAX_WALK_DEPTH:
                self.parts.append(" " + text_of(child, 100_000) + " ")
            elif name in rules.BLOCK_TAGS:
                self.flush()
                saved = self.element, self.kind
                self.element, self.kind = child, name
                self.walk(child, depth + 1, in_link, inner_quiet)
                self.flush()
                self.element, self.kind = saved
            else:
                self.walk(child, depth + 1, in_link or name == "a", inner_quiet)
            self.ranges[id(child)] = (start, len(self.blocks))

    def verdict(self, tag: Any, name: str) -> int:
        """Keep, skip or read as a caption: by tag, role, hidden state, class and id."""
        ident = id(tag)
        if ident in self.protected or name in ("html", "body", "main"):
            return KEEP
        if name == "noscript":  # the page as shown without scripts: read only when it holds the text
            return KEEP if self.shares.get(ident, 0) >= rules.MIN_BODY_CHARS else SKIP
        toks = self.toks.get(ident, _EMPTY)
        if name == "figcaption" or not toks.isdisjoint(rules.CAPTION_TOKENS):
            if not self.holds_much(tag, 0.2):
                return CAPTION
        weak = name in rules.FURNITURE_TAGS or _is_hidden(tag)
        role = tag.get("role")
        if isinstance(role, str) and role.lower() in rules.FURNITURE_ROLES:
            weak = True
        strong = not toks.isdisjoint(rules.BOILERPLATE_STRONG)
        if not strong and not weak:
            if toks.isdisjoint(rules.BOILERPLATE_WEAK) or not toks.isdisjoint(rules.POSITIVE_TOKENS):
                return KEEP
        if strong and not toks.isdisjoint(rules.COMMENT_TOKENS):
            return SKIP
        return KEEP if self.holds_much(tag, rules.KEEP_SHARE) else SKIP

    def holds_much(self, tag: Any, share: float) -> bool:
        """Whether ``tag`` holds at least ``share`` of the page's paragraph text (or of all text)."""
        if self.total >= rules.MIN_PARAGRAPH_CHARS:
            return self.shares.get(id(tag), 0) >= share * self.total
        if self.all_text <= 0:
            return False
        need = share * self.all_text
        return len(text_of(tag, int(need) + 1)) >= need


def _contents(node: Any) -> Iterator[Any]:
    """What an element holds, in order: its child elements and the strings between them (not comments)."""
    text = node.text
    if text:
        yield text
    for child in node:
        if isinstance(child.tag, str):
            yield child
        tail = child.tail
        if tail:
            yield tail


def _is_hidden(tag: Any) -> bool:
    if tag.get("hidden") is not None:
        return True
    if str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = tag.get("style")
    if isinstance(style, str) and _STYLE_HIDDEN.search(style):
        return True
    classes = classes_of(tag)
    return classes is not None and any(c.lower() in rules.HIDDEN_CLASSES for c in classes)


def paragraph_shares(paragraphs: list[Any]) -> tuple[dict[int, int], int]:
    """Characters of ``<p>`` text under every element, and the page total."""
    shares: dict[int, int] = {}
    total = 0
    for para in paragraphs:
        size = len(text_of(para, 5000))
        if not size:
            continue
        total += size
        node = para.getparent()
        while node is not None:
            key = id(node)
            shares[key] = shares.get(key, 0) + size
            node = node.getparent()
    return shares, total


def _text_size(root: Any) -> int:
    """Characters of visible text under ``root`` (whitespace runs count as one)."""
    size = 0
    for text, parent in text_strings(root):
        if parent.tag not in rules.SKIP_TAGS:
            size += len(" ".join(text.split()))
    return size


def body_boxes(info: PageInfo) -> list[Any]:
    """Elements that say they hold the article text (``itemprop=articleBody``, ``article-body`` classes)."""
    boxes: list[Any] = [m.tag for prop in rules.BODY_ITEMPROPS for m in info.itemprops.get(prop, [])]
    for tag in info.boxes:
        if tag not in boxes:
            boxes.append(tag)
    return [b for b in boxes if b.tag not in rules.SKIP_TAGS and not in_boilerplate(b, info)]


def extract(info: PageInfo, headline: str | None) -> Extraction:
    """The page's text blocks, the article's among them, its captions, and the rule that chose it."""
    root = next((el for el in info.elements if el.tag == "body"), None)
    if root is None:
        root = info.document
    shares, total = paragraph_shares(info.paragraphs)
    boxes = body_boxes(info)
    protected: set[int] = set()
    for box in boxes:
        protected.add(id(box))
        protected.update(id(p) for p in box.iterancestors())
    all_text = _text_size(root) if total < rules.MIN_PARAGRAPH_CHARS else 0
    walker = _Walker(shares, total, protected, info.toks, all_text, info.document.tops)
    walker.walk(root, 0, False)
    walker.flush()
    blocks = walker.blocks
    if not blocks:
        return Extraction()
    spans, rule = _choose(walker, boxes)
    chosen = [b for i, b in enumerate(blocks) if _inside(i, spans)]
    captions = [c[1] for c in walker.captions if _inside_caption(c[0], spans)]
    return Extraction(blocks, _filter(chosen, headline), captions, rule, spans[0][0] if spans else 0)


def _inside(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= index < b for a, b in spans)


def _inside_caption(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= index <= b for a, b in spans)


def _good_chars(blocks: list[Block], span: tuple[int, int]) -> int:
    return sum(len(b.text) for b in blocks[span[0]:span[1]]
               if b.link_density <= rules.MAX_LINK_DENSITY and b.kind not in rules.HEADING_TAGS)


def _choose(walker: _Walker, boxes: list[Any]) -> tuple[list[tuple[int, int]], str]:
    """Block ranges of the article text: a marked box when it holds enough text, else the best-scored one."""
    blocks, ranges = walker.blocks, walker.ranges
    top_spans = _score(walker)
    top_chars = sum(_good_chars(blocks, s) for s in top_spans)
    best_box, best_chars = None, 0
    for box in boxes:
        span = ranges.get(id(box))
        if span is None:
            continue
        chars = _good_chars(blocks, span)
        if chars > best_chars or (chars == best_chars and best_box is not None and _contains(best_box, box)):
            best_box, best_chars = box, chars
    if best_box is not None and best_chars >= rules.MIN_BODY_CHARS:
        span = ranges[id(best_box)]
        holds_top = bool(top_spans) and span[0] <= top_spans[0][0] and top_spans[-1][1] <= span[1]
        if holds_top or best_chars >= 0.5 * top_chars:
            return _with_twins(best_box, ranges, walker.tops), "html-article-box"
    if top_spans:
        return top_spans, "html-densest-text"
    return [(0, len(blocks))], "html-page-text"


def _contains(outer: Any, inner: Any) -> bool:
    return any(parent is outer for parent in inner.iterancestors())


def _with_twins(box: Any, ranges: dict[int, tuple[int, int]], tops: list[Any]) -> list[tuple[int, int]]:
    """The box plus siblings of the same tag and class (article text split around ads)."""
    spans = [ranges[id(box)]]
    parent = box.getparent()
    siblings = tops if parent is None else parent
    classes = classes_of(box)
    for sib in siblings:
        if sib.tag != box.tag or sib is box or classes_of(sib) != classes or id(sib) not in ranges:
            continue
        spans.append(ranges[id(sib)])
    return sorted(spans)


def _score(walker: _Walker) -> list[tuple[int, int]]:
    """Readability-style scoring: paragraphs vote for their parent and grandparent."""
    blocks, ranges = walker.blocks, walker.ranges
    scores: dict[int, float] = {}
    tags: dict[int, Any] = {}
    for block in blocks:
        size = len(block.text)
        if size < rules.MIN_VOTING_CHARS or block.kind in rules.HEADING_TAGS or block.kind == "li":
            continue
        if block.link_density > rules.MAX_LINK_DENSITY:
            continue
        points = 1 + block.text.count(",") + min(size / 100, 3)
        parent = block.element.getparent() if block.element is not None else None
        for weight in (1.0, 0.5):
            if parent is None:
                break
            key = id(parent)
            scores[key] = scores.get(key, 0.0) + points * weight
            tags[key] = parent
            parent = parent.getparent()
    if not scores:
        return []
    best_key, best_score = None, -1.0
    for key, score in scores.items():
        span = ranges.get(key)
        if span is None:
            continue
        score *= 1 - _link_density(blocks, span)
        scores[key] = score
        if score > best_score:
            best_key, best_score = key, score
    if best_key is None:
        return []
    top = tags[best_key]
    return _merge_siblings(top, best_score, scores, walker)


def _link_density(blocks: list[Block], span: tuple[int, int]) -> float:
    chars = links = 0
    for block in blocks[span[0]:span[1]]:
        chars += len(block.text)
        links += block.links
    return links / chars if chars else 1.0


def _merge_siblings(top: Any, top_score: float, scores: dict[int, float], walker: _Walker) -> list[tuple[int, int]]:
    """The top element plus siblings that score well or are plain paragraphs."""
    ranges, blocks = walker.ranges, walker.blocks
    parent = top.getparent()
    siblings = walker.tops if parent is None else parent
    threshold = max(10.0, top_score * 0.2)
    top_classes = classes_of(top)
    spans: list[tuple[int, int]] = []
    for sib in siblings:
        if not isinstance(sib.tag, str):
            continue
        span = ranges.get(id(sib))
        if span is None or span[0] == span[1]:
            continue
        if sib is top:
            spans.append(span)
            continue
        bonus = top_score * 0.2 if top_classes and classes_of(sib) == top_classes else 0.0
        if scores.get(id(sib), 0.0) + bonus >= threshold:
            spans.append(span)
            continue
        if sib.tag == "p" and span[1] - span[0] == 1:
            block = blocks[span[0]]
            size, density = len(block.text), block.link_density
            if (size > 80 and density < 0.25) or (0 < size <= 80 and density == 0 and _SENTENCE_END.search(block.text)):
                spans.append(span)
    return spans


def _filter(blocks: list[Block], headline: str | None) -> list[Block]:
    """Drop link lists and the headline repeated at the top of the text."""
    key = _key(headline) if headline else None
    out = []
    for block in blocks:
        if block.link_density > rules.MAX_LINK_DENSITY and len(block.text) < 400:
            continue
        if key and block.kind in rules.HEADING_TAGS:
            text_key = _key(block.text)
            if text_key == key or text_key.endswith(" " + key):
                continue  # the headline again, perhaps after its kicker
        out.append(block)
    return out


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


class LineFinder:
    """Source line numbers of texts found in order in the raw page (entities and tags may hide some)."""

    WINDOW = 60_000

    def __init__(self, source: str) -> None:
        self.source = source
        body = source.find("<body")
        if body < 0:
            body = source.find("<BODY")
        self.pos = max(body, 0)
        self._count_pos = 0
        self._count_line = 1
        self.last_line = self.line_at(self.pos)
        self.misses = 0

    def line_at(self, pos: int) -> int:
        if pos < self._count_pos:
            return self.source.count("\n", 0, pos) + 1
        self._count_line += self.source.count("\n", self._count_pos, pos)
        self._count_pos = pos
        return self._count_line

    def span(self, text: str) -> tuple[int, int]:
        """First and last line of ``text``, searched from where the previous text was found."""
        first = self._find(_probe(text, head=True))
        if first is None:
            tail = self._find(_probe(text, head=False)) if len(text) > 40 else None
            if tail is None:
                return self.last_line, self.last_line
            self.last_line = self.line_at(tail)
            return self.last_line, self.last_line
        line = self.line_at(first)
        end = self._find(_probe(text, head=False), advance=True) if len(text) > 80 else None
        last = self.line_at(end) if end is not None else line
        self.last_line = last
        return line, max(line, last)

    def _find(self, probe: str | None, advance: bool = True) -> int | None:
        if not probe:
            return None
        found = self.source.find(probe, self.pos, self.pos + self.WINDOW)
        if found < 0 and self.misses < 5:
            found = self.source.find(probe, self.pos)
            if found < 0:
                self.misses += 1
        if found < 0:
            return None
        if advance:
            self.pos = found + len(probe)
        return found


def _probe(text: str, head: bool) -> str | None:
    """A run of words from the start (or end) of ``text`` that the raw HTML likely holds verbatim."""
    words = text.split(" ")
    if not head:
        words = words[-12:]
    runs: list[list[str]] = [[]]
    for word in words[:24]:
        if word and _UNSAFE.isdisjoint(word):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        picked = run[:6] if head else run[-6:]
        joined = " ".join(picked)
        if len(joined) >= 12 or (len(picked) == len(words) and len(joined) >= 4):
            return joined
    return None
