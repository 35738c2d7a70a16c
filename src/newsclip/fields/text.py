"""Text helpers every dialect needs: markup removal, whitespace, paragraphs from lines."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable

from ..lazyre import lazy_compile

_TAG_HINT = lazy_compile(r"</?[A-Za-z][^<>\n]{0,500}>|<!--|&#?\w{1,32};")
_WS = lazy_compile(r"[ \t\f\v]+")


class Paragraph(namedtuple("Paragraph", ("text", "first", "last"))):
    """One paragraph of body ``text`` with the 1-based input lines it spans (``first``, ``last``)."""

    __slots__ = ()


def has_markup(text: str) -> bool:
    """Whether ``text`` carries tags or entities worth an HTML parse."""
    return ("<" in text or "&" in text) and _TAG_HINT.search(text) is not None


def strip_markup(text: str) -> str:
    """Inline HTML removed and entities decoded; text without markup is returned as is.

    Uses beautifulsoup4 (imported only when markup is present) so broken or
    nested tags come out the way a browser would show them.
    """
    if not has_markup(text):
        return text
    if "<!--" in text:
        text = drop_comments(text)
    import warnings

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            stripped = BeautifulSoup(text, "html.parser").get_text()
    except Exception:  # bs4 on hostile markup: fall back to entities only
        stripped = text
    import html  # imported where entities are decoded: most text has none

    return html.unescape(stripped)


def drop_comments(text: str) -> str:
    """HTML comments removed in one pass (an unclosed one runs to the end), before bs4 sees them."""
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pos = end + 3
    return "".join(out)


def clean_inline(text: str) -> str:
    """One line of text: markup stripped, whitespace collapsed, ends trimmed."""
    return " ".join(inline_words(text))


def inline_words(text: str) -> list[str]:
    """The words of :func:`clean_inline`'s result, for a caller that also wants to count them."""
    return strip_markup(text).split()


def collapse_spaces(text: str) -> str:
    """Runs of spaces and tabs to one space, keeping newlines."""
    return _WS.sub(" ", text)


def word_count(text: str | None) -> int:
    """Whitespace-separated words, the way ``wc -w`` counts them."""
    return len(text.split()) if text else 0


def paragraphs_from_lines(lines: Iterable[tuple[int, str]]) -> list[Paragraph]:
    """Group numbered lines into paragraphs at blank lines, re-joining hard-wrapped lines.

    ``lines`` yields ``(line_number, text)``; consecutive non-blank lines form one
    paragraph, joined with single spaces (a trailing hyphen of a wrapped word is kept
    as written, since it cannot be told from a real hyphen).
    """
    out: list[Paragraph] = []
    buf: list[str] = []
    first = last = 0
    for number, line in lines:
        stripped = line.strip()
        if not stripped:
            if buf:
                out.append(Paragraph(" ".join(buf), first, last))
                buf = []
            continue
        if not buf:
            first = number
        buf.append(_WS.sub(" ", stripped))
        last = number
    if buf:
        out.append(Paragraph(" ".join(buf), first, last))
    return out
