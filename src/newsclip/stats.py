"""A coverage report over records: what the parser found, what it missed, and what looks wrong.

:class:`Coverage` takes record dicts one at a time (memory grows only with
the number of distinct sites, months, dialects and warnings), and
:meth:`Coverage.report` returns a JSON-ready object of this stable shape::

    {
      "records": 120,                              # records counted
      "reference_time": "2025-03-01T00:00:00+00:00",  # "now" for the future-date check
      "fields": {"headline": {"filled": 118, "share": 0.9833}, ...},   # every record field, in record order
      "dialects": {"plain": 80, "html": 40},       # most records first, then by name
      "sites": {"distinct": 12, "missing": 3,
                "top": [{"site": "example.com", "records": 40}, ...]},
      "dates": {"dated": 117, "undated": 3, "earliest": "1989-12-31", "latest": "2025-02-04",
                "months": {"2024-12": 30, "2025-01": 57, ...}},   # chronological
      "warnings": {"distinct": 4, "top": [{"warning": "no date found", "records": 3}, ...]},
      "suspicious": {"date-in-future": {"records": 1, "examples": ["a.txt"]}, ...}
    }

A field is *filled* when it is not null, not blank and not an empty list
(``word_count``: above 0); ``share`` is filled / records, rounded to four
places. Warnings are counted once per record. ``months`` and ``earliest`` /
``latest`` use records whose ``date`` starts with ``YYYY-MM``. The
suspicious checks (always all present, in this order) are:

* ``date-in-future`` — ``date`` or ``updated`` later than the reference time
  (a value without a UTC offset, whose time zone is unknown, only when later
  by more than a day);
* ``date-before-1990`` — ``date`` or ``updated`` before 1990;
* ``date-not-iso`` — ``date`` or ``updated`` not an ISO 8601 date;
* ``long-headline`` — a headline longer than 300 characters;
* ``empty-body`` — no body, or a blank one;
* ``zero-word-count`` — ``word_count`` 0.

Each lists up to ``examples`` records by ``source`` (else ``id``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

from .model import FIELDS

#: Headlines longer than this many characters are suspicious.
LONG_HEADLINE = 300
#: Dates before this year are suspicious.
EARLIEST_YEAR = 1990
#: Slack for dates without a UTC offset before they count as in the future.
UNKNOWN_ZONE_SLACK = timedelta(days=1)
#: The suspicious checks, in report order.
CHECKS: tuple[str, ...] = (
    "date-in-future", "date-before-1990", "date-not-iso", "long-headline", "empty-body", "zero-word-count",
)
#: Rows in the top-sites and top-warnings lists unless asked otherwise.
DEFAULT_TOP = 10
#: Example records named per suspicious check unless asked otherwise.
DEFAULT_EXAMPLES = 5
#: The fields checked for dates.
DATE_FIELDS: tuple[str, ...] = ("date", "updated")

_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2]))?")


class Coverage:
    """Accumulates the coverage report one record at a time."""

    def __init__(self, *, now: datetime | None = None, top: int = DEFAULT_TOP,
                 examples: int = DEFAULT_EXAMPLES) -> None:
        self.now = _aware(now or datetime.now(timezone.utc))
        self.top = max(0, top)
        self.examples = max(0, examples)
        self.records = 0
        self.filled: Counter[str] = Counter()
        self.dialects: Counter[str] = Counter()
        self.sites: Counter[str] = Counter()
        self.missing_site = 0
        self.months: Counter[str] = Counter()
        self.earliest: str | None = None
        self.latest: str | None = None
        self.warnings: Counter[str] = Counter()
        self.suspicious: dict[str, list[Any]] = {name: [0, []] for name in CHECKS}

    def add(self, record: Mapping[str, Any]) -> None:
        """Count one record dict (keys other than the record fields are ignored)."""
        self.records += 1
        for name in FIELDS:
            if is_filled(name, record.get(name)):
                self.filled[name] += 1
        dialect = record.get("dialect")
        if isinstance(dialect, str) and dialect:
            self.dialects[dialect] += 1
        site = record.get("site")
        if isinstance(site, str) and site:
            self.sites[site] += 1
        else:
            self.missing_site += 1
        self._count_date(record.get("date"))
        warnings = record.get("warnings")
        if isinstance(warnings, (list, tuple)):
            self.warnings.update({w for w in warnings if isinstance(w, str) and w})
        for check in suspicious_checks(record, self.now):
            self._flag(check, record)

    def add_all(self, records: Iterable[Mapping[str, Any]]) -> Coverage:
        """Count every record; returns self."""
        for record in records:
            self.add(record)
        return self

    def report(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (shape in the module docstring)."""
        dated = sum(self.months.values())
        return {
            "records": self.records,
            "reference_time": self.now.isoformat(),
            "fields": {name: {"filled": self.filled[name], "share": _share(self.filled[name], self.records)}
                       for name in FIELDS},
            "dialects": dict(_ranked(self.dialects)),
            "sites": {
                "distinct": len(self.sites),
                "missing": self.missing_site,
                "top": [{"site": s, "records": n} for s, n in _ranked(self.sites)[:self.top]],
            },
            "dates": {
                "dated": dated,
                "undated": self.records - dated,
                "earliest": self.earliest,
                "latest": self.latest,
                "months": dict(sorted(self.months.items())),
            },
            "warnings": {
                "distinct": len(self.warnings),
                "top": [{"warning": w, "records": n} for w, n in _ranked(self.warnings)[:self.top]],
            },
            "suspicious": {name: {"records": count, "examples": list(examples)}
                           for name, (count, examples) in self.suspicious.items()},
        }

    def _count_date(self, value: Any) -> None:
        if not isinstance(value, str) or not _MONTH.match(value):
            return
        self.months[value[:7]] += 1
        if self.earliest is None or value < self.earliest:
            self.earliest = value
        if self.latest is None or value > self.latest:
            self.latest = value

    def _flag(self, check: str, record: Mapping[str, Any]) -> None:
        entry = self.suspicious[check]
        entry[0] += 1
        if len(entry[1]) < self.examples:
            entry[1].append(record.get("source") or record.get("id"))


def coverage(records: Iterable[Mapping[str, Any]], *, now: datetime | None = None, top: int = DEFAULT_TOP,
             examples: int = DEFAULT_EXAMPLES) -> dict[str, Any]:
    """The coverage report of ``records`` ("now" defaults to the current time)."""
    return Coverage(now=now, top=top, examples=examples).add_all(records).report()


def is_filled(name: str, value: Any) -> bool:
    """Whether a field holds something: not null, not blank, not an empty list; ``word_count`` above 0."""
    if value is None:
        return False
    if name == "word_count":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple)):
        return len(value) > 0
    return True


def suspicious_checks(record: Mapping[str, Any], now: datetime) -> list[str]:
    """The names of the suspicious checks one record fails, in :data:`CHECKS` order."""
    failed: set[str] = set()
    for name in DATE_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            failed.update(_date_problems(value.strip(), _aware(now)))
    headline = record.get("headline")
    if isinstance(headline, str) and len(headline) > LONG_HEADLINE:
        failed.add("long-headline")
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        failed.add("empty-body")
    if not is_filled("word_count", record.get("word_count")):
        failed.add("zero-word-count")
    return [check for check in CHECKS if check in failed]


def _date_problems(value: str, now: datetime) -> list[str]:
    moment = parse_iso(value)
    if moment is None:
        return ["date-not-iso"]
    problems = []
    limit = now if moment.tzinfo is not None else now + UNKNOWN_ZONE_SLACK
    if _aware(moment) > limit:
        problems.append("date-in-future")
    if moment.year < EARLIEST_YEAR:
        problems.append("date-before-1990")
    return problems


def parse_iso(value: str) -> datetime | None:
    """An ISO 8601 date or date-time (also ``YYYY-MM`` and ``YYYY``, and a ``Z`` suffix) as a datetime, or None."""
    text = value[:-1] + "+00:00" if value[-1:] in ("Z", "z") else value
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    match = _PARTIAL_DATE.fullmatch(value)
    if match is None:
        return None
    year = int(match.group(1))
    if year < 1:
        return None
    month = int(match.group(2)) if match.group(2) else 1
    return datetime.combine(date(year, month, 1), datetime.min.time())


def _aware(moment: datetime) -> datetime:
    """``moment`` with a time zone: a naive one is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    """Most first, then by name, so equal counts always come out in the same order."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


__all__ = [
    "CHECKS",
    "Coverage",
    "coverage",
    "is_filled",
    "parse_iso",
    "suspicious_checks",
]
