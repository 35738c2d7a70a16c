"""The Nexis dialect: sniffing, splitting into articles, labels, highlighting, hard-wrapped bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclip import parse_text
from newsclip.dialects import detect, nexis
from newsclip.dialects.base import Context

from .conftest import FIXTURES

NEXIS_FIXTURES = sorted(p for p in (FIXTURES / "nexis").iterdir() if p.suffix == ".txt")
FACTIVA_FIXTURES = sorted(p for p in (FIXTURES / "factiva").iterdir() if p.suffix == ".txt")

PLAIN_ARTICLE = """\
Bridge Repairs to Close Riverside Drive for Two Weeks

By Jane Holloway

March 4, 2024

Riverside Drive will close to traffic between Elm and Main streets from
Monday while crews replace the deck of the old swing bridge.

Buses will be diverted along Harbor Road, the transit agency said.

"We know this is a busy route," said the city engineer, Tom Reyes.
"""

LABELLED_ARTICLE = """\
Title: Library Extends Weekend Opening Hours
Author: Priya Natarajan
Date: 2024-05-02
URL: https://www.valleycourier.com/2024/05/02/library-hours

The central library will stay open until 8 p.m. on Saturdays from June.

Length: the change adds about 400 hours of opening a year, the library said.
"""

EMAIL_MESSAGE = """\
From: Morning Briefing <briefing@valleycourier.com>
To: reader@example.org
Subject: Your Tuesday briefing: floods, budget, football
Date: Tue, 02 Apr 2024 06:00:00 +0000
Content-Type: text/plain; charset=utf-8

Good morning. Here is what you need to know today.

Floods closed three roads in the north of the county overnight.
"""

HTML_PAGE = """\
<!DOCTYPE html>
<html><head><title>Harbor Festival Returns | Valley Courier</title>
<meta property="og:title" content="Harbor Festival Returns"></head>
<body><article><h1>Harbor Festival Returns</h1><p>By Ann Lee</p>
<p>The harbor festival returns this weekend after a two-year break.</p></article></body></html>
"""

OLD_TWO_ARTICLES = """\
                     Copyright 2012 LexisNexis
                       All Rights Reserved

Search Terms: ferry

                         1 of 2 DOCUMENTS

                          The Valley Courier

                     May 7, 2012 Monday
                        Final Edition

Ferry Service Cut
to Two Crossings a Day

BYLINE: By ANN LEE and
        TOM REYES

LENGTH: 40 words

The ferry company said on Sunday that it would cut the service to
two crossings a day from June because of falling passenger numbers and
higher fuel costs.

Island residents said they would
ask the county to step in.

LOAD-DATE: May 9, 2012

LANGUAGE: ENGLISH

                         2 of 2 DOCUMENTS

                          The Valley Courier

                     May 8, 2012 Tuesday

County Weighs Ferry Subsidy

LENGTH: 12 words

The county will discuss a subsidy for the island ferry on Thursday.

Subject: the subsidy would cost about $1 million a year.

LOAD-DATE: May 9, 2012
"""


def _parse(text: str) -> list:
    return parse_text(text, source="export.txt")


# --- sniffing --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", NEXIS_FIXTURES, ids=lambda p: p.name)
def test_fixtures_are_sniffed_as_nexis(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert nexis.sniff(text) >= 0.8
    assert detect(text, path.name).NAME == "nexis"


@pytest.mark.parametrize("path", FACTIVA_FIXTURES, ids=lambda p: p.name)
def test_factiva_exports_are_not_claimed(path: Path) -> None:
    assert nexis.sniff(path.read_text(encoding="utf-8")) < 0.3


@pytest.mark.parametrize(
    "text",
    [PLAIN_ARTICLE, LABELLED_ARTICLE, EMAIL_MESSAGE, HTML_PAGE, "", "   \n\n", "1 of 3 things you should know"],
    ids=["plain", "labelled", "email", "html", "empty", "blank", "sentence"],
)
def test_other_inputs_are_not_claimed(text: str) -> None:
    assert nexis.sniff(text) <= 0.3


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("                1 of 9 DOCUMENTS\n", 0.9),
        ("Documents (4)\n\n1. Storm Hits Coast\nClient/Matter: -None-\n", 0.9),
        ("Headline\n\nLength: 300 words\n\nBody\n\nText.\n\nEnd of Document\n", 0.9),
        ("BYLINE: Ann Lee\n\nLENGTH: 300 words\n\nText.\n", 0.75),
    ],
)
def test_sniff_signatures(text: str, score: float) -> None:
    assert nexis.sniff(text) == score


# --- splitting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("old-export-cover.txt", 2),
        ("uni-contents.txt", 3),
        ("german-export.txt", 2),
        ("highlighting.txt", 2),
        ("wire-publication.txt", 2),
        ("french-uni.txt", 2),
        ("spanish-single.txt", 1),
    ],
)
def test_fixture_article_counts(name: str, count: int) -> None:
    text = (FIXTURES / "nexis" / name).read_text(encoding="utf-8")
    assert len(nexis.split_articles(text)) == count
    assert len(nexis.parse(text, Context())) == count


def test_cover_lines_are_dropped_before_the_first_counter() -> None:
    chunks = nexis.split_articles(OLD_TWO_ARTICLES)
    assert [c.counted for c in chunks] == [True, True]
    first_text = " ".join(line for _, line in chunks[0].lines)
    assert "Search Terms" not in first_text and "LexisNexis" not in first_text


def test_contents_list_is_never_a_record() -> None:
    text = (FIXTURES / "nexis" / "uni-contents.txt").read_text(encoding="utf-8")
    first = nexis.split_articles(text)[0].lines
    non_blank = [line for _, line in first if line.strip()]
    assert non_blank[:3] == [
        "Wind Farm Plan Clears Final Hurdle After Coastal Review", "Coastal Courier", "February 2, 2021 Tuesday",
    ]
    assert all("Client/Matter" not in line and "Documents (3)" not in line for line in non_blank)


def test_a_cover_alone_gives_no_article() -> None:
    cover = "User Name: =\nDate and Time: Mar 04, 2021\n\nDocuments (0)\n\nEnd of Document\n"
    assert nexis.parse(cover, Context()) == []


def test_trailing_footer_after_the_last_article_is_dropped() -> None:
    text = (
        "Wind Warning Issued\n\nCoastal Courier\nMarch 1, 2021 Monday\n\nLength: 9 words\n\nBody\n\n"
        "Forecasters issued a wind warning for the whole coast.\n\nEnd of Document\n\n"
        "| About LexisNexis | Privacy Policy | Terms & Conditions\n"
    )
    assert len(nexis.parse(text, Context())) == 1


@pytest.mark.parametrize(
    "line",
    [
        "1 of 100 DOCUMENTS",
        "                              12 of 250 DOCUMENTS   ",
        "1 of 1 DOCUMENT",
        "Dokument 1 von 3",
        "3 von 12 DOKUMENTEN",
        "Document 2 de 5",
        "Documento 3 de 4",
        "Document 1 van 2",
    ],
)
def test_counter_lines(line: str) -> None:
    assert nexis.is_counter(line)


@pytest.mark.parametrize(
    "line",
    ["Page 1 of 3", "1 of 3 documents were leaked to the press", "One of 3 DOCUMENTS", "DOCUMENTS", ""],
)
def test_not_counter_lines(line: str) -> None:
    assert not nexis.is_counter(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("End of Document", True),
        ("  End of Document  ", True),
        ("Ende des Dokuments", True),
        ("Fin du document", True),
        ("Fin del documento", True),
        ("The end of document retention rules", False),
        ("End", False),
    ],
)
def test_end_of_document_lines(line: str, expected: bool) -> None:
    assert nexis.is_end_of_document(line) is expected


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("BYLINE: By JANE DOE", ("byline", "BYLINE", "By JANE DOE")),
        ("Byline: Jane Doe", ("byline", "Byline", "Jane Doe")),
        ("AUTOR: Von Katrin Vollmer", ("byline", "AUTOR", "Von Katrin Vollmer")),
        ("AUTEUR: Claire Dubosc", ("byline", "AUTEUR", "Claire Dubosc")),
        ("LENGTH: 453 words", ("length", "LENGTH", "453 words")),
        ("Length: 453 words", ("length", "Length", "453 words")),
        ("LÄNGE: 312 Wörter", ("length", "LÄNGE", "312 Wörter")),
        ("LONGUEUR: 98 mots", ("length", "LONGUEUR", "98 mots")),
        ("LONGITUD: 96 palabras", ("length", "LONGITUD", "96 palabras")),
        ("LENGTE: 210 woorden", ("length", "LENGTE", "210 woorden")),
        ("SECTION: Section A; Pg. 14", ("meta", "SECTION", "Section A; Pg. 14")),
        ("RUBRIK: LOKALES; S. 21", ("meta", "RUBRIK", "LOKALES; S. 21")),
        ("SECCIÓN: ECONOMÍA", ("meta", "SECCIÓN", "ECONOMÍA")),
        ("RUBRIEK: Binnenland", ("meta", "RUBRIEK", "Binnenland")),
        ("DATELINE: WASHINGTON", ("dateline", "DATELINE", "WASHINGTON")),
        ("Highlight: A summary line", ("subheadline", "Highlight", "A summary line")),
        ("DATUM: 14. März 2019", ("date", "DATUM", "14. März 2019")),
        ("LOAD-DATE: January 12, 2010", ("tail", "LOAD-DATE", "January 12, 2010")),
        ("Load-Date: January 12, 2010", ("tail", "Load-Date", "January 12, 2010")),
        ("LANGUAGE: ENGLISH", ("language", "LANGUAGE", "ENGLISH")),
        ("URL: http://www.example.com/a", ("url", "URL", "http://www.example.com/a")),
        ("GRAPHIC: PHOTO: A barge", ("graphic", "GRAPHIC", "PHOTO: A barge")),
        ("PUBLICATION-TYPE: Newspaper", ("tail", "PUBLICATION-TYPE", "Newspaper")),
    ],
)
def test_label_lines(line: str, expected: tuple[str, str, str]) -> None:
    assert nexis.parse_label(line) == expected


@pytest.mark.parametrize(
    "line",
    ["Update: Floods hit the north", "The mayor said: no", "http://www.example.com/a:b", ":", "", "Body"],
)
def test_not_label_lines(line: str) -> None:
    assert nexis.parse_label(line) is None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("ENGLISH", "en"),
        ("English", "en"),
        ("GERMAN; DEUTSCH", "de"),
        ("Deutsch", "de"),
        ("FRANÇAIS", "fr"),
        ("SPANISH; ESPAÑOL", "es"),
        ("Nederlands", "nl"),
        ("русский", "ru"),
        ("pt", "pt"),
        ("Klingon", None),
        ("", None),
    ],
)
def test_language_names(value: str, code: str | None) -> None:
    assert nexis.language_code(value) == code


@pytest.mark.parametrize(
    ("value", "place"),
    [
        ("WASHINGTON", "WASHINGTON"),
        ("WASHINGTON, March 2", "WASHINGTON"),
        ("SANTIAGO, Oct 6 2012", "SANTIAGO"),
        ("NEW YORK, Jan. 10, 2010", "NEW YORK"),
        ("BERLIN, 3. Mai", "BERLIN"),
        ("KYIV, Ukraine", "KYIV, Ukraine"),
        ("PORTLAND, Me.", "PORTLAND, Me."),
    ],
)
def test_dateline_place(value: str, place: str) -> None:
    assert nexis.dateline_place(value) == place


# --- highlighting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        ("the <u>algae</u> bloom", "the algae bloom"),
        ("<U>Algae</U> returns", "Algae returns"),
        ("the ***algae*** bloom", "the algae bloom"),
        ("***Obama***'s plan", "Obama's plan"),
        ("<b>bold</b> and <u>under</u>", "bold and under"),
        ("no highlighting here", "no highlighting here"),
        ("***", "***"),
        ("a < b and c > d", "a < b and c > d"),
    ],
)
def test_strip_highlighting(line: str, clean: str) -> None:
    assert nexis.strip_highlighting(line) == clean


def test_highlighting_is_gone_from_every_field() -> None:
    text = (FIXTURES / "nexis" / "highlighting.txt").read_text(encoding="utf-8")
    for article in _parse(text):
        for value in (article.headline, article.byline, article.body):
            assert "<u>" not in value and "</u>" not in value and "***" not in value


# --- layout and fields -----------------------------------------------------------------------


def test_old_layout_fields_and_hard_wrap() -> None:
    first, second = _parse(OLD_TWO_ARTICLES)
    assert first.headline == "Ferry Service Cut to Two Crossings a Day"
    assert first.byline == "ANN LEE and TOM REYES"
    assert first.authors == ("Ann Lee", "Tom Reyes")
    assert first.date == "2012-05-07"
    assert first.language == "en"
    assert first.body == (
        "The ferry company said on Sunday that it would cut the service to two crossings a day from June "
        "because of falling passenger numbers and higher fuel costs.\n\n"
        "Island residents said they would ask the county to step in."
    )
    assert second.headline == "County Weighs Ferry Subsidy"
    assert second.date == "2012-05-08"
    assert second.language is None


def test_mixed_case_tail_label_inside_the_body_stays_text() -> None:
    second = _parse(OLD_TWO_ARTICLES)[1]
    assert second.body.endswith("Subject: the subsidy would cost about $1 million a year.")


def test_provenance_points_into_the_whole_file() -> None:
    lines = OLD_TWO_ARTICLES.split("\n")
    second = parse_text(OLD_TWO_ARTICLES, source="export.txt")[1]
    start, end = second.provenance["body"].lines
    assert lines[start - 1].startswith("The county will discuss")
    assert lines[end - 1].startswith("Subject:")
    assert lines[second.provenance["headline"].lines[0] - 1] == "County Weighs Ferry Subsidy"
    assert second.source == "export.txt#2"


def test_load_date_is_not_the_publication_date() -> None:
    text = "                 1 of 1 DOCUMENTS\n\nThe Valley Courier\n\nFerry Talks Resume\n\n" \
           "LENGTH: 8 words\n\nTalks on the ferry subsidy resumed on Monday.\n\nLOAD-DATE: May 9, 2012\n"
    (article,) = _parse(text)
    assert article.headline == "Ferry Talks Resume"
    assert article.date is None
    assert "no date found" in article.warnings


def test_new_layout_without_contents_list() -> None:
    text = (
        "Storm Closes Schools\n\nThe Valley Courier\n11 January 2010 Monday\n\n"
        "Copyright 2010 Valley Courier Ltd\n\nSection: NEWS\nLength: 11 words\nByline: Ann Lee\n"
        "Dateline: LONDON, Jan. 11\n\nBody\n\nA storm closed 40 schools across the county on Monday.\n\n"
        "Load-Date: January 12, 2010\n\nEnd of Document\n"
    )
    (article,) = _parse(text)
    assert article.headline == "Storm Closes Schools"
    assert article.byline == "Ann Lee"
    assert article.date == "2010-01-11"
    assert article.dateline == "LONDON"
    assert article.body == "A storm closed 40 schools across the county on Monday."


def test_short_body_is_warned_about() -> None:
    text = "                 1 of 1 DOCUMENTS\n\nThe Valley Courier\n\nMay 7, 2012 Monday\n\n" \
           "Ferry Talks Resume\n\nLENGTH: 900 words\n\nTalks resumed on Monday.\n\nLOAD-DATE: May 9, 2012\n"
    (article,) = _parse(text)
    assert "body has 4 words but the export states 900; it may be cut short" in article.warnings


def test_wire_publication_becomes_an_agency_and_newspapers_do_not() -> None:
    wire = _parse((FIXTURES / "nexis" / "wire-publication.txt").read_text(encoding="utf-8"))
    assert [a.agencies for a in wire] == [("AP",), ("AFP",)]
    paper = _parse((FIXTURES / "nexis" / "german-export.txt").read_text(encoding="utf-8"))
    assert [a.agencies for a in paper] == [(), ()]


@pytest.mark.parametrize(
    "text",
    [
        "1 of 2 DOCUMENTS",
        "1 of 2 DOCUMENTS\n1 of 2 DOCUMENTS\n",
        "End of Document\nEnd of Document\n",
        "BYLINE:\nLENGTH:\nLOAD-DATE:\n",
        "Body\n\nBody\n",
        "LENGTH: 99999999999999 words\n",
        "Documents (3)\n1. \n2. \nClient/Matter:\n",
        "\x00\ufeff<u></u>***",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    drafts = nexis.parse(text, Context())
    assert isinstance(drafts, list)


GERMAN_UNI = """\
Dokumente (2)

1. Neue Brücke eröffnet
Mandant/Akte: -Keine-
Suchbegriffe: Brücke

2. 1. FC Nordstadt steigt auf
Mandant/Akte: -Keine-
Suchbegriffe: Brücke

Neue Brücke eröffnet

Nordsee Bote
11. Januar 2010 Montag

Copyright 2010 Nordsee Bote GmbH Alle Rechte vorbehalten

Rubrik: LOKALES; S. 3
Länge: 12 Wörter
Autor: Von Jan Behrens

Body

Die neue Brücke über den Kanal ist am Montag für den Verkehr freigegeben
worden.

Load-Date: 12. Januar 2010

Ende des Dokuments

1. FC Nordstadt steigt auf

Nordsee Bote
12. Januar 2010 Dienstag

Länge: 8 Wörter

Body

Der Verein spielt in der kommenden Saison in der Regionalliga.

Ende des Dokuments
"""

HEADLINE_LABEL_EXPORT = """\
                               1 of 1 DOCUMENT

                     Copyright 2004 The Valley Courier
                            The Valley Courier

                         March 3, 2004 Wednesday
                           Late Edition - Final

SECTION: Section A; Column 1; Pg. 1

LENGTH: 30 words

HEADLINE: Council Approves
New Budget

BYLINE: By ANN LEE

DATELINE: SPRINGFIELD, March 2

BODY:
The council approved a $40 million budget on Tuesday, with five votes in
favor and two against.

The budget takes effect in July.

LOAD-DATE: March 4, 2004
"""


def test_german_newer_export_with_numbered_headlines_and_dates() -> None:
    first, second = _parse(GERMAN_UNI)
    assert (first.headline, first.byline, first.date) == ("Neue Brücke eröffnet", "Jan Behrens", "2010-01-11")
    assert first.body == "Die neue Brücke über den Kanal ist am Montag für den Verkehr freigegeben worden."
    assert (second.headline, second.byline, second.date) == ("1. FC Nordstadt steigt auf", None, "2010-01-12")
    assert second.body == "Der Verein spielt in der kommenden Saison in der Regionalliga."


def test_headline_and_body_labels_of_older_exports() -> None:
    (article,) = _parse(HEADLINE_LABEL_EXPORT)
    assert article.headline == "Council Approves New Budget"
    assert article.byline == "ANN LEE"
    assert article.date == "2004-03-03"
    assert article.dateline == "SPRINGFIELD"
    assert article.body == (
        "The council approved a $40 million budget on Tuesday, with five votes in favor and two against.\n\n"
        "The budget takes effect in July."
    )
    assert article.warnings == ()


@pytest.mark.parametrize(
    ("date_line", "date"),
    [
        ("January 11, 2010 Monday", "2010-01-11"),
        ("January 11, 2010 Monday Late Edition - Final", "2010-01-11"),
        ("11 January 2010 Monday", "2010-01-11"),
        ("October 5, 2012 Friday 4:42 PM GMT", "2012-10-05T16:42:00+00:00"),
        ("11. Januar 2010 Montag", "2010-01-11"),
        ("11 janvier 2010 lundi", "2010-01-11"),
        ("2 de marzo de 2011 miércoles", "2011-03-02"),
    ],
)
def test_date_line_shapes(date_line: str, date: str) -> None:
    text = (
        "                 1 of 1 DOCUMENTS\n\n              The Valley Courier\n\n"
        f"          {date_line}\n\nStorm Hits Coast\n\nLENGTH: 5 words\n\nA storm hit the coast.\n"
    )
    (article,) = _parse(text)
    assert (article.headline, article.date) == ("Storm Hits Coast", date)
