"""Article and Settings as values: immutable, compared by their fields, copied with replace, picklable."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timezone

import pytest

from newsclip import FIELDS, Article, Provenance, Settings, parse_text
from newsclip.settings import DEFAULT_MAX_BYTES, DEFAULT_SETTINGS

STORY = "Storm Hits Coast\n\nBy Jane Doe\n\nMarch 3, 2025\n\nThe storm reached the coast at dawn and closed the harbour.\n"


def test_article_defaults_are_empty() -> None:
    article = Article()
    assert [getattr(article, name) for name in FIELDS] == [
        None, None, None, (), (), None, None, None, None, None, None, None, (), (), 0, None, None, None, ()
    ]
    assert article.provenance == {}
    assert Article().provenance is not article.provenance  # each article gets its own dict


def test_article_takes_fields_by_position_in_record_order() -> None:
    article = Article("Headline", "Dek", "By Ann", ("Ann",))
    assert (article.headline, article.subheadline, article.byline, article.authors) == ("Headline", "Dek", "By Ann", ("Ann",))
    with pytest.raises(TypeError):
        Article(headlin="typo")  # type: ignore[call-arg]


@pytest.mark.parametrize("value", [Article(headline="A"), Settings()])
def test_values_are_immutable(value: object) -> None:
    with pytest.raises(AttributeError, match="immutable"):
        value.headline = "B"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="immutable"):
        value.dayfirst = True  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        del value.headline  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        value.__dict__  # noqa: B018 - slotted: no instance dict to sneak changes into


def test_article_equality_and_hash_ignore_provenance() -> None:
    one = Article(headline="A", authors=("Ann",), provenance={"headline": Provenance((1, 1), "first-line", 0.9)})
    two = Article(headline="A", authors=("Ann",))
    assert one == two and hash(one) == hash(two)
    assert one != Article(headline="A", authors=("Bob",))
    assert one != ("A",) and (one == "A") is False
    assert len({one, two, Article(headline="B")}) == 2
    assert "provenance" not in repr(one)
    assert repr(two).startswith("Article(headline='A', subheadline=None, byline=None, authors=('Ann',), ")


def test_replace_gives_a_changed_copy() -> None:
    article = Article(headline="A", word_count=3, provenance={"headline": Provenance(None, "r", 0.5)})
    changed = article.replace(headline="B")
    assert (changed.headline, changed.word_count, changed.provenance) == ("B", 3, article.provenance)
    assert article.headline == "A"
    assert Settings().replace(dayfirst=True) == Settings(dayfirst=True)
    with pytest.raises(TypeError, match="no field 'headlin'"):
        article.replace(headlin="typo")
    assert article.__replace__(headline="C").headline == "C"  # what copy.replace calls on Python 3.13+


@pytest.mark.parametrize("copier", [lambda v: pickle.loads(pickle.dumps(v)), copy.copy, copy.deepcopy])
def test_values_survive_pickle_and_copy(copier: object) -> None:
    [article] = parse_text(STORY, source="storm.txt")
    again = copier(article)  # type: ignore[operator]
    assert again == article and again.provenance == article.provenance
    settings = Settings(dayfirst=True, reference_time=datetime(2025, 3, 3, tzinfo=timezone.utc), dialect="plain")
    assert copier(settings) == settings  # type: ignore[operator]


def test_match_by_position_and_keyword() -> None:
    match Article(headline="A", byline="By Ann"):
        case Article("A", None, byline):
            assert byline == "By Ann"
        case _:
            pytest.fail("no match")
    match Settings(dayfirst=True):
        case Settings(dayfirst=True, max_bytes=limit):
            assert limit == DEFAULT_MAX_BYTES
        case _:
            pytest.fail("no match")


def test_settings_defaults_and_equality() -> None:
    assert Settings() == DEFAULT_SETTINGS
    assert Settings(max_bytes=10) != DEFAULT_SETTINGS
    assert repr(Settings(dayfirst=True)) == (
        f"Settings(dayfirst=True, reference_time=None, dialect=None, max_bytes={DEFAULT_MAX_BYTES})"
    )
    assert hash(Settings()) == hash(DEFAULT_SETTINGS)


def test_from_dict_round_trip_with_provenance() -> None:
    [article] = parse_text(STORY, source="storm.txt")
    again = Article.from_dict(article.to_dict(explain=True))
    assert again == article and again.provenance == article.provenance
