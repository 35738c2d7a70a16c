"""Body cleanup shared by every dialect: boilerplate out, captions and promos set aside, dateline noted."""

from __future__ import annotations

import re

from ..lazyre import lazy_compile
from ..rules.boilerplate import (
    BOILERPLATE_LINES,
    BOILERPLATE_PREFIXES,
    CAPTION_PREFIXES,
    CREDIT_WORDS,
    PROMO_LABELS,
    TRUNCATION_MARKER,
)
from .dateline import Dateline, find_dateline
from .text import Paragraph

_BOILER_PREFIX = lazy_compile("|".join(f"(?:{p})" for p in BOILERPLATE_PREFIXES), re.IGNORECASE)
_PROMO = lazy_compile(
    r"(?:" + "|".join(re.escape(label) for label in sorted(PROMO_LABELS, key=len, reverse=True)) + r")"
    r"\s?[:：]\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)
_CAPTION_PREFIX = tuple(p.casefold() for p in CAPTION_PREFIXES)
_CAPTION_PREFIX_REACH = max(map(len, _CAPTION_PREFIX))
_LONGEST_BOILERPLATE_LINE = max(map(len, BOILERPLATE_LINES))
_CREDIT_WORDS = frozenset(w.casefold() for w in CREDIT_WORDS)
_CREDIT_TAIL = lazy_compile(r"\s?/\s?(?P<credit>[^/]{2,60})$")
_TRUNCATED = lazy_compile(TRUNCATION_MARKER)
#: Only the end of the last paragraph is searched for the marker: its leading ``\s*`` is quadratic on long runs.
_TRUNCATION_TAIL = 200
_SENTENCE_END = lazy_compile(r"[.!?…\"'”’»:;)]$")
_TRIM = " \t.:·•|–—-*+"


class BodyResult:
    """What :func:`clean_body` found: the kept paragraphs and what it set aside."""

    __slots__ = ("paragraphs", "captions", "related", "dateline", "truncated")

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.captions: list[Paragraph] = []
        self.related: list[Paragraph] = []
        self.dateline: Dateline | None = None
        self.truncated = False


def clean_body(paragraphs: list[Paragraph]) -> BodyResult:
    """Sort body paragraphs into text, captions and promos; drop boilerplate lines."""
    result = BodyResult()
    for para in paragraphs:
        text = para.text.strip()
        if not text or is_boilerplate(text):
            continue
        promo = _PROMO.match(text)
        if promo and len(promo.group("title").split()) <= 30:
            result.related.append(Paragraph(promo.group("title").strip(), para.first, para.last))
            continue
        if is_caption(text):
            result.captions.append(Paragraph(text, para.first, para.last))
            continue
        result.paragraphs.append(Paragraph(text, para.first, para.last))
    if result.paragraphs:
        last = result.paragraphs[-1]
        tail = max(0, len(last.text) - _TRUNCATION_TAIL)
        marker = _TRUNCATED.search(last.text, tail) if "[+" in last.text[tail:] else None
        if marker:
            result.truncated = True
            result.paragraphs[-1] = Paragraph(last.text[:marker.start()].rstrip() or last.text, last.first, last.last)
        result.dateline = find_dateline(result.paragraphs[0].text)
    return result


def is_boilerplate(line: str) -> bool:
    """A line of page furniture: share bars, ads, sign-up prompts, copyright footers."""
    bare = line.strip().strip(_TRIM)
    if not bare:
        return True
    if len(bare) >= 300 and len(bare) > _LONGEST_BOILERPLATE_LINE:
        return False  # too long for a listed line (case folding never shortens) or a prefixed one
    key = bare.casefold()
    if key in BOILERPLATE_LINES:
        return True
    return len(key) < 300 and _BOILER_PREFIX.match(line.strip()) is not None


def is_caption(line: str) -> bool:
    """A photo caption or credit: ``Photo: …``, or ``<description> <Name> / <AGENCY>`` without a full stop."""
    text = line.strip()
    if text[:_CAPTION_PREFIX_REACH].casefold().startswith(_CAPTION_PREFIX):  # folding the head is enough
        return len(text.split()) <= 60
    if _SENTENCE_END.search(text, len(text) - 1) or len(text.split()) > 40:  # the pattern is one final character
        return False
    tail = _CREDIT_TAIL.search(text)
    if tail is None:
        return False
    credit = tail.group("credit").strip()
    parts = [p.strip().casefold() for p in re.split(r"\s[-–—]\s|,|/| via ", credit) if p.strip()]
    return any(p in _CREDIT_WORDS for p in parts) or _looks_like_credit_name(credit)


def _looks_like_credit_name(credit: str) -> bool:
    """An agency-like credit in capitals ("TASS", "EPA-EFE") or one or two capitalised words."""
    words = credit.split()
    if not 1 <= len(words) <= 3:
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return True
    return False
