"""The html dialect: sniffing, JSON-LD repair, metadata choice, body extraction, robustness."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsclip import parse_text
from newsclip.dialects import detect, html
from newsclip.dialects.html_body import LineFinder
from newsclip.dialects.html_meta import load_jsonld, tokens
from newsclip.settings import Settings

from .conftest import FIXTURES

HTML = Settings(dialect="html")
FIXTURE_FILES = sorted(p for p in (FIXTURES / "html").iterdir() if p.suffix == ".html")

PLAIN_STACK = """Ferry Service Resumes After Winter Break

By Ola Brandt

April 2, 2025

The ferry between the two islands started running again on Tuesday after four months in dry dock.

Islanders had been driving the long way round since December.
"""

PLAIN_LABELS = """Title: Ferry Service Resumes After Winter Break
Author: Ola Brandt
Date: 2025-04-02
URL: https://islandnews.example/ferry-resumes

The ferry between the two islands started running again on Tuesday after four months in dry dock.
"""

PLAIN_WITH_TAGS = """Ferry Service Resumes After <b>Winter</b> Break

By <u>Ola Brandt</u>

The ferry between the two islands started running again on Tuesday &amp; islanders cheered.
"""


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _one(text: str):
    articles = parse_text(text, source="page.html", settings=HTML)
    assert len(articles) == 1
    return articles[0]


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


LONG_1 = "The new bridge opened on Friday after three years of work, and the first cyclists crossed it before dawn."
LONG_2 = "The council said the crossing would cut the ride between the two districts from twenty minutes to six."
LONG_3 = "Shops on the east bank hope the bridge will bring back customers who stopped coming during the works."


# --- sniffing -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixtures_are_sniffed_as_html(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert html.sniff(text) >= 0.8
    assert detect(text, path.name).NAME == "html"
    assert detect(text, "page.txt").NAME == "html"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", 0.9, 1.0),
        ("\n  <!-- saved page -->\n<!doctype HTML>\n<html>", 0.9, 1.0),
        ("<html lang='en'><body>text</body></html>", 0.9, 1.0),
        ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', 0.9, 1.0),
        ("<head><title>A page</title></head><body><p>Text</p></body>", 0.85, 1.0),
        ("<style>.a{color:red}</style>\n<div class='x'><p>Fragment of a page</p></div>", 0.6, 1.0),
        ("<div><p>First paragraph.</p><p>Second paragraph.</p></div>", 0.6, 1.0),
        (PLAIN_STACK, 0.0, 0.0),
        (PLAIN_LABELS, 0.0, 0.0),
        (PLAIN_WITH_TAGS, 0.0, 0.3),
        ("", 0.0, 0.0),
    ],
)
def test_sniff_scores(text: str, low: float, high: float) -> None:
    assert low <= html.sniff(text) <= high


@pytest.mark.parametrize("text", [PLAIN_STACK, PLAIN_LABELS, PLAIN_WITH_TAGS])
def test_plain_text_is_not_claimed(text: str) -> None:
    assert html.sniff(text) <= 0.3
    assert detect(text, "article.txt").NAME != "html"


# --- JSON-LD --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "status", "headline"),
    [
        ('{"@type": "NewsArticle", "headline": "Clean"}', "ok", "Clean"),
        ('{"@type": "NewsArticle", "headline": "Trailing",}', "repaired", "Trailing"),
        ('<!-- {"@type": "NewsArticle", "headline": "Commented"} -->', "repaired", "Commented"),
        ('//<![CDATA[\n{"@type": "Article", "headline": "Cdata"}\n//]]>', "repaired", "Cdata"),
        ('{"@type": "Article", "headline": "Tab\tinside"}', "ok", "Tab\tinside"),
        ('{"@type": "Article", "headline": "First"} {"@type": "Person", "name": "X"}', "repaired", "First"),
    ],
)
def test_load_jsonld_repairs(raw: str, status: str, headline: str) -> None:
    data, got = load_jsonld(raw)
    first = data[0] if isinstance(data, list) else data
    assert got == status
    assert first["headline"] == headline


def test_load_jsonld_salvages_fields_from_unparsable_json() -> None:
    data, status = load_jsonld('{"@type": "NewsArticle", "headline": "Saved "quoted" word", '
                               '"datePublished": "2024-02-03", "author": {"name": "Ines Roy"} ,,, ')
    assert status == "repaired"
    assert data["datePublished"] == "2024-02-03"
    assert data["author"] == {"name": "Ines Roy"}


@pytest.mark.parametrize("raw", ["{", "not json at all", "[[[", '{"a": }'])
def test_load_jsonld_gives_up_quietly(raw: str) -> None:
    assert load_jsonld(raw) == (None, "broken")


def test_jsonld_graph_with_author_reference() -> None:
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebPage", "name": "Page name", "datePublished": "2020-01-01"},'
        '{"@type": "BlogPosting", "headline": "Post title", "datePublished": "2023-09-09T10:00:00Z",'
        ' "author": [{"@id": "#p1"}, {"@id": "#p2"}]},'
        '{"@type": "Person", "@id": "#p1", "name": "Ana Lima"},'
        '{"@type": "Person", "@id": "#p2", "name": "Rui Costa"}]}'
    )
    page = _page(_paragraphs(LONG_1, LONG_2, LONG_3), f'<script type="application/ld+json">{graph}</script>')
    article = _one(page)
    assert article.headline == "Post title"
    assert article.authors == ("Ana Lima", "Rui Costa")
    assert article.date == "2023-09-09T10:00:00+00:00"
    assert article.provenance["date"].rule == "jsonld-date"


def test_jsonld_top_level_list_and_organisation_author() -> None:
    data = ('[{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "headline": "Wire copy",'
            ' "author": {"@type": "Organization", "name": "Associated Press"}}]')
    article = _one(_page(_paragraphs(LONG_1, LONG_2), f'<script type="application/ld+json">{data}</script>'))
    assert article.headline == "Wire copy"
    assert article.authors == ()
    assert article.agencies == ("AP",)


def test_broken_jsonld_does_not_stop_the_page() -> None:
    page = _page(
        "<h1>Still parsed</h1>" + _paragraphs(LONG_1, LONG_2),
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>',
    )
    article = _one(page)
    assert article.headline == "Still parsed"
    assert "malformed JSON-LD ignored" in article.warnings


# --- metadata choice ------------------------------------------------------------------------


def test_article_author_url_is_not_a_name() -> None:
    head = ('<meta property="article:author" content="https://www.facebook.com/someone">'
            '<meta name="author" content="Kim Sato">')
    article = _one(_page(_paragraphs(LONG_1, LONG_2), head))
    assert article.authors == ("Kim Sato",)
    assert article.provenance["authors"].rule == "meta-author"


def test_site_name_as_meta_author_is_not_a_byline() -> None:
    head = '<meta property="og:site_name" content="Harbour Times"><meta name="author" content="Harbour Times">'
    body = '<h1>Bridge opens</h1><p class="byline">By Lena Vogt</p>' + _paragraphs(LONG_1, LONG_2)
    article = _one(_page(body, head))
    assert article.authors == ("Lena Vogt",)
    assert article.provenance["authors"].rule == "byline-element"


def test_comment_author_is_not_the_byline() -> None:
    body = (
        "<article><h1>Bridge opens</h1>" + _paragraphs(LONG_1, LONG_2, LONG_3) + "</article>"
        '<div class="comments"><div class="comment-author vcard">Grumpy Neighbour</div>'
        "<p>I preferred the ferry, to be honest, it was slower but far more pleasant.</p></div>"
    )
    article = _one(_page(body))
    assert article.authors == ()
    assert "Grumpy Neighbour" not in (article.body or "")


@pytest.mark.parametrize(
    ("head", "body", "expected", "rule"),
    [
        # <h1> agrees with og:title
        ('<meta property="og:title" content="Bridge opens">', "<h1>Bridge opens</h1>", "Bridge opens", "h1"),
        # the <title> carries the site name; the visible heading wins
        ("<title>Bridge opens at last | Harbour Times</title>", "<h1>Bridge opens at last</h1>",
         "Bridge opens at last", "h1"),
        # a logo <h1> linking home is not the headline; the <h2> agrees with the <title>
        ("<title>Bridge opens at last – Harbour Times</title>",
         '<h1><a href="/">Harbour Times</a></h1><h2>Bridge opens at last</h2>', "Bridge opens at last", "h2"),
        # a kicker inside the heading is left out
        ('<meta property="og:title" content="Bridge opens at last">',
         '<h1><span class="kicker">Traffic</span> Bridge opens at last</h1>', "Bridge opens at last", "h1"),
        # no heading: the cleaned <title>
        ('<title>Bridge opens at last | Harbour Times</title><meta property="og:site_name" content="Harbour Times">',
         "", "Bridge opens at last", "title-tag"),
    ],
)
def test_headline_by_agreement(head: str, body: str, expected: str, rule: str) -> None:
    article = _one(_page(body + _paragraphs(LONG_1, LONG_2), head))
    assert article.headline == expected
    assert article.provenance["headline"].rule == rule


@pytest.mark.parametrize(
    ("head", "body", "date", "rule"),
    [
        ('<meta property="article:published_time" content="2022-05-06T07:00:00+02:00">', "",
         "2022-05-06T07:00:00+02:00", "article-published-time"),
        ('<meta name="pubdate" content="20220506">', "", "2022-05-06", "meta-date"),
        ("", '<time itemprop="datePublished" datetime="2022-05-06">6 May</time>', "2022-05-06", "microdata-date"),
        ("", '<p class="meta"><time datetime="2022-05-06T09:30">6 May 2022</time></p>', "2022-05-06T09:30:00",
         "time-element"),
        ("", '<div class="post-date">6 May 2022</div>', "2022-05-06", "date-element"),
    ],
)
def test_date_sources(head: str, body: str, date: str, rule: str) -> None:
    article = _one(_page("<h1>Bridge opens</h1>" + body + _paragraphs(LONG_1, LONG_2), head))
    assert article.date == date
    assert article.provenance["date"].rule == rule


def test_date_from_url_path_is_the_last_resort() -> None:
    head = '<link rel="canonical" href="https://harbourtimes.example/2021/07/30/bridge-opens/">'
    article = _one(_page("<h1>Bridge opens</h1>" + _paragraphs(LONG_1, LONG_2), head))
    assert article.date == "2021-07-30"
    assert article.provenance["date"].rule == "url-date"


@pytest.mark.parametrize(
    ("raw", "code"),
    [("de-DE", "de"), ("en_US", "en"), ("FR", "fr"), ("fra", "fr"), ("iw", "he"), ("pt-BR", "pt"),
     ("x", None), ("english", None), ("", None), (None, None), ("zh-Hant-TW", "zh")],
)
def test_language_code(raw: str | None, code: str | None) -> None:
    assert html.language_code(raw) == code


def test_relative_canonical_is_resolved_against_the_page_address() -> None:
    head = ('<meta property="og:url" content="https://harbourtimes.example/">'
            '<link rel="canonical" href="/news/bridge-opens">')
    article = _one(_page(_paragraphs(LONG_1, LONG_2), head))
    assert article.url == "https://harbourtimes.example/news/bridge-opens"


def test_url_from_share_button_when_nothing_else_names_the_page() -> None:
    share = ('<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fharbourtimes.example'
             '%2Fnews%2Fbridge-opens">Share</a>')
    article = _one(_page("<h1>Bridge opens</h1>" + _paragraphs(LONG_1, LONG_2) + share))
    assert article.url == "https://harbourtimes.example/news/bridge-opens"
    assert article.provenance["url"].rule == "share-link"


# --- body -----------------------------------------------------------------------------------


def test_body_skips_navigation_share_related_and_comments() -> None:
    body = (
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        '<div class="share-buttons"><a href="#">Share this article on social media</a></div>'
        "<article><h1>Bridge opens</h1>" + _paragraphs(LONG_1, LONG_2, LONG_3) + "</article>"
        '<div class="related-articles"><h3>More news</h3><p>Another story about the city that is long enough.</p></div>'
        '<section id="comments"><p>A comment by a reader that goes on for quite a while about the bridge.</p></section>'
        "<footer><p>Copyright Harbour Times, all rights reserved, registered in the harbour district.</p></footer>"
    )
    article = _one(_page(body))
    assert article.body == "\n\n".join([LONG_1, LONG_2, LONG_3])


def test_body_drops_link_lists_inside_the_article() -> None:
    links = "<ul>" + "".join(f'<li><a href="/s{i}">Other story number {i}</a></li>' for i in range(5)) + "</ul>"
    article = _one(_page('<div class="article-body">' + _paragraphs(LONG_1, LONG_2) + links + "</div>"))
    assert article.body == "\n\n".join([LONG_1, LONG_2])


def test_body_keeps_text_in_divs_without_paragraph_tags() -> None:
    body = f'<div class="content"><div>{LONG_1}</div><div>{LONG_2}<br><br>{LONG_3}</div></div>'
    article = _one(_page("<h1>Bridge opens</h1>" + body))
    assert article.body == "\n\n".join([LONG_1, LONG_2, LONG_3])


def test_wrapper_with_furniture_class_is_kept_when_it_holds_the_article() -> None:
    body = '<div class="layout has-sidebar">' + _paragraphs(LONG_1, LONG_2, LONG_3) + "</div>"
    article = _one(_page(body))
    assert article.body == "\n\n".join([LONG_1, LONG_2, LONG_3])


def test_jsonld_article_body_when_the_page_text_is_missing() -> None:
    text = " ".join([LONG_1, LONG_2, LONG_3, LONG_1, LONG_2])
    data = f'{{"@type": "NewsArticle", "headline": "Bridge opens", "articleBody": "{text}"}}'
    article = _one(_page('<div id="app"></div>', f'<script type="application/ld+json">{data}</script>'))
    assert article.body == text
    assert article.provenance["body"].rule == "jsonld-article-body"


def test_body_line_numbers_point_at_the_paragraphs() -> None:
    page = "\n".join([
        "<!DOCTYPE html>",
        "<html><head><title>Bridge opens</title></head>",
        "<body>",
        "<h1>Bridge opens</h1>",
        f"<p>{LONG_1}</p>",
        f"<p>{LONG_2}</p>",
        "</body></html>",
    ])
    article = parse_text(page, source="page.html", settings=HTML)[0]
    assert article.provenance["body"].lines == (5, 6)
    assert article.provenance["headline"].lines == (4, 4)


def test_line_finder_moves_forward_and_survives_misses() -> None:
    source = "<body>\n<p>alpha beta gamma delta</p>\n<p>epsilon &amp; zeta eta theta</p>\n<p>iota kappa lambda mu</p>"
    finder = LineFinder(source)
    assert finder.span("alpha beta gamma delta") == (2, 2)
    assert finder.span("epsilon & zeta eta theta") == (3, 3)
    assert finder.span("not in the page at all") == (3, 3)
    assert finder.span("iota kappa lambda mu") == (4, 4)


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"class": ["articleBody"]}, {"article", "body", "articlebody"}),
        ({"class": ["tag-steve-jobs", "post"]}, {"post"}),
        ({"id": "main_content"}, {"main", "content", "maincontent"}),
        ({"class": ["author-bio"], "id": "x"}, {"author", "bio", "authorbio", "x"}),
    ],
)
def test_class_tokens(attrs: dict, expected: set[str]) -> None:
    from bs4 import BeautifulSoup

    tag = BeautifulSoup("<div></div>", "html.parser").div
    tag.attrs = attrs
    assert set(tokens(tag)) == expected


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<html>",
        "<html><body></body></html>",
        "<!DOCTYPE html><html><head><script type='application/ld+json'>[1, 2, {}]</script></head></html>",
        "<html><head><meta property='og:url' content='javascript:alert(1)'></head><body><p>x</p></body></html>",
        "<html><body>" + "<div>" * 3000 + "deep text" + "</div>" * 3000 + "</body></html>",
        "<html><body><p>" + "word " * 50000 + "</p></body></html>",
        "<html><body>" + "<p>a</p>" * 20000 + "</body></html>",
        '<!DOCTYPE html SYSTEM "http://example.invalid/evil.dtd"><html><body><p>&ent; ok</p></body></html>',
        "<html><body><time datetime='not a date'>soon</time><h1></h1><h1>   </h1></body></html>",
    ],
    ids=["bare-html", "empty-body", "jsonld-of-numbers", "script-url", "3000-nested-divs", "huge-paragraph",
         "20000-paragraphs", "external-dtd", "empty-headings"],
)
def test_odd_pages_do_not_raise(text: str) -> None:
    articles = parse_text(text, source="page.html", settings=HTML)
    assert len(articles) <= 1


def test_one_megabyte_single_line_parses_quickly() -> None:
    para = "<p>" + "Residents said the bridge was long overdue, " * 40 + "</p>"
    page = "<html><head><title>Big page</title></head><body>" + para * 600 + "</body></html>"
    assert "\n" not in page and len(page) > 900_000
    start = time.perf_counter()
    article = _one(page)
    assert time.perf_counter() - start < 20
    assert article.word_count > 100_000


def test_nothing_is_fetched_for_external_references(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = (
        '<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd"><html><head>'
        '<link rel="stylesheet" href="http://example.invalid/a.css">'
        '<script src="http://example.invalid/a.js"></script></head>'
        '<body><img src="http://example.invalid/a.png"><iframe src="http://example.invalid/"></iframe>'
        + _paragraphs(LONG_1, LONG_2) + "</body></html>"
    )
    assert _one(page).body == "\n\n".join([LONG_1, LONG_2])
