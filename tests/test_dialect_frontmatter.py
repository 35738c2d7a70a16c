"""The front-matter dialect: fences, key table, value shapes, capture times, file-name dates."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsclip import parse_text
from newsclip.dialects import detect, frontmatter
from newsclip.settings import Settings

from .conftest import FIXTURES

FRONT = Settings(dialect="frontmatter")
FIXTURE_FILES = sorted(p for p in (FIXTURES / "frontmatter").iterdir() if p.suffix != ".json")

PLAIN_STACK = """Council Votes to Close Market Street to Cars

By Hannah Field

March 3, 2025

The city council voted 31 to 9 on Monday night to close Market Street to cars from next spring.
"""

PLAIN_LABELS = """Title: Council Votes to Close Market Street to Cars
Author: Hannah Field
Date: 2025-03-03
URL: https://citydesk.example/market-street

The city council voted 31 to 9 on Monday night.
"""

MARKDOWN_SEPARATOR = """# Council Votes to Close Market Street

**By Hannah Field**

---

The city council voted 31 to 9 on Monday night.
"""

HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>{\"title\": 1}</p></body></html>\n"


def _one(text: str, source: str = "post.md"):
    articles = parse_text(text, source=source, settings=FRONT)
    assert len(articles) == 1
    return articles[0]


def _yaml(meta: str, body: str = "Body text of the post.") -> str:
    return f"---\n{meta}\n---\n{body}\n"


# --- sniffing -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixtures_are_sniffed_as_frontmatter(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert frontmatter.sniff(text) >= 0.8
    assert detect(text, path.name).NAME == "frontmatter"


@pytest.mark.parametrize(
    "text",
    [PLAIN_STACK, PLAIN_LABELS, MARKDOWN_SEPARATOR, HTML_PAGE, "", "---\nJust a rule, then text.\n---\nMore.",
     "---\nNote: this story was updated.\nIt now has more detail.\n---\nBody."],
    ids=["plain-stack", "plain-labels", "markdown-separator", "html", "empty", "rules-without-keys",
         "prose-between-rules"],
)
def test_other_layouts_are_not_claimed(text: str) -> None:
    assert frontmatter.sniff(text) <= 0.3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: A\n---\nBody", frontmatter.rules.SNIFF_STRONG),
        ("\n\n---\nlayout: post\nTitle: A\n...\nBody", frontmatter.rules.SNIFF_STRONG),
        ("---\nfoo: 1\nbar: 2\n---\nBody", frontmatter.rules.SNIFF_WEAK),
        ("+++\ntitle = \"A\"\n+++\nBody", frontmatter.rules.SNIFF_STRONG),
        ('{\n  "title": "A",\n  "date": "2025-01-01"\n}\nBody', frontmatter.rules.SNIFF_JSON),
        ('{"foo": 1}\nBody', 0.0),
        ("---\ntitle: A\nno closing fence\n", 0.0),
    ],
    ids=["yaml", "yaml-dots-closer", "yaml-unknown-keys", "toml", "json", "json-unknown-keys", "unclosed"],
)
def test_sniff_scores(text: str, expected: float) -> None:
    assert frontmatter.sniff(text) == expected


# --- blocks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "first", "last", "body_start"),
    [
        ("---\ntitle: A\n---\nBody", "yaml", 1, 3, 3),
        ("\n---\ntitle: A\n...\n\nBody", "yaml", 2, 4, 4),
        ("+++\ntitle = 'A'\n+++\nBody", "toml", 1, 3, 3),
        ('{\n "title": "A"\n}\nBody', "json", 1, 3, 3),
        ('{"title": "A"}\nBody', "json", 1, 1, 1),
    ],
)
def test_find_block(text: str, kind: str, first: int, last: int, body_start: int) -> None:
    block = frontmatter.find_block(text, text.split("\n"))
    assert block is not None
    assert (block.kind, block.first, block.last, block.body_start) == (kind, first, last, body_start)


@pytest.mark.parametrize("text", ["Body only", "---\ntitle: A\n", '{"title": "A"', "[1, 2]\nBody", ""])
def test_find_block_none(text: str) -> None:
    assert frontmatter.find_block(text, text.split("\n")) is None


@pytest.mark.parametrize(
    ("meta", "warning"),
    [
        ("title: A\nx: !!python/object/apply:os.system [\"echo hi\"]",
         "front matter has an unsupported YAML tag (!!python/object/apply:os.system); read as plain key: value lines"),
        ("title: A\nx: !!python/name:os.system", 
         "front matter has an unsupported YAML tag (!!python/name:os.system); read as plain key: value lines"),
        ("title: A\nauthor: [unclosed", "front matter is not valid YAML (line 3); read as plain key: value lines"),
        ("- a list\n- not a mapping", "front matter is not a mapping; ignored"),
    ],
    ids=["python-object", "python-name", "syntax", "list"],
)
def test_bad_yaml_warns_and_parsing_goes_on(meta: str, warning: str) -> None:
    article = _one(_yaml(meta, "The body survives."))
    assert warning in article.warnings
    assert article.body == "The body survives."


def test_fallback_reads_simple_pairs_when_yaml_refuses() -> None:
    meta = ('title: "Seed bank opens"\nauthor:\n  - Greta Hollis\n  - !!python/object:os.system x\n'
            "date: 2025-03-02 # first day\nbad: !!python/object/new:os.system [ls]")
    article = _one(_yaml(meta))
    assert article.headline == "Seed bank opens"
    assert list(article.authors) == ["Greta Hollis"]
    assert article.date == "2025-03-02"


# --- TOML -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('title = "A \\"quoted\\" title"', {"title": 'A "quoted" title'}),
        ("title = 'C:\\raw'", {"title": "C:\\raw"}),
        ('authors = ["Ann Lee", "Bo Park"]', {"authors": ["Ann Lee", "Bo Park"]}),
        ('authors = [\n  "Ann Lee",\n  "Bo Park",\n]', {"authors": ["Ann Lee", "Bo Park"]}),
        ("draft = false\nweight = 10\nratio = 1.5", {"draft": False, "weight": 10, "ratio": 1.5}),
        ("date = 2025-01-15T08:30:00+01:00 # a comment", {"date": "2025-01-15T08:30:00+01:00"}),
        ('# comment\ntitle = "A"\n[params]\nsubtitle = "B"', {"title": "A", "params": {"subtitle": "B"}}),
        ('"quoted key" = "v"\nescape = "caf\\u00e9\\tbar"', {"quoted key": "v", "escape": "café\tbar"}),
        ('author = { name = "Jane Doe", url = "https://a.example" }',
         {"author": {"name": "Jane Doe", "url": "https://a.example"}}),
        ('title = "A"\nbroken = = =\nempty =', {"title": "A"}),
        ("not toml at all", {}),
    ],
)
def test_toml_fallback(text: str, expected: dict) -> None:
    assert frontmatter.parse_toml_fallback(text) == expected


@pytest.mark.parametrize("has_tomllib", [True, False], ids=["tomllib", "line-reader"])
def test_toml_front_matter_with_either_reader(monkeypatch: pytest.MonkeyPatch, has_tomllib: bool) -> None:
    monkeypatch.setattr(frontmatter, "HAS_TOMLLIB", has_tomllib)
    text = ('+++\ntitle = "Orchard"\ndate = 2025-01-15T08:30:00+01:00\nauthors = ["Ann Lee", "Bo Park"]\n'
            'author = { name = "Someone Else" }\n+++\nBody.')
    article = _one(text)
    assert (article.headline, article.date) == ("Orchard", "2025-01-15T08:30:00+01:00")
    assert list(article.authors) == ["Ann Lee", "Bo Park"]
    assert article.warnings == ()


def test_invalid_toml_with_the_line_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frontmatter, "HAS_TOMLLIB", False)
    article = _one('+++\ntitle = "Orchard"\nbroken = = =\n+++\nBody.')
    assert article.headline == "Orchard"
    assert "front matter is not valid TOML (line 3); read line by line" in article.warnings


def test_toml_block_reads_dates_as_iso() -> None:
    text = '+++\ntitle = "Orchard"\ndate = 2025-01-15\nlastmod = 2025-01-16T12:00:00Z\n+++\nBody.'
    article = _one(text)
    assert (article.headline, article.date, article.updated) == ("Orchard", "2025-01-15", "2025-01-16T12:00:00+00:00")


def test_invalid_toml_falls_back_with_a_warning() -> None:
    article = _one('+++\ntitle = "Orchard"\nbroken = = =\n+++\nBody.')
    assert article.headline == "Orchard"
    assert any(w.startswith("front matter is not valid TOML") for w in article.warnings)


# --- keys and values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "field", "expected"),
    [
        ("Title: A headline", "headline", "A headline"),
        ("headline: A headline", "headline", "A headline"),
        ("pubDate: 2025-02-04", "date", "2025-02-04"),
        ("publish_date: 2025-02-04", "date", "2025-02-04"),
        ("datePublished: '2025-02-04T10:00:00+02:00'", "date", "2025-02-04T10:00:00+02:00"),
        ("published: 2025-02-04 10:00:00", "date", "2025-02-04T10:00:00"),
        ("date: 2025-02-04T10:00:00Z", "date", "2025-02-04T10:00:00+00:00"),
        ("date: 2025-03-14 09:30:00 +0100", "date", "2025-03-14T09:30:00+01:00"),
        ("modified_time: 2025-02-05", "updated", "2025-02-05"),
        ("lastmod: 2025-02-05", "updated", "2025-02-05"),
        ("dateModified: 2025-02-05", "updated", "2025-02-05"),
        ("Original_URL: https://a.example/story?utm_campaign=x", "url", "https://a.example/story"),
        ("canonical: https://a.example/story", "url", "https://a.example/story"),
        ("permalink: /2025/02/story/", "url", None),
        ("excerpt: A short dek.", "subheadline", "A short dek."),
        ("subtitle: A short dek.", "subheadline", "A short dek."),
        ("lang: en-US", "language", "en"),
        ("locale: pt_BR", "language", "pt"),
        ("language: English", "language", None),
        ("title: ''", "headline", None),
        ("title:", "headline", None),
        ("title: null", "headline", None),
        ("title: None", "headline", None),
    ],
)
def test_key_table(meta: str, field: str, expected: str | None) -> None:
    article = _one(_yaml(meta))
    assert getattr(article, field) == expected


@pytest.mark.parametrize(
    ("meta", "byline", "authors", "agencies"),
    [
        ("author: Jane Doe", "Jane Doe", ["Jane Doe"], []),
        ("author: Jane Doe; John Roe", "Jane Doe, John Roe", ["Jane Doe", "John Roe"], []),
        ("authors: [Jane Doe, John Roe]", "Jane Doe, John Roe", ["Jane Doe", "John Roe"], []),
        ('author: "[[Jane Doe]]"', "Jane Doe", ["Jane Doe"], []),
        ('author:\n  - "[[Jane Doe|Jane]]"\n  - "[[John Roe]]"', "Jane Doe, John Roe", ["Jane Doe", "John Roe"], []),
        ("author:\n  name: Jane Doe\n  url: https://a.example/jane", "Jane Doe", ["Jane Doe"], []),
        ("authors:\n  - name: Jane Doe\n  - name: John Roe", "Jane Doe, John Roe", ["Jane Doe", "John Roe"], []),
        ("creator: AFP", "AFP", [], ["AFP"]),
        ("byline: Jane Doe and John Roe", "Jane Doe, John Roe", ["Jane Doe", "John Roe"], []),
        ("author: ''", None, [], []),
        ("author: []", None, [], []),
    ],
)
def test_author_shapes(meta: str, byline: str | None, authors: list[str], agencies: list[str]) -> None:
    article = _one(_yaml(meta))
    assert article.byline == byline
    assert list(article.authors) == authors
    assert list(article.agencies) == agencies


@pytest.mark.parametrize(
    ("meta", "url", "agencies"),
    [
        ("source: https://a.example/story", "https://a.example/story", []),
        ("source: Reuters", None, ["Reuters"]),
        ("source: The Valley Gazette", None, []),
        ("publisher: Reuters", None, []),
    ],
)
def test_source_is_a_url_or_an_agency(meta: str, url: str | None, agencies: list[str]) -> None:
    article = _one(_yaml(meta))
    assert article.url == url
    assert list(article.agencies) == agencies


def test_site_name_cleans_the_headline() -> None:
    article = _one(_yaml("title: Smoke closes schools | Valley Gazette\nsitename: Valley Gazette"))
    assert article.headline == "Smoke closes schools"


@pytest.mark.parametrize(
    ("meta", "source", "date", "warned"),
    [
        ("created: 2025-01-06T21:14:33+01:00", "clip.md", None, True),
        ("clipped: 2025-01-06", "clip.md", None, True),
        ("created: 2025-01-06\npublished: 2024-09-18", "clip.md", "2024-09-18", False),
        ("created: 2025-01-06", "2024-09-18-story.md", "2024-09-18", False),
        ("title: A", "2024-09-18-story.md", "2024-09-18", False),
        ("date: 2024-10-01", "2024-09-18-story.md", "2024-10-01", False),
        ("title: A", "posts/2024-02-30-story.md", None, False),
        ("title: A", "notes-2024-09-18.md", None, False),
        ("title: A", "-", None, False),
    ],
)
def test_capture_times_and_file_name_dates(meta: str, source: str, date: str | None, warned: bool) -> None:
    article = _one(_yaml(meta), source=source)
    assert article.date == date
    captured = [w for w in article.warnings if "capture time" in w]
    assert bool(captured) is warned


def test_file_name_date_provenance() -> None:
    article = _one(_yaml("title: A"), source="/blog/_posts/2023-07-04-parade.markdown")
    assert article.date == "2023-07-04"
    assert article.provenance["date"].rule == "filename-date"
    assert article.provenance["date"].lines is None


# --- body -----------------------------------------------------------------------------------


def test_repeated_title_heading_dropped_and_lines_kept() -> None:
    text = "---\ntitle: Harbour lights\n---\n\n# Harbour lights\n\nFirst paragraph.\n\nSecond paragraph."
    article = _one(text)
    assert article.body == "First paragraph.\n\nSecond paragraph."
    assert article.provenance["body"].lines == (7, 9)
    assert article.provenance["headline"].lines == (2, 2)


def test_first_heading_is_the_headline_without_a_title_key() -> None:
    article = _one("---\nauthor: Jane Doe\n---\n# Harbour lights\n\nFirst paragraph.")
    assert article.headline == "Harbour lights"
    assert article.provenance["headline"].rule == "body-heading"
    assert article.body == "First paragraph."


def test_json_record_with_body_inside() -> None:
    text = '{"title": "Orchard", "content": "<p>First part.</p><p>Second &amp; last.</p>"}\n'
    article = _one(text)
    assert article.headline == "Orchard"
    assert article.body == "First part.\n\nSecond & last."


def test_key_line_spans_for_lists() -> None:
    text = "---\ntitle: A\nauthor:\n  - Ann Lee\n  - Bo Park\ndate: 2025-01-01\n---\nBody."
    article = _one(text)
    assert article.provenance["authors"].lines == (3, 5)
    assert article.provenance["date"].lines == (6, 6)


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "---\n---\n",
        "---\n: : :\n---\nBody",
        "---\ntitle: &a [*a]\n---\nBody",
        "---\n" + "a: [" * 2000 + "\n---\nBody",
        '{"title": ' * 2000,
        "+++\n" + 'x = "' * 5000 + "\n+++\n",
        "---\ntitle: A\n---\n" + "**a" * 30_000,
        "---\ndate: 99999-99-99\nauthor: {a: {b: {c: 1}}}\ntitle: [1, 2]\n---\nBody",
    ],
    ids=["empty-block", "colons", "alias", "deep-yaml", "deep-json", "hostile-toml", "hostile-body", "odd-values"],
)
def test_odd_inputs_do_not_raise(text: str) -> None:
    start = time.perf_counter()
    articles = parse_text(text, source="x.md", settings=FRONT)
    assert len(articles) <= 1
    assert time.perf_counter() - start < 5.0
