"""The plain dialect on whole-page text dumps: navigation, breadcrumbs, repeated titles, bylines."""

from __future__ import annotations

import pytest

from newsclip import parse_text
from newsclip.dialects import plain, plain_lines

BODY = (
    "The regional council approved the new cycle lanes on Tuesday after a two-hour debate, "
    "with nineteen votes in favour and four against.\n\n"
    "Work on the first section, along the river embankment, is due to start in the spring "
    "and should take about four months, officials said.\n\n"
    "Shopkeepers on the embankment had asked for loading bays to be kept, and the final plan "
    "includes six of them.\n"
)


def parse_one(text: str):
    [article] = parse_text(text)
    return article


def test_page_dump_with_navigation_and_breadcrumbs() -> None:
    text = (
        "Skip to content\n\n  * News\n  * Sport\n  * Weather\n\nSearch for: ____ (BUTTON) Search\n\n"
        "Home > Local > Council Approves River Cycle Lanes\n\n"
        "Council Approves River Cycle Lanes\n\n"
        "By Tomas Berger | March 4, 2025\n\n" + BODY +
        "\nComments\n\nA reader wrote a very long comment about the cycle lanes that goes on and on, "
        "repeating itself many times over, with many words and sentences. It is not the article.\n"
    )
    article = parse_one(text)
    assert article.headline == "Council Approves River Cycle Lanes"
    assert article.authors == ("Tomas Berger",)
    assert article.date == "2025-03-04"
    assert article.body.startswith("The regional council approved")
    assert "reader wrote" not in article.body


def test_breadcrumb_tail_gives_the_headline_when_no_heading_line() -> None:
    text = "Home > Local > Council Approves River Cycle Lanes\n\nMarch 4, 2025\n\n" + BODY
    assert parse_one(text).headline == "Council Approves River Cycle Lanes"


def test_markdown_h1_is_the_headline() -> None:
    text = "[Home](https://example.org/)\n\n## Latest\n\n# Council Approves River Cycle Lanes\n\n" + BODY
    article = parse_one(text)
    assert article.headline == "Council Approves River Cycle Lanes"
    assert article.provenance["headline"].rule == "markdown-h1"


def test_author_page_link_names_the_author_even_when_wrapped() -> None:
    text = (
        "# Council Approves River Cycle Lanes\n\n"
        "Posted on 4 March 2025 by [Tomas Berger](https://news.example.org/author/tomas-\n"
        "berger/ \"Posts by Tomas Berger\")\n\n" + BODY
    )
    article = parse_one(text)
    assert article.authors == ("Tomas Berger",)
    assert article.date == "2025-03-04"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Christian Weber, 03.11.2023 15:32 Uhr", "Christian Weber"),
        ("1. Februar 2022 Luisa Hartmann 6 Kommentare", "Luisa Hartmann"),
        ("Veröffentlicht am 12. Juni 2017 von gizzmo", "gizzmo"),
        ("Dezember 10, 2019 · von freeman1984 · in Allgemein", "freeman1984"),
        ("am 23. Januar 2020 von Christian Spließ in Allgemeines", "Christian Spließ"),
    ],
)
def test_names_beside_dates(line: str, author: str) -> None:
    text = f"Council Approves River Cycle Lanes\n\n{line}\n\n" + BODY
    assert parse_one(text).authors == (author,)


def test_name_line_under_the_headline() -> None:
    text = "Council Approves River Cycle Lanes\n\nSarah Lindqvist\n\n" + BODY
    assert parse_one(text).authors == ("Sarah Lindqvist",)


@pytest.mark.parametrize("line", ["Neueste Kommentare", "Im Schlepptau", "Profile Menu", "Your Account Your Account"])
def test_headings_are_not_names(line: str) -> None:
    text = f"Council Approves River Cycle Lanes\n\n{line}\n\n" + BODY
    assert parse_one(text).authors == ()


def test_title_that_ends_with_a_full_stop_and_is_repeated() -> None:
    text = (
        "#Feed » Time to say goodbye to the old bridge.\n\n"
        "Time to say goodbye to the old bridge.\n\n" + BODY
    )
    article = parse_one(text)
    assert article.headline == "Time to say goodbye to the old bridge."
    assert article.body.startswith("The regional council")


def test_markdown_escapes_are_undone() -> None:
    line = plain_lines.make_line(1, r"Am 1\. November 2023 \*exklusiv\*")
    assert line.text == "Am 1. November 2023 *exklusiv*"


def test_wrapped_markdown_links_keep_their_lines() -> None:
    raws = ["Posted by [Jane](https://example.org/author/ja-", "ne/) on March 3", "Next line"]
    assert plain_lines.close_wrapped_links(raws) == ["Posted by [Jane](#)", " on March 3", "Next line"]


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("Home > World > Floods Close Mountain Pass", "Floods Close Mountain Pass"),
        ("1. Home 2. Beauty 3. Why Sleep Matters More Than You Think", "Why Sleep Matters More Than You Think"),
        ("Start / Politik / Landtag beschließt neues Schulgesetz", "Landtag beschließt neues Schulgesetz"),
        ("The vote was close, but the motion passed.", None),
        ("Home > News", None),
    ],
)
def test_breadcrumb_tail(text: str, tail: str | None) -> None:
    assert plain_lines.breadcrumb_tail(text) == tail


def test_comment_thread_does_not_outweigh_the_article() -> None:
    comment = ("I have lived on this street for thirty years and I have never seen anything like it, "
               "and I do not think anyone asked the residents what they wanted before deciding. ") * 3
    text = "Council Approves River Cycle Lanes\n\nMarch 4, 2025\n\n" + BODY + "\nComments\n\n" + \
        "\n\n".join([comment] * 6) + "\n"
    article = parse_one(text)
    assert article.body.startswith("The regional council")
    assert "thirty years" not in article.body


def test_sniff_is_the_fallback_score() -> None:
    assert plain.sniff("anything") == 0.1


@pytest.mark.parametrize(
    ("links", "url"),
    [
        ("[Council Approves River Cycle Lanes](https://news.example.org/2025/03/04/cycle-lanes/)\n",
         "https://news.example.org/2025/03/04/cycle-lanes/"),
        ("[Share](https://www.facebook.com/sharer/sharer.php?u=https://news.example.org/cycle-lanes&t=x)\n",
         "https://news.example.org/cycle-lanes"),
        ("[Facebook](https://news.example.org/cycle-lanes/?share=facebook \"Share on Facebook\")\n",
         "https://news.example.org/cycle-lanes/"),
    ],
)
def test_page_address_from_markdown_links(links: str, url: str) -> None:
    text = "# Council Approves River Cycle Lanes\n\n" + BODY + "\n" + links
    assert parse_one(text).url == url
