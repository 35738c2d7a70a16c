"""Parquet output: fixed schema, timestamps, row groups, part files; pandas, polars and DuckDB read the same values."""

from __future__ import annotations

import io
import json
import math
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsclip import NewsclipError, parse_text
from newsclip.model import FIELDS, Article
from newsclip.output import FORMATS, format_for_path, needs_path, open_writer, open_writer_at
from newsclip.output.parquetout import MissingDependencyError, ParquetWriter, arrow_schema, instant, output_columns

READER = """\
Title: Lighthouse Keepers Return to Skerry Point | The Coastal Courier

URL Source: https://www.coastalcourier.example/2024/11/05/lighthouse-keepers-return

Published Time: 2024-11-05T14:45:00+01:00

Markdown Content:
Lighthouse Keepers Return to Skerry Point
=========================================

By Maren Holt and Tobias Lund

The lighthouse at Skerry Point will be staffed again from December, the harbour board said on Tuesday, \
ending twelve years of automatic operation.

Two keepers will live on the island in alternating four-week shifts and log the weather for the regional \
forecast office.
"""

LABELLED = """\
Title: Café Owners Protest New Terrace Fees
Author(s): Inès Moreau
Published: 2024-03-05 10:30:00
URL: https://www.valleytimes.example/2024/03/05/cafe-terrace-fees

Café owners in the old town gathered outside the town hall on Monday to protest a sharp rise in terrace fees.

The council says the fees have not changed since 2009 and now barely cover the cost of street cleaning.
"""

PAGE = """\
<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>Bergbahn erhält neue Kabinen | Alpenbote</title>
  <meta property="og:title" content="Bergbahn erhält neue Kabinen">
  <meta property="og:url" content="https://www.alpenbote.example/2025/01/20/bergbahn-kabinen">
  <meta property="article:published_time" content="2025-01-20T08:15:00+01:00">
  <meta property="article:modified_time" content="2025-01-21T17:05:30+01:00">
  <meta name="author" content="Lena Gruber">
</head>
<body>
  <nav><a href="/">Start</a> <a href="/region">Region</a></nav>
  <main>
    <article>
      <h1>Bergbahn erhält neue Kabinen</h1>
      <p class="byline">Von Lena Gruber</p>
      <figure><img src="k.jpg"><figcaption>Die neuen Kabinen an der Talstation</figcaption></figure>
      <p>Die Bergbahn am Grünkopf bekommt im Frühjahr vierzig neue Kabinen, teilte die Betreibergesellschaft
      am Montag mit.</p>
      <p>Die alten Gondeln aus dem Jahr 1998 werden an ein Museum in Innsbruck abgegeben.</p>
    </article>
  </main>
</body>
</html>
"""

BARE = """\
Harbour Crane Toppled by Gale

A crane at the container terminal fell over in the storm on Sunday night, the port authority said. Nobody was hurt.
"""

UTC = timezone.utc

#: (source name, text) of the invented inputs, in output order.
INPUTS = (("reader.txt", READER), ("labelled.txt", LABELLED), ("page.html", PAGE), ("crane.txt", BARE))

#: What each record's timestamp columns hold: an instant only for a time with an offset.
EXPECTED_STAMPS = {
    "reader.txt": (datetime(2024, 11, 5, 13, 45, tzinfo=UTC), None),
    "labelled.txt": (None, None),  # 2024-03-05T10:30:00 has no offset: not an instant
    "page.html": (datetime(2025, 1, 20, 7, 15, tzinfo=UTC), datetime(2025, 1, 21, 16, 5, 30, tzinfo=UTC)),
    "crane.txt": (None, None),
}


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [article for name, text in INPUTS for article in parse_text(text, source=name)]


@pytest.fixture(scope="module")
def jsonl_records(articles: list[Article]) -> list[dict[str, Any]]:
    """The records as the JSON Lines writer writes them, read back."""
    buffer = io.StringIO()
    writer = open_writer("jsonl", buffer)
    for article in articles:
        writer.write(article)
    writer.close()
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


@pytest.fixture
def parquet_file(tmp_path: Path, articles: list[Article]) -> Path:
    target = tmp_path / "articles.parquet"
    with open_writer_at("parquet", target) as writer:
        for article in articles:
            writer.write(article)
    return target


def plain(value: Any) -> Any:
    """A pandas cell as JSON would hold it: arrays as lists, missing values as None."""
    if isinstance(value, np.ndarray):
        return [plain(item) for item in value.tolist()]
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def test_the_invented_inputs_give_the_records_the_tests_rely_on(jsonl_records: list[dict[str, Any]]) -> None:
    by_source = {record["source"]: record for record in jsonl_records}
    assert [r["source"] for r in jsonl_records] == ["reader.txt", "labelled.txt", "page.html", "crane.txt"]
    assert by_source["reader.txt"]["date"] == "2024-11-05T14:45:00+01:00"
    assert by_source["reader.txt"]["authors"] == ["Maren Holt", "Tobias Lund"]
    assert by_source["labelled.txt"]["date"] == "2024-03-05T10:30:00"
    assert by_source["page.html"]["updated"] == "2025-01-21T17:05:30+01:00"
    assert by_source["page.html"]["captions"] == ["Die neuen Kabinen an der Talstation"]
    assert by_source["crane.txt"]["byline"] is None
    assert by_source["crane.txt"]["warnings"] == ["no date found"]


def test_schema_types_are_fixed() -> None:
    schema = arrow_schema()
    assert schema.names == [*FIELDS, "date_ts", "updated_ts"]
    expected = {
        "headline": pa.string(), "authors": pa.list_(pa.string()), "date": pa.string(),
        "word_count": pa.int64(), "warnings": pa.list_(pa.string()),
        "date_ts": pa.timestamp("us", tz="UTC"), "updated_ts": pa.timestamp("us", tz="UTC"),
    }
    for name, kind in expected.items():
        assert schema.field(name).type == kind, name
    assert not schema.field("authors").nullable
    assert not schema.field("word_count").nullable
    assert schema.field("subheadline").nullable


@pytest.mark.parametrize(
    ("fields", "explain", "columns"),
    [
        (None, False, (*FIELDS, "date_ts", "updated_ts")),
        (("headline", "url"), False, ("headline", "url")),
        (("url", "date", "headline"), False, ("url", "date", "headline", "date_ts")),
        (("updated",), True, ("updated", "updated_ts", "provenance")),
    ],
)
def test_output_columns(fields: tuple[str, ...] | None, explain: bool, columns: tuple[str, ...]) -> None:
    assert output_columns(fields, explain=explain) == columns


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-04T10:30:00+03:00", datetime(2025, 2, 4, 7, 30, tzinfo=UTC)),
        ("2025-02-04T10:30:00Z", datetime(2025, 2, 4, 10, 30, tzinfo=UTC)),
        ("2025-02-04T23:30:00-05:00", datetime(2025, 2, 5, 4, 30, tzinfo=UTC)),
        ("2025-02-04T10:30:00.250+00:00", datetime(2025, 2, 4, 10, 30, 0, 250000, tzinfo=UTC)),
        ("2025-02-04T10:30:00", None),  # a wall-clock time in an unknown zone
        ("2025-02-04", None),  # a day, not an instant
        ("2025-02", None),
        ("2025-13-04T10:30:00+00:00", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        ("2025-02-04T10:30:00+03:00" + " " * 100, None),
    ],
)
def test_instant(value: str | None, expected: datetime | None) -> None:
    assert instant(value) == expected


def test_pandas_reads_the_same_values_as_the_jsonl(parquet_file: Path, jsonl_records: list[dict[str, Any]]) -> None:
    frame = pd.read_parquet(parquet_file)
    assert list(frame.columns) == [*FIELDS, "date_ts", "updated_ts"]
    rows = [{name: plain(value) for name, value in row.items()} for row in frame.to_dict("records")]
    assert [{name: row[name] for name in FIELDS} for row in rows] == jsonl_records
    assert isinstance(rows[0]["authors"], list)
    assert rows[0]["subheadline"] is None


def test_duckdb_reads_the_same_values_as_the_jsonl(parquet_file: Path, jsonl_records: list[dict[str, Any]]) -> None:
    relation = duckdb.sql(f"SELECT * EXCLUDE (date_ts, updated_ts) FROM read_parquet('{parquet_file}')")
    rows = [dict(zip(relation.columns, row)) for row in relation.fetchall()]
    assert rows == jsonl_records
    types = dict(zip(relation.columns, map(str, relation.types)))
    assert (types["authors"], types["word_count"], types["date"]) == ("VARCHAR[]", "BIGINT", "VARCHAR")


def test_polars_reads_the_same_values_as_the_jsonl(parquet_file: Path, jsonl_records: list[dict[str, Any]]) -> None:
    frame = pl.read_parquet(parquet_file)
    assert frame.select(list(FIELDS)).to_dicts() == jsonl_records
    assert frame.schema["captions"] == pl.List(pl.String)


def test_timestamp_columns_hold_instants_only(parquet_file: Path) -> None:
    table = pq.read_table(parquet_file, columns=["source", "date_ts", "updated_ts"]).to_pylist()
    got = {row["source"]: (row["date_ts"], row["updated_ts"]) for row in table}
    assert got == EXPECTED_STAMPS


def test_duckdb_sees_timestamps_in_utc(parquet_file: Path) -> None:
    query = (f"SELECT source, epoch_us(date_ts) FROM read_parquet('{parquet_file}') "
             "WHERE date_ts IS NOT NULL ORDER BY source")
    rows = duckdb.sql(query).fetchall()
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    expected = [(name, (stamps[0] - epoch) // timedelta(microseconds=1))
                for name, stamps in sorted(EXPECTED_STAMPS.items()) if stamps[0] is not None]
    assert rows == expected


def test_pandas_timestamps_are_utc(parquet_file: Path) -> None:
    frame = pd.read_parquet(parquet_file, columns=["date_ts"])
    assert isinstance(frame["date_ts"].dtype, pd.DatetimeTZDtype)
    assert str(frame["date_ts"].dtype.tz) == "UTC"
    assert frame["date_ts"].iloc[0] == pd.Timestamp("2024-11-05T13:45:00Z")


def test_row_groups_are_written_as_records_stream_in(tmp_path: Path, jsonl_records: list[dict[str, Any]]) -> None:
    target = tmp_path / "many.parquet"
    writer = ParquetWriter(target, row_group_size=10)
    for number in range(25):
        writer.write_record(dict(jsonl_records[number % 4], id=f"id-{number:02d}"))
        if number == 9:
            assert not target.exists()  # written under a temporary name until closed
    writer.close()
    metadata = pq.ParquetFile(target).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [10, 10, 5]
    assert pq.read_table(target, columns=["id"]).column("id").to_pylist() == [f"id-{n:02d}" for n in range(25)]


def test_no_record_still_makes_a_readable_file(tmp_path: Path) -> None:
    target = tmp_path / "empty.parquet"
    ParquetWriter(target).close()
    table = pq.read_table(target)
    assert table.num_rows == 0
    assert table.schema.names == [*FIELDS, "date_ts", "updated_ts"]
    assert len(pd.read_parquet(target)) == 0


def test_abort_leaves_no_file_and_keeps_an_old_one(tmp_path: Path, articles: list[Article]) -> None:
    target = tmp_path / "kept.parquet"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), ParquetWriter(target, row_group_size=1) as writer:
        writer.write(articles[0])
        writer.write(articles[1])
        raise RuntimeError("stop")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.parquet"]


@pytest.mark.parametrize("name", ["out.parquet/", "out/"])
def test_folder_of_part_files(tmp_path: Path, jsonl_records: list[dict[str, Any]], name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "part-00007.parquet").write_bytes(b"left by a longer run")
    with open_writer_at("parquet", str(folder), part_size=10) as writer:
        for number in range(25):
            writer.write_record(dict(jsonl_records[number % 4], id=f"id-{number:02d}"))
    parts = sorted(p.name for p in folder.iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [pq.read_metadata(folder / p).num_rows for p in parts] == [10, 10, 5]
    assert pd.read_parquet(folder)["id"].tolist() == [f"id-{n:02d}" for n in range(25)]
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{folder}/*.parquet')").fetchall() == [(25,)]
    assert pl.scan_parquet(f"{folder}/*.parquet").select(pl.len()).collect().item() == 25


def test_parts_appear_only_when_the_writer_closes(tmp_path: Path, jsonl_records: list[dict[str, Any]]) -> None:
    folder = tmp_path / "out.parquet"
    with ParquetWriter(f"{folder}/", part_size=2) as first:
        for number in range(3):
            first.write_record(dict(jsonl_records[number], id=f"old-{number}"))
    assert pd.read_parquet(folder)["id"].tolist() == ["old-0", "old-1", "old-2"]
    writer = ParquetWriter(folder, part_size=2)
    for number in range(5):
        writer.write_record(dict(jsonl_records[number % 4], id=f"new-{number}"))
    # two parts are finished, but hidden: a reader still sees the earlier run, whole
    assert pd.read_parquet(folder)["id"].tolist() == ["old-0", "old-1", "old-2"]
    writer.abort()
    assert sorted(p.name for p in folder.iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    assert pd.read_parquet(folder)["id"].tolist() == ["old-0", "old-1", "old-2"]


def test_a_trailing_slash_makes_a_new_folder(tmp_path: Path, articles: list[Article]) -> None:
    with ParquetWriter(f"{tmp_path}/fresh/") as writer:
        writer.write(articles[0])
    assert sorted(p.name for p in (tmp_path / "fresh").iterdir()) == ["part-00000.parquet"]


def test_other_files_in_the_folder_are_left_alone(tmp_path: Path, articles: list[Article]) -> None:
    (tmp_path / "README.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "part-1.parquet").write_text("not a part name", encoding="utf-8")
    with ParquetWriter(tmp_path) as writer:
        writer.write(articles[0])
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["README.txt", "part-00000.parquet", "part-1.parquet"]


def test_fields_and_explain(tmp_path: Path, articles: list[Article]) -> None:
    target = tmp_path / "some.parquet"
    with ParquetWriter(target, fields=("headline", "date"), explain=True) as writer:
        writer.write(articles[0])
    row = pq.read_table(target).to_pylist()[0]
    assert list(row) == ["headline", "date", "date_ts", "provenance"]
    assert row["headline"] == "Lighthouse Keepers Return to Skerry Point"
    assert row["date_ts"] == datetime(2024, 11, 5, 13, 45, tzinfo=UTC)
    assert set(json.loads(row["provenance"])) == {"headline", "date"}


def test_binary_stream_target(articles: list[Article]) -> None:
    buffer = io.BytesIO()
    writer = ParquetWriter(buffer)
    writer.write(articles[2])
    writer.close()
    assert pq.read_table(io.BytesIO(buffer.getvalue())).column("site").to_pylist() == ["alpenbote.example"]


def test_registered_as_a_path_format() -> None:
    assert "parquet" in FORMATS
    assert needs_path("parquet")
    assert format_for_path("Archive/Articles.PARQUET") == "parquet"
    with pytest.raises(ValueError, match="open_writer_at"):
        open_writer("parquet", io.StringIO())


@pytest.mark.parametrize("missing", ["pyarrow", "pyarrow.parquet"])
def test_missing_pyarrow_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # makes "import pyarrow..." raise ImportError
    with pytest.raises(MissingDependencyError) as caught:
        open_writer_at("parquet", tmp_path / "x.parquet")
    assert str(caught.value) == "Parquet output needs pyarrow: pip install 'newsclip[parquet]'"
    assert isinstance(caught.value, NewsclipError)
    assert list(tmp_path.iterdir()) == []


def test_the_cli_prints_the_missing_pyarrow_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclip.cli.common import problem_of

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependencyError) as caught:
        arrow_schema()
    assert problem_of(caught.value) == "Parquet output needs pyarrow: pip install 'newsclip[parquet]'"
