"""Markdown bodies to plain paragraphs, so Markdown-based dialects share one cleanup.

Reader-service output, front-matter posts and plain-text e-mails all carry
Markdown (or Markdown-ish) bodies: images, links, emphasis, headings, rules.
This module keeps the words and drops the markup, line by line, keeping each
line's number so paragraphs still point at the input.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..lazyre import lazy_compile
from ..rules import markdown as rules
from .text import (
    Paragraph,
    drop_comments,
    has_markup,
    paragraphs_from_lines,
    strip_markup,
)

NumberedLine = tuple[int, str]

_IMAGE_LINE = lazy_compile(rules.IMAGE_LINE)
_INLINE_IMAGE = lazy_compile(rules.INLINE_IMAGE)
_INLINE_LINK = lazy_compile(rules.INLINE_LINK)
_REFERENCE_LINK = lazy_compile(rules.REFERENCE_LINK)
_REFERENCE_DEFINITION = lazy_compile(rules.REFERENCE_DEFINITION)
_AUTOLINK = lazy_compile(rules.AUTOLINK)
_INLINE_CODE = lazy_compile(rules.INLINE_CODE)
_EMPHASIS = tuple(
    lazy_compile(source)
    for source in (
        rules.STRONG_STARS,
        rules.STRONG_UNDERSCORES,
        rules.EMPHASIS_STAR,
        rules.EMPHASIS_UNDERSCORE,
        rules.STRIKETHROUGH,
    )
)
_ESCAPE = lazy_compile(rules.ESCAPABLE)
_ATX_HEADING = lazy_compile(rules.ATX_HEADING)
_RULE_LINE = lazy_compile(rules.RULE_LINE)
_EQUALS_LINE = lazy_compile(rules.EQUALS_LINE)
_BULLET = lazy_compile(rules.BULLET)
_ORDERED_ITEM = lazy_compile(rules.ORDERED_ITEM)
_BLOCKQUOTE = lazy_compile(rules.BLOCKQUOTE)
_FENCE = lazy_compile(rules.FENCE)
_TABLE_SEPARATOR = lazy_compile(rules.TABLE_SEPARATOR)
_TEMPLATE_LINE = lazy_compile(rules.TEMPLATE_LINE)
_TITLE_NOISE = lazy_compile(rules.TITLE_NOISE)
_SPACES = lazy_compile(r"\s+")

#: Escaped characters are parked in the Private Use Area while inline markup is removed.
_PARK_BASE = 0xE000
_UNPARK = {_PARK_BASE + code: chr(code) for code in range(128)}


def strip_inline(text: str) -> str:
    """One line's inline Markdown removed: images dropped, links and emphasis unwrapped."""
    if not text:
        return text
    parked = "\\" in text
    if parked:
        text = _ESCAPE.sub(lambda m: chr(_PARK_BASE + ord(m.group(1))), text)
    if "[" in text:
        text = _INLINE_IMAGE.sub("", text)
        # A linked image leaves "[](url)" behind; the link pattern then drops it.
        text = _INLINE_LINK.sub(r"\1", text)
        text = _REFERENCE_LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub("", text)
    if "`" in text:
        text = _INLINE_CODE.sub(r"\1", text)
    if "*" in text or "_" in text or "~" in text:
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\1", text)
    if "<!--" in text:
        text = drop_comments(text)
    if has_markup(text):
        text = strip_markup(text)
    return text.translate(_UNPARK) if parked else text


def heading_text(line: str) -> str | None:
    """The text of an ATX heading line (``## Title ##`` → ``Title``), else ``None``."""
    match = _ATX_HEADING.match(line)
    if match is None:
        return None
    rest = line[match.end():].rstrip()
    trimmed = rest.rstrip("#")
    if trimmed != rest and (not trimmed or trimmed[-1] in " \t"):
        rest = trimmed.rstrip()
    return rest


def is_image_line(line: str) -> bool:
    """Whether the line holds nothing but images (possibly linked)."""
    return "![" in line and _IMAGE_LINE.match(line) is not None


def is_rule_line(line: str) -> bool:
    """Whether the line is a setext underline or a thematic break (``---``, ``===``, ``***``)."""
    return _RULE_LINE.match(line.strip()) is not None


def normalise_title(text: str) -> str:
    """A title folded for comparison: case, punctuation and spacing ignored."""
    return _SPACES.sub(" ", _TITLE_NOISE.sub(" ", strip_inline(text).casefold())).strip()


def same_title(heading: str, title: str | None) -> bool:
    """Whether ``heading`` repeats ``title`` (one may carry a site suffix the other lacks)."""
    if not title:
        return False
    a, b = normalise_title(heading), normalise_title(title)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short + " ") and len(short) >= rules.TITLE_PREFIX_SHARE * len(long_)


def markdown_lines(lines: Iterable[NumberedLine], *, title: str | None = None) -> list[NumberedLine]:
    """Numbered Markdown lines to numbered plain lines; blank lines mark paragraph breaks.

    Headings and list items become paragraphs of their own; images, rules,
    fences, reference definitions, template directives and HTML comments go;
    a leading heading (or lone first line) repeating ``title`` is dropped.
    """
    source = list(_without_comments(lines))
    out: list[NumberedLine] = []
    in_fence = False
    seen_text = False
    for index, (number, raw) in enumerate(source):
        if _FENCE.match(raw.strip()):
            in_fence = not in_fence
            out.append((number, ""))
            continue
        if in_fence:
            out.append((number, raw))
            seen_text = seen_text or bool(raw.strip())
            continue
        kind, text = _classify(raw, _next_raw(source, index))
        if kind == "break":
            out.append((number, ""))
            continue
        if kind == "skip":
            continue
        if not seen_text and text.strip():
            seen_text = True
            if kind == "heading" and same_title(text, title):
                out.append((number, ""))
                continue
        if kind in ("heading", "item"):
            out.append((number, ""))
        out.append((number, text))
        if kind == "heading":
            out.append((number, ""))
    return _drop_lone_title(out, title)


def markdown_paragraphs(lines: Iterable[NumberedLine], *, title: str | None = None) -> list[Paragraph]:
    """Markdown lines straight to paragraphs (see :func:`markdown_lines`)."""
    return paragraphs_from_lines(markdown_lines(lines, title=title))


def first_heading(lines: Iterable[NumberedLine], *, limit: int = 12) -> NumberedLine | None:
    """The leading ``# heading`` (or setext heading) among the first non-blank lines, if any."""
    source = [(n, line) for n, line in lines if line.strip()][:limit]
    for index, (number, raw) in enumerate(source):
        if is_image_line(raw) or is_rule_line(raw):
            continue
        text = heading_text(raw)
        if text is None and index + 1 < len(source) and _is_setext(source[index + 1][1]):
            text = raw.strip()
        if text:
            return number, strip_inline(text).strip()
        return None
    return None


def _classify(raw: str, next_raw: str | None) -> tuple[str, str]:
    """What one line is: ``break``, ``skip``, ``heading``, ``item`` or ``text``, and its plain text."""
    if not raw.strip():
        return "break", ""
    quote = _BLOCKQUOTE.match(raw)
    if quote:
        raw = raw[quote.end():]
        if not raw.strip():
            return "break", ""
    if is_image_line(raw) or is_rule_line(raw):
        return "break", ""
    stripped = raw.strip()
    if _REFERENCE_DEFINITION.match(raw) or _TABLE_SEPARATOR.match(stripped) or _TEMPLATE_LINE.match(stripped):
        return "skip", ""
    heading = heading_text(raw)
    if heading is not None:
        return ("heading", strip_inline(heading).strip()) if heading else ("break", "")
    if next_raw is not None and _is_setext(next_raw) and not _BULLET.match(raw):
        return "heading", strip_inline(raw).strip()
    bullet = _BULLET.match(raw)
    if bullet:
        return "item", strip_inline(bullet.group(1)).strip()
    if _ORDERED_ITEM.match(raw):
        return "item", strip_inline(raw).strip()
    return "text", strip_inline(_strip_hard_break(raw))


def _is_setext(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    return _EQUALS_LINE.match(stripped) is not None or (len(stripped) >= 2 and set(stripped) == {"-"})


def _next_raw(source: list[NumberedLine], index: int) -> str | None:
    return source[index + 1][1] if index + 1 < len(source) else None


def _strip_hard_break(line: str) -> str:
    stripped = line.rstrip()
    return stripped[:-1] if stripped.endswith("\\") and not stripped.endswith("\\\\") else line


def _drop_lone_title(out: list[NumberedLine], title: str | None) -> list[NumberedLine]:
    """Drop a first paragraph of one line that is exactly the title."""
    if not title:
        return out
    content = [i for i, (_, text) in enumerate(out) if text.strip()]
    if not content:
        return out
    first = content[0]
    alone = len(content) == 1 or not out[first + 1][1].strip()
    if alone and normalise_title(out[first][1]) == normalise_title(title):
        return out[:first] + [(out[first][0], "")] + out[first + 1:]
    return out


def _without_comments(lines: Iterable[NumberedLine]) -> Iterable[NumberedLine]:
    """HTML comments removed, including comments spanning lines (found with ``str.find``)."""
    in_comment = False
    for number, line in lines:
        pieces: list[str] = []
        pos = 0
        while pos <= len(line):
            if in_comment:
                end = line.find("-->", pos)
                if end < 0:
                    break
                in_comment = False
                pos = end + 3
                continue
            start = line.find("<!--", pos)
            if start < 0:
                pieces.append(line[pos:])
                break
            pieces.append(line[pos:start])
            in_comment = True
            pos = start + 4
        text = "".join(pieces)
        if text.strip() or not line.strip():
            yield number, text
        # a line that held only a comment is left out, so it neither adds nor splits a paragraph
