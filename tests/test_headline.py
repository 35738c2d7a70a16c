"""Headlines: markup and Markdown removed, site names cut off, placeholders refused."""

from __future__ import annotations

import time

import pytest

from newsclip.fields.headline import clean_headline
from newsclip.rules.headline import JUNK_VALUES

# (raw, site, site_names, cleaned)
CLEANED = [
    # site suffixes: known outlets, the caller's site, domains
    ("Storm hits coast | CNN", None, (), "Storm hits coast"),
    ("Storm hits coast - CNN", None, (), "Storm hits coast"),
    ("Storm hits coast — Reuters", None, (), "Storm hits coast"),
    ("Storm hits coast – The Guardian", None, (), "Storm hits coast"),
    ("Storm hits coast | World news | The Guardian", None, (), "Storm hits coast"),
    ("Storm hits coast - cnn.com", None, (), "Storm hits coast"),
    ("Storm hits coast | Example Gazette", "www.examplegazette.com", (), "Storm hits coast"),
    ("Storm hits coast | EXAMPLEGAZETTE", "https://www.examplegazette.com/a/b", (), "Storm hits coast"),
    ("Storm hits coast - Springfield Shopper", None, ("The Springfield Shopper",), "Storm hits coast"),
    ("Russia Tells Hamas to 'Keep Promises' on Hostage Release - The Moscow Times", None, (),
     "Russia Tells Hamas to 'Keep Promises' on Hostage Release"),
    # an unknown Title-Case name after a single dash, after a sentence-case headline
    ("Storm hits coast - The Daily Planet", None, (), "Storm hits coast"),
    ("Storm hits coast :: Example News", None, (), "Storm hits coast"),
    # a pipe tail is a site or section even in lower case; more separators
    ("Storm hits coast | harbourblog", None, (), "Storm hits coast"),
    ("Storm hits coast |Minuto30", None, (), "Storm hits coast"),
    ("Storm hits coast › Example Radio", None, (), "Storm hits coast"),
    ("Storm hits coast > examplemag.de", None, (), "Storm hits coast"),
    ("Storm hits coast // Harbour Notes", None, (), "Storm hits coast"),
    ("Streik legt den Hafen lahm – Am Rande der Stadt", None, (), "Streik legt den Hafen lahm"),
    ("Unser Tipp im März: Die Fähre – HAFEN e.V.", None, (), "Unser Tipp im März: Die Fähre"),
    ("Storm hits coast | Why it matters", None, (), "Storm hits coast | Why it matters"),
    # prefixes
    ("CNN - Storm hits coast", None, (), "Storm hits coast"),
    ("BBC News | Storm hits coast", None, (), "Storm hits coast"),
    ("Opinion | Why the storm matters", None, (), "Why the storm matters"),
    ("Daily Planet - Storm hits coast", None, ("Daily Planet",), "Storm hits coast"),
    # tails that belong to the headline
    ("Covid-19 - what we know", None, (), "Covid-19 - what we know"),
    ("Covid-19 - What We Know", None, (), "Covid-19 - What We Know"),
    ("Storm hits coast - live updates", None, (), "Storm hits coast - live updates"),
    ("Storm Hits Coast - Hostage Talks Resume", None, (), "Storm Hits Coast - Hostage Talks Resume"),
    ("Ukraine - Russia talks stall again", None, (), "Ukraine - Russia talks stall again"),
    ("Storm hits coast - and the worst is yet to come", None, (), "Storm hits coast - and the worst is yet to come"),
    ("Storm hits coast - Part Two - CNN", None, (), "Storm hits coast - Part Two"),
    # two dashes: an unknown Title-Case tail is kept (the separator is not used once only)
    ("Storm hits coast - Part Two - The Daily Planet", None, (), "Storm hits coast - Part Two - The Daily Planet"),
    ("Jean-Pierre Martin wins the vote", None, (), "Jean-Pierre Martin wins the vote"),
    # markup, entities, Markdown
    ("<b>Storm</b> hits <i>coast</i>", None, (), "Storm hits coast"),
    ("Storm hits &amp; floods coast", None, (), "Storm hits & floods coast"),
    ("Storm&nbsp;hits\u200b coast", None, (), "Storm hits coast"),
    ("&lt;u&gt;Storm&lt;/u&gt; hits coast", None, (), "Storm hits coast"),
    ("Why 1 < 2 and 3 > 2 matters", None, (), "Why 1 < 2 and 3 > 2 matters"),
    ("# Storm hits coast", None, (), "Storm hits coast"),
    ("## Storm hits coast ##", None, (), "Storm hits coast"),
    ("**Storm hits coast**", None, (), "Storm hits coast"),
    ("Storm **hits** coast", None, (), "Storm hits coast"),
    ("[Storm hits coast](https://example.com/storm)", None, (), "Storm hits coast"),
    ('"Storm hits coast"', None, (), "Storm hits coast"),
    ("  Storm   hits\n coast  ", None, (), "Storm hits coast"),
    ("‘Keep promises’, Moscow tells Hamas", None, (), "‘Keep promises’, Moscow tells Hamas"),
]


@pytest.mark.parametrize(("raw", "site", "site_names", "cleaned"), CLEANED)
def test_clean_headline(raw, site, site_names, cleaned):
    assert clean_headline(raw, site=site, site_names=site_names) == cleaned


@pytest.mark.parametrize(
    "raw",
    ["None", "none", "null", "unknown", "[]", "N/A", "n/a", "-", "Untitled", "  untitled ", "<b></b>",
     "&nbsp;", "—", "**", "", "   ", None, 7, ["Storm hits coast"]],
)
def test_junk_is_no_headline(raw):
    assert clean_headline(raw) is None


def test_a_headline_that_is_only_a_site_name_is_kept():
    assert clean_headline("CNN") == "CNN"


def test_junk_values_are_casefolded_strings():
    assert isinstance(JUNK_VALUES, frozenset)
    assert all(value == value.casefold().strip() for value in JUNK_VALUES)
    for value in ("none", "null", "unknown", "[]", "n/a", "-", "untitled"):
        assert value in JUNK_VALUES


@pytest.mark.parametrize(
    "raw",
    ["<a" * 200_000, "<b>" + "x" * 1_000_000, "a - " * 200_000, "[" * 300_000 + "](", "&" * 500_000,
     "Storm | " * 100_000],
    ids=["open-tags", "long-text", "many-dashes", "brackets", "ampersands", "many-pipes"],
)
def test_long_inputs_return_quickly(raw):
    started = time.perf_counter()
    clean_headline(raw, site="example.com")
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "Skibergsteigen: schnell und leicht mit den C.A.M.P. - Neuheiten",
        "Die Haubenfahrzeuge der Nachkriegszeit - Teil 49",
        "30.11. | Buch der Woche",
    ],
)
def test_headline_parts_that_are_not_site_names_are_kept(text: str) -> None:
    assert clean_headline(text) == text
