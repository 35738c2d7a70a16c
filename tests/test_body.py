"""Body cleanup: boilerplate lines, captions, promos, datelines, truncation markers."""

from __future__ import annotations

import pytest

from newsclip.fields.body import clean_body, is_boilerplate, is_caption
from newsclip.fields.dateline import Dateline, find_dateline
from newsclip.fields.text import Paragraph, paragraphs_from_lines


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement", "ADVERTISEMENT", "Supported by", "Share", "Tweet", "Email", "Save", "Print",
        "Comments", "Continue reading the main story", "Sign up for our daily briefing",
        "Sign up for The Morning newsletter.", "Recommended by Outbrain", "Copyright 2025 The Daily Planet",
        "© 2024 Valley Courier Media. All rights reserved.", "A version of this article appears in print on "
        "March 3, 2025, Section A, Page 1 of the New York edition", "3 of 24", "* * *", "---", "Sponsored",
        "Skip to main content", "Share this article", "Zum Inhalt springen", "Anzeige",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council shared the report with residents on Monday.",
        "Share prices fell 4% in early trading in Frankfurt.",
        "Comments from the minister were not immediately available.",
        "Printing costs have doubled since 2020, the publisher said.",
        "Save the Children said 30 aid trucks had crossed the border.",
    ],
)
def test_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Russian Foreign Ministry Alexander Shcherbak / TASS",
        "Commuters queue at the Pier 4 terminal on Tuesday morning Lena Okafor / MERIDIAN",
        "Firefighters at the scene in Lyon Jean Morel / AFP - Getty Images",
        "Photo: Jane Doe / Reuters",
        "Photograph: Sam Reid for The Guardian",
        "Credit: Mark Ito/AFP",
        "Foto: dpa",
        "Image: Ana Ruiz / The Valley Courier",
        "(Photo by Tom Hale/AFP via Getty Images)",
    ],
)
def test_caption_lines(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The vote was 52/48 in favour, officials said.",
        "Prices rose 5% year on year / month on month, the agency said.",
        "A deputy Russian foreign minister met Monday with a senior Hamas official in Moscow.",
        "He studied at the University of Bologna",
    ],
)
def test_sentences_are_not_captions(line: str) -> None:
    assert not is_caption(line)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday.", Dateline("WASHINGTON", "Reuters")),
        ("HOUSTON, Jan 27 (Reuters) - Oil prices rose.", Dateline("HOUSTON", "Reuters")),
        ("KYIV, Ukraine (AP) — Drones struck the capital overnight.", Dateline("KYIV, Ukraine", "AP")),
        ("SEOUL — North Korea fired a missile on Sunday.", Dateline("SEOUL", None)),
        ("(CNN) — A powerful storm swept across the plains.", Dateline(None, "CNN")),
        ("NEW YORK (AP) — Stocks closed higher.", Dateline("NEW YORK", "AP")),
        ("МОСКВА, 22 января. /ТАСС/. Президент провел совещание.", Dateline("МОСКВА", "TASS")),
        ("МОСКВА, 2 мая — РИА Новости. Погода в столице улучшится.", Dateline("МОСКВА", "RIA Novosti")),
        ("LONDON -- Britain's economy grew 0.2%.", Dateline("LONDON", None)),
        ("WASHINGTON--Solar panel imports fell in May.", Dateline("WASHINGTON", None)),
        ("NEW YORK, Nov 25, 2014 (AFP) - Stocks rose.", Dateline("NEW YORK", "AFP")),
    ],
)
def test_datelines(paragraph: str, expected: Dateline) -> None:
    found = find_dateline(paragraph)
    assert found is not None
    assert found == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Senate voted on Tuesday to pass the bill.",
        "NATO said on Monday that it would send more troops.",
        "I - the narrator - never left the city.",
        "UPDATE — this story has been corrected.",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def _paras(*texts: str) -> list[Paragraph]:
    return [Paragraph(t, i, i) for i, t in enumerate(texts, 1)]


def test_clean_body_sorts_paragraphs() -> None:
    result = clean_body(_paras(
        "Harbour View Jane Doe / AFP",
        "SEOUL — Talks resumed on Monday after a week of silence.",
        "Advertisement",
        "Related article: Talks Stall Over Border Crossing",
        "Both sides said progress had been made.",
        "Read more: What the Deal Means for Farmers",
    ))
    assert [p.text for p in result.paragraphs] == [
        "SEOUL — Talks resumed on Monday after a week of silence.",
        "Both sides said progress had been made.",
    ]
    assert [c.text for c in result.captions] == ["Harbour View Jane Doe / AFP"]
    assert [r.text for r in result.related] == ["Talks Stall Over Border Crossing", "What the Deal Means for Farmers"]
    assert result.dateline == Dateline("SEOUL", None)


def test_truncation_marker_is_cut() -> None:
    result = clean_body(_paras("The first paragraph is complete.", "Officials said the plan would… [+2764 chars]"))
    assert result.truncated
    assert result.paragraphs[-1].text == "Officials said the plan would"


def test_paragraphs_rejoin_hard_wrapped_lines() -> None:
    lines = list(enumerate(["The first line of a paragraph", "  continues here.", "", "", "Second one."], 1))
    assert paragraphs_from_lines(lines) == [
        Paragraph("The first line of a paragraph continues here.", 1, 2),
        Paragraph("Second one.", 5, 5),
    ]
