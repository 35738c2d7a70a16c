"""Property tests: any text or bytes parses without an exception, and body sentences survive."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclip import parse_bytes, parse_text
from newsclip.errors import NewsclipError
from newsclip.output import csv_row, record_dict

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks a little like article files: words, labels, dates, URLs, markup, blank lines.
_PIECES = st.sampled_from([
    "By ", "Title: ", "URL: ", "Date: ", "Published: ", "\n", "\n\n", "---\n", "# ", "<b>", "</b>",
    "&amp;", "https://example.org/a b", "=\n", "March 3, 2025", "2025-02-04T10:30:00+02:00", "(Reuters) - ",
    "WASHINGTON", " / AFP", "Related article: ", "Advertisement", "\u00a0", "\u200b", "Photo: ", "[+12 chars]",
    "<html>", "<script>", "{\"@type\": \"NewsArticle\"", "From: a@b.c\n", "Subject: x\n", "1 of 2 DOCUMENTS",
    "HD\t", "Markdown Content:\n", "+++\n", "'", "\"", "—", "…",
])
_ARTICLEISH = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=40).map("".join)


@_SETTINGS
@given(st.text(max_size=3000))
def test_any_text_parses(text: str) -> None:
    for article in parse_text(text, source="fuzz.txt"):
        json.dumps(article.to_dict(explain=True))


@_SETTINGS
@given(_ARTICLEISH)
def test_articleish_text_parses_and_serialises(text: str) -> None:
    for article in parse_text(text, source="fuzz.txt"):
        record = record_dict(article, explain=True)
        json.loads(json.dumps(record))
        buffer = io.StringIO()
        csv.writer(buffer).writerow(csv_row(record_dict(article)))
        assert list(csv.reader(io.StringIO(buffer.getvalue())))


@_SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes_parse_or_fail_cleanly(data: bytes) -> None:
    try:
        articles = parse_bytes(data, source="fuzz.bin")
    except NewsclipError as exc:
        assert str(exc)
        return
    for article in articles:
        json.dumps(article.to_dict())


@_SETTINGS
@given(_ARTICLEISH)
def test_parsing_is_deterministic(text: str) -> None:
    first = [a.to_dict(explain=True) for a in parse_text(text)]
    second = [a.to_dict(explain=True) for a in parse_text(text)]
    assert first == second


_WORD = st.text(alphabet=st.characters(whitelist_categories=("Ll",)), min_size=2, max_size=9)
_SENTENCE = st.lists(_WORD, min_size=8, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join)


@_SETTINGS
@given(st.lists(_PARAGRAPH, min_size=1, max_size=8))
def test_every_body_sentence_survives(paragraphs: list[str]) -> None:
    paragraphs = [unicodedata.normalize("NFC", p) for p in paragraphs]
    text = "A Headline For The Story\n\nBy Jane Doe\n\nMarch 3, 2025\n\n" + "\n\n".join(paragraphs) + "\n"
    [article] = parse_text(text)
    body = article.body or ""
    for paragraph in paragraphs:
        for sentence in re.findall(r"[^.]+\.", paragraph):
            assert sentence.strip() in body
