"""The Dask path on a real local cluster: same records as one machine, in order, bad files as data."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import duckdb
import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import newsclip
from newsclip import NewsclipError, parse_bytes, parse_file
from newsclip.batch import BatchOptions, BatchUsageError
from newsclip.batch import convert as convert_locally
from newsclip.batch.walk import Walk, expand_arguments
from newsclip.cli.common import ExitStatus
from newsclip.cli.dask_engine import convert_with_dask, run_dask_convert
from newsclip.distributed import (
    CRASH_MESSAGE,
    FileItem,
    InputListing,
    MissingDependencyError,
    convert,
    plan_partitions,
    read_articles,
    to_dataframe,
)
from newsclip.distributed.cluster import _results
from newsclip.model import FIELDS

EXPORT_ARTICLE = """\
                               {n} of 2 DOCUMENTS

                              The Fjord Herald

                        October 14, 2024 Monday
                             Final Edition

{headline}

BYLINE: {author}

SECTION: LOCAL; Pg. 4

LENGTH: 38 words

{body}

LOAD-DATE: October 15, 2024

LANGUAGE: ENGLISH
"""

EXPORT = "\n\n".join([
    EXPORT_ARTICLE.format(n=1, headline="Ferry Fares Frozen Until Spring", author="Jonas Berg",
                          body="The county froze ferry fares until the end of March after a vote on Monday.\n\n"
                               "Commuters had warned that a rise would push more cars onto the coast road."),
    EXPORT_ARTICLE.format(n=2, headline="Salmon Farm Licence Renewed for Ten Years", author="Astrid Nyberg",
                          body="The fisheries directorate renewed the licence of the salmon farm in the inner\n"
                               "fjord for another ten years on Monday.\n\n"
                               "The farm must now report sea lice counts every week instead of every month."),
])

LETTER = """\
From: Harbour Weekly <desk@harbourweekly.example>
To: reader@example.org
Subject: Tall ship festival moves to August
Date: Fri, 07 Jun 2024 07:30:00 +0200
Content-Type: text/plain; charset=utf-8

The tall ship festival will be held in the last week of August this year, two months later than usual.

Organisers said the spring storms had delayed repairs to the quay where the ships moor.
"""

CLIPPING = """\
---
title: "Night Ferry Timetable Extended Into Autumn"
source: https://www.northernledger.example/2024/06/01/night-ferry-autumn
author:
  - "Oskar Lind"
published: 2024-06-01
---

# Night Ferry Timetable Extended Into Autumn

The night ferry between the two islands will keep running until the end of October, the operator announced.

Passenger numbers rose by a third this summer, which the operator credits to the new cabin prices.
"""

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <title>Tram Depot Gets Solar Roof | Valley Times</title>
  <meta property="og:title" content="Tram Depot Gets Solar Roof">
  <meta property="og:url" content="https://www.valleytimes.example/2024/09/12/tram-depot-solar">
  <meta property="article:published_time" content="2024-09-12T09:00:00+00:00">
</head>
<body>
  <article>
    <h1>Tram Depot Gets Solar Roof</h1>
    <p class="byline">By Priya Okafor</p>
    <p>The tram depot on Mill Lane will be covered with solar panels by the end of the year, the operator said.</p>
    <p>The panels should supply about a tenth of the power the trams use on weekdays.</p>
  </article>
</body>
</html>
"""

LABELLED = """\
Title: Café Owners Protest New Terrace Fees
Author(s): Inès Moreau
Published: 2024-03-05 10:30:00
URL: https://www.valleytimes.example/2024/03/05/cafe-terrace-fees

Café owners in the old town gathered outside the town hall on Monday to protest a sharp rise in terrace fees.
"""

#: The mixed folder: relative path -> bytes. Hidden files are not inputs.
FILES: dict[str, bytes] = {
    "a-export.txt": EXPORT.encode("utf-8"),
    "b-clipping.md": CLIPPING.encode("utf-8"),
    "blank.txt": b"   \n\n\t\n",
    "news/2024/labelled.txt": LABELLED.encode("cp1252"),
    "news/2024/page.html": PAGE.encode("utf-8"),
    "news-extra/page.html": PAGE.replace("Priya Okafor", "Ula Sato").encode("utf-8"),
    "picture.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "z-letter.eml": LETTER.encode("utf-8"),
    ".draft.txt": b"Not an input\n\nHidden files are skipped.\n",
}

#: The inputs in the order ``convert`` walks them: names sorted folder by folder ("news" before "news-extra").
WALK_ORDER = ("a-export.txt", "b-clipping.md", "blank.txt", "news/2024/labelled.txt", "news/2024/page.html",
              "news-extra/page.html", "picture.txt", "z-letter.eml")
BAD = {"blank.txt": ("input", "is empty"), "picture.txt": ("binary", "is a PNG image, not text")}


# -- missing dependencies (first, before any cluster runs) -------------------------------------


@pytest.mark.parametrize(
    ("missing", "names"),
    [
        (("distributed",), "distributed"),
        (("dask", "distributed"), "dask and distributed"),  # without dask, distributed cannot load either
    ],
)
def test_missing_dask_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str], missing: tuple[str, ...],
                                        names: str) -> None:
    (tmp_path / "in.txt").write_text(LETTER, encoding="utf-8")
    for name in missing:
        monkeypatch.setitem(sys.modules, name, None)  # makes "import NAME" raise ImportError
    errors = str(tmp_path / "errors.jsonl")
    with pytest.raises(MissingDependencyError) as caught:
        convert(str(tmp_path / "in.txt"), str(tmp_path / "out.jsonl"), errors=errors)
    assert str(caught.value) == f"the Dask engine needs {names}: pip install 'newsclip[dask]'"
    assert isinstance(caught.value, NewsclipError)
    status = run_dask_convert(BatchOptions(inputs=(str(tmp_path / "in.txt"),), output=str(tmp_path / "out.jsonl"),
                                           errors=errors))
    assert status == ExitStatus.FAILED
    assert capsys.readouterr().err == f"newsclip: the Dask engine needs {names}: pip install 'newsclip[dask]'\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]  # not even an empty --errors file


def test_the_errors_module_holds_missing_dependency_error() -> None:
    from newsclip import errors
    from newsclip.output import parquetout

    assert MissingDependencyError is errors.MissingDependencyError is parquetout.MissingDependencyError


@pytest.mark.parametrize("missing", ["dask", "dask.bag"])
def test_missing_dask_for_read_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str) -> None:
    monkeypatch.setitem(sys.modules, missing, None)
    with pytest.raises(MissingDependencyError, match=r"^read_articles needs dask: pip install 'newsclip\[dask\]'$"):
        read_articles(str(tmp_path))


# -- pure helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sizes", "blocksize", "max_files", "min_partitions", "groups"),
    [
        ([1] * 10, 1000, 4, 2, [4, 4, 2]),  # enough inputs: full groups of max_files
        ([1] * 5, 1000, 4, 2, [3, 2]),  # few inputs: spread over min_partitions groups
        ([1] * 3, 1000, 4, 16, [1, 1, 1]),
        ([5, 5, 5, 5], 10, 4, 1, [2, 2]),  # the byte budget closes a group
        ([100, 1, 1], 10, 8, 1, [1, 2]),  # a file larger than the budget is a group of its own
        ([None, None, 7], 5, 8, 1, [2, 1]),  # an unknown size counts as nothing
        ([], 10, 4, 2, []),
    ],
)
def test_plan_partitions(sizes: list[int | None], blocksize: int, max_files: int, min_partitions: int,
                         groups: list[int]) -> None:
    items = [FileItem(f"f{i}", f"/f{i}", size) for i, size in enumerate(sizes)]
    planned = list(plan_partitions(items, blocksize=blocksize, max_files=max_files, min_partitions=min_partitions))
    assert [len(group) for group in planned] == groups
    assert [item for group in planned for item in group] == items


def test_plan_partitions_reads_a_size_string() -> None:
    items = [FileItem(f"f{i}", f"/f{i}", 600 * 1024) for i in range(4)]
    planned = list(plan_partitions(items, blocksize="1MiB", max_files=8, min_partitions=1))
    assert [len(group) for group in planned] == [1, 1, 1, 1]


class _DeadFuture:
    """A future whose worker died: what distributed hands back after KilledWorker."""

    released = False

    def result(self) -> Any:
        raise RuntimeError("Attempted to run task on 3 different workers, but all those workers died")

    def release(self) -> None:
        self.released = True


def test_a_dead_worker_fails_each_file_of_its_partition() -> None:
    group = [FileItem("a.txt", "/d/a.txt", 10), FileItem("b.txt", "/d/b.txt", 20)]
    future = _DeadFuture()
    results = _results(future, group)
    assert [(r.path, r.size, r.records, r.kind, r.message) for r in results] == [
        ("a.txt", 10, [], "crash", CRASH_MESSAGE), ("b.txt", 20, [], "crash", CRASH_MESSAGE)]
    assert future.released


def test_newsclip_dask_is_the_same_module_and_leaves_dask_alone() -> None:
    import newsclip.dask
    import newsclip.distributed

    assert newsclip.dask.read_articles is newsclip.distributed.read_articles
    assert "newsclip" not in Path(dask.__file__).parts


# -- the mixed folder --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    for rel, data in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as made:
        yield made


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster) as made:
        yield made


def local_records(folder: Path) -> list[dict[str, Any]]:
    """What one machine makes of the folder: every good input parsed in walk order."""
    good = [f"{folder}/{rel}" for rel in WALK_ORDER if rel not in BAD]
    return [article.to_dict() for path in good for article in parse_file(path)]


def expected_errors(folder: Path) -> list[dict[str, Any]]:
    return [{"path": f"{folder}/{rel}", "kind": BAD[rel][0], "message": BAD[rel][1]}
            for rel in WALK_ORDER if rel in BAD]


def test_listing_walks_like_convert(folder: Path) -> None:
    listed = [item.path for item in InputListing([str(folder)])]
    assert listed == [f"{folder}/{rel}" for rel in WALK_ORDER]
    assert listed == list(Walk(list(expand_arguments([str(folder)]))))


def test_the_folder_gives_the_records_the_tests_expect(folder: Path) -> None:
    records = local_records(folder)
    assert [r["source"].removeprefix(f"{folder}/") for r in records] == [
        "a-export.txt#1", "a-export.txt#2", "b-clipping.md", "news/2024/labelled.txt", "news/2024/page.html",
        "news-extra/page.html", "z-letter.eml"]
    assert records[3]["headline"] == "Café Owners Protest New Terrace Fees"  # decoded from cp1252
    assert [records[4]["authors"], records[5]["authors"]] == [["Priya Okafor"], ["Ula Sato"]]


def test_read_articles_gives_the_single_machine_records_in_order(client: Client, folder: Path) -> None:
    records, errors = read_articles(str(folder), files_per_partition=2)
    assert records.npartitions == len(WALK_ORDER)  # 8 inputs spread over up to 16 partitions: one each
    got_records, got_errors = dask.compute(records, errors)
    assert got_records == local_records(folder)
    assert got_errors == expected_errors(folder)


def test_read_articles_with_globs_and_fsspec_urls(client: Client, folder: Path) -> None:
    records, errors = read_articles([f"{folder}/news/*/*.html", f"file://{folder}/z-letter.eml",
                                     f"file://{folder}/nothing-*.txt"])
    got_records, got_errors = dask.compute(records, errors)
    letter = f"file://{folder}/z-letter.eml"
    expected = [*parse_file(f"{folder}/news/2024/page.html"),
                *parse_bytes(FILES["z-letter.eml"], source=letter)]
    assert got_records == [a.to_dict() for a in expected]
    assert got_records[1]["source"] == letter
    assert got_errors == [{"path": f"file://{folder}/nothing-*.txt", "kind": "missing",
                           "message": "no file matches this pattern"}]


def test_a_folder_url_is_walked_like_a_local_folder(client: Client, folder: Path) -> None:
    records, errors = read_articles(f"file://{folder}", files_per_partition=3)
    got_records, got_errors = dask.compute(records, errors)
    local = local_records(folder)
    assert [r["headline"] for r in got_records] == [r["headline"] for r in local]
    assert [r["source"] for r in got_records] == [f"file://{r['source']}" for r in local]
    assert [e["path"] for e in got_errors] == [f"file://{e['path']}" for e in expected_errors(folder)]


def test_to_dataframe_has_the_record_schema(client: Client, folder: Path) -> None:
    records, _errors = read_articles(str(folder))
    frame = to_dataframe(records)
    assert list(frame.columns) == [*FIELDS, "date_ts", "updated_ts"]
    assert str(frame.dtypes["authors"]) == "list<item: string>[pyarrow]"
    assert str(frame.dtypes["word_count"]) == "int64[pyarrow]"
    computed = frame.compute()
    assert computed["headline"].tolist() == [r["headline"] for r in local_records(folder)]
    assert computed["authors"].tolist()[0] == ["Jonas Berg"]
    stamps = computed.set_index("source")["date_ts"]
    assert stamps[f"{folder}/z-letter.eml"] == pd.Timestamp("2024-06-07T05:30:00Z")  # 07:30 +02:00
    assert pd.isna(stamps[f"{folder}/news/2024/labelled.txt"])  # no offset: not an instant


# -- convert: the --engine dask path -------------------------------------------------------------


def test_convert_matches_the_local_engine(client: Client, folder: Path, tmp_path: Path) -> None:
    local = convert_locally(BatchOptions(inputs=(str(folder),), output=str(tmp_path / "local.jsonl"), jobs=2,
                                         errors=str(tmp_path / "local-errors.jsonl")))
    on_dask = convert(str(folder), str(tmp_path / "dask.jsonl"), client=client, ordered=True,
                      errors=str(tmp_path / "dask-errors.jsonl"), blocksize=1024)
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "dask-errors.jsonl").read_text("utf-8") == (tmp_path / "local-errors.jsonl").read_text("utf-8")
    lines = (tmp_path / "dask.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == local_records(folder)
    assert (on_dask.files, on_dask.records, on_dask.failed) == (local.files, local.records, local.failed) == (8, 7, 2)
    assert on_dask.dialects == local.dialects
    assert on_dask.stopped is None


def test_unordered_gives_the_same_records(client: Client, folder: Path, tmp_path: Path) -> None:
    convert(str(folder), str(tmp_path / "any.jsonl"), client=client, ordered=False)
    lines = (tmp_path / "any.jsonl").read_text("utf-8").splitlines()
    assert sorted(lines) == sorted(json.dumps(r, ensure_ascii=False) for r in local_records(folder))


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_text_formats_match_the_local_engine(client: Client, folder: Path, tmp_path: Path, fmt: str) -> None:
    convert_locally(BatchOptions(inputs=(str(folder),), output=str(tmp_path / f"local.{fmt}"), jobs=1))
    convert(str(folder), str(tmp_path / f"dask.{fmt}"), client=client)
    assert (tmp_path / f"dask.{fmt}").read_bytes() == (tmp_path / f"local.{fmt}").read_bytes()


def plain(value: Any) -> Any:
    """A pandas cell as JSON holds it: arrays as lists, missing values as None."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value) if isinstance(value, np.integer) else value


def test_parquet_output_reads_back_like_the_jsonl(client: Client, folder: Path, tmp_path: Path) -> None:
    convert(str(folder), str(tmp_path / "out.jsonl"), client=client)
    summary = convert(str(folder), str(tmp_path / "out.parquet"), client=client)
    assert (summary.records, summary.failed) == (7, 2)
    expected = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    frame = pd.read_parquet(tmp_path / "out.parquet", columns=list(FIELDS))
    assert [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")] == expected
    relation = duckdb.sql(f"SELECT * EXCLUDE (date_ts, updated_ts) FROM read_parquet('{tmp_path}/out.parquet')")
    assert [dict(zip(relation.columns, row)) for row in relation.fetchall()] == expected


def test_parquet_part_files(client: Client, folder: Path, tmp_path: Path) -> None:
    summary = convert(str(folder), f"{tmp_path}/parts.parquet/", client=client, part_size=3)
    assert summary.records == 7
    names = sorted(p.name for p in (tmp_path / "parts.parquet").iterdir())
    assert names == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    query = f"SELECT source FROM read_parquet('{tmp_path}/parts.parquet/*.parquet', filename=true) ORDER BY filename"
    sources = [row[0] for row in duckdb.sql(query).fetchall()]
    assert sources == [r["source"] for r in local_records(folder)]


def test_fail_fast_stops_and_writes_nothing(client: Client, folder: Path, tmp_path: Path) -> None:
    summary = convert(str(folder), str(tmp_path / "out.jsonl"), client=client, fail_fast=True)
    assert (summary.stopped, summary.stopped_at) == ("fail-fast", f"{folder}/blank.txt")
    assert summary.failed == 1
    assert list(tmp_path.iterdir()) == []


def test_the_cli_engine_on_a_scheduler_address(cluster: LocalCluster, folder: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    options = BatchOptions(inputs=(str(folder),), output=str(tmp_path / "out.parquet"),
                           errors=str(tmp_path / "errors.jsonl"))
    status = run_dask_convert(options, scheduler=cluster.scheduler_address)
    assert status == ExitStatus.FAILED  # two inputs failed; the rest is written
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [f"newsclip: {folder}/blank.txt: is empty",
                       f"newsclip: {folder}/picture.txt: is a PNG image, not text"]
    assert err[2].startswith(f"newsclip: 8 files: 6 converted, 2 failed; 7 records to {tmp_path}/out.parquet in ")
    assert err[3] == "newsclip: records per dialect: html 2, nexis 2, email 1, frontmatter 1, plain 1"
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text("utf-8").splitlines()]
    assert errors == expected_errors(folder)
    assert len(pd.read_parquet(tmp_path / "out.parquet")) == 7


@pytest.mark.parametrize(
    ("output", "fmt", "message"),
    [
        ("-", "parquet", "Parquet output needs a file or a folder (-o OUT.parquet or -o OUT/), not standard output"),
        ("{tmp}/out/", "csv", "with --engine dask an output folder gets Parquet part files; "
                              "-f csv needs an output file"),
        ("{tmp}/out.txt", None, "cannot tell the output format from '{tmp}/out.txt': name it .jsonl, .json, .csv, "
                                ".db or .parquet, or give -f"),
        ("{tmp}/out.jsonl", "pretty", "-f pretty is not a batch format "
                                      "(choose from jsonl, json, csv, parquet, sqlite)"),
        ("{folder}/out.jsonl", None, "the output {folder}/out.jsonl is inside an input folder and would be read as "
                                     "input; write it elsewhere or --exclude it"),
    ],
)
def test_usage_errors_come_before_any_cluster(folder: Path, tmp_path: Path, output: str, fmt: str | None,
                                              message: str) -> None:
    def fill(text: str) -> str:
        return text.format(tmp=tmp_path, folder=folder)

    with pytest.raises(BatchUsageError) as caught:
        convert(str(folder), fill(output), fmt=fmt, scheduler="tcp://192.0.2.1:8786")
    assert str(caught.value) == fill(message)


@pytest.mark.parametrize(
    ("changes", "start"),
    [
        ({"resume": True}, "--resume does not work with --engine dask"),
        ({"dedupe": "exact"}, "--dedupe does not work with --engine dask"),
        ({"output": "records/"}, "with --engine dask an output folder gets Parquet part files: name it "
                                 "OUT.parquet/ or add -f parquet (one .json file per input needs the local engine)"),
        ({"output": "records/", "fmt": "json"}, "with --engine dask an output folder gets Parquet part files"),
    ],
)
def test_options_the_dask_engine_refuses(changes: dict[str, Any], start: str) -> None:
    options = BatchOptions(**{"inputs": ("x",), "output": "out.jsonl", **changes})
    with pytest.raises(BatchUsageError) as caught:
        convert_with_dask(options)
    assert str(caught.value).startswith(start)


def test_no_input_is_a_usage_error() -> None:
    with pytest.raises(BatchUsageError, match=r"^no input given"):
        convert([], "out.jsonl")


def test_version_is_exported() -> None:
    assert isinstance(newsclip.__version__, str)
