"""Metadata of a saved web page: JSON-LD, <meta> tags, microdata and marked-up elements.

One pass over the parsed tree gathers every metadata source into a :class:`PageInfo`;
:mod:`newsclip.dialects.html` then picks from it, best source first. Broken JSON-LD
(trailing commas, comments, raw control characters) is repaired where it can be and
skipped where it cannot; nothing here raises on odd markup.

The tree is lxml's (libxml2's forgiving HTML parser, built in C): building it costs
a small part of what a tree of Python objects would. Its text is read the way a
reader sees it: :func:`nodes` walks elements and page-text strings in document order,
leaving out scripts, styles, templates, ruby annotations and comments.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..lazyre import lazy_compile
from ..rules import html as rules

_CAMEL = lazy_compile(rules.CAMEL_CASE_PATTERN)
_TRAILING_COMMA = lazy_compile(rules.TRAILING_COMMA_PATTERN)
_CDATA_OR_COMMENT = lazy_compile(rules.JSONLD_WRAPPER_PATTERN)
_WS = lazy_compile(r"\s+")
_HIDDEN_TEXT_PARENTS = frozenset({"script", "style", "noscript", "template"})
#: Elements whose strings are code or annotations, never page text (nor any string below them).
_NOT_TEXT_PARENTS = frozenset({"script", "style", "template", "rt", "rp"})
#: Elements that keep their blank runs as written.
_KEEP_BLANKS = frozenset({"pre", "textarea"})
_ASCII_BLANKS = " \n\t\f\r"
#: The name of the document above the top-level elements.
DOCUMENT = "[document]"
_SALVAGE = {key: lazy_compile(source) for key, source in rules.JSONLD_SALVAGE_PATTERNS.items()}
_SALVAGE_AUTHOR = lazy_compile(rules.JSONLD_SALVAGE_AUTHOR_PATTERN)

ARTICLE_RANK = {name: i for i, name in enumerate(rules.JSONLD_ARTICLE_TYPES)}
PAGE_RANK = {name: len(ARTICLE_RANK) + i for i, name in enumerate(rules.JSONLD_PAGE_TYPES)}


@dataclass(slots=True)
class Marked:
    """A visible element that metadata markup points at: its text, attribute value and source tag."""

    text: str
    value: str | None
    tag: Any
    #: position of the element in document order
    order: int = 0


class Document:
    """The parsed page above its top-level elements: one ``<html>``, or more when text follows ``</html>``.

    It answers the few element calls the walkers make (``tag``, ``text``, iteration,
    ``getparent``, ``get``), so a page without ``<body>`` is walked like any element.
    """

    tag = DOCUMENT
    text = None
    tail = None

    def __init__(self, tops: list[Any]) -> None:
        self.tops = tops

    def __iter__(self) -> Iterator[Any]:
        return iter(self.tops)

    def getparent(self) -> None:
        return None

    def get(self, key: str, default: Any = None) -> Any:
        return default

    def iterancestors(self) -> Iterator[Any]:
        return iter(())


def parse_page(text: str) -> Document:
    """The page as an lxml tree, read by libxml2's HTML parser in recovery mode (as forgiving as a browser).

    libxml2 builds the tree itself, in C, up to 256 levels deep; a page that reaches that
    depth may have been cut there, so it is read again through parser events, which know
    no depth limit.
    """
    from lxml import etree

    text = text.removeprefix("\ufeff")
    root = _feed(text, lambda encoding: etree.HTMLParser(recover=True, encoding=encoding, collect_ids=False))
    if root is None:
        return Document([])
    if root.xpath(_TOO_DEEP):
        return _event_tree(text)
    return Document([root, *(s for s in root.itersiblings() if isinstance(s.tag, str))])


#: True when a tree built by libxml2 reaches the depth where it stops building.
_TOO_DEEP = "boolean(" + "/*" * 256 + ")"
#: The element that holds the top-level elements while a tree is built from parser events.
_HOLDER = "newsclip-document"


def _feed(text: str, make_parser: Callable[[str | None], Any]) -> Any:
    """Feed the text to a new parser and close it; as UTF-8 bytes if the parser refuses the text (as bs4 does)."""
    from lxml import etree

    parser = make_parser(None)
    try:
        parser.feed(text)
        return parser.close()
    except (UnicodeDecodeError, LookupError, etree.ParserError):
        parser = make_parser("utf-8")
        parser.feed(text.encode("utf-8"))
        return parser.close()


def _event_tree(text: str) -> Document:
    """The tree built from the parser's events, at any depth (slower: one Python call per event)."""
    from lxml import etree

    holder = _feed(text, lambda encoding: etree.HTMLParser(target=_TreeTarget(), recover=True, encoding=encoding))
    tops = list(holder)
    for top in tops:
        holder.remove(top)
    return Document([top for top in tops if isinstance(top.tag, str)])


class _TreeTarget:
    """Parser events into an lxml tree, every top-level element under one holder element.

    Tolerant as a browser: an end tag with nothing open of its name is ignored, what is
    still open at the end is closed, and names or characters lxml refuses (``<o:p>``,
    ``xmlns:og=``, a U+FFFF) are made acceptable. Comments and processing instructions
    become empty comments: only where they split the text matters.
    """

    def __init__(self) -> None:
        from lxml import etree

        self.builder = etree.TreeBuilder()
        self.holder = self.builder.start(_HOLDER, {})
        #: open elements, innermost last: (name given by the parser, name in the tree)
        self.open: list[tuple[str, str]] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        try:
            self.builder.start(tag, attrib)
            self.open.append((tag, tag))
        except ValueError:
            name = _xml_name(tag)
            self.builder.start(name, _xml_attributes(attrib))
            self.open.append((tag, name))

    def end(self, tag: str) -> None:
        if not any(given == tag for given, _ in self.open):
            return
        while self.open:
            given, name = self.open.pop()
            self.builder.end(name)
            if given == tag:
                return

    def data(self, data: str) -> None:
        self.builder.data(_NOT_XML_CHAR.sub("", data))

    def comment(self, text: str) -> None:
        self.builder.comment("")

    def pi(self, target: str, data: str | None = None) -> None:
        self.builder.comment("")

    def close(self) -> Any:
        while self.open:
            self.builder.end(self.open.pop()[1])
        self.builder.end(_HOLDER)
        self.builder.close()
        return self.holder


_NOT_XML_CHAR = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_NAME = lazy_compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_NOT_NAME_CHAR = lazy_compile(r"[^A-Za-z0-9_.-]")
_XML_NAMESPACE = "{http://www.w3.org/XML/1998/namespace}"


def _xml_name(name: str) -> str:
    """A tag name lxml accepts: itself when plain, else ``x-`` and its letters (``o:p`` -> ``x-o-p``)."""
    return name if _XML_NAME.fullmatch(name) else "x-" + _NOT_NAME_CHAR.sub("-", name)


def _xml_attributes(attrib: dict[str, str]) -> dict[str, str]:
    """Attributes lxml accepts: ``xml:lang`` in its namespace, other unusual names dropped, odd characters cut."""
    out: dict[str, str] = {}
    for name, value in attrib.items():
        if name.startswith("xml:"):
            name = _XML_NAMESPACE + name[4:]
        elif not _XML_NAME.fullmatch(name):
            continue
        out[name] = _NOT_XML_CHAR.sub("", value)
    return out


def all_elements(document: Document) -> list[Any]:
    """Every element of the page in document order."""
    if len(document.tops) == 1:
        return list(document.tops[0].iter("*"))
    return [el for top in document.tops for el in top.iter("*")]


def classes_of(tag: Any) -> list[str] | None:
    """An element's class names as a list (``None`` without a ``class`` attribute)."""
    value = tag.get("class")
    if value is None or isinstance(value, list):
        return value
    return value.split()


def nodes(top: Any) -> Iterator[tuple[Any, Any]]:
    """What lies below ``top`` in document order: ``(element, None)`` per element, ``(text, parent)`` per string.

    Only page text is given: strings in scripts, styles, templates and ruby annotations
    are left out, as are comments. A string of ASCII blanks only (outside ``<pre>`` and
    ``<textarea>``) comes as one newline or one space, so sizes count what is shown.
    """
    quiet, keep = _text_context(top)
    text = top.text
    if text and not quiet:
        yield _blank_run(text, keep), top
    stack: list[tuple[Iterator[Any], Any, bool, bool]] = [(iter(top), top, quiet, keep)]
    while stack:
        children, parent, quiet, keep = stack[-1]
        for child in children:
            name = child.tag
            if isinstance(name, str):
                yield child, None
                inner_quiet = quiet or name in _NOT_TEXT_PARENTS
                inner_keep = keep or name in _KEEP_BLANKS
                text = child.text
                if text and not inner_quiet:
                    yield _blank_run(text, inner_keep), child
                stack.append((iter(child), child, inner_quiet, inner_keep))
                break
            tail = child.tail  # a comment or processing instruction: only the text after it counts
            if tail and not quiet:
                yield _blank_run(tail, keep), parent
        else:
            stack.pop()
            if stack:
                tail = parent.tail
                _, owner, owner_quiet, owner_keep = stack[-1]
                if tail and not owner_quiet:
                    yield _blank_run(tail, owner_keep), owner


def _text_context(tag: Any) -> tuple[bool, bool]:
    """Whether strings right under ``tag`` are not page text, and whether their blanks are kept."""
    quiet = keep = False
    node = tag
    while node is not None:
        name = node.tag
        quiet = quiet or name in _NOT_TEXT_PARENTS
        keep = keep or name in _KEEP_BLANKS
        node = node.getparent()
    return quiet, keep


def _blank_run(text: str, keep: bool) -> str:
    if keep or text.strip(_ASCII_BLANKS):
        return text
    return "\n" if "\n" in text else " "


def text_strings(top: Any) -> Iterator[tuple[str, Any]]:
    """The page-text strings below ``top`` and their parents, in document order."""
    for node, parent in nodes(top):
        if parent is not None:
            yield node, parent


@dataclass(slots=True)
class PageInfo:
    """Everything the page says about itself, gathered in one pass."""

    #: every element in document order (held so that ``id()`` of an element stays its own while parsing)
    elements: list[Any] = field(default_factory=list)
    document: Any = None
    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    jsonld_ids: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: JSON-LD scripts that needed repair / could not be read
    jsonld_repaired: int = 0
    jsonld_broken: int = 0
    canonical: str | None = None
    base_href: str | None = None
    title: str | None = None
    html_lang: str | None = None
    h1: list[Marked] = field(default_factory=list)
    h2: list[Marked] = field(default_factory=list)
    times: list[Marked] = field(default_factory=list)
    bylines: list[Marked] = field(default_factory=list)
    date_elements: list[Marked] = field(default_factory=list)
    itemprops: dict[str, list[Marked]] = field(default_factory=dict)
    #: class/id tokens of every element that has a class or id, by ``id(tag)``.
    toks: dict[int, frozenset[str]] = field(default_factory=dict)
    #: elements whose class or id says they hold the article text.
    boxes: list[Any] = field(default_factory=list)
    paragraphs: list[Any] = field(default_factory=list)
    position: int = 0
    #: position of the headline's heading, once the headline is chosen
    headline_order: int | None = None
    #: ``id()`` of every ancestor of the headline's heading, once the headline is chosen
    headline_chain: set[int] = field(default_factory=set)

    def first_meta(self, keys: tuple[str, ...]) -> tuple[str, str] | None:
        """The first non-empty meta value among ``keys`` (in key order) and its key."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return key, value.strip()
        return None


_EMPTY: frozenset[str] = frozenset()
_BODY_HINT = lazy_compile("|".join(re.escape(h) for h in rules.BODY_CLASS_HINTS))
_ALNUM_RUN = lazy_compile(r"[a-z0-9]+")


def tokens(tag: Any, cache: dict[int, frozenset[str]] | None = None) -> frozenset[str]:
    """Lower-case tokens of an element's class and id, plus each value squashed (``author-bio`` -> ``authorbio``)."""
    if cache is not None:
        return cache.get(id(tag), _EMPTY)
    joined = _class_string(tag)
    return _class_info(joined)[0] if joined else _EMPTY


def _class_string(tag: Any) -> str:
    values = classes_of(tag) or []
    for key in ("id", "data-testid"):
        value = tag.get(key)
        if value:
            values.append(value)
    return " ".join(v for v in values if isinstance(v, str))


@lru_cache(maxsize=8192)
def _marks_of(classes: str | None, ident: str | None, testid: str | None
              ) -> tuple[frozenset[str], bool, bool, bool] | None:
    """What an element's ``class``, ``id`` and ``data-testid`` say (``None`` when all are empty).

    Its tokens, whether they name an article-text box, a byline and a date.
    """
    names = classes.split() if classes else None
    if not (names or ident or testid):
        return None
    joined = " ".join(names) if names else ""
    if ident is not None:
        joined = f"{joined} {ident}"
    if testid is not None:
        joined = f"{joined} {testid}"
    toks, hint = _class_info(joined)
    return (toks, hint, bool(toks) and not toks.isdisjoint(rules.BYLINE_TOKENS),
            bool(toks) and not toks.isdisjoint(rules.DATE_TOKENS))


@lru_cache(maxsize=8192)
def _class_info(joined: str) -> tuple[frozenset[str], bool]:
    """Tokens of a class-and-id string, and whether it names an article-text box (cached: pages repeat them)."""
    out: set[str] = set()
    lower = joined.lower()
    for value in joined.split():
        low = value.lower()
        if len(value) > 200 or low.startswith(rules.TAXONOMY_CLASS_PREFIXES):
            continue
        if low != value:
            low = _CAMEL.sub(" ", value).lower()
        parts = _ALNUM_RUN.findall(low)
        out.update(parts)
        if len(parts) > 1:
            out.add("".join(parts))
            out.update(map(operator.add, parts, parts[1:]))
    squashed = lower.replace("-", "").replace("_", "").replace(" ", "")
    hint = len(joined) <= 500 and _BODY_HINT.search(squashed) is not None
    return frozenset(out), hint


def text_of(tag: Any, limit: int = 2000, *, spaced: bool = False, skip: set[int] | None = None) -> str:
    """An element's visible text as a browser lays it out on one line, cut near ``limit``.

    Text on both sides of a block element or ``<br>`` is spaced apart; inline markup
    (``<span>``, ``<ruby>``) joins its pieces as written, unless ``spaced`` asks for a
    space between every two text nodes (labels and values styled apart: ``am</span><span>09.02.``).
    Elements whose ``id()`` is in ``skip`` are left out.
    """
    pieces: list[str] = []
    size = 0
    gap = False
    last_block: Any = None
    for node, parent in nodes(tag):
        if parent is None:
            if node.tag in rules.BLOCK_TAGS:
                gap = True
            continue
        if parent.tag in _HIDDEN_TEXT_PARENTS:
            continue
        if skip and _under(parent, tag, skip):
            continue
        block = parent
        while block is not None and block is not tag and block.tag not in rules.BLOCK_TAGS:
            block = block.getparent()
        if pieces and (spaced or gap or block is not last_block):
            pieces.append(" ")
        gap = False
        last_block = block
        pieces.append(node)
        size += len(node)
        if size > limit:
            break
    return _WS.sub(" ", "".join(pieces)).strip()


def segments_of(tag: Any, limit: int = 2000) -> list[str]:
    """An element's visible text cut into the lines a browser would show (at blocks and ``<br>``)."""
    lines: list[list[str]] = [[]]
    size = 0
    last_block: Any = None
    for node, parent in nodes(tag):
        if parent is None:
            if node.tag in rules.BLOCK_TAGS and lines[-1]:
                lines.append([])
            continue
        if parent.tag in _HIDDEN_TEXT_PARENTS:
            continue
        block = parent
        while block is not None and block is not tag and block.tag not in rules.BLOCK_TAGS:
            block = block.getparent()
        if block is not last_block and lines[-1]:
            lines.append([])
        last_block = block
        lines[-1].append(node)
        size += len(node)
        if size > limit:
            break
    out = [_WS.sub(" ", " ".join(parts)).strip() for parts in lines]
    return [line for line in out if line]


def _under(parent: Any, root: Any, marked: set[int]) -> bool:
    """Whether a string whose parent is ``parent`` sits in a marked element below ``root``."""
    while parent is not None and parent is not root:
        if id(parent) in marked:
            return True
        parent = parent.getparent()
    return False


def heading_text(tag: Any) -> str:
    """A heading's text without a kicker or screen-reader-only pieces set inside it."""
    skip: list[Any] = []
    for inner in tag.iterdescendants("*"):
        if not inner.keys():
            continue
        toks = tokens(inner)
        classes = classes_of(inner)
        hidden = classes is not None and any(c.lower() in rules.HIDDEN_CLASSES for c in classes)
        if hidden or not toks.isdisjoint(rules.KICKER_TOKENS):
            skip.append(inner)
    if not skip:
        return text_of(tag)
    skipped = {id(t) for t in skip}
    pieces: list[str] = []
    for node, parent in text_strings(tag):
        while parent is not None and parent is not tag and id(parent) not in skipped:
            parent = parent.getparent()
        if parent is tag:
            pieces.append(node)
    return _WS.sub(" ", "".join(pieces)).strip()


def in_boilerplate(tag: Any, info: PageInfo | None = None, words: frozenset[str] = rules.OTHER_ARTICLE_TOKENS) -> bool:
    """Whether an element sits inside comments, related lists, share boxes, asides or navigation.

    The climb stops at the first box that also holds the headline's heading: a wrapper of the
    whole article is not boilerplate, whatever feature classes it carries.
    """
    cache = info.toks if info is not None else None
    chain = info.headline_chain if info is not None else None
    node = tag.getparent()
    while node is not None and node.tag != "body":
        if chain and id(node) in chain:
            return False
        if node.tag in ("aside", "nav"):
            return True
        if not tokens(node, cache).isdisjoint(words):
            return True
        node = node.getparent()
    return False


def collect(document: Document) -> PageInfo:
    """Gather metadata from every element of the page in one walk."""
    info = PageInfo(elements=all_elements(document), document=document)
    root = next((el for el in info.elements if el.tag == "html"), None)
    if root is not None:
        lang = root.get("lang") or root.get("xml:lang") or root.get(_XML_NAMESPACE + "lang")
        info.html_lang = lang if isinstance(lang, str) else None
    scripts: list[str] = []
    for position, tag in enumerate(info.elements):
        info.position = position
        name = tag.tag
        if name in _HEAD_ELEMENTS and _read_head_element(tag, name, info, scripts):
            continue
        if name == "p":
            info.paragraphs.append(tag)
        elif name == "h1" or name == "h2":
            headings = info.h1 if name == "h1" else info.h2
            if len(headings) < rules.MAX_HEADINGS:
                headings.append(_mark(info, heading_text(tag), None, tag))
        attrs = tag.attrib
        if attrs and (name == "time" or not _MARKING_ATTRIBUTES.isdisjoint(attrs.keys())):
            _read_marked(tag, name, attrs, info)
    _read_jsonld(scripts, info)
    return info


#: Elements read by :func:`_read_head_element` (most of them nothing else reads).
_HEAD_ELEMENTS = frozenset({"meta", "script", "link", "base", "title", "style", "noscript", "template"})
#: Attributes that make an element worth a look by :func:`_read_marked`.
_MARKING_ATTRIBUTES = frozenset({"class", "id", "itemprop", "rel", "data-testid"})


def _read_head_element(tag: Any, name: str, info: PageInfo, scripts: list[str]) -> bool:
    """Read a ``<meta>``, ``<script>``, ``<link>``, ``<base>`` or ``<title>``; whether the element is done with."""
    if name == "meta":
        _read_meta(tag, info)
        return False
    if name == "script":
        kind = (tag.get("type") or "").lower()
        if "ld+json" in kind:
            scripts.append(tag.text or "")
        return True
    if name == "link":
        _read_link(tag, info)
        return True
    if name == "base":
        if info.base_href is not None:
            return False
        href = tag.get("href")
        info.base_href = href if isinstance(href, str) else None
        return True
    if name == "title":
        if info.title is None and not any(a.tag == "svg" for a in tag.iterancestors()):
            info.title = text_of(tag)
        return True
    return True  # style, noscript, template


def _mark(info: PageInfo, text: str, value: str | None, tag: Any) -> Marked:
    return Marked(text, value, tag, info.position)


def _read_meta(tag: Any, info: PageInfo) -> None:
    key = tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv")
    content = tag.get("content")
    if not isinstance(key, str) or not isinstance(content, str):
        if isinstance(tag.get("charset"), str) or not isinstance(key, str):
            return
        content = tag.get("value") if isinstance(tag.get("value"), str) else None
        if content is None:
            return
    for one in key.lower().split():
        info.meta.setdefault(one.strip(), []).append(content)


def _read_link(tag: Any, info: PageInfo) -> None:
    rel = tag.get("rel")
    rels = [r.lower() for r in rel.split()] if isinstance(rel, str) else []
    href = tag.get("href")
    if "canonical" in rels and info.canonical is None and isinstance(href, str) and href.strip():
        info.canonical = href.strip()
    prop = tag.get("itemprop")
    if isinstance(prop, str) and isinstance(href, str):
        for one in prop.lower().split():
            info.itemprops.setdefault(one, []).append(_mark(info, "", href, tag))


def _read_marked(tag: Any, name: str, attrs: Any, info: PageInfo) -> None:
    """Elements marked by itemprop, rel, class or id as headline, byline, date or time."""
    prop = attrs.get("itemprop")
    if prop is not None:
        _read_itemprop(tag, prop, info)
    if name == "time":
        stamp = attrs.get("datetime")
        info.times.append(_mark(info, text_of(tag, 200, spaced=True), stamp, tag))
    marks = _marks_of(attrs.get("class"), attrs.get("id"), attrs.get("data-testid"))
    byline = date = False
    if marks is not None:
        toks, hint, byline, date = marks
        info.toks[id(tag)] = toks
        if hint:
            info.boxes.append(tag)
    if name == "time":
        return
    rel = attrs.get("rel")
    by_rel = rel is not None and "author" in rel.split()
    if by_rel or byline:
        text = text_of(tag, rules.BYLINE_MAX_CHARS * 3, spaced=True)
        if text and len(text) <= rules.BYLINE_MAX_CHARS:
            info.bylines.append(_mark(info, text, "rel" if by_rel else None, tag))
    if date:
        text = text_of(tag, rules.DATE_MAX_CHARS * 3, spaced=True)
        if text and len(text) <= rules.DATE_MAX_CHARS:
            info.date_elements.append(_mark(info, text, None, tag))


def _read_itemprop(tag: Any, prop: str, info: PageInfo) -> None:
    attrs = tag.attrib
    value = attrs.get("content") or attrs.get("datetime") or attrs.get("href")
    for one in prop.lower().split():
        if one in rules.LONG_ITEMPROPS:
            info.itemprops.setdefault(one, []).append(_mark(info, "", None, tag))
            continue
        text = "" if isinstance(value, str) else text_of(tag, 300)
        info.itemprops.setdefault(one, []).append(_mark(info, text, value if isinstance(value, str) else None, tag))


# --------------------------------------------------------------------------- JSON-LD


def _read_jsonld(scripts: list[str], info: PageInfo) -> None:
    for raw in scripts:
        data, status = load_jsonld(raw)
        info.jsonld_repaired += status == "repaired"
        info.jsonld_broken += status == "broken"
        if data is None:
            continue
        for obj in _flatten(data):
            info.jsonld.append(obj)
            ident = obj.get("@id")
            if isinstance(ident, str) and ident not in info.jsonld_ids:
                info.jsonld_ids[ident] = obj


def load_jsonld(raw: str | None) -> tuple[Any, str]:
    """Parse one JSON-LD script: ``(data, "ok"|"repaired"|"broken")``; repairs what is common."""
    if not raw or not raw.strip():
        return None, "ok"
    try:
        return json.loads(raw, strict=False), "ok"
    except (ValueError, RecursionError):
        pass
    text = _CDATA_OR_COMMENT.sub(" ", raw).strip().rstrip(";").strip()
    text = _TRAILING_COMMA.sub(r"\1", text)
    try:
        return json.loads(text, strict=False), "repaired"
    except (ValueError, RecursionError):
        pass
    found = _raw_decode_all(text)
    if found:
        return found, "repaired"
    salvaged = _salvage(text)
    return (salvaged, "repaired") if salvaged else (None, "broken")


def _raw_decode_all(text: str) -> list[Any]:
    """Objects written one after another (or followed by junk) in one script."""
    decoder = json.JSONDecoder(strict=False)
    out: list[Any] = []
    pos = 0
    while pos < len(text):
        start = text.find("{", pos)
        if start < 0:
            break
        try:
            obj, end = decoder.raw_decode(text, start)
        except (ValueError, RecursionError):
            break
        out.append(obj)
        pos = end
    return out


def _salvage(text: str) -> dict[str, Any] | None:
    """Headline, dates and author picked out of JSON too broken to parse."""
    obj: dict[str, Any] = {}
    for key, pattern in _SALVAGE.items():
        match = pattern.search(text)
        if match:
            value = match.group(1)
            if key == "headline":
                value = value.replace('\\"', '"')
            obj[key] = value
    author = _SALVAGE_AUTHOR.search(text)
    if author:
        obj["author"] = {"name": author.group(1)}
    if len(obj) <= 1:
        return None
    obj.setdefault("@type", "Article")
    return obj


def _flatten(data: Any) -> list[dict[str, Any]]:
    """Every typed object of a JSON-LD document, following ``@graph`` and ``mainEntity``."""
    out: list[dict[str, Any]] = []
    stack = [data]
    seen = 0
    while stack and seen < 5000:
        seen += 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
            continue
        if not isinstance(item, dict):
            continue
        if "@type" in item or "@id" in item:
            out.append(item)
        for key in rules.JSONLD_NESTED_KEYS:
            if key in item:
                stack.append(item[key])
    return out


def type_rank(obj: dict[str, Any]) -> int | None:
    """Priority of a JSON-LD object as the article (lower is better); ``None`` when it is not one."""
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    best: int | None = None
    for kind in names:
        if not isinstance(kind, str):
            continue
        key = kind.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower()
        rank = ARTICLE_RANK.get(key, PAGE_RANK.get(key))
        if rank is not None and (best is None or rank < best):
            best = rank
    return best


def is_page_rank(rank: int | None) -> bool:
    """Whether a rank from :func:`type_rank` belongs to a page type, not an article type."""
    return rank is not None and rank >= len(ARTICLE_RANK)


def resolve(value: Any, info: PageInfo) -> Any:
    """A JSON-LD reference ``{"@id": ...}`` replaced by the object it names, when present."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
        ident = value.get("@id")
        if isinstance(ident, str) and ident in info.jsonld_ids:
            return info.jsonld_ids[ident]
    return value


def jsonld_string(value: Any) -> str | None:
    """A plain string out of a JSON-LD value (a string, a list's first string, or ``name``/``@value``)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            found = jsonld_string(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in ("@value", "name", "alternateName", "@id", "url"):
            found = jsonld_string(value.get(key))
            if found:
                return found
    return None


def jsonld_people(value: Any, info: PageInfo) -> tuple[list[str], list[str]]:
    """Author names from a JSON-LD ``author``: ``(people, organisations)``."""
    people: list[str] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:50]:
        item = resolve(item, info)
        if isinstance(item, str):
            name = item.strip()
            if name and not _looks_like_url(name):
                people.append(name)
            continue
        if not isinstance(item, dict):
            continue
        name = jsonld_string(item.get("name"))
        if not name:
            given, family = jsonld_string(item.get("givenName")), jsonld_string(item.get("familyName"))
            name = " ".join(p for p in (given, family) if p) or None
        if not name or _looks_like_url(name):
            continue
        kind = item.get("@type")
        kinds = [k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
        (orgs if any(k in rules.JSONLD_ORG_TYPES for k in kinds) else people).append(name)
    return people, orgs


def _looks_like_url(value: str) -> bool:
    low = value.lower()
    return low.startswith(("http://", "https://", "www.", "//")) or ("/" in value and " " not in value)
