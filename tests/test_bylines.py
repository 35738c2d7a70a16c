"""Bylines: printed shapes, labelled values, look-alikes that are not bylines, metadata names."""

from __future__ import annotations

import time

import pytest

from newsclip.fields.bylines import Byline, byline_score, canonical_agency, parse_byline, split_names
from newsclip.rules import bylines as rules

L = True  # labelled: the value came from a Byline:/Author: label or a metadata field
U = False  # unlabelled: a line found in a text dump

# (input, labelled, text, authors, agencies, date_text)
ACCEPTED = [
    # --- English "By" shapes
    ("By Jane Doe", U, "Jane Doe", ["Jane Doe"], [], None),
    ("by Jane Doe", U, "Jane Doe", ["Jane Doe"], [], None),
    ("By <u>AFP</u>", U, "AFP", [], ["AFP"], None),
    ("By <b>Jane</b> Doe", U, "Jane Doe", ["Jane Doe"], [], None),
    ("**By Jane Doe**", U, "Jane Doe", ["Jane Doe"], [], None),
    ("By [Jane Doe](https://example.org/staff/jane-doe)", U, "Jane Doe", ["Jane Doe"], [], None),
    ("BY JOHN SMITH", U, "JOHN SMITH", ["John Smith"], [], None),
    ("BY MARY MCDONALD AND SEAN O'BRIEN", U, "MARY MCDONALD AND SEAN O'BRIEN",
     ["Mary McDonald", "Sean O'Brien"], [], None),
    ("BY JAN VAN DER BERG", U, "JAN VAN DER BERG", ["Jan van der Berg"], [], None),
    ("By Mary McDonald", U, "Mary McDonald", ["Mary McDonald"], [], None),
    ("By Pieter van der Berg", U, "Pieter van der Berg", ["Pieter van der Berg"], [], None),
    ("BY AHMED AL-SAYED", U, "AHMED AL-SAYED", ["Ahmed al-Sayed"], [], None),
    ("By Jane Doe and John Roe", U, "Jane Doe and John Roe", ["Jane Doe", "John Roe"], [], None),
    ("By Ann Lee, Bob Stone and Cara Diaz", U, "Ann Lee, Bob Stone and Cara Diaz",
     ["Ann Lee", "Bob Stone", "Cara Diaz"], [], None),
    ("By Jane Doe & John Roe", U, "Jane Doe & John Roe", ["Jane Doe", "John Roe"], [], None),
    ("By Jane Doe and John Roe, Reuters", U, "Jane Doe and John Roe, Reuters",
     ["Jane Doe", "John Roe"], ["Reuters"], None),
    ("By Jane Doe | Reuters", U, "Jane Doe | Reuters", ["Jane Doe"], ["Reuters"], None),
    ("By Jane Doe Of The New York Times and John Roe Of The Associated Press", U,
     "Jane Doe Of The New York Times and John Roe Of The Associated Press",
     ["Jane Doe", "John Roe"], ["The New York Times", "AP"], None),
    ("By Jane Doe for The Guardian", U, "Jane Doe for The Guardian", ["Jane Doe"], ["The Guardian"], None),
    ("By Jane Doe of the Springfield Herald", U, "Jane Doe of the Springfield Herald",
     ["Jane Doe"], ["Springfield Herald"], None),
    ("By Jane Doe, Special to The Washington Post", U, "Jane Doe, Special to The Washington Post",
     ["Jane Doe"], ["The Washington Post"], None),
    ("by Jane Doe (reporting) and John Roe (photography)", U,
     "Jane Doe (reporting) and John Roe (photography)", ["Jane Doe", "John Roe"], [], None),
    ("By Jane Doe (AFP)", U, "Jane Doe (AFP)", ["Jane Doe"], ["AFP"], None),
    ("By Jane Doe, Staff Writer", U, "Jane Doe, Staff Writer", ["Jane Doe"], [], None),
    ("By Jane Doe, Senior Correspondent", U, "Jane Doe, Senior Correspondent", ["Jane Doe"], [], None),
    ("By Jane Doe, Moscow Correspondent", U, "Jane Doe, Moscow Correspondent", ["Jane Doe"], [], None),
    ("By Jane Doe in Kyiv", U, "Jane Doe in Kyiv", ["Jane Doe"], [], None),
    ("By Jane Doe, Kyiv", U, "Jane Doe, Kyiv", ["Jane Doe"], [], None),
    ("Written by Jane Doe", U, "Jane Doe", ["Jane Doe"], [], None),
    ("Reporting by Jane Doe; Editing by John Roe", U, "Jane Doe; Editing by John Roe", ["Jane Doe"], [], None),
    ("By Jane Doe; Additional reporting by Ann Lee", U, "Jane Doe; Additional reporting by Ann Lee",
     ["Jane Doe", "Ann Lee"], [], None),
    ("From CNN's Jane Doe", U, "CNN's Jane Doe", ["Jane Doe"], ["CNN"], None),
    ("By Reuters' Jane Doe", U, "Reuters' Jane Doe", ["Jane Doe"], ["Reuters"], None),
    ("By Dr. Jane Doe", U, "Dr. Jane Doe", ["Jane Doe"], [], None),
    ("By J. R. Doe", U, "J. R. Doe", ["J. R. Doe"], [], None),
    ("By John Roe Jr.", U, "John Roe Jr.", ["John Roe Jr."], [], None),
    # --- agencies and staff
    ("By AFP", U, "AFP", [], ["AFP"], None),
    ("AFP", U, "AFP", [], ["AFP"], None),
    ("BBC News", U, "BBC News", [], ["BBC News"], None),
    ("ТАСС", U, "ТАСС", [], ["TASS"], None),
    ("By The Associated Press", U, "The Associated Press", [], ["AP"], None),
    ("By Jane Doe, Associated Press", U, "Jane Doe, Associated Press", ["Jane Doe"], ["AP"], None),
    ("By JANE DOE, AP", U, "JANE DOE, AP", ["Jane Doe"], ["AP"], None),
    ("Reuters staff", U, "Reuters staff", [], ["Reuters"], None),
    ("Jane Doe, Reuters", U, "Jane Doe, Reuters", ["Jane Doe"], ["Reuters"], None),
    ("By Staff", U, "Staff", [], [], None),
    ("By Staff Reports", U, "Staff Reports", [], [], None),
    # --- other languages
    ("Par Marie Dupont", U, "Marie Dupont", ["Marie Dupont"], [], None),
    ("Par Marie Dupont et Paul Martin", U, "Marie Dupont et Paul Martin", ["Marie Dupont", "Paul Martin"], [], None),
    ("Marie Dupont (avec Paul Martin et Luc Bernard)", U, "Marie Dupont (avec Paul Martin et Luc Bernard)",
     ["Marie Dupont", "Paul Martin", "Luc Bernard"], [], None),
    ("Por Juan Pérez", U, "Juan Pérez", ["Juan Pérez"], [], None),
    ("Von Hans Müller", U, "Hans Müller", ["Hans Müller"], [], None),
    ("Von Hans Müller und Eva Schmidt, dpa", U, "Hans Müller und Eva Schmidt, dpa",
     ["Hans Müller", "Eva Schmidt"], ["dpa"], None),
    ("Door Jan de Vries", U, "Jan de Vries", ["Jan de Vries"], [], None),
    ("Di Marco Rossi", U, "Marco Rossi", ["Marco Rossi"], [], None),
    ("Автор: Иван Петров", U, "Иван Петров", ["Иван Петров"], [], None),
    ("Текст: Анна Смирнова", U, "Анна Смирнова", ["Анна Смирнова"], [], None),
    ("作者：张伟", U, "张伟", ["张伟"], [], None),
    ("作者：张伟、李娜", U, "张伟、李娜", ["张伟", "李娜"], [], None),
    ("记者 王芳", U, "王芳", ["王芳"], [], None),
    # --- dates glued to the byline
    ("by Jane Doe @janedoe February 1, 2016: 12:41 PM ET", U, "Jane Doe", ["Jane Doe"], [],
     "February 1, 2016: 12:41 PM ET"),
    ("By Jane Doe February 4, 2025", U, "Jane Doe", ["Jane Doe"], [], "February 4, 2025"),
    ("By Jane Doe on Tuesday, February 4, 2025", U, "Jane Doe", ["Jane Doe"], [], "Tuesday, February 4, 2025"),
    ("By Jane Doe | Updated 3:30 PM", U, "Jane Doe", ["Jane Doe"], [], "Updated 3:30 PM"),
    ("By Jane Doe, Reuters 4 Feb 2025", U, "Jane Doe, Reuters", ["Jane Doe"], ["Reuters"], "4 Feb 2025"),
    ("By Jane Doe jane.doe@example.org 2025-02-04", U, "Jane Doe", ["Jane Doe"], [], "2025-02-04"),
    ("By Jane Doe 2 hours ago", U, "Jane Doe", ["Jane Doe"], [], "2 hours ago"),
    # --- a date before the byline word, fields after the name
    ("Posted on March 3, 2025 by Lena Okafor", U, "Lena Okafor", ["Lena Okafor"], [], "Posted on March 3, 2025"),
    ("4.03.2025 par Claire Moreau", U, "Claire Moreau", ["Claire Moreau"], [], "4.03.2025"),
    ("Veröffentlicht am 12. März 2025 von Jonas Weber", U, "Jonas Weber", ["Jonas Weber"], [],
     "Veröffentlicht am 12. März 2025"),
    ("Von Jonas Weber am Samstag, 15. März 2025 um 10:30 Uhr", U, "Jonas Weber", ["Jonas Weber"], [],
     "Samstag, 15. März 2025 um 10:30 Uhr"),
    ("Von Jonas Weber Kategorien: Verkehr 6. März 2025", U, "Jonas Weber", ["Jonas Weber"], [], "6. März 2025"),
    ("Ein Artikel von Jonas Weber | 04.03.2025 - 12:45", U, "Jonas Weber", ["Jonas Weber"], [], "04.03.2025 - 12:45"),
    ("12 March 2025 · by Ines · in Travel", U, "Ines · in Travel", ["Ines"], [], "12 March 2025"),
    ("Posted by Ann Lee, Bob Stone and Cara Diaz - Harbour Safety team", U,
     "Ann Lee, Bob Stone and Cara Diaz - Harbour Safety team", ["Ann Lee", "Bob Stone", "Cara Diaz"], [], None),
    ("• Author: Lena Okafor, Date: 03.03.25", U, "Lena Okafor", ["Lena Okafor"], [], "03.03.25"),
    # --- bare names count on an unlabelled line only with a date glued on
    ("Lena Okafor 04.03.2025", U, "Lena Okafor", ["Lena Okafor"], [], "04.03.2025"),
    ("Claire Moreau | mardi 4 mars 2025 à 09h08", U, "Claire Moreau", ["Claire Moreau"], [], "mardi 4 mars 2025 à 09h08"),
    # --- labelled values
    ("BYLINE: Jane Doe;John Roe;Ann Lee", U, "Jane Doe;John Roe;Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"], [], None),
    ("Jane Doe;John Roe;Ann Lee", L, "Jane Doe;John Roe;Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"], [], None),
    ("Jane Doe and John Roe", L, "Jane Doe and John Roe", ["Jane Doe", "John Roe"], [], None),
    ("['Jane Doe', 'John Roe']", L, "Jane Doe, John Roe", ["Jane Doe", "John Roe"], [], None),
    ("['Jane Doe', 'Reuters']", L, "Jane Doe, Reuters", ["Jane Doe"], ["Reuters"], None),
    ("Doe, Jane", L, "Doe, Jane", ["Jane Doe"], [], None),
    ("Doe, Jane; Roe, John", L, "Doe, Jane; Roe, John", ["Jane Doe", "John Roe"], [], None),
    ("DOE, JANE", L, "DOE, JANE", ["Jane Doe"], [], None),
    ("Beethoven, Ludwig van", L, "Beethoven, Ludwig van", ["Ludwig van Beethoven"], [], None),
    ("Jane Doe, John Roe", L, "Jane Doe, John Roe", ["Jane Doe", "John Roe"], [], None),
    ("Jane Doe, Reuters", L, "Jane Doe, Reuters", ["Jane Doe"], ["Reuters"], None),
    ("Jane Doe", L, "Jane Doe", ["Jane Doe"], [], None),
    ("Madonna", L, "Madonna", ["Madonna"], [], None),
    ("By Jane Doe", L, "Jane Doe", ["Jane Doe"], [], None),
    ("Author: Jane Doe", U, "Jane Doe", ["Jane Doe"], [], None),
]


@pytest.mark.parametrize(("raw", "labelled", "text", "authors", "agencies", "date_text"), ACCEPTED)
def test_byline_shapes(raw, labelled, text, authors, agencies, date_text):
    assert parse_byline(raw, labelled=labelled) == Byline(text, tuple(authors), tuple(agencies), date_text)


REJECTED = [
    ("Powered by WordPress", U),
    ("Recommended by Outbrain", U),
    ("Sponsored by Acme Bank", U),
    ("By signing up you agree to our terms", U),
    ("by contrast, the market fell", U),
    ("The bill was caught by surprise", U),
    ("Lawmakers said the report was written by the committee after months of hearings", U),
    ("Photograph: Jane Doe for The Guardian", U),
    ("Credit: Jane Doe/AFP", U),
    ("Jane Doe / AFP - Getty Images", U),
    ("Image: Jane Doe / Reuters", U),
    ("Foto: dpa", U),
    ("© AFP / Jane Doe", U),
    ("责任编辑：王芳", U),
    ("Hours Ago Jane Doe", U),
    ("Follow Author", U),
    ('By clicking "Accept" you agree', U),
    ("By 2030, emissions will have halved", U),
    ("By the numbers", U),
    ("By The Rivers Of Babylon", U),
    ("From the archives", U),
    ("From Paris With Love", U),
    ("Di Maio resigns as party leader", U),
    ("Par ailleurs, le marché a reculé", U),
    ("Von Berlin nach Paris", U),
    ("By Madonna", U),  # one word after "By" is not enough without a label
    ("Jane Doe and John Roe", U),  # bare names need a label (see byline_score)
    ("Doe, Jane", U),
    ("Staff", U),  # a staff word alone needs a "By"
    ("News", U),
    ("Local News", U),
    ("Social Media", U),
    ("• News", U),
    ("• AFP", U),  # a menu item
    ("– Lena Okafor, Writer", U),  # a quote attribution
    ("* Ferry Strike Looms 13. November 2024", U),
    ("Current time: 14.10.2024, 12:18", U),
    ("by Harbour Weekly. The report was published in a new edition by Acme in November", U),
    ("Opening Day 5. November 2024, shortly after 9 pm, the ferry left", U),
    ("Aus der Region 6. November 2024 15:00 Kommentar schreiben", U),
    ("N/A", L),
    ("unknown", L),
    ("[]", L),
    ("jdoe", L),
    ("", L),
    ("   ", U),
]


@pytest.mark.parametrize(("raw", "labelled"), REJECTED)
def test_not_a_byline(raw, labelled):
    assert parse_byline(raw, labelled=labelled) is None


@pytest.mark.parametrize("raw", [None, 42, b"By Jane Doe", ["By Jane Doe"]])
def test_non_strings_are_not_bylines(raw):
    assert parse_byline(raw) is None
    assert byline_score(raw) == 0.0


# (line, lowest score, highest score) — the plain-text dialect treats >= 0.5 as a byline line
SCORES = [
    ("By Jane Doe", 0.85, 1.0),
    ("BYLINE: Jane Doe", 0.9, 1.0),
    ("By Jane Doe February 4, 2025", 0.9, 1.0),
    ("From CNN's Jane Doe", 0.85, 1.0),
    ("Di Marco Rossi", 0.5, 0.6),
    ("Jane Doe, Staff Writer", 0.6, 0.7),
    ("Marie Dupont (avec Paul Martin et Luc Bernard)", 0.6, 0.7),
    ("AFP", 0.55, 0.65),
    ("Jane Doe and John Roe", 0.4, 0.49),
    ("Jane Doe", 0.3, 0.49),
    ("Storm Hits Coast", 0.3, 0.49),  # a Title-Case headline looks like a name: kept under 0.5
    ("Powered by WordPress", 0.0, 0.0),
    ("Photograph: Jane Doe for The Guardian", 0.0, 0.0),
    ("The storm hit the coast on Monday, officials said.", 0.0, 0.0),
    ("By Jane Doe " + "x" * 400, 0.0, 0.0),
]


@pytest.mark.parametrize(("line", "low", "high"), SCORES)
def test_byline_score(line, low, high):
    assert low <= byline_score(line) <= high


SPLIT = [
    ("Jane Doe, John Roe and Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
    ("Jane Doe; John Roe; Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
    ("Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
    ("['Jane Doe', 'John Roe']", ["Jane Doe", "John Roe"]),
    ('["Sean O\'Brien", "Reuters"]', ["Sean O'Brien", "Reuters"]),
    (["Jane Doe", "John Roe"], ["Jane Doe", "John Roe"]),
    (("Jane Doe",), ["Jane Doe"]),
    ("[[Jane Doe]]", ["Jane Doe"]),
    (["[[Jane Doe]]", "[[John Roe|John]]"], ["Jane Doe", "John Roe"]),
    ([{"@type": "Person", "name": "Jane Doe"}], ["Jane Doe"]),
    ("Doe, Jane", ["Jane Doe"]),
    ("Doe, Jane; Roe, John", ["Jane Doe", "John Roe"]),
    ("Jane Doe; Roe, John", ["Jane Doe", "John Roe"]),
    ("JANE DOE", ["Jane Doe"]),
    ("By Jane Doe", ["Jane Doe"]),
    ("Dr. Jane Doe", ["Jane Doe"]),
    (["Jane Doe", "jane doe"], ["Jane Doe"]),
    ("Jane Doe, unknown", ["Jane Doe"]),
    ("https://example.org/authors/jane-doe", []),
    ("unknown", []),
    ("[]", []),
    ("", []),
    (None, []),
    (12, []),
]


@pytest.mark.parametrize(("value", "names"), SPLIT)
def test_split_names(value, names):
    assert split_names(value) == names


AGENCY_NAMES = [
    ("AP", "AP"),
    ("ap", "AP"),
    ("A.P.", "AP"),
    ("Associated Press", "AP"),
    ("The Associated Press", "AP"),
    ("AP News", "AP"),
    ("reuters", "Reuters"),
    ("Agence France-Presse", "AFP"),
    ("agence france presse", "AFP"),
    ("DPA", "dpa"),
    ("Deutsche Presse-Agentur", "dpa"),
    ("BBC", "BBC News"),
    ("PA Media", "PA"),
    ("Keystone-SDA", "SDA"),
    ("New York Times", "The New York Times"),
    ("the guardian", "The Guardian"),
    ("РИА Новости", "RIA Novosti"),
    ("ТАСС", "TASS"),
    ("<u>AFP</u>", "AFP"),
    ("Staff", None),
    ("Jane Doe", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("name", "canonical"), AGENCY_NAMES)
def test_canonical_agency(name, canonical):
    assert canonical_agency(name) == canonical


def test_every_canonical_agency_maps_to_itself():
    for name, aliases in rules.AGENCIES.items():
        assert canonical_agency(name) == name
        for alias in aliases:
            assert canonical_agency(alias) == name, alias


@pytest.mark.parametrize(
    "text",
    [
        "By " + "Jane " * 200_000,
        "By " + "a" * 1_000_000,
        "(" * 500_000,
        "By Jane Doe " + "@" * 500_000,
        "[" + "'a', " * 200_000 + "]",
        " , " * 300_000,
    ],
    ids=["many-words", "one-long-word", "open-parens", "at-signs", "long-list", "separators"],
)
def test_huge_lines_return_quickly(text):
    started = time.perf_counter()
    assert parse_byline(text) is None
    byline_score(text)
    parse_byline(text, labelled=True)
    split_names(text)
    assert time.perf_counter() - started < 2.0


# --- every rule in rules.bylines over its own vocabulary

ALL_PREFIXES = sorted({p for group in rules.PREFIXES.values() for p in group})


@pytest.mark.parametrize("prefix", ALL_PREFIXES)
def test_every_byline_word_opens_a_byline(prefix):
    gap = "" if prefix.endswith((":", "：")) else " "
    assert parse_byline(f"{prefix}{gap}Jane Doe") == Byline("Jane Doe", ("Jane Doe",), ())


@pytest.mark.parametrize("label", rules.LABELS)
def test_every_label_marks_a_labelled_value(label):
    assert parse_byline(f"{label}: Jane Doe") == Byline("Jane Doe", ("Jane Doe",), ())
    assert byline_score(f"{label}: Jane Doe") >= 0.9


@pytest.mark.parametrize("opening", rules.REJECT_OPENINGS)
def test_every_reject_opening_rules_a_line_out(opening):
    assert parse_byline(f"{opening} Jane Doe") is None
    assert parse_byline(f"{opening} Jane Doe", labelled=True) is None


@pytest.mark.parametrize("role", ["Staff Writer", "Senior Correspondent", "Chief Political Correspondent",
                                  "Contributor", "Columnist", "Foreign Correspondent", "Reporter"])
def test_roles_are_dropped(role):
    assert parse_byline(f"By Jane Doe, {role}") == Byline(f"Jane Doe, {role}", ("Jane Doe",), ())


@pytest.mark.parametrize("line", [row[0] for row in ACCEPTED + REJECTED + SCORES if isinstance(row[0], str)])
def test_a_line_scored_as_byline_parses_unlabelled(line):
    """Callers treat byline_score >= 0.5 as "parse this line with labelled=False"."""
    if byline_score(line) >= 0.5:
        assert parse_byline(line) is not None
