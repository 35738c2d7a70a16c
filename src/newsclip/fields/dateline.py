"""Datelines: the place (and agency) line that opens many news bodies."""

from __future__ import annotations

from collections import namedtuple

from ..lazyre import lazy_compile
from ..rules.datelines import DATELINE_PATTERNS, PLACE_SECOND_CHARS
from . import bylines

#: Built on first use: most first paragraphs fail the opening test in :func:`_may_open_dateline`.
_PATTERNS = tuple(lazy_compile(p) for p in DATELINE_PATTERNS)
#: Capitalised words that open sentences in all capitals but are no places.
_NOT_PLACES = frozenset({"I", "A", "THE", "UPDATE", "BREAKING", "EXCLUSIVE", "WATCH", "LIVE", "OPINION",
                         "ANALYSIS", "EDITOR'S NOTE", "NOTE", "PHOTOS", "VIDEO", "FILE", "CORRECTION"})


class Dateline(namedtuple("Dateline", ("place", "agency"))):
    """Where the story was filed from (``place``), and who filed it (``agency``); either may be None."""

    __slots__ = ()


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens ``paragraph``, or ``None``; the paragraph itself stays unchanged."""
    head = paragraph[:160]
    if not _may_open_dateline(head):
        return None
    for pattern in _PATTERNS:
        match = pattern.match(head)
        if match is None:
            continue
        groups = match.groupdict()
        place = groups.get("place")
        if place is not None:
            place = place.rstrip(".")
            if place in _NOT_PLACES or not _is_caps(place):
                continue
            if groups.get("region"):
                place = f"{place}, {groups['region']}"
        agency = groups.get("agency") or groups.get("agency2") or groups.get("agency3")
        if agency:
            agency = bylines.canonical_agency(agency.strip()) or agency.strip()
        if place or agency:
            return Dateline(place, agency)
    return None


def _may_open_dateline(head: str) -> bool:
    """Every dateline opens with "(" (``(CNN) —``) or two capitals of its place (``WASHINGTON``, ``U.S.``)."""
    return head.startswith("(") or (head[:1].isupper() and (head[1:2].isupper() or head[1:2] in PLACE_SECOND_CHARS))


def _is_caps(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
