"""Markdown cleanup shared by the reader, front-matter and e-mail dialects."""

from __future__ import annotations

import time

import pytest

from newsclip.fields.markdown import (
    first_heading,
    heading_text,
    is_image_line,
    is_rule_line,
    markdown_lines,
    markdown_paragraphs,
    same_title,
    strip_inline,
)


def _numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), 1))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("See [the report](https://example.org/r) now", "See the report now"),
        ('See [the report](https://example.org/r "Report") now', "See the report now"),
        ("A [bay](https://en.example.org/wiki/Bantry_(bay)) view", "A bay view"),
        ("**bold** and __strong__", "bold and strong"),
        ("*soft* and _soft_", "soft and soft"),
        ("***both***", "both"),
        ("keep snake_case_names as they are", "keep snake_case_names as they are"),
        ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
        (r"\*not emphasis\* and \_this\_", "*not emphasis* and _this_"),
        (r"a \[bracket\] stays", "a [bracket] stays"),
        ("text ![alt](https://example.org/a.png) more", "text  more"),
        ("[![Image 3](https://example.org/a.png)](https://example.org/big.png)", ""),
        ("`code` here", "code here"),
        ("~~old~~ new", "old new"),
        ("[the survey][1] found", "the survey found"),
        ("mail <https://example.org/x> us", "mail  us"),
        ("**[Linked bold](https://example.org)**", "Linked bold"),
        ("kept <!-- dropped --> kept <!-- unclosed to the end", "kept  kept "),
        ("plain sentence, no markup.", "plain sentence, no markup."),
        ("", ""),
    ],
)
def test_strip_inline(raw: str, expected: str) -> None:
    assert strip_inline(raw) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Title", "Title"),
        ("## Sub title ##", "Sub title"),
        ("   ### Indented", "Indented"),
        ("### C# is fun ###", "C# is fun"),
        ("#hashtag", None),
        ("####### seven is too many", None),
        ("#", ""),
        ("plain", None),
    ],
)
def test_heading_text(line: str, expected: str | None) -> None:
    assert heading_text(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("![Image 1: The ferry](https://example.org/ferry.jpg)", True),
        ("[![Image 2](https://example.org/t.png)](https://example.org/full.png)", True),
        ("![a](https://example.org/a.png) ![b](https://example.org/b.png)", True),
        ("Text before ![a](https://example.org/a.png)", False),
        ("[A link](https://example.org)", False),
    ],
)
def test_is_image_line(line: str, expected: bool) -> None:
    assert is_image_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("-----", True),
        ("===", True),
        ("* * *", True),
        ("___", True),
        ("  - - -  ", True),
        ("--", False),
        ("- item", False),
        ("-- ", False),
        ("text ---", False),
    ],
)
def test_is_rule_line(line: str, expected: bool) -> None:
    assert is_rule_line(line) is expected


@pytest.mark.parametrize(
    ("heading", "title", "expected"),
    [
        ("Harbour ferry returns", "Harbour ferry returns | The Harbour Gazette", True),
        ("HARBOUR FERRY RETURNS!", "Harbour ferry returns", True),
        ("**Harbour** ferry returns", "Harbour ferry returns", True),
        ("Harbour", "Harbour ferry returns after two years", False),
        ("Another heading", "Harbour ferry returns", False),
        ("Harbour ferry returns", None, False),
        ("", "Harbour ferry returns", False),
    ],
)
def test_same_title(heading: str, title: str | None, expected: bool) -> None:
    assert same_title(heading, title) is expected


PARAGRAPH_CASES = [
    pytest.param(
        "# The Title\n\nFirst paragraph\ncontinues.\n\nSecond.",
        "The Title",
        [("First paragraph continues.", 3, 4), ("Second.", 6, 6)],
        id="atx-title-dropped",
    ),
    pytest.param(
        "The Title\n=========\n\nBody text.",
        "The Title - Site",
        [("Body text.", 4, 4)],
        id="setext-title-dropped",
    ),
    pytest.param(
        "The Title\n\nBody text.",
        "The Title",
        [("Body text.", 3, 3)],
        id="lone-title-line-dropped",
    ),
    pytest.param(
        "# The Title\n\nBody text.",
        None,
        [("The Title", 1, 1), ("Body text.", 3, 3)],
        id="heading-kept-without-title",
    ),
    pytest.param(
        "Intro.\n\n## Section one\nText under it.\n\nSection two\n-----------\nMore text.",
        "Something else",
        [("Intro.", 1, 1), ("Section one", 3, 3), ("Text under it.", 4, 4), ("Section two", 6, 6),
         ("More text.", 8, 8)],
        id="headings-own-paragraphs",
    ),
    pytest.param(
        "Points:\n- first point\n  continued here\n* second *point*\n1. numbered stays",
        None,
        [("Points:", 1, 1), ("first point continued here", 2, 3), ("second point", 4, 4),
         ("1. numbered stays", 5, 5)],
        id="list-items",
    ),
    pytest.param(
        "Before <!-- inline --> after.\n<!-- a comment\nspanning lines -->\nNext line.",
        None,
        [("Before after. Next line.", 1, 4)],
        id="html-comments",
    ),
    pytest.param(
        "![Image 1: x](https://example.org/x.jpg)\nCaption-free text.\n\n[1]: https://example.org/ref\n",
        None,
        [("Caption-free text.", 2, 2)],
        id="image-line-and-reference-definition",
    ),
    pytest.param(
        "> Quoted **line**\n> goes on.\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        None,
        [("Quoted line goes on.", 1, 2), ("| a | b | | 1 | 2 |", 4, 6)],
        id="blockquote-and-table",
    ),
    pytest.param(
        "Text.\n\n{% include promo.html %}\n{{< figure src=\"x.jpg\" >}}\n\nMore.",
        None,
        [("Text.", 1, 1), ("More.", 6, 6)],
        id="template-directives",
    ),
    pytest.param(
        "```\ncode *stays* as is\n```\nLine with hard break\\\nnext.",
        None,
        [("code *stays* as is", 2, 2), ("Line with hard break next.", 4, 5)],
        id="fence-and-hard-break",
    ),
    pytest.param(
        "Para one.\n\n* * *\n\nPara two.\n***\nPara three.",
        None,
        [("Para one.", 1, 1), ("Para two.", 5, 5), ("Para three.", 7, 7)],
        id="thematic-breaks",
    ),
]


@pytest.mark.parametrize(("text", "title", "expected"), PARAGRAPH_CASES)
def test_markdown_paragraphs(text: str, title: str | None, expected: list[tuple[str, int, int]]) -> None:
    got = [(p.text, p.first, p.last) for p in markdown_paragraphs(_numbered(text), title=title)]
    assert got == expected


def test_markdown_lines_keep_numbers_and_breaks() -> None:
    out = markdown_lines(_numbered("# Head\ntext"), title=None)
    assert out == [(1, ""), (1, "Head"), (1, ""), (2, "text")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# The Title\n\nBody.", (1, "The Title")),
        ("\n\nThe *Title*\n=====\n\nBody.", (3, "The Title")),
        ("![Image 1](https://example.org/a.png)\n\n## After image", (3, "After image")),
        ("Body first.\n\n# Late heading", None),
        ("", None),
    ],
)
def test_first_heading(text: str, expected: tuple[int, str] | None) -> None:
    assert first_heading(_numbered(text)) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        "[" * 100_000,
        "*a" * 50_000,
        "**a" * 40_000,
        "_a " * 40_000,
        "![" * 50_000,
        "[a](" * 30_000,
        "[a](b(" * 20_000,
        "<!--" * 30_000,
        "# " + " " * 100_000 + "x",
        "`" * 100_000,
        "~~a" * 40_000,
        "- - " * 30_000 + "x",
    ],
    ids=lambda s: repr(s[:8]),
)
def test_hostile_lines_run_in_linear_time(hostile: str) -> None:
    start = time.perf_counter()
    markdown_paragraphs([(1, hostile), (2, hostile)], title="a title")
    strip_inline(hostile)
    strip_inline("x " + hostile)
    assert time.perf_counter() - start < 5.0
