"""``newsclip stats``: the coverage report's numbers, its suspicious checks, and the inputs it reads."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsclip.cli import main
from newsclip.cli.stats import bar, input_kind
from newsclip.model import FIELDS
from newsclip.stats import CHECKS, Coverage, coverage, is_filled, parse_iso, suspicious_checks
from newsclip.store import Store

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
NOW_OPTION = ["--reference-time", "2025-03-01T12:00:00Z"]
LONG_HEADLINE = "Council " + "very " * 59 + "long"  # 8 + 295 + 4 = 307 characters


def rec(rid: str, **values: Any) -> dict[str, Any]:
    """A full record dict: every field present, absent ones null or empty."""
    record: dict[str, Any] = {name: None for name in FIELDS}
    record.update(authors=[], agencies=[], captions=[], related=[], warnings=[], word_count=0)
    record.update(id=rid, source=f"in/{rid}.txt")
    record.update(values)
    return record


RECORDS: list[dict[str, Any]] = [
    rec("r1", headline="Ferry Routes Suspended", byline="Marit Olsen", authors=["Marit Olsen"],
        agencies=["Nordwire"], date="2025-02-14", url="https://example.org/ferry", site="example.org",
        language="en", body="Two of the four ferry routes were suspended.", word_count=8, dialect="plain"),
    rec("r2", headline="Council Approves Budget", subheadline="Schools get more", date="2025-02-03T10:00:00+01:00",
        url="https://example.org/budget", site="example.org", body="The budget passed.", word_count=3,
        dialect="html", warnings=["no byline found"]),
    rec("r3", headline=LONG_HEADLINE, date="2025-03-05", site="example.net", body="x y", word_count=2,
        dialect="plain", warnings=["no byline found", "url repaired"]),
    rec("r4", body="", dialect="plain", warnings=["no headline found", "no date found", "no body found"]),
    rec("r5", headline="Old Story", date="1987-06-01", site="example.net", body="Old text here", word_count=3,
        dialect="nexis", warnings=["no byline found"]),
    rec("r6", headline="Tomorrow in Tokyo", date="2025-03-02", updated="2025-02-20", site="example.com",
        body="Published a day ahead of the reference time, with no time zone.", word_count=12, dialect="email"),
    rec("r7", headline="Evening Edition", date="2025-03-01T18:00:00+00:00", site="example.com", body="   ",
        dialect="email"),
    rec("r8", headline="Odd Date", date="03/04/2025", site="example.org", body="A date in an odd shape.",
        word_count=6, dialect="plain"),
]

FILLED = {
    "headline": 7, "subheadline": 1, "byline": 1, "authors": 1, "agencies": 1, "date": 7, "updated": 1,
    "dateline": 0, "url": 2, "site": 7, "language": 1, "body": 6, "captions": 0, "related": 0,
    "word_count": 6, "id": 8, "source": 8, "dialect": 8, "warnings": 4,
}

EXPECTED: dict[str, Any] = {
    "records": 8,
    "reference_time": "2025-03-01T12:00:00+00:00",
    "fields": {name: {"filled": n, "share": round(n / 8, 4)} for name, n in FILLED.items()},
    "dialects": {"plain": 4, "email": 2, "html": 1, "nexis": 1},
    "sites": {
        "distinct": 3,
        "missing": 1,
        "top": [{"site": "example.org", "records": 3}, {"site": "example.com", "records": 2},
                {"site": "example.net", "records": 2}],
    },
    "dates": {
        "dated": 6,
        "undated": 2,
        "earliest": "1987-06-01",
        "latest": "2025-03-05",
        "months": {"1987-06": 1, "2025-02": 2, "2025-03": 3},
    },
    "warnings": {
        "distinct": 5,
        "top": [{"warning": "no byline found", "records": 3}, {"warning": "no body found", "records": 1},
                {"warning": "no date found", "records": 1}, {"warning": "no headline found", "records": 1},
                {"warning": "url repaired", "records": 1}],
    },
    "suspicious": {
        "date-in-future": {"records": 2, "examples": ["in/r3.txt", "in/r7.txt"]},
        "date-before-1990": {"records": 1, "examples": ["in/r5.txt"]},
        "date-not-iso": {"records": 1, "examples": ["in/r8.txt"]},
        "long-headline": {"records": 1, "examples": ["in/r3.txt"]},
        "empty-body": {"records": 2, "examples": ["in/r4.txt", "in/r7.txt"]},
        "zero-word-count": {"records": 2, "examples": ["in/r4.txt", "in/r7.txt"]},
    },
}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def stats(*args: str) -> Result:
    return CliRunner().invoke(main, ["stats", *args])


# --- the library -------------------------------------------------------------------


def test_the_long_headline_is_over_the_limit() -> None:
    assert len(LONG_HEADLINE) == 307


def test_the_report_of_known_records() -> None:
    assert coverage(RECORDS, now=NOW) == EXPECTED


def test_the_report_keys_are_in_a_stable_order() -> None:
    report = coverage(RECORDS, now=NOW)
    assert list(report) == ["records", "reference_time", "fields", "dialects", "sites", "dates", "warnings",
                            "suspicious"]
    assert list(report["fields"]) == list(FIELDS)
    assert list(report["suspicious"]) == list(CHECKS)


def test_top_and_examples_limit_the_lists() -> None:
    report = coverage(RECORDS, now=NOW, top=1, examples=1)
    assert report["sites"]["top"] == [{"site": "example.org", "records": 3}]
    assert report["warnings"] == {"distinct": 5, "top": [{"warning": "no byline found", "records": 3}]}
    assert report["suspicious"]["empty-body"] == {"records": 2, "examples": ["in/r4.txt"]}


def test_no_records() -> None:
    report = coverage([], now=NOW)
    assert report["records"] == 0
    assert report["fields"]["headline"] == {"filled": 0, "share": 0.0}
    assert report["dates"] == {"dated": 0, "undated": 0, "earliest": None, "latest": None, "months": {}}


def test_a_naive_reference_time_is_utc() -> None:
    assert Coverage(now=datetime(2025, 3, 1, 12, 0)).report()["reference_time"] == "2025-03-01T12:00:00+00:00"


def test_a_record_without_a_source_is_named_by_id() -> None:
    record = rec("lonely", source=None)
    assert coverage([record], now=NOW)["suspicious"]["empty-body"]["examples"] == ["lonely"]


@pytest.mark.parametrize(
    ("values", "checks"),
    [
        ({"date": "2025-03-01T12:00:01+00:00"}, ["date-in-future"]),
        ({"date": "2025-03-01T12:00:00+00:00"}, []),
        ({"date": "2025-03-01T15:00:00+03:00"}, []),  # 12:00 UTC: not later
        ({"date": "2025-03-02T12:00:00"}, []),  # no offset: a day of slack
        ({"date": "2025-03-02T12:00:01"}, ["date-in-future"]),
        ({"date": "2025-03-03"}, ["date-in-future"]),
        ({"date": "2025-04"}, ["date-in-future"]),
        ({"date": "2025-03"}, []),
        ({"updated": "2030-01-01"}, ["date-in-future"]),
        ({"date": "1989-12-31"}, ["date-before-1990"]),
        ({"date": "1990-01-01"}, []),
        ({"date": "1989"}, ["date-before-1990"]),
        ({"date": "yesterday"}, ["date-not-iso"]),
        ({"date": "2025-02-30"}, ["date-not-iso"]),
        ({"date": "1970-01-01", "updated": "2099-01-01"}, ["date-in-future", "date-before-1990"]),
        ({"headline": "x" * 300}, []),
        ({"headline": "x" * 301}, ["long-headline"]),
    ],
)
def test_suspicious_checks(values: dict[str, Any], checks: list[str]) -> None:
    record = {"body": "Some words.", "word_count": 2, **values}
    assert suspicious_checks(record, NOW) == checks


@pytest.mark.parametrize(
    ("values", "checks"),
    [
        ({"body": None, "word_count": 0}, ["empty-body", "zero-word-count"]),
        ({"body": " \n ", "word_count": 0}, ["empty-body", "zero-word-count"]),
        ({"body": "Text.", "word_count": 0}, ["zero-word-count"]),
        ({"body": "Text.", "word_count": 1}, []),
        ({"body": "Text."}, ["zero-word-count"]),
    ],
)
def test_body_checks(values: dict[str, Any], checks: list[str]) -> None:
    assert suspicious_checks(values, NOW) == checks


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-04", datetime(2025, 2, 4)),
        ("2025-02-04T10:30:00", datetime(2025, 2, 4, 10, 30)),
        ("2025-02-04T10:30:00Z", datetime(2025, 2, 4, 10, 30, tzinfo=timezone.utc)),
        ("2025-02", datetime(2025, 2, 1)),
        ("2025", datetime(2025, 1, 1)),
        ("2025-13", None),
        ("Feb 4, 2025", None),
        ("", None),
    ],
)
def test_parse_iso(value: str, expected: datetime | None) -> None:
    assert parse_iso(value) == expected


@pytest.mark.parametrize(
    ("name", "value", "filled"),
    [
        ("headline", None, False), ("headline", "", False), ("headline", "  ", False), ("headline", "A", True),
        ("authors", [], False), ("authors", ["A"], True), ("word_count", 0, False), ("word_count", 3, True),
        ("word_count", True, False), ("word_count", "3", False),
    ],
)
def test_is_filled(name: str, value: Any, filled: bool) -> None:
    assert is_filled(name, value) is filled


# --- the command -------------------------------------------------------------------


def test_stats_of_a_jsonl_match_its_records(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "records.jsonl", RECORDS)
    result = stats(str(path), "-f", "json", *NOW_OPTION)
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == EXPECTED


def test_stats_of_a_database_match_the_same_records(tmp_path: Path) -> None:
    path = tmp_path / "records.db"
    with Store.open(path, writable=True) as store:
        store.upsert_many(RECORDS)
    result = stats(str(path), "-f", "json", *NOW_OPTION)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == EXPECTED


def test_several_inputs_add_up(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", RECORDS[:3])
    second = write_jsonl(tmp_path / "b.ndjson", RECORDS[3:])
    result = stats(str(first), str(second), "-f", "json", *NOW_OPTION)
    assert json.loads(result.stdout) == EXPECTED


def test_a_folder_of_articles_is_parsed(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "bridge.txt").write_text(
        "Title: Harbour Bridge Reopens\nURL: https://example.org/bridge\nDate: 2024-09-12\n\n"
        "The harbour bridge reopened to traffic on Thursday morning.\n", encoding="utf-8")
    (folder / "sub" / "library.txt").write_text(
        "Title: Library Extends Hours\nURL: https://example.net/library\nDate: 2024-10-01\n\n"
        "The central library will stay open until nine in the evening.\n", encoding="utf-8")
    (folder / "out.jsonl.partial").write_text("half a record", encoding="utf-8")  # never an input
    result = stats(str(folder), "-f", "json", *NOW_OPTION)
    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    assert report["records"] == 2
    assert report["dates"]["months"] == {"2024-09": 1, "2024-10": 1}
    assert report["sites"]["top"] == [{"site": "example.net", "records": 1}, {"site": "example.org", "records": 1}]
    assert report["fields"]["url"] == {"filled": 2, "share": 1.0}


def test_lines_that_are_not_records_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    lines = [json.dumps(RECORDS[0]), "", "{not json", json.dumps(RECORDS[1]), "[1, 2]", json.dumps(RECORDS[2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = stats(str(path), "-f", "json", *NOW_OPTION)
    assert result.exit_code == 1
    assert result.stderr == (f"newsclip: {path}: 2 line(s) are not JSON records and were skipped (line 3, 5)\n")
    assert json.loads(result.stdout)["records"] == 3


def test_a_missing_input_is_reported_and_the_rest_counted(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "records.jsonl", RECORDS)
    missing = tmp_path / "missing.jsonl"
    result = stats(str(missing), str(path), "-f", "json", *NOW_OPTION)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"newsclip: {missing}: ")
    assert result.stderr.count("\n") == 1
    assert json.loads(result.stdout)["records"] == 8


def test_a_broken_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    result = stats(str(path), "-f", "json")
    assert result.exit_code == 1
    assert result.stderr == f"newsclip: {path}: has no 'articles' table (not a newsclip database)\n"


def test_tables_show_the_numbers(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "records.jsonl", RECORDS)
    result = stats(str(path), *NOW_OPTION)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("8 records\n")
    for title in ("Fields filled", "Dialects", "Top sites (3 distinct; 1 records without a site)",
                  "Articles per month (6 dated, 2 undated)", "Most frequent warnings (5 distinct)",
                  "Suspicious values"):
        assert title in out
    month_rows = {line.split("│")[1].strip(): line for line in out.splitlines()
                  if line.count("│") == 4 and line.split("│")[1].strip()[:2] in ("19", "20")}
    assert set(month_rows) == {"1987-06", "2025-02", "2025-03"}
    assert "█" * 40 in month_rows["2025-03"]  # the busiest month has the full bar
    assert "in/r3.txt, in/r7.txt" in out


@pytest.mark.parametrize(
    ("value", "peak", "width", "expected"),
    [(3, 3, 4, "████"), (0, 3, 4, ""), (1, 2, 4, "██"), (1, 16, 4, "▎"), (1, 1000, 4, "▏"), (5, 0, 4, "")],
)
def test_bar(value: float, peak: float, width: int, expected: str) -> None:
    assert bar(value, peak, width) == expected


# --- telling inputs apart ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.jsonl", '{"headline": "A", "body": "B"}\n', "jsonl"),
        ("a.ndjson", '\n{"body": "B"}\n', "jsonl"),
        ("a.jsonl", '{"title": "A"}\n', "article"),
        ("a.jsonl", "Title: A\n\nBody.\n", "article"),
        ("a.txt", '{"headline": "A"}\n', "article"),
        ("a.json", '{"headline": "A"}', "json"),
        ("a.json", '[{"headline": "A"}]', "json"),
        ("a.json", "Title: A\n\nBody.\n", "article"),
    ],
)
def test_input_kind(tmp_path: Path, name: str, content: str, kind: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert input_kind(str(path)) == kind


@pytest.mark.parametrize("name", ["a.db", "a.sqlite", "records.bin"])
def test_a_database_is_known_by_its_first_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    Store.open(path, writable=True).close()
    assert input_kind(str(path)) == "database"


def test_a_json_file_of_records_is_read(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(RECORDS, indent=2), encoding="utf-8")
    result = stats(str(path), "-f", "json", *NOW_OPTION)
    assert json.loads(result.stdout) == EXPECTED
