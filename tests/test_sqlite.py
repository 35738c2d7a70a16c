"""SQLite output: the schema, upserts by id, the full-text index kept in step, and ``parse -o x.db``."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclip import Article
from newsclip.cli import main
from newsclip.model import FIELDS
from newsclip.output import PATH_FORMATS, format_for_path, needs_path, open_writer, open_writer_at
from newsclip.store import (
    COLUMNS,
    QueryError,
    Store,
    StoreError,
    check_date_bound,
    is_database_file,
    merge_lists,
    row_values,
)

FERRY = (
    "Title: Ferry Routes Suspended as Lake Falls\n"
    "URL: https://example.org/news/ferry-routes-suspended\n"
    "Date: 2025-03-03\n"
    "\n"
    "Two of the four ferry routes on Lake Varne were suspended on Monday after the water fell to a forty-year low.\n"
    "\n"
    "A replacement bus will run between Strandvik and Holmen until further notice.\n"
)

BUDGET = (
    "Title: Council Approves Budget for Schools\n"
    "URL: https://example.net/local/council-budget\n"
    "Date: 2025-01-14\n"
    "\n"
    "The city council approved next year's budget after a debate that lasted until midnight.\n"
)


def article(**values: object) -> Article:
    base: dict[str, object] = {
        "headline": "Harbour Bridge Reopens",
        "byline": "Jane Doe, Nordwire",
        "authors": ("Jane Doe",),
        "agencies": ("Nordwire",),
        "date": "2025-02-04",
        "url": "https://example.org/bridge",
        "site": "example.org",
        "body": "The harbour bridge reopened to traffic on Thursday morning.",
        "word_count": 9,
        "id": "bridge0000000001",
        "source": "bridge.txt",
        "dialect": "plain",
        "warnings": ("no byline found",),
    }
    base.update(values)
    return Article(**base)  # type: ignore[arg-type]


def write(path: Path, *articles: Article) -> None:
    writer = open_writer_at("sqlite", path)
    for item in articles:
        writer.write(item)
    writer.close()


def rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# --- the registry ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("out.db", "sqlite"), ("out.sqlite", "sqlite"), ("OUT.SQLITE3", "sqlite"), ("out.dbx", None)],
)
def test_database_extensions(name: str, fmt: str | None) -> None:
    assert format_for_path(name) == fmt


def test_sqlite_is_a_path_format() -> None:
    assert "sqlite" in PATH_FORMATS
    assert needs_path("sqlite") and not needs_path("jsonl")


def test_a_database_cannot_be_opened_on_a_stream() -> None:
    with pytest.raises(ValueError, match="open_writer_at"):
        open_writer("sqlite", io.StringIO())
    with pytest.raises(ValueError, match="open_writer"):
        open_writer_at("jsonl", "out.jsonl")


# --- the schema --------------------------------------------------------------------


def test_the_table_has_the_record_columns_in_order_then_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(db, article())
    names = [r[1] for r in rows(db, "PRAGMA table_info(articles)")]
    assert names == [*FIELDS, "duplicates"]
    assert tuple(names) == COLUMNS


def test_id_is_the_primary_key_and_date_and_site_are_indexed(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(db, article())
    info = {r[1]: r for r in rows(db, "PRAGMA table_info(articles)")}
    assert info["id"][5] == 1  # pk
    assert info["word_count"][2] == "INTEGER"
    indexed = {rows(db, f"PRAGMA index_info({r[1]})")[0][2] for r in rows(db, "PRAGMA index_list(articles)")}
    assert {"date", "site", "id"} <= indexed


def test_values_are_stored_as_sql_types_and_lists_as_json(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(db, article())
    [(authors, agencies, captions, warnings, duplicates, word_count, kind, subheadline)] = rows(
        db, "SELECT authors, agencies, captions, warnings, duplicates, word_count, typeof(word_count), subheadline "
            "FROM articles")
    assert json.loads(authors) == ["Jane Doe"]
    assert json.loads(agencies) == ["Nordwire"]
    assert captions == "[]" and duplicates == "[]"
    assert json.loads(warnings) == ["no byline found"]
    assert (word_count, kind) == (9, "integer")
    assert subheadline is None


def test_the_full_text_index_is_an_external_content_table_with_triggers(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(db, article())
    [(sql,)] = rows(db, "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
    assert 'fts5(headline, byline, body, content="articles"' in sql
    triggers = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert triggers == {"articles_ai", "articles_ad", "articles_au"}
    assert rows(db, "PRAGMA user_version") == [(1,)]


def test_datasette_finds_the_full_text_index(tmp_path: Path) -> None:
    """The query Datasette runs to find a table's FTS index (datasette.utils.detect_fts_sql)."""
    db = tmp_path / "a.db"
    write(db, article())
    found = rows(db, "SELECT name FROM sqlite_master WHERE rootpage = 0 "
                     "AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"articles\"%'")
    assert found == [("articles_fts",)]


def test_the_database_is_one_file_with_no_journal_left(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(db, article())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]
    assert rows(db, "PRAGMA journal_mode") == [("delete",)]
    assert is_database_file(db)


# --- upserts -----------------------------------------------------------------------


def test_rerunning_updates_rows_instead_of_adding_them(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(db, article(), article(id="other00000000001", headline="Ferry Routes Suspended", url=None))
    write(db, article(headline="Harbour Bridge Closes Again", word_count=12))
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]
    assert rows(db, "SELECT headline, word_count FROM articles WHERE id = 'bridge0000000001'") == [
        ("Harbour Bridge Closes Again", 12)]


def test_the_index_follows_updates_and_deletes(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(db, article())
    write(db, article(headline="Harbour Bridge Closes Again"))
    match = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert rows(db, match, ("reopens",)) == [(0,)]
    assert rows(db, match, ("closes",)) == [(1,)]
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM articles")
    conn.commit()
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # raises if out of step
    conn.close()
    assert rows(db, match, ("closes",)) == [(0,)]


def test_the_index_passes_its_integrity_check_after_many_writes(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Store.open(db, writable=True, batch_size=7) as store:
        for i in range(50):
            store.upsert({"id": f"id{i % 30}", "headline": f"Story number {i}", "body": f"Body text {i} here."})
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (30,)
    conn.close()


def test_an_unchanged_record_leaves_the_row_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(db, article())
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE touched (n)")
    conn.execute("CREATE TRIGGER t AFTER UPDATE ON articles BEGIN INSERT INTO touched VALUES (1); END")
    conn.commit()
    conn.close()
    write(db, article())
    assert rows(db, "SELECT count(*) FROM touched") == [(0,)]
    write(db, article(body="Changed."))
    assert rows(db, "SELECT count(*) FROM touched") == [(1,)]


def test_a_record_without_an_id_gets_the_usual_one(tmp_path: Path) -> None:
    from newsclip.assemble import article_id

    with Store.open(tmp_path / "a.db", writable=True) as store:
        store.upsert({"headline": "No Id", "url": "https://example.com/x", "body": "Text."})
        store.upsert({"headline": "No Id", "url": "https://example.com/x", "body": "Text, again."})
        assert store.count() == 1
        [record] = list(store.records())
    assert record["id"] == article_id("https://example.com/x", None, None, None)
    assert record["body"] == "Text, again."


def test_text_that_cannot_be_encoded_is_repaired() -> None:
    values = dict(zip(COLUMNS, row_values({"id": "x", "headline": "bad \ud83d here", "authors": ["a\udc80"]})))
    assert values["headline"] == "bad \ufffd here"
    assert json.loads(values["authors"]) == ["a\ufffd"]


# --- duplicates --------------------------------------------------------------------


def test_a_duplicate_is_listed_on_the_kept_row_and_its_own_row_removed(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Store.open(db, writable=True) as store:
        store.upsert({"id": "kept", "body": "a"})
        store.upsert({"id": "copy", "body": "b"})
        store.add_duplicate("kept", "copy")
        store.add_duplicate("kept", "copy")  # twice: listed once
        store.add_duplicate("kept", "kept")  # an exact copy: nothing to list or delete
        store.add_duplicate("kept", "elsewhere")
        assert store.get("kept")["duplicates"] == ["copy", "elsewhere"]  # type: ignore[index]
        assert store.get("copy") is None
        assert store.count() == 1


def test_upserting_a_record_with_duplicates_merges_the_lists(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db", writable=True) as store:
        store.upsert({"id": "k", "body": "a", "duplicates": ["x"]})
        store.upsert({"id": "k", "body": "a", "duplicates": ["y", "x"]})
        store.upsert({"id": "k", "body": "a"})
        assert store.get("k")["duplicates"] == ["x", "y"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("old", "new", "merged"),
    [
        ("[]", "[]", []),
        ('["a"]', '["b", "a"]', ["a", "b"]),
        (None, '["a"]', ["a"]),
        ("not json", '["a"]', ["a"]),
        ('{"a": 1}', '["b"]', ["b"]),
    ],
)
def test_merge_lists(old: str | None, new: str | None, merged: list[str]) -> None:
    assert json.loads(merge_lists(old, new)) == merged


# --- opening -----------------------------------------------------------------------


def test_reading_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Store.open(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some text\n" * 20, encoding="utf-8")
    for writable in (False, True):
        with pytest.raises(StoreError, match="file is not a database"):
            Store.open(path, writable=writable)
    assert path.read_text(encoding="utf-8") == "just some text\n" * 20


def test_another_programs_articles_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (title TEXT, link TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="other columns"):
        Store.open(path, writable=True)
    with pytest.raises(StoreError, match="lacks the columns"):
        Store.open(path)


def test_a_database_without_the_table_cannot_be_searched(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    with pytest.raises(StoreError, match="no 'articles' table"):
        Store.open(path)


def test_a_read_only_store_refuses_writes(tmp_path: Path) -> None:
    write(tmp_path / "a.db", article())
    with Store.open(tmp_path / "a.db") as store, pytest.raises(StoreError, match="read-only"):
        store.upsert({"id": "x"})


def test_records_read_back_equal_what_was_written(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    first, second = article(), article(id="second0000000001", date=None, warnings=())
    write(db, first, second)
    with Store.open(db) as store:
        assert list(store.records()) == [{**first.to_dict(), "duplicates": []},
                                         {**second.to_dict(), "duplicates": []}]


def test_a_query_error_is_a_query_error(tmp_path: Path) -> None:
    write(tmp_path / "a.db", article())
    with Store.open(tmp_path / "a.db") as store, pytest.raises(QueryError, match="syntax error"):
        store.search("bridge AND")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024", "2024"), ("2024-03", "2024-03"), ("2024-03-05", "2024-03-05"),
     ("2024-03-05 10:30", "2024-03-05T10:30"), (" 2024-03-05T10:30:00Z ", "2024-03-05T10:30:00Z")],
)
def test_date_bounds(value: str, expected: str) -> None:
    assert check_date_bound(value) == expected


@pytest.mark.parametrize("value", ["", "March 2024", "24-03-05", "2024/03/05", "2024-3"])
def test_bad_date_bounds(value: str) -> None:
    with pytest.raises(ValueError):
        check_date_bound(value)


# --- parse -o x.db -----------------------------------------------------------------


def test_parse_writes_a_database_the_sqlite3_module_reads(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "budget.txt").write_text(BUDGET, encoding="utf-8")
    db = tmp_path / "out.db"
    inputs = [str(tmp_path / "ferry.txt"), str(tmp_path / "budget.txt")]
    result = CliRunner().invoke(main, ["parse", *inputs, "-o", str(db)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]
    assert rows(db, "SELECT headline, site, date FROM articles ORDER BY date") == [
        ("Council Approves Budget for Schools", "example.net", "2025-01-14"),
        ("Ferry Routes Suspended as Lake Falls", "example.org", "2025-03-03"),
    ]
    found = rows(db, "SELECT a.headline FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                     "WHERE articles_fts MATCH '\"replacement bus\"'")
    assert found == [("Ferry Routes Suspended as Lake Falls",)]


def test_parse_into_the_same_database_twice_upserts(tmp_path: Path) -> None:
    source = tmp_path / "ferry.txt"
    source.write_text(FERRY, encoding="utf-8")
    db = tmp_path / "out.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["parse", str(source), "-o", str(db)]).exit_code == 0
    source.write_text(FERRY.replace("Ferry Routes Suspended", "All Ferry Routes Suspended"), encoding="utf-8")
    assert runner.invoke(main, ["parse", str(source), "-f", "sqlite", "-o", str(db)]).exit_code == 0
    assert rows(db, "SELECT count(*), headline FROM articles") == [(1, "All Ferry Routes Suspended as Lake Falls")]


def test_parse_to_stdout_as_sqlite_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "ferry.txt"
    source.write_text(FERRY, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(source), "-f", "sqlite"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "-f sqlite writes a file, not to stdout" in result.stderr


def test_parse_into_a_file_that_is_not_a_database_fails_cleanly(tmp_path: Path) -> None:
    source = tmp_path / "ferry.txt"
    source.write_text(FERRY, encoding="utf-8")
    target = tmp_path / "notes.db"
    target.write_text("my notes\n" * 10, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(source), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr == f"newsclip: {target}: file is not a database\n"
    assert target.read_text(encoding="utf-8") == "my notes\n" * 10
