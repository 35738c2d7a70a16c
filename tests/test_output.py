"""Output writers: JSON / JSON Lines / CSV / pretty, written from hand-built articles."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from newsclip.model import FIELDS, Article, Provenance
from newsclip.output import (
    FORMATS,
    check_fields,
    csv_row,
    format_for_path,
    neutralise_cell,
    open_writer,
    record_dict,
)

FERRY = Article(
    headline="Ferry Service to Islands Resumes",
    byline="Mara Quint and Olu Bankole, Coastline Wire",
    authors=("Mara Quint", "Olu Bankole"),
    agencies=("Coastline Wire",),
    date="2024-11-02T08:15:00+01:00",
    url="https://news.example.org/ferry-resumes",
    site="news.example.org",
    language="en",
    body="The ferry to the outer islands sailed again on Saturday.\n\nIt had been stopped for a week by storms.",
    captions=("The ferry leaving the harbour Ina Roth / CW",),
    word_count=19,
    id="0f3a9c1d2e4b5a6c",
    source="ferry.txt",
    dialect="plain",
    warnings=("url repaired",),
    provenance={
        "headline": Provenance((1, 1), "label-title", 0.95),
        "date": Provenance((3, 3), "label-date", 0.9),
    },
)

MARKET = Article(
    headline="Zürich Market Hall Opens",
    body="Stalls opened at dawn.",
    word_count=4,
    source="market.txt",
    dialect="plain",
)

FORMULA = Article(
    headline="=HYPERLINK(\"http://evil.example\",\"click\")",
    byline="@handle",
    authors=("-Dash Person",),
    body="+1 for the council",
    word_count=4,
)


def write_all(fmt: str, articles: list[Article], **options: object) -> str:
    stream = io.StringIO(newline="")
    writer = open_writer(fmt, stream, **options)
    for article in articles:
        writer.write(article)
    writer.close()
    return stream.getvalue()


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# --- registry ---------------------------------------------------------------


def test_formats_include_the_core_four() -> None:
    assert FORMATS[:4] == ("pretty", "json", "jsonl", "csv")


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("out.jsonl", "jsonl"),
        ("out.ndjson", "jsonl"),
        ("OUT.JSONL", "jsonl"),
        ("data/out.json", "json"),
        ("out.csv", "csv"),
        ("out.CSV", "csv"),
        ("out.txt", None),
        ("out", None),
        ("archive.json.gz", None),
    ],
)
def test_format_for_path(path: str, fmt: str | None) -> None:
    assert format_for_path(path) == fmt


def test_open_writer_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="xml"):
        open_writer("xml", io.StringIO())


def test_open_writer_rejects_unknown_field() -> None:
    with pytest.raises(ValueError, match="colour"):
        open_writer("json", io.StringIO(), fields=["headline", "colour"])


# --- record_dict ------------------------------------------------------------


def test_record_dict_all_fields_in_order() -> None:
    record = record_dict(FERRY)
    assert list(record) == list(FIELDS)
    assert record["authors"] == ["Mara Quint", "Olu Bankole"]
    assert record["subheadline"] is None


def test_record_dict_fields_in_given_order() -> None:
    record = record_dict(FERRY, fields=["url", "headline", "word_count"])
    assert record == {
        "url": "https://news.example.org/ferry-resumes",
        "headline": "Ferry Service to Islands Resumes",
        "word_count": 19,
    }
    assert list(record) == ["url", "headline", "word_count"]


def test_record_dict_explain_keeps_provenance_of_chosen_fields_only() -> None:
    record = record_dict(FERRY, fields=["headline", "url"], explain=True)
    assert list(record) == ["headline", "url", "provenance"]
    assert record["provenance"] == {"headline": {"lines": [1, 1], "rule": "label-title", "confidence": 0.95}}


def test_record_dict_without_explain_has_no_provenance() -> None:
    assert "provenance" not in record_dict(FERRY)


@pytest.mark.parametrize(
    ("fields", "ok"),
    [(["headline"], True), (["headline", "warnings"], True), (["provenance"], False), (["Headline"], False)],
)
def test_check_fields(fields: list[str], ok: bool) -> None:
    if ok:
        assert check_fields(fields) == tuple(fields)
    else:
        with pytest.raises(ValueError):
            check_fields(fields)


# --- JSON -------------------------------------------------------------------


def test_json_one_record_is_an_object() -> None:
    text = write_all("json", [FERRY])
    assert json.loads(text) == FERRY.to_dict()
    assert text.startswith("{\n  \"headline\": ")
    assert text.endswith("}\n")


def test_json_several_records_are_an_array_laid_out_like_json_dumps() -> None:
    text = write_all("json", [FERRY, MARKET, FERRY])
    records = [FERRY.to_dict(), MARKET.to_dict(), FERRY.to_dict()]
    assert json.loads(text) == records
    assert text == json.dumps(records, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(("count", "expected"), [(0, []), (1, [MARKET.to_dict()]), (2, [MARKET.to_dict()] * 2)])
def test_json_array_forces_an_array(count: int, expected: list[dict]) -> None:
    text = write_all("json", [MARKET] * count, json_array=True)
    assert json.loads(text) == expected


def test_json_no_records_is_an_empty_array() -> None:
    assert write_all("json", []) == "[]\n"


def test_json_keeps_non_ascii_as_is() -> None:
    text = write_all("json", [MARKET])
    assert "Zürich" in text
    assert "\\u00fc" not in text


def test_json_explain_adds_provenance() -> None:
    record = json.loads(write_all("json", [FERRY], explain=True))
    assert record["provenance"]["date"] == {"lines": [3, 3], "rule": "label-date", "confidence": 0.9}


def test_json_close_twice_writes_once() -> None:
    stream = io.StringIO()
    writer = open_writer("json", stream)
    writer.write(MARKET)
    writer.close()
    writer.close()
    assert json.loads(stream.getvalue())["headline"] == "Zürich Market Hall Opens"


class CountingStream(io.StringIO):
    """A text stream that counts flushes, to see JSON Lines records leave at once."""

    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def test_json_holds_only_the_first_record_back() -> None:
    stream = io.StringIO()
    writer = open_writer("json", stream)
    writer.write(FERRY)
    assert stream.getvalue() == ""
    writer.write(MARKET)
    written = stream.getvalue()
    assert written.startswith("[\n  {")
    assert "Zürich Market Hall Opens" in written


# --- JSON Lines ---------------------------------------------------------------


def test_jsonl_one_compact_object_per_line() -> None:
    text = write_all("jsonl", [FERRY, MARKET])
    lines = text.split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == [FERRY.to_dict(), MARKET.to_dict()]
    assert lines[1].startswith('{"headline": "Zürich Market Hall Opens", "subheadline": null,')


def test_jsonl_flushes_every_record() -> None:
    stream = CountingStream()
    writer = open_writer("jsonl", stream)
    writer.write(FERRY)
    assert stream.flushes == 1
    writer.write(MARKET)
    assert stream.flushes == 2


def test_jsonl_no_records_writes_nothing() -> None:
    assert write_all("jsonl", []) == ""


def test_jsonl_fields() -> None:
    text = write_all("jsonl", [FERRY], fields=["site", "headline"])
    assert text == '{"site": "news.example.org", "headline": "Ferry Service to Islands Resumes"}\n'


# --- CSV ----------------------------------------------------------------------


def test_csv_header_and_round_trip() -> None:
    text = write_all("csv", [FERRY, MARKET])
    rows = read_csv(text)
    assert rows[0] == list(FIELDS)
    assert len(rows) == 3
    ferry = dict(zip(rows[0], rows[1], strict=True))
    assert ferry["authors"] == "Mara Quint; Olu Bankole"
    assert ferry["agencies"] == "Coastline Wire"
    assert ferry["subheadline"] == ""
    assert ferry["related"] == ""
    assert ferry["word_count"] == "19"
    assert ferry["byline"] == "Mara Quint and Olu Bankole, Coastline Wire"
    assert ferry["body"] == FERRY.body
    assert ferry["warnings"] == "url repaired"
    market = dict(zip(rows[0], rows[2], strict=True))
    assert market["headline"] == "Zürich Market Hall Opens"
    assert market["url"] == ""


def test_csv_rows_end_with_crlf_and_quote_minimally() -> None:
    text = write_all("csv", [MARKET], fields=["headline", "body", "word_count"])
    assert text == "headline,body,word_count\r\nZürich Market Hall Opens,Stalls opened at dawn.,4\r\n"


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    article = Article(headline='Mayor Says "No" to Plan, Again', body="one\n\ntwo")
    text = write_all("csv", [article], fields=["headline", "body"])
    assert text == 'headline,body\r\n"Mayor Says ""No"" to Plan, Again","one\n\ntwo"\r\n'


def test_csv_header_only_without_records() -> None:
    assert write_all("csv", [], fields=["id", "url"]) == "id,url\r\n"


def test_csv_never_writes_provenance() -> None:
    rows = read_csv(write_all("csv", [FERRY], explain=True))
    assert "provenance" not in rows[0]
    assert len(rows[1]) == len(FIELDS)


def test_csv_neutralises_formulas() -> None:
    rows = read_csv(write_all("csv", [FORMULA], fields=["headline", "byline", "authors", "body", "word_count"]))
    assert rows[1] == [
        "'=HYPERLINK(\"http://evil.example\",\"click\")",
        "'@handle",
        "'-Dash Person",
        "'+1 for the council",
        "4",
    ]


def test_csv_raw_keeps_cells() -> None:
    rows = read_csv(write_all("csv", [FORMULA], fields=["headline", "byline", "body"], csv_raw=True))
    assert rows[1] == ["=HYPERLINK(\"http://evil.example\",\"click\")", "@handle", "+1 for the council"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-5", "'-5"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("Plain headline", "Plain headline"),
        ("", ""),
        ("a=b", "a=b"),
        (" =not at start", " =not at start"),
        ("'already quoted", "'already quoted"),
        ("2025-02-04", "2025-02-04"),
    ],
)
def test_neutralise_cell(cell: str, expected: str) -> None:
    assert neutralise_cell(cell) == expected


@pytest.mark.parametrize(
    ("record", "raw", "expected"),
    [
        ({"authors": ["A B", "C D"], "date": None, "word_count": 7}, False, ["A B; C D", "", "7"]),
        ({"authors": [], "headline": "-x"}, False, ["", "'-x"]),
        ({"authors": [], "headline": "-x"}, True, ["", "-x"]),
        ({"headline": "H", "provenance": {"headline": {}}}, False, ["H"]),
        ({"captions": ["=cap", "b"]}, False, ["'=cap; b"]),
    ],
)
def test_csv_row(record: dict, raw: bool, expected: list[str]) -> None:
    assert csv_row(record, raw=raw) == expected


# --- pretty ---------------------------------------------------------------------

LONG = Article(
    headline="Council Votes on [bold]Budget[/bold]",
    byline="Ines Varga",
    authors=("Ines Varga",),
    date="2024-05-06",
    body="\n\n".join(f"Paragraph number {n}." for n in range(1, 6)),
    related=("Earlier: Budget Talks Stall",),
    warnings=("no date found",),
    word_count=15,
    source="council.txt",
    dialect="plain",
    provenance={"byline": Provenance((2, 2), "by-line", 0.85)},
)


def pretty(articles: list[Article], **options: object) -> str:
    options.setdefault("color", False)
    return write_all("pretty", articles, **options)


def test_pretty_shows_headline_metadata_and_lists_without_colour() -> None:
    text = pretty([LONG])
    assert "\x1b" not in text
    assert "Council Votes on [bold]Budget[/bold]" in text
    assert "Ines Varga" in text
    assert "2024-05-06" in text
    assert "Earlier: Budget Talks Stall" in text
    assert "warning: no date found" in text
    assert "council.txt" in text


def test_pretty_previews_three_paragraphs() -> None:
    text = pretty([LONG])
    assert "Paragraph number 3." in text
    assert "Paragraph number 4." not in text
    assert "… (2 more paragraphs, --full to show all)" in text


def test_pretty_full_shows_the_whole_body() -> None:
    text = pretty([LONG], full=True)
    assert "Paragraph number 5." in text
    assert "more paragraphs" not in text


def test_pretty_explain_adds_a_provenance_table() -> None:
    plain = pretty([LONG])
    explained = pretty([LONG], explain=True)
    assert "by-line" not in plain
    assert "by-line" in explained
    assert "0.85" in explained


def test_pretty_colour_when_asked() -> None:
    assert "\x1b[" in pretty([LONG], color=True)


def test_pretty_one_panel_per_article_and_missing_headline() -> None:
    text = pretty([LONG, Article(body="Just a body.")])
    assert text.count("╭") == 2
    assert "(no headline)" in text
    assert "Just a body." in text


def test_pretty_very_long_headline_is_not_cut() -> None:
    headline = "Regional Transport Authority Announces Sweeping Timetable Changes Across Every Northern Line"
    text = pretty([Article(headline=headline, body="b")])
    flat = " ".join(line.strip("│ ") for line in text.splitlines())
    assert headline in " ".join(flat.split())


# --- import cost ------------------------------------------------------------------


def test_data_writers_do_not_import_rich() -> None:
    code = (
        "import io, sys\n"
        "from newsclip.model import Article\n"
        "from newsclip.output import open_writer\n"
        "for fmt in ('json', 'jsonl', 'csv'):\n"
        "    w = open_writer(fmt, io.StringIO()); w.write(Article(headline='x')); w.close()\n"
        "print('rich' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
