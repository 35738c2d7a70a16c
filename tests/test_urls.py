"""URLs: breakage from text dumps and e-mails repaired, canonical form, tracking dropped."""

from __future__ import annotations

import time

import pytest

from newsclip.fields.urls import find_urls, normalize_url, repair_url, site_of, strip_tracking, url_from_lines

REPAIRED = ["url repaired"]

# (raw, canonical url or None, warnings)
BREAKAGE = [
    # stray spaces
    ("https://www.example.com/2025/02/04/storm-hits-the-coast-releas e-a87847",
     "https://www.example.com/2025/02/04/storm-hits-the-coast-release-a87847", REPAIRED),
    ("https://www.example.com/news/storm-hi ts-the-co ast-a12345",
     "https://www.example.com/news/storm-hits-the-coast-a12345", REPAIRED),
    ("https://www.example.com/news/2025/ 02/04/storm", "https://www.example.com/news/2025/02/04/storm", REPAIRED),
    ("https://example.com/story?id=12 &page=2", "https://example.com/story?id=12&page=2", REPAIRED),
    ("https://example.com/a and more text", "https://example.com/a", []),
    ("https://example.com/a 10 things to know", "https://example.com/a", []),
    ("https://example.com/a (via Reuters)", "https://example.com/a", []),
    # e-mail soft breaks and quoted-printable
    ("https://example.com/news/storm-hits-=\nthe-coast", "https://example.com/news/storm-hits-the-coast", REPAIRED),
    ("https://example.com/news/storm=\r\n-hits", "https://example.com/news/storm-hits", REPAIRED),
    ("https://example.com/read?id=3D42&lang=3Den", "https://example.com/read?id=42&lang=en", REPAIRED),
    # line wraps
    ("https://example.com/news/\n2025/02/04/storm", "https://example.com/news/2025/02/04/storm", REPAIRED),
    ("https://example.com/news/storm-hits-the-co\nast", "https://example.com/news/storm-hits-the-coast", REPAIRED),
    ("https://example.com/a\u200b/b", "https://example.com/a/b", REPAIRED),
    # wrappers and trailing punctuation
    ("<https://example.com/a>", "https://example.com/a", []),
    ('"https://example.com/a"', "https://example.com/a", []),
    ("https://example.com/a.", "https://example.com/a", []),
    ("https://example.com/a),", "https://example.com/a", []),
    ("(https://example.com/a)", "https://example.com/a", []),
    ("https://en.wikipedia.org/wiki/Storm_(film)", "https://en.wikipedia.org/wiki/Storm_(film)", []),
    ("https://example.com/a?!", "https://example.com/a", []),
    ("https://example.com/a?x=1&amp;y=2", "https://example.com/a?x=1&y=2", []),
    ("URL: https://example.com/a", "https://example.com/a", []),
    # tracking parameters among real ones
    ("https://example.com/a?utm_source=tw&id=3&fbclid=XYZ&page=2&utm_medium=social",
     "https://example.com/a?id=3&page=2", []),
    ("https://example.com/a?utm_source=newsletter", "https://example.com/a", []),
    ("https://example.com/a?gclid=1&msclkid=2&mc_cid=3&mc_eid=4&igshid=5&_ga=6&yclid=7&ref_src=8&cmpid=9&ocid=10",
     "https://example.com/a", []),
    ("https://example.com/a?UTM_Campaign=spring&q=storm", "https://example.com/a?q=storm", []),
    # fragments: tracking ones dropped, others kept
    ("https://example.com/a#xtor=RSS-8", "https://example.com/a", []),
    ("https://example.com/a#:~:text=storm", "https://example.com/a", []),
    ("https://example.com/live#post-1234", "https://example.com/live#post-1234", []),
    # scheme, host and port
    ("www.example.com/a", "https://www.example.com/a", []),
    ("WWW.Example.COM/Path/To", "https://www.example.com/Path/To", []),
    ("HTTPS://EXAMPLE.COM/Storm", "https://example.com/Storm", []),
    ("https://example.com:443/a", "https://example.com/a", []),
    ("http://example.com:80/a", "http://example.com/a", []),
    ("https://example.com:8443/a", "https://example.com:8443/a", []),
    ("https://example.com", "https://example.com/", []),
    ("https://example.com/a?", "https://example.com/a", []),
    # not http(s) URLs
    ("mailto:jane.doe@example.com", None, []),
    ("javascript:alert(1)", None, []),
    ("ftp://example.com/file.txt", None, []),
    ("example.com/a", None, []),
    ("https://", None, []),
    ("https://localhost-nodot/a", None, []),
    ("https://example.com:99999999/a", None, []),
    ("", None, []),
    ("just some words", None, []),
]


@pytest.mark.parametrize(("raw", "url", "warnings"), BREAKAGE)
def test_normalize_url(raw, url, warnings):
    result = normalize_url(raw)
    if url is None:
        assert result is None
    else:
        assert result == (url, warnings)


def test_labelled_value_glues_a_short_tail_without_signs():
    raw = "https://example.com/news/storm-hits-the-coast-releas e"
    assert normalize_url(raw) == ("https://example.com/news/storm-hits-the-coast-releas", [])
    assert normalize_url(raw, labelled=True) == ("https://example.com/news/storm-hits-the-coast-release", REPAIRED)


@pytest.mark.parametrize("raw", [None, 3, ["https://example.com/"]])
def test_non_strings(raw):
    assert normalize_url(raw) is None
    assert repair_url(raw) == ""
    assert site_of(raw) is None
    assert find_urls(raw) == []


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("<https://Example.com/a?utm_source=x>.", "https://Example.com/a?utm_source=x"),
        ("https://example.com/a b-c", "https://example.com/ab-c"),
        ("https://example.com/a=\nb", "https://example.com/ab"),
    ],
)
def test_repair_url_does_not_canonicalise(raw, repaired):
    assert repair_url(raw) == repaired


@pytest.mark.parametrize(
    ("url", "stripped"),
    [
        ("https://example.com/a?utm_source=x&id=1&fbclid=2", "https://example.com/a?id=1"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"),
        ("https://example.com/a?utm_source=x", "https://example.com/a"),
        ("https://example.com/a?q=&x&utm_term=y", "https://example.com/a?q=&x"),
        ("https://example.com/a?id=1#xtor=RSS-8", "https://example.com/a?id=1"),
        ("https://example.com/a#section", "https://example.com/a#section"),
        ("https://example.com/a", "https://example.com/a"),
    ],
)
def test_strip_tracking(url, stripped):
    assert strip_tracking(url) == stripped


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.themoscowtimes.com/2025/02/04/a", "themoscowtimes.com"),
        ("https://WWW.Example.co.uk:8080/a", "example.co.uk"),
        ("https://m.example.com/a", "m.example.com"),
        ("https://edition.example.com/", "edition.example.com"),
        ("www.example.com/a", "example.com"),
        ("https://user@example.org/a", "example.org"),
        ("not a url", None),
        ("", None),
    ],
)
def test_site_of(url, site):
    assert site_of(url) == site


def test_find_urls_spans():
    text = "See https://example.com/a. Also (www.example.org/b) and http://example.net/c?d=1, done."
    found = find_urls(text)
    assert found == [
        ("https://example.com/a", 4, 25),
        ("www.example.org/b", 33, 50),
        ("http://example.net/c?d=1", 56, 80),
    ]
    for url, start, end in found:
        assert text[start:end] == url


def test_find_urls_keeps_breakage():
    assert find_urls("Original url: https://example.com/storm-releas e-a1") == [
        ("https://example.com/storm-releas", 14, 46)
    ]
    assert find_urls("no links here") == []
    assert find_urls("e-mail jane@www.example.com") == []


# (lines, start, expected raw, last line index)
FROM_LINES = [
    (["Original url: https://www.example.com/2025/02/04/storm-hits-the-coast-and-wr",
      "ecks-homes-a12345", "", "Next paragraph."],
     0, "https://www.example.com/2025/02/04/storm-hits-the-coast-and-wr\necks-homes-a12345", 1),
    (["URL: https://example.com/news/", "2025/02/04/storm"], 0, "https://example.com/news/\n2025/02/04/storm", 1),
    (["Link: https://example.com/read?id=42&tok=", "abc123"], 0, "https://example.com/read?id=42&tok=\nabc123", 1),
    (["https://example.com/news/storm-hits-the-coast-releas e-a87847"], 0,
     "https://example.com/news/storm-hits-the-coast-releas e-a87847", 0),
    (["https://example.com/a and more text", "next-line"], 0, "https://example.com/a", 0),
    (["https://www.example.com/news/a-rather-long-storm-story-a1", "2025-02-04"], 0,
     "https://www.example.com/news/a-rather-long-storm-story-a1", 0),
    (["https://www.example.com/news/a-rather-long-storm-story-a1", "Advertisement"], 0,
     "https://www.example.com/news/a-rather-long-storm-story-a1", 0),
    (["https://www.example.com/news/a-rather-long-storm-story-a1", "Date: 2025-02-04"], 0,
     "https://www.example.com/news/a-rather-long-storm-story-a1", 0),
    (["https://example.com/short", "word"], 0, "https://example.com/short", 0),
    (["Title: Storm", "Source: https://example.com/a/", "b-c", ""], 1, "https://example.com/a/\nb-c", 2),
]


@pytest.mark.parametrize(("lines", "start", "raw", "last"), FROM_LINES)
def test_url_from_lines(lines, start, raw, last):
    assert url_from_lines(lines, start) == (raw, last)


def test_url_from_lines_then_normalize():
    lines = ["Original url: https://www.example.com/2025/02/04/storm-hits-the-coast-and-wr",
             "ecks-homes-a12345"]
    raw, last = url_from_lines(lines, 0)
    assert last == 1
    assert normalize_url(raw) == (
        "https://www.example.com/2025/02/04/storm-hits-the-coast-and-wrecks-homes-a12345", REPAIRED
    )


@pytest.mark.parametrize(("lines", "start"), [([], 0), (["no url here"], 0), (["https://example.com/"], 5),
                                              (["https://example.com/"], -1), ([None], 0)])
def test_url_from_lines_without_url(lines, start):
    assert url_from_lines(lines, start) is None


def test_long_inputs_run_in_linear_time():
    path = "a" * 100_000
    started = time.perf_counter()
    assert normalize_url("https://example.com/" + path) == ("https://example.com/" + path, [])
    normalize_url("https://example.com/" + " b-" * 50_000)
    normalize_url("https://example.com/" + ")" * 100_000)
    normalize_url("<" * 100_000)
    find_urls(("https://example.com/" + path + " ") * 10)
    find_urls("www." * 250_000)
    url_from_lines(["https://example.com/" + path, "b" * 100_000], 0)
    repair_url("https://example.com/" + "=\n" * 100_000)
    assert time.perf_counter() - started < 3.0
