"""``newsclip convert`` into an SQLite database, and with duplicates dropped (``--dedupe``), resumed or not."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclip import parse_file
from newsclip.batch import BatchOptions, BatchUsageError, Encoder, Outcome, RecordKey, ResumeError, convert
from newsclip.batch.duplicates import DuplicateFilter
from newsclip.cli import main
from newsclip.dedupe import MinHasher
from newsclip.model import Article

from .test_batch import Recorder

# ---------------------------------------------------------------------------
# Invented articles. A wire story republished three times: the Harbour Herald's copy, the Valley
# Courier's (another dateline, one sentence reworded) and one inside a Nexis export (another dateline).

WIRE = (
    ("Ferry operators on the south coast agreed on Tuesday to share a single winter timetable, ending a dispute "
     "that had left island passengers with gaps of up to four hours between crossings on some weekday evenings."),
    ("Under the agreement, the two companies will alternate departures every forty minutes between six in the "
     "morning and eleven at night, and tickets bought from either operator will be accepted on both fleets "
     "until the end of March."),
    ("The regional transport board, which brokered the talks over three weeks, said the shared timetable would "
     "add twelve crossings a day in the quietest months without any increase in fares for season ticket holders."),
    ("Island councillors welcomed the deal but warned that the older of the two vessels was due for a refit in "
     "February, and asked the operators to publish a plan for covering its sailings before the holiday period."),
    ("A spokeswoman for the larger operator said a chartered vessel from a northern route had already been "
     "booked for six weeks, and that crews from both companies had trained together on its loading ramps."),
    ("Passenger groups said they would watch punctuality closely, pointing to a winter two years ago when "
     "storms and breakdowns cancelled nearly one crossing in five across the whole season."),
    ("The first shared sailings leave on Monday morning. The board will review the arrangement in April, when "
     "summer sailings resume and each operator returns to its own published schedule and its own ticket office "
     "on the harbour front."),
)
SENTENCE = "The first shared sailings leave on Monday morning."
REWORDED = "Shared sailings begin next week, the board said."
WIRE_HEADLINE = "Ferry Operators Agree Shared Winter Timetable"


def wire_body(dateline: str, *, reworded: bool = False) -> str:
    paragraphs = list(WIRE)
    paragraphs[0] = f"{dateline} (Coastwire) - {paragraphs[0]}"
    if reworded:
        paragraphs[-1] = paragraphs[-1].replace(SENTENCE, REWORDED)
    return "\n\n".join(paragraphs)


def wire_story(dateline: str, *, reworded: bool = False) -> str:
    return f"{WIRE_HEADLINE}\n\nBy Mara Quint\n\nNovember 12, 2024\n\n{wire_body(dateline, reworded=reworded)}\n"


LIBRARY = """\
Title: Library Keeps Reading Rooms Open Until Nine
Author: Priya Natarajan
Date: 2024-11-10
URL: https://www.valleycourier.example/2024/11/10/library-hours

The central library will keep its reading rooms open until nine in the evening on weekdays from December, \
after a survey found that most students wanted somewhere quiet to work after their lectures.

The extra hours will be staffed by two new part-time librarians, paid for from a grant that the council had \
set aside for the refurbishment of the children's floor.
"""
#: The same page saved again after a correction: another body, the same URL, so the same id.
LIBRARY_SAVED_AGAIN = (LIBRARY.replace("paid for from a grant", "paid for out of a grant")
                       + "\nThis article was updated to correct the start month.\n")

TRAM = """\
Tram Line Four Closes for Track Repairs

By Ines Moreau

November 14, 2024

Tram line four will close between the station and the university for nine days from Saturday while engineers \
replace worn rails on the steep section past the hospital.

Replacement buses will run every ten minutes, and the transport authority said journeys would take about a \
quarter of an hour longer than usual during the morning peak.
"""

RECYCLING = (
    "The county opened its new recycling centre on Quarry Lane on Monday, replacing the cramped yard behind "
    "the old bus depot that residents had complained about for years.\n\nThe site takes garden waste, "
    "timber, glass and small electrical items seven days a week, and has a separate lane for traders "
    "who pay by the load."
)
CHOIR = (
    "The choir of Westbay primary school won the national folk song prize in Cardiff on Saturday with an "
    "arrangement of three sea shanties collected by a former headteacher.\n\nThe thirty-two singers, aged "
    "eight to eleven, rehearsed twice a week since September and travelled to the final with parents "
    "on a coach paid for by a village fundraising quiz."
)


def nexis_export() -> str:
    """Three documents in a Nexis export; the second is the wire story again, under a Newport dateline."""
    docs = [
        ("November 11, 2024 Monday", "Recycling Centre Opens on Quarry Lane", "NELL ASHBY", RECYCLING),
        ("November 12, 2024 Tuesday", WIRE_HEADLINE, "Mara Quint", wire_body("NEWPORT, Nov 12")),
        ("November 13, 2024 Wednesday", "School Choir Wins National Folk Prize", "OWEN TALBOT", CHOIR),
    ]
    parts = ["Search Terms: island\n"]
    for number, (date, headline, byline, body) in enumerate(docs, 1):
        parts.append(
            f"                         {number} of {len(docs)} DOCUMENTS\n\n"
            f"                          The Island Gazette\n\n                     {date}\n\n{headline}\n\n"
            f"BYLINE: By {byline}\n\nLENGTH: 120 words\n\n{body}\n\nLOAD-DATE: November 14, 2024\n\n"
            "LANGUAGE: ENGLISH\n"
        )
    return "\n".join(parts)


#: The inputs, in the order the walk reads them.
FILES = {
    "news/a-herald/ferry.txt": wire_story("PORTSMOUTH, Nov 12"),
    "news/b-library.txt": LIBRARY,
    "news/c-courier/ferry.txt": wire_story("SOUTHAMPTON, Nov 13", reworded=True),
    "news/d-export.txt": nexis_export(),
    "news/e-library-saved-again.txt": LIBRARY_SAVED_AGAIN,
    "news/f-tram.txt": TRAM,
}
#: Every record, in output order.
ALL = ["news/a-herald/ferry.txt", "news/b-library.txt", "news/c-courier/ferry.txt", "news/d-export.txt#1",
       "news/d-export.txt#2", "news/d-export.txt#3", "news/e-library-saved-again.txt", "news/f-tram.txt"]
#: What --dedupe exact keeps: all but the library page saved again (same URL, so same id).
EXACT_KEPT = [s for s in ALL if s != "news/e-library-saved-again.txt"]
#: What --dedupe near keeps: the two other copies of the wire story go too, the export's other documents stay.
NEAR_KEPT = ["news/a-herald/ferry.txt", "news/b-library.txt", "news/d-export.txt#1", "news/d-export.txt#3",
             "news/f-tram.txt"]


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for rel, text in FILES.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "news"


def ids() -> dict[str, str]:
    """Each record's id, by source, as the parser gives it."""
    found = {}
    for rel in FILES:
        for article in parse_file(rel):
            assert article.id is not None and article.source is not None
            found[article.source] = article.id
    return found


def invoke(*args: str):
    return CliRunner().invoke(main, ["convert", *args], catch_exceptions=False)


def run(output: str, *, jobs: int = 2, stop_after: int | None = None, **options: object):
    recorder = Recorder(stop_after)
    summary = convert(BatchOptions(inputs=("news",), output=output, jobs=jobs, **options),  # type: ignore[arg-type]
                      recorder)
    return recorder, summary


def rows(database: str | Path, sql: str = "SELECT source FROM articles ORDER BY rowid") -> list[tuple]:
    with sqlite3.connect(database) as conn:
        return conn.execute(sql).fetchall()


def sources(database: str | Path) -> list[str]:
    return [row[0] for row in rows(database)]


def jsonl(path: str | Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_fixture_is_what_the_tests_assume(news: Path) -> None:
    by_source = ids()
    assert list(by_source) == ALL
    assert by_source["news/e-library-saved-again.txt"] == by_source["news/b-library.txt"]  # the same URL
    assert len(set(by_source.values())) == 7
    assert [a.dialect for a in parse_file("news/d-export.txt")] == ["nexis"] * 3


def ids_of(rel: str) -> list[str]:
    return [a.id for a in parse_file(rel) if a.id is not None]


# ---------------------------------------------------------------------------
# the database output


@pytest.mark.parametrize("args", [
    ["-o", "articles.db"],
    ["-o", "articles.sqlite"],
    ["-o", "articles.sqlite3"],
    ["-o", "articles.store", "-f", "sqlite"],
])
def test_convert_into_a_database(news: Path, args: list[str]) -> None:
    result = invoke("news", "-j", "2", *args)
    assert result.exit_code == 0, result.stderr
    database = args[1]
    # 8 records, 7 ids: the page saved again replaced the first save's row
    assert rows(database, "SELECT count(*) FROM articles") == [(7,)]
    assert rows(database, "SELECT count(DISTINCT id) FROM articles") == [(7,)]
    # rows in the order first written; the second save took over the first save's row
    assert sources(database) == [
        "news/a-herald/ferry.txt", "news/e-library-saved-again.txt", "news/c-courier/ferry.txt",
        "news/d-export.txt#1", "news/d-export.txt#2", "news/d-export.txt#3", "news/f-tram.txt",
    ]
    found = rows(database, "SELECT a.source FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid "
                           "WHERE articles_fts MATCH 'shanties'")
    assert found == [("news/d-export.txt#3",)]
    assert f"8 records to {database} (7 rows in all) in " in result.stderr
    assert not Path(database + ".newsclip-manifest").exists()


def test_database_holds_whole_records_whatever_fields_says(news: Path) -> None:
    assert invoke("news/f-tram.txt", "-o", "tram.db", "--fields", "headline").exit_code == 0
    assert rows("tram.db", "SELECT headline, byline, date, word_count, dialect FROM articles") == [
        ("Tram Line Four Closes for Track Repairs", "Ines Moreau", "2024-11-14", 56, "plain"),
    ]


def test_running_again_upserts(news: Path) -> None:
    invoke("news", "-o", "articles.db")
    before = rows("articles.db", "SELECT * FROM articles ORDER BY id")
    result = invoke("news", "-o", "articles.db", "-j", "1")
    assert result.exit_code == 0
    assert rows("articles.db", "SELECT * FROM articles ORDER BY id") == before
    assert rows("articles.db", "SELECT count(*) FROM articles") == [(7,)]


def test_an_existing_database_keeps_its_other_rows(news: Path) -> None:
    invoke("news/f-tram.txt", "-o", "articles.db")
    invoke("news/a-herald", "-o", "articles.db")
    assert sources("articles.db") == ["news/f-tram.txt", "news/a-herald/ferry.txt"]


@pytest.mark.parametrize(("dedupe", "stop_after", "stored"), [
    (None, 1, 1),
    (None, 3, 3),
    (None, 5, 6),   # the export's three records, and the second save over the first one's row
    ("near", 1, 1),
    ("near", 3, 2),  # the reworded copy is not stored
    ("near", 5, 4),  # nor is the export's copy
])
def test_interrupted_then_resumed_gives_the_same_rows(news: Path, dedupe: str | None, stop_after: int,
                                                      stored: int) -> None:
    run("whole.db", dedupe=dedupe)
    _, first = run("out.db", stop_after=stop_after, dedupe=dedupe)
    assert first.stopped == "interrupted"
    assert Path("out.db.newsclip-manifest").exists()
    assert len(sources("out.db")) == stored  # committed when the run stopped
    _, second = run("out.db", resume=True, dedupe=dedupe)
    assert second.resumed == stop_after
    assert (second.files, second.failed, second.stopped) == (6, 0, None)
    everything = "SELECT * FROM articles ORDER BY rowid"
    assert rows("out.db", everything) == rows("whole.db", everything)
    assert not Path("out.db.newsclip-manifest").exists()


def test_resume_without_the_database_starts_again(news: Path) -> None:
    run("out.db", stop_after=2)
    Path("out.db").unlink()
    _, summary = run("out.db", resume=True)
    assert summary.resumed == 0
    assert len(sources("out.db")) == 7


def test_not_a_database_is_an_output_error(news: Path) -> None:
    Path("notes.db").write_text("my notes, not a database\n", encoding="utf-8")
    result = invoke("news", "-o", "notes.db")
    assert result.exit_code == 1
    assert result.stderr == "newsclip: notes.db: file is not a database\n"
    assert Path("notes.db").read_text(encoding="utf-8") == "my notes, not a database\n"


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "-", "-f", "sqlite"], "-f sqlite writes a database file, not to standard output"),
    (["-o", "records/", "-f", "sqlite"], "one .json file per input"),
    (["-o", "out.txt"], "name it .jsonl, .json, .csv, .db or .parquet, or give -f"),
    (["-o", "out.jsonl", "-f", "pretty"], "'pretty' is not one of 'jsonl', 'json', 'csv', 'sqlite'"),
    (["-o", "out.jsonl", "--duplicates", "dropped.jsonl"], "--duplicates needs --dedupe"),
    (["-o", "records/", "--dedupe", "exact"], "--dedupe needs one output file"),
    (["-o", "out.jsonl", "--dedupe", "near", "--duplicates", "out.jsonl"], "--duplicates and -o name the same"),
    (["-o", "out.jsonl", "--dedupe", "near", "--duplicates", "x.jsonl", "--errors", "x.jsonl"],
     "--errors and --duplicates name the same file"),
    (["-o", "out.jsonl", "--dedupe", "near", "--dedupe-threshold", "0"], "0<x<=1"),
    (["-o", "out.jsonl", "--dedupe", "fuzzy"], "'fuzzy' is not one of 'exact', 'near'"),
])
def test_usage_errors(news: Path, args: list[str], message: str) -> None:
    result = invoke("news", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not Path("out.jsonl").exists()


def test_help_lists_only_batch_formats() -> None:
    result = CliRunner().invoke(main, ["convert", "--help"])
    assert "[jsonl|json|csv|sqlite|parquet]" in result.stdout
    assert "--dedupe [exact|near]" in result.stdout
    assert "--dedupe-threshold FLOAT" in result.stdout and "--duplicates FILE" in result.stdout


# ---------------------------------------------------------------------------
# --dedupe


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_dedupe_near_keeps_the_first_copy_and_reports_the_others(news: Path, jobs: str) -> None:
    result = invoke("news", "-o", "out.jsonl", "-j", jobs, "--dedupe", "near", "--duplicates", "dropped.jsonl")
    assert result.exit_code == 0
    assert [r["source"] for r in jsonl("out.jsonl")] == NEAR_KEPT
    assert "5 records to out.jsonl (3 duplicates dropped) in " in result.stderr
    by_source = ids()
    report = jsonl("dropped.jsonl")
    similarities = [line.pop("similarity") for line in report]
    assert report == [
        {"kept": by_source["news/a-herald/ferry.txt"], "dropped": by_source["news/c-courier/ferry.txt"],
         "kind": "near", "kept_source": "news/a-herald/ferry.txt", "dropped_source": "news/c-courier/ferry.txt"},
        {"kept": by_source["news/a-herald/ferry.txt"], "dropped": by_source["news/d-export.txt#2"],
         "kind": "near", "kept_source": "news/a-herald/ferry.txt", "dropped_source": "news/d-export.txt#2"},
        {"kept": ids_of("news/b-library.txt")[0], "dropped": by_source["news/e-library-saved-again.txt"],
         "kind": "exact", "kept_source": "news/b-library.txt",
         "dropped_source": "news/e-library-saved-again.txt"},
    ]
    # the reworded copy shares 0.885 of its five-word phrases with the first (estimated from 128 values)
    assert 0.8 <= similarities[0] < 1.0
    assert 0.8 <= similarities[1] <= 1.0
    assert similarities[2] == 1.0


def test_dedupe_exact_drops_only_records_with_the_same_id(news: Path) -> None:
    result = invoke("news", "-o", "out.jsonl", "--dedupe", "exact", "--duplicates", "dropped.jsonl")
    assert result.exit_code == 0
    records = jsonl("out.jsonl")
    assert [r["source"] for r in records] == EXACT_KEPT
    assert records[1]["body"].endswith("children's floor.")  # the first save is the one kept
    assert [(d["kind"], d["dropped_source"], d["similarity"]) for d in jsonl("dropped.jsonl")] == [
        ("exact", "news/e-library-saved-again.txt", 1.0),
    ]
    assert "7 records to out.jsonl (1 duplicate dropped) in " in result.stderr


def test_dedupe_near_with_a_strict_threshold_keeps_the_reworded_copy(news: Path) -> None:
    invoke("news", "-o", "out.jsonl", "--dedupe", "near", "--dedupe-threshold", "0.99")
    kept = [r["source"] for r in jsonl("out.jsonl")]
    assert "news/c-courier/ferry.txt" in kept and "news/e-library-saved-again.txt" not in kept


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_dedupe_in_other_formats_writes_only_the_kept_records(news: Path, fmt: str) -> None:
    invoke("news", "-o", f"out.{fmt}", "--dedupe", "near", "--fields", "source")
    text = Path(f"out.{fmt}").read_text(encoding="utf-8")
    if fmt == "json":
        assert [r["source"] for r in json.loads(text)] == NEAR_KEPT
    else:
        assert text.splitlines() == ["source", *NEAR_KEPT]


def test_dedupe_on_stdout(news: Path) -> None:
    result = invoke("news", "--dedupe", "near", "-j", "2")
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == NEAR_KEPT


def test_dedupe_into_a_database_lists_the_dropped_ids(news: Path) -> None:
    invoke("news", "-o", "plain.db")  # an earlier run without --dedupe: every record has its row
    result = invoke("news", "-o", "plain.db", "--dedupe", "near", "-j", "2")
    assert result.exit_code == 0
    assert "5 records to plain.db (3 duplicates dropped, 5 rows in all) in " in result.stderr
    by_source = ids()
    assert dict(rows("plain.db", "SELECT source, duplicates FROM articles")) == {
        "news/a-herald/ferry.txt": json.dumps([by_source["news/c-courier/ferry.txt"],
                                               by_source["news/d-export.txt#2"]]),
        "news/b-library.txt": "[]",
        "news/d-export.txt#1": "[]",
        "news/d-export.txt#3": "[]",
        "news/f-tram.txt": "[]",
    }


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("stop_after", [2, 3, 4])
def test_dedupe_interrupted_then_resumed_is_byte_identical(news: Path, fmt: str, stop_after: int) -> None:
    run(f"whole.{fmt}", dedupe="near", duplicates="whole-dropped.jsonl")
    _, first = run(f"out.{fmt}", stop_after=stop_after, dedupe="near", duplicates="dropped.jsonl")
    assert first.stopped == "interrupted"
    _, second = run(f"out.{fmt}", resume=True, dedupe="near", duplicates="dropped.jsonl")
    assert second.resumed == stop_after
    assert (second.records, second.duplicates) == (5, 3)
    assert Path(f"out.{fmt}").read_bytes() == Path(f"whole.{fmt}").read_bytes()
    assert Path("dropped.jsonl").read_bytes() == Path("whole-dropped.jsonl").read_bytes()


@pytest.mark.parametrize("options", [{}, {"dedupe": "exact"}, {"dedupe": "near", "dedupe_threshold": 0.9}])
def test_resume_with_other_dedupe_options_is_refused(news: Path, options: dict[str, object]) -> None:
    run("out.jsonl", stop_after=2, dedupe="near")
    with pytest.raises(ResumeError, match="dedupe"):
        run("out.jsonl", resume=True, **options)


def test_usage_error_from_the_library(news: Path) -> None:
    with pytest.raises(BatchUsageError, match="--dedupe-threshold must be above 0"):
        convert(BatchOptions(inputs=("news",), output="out.jsonl", dedupe="near", dedupe_threshold=1.5))


# ---------------------------------------------------------------------------
# the filter on its own: several records in one outcome, decided one by one


def _outcome(encoder: Encoder, articles: list[Article], hasher: MinHasher) -> Outcome:
    pieces = encoder.encode_each(articles)
    keys, end = [], 0
    for article, piece in zip(articles, pieces):
        end += len(piece)
        keys.append(RecordKey(article.id, article.source, hasher.signature(article.body), end))
    return Outcome("export.txt", 1, 1, b"".join(pieces), len(articles), "nexis", keys=tuple(keys))


STORIES = (
    Article(headline="One", body=wire_body("PORTSMOUTH, Nov 12"), id="a1", source="export.txt#1"),
    Article(headline="Two", body=RECYCLING, id="a2", source="export.txt#2"),
    Article(headline="Three", body=wire_body("NEWPORT, Nov 12"), id="a3", source="export.txt#3"),
    Article(headline="Four", body=CHOIR, id="a2", source="export.txt#4"),
)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_filter_keeps_the_bytes_of_the_kept_records_only(fmt: str) -> None:
    encoder = Encoder(fmt, fields=("headline",))
    hasher = MinHasher()
    dupes = DuplicateFilter("near", threshold=0.8, joiner=encoder.joiner, hasher=hasher)
    filtered = dupes.apply(_outcome(encoder, list(STORIES), hasher))
    assert filtered.data == encoder.encode([STORIES[0], STORIES[1]])
    assert (filtered.records, filtered.dropped) == (2, 2)
    assert filtered.duplicates == (("a1", "a3"),)  # an exact copy (same id) is not listed against itself
    assert len(filtered.keys) == 4  # all kept for the manifest, so a resume can replay them


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_encode_each_joined_is_encode(fmt: str) -> None:
    encoder = Encoder(fmt)
    assert encoder.joiner.join(encoder.encode_each(list(STORIES))) == encoder.encode(list(STORIES))
    assert encoder.encode_each([]) == []
