"""Bylines: who wrote an article and for which agency, from a line as printed or a metadata value.

A byline is read in steps: markup removed; a field label (``Byline:``) or a byline word
(``By``, ``Par``, ``Von``, ``作者：``...) taken off; e-mail addresses and ``@handles`` dropped; a
date glued to the end cut off and handed back; then the rest split at ``,`` ``;`` ``|`` and
"and"-words into parts, each read as an agency, a staff credit, a role (dropped), a person
("Jane Doe of The New York Times" gives both), or a place after a name (dropped). One part that
is none of these means the line is not a byline.

Agencies are given in their canonical spelling from ``rules.bylines.AGENCIES`` — the short
form a service signs with ("Associated Press" -> "AP"). An unknown outlet counts as an agency
only when its name holds a newspaper word ("Springfield Herald"); after "of"/"for" an unknown
outlet that does not is left out of ``agencies`` (it stays in the byline text).
"""

from __future__ import annotations

import re
import unicodedata
from collections import namedtuple
from functools import lru_cache

from ..lazyre import lazy_compile
from ..rules import bylines as rules
from ..rules.headline import JUNK_VALUES
from .headline import _strip_markup

__all__ = ["Byline", "parse_byline", "byline_score", "split_names", "canonical_agency"]


class Byline(namedtuple("Byline", ("text", "authors", "agencies", "date_text"), defaults=(None,))):
    """A parsed byline: the ``text`` as printed (minus "By" and markup), its people (``authors``) and its
    ``agencies`` (tuples of str), and the ``date_text`` it carried, if any."""

    __slots__ = ()


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_ALL_PREFIXES = [p for group in rules.PREFIXES.values() for p in group]


def _is_cjk(char: str) -> bool:
    """A character of a script written without spaces between names (a range test: cheaper than a regex class)."""
    point = ord(char)
    return any(lo <= point <= hi for lo, hi in rules.CJK_RANGES)


_WORD_PREFIXES = [p for p in _ALL_PREFIXES if not p.endswith((":", "：")) and not any(map(_is_cjk, p))]
_MARK_PREFIXES = [p for p in _ALL_PREFIXES if p not in _WORD_PREFIXES]
_PREFIX = lazy_compile(
    rf"(?i)(?:(?P<word>{_alternation(_WORD_PREFIXES)})(?:\s*[:：]\s*|\s+)"
    rf"|(?P<mark>{_alternation(_MARK_PREFIXES)})\s*)"
)
_EN_PREFIX = lazy_compile(rf"(?i)(?:{_alternation([p for p in rules.PREFIXES['en'] if p != 'From'])})\s+")
_INNER_PREFIX = lazy_compile(rf"(?i)\s(?P<word>{_alternation(_WORD_PREFIXES)})\s+")
_INNER_LABEL = lazy_compile(r"(?<=\s)[^\W\d_]{2,30}[:：](?=\s|$)")
_LABEL = lazy_compile(rf"(?i)(?:{_alternation(rules.LABELS)})\s*[:：]\s*")
_REJECT = lazy_compile(rf"(?i)(?:{_alternation(rules.REJECT_OPENINGS)})(?![^\W\d_])")
_SEPARATOR = lazy_compile(
    rf"\s*[{re.escape(rules.SEPARATOR_CHARS)}]\s*|\s+[-–—]\s+|(?<=[a-zà-ÿ]{{2}})\.\s+"
    rf"|\s+(?:(?i:{_alternation(rules.CONJUNCTIONS)})|&|{_alternation(rules.LOWERCASE_CONJUNCTIONS)})\s+"
)
_PAREN = lazy_compile(r"\(([^()]{0,200})\)")
_EMAIL = lazy_compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
_HANDLE = lazy_compile(r"(?<![\w.])@\w{1,50}")
_SPACES = lazy_compile(r"\s+")
_DIGIT = lazy_compile(r"\d")
_MD_LINK = lazy_compile(r"!?\[([^\[\]]{0,300})\]\([^()\s]{0,2000}\)")
_WIKI_LINK = lazy_compile(r"\[\[([^\[\]|]{1,200})(?:\|[^\[\]]{0,200})?\]\]")
_QUOTED = lazy_compile(r"'((?:[^'\\]|\\.){0,300})'|\"((?:[^\"\\]|\\.){0,300})\"")
_HYPHEN_OR_APOSTROPHE = lazy_compile(r"([-'’])")
_INVISIBLE = str.maketrans("", "", rules.INVISIBLE_CHARS)
_MONTHS = _alternation(rules.MONTHS)
_WEEKDAY = rf"(?:(?:{_alternation(rules.WEEKDAYS)})\.?,?\s+)?"
#: Where a date starts inside a byline; every shape holds a digit, and the pattern is built on first use.
_DATE_START = lazy_compile(
    r"(?i)(?<!\w)(?:"
    rf"{_WEEKDAY}(?:{_MONTHS})\.?\s+\d{{1,2}}(?!\d)"
    rf"|{_WEEKDAY}\d{{1,2}}\.?\s+(?:{_MONTHS})(?![^\W\d_])"
    rf"|(?:{_alternation(rules.DATE_KEYWORDS)})(?![^\W\d_])(?=\D{{0,30}}\d)"
    rf"|{'|'.join(rules.DATE_START_PATTERNS)})"
)

_PARTICLES = frozenset(rules.PARTICLES)
_HONORIFICS = frozenset(rules.HONORIFICS)
_SUFFIXES = frozenset(rules.NAME_SUFFIXES)
_NOT_NAME = frozenset(rules.NOT_NAME_WORDS)
_ROLE_HEADS = frozenset(rules.ROLE_HEADS)
_ROLE_WORDS = _ROLE_HEADS | frozenset(rules.ROLE_MODIFIERS)
_STAFF = frozenset(rules.STAFF_PHRASES)
_AGENCY_STAFF = frozenset(rules.AGENCY_STAFF_WORDS)
_ORG_WORDS = frozenset(rules.ORG_WORDS)
_DATE_WORDS = frozenset(w.casefold() for w in (*rules.MONTHS, *rules.WEEKDAYS, *rules.DATE_WORDS))
_CONNECTOR_WORDS = frozenset(w for w in rules.DATE_CONNECTORS if w.isalpha())
_EDGE_PUNCTUATION = rules.EDGE_PUNCTUATION
_WEAK = frozenset(p.casefold() for p in rules.WEAK_PREFIXES)
_ORG_CONNECTORS = frozenset(rules.ORG_CONNECTORS)


def _agency_key(name: str) -> str:
    key = name.casefold().replace("’", "'").replace(".", "").replace("–", " ").replace("-", " ")
    key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


_AGENCY_INDEX: dict[str, str] = {}
for _canonical, _aliases in rules.AGENCIES.items():
    for _alias in (_canonical, *_aliases):
        _AGENCY_INDEX.setdefault(_agency_key(_alias), _canonical)


def canonical_agency(name: str) -> str | None:
    """The canonical name of a wire service or outlet (``"Associated Press"`` -> ``"AP"``), else ``None``.

    Matching ignores case, dots, hyphens and a leading "The"; the canonical spellings are the
    keys of ``rules.bylines.AGENCIES`` (the short form each service signs with).
    """
    if not isinstance(name, str) or not name.strip() or len(name) > 120:
        return None
    return _AGENCY_INDEX.get(_agency_key(_strip_markup(name)))


# --------------------------------------------------------------------------- names


def _is_cjk_name(token: str) -> bool:
    return 2 <= len(token) <= rules.MAX_CJK_NAME_CHARS and all(map(_is_cjk, token))


def _token_kind(token: str, first: bool) -> str | None:
    """``name``, ``initial``, ``particle``, ``suffix`` — or ``None`` when no name holds this word."""
    folded = token.casefold()
    bare = folded.rstrip(".")
    if not first and bare in _SUFFIXES:
        return "suffix"
    if folded in _PARTICLES and (token.islower() or (not first and len(token) > 1 and token.isupper())):
        return "particle"
    if bare in _NOT_NAME or not token[0].isalpha():
        return None
    if not all(c.isalpha() or c in "'’.-" for c in token):
        return None
    if token[0].isupper() and all(len(p) == 1 for p in bare.split(".")):
        return "initial"  # "J." / "J.R."
    if token.startswith(rules.PARTICLE_PREFIXES):
        for prefix in rules.PARTICLE_PREFIXES:
            if token.startswith(prefix) and len(token) > len(prefix) and not token[len(prefix)].islower():
                return "name"
        return None
    if token[0].islower():
        return None
    return "name"


def _counts(part: str) -> tuple[int, int] | None:
    """(name words, name words + initials) of ``part``, or ``None`` when it cannot be a name."""
    core = initials = 0
    for i, token in enumerate(part.split()):
        kind = _token_kind(token, i == 0)
        if kind is None:
            return None
        core += kind == "name"
        initials += kind == "initial"
    return core, core + initials


def _is_all_caps(text: str) -> bool:
    cased = [c for c in text if c.isupper() or c.islower()]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


def _capitalise(piece: str) -> str:
    if len(piece) > 2 and piece[:2].casefold() == "mc":
        return "Mc" + piece[2:].capitalize()
    return piece.capitalize()


def _title_token(token: str, first: bool) -> str:
    """``MCDONALD`` -> ``McDonald``, ``O'BRIEN`` -> ``O'Brien``, ``VAN`` (inside a name) -> ``van``."""
    folded = token.casefold()
    if not first and folded in _PARTICLES:
        return folded
    if not first:
        for prefix in rules.PARTICLE_PREFIXES:
            if folded.startswith(prefix) and len(folded) > len(prefix):
                return prefix + _capitalise(token[len(prefix):])
    return "".join(_capitalise(p) for p in _HYPHEN_OR_APOSTROPHE.split(token))


def _person(part: str, *, single_ok: bool) -> str | None:
    """A person's name from ``part`` (honorifics dropped, all-caps names title-cased), else ``None``."""
    tokens = part.split()
    while tokens and tokens[0].casefold().rstrip(".") in _HONORIFICS:
        tokens.pop(0)
    if not tokens or len(tokens) > rules.MAX_NAME_WORDS:
        return None
    if len(tokens) == 1 and _is_cjk_name(tokens[0]):
        return tokens[0]
    counts = _counts(" ".join(tokens))
    if counts is None or counts[0] == 0 or tokens[-1].casefold() in _PARTICLES:
        return None
    if counts[1] < 2 and not single_ok:
        return None
    if len(tokens) > 1 and _is_all_caps(" ".join(tokens)):  # one capitalised word may be initials ("DT")
        tokens = [_title_token(t, i == 0) for i, t in enumerate(tokens)]
    return " ".join(tokens)


def _tidy_name(part: str) -> str:
    """A metadata name cleaned without judging it: honorifics dropped, all-caps title-cased."""
    tokens = part.split()
    while len(tokens) > 1 and tokens[0].casefold().rstrip(".") in _HONORIFICS:
        tokens.pop(0)
    if len(tokens) >= 2 and _is_all_caps(part) and canonical_agency(part) is None:
        tokens = [_title_token(t, i == 0) for i, t in enumerate(tokens)]
    return " ".join(tokens)


def _role_split(part: str) -> tuple[str, bool]:
    """A trailing role cut off: ``"Jane Doe Staff Writer"`` -> ``("Jane Doe", True)``."""
    tokens = part.split()
    if not tokens or tokens[-1].casefold().strip(".,") not in _ROLE_HEADS:
        return part, False
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].casefold() in _ROLE_WORDS:
        i -= 1
    return " ".join(tokens[:i]), True


def _is_org(part: str) -> bool:
    """A capitalised name holding a newspaper word: "Springfield Herald", "Acme Daily News"."""
    tokens = part.split()
    if not 1 <= len(tokens) <= 6 or not any(t.casefold() in _ORG_WORDS for t in tokens):
        return False
    return all(t.casefold() in _ORG_CONNECTORS or t[0].isupper() or t[0].isdigit() for t in tokens)


def _inverted(value: str) -> str | None:
    """``"Doe, Jane"`` / ``"Beethoven, Ludwig van"`` -> the name in reading order, else ``None``.

    Only one comma, nothing else separating, and the part after the comma is not itself a
    full name (two name words), an agency or a role.
    """
    if value.count(",") != 1 or len(_SEPARATOR.split(value)) != 2:
        return None
    last, first = (p.strip() for p in value.split(","))
    if not last or not first or len(first.split()) > 3:
        return None
    if canonical_agency(first) or first.casefold() in _STAFF or _role_split(first)[1]:
        return None
    first_counts, last_counts = _counts(first), _counts(last)
    if first_counts is None or last_counts is None or first_counts[0] != 1 or last_counts[0] != 1:
        return None
    return _person(f"{first} {last}", single_ok=True)


# --------------------------------------------------------------------------- parts


class _Found:
    """What the parts of one byline turned out to be, gathered while they are read."""

    __slots__ = ("authors", "agencies", "staff", "known_agency", "role", "invalid")

    def __init__(self) -> None:
        self.authors: list[str] = []
        self.agencies: list[str] = []
        self.staff = False
        self.known_agency = False
        self.role = False
        self.invalid = False


def _add_outlet(name: str, found: _Found) -> None:
    """An outlet after "of"/"for": known ones canonical, newspaper-like names as printed, else left out."""
    name = name.strip(" ,.")
    agency = canonical_agency(name)
    if agency:
        found.agencies.append(agency)
        found.known_agency = True
    elif _is_org(name):
        found.agencies.append(name[4:] if name.startswith("the ") else name)


def _split_lead(part: str, leads: tuple[str, ...]) -> str | None:
    """The rest of ``part`` after one of ``leads`` ("Editing by ..."), or ``None``."""
    folded = part.casefold()
    for lead in leads:
        if folded.startswith(lead + " "):
            return part[len(lead) + 1:].strip()
    return None


def _read_part(part: str, index: int, found: _Found, single_ok: bool) -> None:
    """Classify one separated part of a byline into ``found``."""
    part = _trim(part)
    part = _split_lead(part, rules.AUTHOR_LEADS) or part  # "Additional reporting by Ann Lee"
    if not part or _read_credit(part, index, found):
        return
    part = _name_before_lead(_possessive(part, found), found)
    name, is_role = _role_split(part)
    if is_role:
        if index > 0 or len(name.split()) < 2:
            found.role = True  # a role of its own ("..., Senior Correspondent"), dropped
            return
        part = name  # "Jane Doe Staff Writer": the role is dropped, but is no evidence by itself
    if _is_org(part):
        found.agencies.append(part)
        return
    tokens = part.split()
    if len(tokens) > 1 and all(_is_cjk_name(t) for t in tokens):
        found.authors.extend(tokens)
        return
    if index > 0 and found.authors and len(tokens) == 1 and part[0].isupper() and not _is_cjk_name(part):
        return  # a lone capitalised word after a name is a place ("Kyiv") or a suffix: dropped
    person = _person(part, single_ok=single_ok)
    if person:
        found.authors.append(person)
    else:
        found.invalid = True


def _read_credit(part: str, index: int, found: _Found) -> bool:
    """Staff credits, non-author credits, agencies, "Special to <Outlet>"; say whether ``part`` was one."""
    if part.casefold() in _STAFF:
        found.staff = True
        found.role = found.role or index > 0  # "Jane Doe, Staff Writer"
        return True
    if _split_lead(part, rules.NON_AUTHOR_LEADS) is not None:
        found.role = True  # "Editing by ..."
        return True
    if index > 0 and found.authors and _split_lead(part, rules.PLACE_LEADS) is not None:
        return True  # "Jane Doe · in Politics": a place or a category
    agency = canonical_agency(part)
    if not agency:
        head, _, last = part.rpartition(" ")
        agency = canonical_agency(head) if head and last.casefold() in _AGENCY_STAFF else None
    if agency:
        found.agencies.append(agency)
        found.known_agency = True
        return True
    outlet = _split_lead(part, rules.OUTLET_ROLE_LEADS)
    if outlet is not None:
        found.role = True
        _add_outlet(outlet, found)
        return True
    return False


def _possessive(part: str, found: _Found) -> str:
    """``"CNN's Jane Doe"``: the agency noted, the name returned."""
    for mark in rules.POSSESSIVE_MARKS:
        at = part.find(mark)
        if mark[0] == "s" and at >= 0:
            at += 1  # "Reuters' Jane Doe": the owner keeps its final s
            mark = mark[1:]
        if at > 0:
            owner = part[:at]
            known = canonical_agency(owner)
            agency = known or (owner if _is_org(owner) else None)
            if agency:
                found.agencies.append(agency)
                found.known_agency = found.known_agency or known is not None
                return part[at + len(mark):].strip()
    return part


def _name_before_lead(part: str, found: _Found) -> str:
    """``"Jane Doe of The New York Times"`` / ``"Jane Doe in Kyiv"``: outlet noted, place dropped."""
    tokens = part.split()
    for i in range(1, len(tokens) - 1 if len(tokens) > 2 else 1):
        word = tokens[i].casefold()
        if word not in rules.OUTLET_LEADS and word not in rules.PLACE_LEADS:
            continue
        rest = tokens[i + 1:]
        if not all(t[0].isupper() or t[0].isdigit() or t.casefold() in _ORG_CONNECTORS for t in rest):
            return part  # "Tune in Tokyo was ...": a clause, not a name and its outlet or place
        if word in rules.OUTLET_LEADS:
            _add_outlet(" ".join(rest), found)
        return " ".join(tokens[:i])
    return part


def _parentheses(text: str, found: _Found) -> tuple[str, bool]:
    """Read ``( ... )`` groups: co-authors ("avec ..."), an agency, or a role/place (dropped)."""
    with_names = False

    def replace(match: re.Match[str]) -> str:
        nonlocal with_names
        inner = match.group(1).strip()
        rest = _split_lead(inner, rules.WITH_WORDS)
        if rest:
            with_names = True
            return f"; {rest}"
        agency = canonical_agency(inner)
        if agency:
            found.agencies.append(agency)
            found.known_agency = True
        return " "

    if "(" in text:
        text = _PAREN.sub(replace, text).replace("(", " ").replace(")", " ")
        text = _SPACES.sub(" ", text).strip()
    return text, with_names


# --------------------------------------------------------------------------- text


def _clean(text: str) -> str:
    """Markup, Markdown emphasis and links, invisible characters removed; whitespace collapsed."""
    text = _strip_markup(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    text = text.replace("**", "").replace("__", "")
    text = _SPACES.sub(" ", text).strip()
    for mark in ("*", "_"):  # emphasis around the whole value; a leading "* " is a list bullet
        if len(text) > 2 and text[0] == mark and text[-1] == mark and text[1] != " ":
            text = text[1:-1].strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'" and text[0] not in text[1:-1]:
        text = text[1:-1].strip()
    return text


def _trim(text: str) -> str:
    """Separators off both ends; a final full stop off unless it ends an initial or "Jr."."""
    text = text.strip(_EDGE_PUNCTUATION)
    while text.endswith("."):
        word = text[:-1].rsplit(" ", 1)[-1]
        if len(word) < 3 or "." in word:
            break  # an initial, "Jr.", "A.P."
        text = text[:-1].strip(_EDGE_PUNCTUATION)
    return text


def _drop_trailing_connectors(text: str) -> str:
    """``"Jane Doe on"`` -> ``"Jane Doe"`` (the word that led into a cut-off date)."""
    for _ in range(4):
        text = text.rstrip(_EDGE_PUNCTUATION.replace(":", ""))
        head, _, last = text.rpartition(" ")
        if not head or last.casefold() not in _CONNECTOR_WORDS:
            break
        text = head
    return text


def _cut_date(text: str) -> tuple[str, str | None]:
    """Split a date glued to the end of a byline off: ``("Jane Doe", "February 4, 2025")``."""
    match = _DATE_START.search(text) if _DIGIT.search(text) else None
    if match is None or match.start() == 0:
        return text, None
    date_text = text[match.start():].strip(_EDGE_PUNCTUATION) or None
    return _drop_trailing_connectors(text[: match.start()]), date_text


def _dedupe(items: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


# --------------------------------------------------------------------------- parse


class _Parsed(namedtuple("_Parsed", ("byline", "prefix", "label", "with_names", "role"))):
    """A :class:`Byline` and how it was recognised: its prefix word, a label, names, a role word."""

    __slots__ = ()


def _parse(text: object, labelled: bool) -> _Parsed | None:
    """The byline and how it was recognised, or ``None``."""
    if not isinstance(text, str) or len(text) > 4 * (rules.MAX_LABELLED_CHARS if labelled else rules.MAX_CHARS):
        return None
    return _parse_line(text, labelled)


@lru_cache(maxsize=4096)
def _parse_line(text: str, labelled: bool) -> _Parsed | None:
    """:func:`_parse`, remembered: a file of the same line many times is read once."""
    head = _head(text, labelled)
    if head is None:
        return None
    value, labelled, label, bulleted = head
    if labelled and value.startswith("[") and value.endswith("]"):
        return _parse_list(value, label)
    value, prefix_word, lead_date = _opening(value, labelled)
    if bulleted and not (prefix_word or label):
        return None  # a list item ("• News", "– Jane Doe, Writer") is a menu or a quote
    tail = _tail(value, bool(prefix_word or labelled))
    if tail is None:
        return None
    value, date_text, cut_field = tail
    date_text = lead_date or date_text
    if not _plausible(value, labelled, bool(prefix_word)):
        return None
    found, with_names = _read_parts(value, labelled, bool(prefix_word), single_ok=bool(
        labelled or (prefix_word and date_text)))
    if found is None or not (found.authors or found.agencies or found.staff):
        return None
    if not (prefix_word or labelled or found.known_agency or (found.role and found.authors) or with_names
            or (not cut_field and _names_with_date(found.authors, date_text))):
        return None  # bare names, a staff word or a newspaper word alone on an unlabelled line
    byline = Byline(value, _dedupe(found.authors), _dedupe(found.agencies), date_text)
    return _Parsed(byline, prefix_word, label, with_names, found.role)


def _head(text: object, labelled: bool) -> tuple[str, bool, bool, bool] | None:
    """Clean the value and take off a list bullet and a field label.

    Returns ``(value, labelled, had_label, had_bullet)``, or ``None`` for values that are
    empty, placeholders, far too long, or open like a photo credit or a promo.
    """
    if not isinstance(text, str):
        return None
    limit = rules.MAX_LABELLED_CHARS if labelled else rules.MAX_CHARS
    if len(text) > 4 * limit:
        return None
    value = _clean(text)
    if not value or len(value) > limit or value.casefold() in JUNK_VALUES:
        return None
    bulleted = value[0] in rules.BULLETS
    if bulleted:
        value = value.lstrip(rules.BULLETS + " ")
    if not value or _REJECT.match(value):
        return None
    label = _LABEL.match(value)
    if label and label.end() < len(value):
        return value[label.end():], True, True, bulleted
    return value, labelled, False, bulleted


def _tail(value: str, marked: bool) -> tuple[str, str | None, bool] | None:
    """Handles, a glued date and any later ``Word:`` field cut off the end.

    Returns ``(value, date_text, a_field_was_cut)``; ``None`` for ``"Current time: <date>"``
    (a label before a date) on a line with no byline word or label (``marked``).
    """
    if "@" in value:
        value = _SPACES.sub(" ", _HANDLE.sub(" ", _EMAIL.sub(" ", value))).strip()
    value, date_text = _cut_date(value)
    if date_text and not marked and value.rstrip().endswith((":", "：")):
        return None
    cut = _cut_label(value)
    return _trim(cut), date_text, len(cut) < len(value)


def _read_parts(value: str, labelled: bool, prefixed: bool, *, single_ok: bool) -> tuple[_Found | None, bool]:
    """Read every part of the byline; ``(None, _)`` when one part is no name, agency or role.

    In a labelled value each ``;``-separated chunk may be one ``"Last, First"`` name
    (``"Doe, Jane; Roe, John"``).
    """
    found = _Found()
    work, with_names = _parentheses(value, found)
    invertible = labelled and not prefixed
    index = 0
    for chunk in work.split(";") if invertible else (work,):
        inverted = _inverted(chunk.strip()) if invertible else None
        if inverted:
            found.authors.append(inverted)
            index += 1
            continue
        for part in _SEPARATOR.split(chunk.replace("/", ";")):
            _read_part(part, index, found, single_ok=single_ok)
            index += 1
            if found.invalid:
                return None, with_names
    return found, with_names


def _names_with_date(authors: list[str], date_text: str | None) -> bool:
    """``"Jane Doe 4 May 2025"``: plain two- or three-word names followed by nothing but a date."""
    if not authors or not date_text or len(date_text) > rules.MAX_GLUED_DATE_CHARS:
        return False
    for name in authors:
        words = name.split()
        if not 2 <= len(words) <= 3 or any(w.casefold() in _PARTICLES for w in words):
            return False
    for word in date_text.split():
        word = word.strip(".,:;()|")
        if len(word) >= 3 and word.isalpha() and word.islower() and word not in _DATE_WORDS:
            return False  # "6. November 2023, kurz nach ...": the date opens a sentence
    return True


def _opening(value: str, labelled: bool) -> tuple[str, str | None, str | None]:
    """Take off a byline word: ``"By Jane Doe"``, or after a date: ``"4 May 2025 von Jane Doe"``.

    Returns the rest, the byline word (or ``None``) and the leading date (or ``None``).
    """
    prefix = _PREFIX.match(value)
    if prefix and prefix.end() < len(value):
        return value[prefix.end():], (prefix.group("word") or prefix.group("mark")).strip(), None
    if labelled:
        return value, None, None
    inner = _INNER_PREFIX.search(value, 0, rules.MAX_LEAD_DATE_CHARS + 12)
    if inner is None or inner.end() >= len(value):
        return value, None, None
    lead = value[: inner.start()].strip(_EDGE_PUNCTUATION)
    if not lead or not any(c.isdigit() for c in lead) or len(lead) > rules.MAX_LEAD_DATE_CHARS:
        return value, None, None
    if not _DATE_START.match(lead):
        return value, None, None
    return value[inner.end():], inner.group("word").strip(), lead


def _cut_label(value: str) -> str:
    """``"Jane Doe Kategorien: Mode"`` -> ``"Jane Doe"``: a later ``Word:`` starts another field."""
    match = _INNER_LABEL.search(value)
    return value[: match.start()] if match else value


def _plausible(value: str, labelled: bool, prefixed: bool) -> bool:
    """Cheap checks before the parts are read: not empty, not a credit, not a paragraph."""
    if not value or _REJECT.match(value):
        return False
    folded = value.casefold()
    if any(marker in folded for marker in rules.CREDIT_MARKERS):
        return False
    if "/" in value and not (prefixed or labelled):
        return False  # "Jane Doe / AFP" is a photo credit
    words = len(value.split())
    return words <= (rules.MAX_LABELLED_WORDS if labelled else rules.MAX_WORDS)


def _parse_list(value: str, label: bool) -> _Parsed | None:
    """A Python-list string of names from metadata: ``"['Jane Doe', 'AP']"``."""
    found = _Found()
    names = split_names(value)
    for name in names:
        agency = canonical_agency(name)
        if agency:
            found.agencies.append(agency)
        elif name.casefold() in _STAFF:
            found.staff = True
        else:
            person = _person(name, single_ok=True)
            if person:
                found.authors.append(person)
    if not (found.authors or found.agencies or found.staff):
        return None
    byline = Byline(", ".join(names), _dedupe(found.authors), _dedupe(found.agencies))
    return _Parsed(byline, None, label, False, False)


def parse_byline(text: str, *, labelled: bool = False) -> Byline | None:
    """Split a byline into its text, people and agencies; ``None`` when ``text`` is not a byline.

    ``labelled=True`` when the value came from a ``Byline:``/``Author:``/``By:`` label or a
    metadata field: then no "By" is needed, a bare name is accepted, and a single
    ``"Last, First"`` pair is turned round. Without a label or a "By"-word, a line is a byline
    only when it credits an agency or staff ("AFP", "Reuters staff"), names a role
    ("Jane Doe, Staff Writer") or lists co-authors in parentheses.
    """
    parsed = _parse(text, labelled)
    return parsed.byline if parsed else None


def byline_score(line: str) -> float:
    """0..1 confidence that an unlabelled line of a text dump is a byline line.

    About 0.9 for a "By"-word or a byline label, 0.55 for a weak one ("From", "Di") before bare
    names, 0.6–0.7 for an agency or a name with a role or an agency and no "By"-word, under 0.5
    for bare names (a Title-Case headline looks the same), 0 for anything else.
    """
    if not isinstance(line, str) or not line.strip() or len(line) > rules.MAX_CHARS:
        return 0.0
    parsed = _parse(line, False)
    if parsed is not None:
        byline = parsed.byline
        if parsed.label:
            score = 0.95
        elif parsed.prefix:
            strong = parsed.prefix.casefold() not in _WEAK or bool(byline.agencies)
            score = (0.9 if byline.authors or byline.agencies else 0.8) if strong else 0.55
        elif parsed.with_names or (byline.authors and (byline.agencies or parsed.role)):
            score = 0.65
        elif byline.authors:
            score = 0.55  # names with a glued date: "Jane Doe 4 May 2025"
        else:
            score = 0.6
        return min(1.0, score + (0.05 if byline.date_text else 0.0))
    bare = _parse(line, True)
    if bare is None or not bare.byline.authors:
        return 0.0
    authors = bare.byline.authors
    if not all(len(a.split()) >= 2 for a in authors):
        return 0.15
    return 0.45 if len(authors) >= 2 else 0.35


def split_names(value: str | list | tuple) -> list[str]:
    """Author names from a metadata value, cleaned, in order, without repeats.

    Takes ``"A, B and C"``, ``"A; B; C"``, ``"A & B"``, a Python-list string ``"['A', 'B']"``,
    wiki links ``"[[Jane Doe]]"``, lists (and JSON-LD ``{"name": ...}`` objects) of any of
    these; ``"Doe, Jane"`` alone is one name turned round. Agencies are kept as given (see
    :func:`canonical_agency`); placeholders (``unknown``, ``[]``) and URLs are dropped.
    """
    names: list[str] = []
    _collect(value, names, 0, [_MAX_VISITS])
    return list(_dedupe(names))


#: Values visited per :func:`split_names` call: a YAML alias bomb shares lists, so depth alone is no bound.
_MAX_VISITS = 1000


def _collect(value: object, names: list[str], depth: int, budget: list[int]) -> None:
    if depth > 4 or budget[0] <= 0:
        return
    budget[0] -= 1
    if isinstance(value, str):
        names.extend(_names_from_string(value, depth))
    elif isinstance(value, (list, tuple)):
        for item in value[:200]:
            _collect(item, names, depth + 1, budget)
    elif isinstance(value, dict):
        _collect(value.get("name"), names, depth + 1, budget)


def _names_from_string(value: str, depth: int) -> list[str]:
    if len(value) > 4 * rules.MAX_LABELLED_CHARS:
        return []
    text = _clean(value)
    if "[[" in text:
        text = _WIKI_LINK.sub(r"\1", text)
    if text.startswith("[") and text.endswith("]"):
        items = [a or b for a, b in _QUOTED.findall(text)]
        if items and depth < 4:
            return [n for item in items for n in _names_from_string(item, depth + 1)]
        text = text[1:-1].strip()
    if not text or text.casefold() in JUNK_VALUES:
        return []
    prefix = _EN_PREFIX.match(text)
    if prefix and prefix.end() < len(text):
        text = text[prefix.end():]
    names = []
    for chunk in text.split(";"):
        inverted = _inverted(chunk.strip())
        if inverted:
            names.append(inverted)
            continue
        for part in _SEPARATOR.split(chunk):
            part = _trim(part).strip("'\"“”‘’ ")
            if part and part.casefold() not in JUNK_VALUES and "://" not in part and "@" not in part:
                names.append(_tidy_name(part))
    return names
