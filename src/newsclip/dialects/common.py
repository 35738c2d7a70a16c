"""Setters that route a dialect's raw strings through the shared field normalisers.

Every dialect sets bylines, dates, URLs and bodies through these, so a date
shape or byline rule learnt once works in every layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..fields import bylines, dates, urls
from ..fields.body import clean_body
from ..fields.text import Paragraph, clean_inline
from ..rules.headline import JUNK_VALUES
from .base import Context, Draft

Lines = tuple[int, int] | None


def is_junk(value: str | None) -> bool:
    """Label values that mean "nothing here": ``None``, ``unknown``, ``[]``, ``N/A``..."""
    return value is None or not value.strip() or value.strip().casefold() in JUNK_VALUES


def set_text(draft: Draft, name: str, raw: str | None, *, rule: str, lines: Lines = None,
             confidence: float = 0.8) -> bool:
    """A one-line text field (headline, subheadline, dateline, language) with markup removed."""
    if is_junk(raw):
        return False
    return draft.set(name, clean_inline(raw), rule=rule, lines=lines, confidence=confidence)


def set_byline(draft: Draft, raw: str | None, ctx: Context, *, rule: str, lines: Lines = None,
               labelled: bool = True, confidence: float = 0.8) -> bool:
    """Byline text split into authors and agencies; a date glued to it becomes the date."""
    if is_junk(raw) or draft.has("byline"):
        return False
    parsed = bylines.parse_byline(raw, labelled=labelled)
    if parsed is None:
        return False
    draft.set("byline", parsed.text, rule=rule, lines=lines, confidence=confidence)
    draft.set("authors", parsed.authors, rule=rule, lines=lines, confidence=confidence)
    add_agencies(draft, parsed.agencies, rule=rule, lines=lines)
    if parsed.date_text:
        set_date(draft, parsed.date_text, ctx, rule=f"{rule}+date", lines=lines, confidence=confidence - 0.1)
    return True


def set_person(draft: Draft, name: str, *, rule: str, lines: Lines = None, confidence: float = 0.5) -> bool:
    """One author whose name a dialect has already isolated (a bare name line, a user name)."""
    if is_junk(name) or draft.has("byline"):
        return False
    draft.set("byline", name, rule=rule, lines=lines, confidence=confidence)
    draft.set("authors", [name], rule=rule, lines=lines, confidence=confidence)
    return True


def set_authors(draft: Draft, names: str | Sequence[str] | None, *, rule: str, lines: Lines = None,
                confidence: float = 0.85) -> bool:
    """Author names from metadata (a list or a joined string); agencies among them kept apart."""
    if names is None or (isinstance(names, str) and is_junk(names)):
        return False
    people: list[str] = []
    orgs: list[str] = []
    for name in bylines.split_names(names):
        agency = bylines.canonical_agency(name)
        (orgs if agency else people).append(agency or name)
    if not people and not orgs:
        return False
    text = ", ".join(people + [o for o in orgs if o not in people])
    draft.set("byline", text, rule=rule, lines=lines, confidence=confidence)
    draft.set("authors", people, rule=rule, lines=lines, confidence=confidence)
    add_agencies(draft, orgs, rule=rule, lines=lines)
    return True


def add_agencies(draft: Draft, names: Iterable[str], *, rule: str, lines: Lines = None) -> None:
    """Merge agencies into the draft, keeping first-seen order and no repeats."""
    merged = list(draft.get("agencies", ()))
    for name in names:
        if name and name not in merged:
            merged.append(name)
    if merged:
        draft.set("agencies", merged, rule=rule, lines=lines, overwrite=True)


def set_date(draft: Draft, raw: str | None, ctx: Context, *, rule: str, lines: Lines = None,
             confidence: float = 0.8, field: str = "date") -> bool:
    """Parse ``raw`` as a date for ``field``; a relative date is noted in ``warnings``."""
    if is_junk(raw) or draft.has(field):
        return False
    settings = ctx.settings
    found = dates.find_dates(raw, dayfirst=settings.dayfirst, reference=settings.reference_time)
    if not found:
        iso = dates.parse_date(raw, dayfirst=settings.dayfirst, reference=settings.reference_time)
        return draft.set(field, iso, rule=rule, lines=lines, confidence=confidence) if iso else False
    done = False
    for match in found:
        target = "updated" if match.kind == "updated" else field
        if match.kind == "captured" or draft.has(target):
            continue
        if draft.set(target, match.iso, rule=rule, lines=lines, confidence=confidence):
            done = done or target == field
            if match.relative:
                draft.warn(f"{target} resolved from a relative date against the reference time")
    return done


def set_url(draft: Draft, raw: str | None, *, rule: str, lines: Lines = None,
            confidence: float = 0.85) -> bool:
    """Repair and canonicalise a URL; repairs are noted in ``warnings``."""
    if is_junk(raw) or draft.has("url"):
        return False
    result = urls.normalize_url(raw)
    if result is None:
        return False
    url, notes = result
    if draft.set("url", url, rule=rule, lines=lines, confidence=confidence):
        for note in notes:
            draft.warn(note)
        return True
    return False


def set_body(draft: Draft, paragraphs: Sequence[Paragraph], *, rule: str, confidence: float = 0.8) -> None:
    """Clean the body paragraphs: captions, promos and boilerplate out; dateline noted."""
    result = clean_body(paragraphs)
    if result.truncated:
        draft.warn("body truncated")
    if not result.paragraphs:
        return
    span = (result.paragraphs[0].first, result.paragraphs[-1].last)
    draft.set("body", "\n\n".join(p.text for p in result.paragraphs), rule=rule, lines=span,
              confidence=confidence)
    if result.captions:
        draft.set("captions", [c.text for c in result.captions], rule="caption-line",
                  lines=(result.captions[0].first, result.captions[-1].last), confidence=0.7)
    if result.related:
        draft.set("related", [r.text for r in result.related], rule="promo-line",
                  lines=(result.related[0].first, result.related[-1].last), confidence=0.8)
    if result.dateline:
        first = result.paragraphs[0]
        draft.set("dateline", result.dateline.place, rule="dateline", lines=(first.first, first.first),
                  confidence=0.75)
        if result.dateline.agency:
            add_agencies(draft, [result.dateline.agency], rule="dateline", lines=(first.first, first.first))
