"""The Factiva dialect: sniffing, coded fields, the article view, splitting, dates with times."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclip import parse_text
from newsclip.dialects import detect, factiva
from newsclip.dialects.base import Context

from .conftest import FIXTURES
from .test_dialect_nexis import EMAIL_MESSAGE, HTML_PAGE, LABELLED_ARTICLE, PLAIN_ARTICLE

FACTIVA_FIXTURES = sorted(p for p in (FIXTURES / "factiva").iterdir() if p.suffix == ".txt")
NEXIS_FIXTURES = sorted(p for p in (FIXTURES / "nexis").iterdir() if p.suffix == ".txt")

CODED_TWO = """\
HD\tHarbour Tolls Frozen for 2016
BY\tBy Ann Lee
WC\t25 words
PD\t4 January 2016
ET\t09:15
SN\tThe Valley Courier
LA\tEnglish
LP\tThe harbour board froze mooring tolls for 2016 on Monday,
\tciting a fall in visiting yachts.

\tThe decision was unanimous.
TD\tTolls rose by 6% last year.
AN\tDocument VALCOU0020160104ec140000a

HD\tMarina Dredging Starts
WC\t9 words
PD\t5 January 2016
SN\tReuters News
LA\tEnglish
LP\tDredging of the marina entrance began on Tuesday.
AN\tDocument LBA0000020160105ec150000b
"""

VIEW_TWO = """\
Harbour Tolls Frozen for 2016
By Ann Lee
24 words
4 January 2016
09:15 GMT
The Valley Courier
VALCOU
English
Copyright 2016 Valley Courier Ltd.

The harbour board froze mooring tolls for 2016 on Monday,
citing a fall in visiting yachts.

Tolls rose by 6% last year.

Document VALCOU0020160104ec140000a

Marina Dredging Starts
9 words
5 January 2016
The Associated Press
English

Dredging of the marina entrance began on Tuesday.

Document APRS000020160105ec150000b
"""


def _parse(text: str) -> list:
    return parse_text(text, source="export.txt")


# --- sniffing --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FACTIVA_FIXTURES, ids=lambda p: p.name)
def test_fixtures_are_sniffed_as_factiva(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert factiva.sniff(text) >= 0.8
    assert detect(text, path.name).NAME == "factiva"


@pytest.mark.parametrize("path", NEXIS_FIXTURES, ids=lambda p: p.name)
def test_nexis_exports_are_not_claimed(path: Path) -> None:
    assert factiva.sniff(path.read_text(encoding="utf-8")) < 0.3


@pytest.mark.parametrize(
    "text",
    [
        PLAIN_ARTICLE, LABELLED_ARTICLE, EMAIL_MESSAGE, HTML_PAGE, "", "HD Radio comes to the valley\n",
        "The report ran to 1,234 words.\n", "Document 12 of the inquiry\n",
    ],
    ids=["plain", "labelled", "email", "html", "empty", "hd-word", "words-in-sentence", "document-word"],
)
def test_other_inputs_are_not_claimed(text: str) -> None:
    assert factiva.sniff(text) <= 0.3


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        (CODED_TWO, True),
        ("HD\nHeadline\n\nPD\n1 May 2016\n\nLP\nText.\n", True),
        ("HD Headline\nPD 1 May 2016\nLP Text.\n", True),
        (VIEW_TWO, False),
        (PLAIN_ARTICLE, False),
    ],
    ids=["tabs", "code-alone", "single-space", "view", "plain"],
)
def test_coded_export_detection(text: str, coded: bool) -> None:
    assert factiva.is_coded(text) is coded


# --- codes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("HD\tCopper Climbs", ("HD", "Copper Climbs")),
        ("HD  Copper Climbs", ("HD", "Copper Climbs")),
        ("LP", ("LP", "")),
        ("IPD\tCommodities", ("IPD", "Commodities")),
        ("AN\tDocument LBA0000020141202eac2000ab", ("AN", "Document LBA0000020141202eac2000ab")),
        ("HD Copper Climbs", None),
        ("IN the morning the mine closed", None),
        ("XX\tunknown code", None),
        ("hd\tlower case", None),
    ],
)
def test_code_lines(line: str, expected: tuple[str, str] | None) -> None:
    assert factiva.code_of(line) == expected


def test_single_space_codes_when_the_file_uses_them() -> None:
    assert factiva.code_of("HD Copper Climbs", single_space=True) == ("HD", "Copper Climbs")


def test_coded_split_and_fields() -> None:
    lines = list(enumerate(CODED_TWO.split("\n"), 1))
    assert len(factiva.split_coded(lines)) == 2
    first, second = _parse(CODED_TWO)
    assert first.headline == "Harbour Tolls Frozen for 2016"
    assert first.byline == "Ann Lee"
    assert first.date == "2016-01-04T09:15:00"
    assert first.language == "en"
    assert first.body == (
        "The harbour board froze mooring tolls for 2016 on Monday, citing a fall in visiting yachts.\n\n"
        "The decision was unanimous.\n\n"
        "Tolls rose by 6% last year."
    )
    assert first.agencies == ()
    assert second.headline == "Marina Dredging Starts"
    assert second.date == "2016-01-05"
    assert second.agencies == ("Reuters",)
    assert second.source == "export.txt#2"


def test_coded_split_without_accession_numbers() -> None:
    text = "HD\tFirst\nPD\t1 May 2016\nLP\tOne.\nHD\tSecond\nPD\t2 May 2016\nLP\tTwo.\n"
    articles = _parse(text)
    assert [(a.headline, a.date, a.body) for a in articles] == [
        ("First", "2016-05-01", "One."), ("Second", "2016-05-02", "Two."),
    ]


def test_section_code_before_headline_opens_the_next_article() -> None:
    text = "SE\tMarkets\nHD\tFirst\nLP\tOne.\nSE\tSport\nHD\tSecond\nLP\tTwo.\n"
    assert [a.headline for a in _parse(text)] == ["First", "Second"]


def test_coded_provenance_points_into_the_whole_file() -> None:
    lines = CODED_TWO.split("\n")
    second = _parse(CODED_TWO)[1]
    first_line, last_line = second.provenance["body"].lines
    assert lines[first_line - 1] == "LP\tDredging of the marina entrance began on Tuesday."
    assert first_line == last_line
    assert lines[second.provenance["headline"].lines[0] - 1] == "HD\tMarina Dredging Starts"


# --- the article view ------------------------------------------------------------------------


def test_view_split_and_fields() -> None:
    lines = list(enumerate(VIEW_TWO.split("\n"), 1))
    assert len(factiva.split_views(lines)) == 2
    first, second = _parse(VIEW_TWO)
    assert first.headline == "Harbour Tolls Frozen for 2016"
    assert first.byline == "Ann Lee"
    assert first.date == "2016-01-04T09:15:00+00:00"
    assert first.language == "en"
    assert first.body == (
        "The harbour board froze mooring tolls for 2016 on Monday, citing a fall in visiting yachts.\n\n"
        "Tolls rose by 6% last year."
    )
    assert second.headline == "Marina Dredging Starts"
    assert second.byline is None
    assert second.agencies == ("AP",)
    assert second.body == "Dredging of the marina entrance began on Tuesday."


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("coded-lp-td.txt", 3),
        ("coded-code-alone.txt", 2),
        ("coded-single.txt", 1),
        ("view-no-byline.txt", 3),
        ("view-search-summary.txt", 2),
        ("view-german.txt", 2),
    ],
)
def test_fixture_article_counts(name: str, count: int) -> None:
    text = (FIXTURES / "factiva" / name).read_text(encoding="utf-8")
    assert len(factiva.parse(text, Context())) == count


def test_search_summary_alone_gives_no_article() -> None:
    cover = "Search Summary\nText\tsolar\nDate\tIn the last week\nResults Found\t0\nTimestamp\t5 May 2016 10:12\n"
    assert factiva.sniff(cover) == 0.8
    assert factiva.parse(cover, Context()) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Search Summary", True),
        ("Text\tsolar AND tariff", True),
        ("Results Found\t2", True),
        ("Results Found   2", True),
        ("Timestamp\t5 December 2014 10:12", True),
        ("Text messages flood hotline", False),
        ("Solar Panel Makers Seek Tariff Relief", False),
    ],
)
def test_summary_lines(line: str, expected: bool) -> None:
    assert factiva.is_summary_line(line) is expected


def test_view_headline_never_taken_from_the_cover() -> None:
    text = "Search Summary\nText\tferry\nResults Found\t1\n\n12 words\n5 May 2016\nEnglish\n\nText.\n"
    (article,) = _parse(text)
    assert article.headline is None
    assert article.body == "Text."


def test_view_with_print_page_lines_before_the_language() -> None:
    text = "Ferry Talks Resume\n12 words\n5 May 2016\nThe Valley Courier\nJ\nA1\nEnglish\n" \
           "(Copyright (c) 2016, Valley Courier Ltd.)\n\nTalks on the ferry subsidy resumed on Monday.\n" \
           "\nDocument J000000020160505ec550000a\n"
    (article,) = _parse(text)
    assert article.language == "en"
    assert article.body == "Talks on the ferry subsidy resumed on Monday."


# --- dates, languages, lengths ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "time", "expected"),
    [
        ("2014-12-01", "07:30", "2014-12-01T07:30:00"),
        ("2014-12-01", "7.30", "2014-12-01T07:30:00"),
        ("2014-12-01", "5:45 PM", "2014-12-01T17:45:00"),
        ("2014-12-01", "12:10 am", "2014-12-01T00:10:00"),
        ("2014-12-01", "16:05 GMT", "2014-12-01T16:05:00+00:00"),
        ("2014-12-01", "16:05 +0100", "2014-12-01T16:05:00+01:00"),
        ("2014-12-01", "16:05:09", "2014-12-01T16:05:09"),
        ("2014-12-01", "25:00", None),
        ("2014-12-01", "noon", None),
        ("2014-12-01T08:00:00", "07:30", None),
    ],
)
def test_with_time(iso: str, time: str, expected: str | None) -> None:
    assert factiva.with_time(iso, time) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [("English", "en"), ("ENGLISH", "en"), ("Deutsch", "de"), ("Français", "fr"), ("Español", "es"),
     ("Japanese", "ja"), ("en", "en"), ("Elvish", None)],
)
def test_language_names(value: str, code: str | None) -> None:
    assert factiva.language_code(value) == code


def test_stated_word_count_with_thousands_separator() -> None:
    (article,) = _parse("Ferry Talks Resume\n1,234 words\n5 May 2016\nEnglish\n\nTalks resumed.\n")
    assert "body has 2 words but the export states 1234; it may be cut short" in article.warnings


def test_hard_wrapped_view_paragraphs_are_rejoined() -> None:
    (article,) = _parse(
        "Ferry Talks Resume\n9 words\n5 May 2016\nEnglish\n\nTalks on the ferry\nsubsidy resumed\non Monday.\n"
    )
    assert article.body == "Talks on the ferry subsidy resumed on Monday."


@pytest.mark.parametrize(
    "text",
    [
        "HD\n",
        "AN\tDocument LBA0000020160105ec150000b\n",
        "HD\tx\nAN\nAN\nAN\n",
        "Document LBA0000020160105ec150000b\nDocument LBA0000020160105ec150000c\n",
        "1 words\n",
        "12 words\n\n\n",
        "Search Summary\nResults Found\n",
        "HD\tx\nET\t99:99\nPD\tnot a date\n",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    assert isinstance(factiva.parse(text, Context()), list)
