"""``newsclip search``: FTS5 queries, ranking, filters, output formats, and clean failures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsclip.cli import main
from newsclip.store import COLUMNS, Store

ARTICLES: list[dict[str, object]] = [
    {
        "id": "ferry",
        "headline": "Ferry Routes Suspended as Lake Varne Falls",
        "byline": "Marit Olsen, Nordwire",
        "date": "2025-03-03",
        "site": "example.org",
        "body": "Two of the four ferry routes on Lake Varne were suspended on Monday after the water fell to a "
                "forty-year low. A replacement bus service will run between Strandvik and Holmen.",
    },
    {
        "id": "budget",
        "headline": "Council Approves Budget for Schools",
        "byline": "Per Lund",
        "date": "2025-01-14",
        "site": "news.example.net",
        "body": "The city council approved next year's budget after a debate that lasted until midnight. "
                "Parents asked why the promised music teachers had been left out.",
    },
    {
        "id": "match",
        "headline": "Holmen United Draw With Rovers",
        "date": "2024-11-30",
        "site": "sport.example.com",
        "body": "Holmen United came from two goals down to draw with Strandvik Rovers. Ola Berg scored a late "
                "penalty in stoppage time to level the match.",
    },
    {
        "id": "concert",
        "headline": "Orchestra Opens Winter Season",
        "date": "2024-12-01T19:30:00+01:00",
        "site": "example.org",
        "body": "The chamber orchestra opened its winter season to a full house. Many in the audience came "
                "over from the island on the late ferry.",
    },
    {
        "id": "drought",
        "headline": "Council Weighs Drought Emergency",
        "date": "2025-03-06",
        "site": "example.net",
        "body": "The regional council will decide on Thursday whether to declare a drought emergency. The "
                "ferry company has already cut two routes.",
    },
    {
        "id": "cafe",
        "headline": "Lakeside Café Closes for the Spring",
        "date": None,
        "site": None,
        "body": "The café by the ferry pier closed its doors on Friday because the jetty now stands on dry mud.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "articles.db"
    with Store.open(path, writable=True) as store:
        for record in ARTICLES:
            store.upsert({**record, "source": f"{record['id']}.txt"})
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["search", *args])


def ids(result: Result) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


# --- queries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"replacement bus"', {"ferry"}),
        ('"bus replacement"', set()),
        ('"forty-year low"', {"ferry"}),
        ("council AND drought", {"drought"}),
        ("council drought", {"drought"}),
        ("council OR orchestra", {"budget", "drought", "concert"}),
        ("council NOT drought", {"budget"}),
        ("(council OR orchestra) NOT season", {"budget", "drought"}),
        ("strand*", {"ferry", "match"}),
        ("NEAR(penalty stoppage, 3)", {"match"}),
        ("NEAR(council routes, 3)", set()),
        ("headline:council", {"budget", "drought"}),
        ("byline:olsen", {"ferry"}),
        ("cafe", {"cafe"}),
        ("CAFÉ", {"cafe"}),
        ("volcano", set()),
    ],
)
def test_fts5_queries(db: Path, query: str, expected: set[str]) -> None:
    found = ids(run(str(db), query, "-f", "jsonl"))
    assert set(found) == expected
    assert len(found) == len(expected)


def test_a_headline_match_ranks_first(db: Path) -> None:
    found = ids(run(str(db), "ferry", "-f", "jsonl"))
    assert found[0] == "ferry"
    assert set(found) == {"ferry", "concert", "drought", "cafe"}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--since", "2025-03"], {"ferry", "drought"}),
        (["--since", "2025-03-04"], {"drought"}),
        (["--until", "2024-12"], {"concert"}),
        (["--until", "2025-03-03"], {"ferry", "concert"}),
        (["--since", "2024-12-01", "--until", "2025-03-03"], {"ferry", "concert"}),
        (["--since", "2025"], {"ferry", "drought"}),
        (["--site", "example.org"], {"ferry", "concert"}),
        (["--site", "example.org", "--site", "example.net"], {"ferry", "concert", "drought"}),
        (["--site", "example.org", "--since", "2025"], {"ferry"}),
    ],
)
def test_filters(db: Path, options: list[str], expected: set[str]) -> None:
    assert set(ids(run(str(db), "ferry", "-f", "jsonl", *options))) == expected


@pytest.mark.parametrize(
    ("site", "expected"),
    [("example.net", {"budget", "drought"}), ("news.example.net", {"budget"}), ("xample.net", set())],
)
def test_a_site_includes_its_sub_domains(db: Path, site: str, expected: set[str]) -> None:
    assert set(ids(run(str(db), "council", "-f", "jsonl", "--site", site))) == expected


@pytest.mark.parametrize(("limit", "count"), [("1", 1), ("3", 3), ("0", 4)])
def test_limit(db: Path, limit: str, count: int) -> None:
    assert len(ids(run(str(db), "ferry", "-f", "jsonl", "-n", limit))) == count


# --- output formats ----------------------------------------------------------------


def test_json_results_carry_the_record_rank_score_and_snippet(db: Path) -> None:
    result = run(str(db), "ferry", "-f", "json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert [list(hit) for hit in hits] == [[*COLUMNS, "rank", "score", "snippet"]] * 4
    assert [hit["rank"] for hit in hits] == [1, 2, 3, 4]
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)
    assert hits[0]["headline"] == "Ferry Routes Suspended as Lake Varne Falls"
    assert hits[0]["byline"] == "Marit Olsen, Nordwire"
    assert hits[0]["duplicates"] == []
    assert hits[0]["source"] == "ferry.txt"


def test_the_snippet_marks_the_matched_words(db: Path) -> None:
    [hit] = json.loads(run(str(db), '"replacement bus"', "-f", "json").stdout)
    assert "A **replacement bus** service will run" in hit["snippet"]


def test_no_match_as_json_is_an_empty_array(db: Path) -> None:
    result = run(str(db), "volcano", "-f", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "")


def test_csv_results(db: Path) -> None:
    result = run(str(db), "council", "-f", "csv", "--fields", "headline,date")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["headline", "date", "rank", "score", "snippet"]
    # "council" once in each headline and body; bm25 favours the shorter headline and body (drought's)
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
        ("Council Weighs Drought Emergency", "2025-03-06", "1"),
        ("Council Approves Budget for Schools", "2025-01-14", "2"),
    ]
    assert all(float(r[3]) > 0 for r in rows[1:])


def test_fields_choose_the_record_keys(db: Path) -> None:
    result = run(str(db), '"replacement bus"', "-f", "jsonl", "--fields", "date,headline")
    [hit] = [json.loads(line) for line in result.stdout.splitlines()]
    assert list(hit) == ["date", "headline", "rank", "score", "snippet"]


def test_pretty_output_lists_headline_date_site_and_snippet(db: Path) -> None:
    result = run(str(db), '"replacement bus"', "-f", "pretty")
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == "1. Ferry Routes Suspended as Lake Varne Falls"
    assert lines[1] == "   2025-03-03 · example.org · ferry.txt"
    assert "**replacement bus**" in result.stdout


def test_pretty_output_says_when_nothing_matches(db: Path) -> None:
    result = run(str(db), "volcano", "-f", "pretty")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "newsclip: no articles match\n")


def test_default_output_off_a_terminal_is_json_lines(db: Path) -> None:
    assert ids(run(str(db), '"replacement bus"')) == ["ferry"]


# --- failures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["council AND", '"unterminated', "NOT council", "nosuchcolumn:word", "it's", "(council", "*", "", "  "],
)
def test_a_malformed_query_is_one_line_and_exit_2(db: Path, query: str) -> None:
    result = run(str(db), query)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("newsclip: bad search query: ")
    assert result.stderr.count("\n") == 1


def test_an_empty_query_says_so(db: Path) -> None:
    assert run(str(db), " ").stderr.startswith("newsclip: bad search query: the query is empty (")


def test_a_missing_database_is_exit_1_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    result = run(str(path), "ferry")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"newsclip: {path}: no such file\n")
    assert not path.exists()


def test_a_file_that_is_not_a_database_is_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Ferry notes\n" * 50, encoding="utf-8")
    result = run(str(path), "ferry")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"newsclip: {path}: file is not a database\n"


def test_a_database_of_another_program_is_exit_1(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    result = run(str(path), "ferry")
    assert result.exit_code == 1
    assert result.stderr == f"newsclip: {path}: has no 'articles' table (not a newsclip database)\n"


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_a_bad_date_is_a_usage_error(db: Path, option: str) -> None:
    result = run(str(db), "ferry", option, "March 2025")
    assert result.exit_code == 2
    assert "is not an ISO date" in result.stderr
