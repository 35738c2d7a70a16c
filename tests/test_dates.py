"""Date normaliser: every shape users' files carry, the labels that set a date's kind, and what is not a date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclip.fields import dates
from newsclip.fields.dates import DateMatch, find_dates, is_date_line, parse_date
from newsclip.rules import dates as rules

REF = datetime(2025, 2, 4, 12, 0)  # a Tuesday, noon
REF_UTC = datetime(2025, 2, 4, 12, 0, tzinfo=timezone.utc)
ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?")


def _kinds(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(m.iso, m.kind) for m in find_dates(text, **kwargs)]


# --------------------------------------------------------------------------- parse_date by language

ENGLISH = [
    ("February 04, 2025", "2025-02-04"),
    ("Feb. 4, 2025", "2025-02-04"),
    ("JAN. 13, 2017", "2017-01-13"),
    ("4 February 2025", "2025-02-04"),
    ("Tuesday, February 4, 2025", "2025-02-04"),
    ("January 11, 2010 Monday", "2010-01-11"),
    ("Friday, March 20, 2018  16:51:31", "2018-03-20T16:51:31"),
    ("1 December 2014", "2014-12-01"),
    ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"),
    ("Aug. 24, 2018, midnight", "2018-08-24T00:00:00"),
    ("Aug. 24, 2018, 3:15 p.m.", "2018-08-24T15:15:00"),
    ("Jan. 1, 2000, noon", "2000-01-01T12:00:00"),
    ("February 1, 2016: 12:41 PM ET", "2016-02-01T12:41:00-05:00"),
    ("Thu 3 Jan 2019 02.00 EST", "2019-01-03T02:00:00-05:00"),
    ("16 November 2017 • 2:15pm", "2017-11-16T14:15:00"),
    ("March 13, 2015 9:00PM", "2015-03-13T21:00:00"),
    ("May 7th, 2025, 01:01 PM", "2025-05-07T13:01:00"),
    ("Wed, 02 Nov 2016 18:19:52 -0400", "2016-11-02T18:19:52-04:00"),
    ("Last Updated: January 7, 2025", "2025-01-07"),
    ("Posted on 2024-03-05", "2024-03-05"),
    ("Posted on Tuesday, February 4th, 2025 at 10:30 am", "2025-02-04T10:30:00"),
    ("4th of February 2025", "2025-02-04"),
    ("Mar 4, 2025", "2025-03-04"),
    ("Sunday 4 February 2025 12.30 GMT", "2025-02-04T12:30:00+00:00"),
    ("Last modified on Sun 4 Feb 2025 12.45 GMT", "2025-02-04T12:45:00+00:00"),
    ("Updated 10:46 AM EST, Tue February 4, 2025", "2025-02-04T10:46:00-05:00"),
    ("July 4, 2025 10:00 ET", "2025-07-04T10:00:00-04:00"),
    ("Jan 4, 2025 9:00 PT", "2025-01-04T09:00:00-08:00"),
    ("July 4, 2025 9:00 PT", "2025-07-04T09:00:00-07:00"),
    ("Feb 4, 2025 12 am", "2025-02-04T00:00:00"),
    ("12:30 am Feb 4, 2025", "2025-02-04T00:30:00"),
    ("February 4, 2025 | 10:30 AM", "2025-02-04T10:30:00"),
    ("Feb 29, 2024", "2024-02-29"),
    ("by Jane Doe @jdoe February 1, 2016: 12:41 PM ET", "2016-02-01T12:41:00-05:00"),
    ("Tue Feb  4 10:30:00 2025", "2025-02-04T10:30:00"),  # ctime: only dateutil knows it
]

NUMERIC = [
    ("2025-02-04", "2025-02-04"),
    ("2025-06-17T00:00", "2025-06-17T00:00:00"),
    ("2025-02-04T13:58:37+02:00", "2025-02-04T13:58:37+02:00"),
    ("2025-02-04T13:58:37.000Z", "2025-02-04T13:58:37+00:00"),
    ("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"),
    ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"),
    ("2023-07-20T23:08:15 (UTC +08:00)", "2023-07-20T23:08:15+08:00"),
    ("2017-05-03 18:03:28 +0000", "2017-05-03T18:03:28+00:00"),
    ("2018-10-05 00:00:00", "2018-10-05T00:00:00"),
    ("08/19/2026, 08:59 PM", "2026-08-19T20:59:00"),
    ("04/05/2025", "2025-04-05"),
    ("13/05/2025", "2025-05-13"),
    ("04-05-2025", "2025-04-05"),
    ("2025/02/04", "2025-02-04"),
    ("2025.02.04", "2025-02-04"),
    ("2025-02-04T10:30:00.123+05:30", "2025-02-04T10:30:00+05:30"),
    ("2025-02-04 10:30 (UTC+8)", "2025-02-04T10:30:00+08:00"),
    ("2025-02-04 10:30 GMT-05:30", "2025-02-04T10:30:00-05:30"),
    ("04/Feb/2025:10:30:00 +0000", "2025-02-04T10:30:00+00:00"),
    ("2025-02-04 10:30 CET", "2025-02-04T10:30:00+01:00"),
    ("2025-07-04 10:30 CEST", "2025-07-04T10:30:00+02:00"),
    ("2025-02-04T10:30:00 EST", "2025-02-04T10:30:00-05:00"),
    ("1800-01-01", "1800-01-01"),
    ("2000-02-29", "2000-02-29"),
    ("2100-12-31", "2100-12-31"),
]

FRENCH = [
    ("30 avril 2015 à 07:19", "2015-04-30T07:19:00"),
    ("mardi 4 février 2025", "2025-02-04"),
    ("1er mai 2025", "2025-05-01"),
    ("Publié le 4 février 2025 à 10h30", "2025-02-04T10:30:00"),
    ("04.05.2015 à 13h36", "2015-05-04T13:36:00"),
    ("le 4 fevrier 2025", "2025-02-04"),
    ("15 août 2025 à 20h", "2025-08-15T20:00:00"),
]

GERMAN = [
    ("Veröffentlicht am 19. Mai 2025", "2025-05-19"),
    ("19. März 2024, 14:05 Uhr", "2024-03-19T14:05:00"),
    ("08.04.2015 12:46", "2015-04-08T12:46:00"),
    ("16:15 02.05.2020", "2020-05-02T16:15:00"),
    ("Mo., 4. Februar 2025, 10:30 Uhr", "2025-02-04T10:30:00"),
    ("4. Februar 2025 um 10:30 Uhr", "2025-02-04T10:30:00"),
    ("04.02.2025, 10.30 Uhr", "2025-02-04T10:30:00"),
    ("Dienstag, 4. Feb. 2025", "2025-02-04"),
    ("3. Maerz 2025", "2025-03-03"),
]

SPANISH = [
    ("Publicado el 16 de julio de 2026", "2026-07-16"),
    ("martes, 4 de febrero de 2025 a las 10:30", "2025-02-04T10:30:00"),
    ("16 de julio del 2026", "2026-07-16"),
    ("4 ene. 2025", "2025-01-04"),
    ("1º de septiembre de 2025", "2025-09-01"),
]

ITALIAN = [
    ("Pubblicato il 16 luglio 2026", "2026-07-16"),
    ("martedì 4 febbraio 2025 alle 10:30", "2025-02-04T10:30:00"),
    ("4 febbraio 2025 ore 10:30", "2025-02-04T10:30:00"),
    ("12 gen 2025", "2025-01-12"),
]

PORTUGUESE = [
    ("21.dez.2018 às 12h55", "2018-12-21T12:55:00"),
    ("3 de março de 2025", "2025-03-03"),
    ("terça-feira, 4 de fevereiro de 2025 às 10h30", "2025-02-04T10:30:00"),
    ("4 out 2025", "2025-10-04"),
]

DUTCH = [
    ("4 oktober 2017 woensdag", "2017-10-04"),
    ("dinsdag 4 februari 2025 om 10:30", "2025-02-04T10:30:00"),
    ("4 mrt. 2025", "2025-03-04"),
]

RUSSIAN = [
    ("15 марта 2025 г.", "2025-03-15"),
    ("4 февраля 2025", "2025-02-04"),
    ("4 февраля 2025 года, 10:30", "2025-02-04T10:30:00"),
    ("4 февраля 2025 в 10:30", "2025-02-04T10:30:00"),
    ("Опубликовано 15 марта 2025 г.", "2025-03-15"),
    ("1 сент. 2025", "2025-09-01"),
]

CJK = [
    ("2025年2月4日", "2025-02-04"),
    ("2025年2月4日 10:30", "2025-02-04T10:30:00"),
    ("发布时间：2025年2月4日 10:30", "2025-02-04T10:30:00"),
    ("２０２５年２月４日", "2025-02-04"),
    ("2025년 2월 4일", "2025-02-04"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    ENGLISH + NUMERIC + FRENCH + GERMAN + SPANISH + ITALIAN + PORTUGUESE + DUTCH + RUSSIAN + CJK,
)
def test_parse_date(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/05/2025", "2025-05-04"),
        ("05/13/2025", "2025-05-13"),  # 13 cannot be a month: the order is forced
        ("13/05/2025", "2025-05-13"),
        ("04.05.2015", "2015-05-04"),  # dotted is day-first anyway
        ("2025-02-04", "2025-02-04"),  # ISO never changes
    ],
)
def test_parse_date_dayfirst(text: str, expected: str) -> None:
    assert parse_date(text, dayfirst=True) == expected


def test_dotted_numbers_are_day_first_without_the_flag() -> None:
    assert parse_date("04.05.2015") == "2015-05-04"


# --------------------------------------------------------------------------- relative dates

RELATIVE = [
    ("2 hours ago", "2025-02-04T10:00:00"),
    ("an hour ago", "2025-02-04T11:00:00"),
    ("2h ago", "2025-02-04T10:00:00"),
    ("30 seconds ago", "2025-02-04T11:59:30"),
    ("3 days ago", "2025-02-01"),
    ("1 week ago", "2025-01-28"),
    ("yesterday", "2025-02-03"),
    ("Yesterday at 10:30", "2025-02-03T10:30:00"),
    ("vor 2 Stunden", "2025-02-04T10:00:00"),
    ("vor einer Stunde", "2025-02-04T11:00:00"),
    ("gestern, 18:30 Uhr", "2025-02-03T18:30:00"),
    ("il y a 3 heures", "2025-02-04T09:00:00"),
    ("Il y a 2 jours", "2025-02-02"),
    ("hier à 10h30", "2025-02-03T10:30:00"),
    ("hace 2 horas", "2025-02-04T10:00:00"),
    ("Hace 5 minutos", "2025-02-04T11:55:00"),
    ("hace un día", "2025-02-03"),
    ("2 ore fa", "2025-02-04T10:00:00"),
    ("há 2 horas", "2025-02-04T10:00:00"),
    ("3 uur geleden", "2025-02-04T09:00:00"),
    ("2 dagen geleden", "2025-02-02"),
    ("2 часа назад", "2025-02-04T10:00:00"),
    ("před 2 hodinami", "2025-02-04T10:00:00"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_against_reference(text: str, expected: str) -> None:
    assert parse_date(text, reference=REF) == expected
    (match,) = find_dates(text, reference=REF)
    assert match.relative and match.iso == expected
    assert match.has_time == ("T" in expected)


@pytest.mark.parametrize("text", [text for text, _ in RELATIVE])
def test_relative_without_reference_is_unresolved(text: str) -> None:
    assert parse_date(text) is None
    assert find_dates(text) == []


def test_relative_keeps_the_reference_zone() -> None:
    assert parse_date("2 hours ago", reference=REF_UTC) == "2025-02-04T10:00:00+00:00"
    assert parse_date("3 days ago", reference=REF_UTC) == "2025-02-01"


@pytest.mark.parametrize(
    "text",
    ["I was here today, he said", "3 months ago", "Today the minister said that talks would resume"],
)
def test_relative_words_in_prose_are_not_dates(text: str) -> None:
    assert parse_date(text, reference=REF) is None


def test_reference_of_wrong_type_is_ignored() -> None:
    assert parse_date("2 hours ago", reference="2025-02-04") is None  # type: ignore[arg-type]


# --------------------------------------------------------------------------- not dates

NOT_DATES = [
    "Jan 27",
    "HOUSTON, Jan 27 (Reuters) - Oil prices rose",
    "МОСКВА, 2 мая — РИА Новости.",
    "Powered by 2025 Corp",
    "1234567",
    "Page 2 of 10",
    "555-1234",
    "Version 2.0.1",
    "100,000 people",
    "15/27/2025",
    "2025-02-30",
    "Feb 29, 2025",
    "31/04/2025",
    "1799-12-31",
    "1900-02-29",
    "2101-01-01",
    "07:30",
    "Copyright 2025",
    "© 2025 Reuters",
    "2025-2026 season",
    "2025 10 11",
    "Q1 2025",
    "February 2025",
    "12:30 2025",
    "In the 1990s",
    "",
    "   ",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None
    assert find_dates(text) == []
    assert not is_date_line(text)


@pytest.mark.parametrize("value", [None, 42, b"2025-02-04", ["2025-02-04"]])
def test_non_strings_never_raise(value: object) -> None:
    assert parse_date(value) is None  # type: ignore[arg-type]
    assert find_dates(value) == []  # type: ignore[arg-type]
    assert is_date_line(value) is False  # type: ignore[arg-type]


# --------------------------------------------------------------------------- find_dates and kinds

FIND = [
    ("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm",
     [("2019-04-28T06:01:00", "published"), ("2019-04-29T15:33:00", "updated")]),
    ("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC",
     [("2024-12-06T22:00:00+00:00", "published"), ("2024-12-07T12:43:00+00:00", "updated")]),
    ("04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13",
     [("2015-05-04T13:36:00", "published"), ("2015-05-05T20:13:00", "updated")]),
    ("Publié le 4 février 2025 à 10h30, mis à jour le 5 février 2025 à 8h",
     [("2025-02-04T10:30:00", "published"), ("2025-02-05T08:00:00", "updated")]),
    ("Veröffentlicht am 19.05.2025 | Aktualisiert am 20.05.2025",
     [("2025-05-19", "published"), ("2025-05-20", "updated")]),
    ("Publicado el 16 de julio de 2026 Actualizado el 17 de julio de 2026",
     [("2026-07-16", "published"), ("2026-07-17", "updated")]),
    ("Pubblicato il 16 luglio 2026 alle 12:00 - Aggiornato il 17 luglio 2026 alle 09:15",
     [("2026-07-16T12:00:00", "published"), ("2026-07-17T09:15:00", "updated")]),
    ("Publicado em 3 de março de 2025 Atualizado em 4 de março de 2025",
     [("2025-03-03", "published"), ("2025-03-04", "updated")]),
    ("Gepubliceerd op 4 oktober 2017 Bijgewerkt op 5 oktober 2017",
     [("2017-10-04", "published"), ("2017-10-05", "updated")]),
    ("Опубликовано 15 марта 2025 г. Обновлено 16 марта 2025 г.",
     [("2025-03-15", "published"), ("2025-03-16", "updated")]),
    ("입력 2025.02.04 10:30 수정 2025.02.05 11:00",
     [("2025-02-04T10:30:00", "published"), ("2025-02-05T11:00:00", "updated")]),
    ("Published: 2025-02-04 | Updated: 2025-02-05", [("2025-02-04", "published"), ("2025-02-05", "updated")]),
    ("Updated Dec 7, 2024 / Dec 8, 2024", [("2024-12-07", "updated"), ("2024-12-08", "updated")]),
    ("Captured: 2025-02-04 Published: 2025-02-01", [("2025-02-04", "captured"), ("2025-02-01", "published")]),
    ("2 March 2025 10:30 3 March 2025 11:00", [("2025-03-02T10:30:00", "unknown"), ("2025-03-03T11:00:00", "unknown")]),
    ("by Jane Doe @jdoe February 1, 2016: 12:41 PM ET", [("2016-02-01T12:41:00-05:00", "unknown")]),
    ("Posted by Jane Doe on Feb 4, 2025", [("2025-02-04", "published")]),
    ("Date: Tue, 04 Feb 2025 10:30:00 +0300", [("2025-02-04T10:30:00+03:00", "published")]),
    ("Last Updated: January 7, 2025", [("2025-01-07", "updated")]),
    ("Scraped at: 2024-03-01 10:00", [("2024-03-01T10:00:00", "captured")]),
    ("Collected At: 2024-03-01T10:00:00Z", [("2024-03-01T10:00:00+00:00", "captured")]),
    ("LOAD-DATE: February 6, 2025", [("2025-02-06", "captured")]),
    ("Load-Date: February 6, 2025", [("2025-02-06", "captured")]),
    ("created: 2025-02-04", [("2025-02-04", "captured")]),
    ("Retrieved 4 February 2025", [("2025-02-04", "captured")]),
    ("date 4 February 2025", [("2025-02-04", "unknown")]),  # "date" is a label only with a colon
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_dates_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


def test_find_dates_spans_and_flags() -> None:
    text = "by Jane Doe @jdoe February 1, 2016: 12:41 PM ET"
    (match,) = find_dates(text)
    assert text[match.start:match.end] == "February 1, 2016: 12:41 PM ET"
    assert match.has_time and not match.relative
    first, second = find_dates("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm")
    assert (first.start, first.end, second.start, second.end) == (0, 25, 34, 59)


def test_weekday_and_time_first_are_inside_the_span() -> None:
    text = "Updated 10:46 AM EST, Tue February 4, 2025"
    (match,) = find_dates(text)
    assert text[match.start:] == "10:46 AM EST, Tue February 4, 2025"
    assert match.kind == "updated"


def test_relative_match_takes_its_label() -> None:
    assert find_dates("Published 2 hours ago", reference=REF) == [
        DateMatch("2025-02-04T10:00:00", 10, 21, "published", True, True)
    ]
    assert _kinds("Updated yesterday", reference=REF) == [("2025-02-03", "updated")]


def test_date_match_is_immutable() -> None:
    (match,) = find_dates("2025-02-04")
    with pytest.raises(AttributeError):
        match.iso = "2025-02-05"  # type: ignore[misc]


# --------------------------------------------------------------------------- is_date_line

DATE_LINES = [
    "Published: February 4, 2025",
    "Updated 10:46 AM EST, Tue February 4, 2025",
    "Posted on 2024-03-05",
    "Last Updated: January 7, 2025",
    "Tuesday, February 4, 2025",
    "— 4 February 2025 —",
    "Publié le 4 février 2025 à 10h30",
    "04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13",
    "Veröffentlicht am 19. Mai 2025",
    "16:15 02.05.2020",
    "Опубликовано 15 марта 2025 г.",
    "2 hours ago",
    "Yesterday",
    "Updated yesterday at 10:30",
]

NOT_DATE_LINES = [
    "By Jane Doe | February 4, 2025",
    "February 4, 2025 | Reuters",
    "The talks began on February 4, 2025 in Geneva.",
    "2025-02-04 · 5 min read",
    "https://example.com/2025/02/04/story-slug",
    "Today",
    "Updated",
    "Published:",
    "07:30",
    "February 4, 2025 " + "x" * 400,
]


@pytest.mark.parametrize("line", DATE_LINES)
def test_is_date_line(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_is_not_date_line(line: str) -> None:
    assert not is_date_line(line)


# --------------------------------------------------------------------------- the rules tables, entry by entry


@pytest.mark.parametrize(("name", "month"), sorted(rules.MONTHS.items()))
def test_every_month_name(name: str, month: int) -> None:
    expected = f"2025-{month:02d}-04"
    assert parse_date(f"4 {name} 2025") == expected
    assert parse_date(f"{name.upper()}. 4, 2025") == expected
    assert parse_date(f"4 {name.title()} 2025") == expected


@pytest.mark.parametrize("name", sorted(set(rules.WEEKDAYS_LONG + rules.WEEKDAYS_SHORT)))
def test_every_weekday_before_a_date(name: str) -> None:
    text = f"{name.title()}, 4 February 2025"
    (match,) = find_dates(text)
    assert (match.iso, match.start, match.end) == ("2025-02-04", 0, len(text))


@pytest.mark.parametrize("name", sorted(set(rules.WEEKDAYS_LONG)))
def test_every_long_weekday_after_a_date(name: str) -> None:
    text = f"4 February 2025 {name}"
    (match,) = find_dates(text)
    assert (match.iso, match.end) == ("2025-02-04", len(text))


@pytest.mark.parametrize(
    ("label", "kind"), sorted((w, kind) for kind, words in rules.LABELS.items() for w in words)
)
def test_every_label(label: str, kind: str) -> None:
    assert _kinds(f"{label} 4 February 2025") == [("2025-02-04", kind)]
    assert _kinds(f"{label.upper()}: 2025-02-04") == [("2025-02-04", kind)]
    assert is_date_line(f"{label}: 4 February 2025")


@pytest.mark.parametrize("label", rules.COLON_LABELS)
def test_every_colon_label(label: str) -> None:
    assert _kinds(f"{label}: 4 February 2025") == [("2025-02-04", "published")]


@pytest.mark.parametrize(("abbr", "offset"), sorted(rules.ZONE_OFFSETS.items()))
def test_every_fixed_zone(abbr: str, offset: str) -> None:
    assert parse_date(f"2025-01-15 10:00 {abbr}") == f"2025-01-15T10:00:00{offset}"


def test_zone_abbreviations_are_upper_case_only() -> None:
    # French "et" (and) after a time is not US Eastern time.
    assert parse_date("4 février 2025 à 10h30 et 11h") == "2025-02-04T10:30:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 15, 2025 10:00 ET", "2025-01-15T10:00:00-05:00"),
        ("July 15, 2025 10:00 ET", "2025-07-15T10:00:00-04:00"),
        ("January 15, 2025 10:00 CT", "2025-01-15T10:00:00-06:00"),
        ("July 15, 2025 10:00 CT", "2025-07-15T10:00:00-05:00"),
        ("January 15, 2025 10:00 MT", "2025-01-15T10:00:00-07:00"),
        ("July 15, 2025 10:00 MT", "2025-07-15T10:00:00-06:00"),
        ("January 15, 2025 10:00 PT", "2025-01-15T10:00:00-08:00"),
        ("July 15, 2025 10:00 PT", "2025-07-15T10:00:00-07:00"),
        # 2025: summer time from Sunday 9 March 02:00 to Sunday 2 November 02:00.
        ("March 9, 2025 1:00 AM ET", "2025-03-09T01:00:00-05:00"),
        ("March 9, 2025 3:00 AM ET", "2025-03-09T03:00:00-04:00"),
        ("November 3, 2025 10:00 AM ET", "2025-11-03T10:00:00-05:00"),
    ],
)
@pytest.mark.parametrize("with_zoneinfo", [True, False])
def test_us_zones_follow_daylight_saving(
    text: str, expected: str, with_zoneinfo: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not with_zoneinfo:
        monkeypatch.setattr(dates, "_zoneinfo", lambda name: None)
    assert parse_date(text) == expected


@pytest.mark.parametrize(("word", "unit"), sorted(rules.RELATIVE_UNITS.items()))
def test_every_relative_unit(word: str, unit: str) -> None:
    expected = {
        "seconds": "2025-02-04T11:59:58",
        "minutes": "2025-02-04T11:58:00",
        "hours": "2025-02-04T10:00:00",
        "days": "2025-02-02",
        "weeks": "2025-01-21",
    }[unit]
    assert parse_date(f"2 {word} ago", reference=REF) == expected


@pytest.mark.parametrize("prefix", rules.RELATIVE_PREFIXES)
def test_every_relative_prefix(prefix: str) -> None:
    assert parse_date(f"{prefix} 2 hours", reference=REF) == "2025-02-04T10:00:00"


@pytest.mark.parametrize("suffix", rules.RELATIVE_SUFFIXES)
def test_every_relative_suffix(suffix: str) -> None:
    assert parse_date(f"2 hours {suffix}", reference=REF) == "2025-02-04T10:00:00"


@pytest.mark.parametrize(("word", "count"), sorted(rules.NUMBER_WORDS.items()))
def test_every_number_word(word: str, count: int) -> None:
    assert parse_date(f"{word} hours ago", reference=REF) == f"2025-02-04T{12 - count:02d}:00:00"


@pytest.mark.parametrize(("word", "back"), sorted(rules.DAY_WORDS.items()))
def test_every_day_word(word: str, back: int) -> None:
    assert parse_date(word, reference=REF) == (date(2025, 2, 4) - timedelta(days=back)).isoformat()
    assert parse_date(f"{word} 10:30", reference=REF) == f"{date(2025, 2, 4) - timedelta(days=back)}T10:30:00"


@pytest.mark.parametrize(
    ("word", "hour"), [(w, "00") for w in rules.MIDNIGHT_WORDS] + [(w, "12") for w in rules.NOON_WORDS]
)
def test_every_midnight_and_noon_word(word: str, hour: str) -> None:
    assert parse_date(f"4 February 2025, {word}") == f"2025-02-04T{hour}:00:00"


@pytest.mark.parametrize("word", rules.TIME_CONNECTORS)
def test_every_time_connector(word: str) -> None:
    assert parse_date(f"4 February 2025 {word} 10:30") == "2025-02-04T10:30:00"


@pytest.mark.parametrize("word", rules.HOUR_SUFFIXES)
def test_every_hour_suffix(word: str) -> None:
    assert parse_date(f"4 February 2025 10:30 {word}") == "2025-02-04T10:30:00"
    assert is_date_line(f"4 February 2025 10:30 {word}")


@pytest.mark.parametrize("word", rules.YEAR_SUFFIXES)
def test_every_year_suffix(word: str) -> None:
    assert is_date_line(f"4 февраля 2025 {word}")


@pytest.mark.parametrize("word", rules.ORDINALS)
def test_every_ordinal(word: str) -> None:
    assert parse_date(f"1{word} February 2025") == "2025-02-01"


@pytest.mark.parametrize("word", rules.AMPM)
def test_every_am_pm(word: str) -> None:
    hour = "22" if word.startswith("p") else "10"
    assert parse_date(f"4 February 2025 10:30 {word}") == f"2025-02-04T{hour}:30:00"


def test_rules_tables_are_consistent() -> None:
    assert set(rules.MONTHS.values()) == set(range(1, 13))
    assert set(rules.LABELS) == {"published", "updated", "captured"}
    assert set(rules.RELATIVE_UNITS.values()) == {"seconds", "minutes", "hours", "days", "weeks"}
    offsets = list(rules.ZONE_OFFSETS.values()) + [o for _, *pair in rules.DST_ZONES.values() for o in pair]
    assert all(re.fullmatch(r"[+-]\d{2}:\d{2}", o) for o in offsets)
    assert all(name == name.lower() for name in rules.MONTHS)


# --------------------------------------------------------------------------- large inputs (linear by design)


def test_a_megabyte_of_digits_has_no_date() -> None:
    text = "1" * 1_000_000
    assert find_dates(text) == []
    assert parse_date(text) is None
    assert not is_date_line(text)


def test_a_megabyte_of_dates_gives_every_date() -> None:
    text = "2025-01-01 " * 90_000
    found = find_dates(text)
    assert len(found) == 90_000
    assert {m.iso for m in found} == {"2025-01-01"}
    assert (found[-1].start, found[-1].end) == (len(text) - 11, len(text) - 1)
    assert parse_date(text) == "2025-01-01"


@pytest.mark.parametrize("unit", [" ", "Feb ", "4 Feb ", "10:30 ", "Updated ", "2 hours ", "a" * 50 + " "])
def test_long_repetitive_lines(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    assert find_dates(text, reference=REF) == []


# --------------------------------------------------------------------------- properties

DATEISH = st.sampled_from(
    ["Feb", "février", "марта", "4", "13", "2025", "1999", ",", ".", " ", "  ", "-", "/", ":", "10:30", "02.00",
     "ET", "EST", "+01:00", "Z", "T", "am", "p.m.", "Uhr", "de", "Updated", "Published", "ago", "2", "hours",
     "vor", "年", "月", "日", "yesterday", "midnight", "Tuesday", "(", ")", "|", "•", "12h55", "3rd"]
)


def _assert_well_formed(text: str, reference: datetime | None) -> None:
    for match in find_dates(text, reference=reference):
        assert ISO_SHAPE.fullmatch(match.iso)
        assert datetime.fromisoformat(match.iso)
        assert 0 <= match.start < match.end <= len(text)
        assert match.kind in {"published", "updated", "captured", "unknown"}
    value = parse_date(text, reference=reference)
    assert value is None or ISO_SHAPE.fullmatch(value)
    assert isinstance(is_date_line(text), bool)


@settings(max_examples=300, deadline=None)
@given(st.lists(DATEISH, max_size=14).map("".join), st.sampled_from([None, REF, REF_UTC]))
def test_date_like_noise_never_breaks(text: str, reference: datetime | None) -> None:
    _assert_well_formed(text, reference)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_text_never_breaks(text: str) -> None:
    _assert_well_formed(text, REF)


FILLER = st.sampled_from([" " * 60, "x" * 70, "lorem ipsum dolor sit amet " * 3, "1" * 130, "\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(DATEISH, FILLER), max_size=30).map("".join))
def test_searching_near_years_finds_what_a_full_scan_finds(text: str) -> None:
    # Only stretches near a four-digit number are searched; that must never change the result.
    assert list(dates._absolute_hits(text, False)) == list(dates._window_hits(text, 0, len(text), False))
