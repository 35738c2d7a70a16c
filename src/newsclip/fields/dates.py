"""Dates in article files -> ISO 8601 strings as precise as the input, each with the label governing it.

Exact patterns compiled from named parts (weekday, day, month, year, time,
zone; vocabulary in :mod:`newsclip.rules.dates`) run first; :mod:`dateutil` is
a last resort for short strings in :func:`parse_date` only. Every pattern is
linear: bounded repeats, no nested quantifiers, and a start guard that fails
at once inside words and numbers, so a 1 MB line is scanned in one pass.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

from ..lazyre import lazy_compile
from ..rules import dates as rules

__all__ = ["DateMatch", "find_dates", "has_date", "is_date_line", "parse_date"]

#: Earliest and latest year accepted as a real date.
MIN_YEAR, MAX_YEAR = 1800, 2100
#: How far before a date (in characters) a label may stand and still govern it.
LABEL_REACH = 80
#: Longest string handed to dateutil, and longest line :func:`is_date_line` accepts.
FALLBACK_MAX = 64
DATE_LINE_MAX = 300
#: Longest string in which a bare "yesterday"/"today" counts as a date.
DAY_WORD_MAX = 200
#: Every written date has a four-digit year, and reaches at most about 100 characters
#: before it (time, weekday, day, month) or after it (weekday, time, zone): only the
#: stretches this close to a four-digit number are searched.
DATE_REACH = 128


class DateMatch(namedtuple("DateMatch", ("iso", "start", "end", "kind", "has_time", "relative"))):
    """One date found in a line: ``iso`` value (str), span (``start``, ``end``), the ``kind`` its label
    gives (str), precision flags ``has_time`` and ``relative`` (bool)."""

    __slots__ = ()


class _Hit(namedtuple("_Hit", ("start", "end", "iso", "has_time", "relative", "weak"), defaults=(False,))):
    """A resolved date before labels are read; ``weak`` marks a bare "today"."""

    __slots__ = ()


# --------------------------------------------------------------------------- pattern parts

_S = r"[^\S\r\n]"  # a blank that is not a line break
# A letter of the Latin, Greek or Cyrillic alphabets, either case: A-Z a-z U+00C0-U+024F U+0370-U+04FF.
# Written as two small classes, not one: a class with more than two ranges beyond Latin-1 makes the
# compiler build a 64K-entry table, and these checks occur 20 times in the date pattern (a third of
# its compile time). (?-i:) because both cases are listed already.
_LETTER = "(?:[A-Za-z]|[\u00c0-\u024f\u0370-\u04ff])"
_WORD_START = r"(?-i:(?<![0-9A-Za-z]|[\u00c0-\u024f\u0370-\u04ff]))"
_START = _WORD_START + r"(?<!\d[.:])"
_WORD_END = rf"(?-i:(?!{_LETTER}))"
_HOUR = r"(?:[01]?\d|2[0-3])"
_DAY = r"[0-3]?\d(?!\d)"
_MONTH_NUM = r"[01]?\d(?!\d)"
_YEAR = r"\d{4}(?!\d)"


def _alt(words: Iterable[str], *, fold: bool = True) -> str:
    """A regex for any of ``words``, as a prefix tree so each step tries only a few branches.

    Inner spaces match 1-3 blanks; longer words are tried before their prefixes.
    """
    return _alt_of(tuple(words), fold)


@lru_cache(maxsize=None)
def _alt_of(words: tuple[str, ...], fold: bool) -> str:
    """:func:`_alt`, built once per word list (the time patterns repeat theirs)."""
    tree: dict[str, dict] = {}
    for word in {w.lower() if fold else w for w in words}:
        node = tree
        for token in _tokens(word):
            node = node.setdefault(token, {})
        node[""] = {}
    return _tree_regex(tree)


def _tokens(word: str) -> list[str]:
    """A word as regex tokens: one escaped character each, a blank run as one token."""
    out: list[str] = []
    for i, part in enumerate(word.split()):
        if i:
            out.append(rf"{_S}{{1,3}}")
        out.extend(map(re.escape, part))
    return out


def _tree_regex(node: dict[str, dict]) -> str:
    """The regex of one prefix-tree node: its branches, optional where a word may end here."""
    branches = [token + _tree_regex(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _norm(word: str) -> str:
    """The table key for a matched word: lower case, single spaces, no trailing dot."""
    return " ".join(word.lower().split()).rstrip(".")


_MONTH = rf"(?:{_alt(rules.MONTHS)}){_WORD_END}"
_PARTICLE = rf"(?:(?:{_alt(rules.DATE_PARTICLES)}){_WORD_END}{_S}{{1,3}})?"


def _zone(p: str) -> str:
    """An optional zone after a time: ``(UTC +08:00)``, ``+0100``, ``Z``, ``EST``."""
    return (
        rf"(?:{_S}{{0,2}}(?:"
        rf"\(?(?:UTC|GMT){_S}?(?P<{p}zs>[+-])(?P<{p}zh>\d{{1,2}})(?::?(?P<{p}zm>[0-5]\d))?\)?(?!\d)"
        rf"|(?P<{p}zn>[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)(?!\d)"
        rf"|\(?(?-i:(?P<{p}za>{_alt([*rules.ZONE_OFFSETS, *rules.DST_ZONES], fold=False)}))\)?(?![A-Za-z])"
        r"))?"
    )


def _time(p: str, *, dot: bool) -> str:
    """A time of day with optional am/pm, "Uhr" and zone; group names start with ``p``."""
    seps = ":.hH" if dot else ":hH"
    clock = (
        rf"(?P<{p}h>{_HOUR})[{re.escape(seps)}](?P<{p}mi>[0-5]\d)"
        rf"(?::(?P<{p}s>[0-5]\d)(?:[.,]\d{{1,9}})?)?(?!\d)(?!\.\d)"
    )
    ampm = rf"(?:{_alt(rules.AMPM)}){_WORD_END}"
    hour_h = rf"(?P<{p}hh>{_HOUR})[hH]{_WORD_END}(?!\d)"
    hour_ampm = rf"(?P<{p}ha>{_HOUR})(?={_S}?{ampm})"
    word = rf"(?P<{p}w>{_alt(rules.MIDNIGHT_WORDS + rules.NOON_WORDS)}){_WORD_END}"
    return (
        rf"(?P<{p}>{clock}|{hour_h}|{hour_ampm}|{word})"
        rf"(?:{_S}?(?P<{p}ampm>{ampm}))?"
        rf"(?:{_S}?(?:{_alt(rules.HOUR_SUFFIXES)}){_WORD_END})?"
        + _zone(p)
    )


#: What may stand between a date and its time: "5 May 2024, 10:30", "May 5 | 3:04 pm".
_TIME_SEP = "[,;:|•·@/–—-]"

# What only times, weekdays and year suffixes need is built by functions, when the patterns holding
# them are first compiled: a date that ends a line needs none of it.


def _connect() -> str:
    """What joins a date and its time: "T", blanks, a separator, a word ("at", "um", "à")."""
    return (
        rf"(?:T|{_S}{{0,4}}(?:{_TIME_SEP}{_S}{{0,4}})?"
        rf"(?:(?:{_alt(rules.TIME_CONNECTORS)}){_WORD_END}{_S}{{1,4}})?)"
    )


def _tail_source() -> str:
    """What a date may carry after it: a year suffix ("2025 г."), a weekday (", Monday"), a time."""
    year_suffix = rf"(?:{_S}?(?:{_alt(rules.YEAR_SUFFIXES)}){_WORD_END})?"
    weekday = rf"(?:,?{_S}{{1,3}}(?:{_alt(rules.WEEKDAYS_LONG)}){_WORD_END})?"
    return year_suffix + weekday + rf"(?:{_connect()}{_time('t_', dot=True)})?"


def _weekday_before_source() -> str:
    """A weekday that opens a date ("Monday, ", "Thu. "), ending where the date begins."""
    weekdays = _alt(rules.WEEKDAYS_LONG + rules.WEEKDAYS_SHORT)
    return _START + rf"(?:{weekdays}){_WORD_END}\.?,?{_S}{{1,3}}\Z"


_ISO = rf"(?P<iso_y>\d{{4}})(?P<iso_sep>[-/.])(?P<iso_m>{_MONTH_NUM})(?P=iso_sep)(?P<iso_d>{_DAY})"
_NUMERIC = rf"(?P<num_a>{_DAY})(?P<num_sep>[-/.])(?P<num_b>{_DAY})(?P=num_sep)(?P<num_y>{_YEAR})"
_CJK = (
    rf"(?P<cjk_y>\d{{4}}){_S}?[年년]{_S}?(?P<cjk_m>{_MONTH_NUM}){_S}?[月월]"
    rf"{_S}?(?P<cjk_d>{_DAY}){_S}?[日일]"
)
#: A month in words, day first ("5 May 2024", "5. Mai 2024", "16 de julio de 2026") or month first
#: ("May 5, 2024"). One pattern around one month name, so the long month alternation is compiled once:
#: a day before the month (a digit, where no month name starts) says which way the rest reads.
_WORDED = (
    rf"(?:(?P<dmy_d>{_DAY})(?:(?:{_alt(rules.ORDINALS)})?{_S}{{1,3}}{_PARTICLE}|\.{_S}{{0,3}}|[-/]))?"
    rf"(?P<month>{_MONTH})"
    rf"(?(dmy_d)(?:\.?(?:,?{_S}{{1,3}}{_PARTICLE}|[-/])|\.)(?P<dmy_y>{_YEAR})"
    rf"|(?:\.{_S}{{0,3}}|{_S}{{1,3}})(?P<mdy_d>{_DAY})(?:{_alt(rules.ORDINALS)})?"
    rf"(?:,{_S}{{0,3}}|{_S}{{1,3}})(?P<mdy_y>{_YEAR}))"
)

#: The written shapes of a date: 2024-05-05, 05/05/2024, 2024年5月5日, 5 May 2024, May 5, 2024.
_DATE_SHAPES = rf"(?:{_ISO}|{_NUMERIC}|{_CJK}|{_WORDED})"
_DATE_RE = lazy_compile(_START + _DATE_SHAPES, re.IGNORECASE)
#: A date may open with a weekday and carry a year suffix, a weekday or a time after it. Those are
#: patterns of their own, tried where the date begins and ends, as one pattern's optional parts would
#: be, and built on first use: most dates have neither, and together they were two thirds of the
#: date pattern's compile time.
_WEEKDAY_BEFORE_RE = lazy_compile(_weekday_before_source, re.IGNORECASE)
_DATE_TAIL_RE = lazy_compile(_tail_source, re.IGNORECASE)
#: The first letter-or-digit run after a date, past the blanks and the one separator a tail may hold.
_TAIL_LEAD_RE = lazy_compile(rf"{_S}{{0,4}}(?:{_TIME_SEP}{_S}{{0,4}})?(?:(\d)|([^\W\d_]+))")
#: The letters just before a date, past the dot, comma and blanks a weekday before it may take.
_BEFORE_LEAD_RE = lazy_compile(rf"([^\W\d_]+)\.?,?{_S}{{1,3}}\Z")
#: Where, in a run of letters, the date patterns let a word start or end (their word edges).
_WORD_START_RE = lazy_compile(_WORD_START)
_WORD_END_RE = lazy_compile(_WORD_END)
#: A time written before a date ("10:30, 5 May 2024", "noon Monday, May 5"), ending where the date begins.
#: Apart from the date pattern, and built on first use: few dates have one, and it is a third of the
#: date pattern's compile time.
_TIME_BEFORE_RE = lazy_compile(
    lambda: _START + rf"{_time('b_', dot=False)}{_S}{{0,3}}(?:[,|•·–—-]{_S}{{0,3}})?\Z", re.IGNORECASE
)
#: How far before a date such a time can start (the longest: seconds, fraction, am/pm, "Uhr" and a zone).
_TIME_BEFORE_REACH = 60
_TIME_WORDS = tuple(word.lower() for word in (*rules.MIDNIGHT_WORDS, *rules.NOON_WORDS))


def _relative_source() -> str:
    """"3 hours ago", "vor 2 Tagen", "il y a 5 minutes", "yesterday 10:30"."""
    count = rf"(?:\d{{1,3}}(?!\d)|(?:{_alt(rules.NUMBER_WORDS)}){_WORD_END})"
    unit = rf"(?:{_alt(rules.RELATIVE_UNITS)}){_WORD_END}\.?"
    return (
        _START + "(?:"
        rf"(?P<n1>{count}){_S}{{0,2}}(?P<u1>{unit}){_S}{{1,3}}(?:{_alt(rules.RELATIVE_SUFFIXES)})"
        rf"|(?:{_alt(rules.RELATIVE_PREFIXES)}){_S}{{1,3}}(?P<n2>{count}){_S}{{0,2}}(?P<u2>{unit})"
        rf"|(?P<day>{_alt(rules.DAY_WORDS)})(?:{_connect()}{_time('r_', dot=False)})?"
        rf"){_WORD_END}"
    )


def _label_source() -> str:
    """A date label: "Published", "Mis à jour le", or a word with a colon ("Date:")."""
    return (
        _START
        + rf"(?:(?P<label>{_alt(w for ws in rules.LABELS.values() for w in ws)}){_WORD_END}"
        + rf"|(?P<colon>{_alt(rules.COLON_LABELS)}){_S}{{0,2}}:)"
    )


def _filler_source() -> str:
    """Short words between a label and its date in a date-only line: the "on" of "Posted on"."""
    return _START + rf"(?:{_alt(rules.DATE_LINE_FILLERS)}){_WORD_END}"


# Relative dates, labels and fillers are needed by few inputs: built and compiled on first use.
_RELATIVE_RE = lazy_compile(_relative_source, re.IGNORECASE)
_LABEL_RE = lazy_compile(_label_source, re.IGNORECASE)
_FILLER_RE = lazy_compile(_filler_source, re.IGNORECASE)

_LABEL_KIND: dict[str, str] = {
    **dict.fromkeys(map(_norm, rules.COLON_LABELS), "published"),
    **{_norm(w): kind for kind, words in rules.LABELS.items() for w in words},
}
_ALNUM_RE = lazy_compile(r"[^\W_]")
_LETTER_RE = lazy_compile(r"[^\W\d_]")
_AFTER_SLASH_RE = lazy_compile(rf"{_S}*[/|•·]{_S}*")
_YEAR_RE = lazy_compile(r"(?<!\d)(?:1[89]\d\d|20\d\d|2100)(?!\d)")
_FOUR_DIGITS_RE = lazy_compile(r"\d{4}(?!\d)(?<!\d{5})")
_ANY_DIGIT_RE = lazy_compile(r"\d")
_RUN_RE = lazy_compile(r"[^\W_]*")
_MIDNIGHT = frozenset(map(_norm, rules.MIDNIGHT_WORDS))
_WORD_RE = lazy_compile(r"[^\W\d_]+")
_WEEKDAYS = (*rules.WEEKDAYS_LONG, *rules.WEEKDAYS_SHORT)
#: The last word (casefolded) of every weekday, and the farthest a weekday before a date starts from it
#: (the name, a dot, a comma, three blanks).
_WEEKDAY_ENDS = frozenset(_WORD_RE.findall(day.casefold())[-1] for day in _WEEKDAYS)
_WEEKDAY_REACH = max(map(len, _WEEKDAYS)) + 5
#: The first word (casefolded) of everything a date's tail may start with: a year suffix, a weekday,
#: a word before the time, a time in words, or the "T" of ISO 8601 (which a time in words may follow
#: with no space: "Tnoon" is looked up as "noon").
_TAIL_WORDS = frozenset(
    _WORD_RE.findall(phrase.casefold())[0]
    for phrase in (*rules.YEAR_SUFFIXES, *rules.WEEKDAYS_LONG, *rules.TIME_CONNECTORS,
                   *rules.MIDNIGHT_WORDS, *rules.NOON_WORDS, "T")
)
#: Casefolding joins every pair of letters the case-blind date patterns join, except the dotted capital
#: I: they read it as "i", casefold turns it into two characters. The pre-tests let a word holding one pass.
_DOTTED_I = "\u0130"
#: Words one of which every relative date holds: its day word, or its unit and "ago"/"vor".
_DAY_WORD_HEADS = frozenset(_WORD_RE.findall(w.lower())[-1] for w in rules.DAY_WORDS)
_UNIT_WORDS = frozenset(w.lower() for w in rules.RELATIVE_UNITS)
_PAST_MARKERS = frozenset(_WORD_RE.findall(w.lower())[0] for w in (*rules.RELATIVE_SUFFIXES, *rules.RELATIVE_PREFIXES))
_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "：": ":", "／": "/"})
_LINE_REFERENCE = datetime(2000, 1, 1, 12, 0)
_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DATE_GROUPS = ("iso_y", "iso_m", "iso_d", "num_y", "num_a", "num_b", "num_sep", "cjk_y", "cjk_m", "cjk_d",
                "month", "dmy_y", "dmy_d", "mdy_y", "mdy_d")
_CLOCK_GROUPS = {p: tuple(p + g for g in ("h", "mi", "s", "hh", "ha", "w", "ampm")) for p in ("b_", "t_", "r_")}


# --------------------------------------------------------------------------- building values


def _valid(y: int, mo: int, d: int) -> bool:
    """Whether the day exists and the year is plausible for an article."""
    if not (MIN_YEAR <= y <= MAX_YEAR and 1 <= mo <= 12 and 1 <= d <= _MONTH_DAYS[mo]):
        return False
    return mo != 2 or d < 29 or (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0))


def _iso(y: int, mo: int, d: int, clock: tuple[int, int, int] | None = None,
         offset: str | None = None) -> str:
    """ISO 8601 with only the parts the input gave."""
    text = f"{y:04d}-{mo:02d}-{d:02d}"
    if clock is None:
        return text
    return f"{text}T{clock[0]:02d}:{clock[1]:02d}:{clock[2]:02d}{offset or ''}"


def _format_offset(delta: timedelta | None) -> str | None:
    """``timedelta`` -> ``+HH:MM`` (zero is always ``+00:00``)."""
    if delta is None:
        return None
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def _numeric_offset(sign: str, hours: int, minutes: int) -> str | None:
    """A written offset, refused when it cannot exist."""
    if hours > 14 or minutes > 59:
        return None
    return _format_offset(timedelta(hours=hours, minutes=minutes) * (-1 if sign == "-" else 1))


def _month(word: str) -> int | None:
    """Month number of a matched month name ("Févr." -> 2)."""
    return rules.MONTHS.get(_norm(word))


def _ymd(m: re.Match[str], dayfirst: bool) -> tuple[int, int, int] | None:
    """Year, month, day of whichever date shape matched, or None if it is not a real day."""
    (iso_y, iso_m, iso_d, num_y, num_a, num_b, num_sep, cjk_y, cjk_m, cjk_d,
     month, dmy_y, dmy_d, mdy_y, mdy_d) = m.group(*_DATE_GROUPS)
    if iso_y:
        y, mo, d = int(iso_y), int(iso_m), int(iso_d)
    elif num_y:
        y, (mo, d) = int(num_y), _month_day(int(num_a), int(num_b), dayfirst or num_sep == ".")
    elif cjk_y:
        y, mo, d = int(cjk_y), int(cjk_m), int(cjk_d)
    elif dmy_y:
        y, mo, d = int(dmy_y), _month(month) or 0, int(dmy_d)
    else:
        y, mo, d = int(mdy_y), _month(month) or 0, int(mdy_d)
    return (y, mo, d) if _valid(y, mo, d) else None


def _month_day(a: int, b: int, dayfirst: bool) -> tuple[int, int]:
    """Order two numbers of ``a/b/yyyy``: a part above 12 forces it, else ``dayfirst`` decides."""
    if a > 12 >= b:
        dayfirst = True
    elif b > 12 >= a:
        dayfirst = False
    return (b, a) if dayfirst else (a, b)


def _clock(m: re.Match[str], p: str) -> tuple[int, int, int] | None:
    """Hour, minute, second of the time group with prefix ``p``, if it matched."""
    hour, minute, second, hour_h, hour_ampm, word, ampm = m.group(*_CLOCK_GROUPS[p])
    if hour is not None:
        h, mi, s = int(hour), int(minute), int(second or 0)
    elif hour_h is not None:
        h, mi, s = int(hour_h), 0, 0
    elif hour_ampm is not None:
        h, mi, s = int(hour_ampm), 0, 0
        if not 1 <= h <= 12:
            return None
    elif word is not None:
        h, mi, s = (0 if _norm(word) in _MIDNIGHT else 12), 0, 0
    else:
        return None
    if ampm and 1 <= h <= 12:  # "14:05 am" is a 24-hour time followed by the German "am"
        h = h % 12 + (12 if ampm[0] in "pP" else 0)
    return h, mi, s


def _offset(m: re.Match[str], p: str, day: tuple[int, int, int], clock: tuple[int, int, int]) -> str | None:
    """The UTC offset written after the time, resolved for that date where it follows DST."""
    g = m.group
    if g(f"{p}zs"):
        return _numeric_offset(g(f"{p}zs"), int(g(f"{p}zh")), int(g(f"{p}zm") or 0))
    if g(f"{p}zn"):
        digits = g(f"{p}zn")[1:].replace(":", "")
        return _numeric_offset(g(f"{p}zn")[0], int(digits[:2]), int(digits[2:] or 0))
    abbr = g(f"{p}za")
    if not abbr:
        return None
    if abbr in rules.ZONE_OFFSETS:
        return _format_offset(_parse_offset(rules.ZONE_OFFSETS[abbr]))
    return _dst_offset(abbr, day, clock)


def _parse_offset(text: str) -> timedelta:
    """``-05:30`` from the zone table -> timedelta."""
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6]))


@lru_cache(maxsize=16)
def _zoneinfo(name: str) -> tzinfo | None:
    """The IANA zone, or None where the system has no zone data."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, missing tzdata, bad install: use the fixed rule
        return None


def _dst_offset(abbr: str, day: tuple[int, int, int], clock: tuple[int, int, int]) -> str:
    """Offset of a US zone ("ET") on that date: zoneinfo if present, else the 2007 US rule."""
    name, standard, summer = rules.DST_ZONES[abbr]
    zone = _zoneinfo(name) if day[0] >= 1900 else None
    if zone is not None:
        return _format_offset(datetime(*day, clock[0], clock[1], tzinfo=zone).utcoffset()) or standard
    return summer if _us_summer(day, clock[0]) else standard


def _us_summer(day: tuple[int, int, int], hour: int) -> bool:
    """US daylight time: second Sunday of March 02:00 to first Sunday of November 02:00."""
    y = day[0]
    start = datetime(y, 3, _nth_sunday(y, 3, 2), 2)
    end = datetime(y, 11, _nth_sunday(y, 11, 1), 2)
    return start <= datetime(*day, hour) < end


def _nth_sunday(year: int, month: int, n: int) -> int:
    """Day of the month of its ``n``-th Sunday."""
    first = date(year, month, 1)
    return 1 + (6 - first.weekday()) % 7 + 7 * (n - 1)


# --------------------------------------------------------------------------- scanning


def _windows(s: str) -> Iterator[tuple[int, int]]:
    """Disjoint stretches of ``s`` within ``DATE_REACH`` of a four-digit number, in order.

    A stretch never ends inside a word or number, so no year is cut short.
    """
    lo = hi = -1
    size = len(s)
    for four in _FOUR_DIGITS_RE.finditer(s):
        start, end = max(0, four.start() - DATE_REACH), min(four.end() + DATE_REACH, size)
        if start > hi >= 0:
            yield lo, hi
            lo = -1
        if lo < 0:
            lo = start
        if end > hi:
            if end < size and s[end - 1].isalnum() and s[end].isalnum():
                end = _RUN_RE.match(s, end).end()
            hi = end
    if lo >= 0:
        yield lo, hi


def _absolute_hits(s: str, dayfirst: bool) -> Iterator[_Hit]:
    """Every written date in ``s``, left to right; impossible ones are skipped."""
    for lo, hi in _windows(s):
        yield from _window_hits(s, lo, hi, dayfirst)


def _window_hits(s: str, lo: int, hi: int, dayfirst: bool) -> Iterator[_Hit]:
    """The dates of one stretch of ``s``, each with the time written before or after it."""
    done = lo  # where the previous date ended: a time before the next one starts no earlier
    while (m := _DATE_RE.search(s, done, hi)) is not None:
        opening = _weekday_start(s, done, m.start())
        tail = _DATE_TAIL_RE.match(s, m.end(), hi) if _tail_may_follow(s, m.end(), hi) else None
        end = tail.end() if tail is not None else m.end()
        before = _time_before(s, done, opening)
        done = end  # an impossible date still holds its span, as one pattern's match would
        day = _ymd(m, dayfirst)
        if day is None:
            continue
        if before is not None:
            timed, prefix, start = before, "b_", before.start()
        else:
            timed, prefix, start = tail, "t_", opening
        clock = _clock(timed, prefix) if timed is not None and timed.group(prefix) is not None else None
        if clock is None:
            yield _Hit(start, end, _iso(*day), False, False)
        else:
            yield _Hit(start, end, _iso(*day, clock, _offset(timed, prefix, day, clock)), True, False)


def _weekday_start(s: str, lo: int, start: int) -> int:
    """Where the weekday that opens the date at ``start`` begins ("Monday, 5 May 2024"); ``start`` if none.

    The weekday pattern is compiled and tried only when the word before the date ends like a weekday.
    """
    window = max(lo, start - _WEEKDAY_REACH)
    lead = _BEFORE_LEAD_RE.search(s, window, start)
    if lead is None:
        return start
    word = lead.group(1)
    # The letters may run on before the weekday (a CJK letter ends no word for the patterns): each
    # place in the run where the patterns let a word start is tried.
    if _DOTTED_I not in word and not any(
            word[at.start():].casefold() in _WEEKDAY_ENDS for at in _WORD_START_RE.finditer(word)):
        return start
    weekday = _WEEKDAY_BEFORE_RE.search(s, window, start)
    return start if weekday is None else weekday.start()


def _tail_may_follow(s: str, end: int, hi: int) -> bool:
    """Whether a date ending at ``end`` may have a tail: a digit or one of the words a tail starts with comes next.

    Never False where :data:`_DATE_TAIL_RE` would match something, so the tail pattern is compiled
    and tried only for the dates that can have one.
    """
    lead = _TAIL_LEAD_RE.match(s, end, hi)
    if lead is None:
        return False
    word = lead.group(2)
    if word is None:
        return True  # a digit: a time may start here
    if _DOTTED_I in word:
        return True
    # The tail's word opens the run of letters, which may go on past it (a CJK letter ends no word for
    # the patterns): it is looked for up to each place in the run where the patterns let a word end.
    for at in _WORD_END_RE.finditer(word):
        head = word[:at.start()].casefold()
        if head in _TAIL_WORDS or head[:1] == "t" and head[1:] in _TAIL_WORDS:
            return True
    return False


def _time_before(s: str, lo: int, end: int) -> re.Match[str] | None:
    """A time that ends right where a date starts at ``end`` (and begins at ``lo`` or later)."""
    lo = max(lo, end - _TIME_BEFORE_REACH, s.rfind("\n", 0, end) + 1)  # on the date's own line
    if end <= lo or not s[end - 1].isspace() and s[end - 1] not in ",|•·–—-":
        return None  # a time before a date is set off by a blank or a separator
    if _ANY_DIGIT_RE.search(s, lo, end) is None and not any(w in s[lo:end].lower() for w in _TIME_WORDS):
        return None
    return _TIME_BEFORE_RE.search(s, lo, end)


def _may_be_relative(s: str) -> bool:
    """A quick word test every relative date passes, so the relative pattern is searched (and built) rarely."""
    words = set(_WORD_RE.findall(s.lower()))
    if not words.isdisjoint(_DAY_WORD_HEADS):
        return True
    return not words.isdisjoint(_UNIT_WORDS) and not words.isdisjoint(_PAST_MARKERS)


def _relative_hits(s: str, reference: datetime) -> Iterator[_Hit]:
    """Every relative date in ``s`` resolved against ``reference`` (:func:`_scan` asks only when one may be there)."""
    for m in _RELATIVE_RE.finditer(s):
        hit = _relative(m, reference)
        if hit is None:
            continue
        if m.group("day") is not None and not hit.has_time and not _stands_alone(s, m):
            continue  # "today" inside a sentence is not a date
        yield hit


def _relative(m: re.Match[str], reference: datetime) -> _Hit | None:
    """Reference minus the written delta, at the precision of the unit."""
    if m.group("day") is not None:
        return _day_word(m, reference)
    count_text, unit_text = m.group("n1") or m.group("n2"), m.group("u1") or m.group("u2")
    count = int(count_text) if count_text.isdigit() else rules.NUMBER_WORDS.get(_norm(count_text))
    unit = rules.RELATIVE_UNITS.get(_norm(unit_text))
    if count is None or unit is None:
        return None
    try:
        if unit in ("days", "weeks"):
            day = reference.date() - timedelta(**{unit: count})
            iso, has_time = day.isoformat(), False
        else:
            moment = reference.replace(microsecond=0) - timedelta(**{unit: count})
            day, iso, has_time = moment.date(), moment.isoformat(), True
    except OverflowError:
        return None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return _Hit(m.start(), m.end(), iso, has_time, True)


def _day_word(m: re.Match[str], reference: datetime) -> _Hit | None:
    """"yesterday", "gestern 10:30": the reference day minus the word's days, with its time."""
    back = rules.DAY_WORDS.get(_norm(m.group("day")))
    if back is None:
        return None
    try:
        day = reference.date() - timedelta(days=back)
    except OverflowError:
        return None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    ymd = (day.year, day.month, day.day)
    clock = _clock(m, "r_")
    if clock is None:
        return _Hit(m.start(), m.end(), day.isoformat(), False, True, weak=back == 0)
    return _Hit(m.start(), m.end(), _iso(*ymd, clock, _offset(m, "r_", ymd, clock)), True, True)


def _stands_alone(s: str, m: re.Match[str]) -> bool:
    """A short string that is only this phrase plus labels and punctuation."""
    return len(s) <= DAY_WORD_MAX and _only_labels_outside(s, [(m.start(), m.end())])


def _scan(s: str, dayfirst: bool, reference: datetime | None) -> Iterator[_Hit]:
    """Written and (with a reference) relative dates, left to right, never overlapping."""
    hits = _absolute_hits(s, dayfirst)
    if reference is None or not _may_be_relative(s):
        yield from hits
        return
    import heapq  # imported where relative dates may be: few inputs have any

    end = 0
    for hit in heapq.merge(hits, _relative_hits(s, reference), key=lambda h: (h.start, h.relative)):
        if hit.start >= end:
            end = hit.end
            yield hit


def _only_labels_outside(s: str, spans: list[tuple[int, int]]) -> bool:
    """Whether everything outside ``spans`` is labels, filler words and punctuation."""
    pieces, pos = [], 0
    for start, end in spans:
        pieces.append(s[pos:start])
        pos = end
    pieces.append(s[pos:])
    rest = " ".join(pieces)
    if _ALNUM_RE.search(rest) is None:
        return True
    rest = _FILLER_RE.sub(" ", _LABEL_RE.sub(" ", rest))
    return _ALNUM_RE.search(rest) is None


def _label_kind(s: str, lo: int, hi: int) -> str | None:
    """Kind named by the last label in ``s[lo:hi]``, if any."""
    kind = None
    if hi - lo < 2:
        return kind
    for m in _LABEL_RE.finditer(s, lo, hi):
        kind = _LABEL_KIND.get(_norm(m.group("label") or m.group("colon")), kind)
    return kind


def _with_kinds(s: str, hits: Iterable[_Hit]) -> list[DateMatch]:
    """Attach each date's kind from the label before it; see :func:`find_dates`."""
    out: list[DateMatch] = []
    prev_end, prev_kind = 0, None
    for hit in hits:
        kind = _label_kind(s, max(prev_end, hit.start - LABEL_REACH), hit.start)
        if kind is None and prev_kind == "updated" and _AFTER_SLASH_RE.fullmatch(s, prev_end, hit.start):
            kind = "updated"
        kind = kind or "unknown"
        out.append(DateMatch(hit.iso, hit.start, hit.end, kind, hit.has_time, hit.relative))
        prev_end, prev_kind = hit.end, kind
    first_update = next((i for i, d in enumerate(out) if d.kind == "updated"), 0)
    for i in range(first_update):
        if out[i].kind == "unknown":
            out[i] = out[i]._replace(kind="published")
    return out


def _prepare(text: str) -> str:
    """Full-width digits and colons as ASCII (one character for one, so spans stay valid)."""
    return text if text.isascii() else text.translate(_FULLWIDTH)


def _reference(reference: object) -> datetime | None:
    """The reference time if it is usable, else None (relative dates stay unresolved)."""
    return reference if isinstance(reference, datetime) else None


# --------------------------------------------------------------------------- public API


def parse_date(text: str, *, dayfirst: bool = False, reference: datetime | None = None) -> str | None:
    """The string is (essentially) one date, possibly with labels/weekday/time/zone: return ISO or None.

    The first date in the string wins; a relative date needs ``reference``.
    Short strings no pattern knows are tried with dateutil, which must not
    have to guess the year, month or day.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    s = _prepare(text)
    hit = next(_scan(s, dayfirst, _reference(reference)), None)
    if hit is not None:
        return hit.iso
    if (len(s) > FALLBACK_MAX or not _YEAR_RE.search(s) or not _LETTER_RE.search(s)
            or _DATE_RE.search(s) or (_may_be_relative(s) and _RELATIVE_RE.search(s))):
        return None  # only a short textual string no pattern matched at all goes to dateutil
    return _dateutil_date(s, dayfirst)


def _dateutil_date(s: str, dayfirst: bool) -> str | None:
    """dateutil's reading, kept only when two different defaults give the same day."""
    import warnings

    from dateutil import parser, tz

    first, second = datetime(2001, 1, 1, 0, 0, 0), datetime(2002, 2, 2, 1, 1, 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            one = parser.parse(s, default=first, dayfirst=dayfirst)
            two = parser.parse(s, default=second, dayfirst=dayfirst)
    except Exception:  # dateutil raises assorted errors (ValueError, OverflowError, ...) on odd text
        return None
    if one.date() != two.date() or not MIN_YEAR <= one.year <= MAX_YEAR:
        return None
    if one.hour != two.hour:
        return one.date().isoformat()
    offset = _format_offset(one.utcoffset()) if isinstance(one.tzinfo, (tz.tzutc, tz.tzoffset)) else None
    return _iso(one.year, one.month, one.day, (one.hour, one.minute, one.second), offset)


def find_dates(text: str, *, dayfirst: bool = False, reference: datetime | None = None) -> list[DateMatch]:
    """Every date inside a line of text, left to right, each with the kind given by the label before it.

    A label (``Published``, ``Mis à jour le``, ``Scraped at``…) within
    ``LABEL_REACH`` characters before a date sets its kind; an unlabelled date
    right after an updated one across ``/`` or ``|`` is updated too, and
    unlabelled dates before the first updated one are the published date.
    """
    if not isinstance(text, str) or not text:
        return []
    reference = _reference(reference)
    if reference is None and not _ANY_DIGIT_RE.search(text):
        return []  # every written date has a four-digit year
    return list(_find_dates(text, dayfirst, reference))


@lru_cache(maxsize=4096)
def _find_dates(text: str, dayfirst: bool, reference: datetime | None) -> tuple[DateMatch, ...]:
    """:func:`find_dates`, remembered: a file of the same line many times is scanned once."""
    s = _prepare(text)
    return tuple(_with_kinds(s, _scan(s, dayfirst, reference)))


def has_date(text: str, *, dayfirst: bool = False, reference: datetime | None = None) -> bool:
    """Whether ``text`` holds any date: ``bool(find_dates(text))``, but it stops at the first one.

    For a yes/no question about a long text (a megabyte of dates), where
    :func:`find_dates` would read every date to answer.
    """
    if not isinstance(text, str) or not text:
        return False
    reference = _reference(reference)
    if reference is None and not _ANY_DIGIT_RE.search(text):
        return False
    return next(_scan(_prepare(text), dayfirst, reference), None) is not None


def is_date_line(line: str, *, dayfirst: bool = False) -> bool:
    """The line is only a date (plus labels like 'Published:', 'Updated', 'Posted on', weekday, separators).

    Relative dates ("2 hours ago", "yesterday") count; a bare "today" does not.
    """
    if not isinstance(line, str) or len(line) > DATE_LINE_MAX:
        return False
    s = _prepare(line)
    if _ANY_DIGIT_RE.search(s) is None and not _may_be_relative(s):
        return False  # a written date needs a four-digit year, any other a relative word
    spans = [(h.start, h.end) for h in _scan(s, dayfirst, _LINE_REFERENCE) if not h.weak]
    return bool(spans) and _only_labels_outside(s, spans)
