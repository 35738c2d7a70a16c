"""The reader dialect: sniffing, header labels, error pages, body cleanup."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsclip import parse_text
from newsclip.dialects import detect, reader
from newsclip.settings import Settings

from .conftest import FIXTURES

READER = Settings(dialect="reader")
FIXTURE_FILES = sorted(p for p in (FIXTURES / "reader").iterdir() if p.suffix != ".json")

PLAIN_STACK = """Council Votes to Close Market Street to Cars

By Hannah Field

March 3, 2025

The city council voted 31 to 9 on Monday night to close Market Street to cars from next spring.

Traders had been split on the plan.
"""

PLAIN_LABELS = """Title: Council Votes to Close Market Street to Cars
Author: Hannah Field
Date: 2025-03-03
URL: https://citydesk.example/market-street

The city council voted 31 to 9 on Monday night to close Market Street to cars from next spring.
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Market Street | City Desk</title></head>
<body><article><h1>Market Street</h1><p>Title: not a label here.</p></article></body></html>
"""


def _reader(header: str, body: str) -> str:
    return f"{header}\n\nMarkdown Content:\n{body}"


def _one(text: str):
    articles = parse_text(text, source="page.txt", settings=READER)
    assert len(articles) == 1
    return articles[0]


# --- sniffing -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixtures_are_sniffed_as_reader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert reader.sniff(text) >= 0.8
    assert detect(text, path.name).NAME == "reader"


@pytest.mark.parametrize(
    "text",
    [PLAIN_STACK, PLAIN_LABELS, HTML_PAGE, "", "Title: only a title\n\nSome text."],
    ids=["plain-stack", "plain-labels", "html", "empty", "title-only"],
)
def test_other_layouts_are_not_claimed(text: str) -> None:
    assert reader.sniff(text) <= 0.3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title: A\n\nURL Source: https://a.example/x\n\nMarkdown Content:\nBody", reader.rules.SNIFF_FULL),
        ("Title: A\n\nURL Source: https://a.example/x\n\nBody", reader.rules.SNIFF_PARTIAL),
        ("Title: A\n\nMarkdown Content:\nBody", reader.rules.SNIFF_PARTIAL),
        ("Body first\n" * 50 + "URL Source: https://a.example/x\nMarkdown Content:\n", 0.0),
    ],
    ids=["full", "no-marker", "no-url-source", "labels-too-deep"],
)
def test_sniff_scores(text: str, expected: float) -> None:
    assert reader.sniff(text) == expected


# --- header ---------------------------------------------------------------------------------


def test_header_fields_and_provenance() -> None:
    text = _reader(
        "Title: Dam inspection finds cracks | River Post\n\nURL Source: https://riverpost.example/dam?utm_source=x"
        "\n\nPublished Time: 2025-02-04T10:30:00.000Z",
        "The inspection found cracks in the spillway.",
    )
    article = _one(text)
    assert article.headline == "Dam inspection finds cracks"
    assert article.url == "https://riverpost.example/dam"
    assert article.date == "2025-02-04T10:30:00+00:00"
    assert article.body == "The inspection found cracks in the spillway."
    assert article.provenance["headline"].lines == (1, 1)
    assert article.provenance["url"].rule == "reader-url-source"
    assert article.provenance["date"].lines == (5, 5)
    assert article.provenance["body"].lines == (8, 8)


def test_missing_marker_still_reads_the_header() -> None:
    article = _one("Title: Ferry timetable changes\nURL Source: https://ferry.example/t\n\nThe ferry leaves at nine.")
    assert article.headline == "Ferry timetable changes"
    assert article.url == "https://ferry.example/t"
    assert article.body == "The ferry leaves at nine."


def test_title_missing_falls_back_to_first_heading() -> None:
    article = _one(_reader("URL Source: https://a.example/x", "# Bridge reopens\n\nThe bridge reopened."))
    assert article.headline == "Bridge reopens"
    assert article.body == "The bridge reopened."


# --- warnings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("warning", "error_page"),
    [
        ("Target URL returned error 404: Not Found", True),
        ("Target URL returned error 503: Service Unavailable", True),
        ("Target URL returned error 451: Unavailable For Legal Reasons", True),
        ("This page maybe requiring CAPTCHA, please make sure you are authorized to access this page.", True),
        ("Access blocked by the site's firewall", True),
        ("This is a cached snapshot of the original page, consider retry with caching opt-out.", False),
        ("This page maybe not yet fully loaded, consider explicitly specify a timeout.", False),
    ],
)
def test_warning_lines(warning: str, error_page: bool) -> None:
    text = _reader(f"Title: Budget vote\n\nURL Source: https://a.example/x\n\nWarning: {warning}",
                   "Some page text that is long enough to read.")
    article = _one(text)
    assert f"reader warning: {warning}" in article.warnings
    assert (article.body is None) is error_page


@pytest.mark.parametrize("title", ["Page not found | Courier", "404", "Just a moment...", "Access Denied"])
def test_error_titles_are_not_headlines(title: str) -> None:
    text = _reader(f"Title: {title}\n\nURL Source: https://a.example/x\n\nWarning: Target URL returned error 404: Not Found",
                   "Sorry.")
    assert _one(text).headline is None


# --- body -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Ferry returns\n=============\n\nText.", "Text.", id="setext-title"),
        pytest.param("# Ferry returns\n\nText.", "Text.", id="atx-title"),
        pytest.param("![Image 1: pier](https://a.example/p.jpg)\n\nText.", "Text.", id="image-line"),
        pytest.param(
            "[Facebook](https://www.facebook.com/sharer/sharer.php?u=x) | [Twitter](https://twitter.com/intent/tweet?u=x)"
            "\n\nText.",
            "Text.",
            id="share-bar-links",
        ),
        pytest.param("Share\n\nCopy link\n\nText.", "Text.", id="share-words"),
        pytest.param("Text.\n\nImages:\n- ![Image 1](https://a.example/p.jpg)\n\nLinks/Buttons:\n- [Home](https://a.example/)",
                     "Text.", id="tail-lists"),
        pytest.param("Text.\n\n- kept item\n- another\n\nLinks/Buttons:\n- [Home](https://a.example/)",
                     "Text.\n\nkept item\n\nanother", id="real-list-before-tail"),
        pytest.param("[Home](https://a.example/) [About](https://a.example/about)\n\nText.",
                     "Home About\n\nText.", id="nav-links-are-not-share-bars"),
    ],
)
def test_body_cleanup(body: str, expected: str) -> None:
    text = _reader("Title: Ferry returns | Gazette\n\nURL Source: https://a.example/x", body)
    assert _one(text).body == expected


@pytest.mark.parametrize(
    ("lead", "byline", "authors"),
    [
        ("By Jane Doe", "Jane Doe", ["Jane Doe"]),
        ("By [Jane Doe](https://a.example/jane)", "Jane Doe", ["Jane Doe"]),
        ("Written by Jane Doe and Tom Lee", "Jane Doe and Tom Lee", ["Jane Doe", "Tom Lee"]),
        ("Jane Doe, Health Correspondent", "Jane Doe, Health Correspondent", ["Jane Doe"]),
    ],
)
def test_body_byline_is_taken_out(lead: str, byline: str, authors: list[str]) -> None:
    text = _reader("Title: Clinic opens\n\nURL Source: https://a.example/x", f"{lead}\n\nThe clinic opened on Monday.")
    article = _one(text)
    assert article.byline == byline
    assert list(article.authors) == authors
    assert article.body == "The clinic opened on Monday."


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    body = "By the time the ferry docked, the crowd had gone home.\n\nMore text."
    article = _one(_reader("Title: Ferry\n\nURL Source: https://a.example/x", body))
    assert article.byline is None
    assert article.body.startswith("By the time the ferry docked")


@pytest.mark.parametrize(
    ("line", "date", "updated"),
    [
        ("Published 12 March 2024", "2024-03-12", None),
        ("12 March 2024, 09:05", "2024-03-12T09:05:00", None),
        ("Updated 12 March 2024", None, "2024-03-12"),
    ],
)
def test_body_date_line_used_when_header_has_none(line: str, date: str | None, updated: str | None) -> None:
    body = f"By Jane Doe\n\n{line}\n\nThe clinic opened."
    article = _one(_reader("Title: Clinic\n\nURL Source: https://a.example/x", body))
    assert article.body == "The clinic opened."
    assert (article.date, article.updated) == (date, updated)


def test_header_date_wins_over_body_date_line() -> None:
    body = "4 February 2025\n\nThe clinic opened."
    article = _one(_reader("Title: Clinic\n\nURL Source: https://a.example/x\n\nPublished Time: 2025-02-05", body))
    assert article.date == "2025-02-05"
    assert article.body == "The clinic opened."


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Markdown Content:",
        "Title:\n\nURL Source:\n\nMarkdown Content:\n",
        "Title: x\nURL Source: not a url\nPublished Time: yesterday-ish\nMarkdown Content:\n# \n---\n",
        "Title: x\n\nMarkdown Content:\n" + "[a](" * 20_000,
        "Title: x\n\nMarkdown Content:\n" + "- - " * 20_000 + "x",
        "Title: x\n\nMarkdown Content:\n" + "By " + "a " * 50_000,
    ],
    ids=["marker-only", "empty-labels", "junk-values", "hostile-links", "hostile-rule", "long-by-line"],
)
def test_odd_inputs_do_not_raise(text: str) -> None:
    start = time.perf_counter()
    articles = parse_text(text, settings=READER)
    assert len(articles) <= 1
    assert time.perf_counter() - start < 5.0
