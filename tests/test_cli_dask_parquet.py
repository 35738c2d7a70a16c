"""``newsclip convert`` with Parquet output and ``--engine dask``: same records as JSON Lines and as --jobs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result
from distributed import LocalCluster

from newsclip.batch import BatchOptions, Reporter, Summary
from newsclip.batch import convert as convert_locally
from newsclip.cli import main
from newsclip.cli.convert import _exit_status
from newsclip.model import FIELDS

from .test_dask import LETTER, expected_errors, folder, local_records, plain  # noqa: F401 (folder is a fixture)

#: The stderr lines of the two bad inputs of the mixed folder, in walk order.
FAILURE_LINES = ("newsclip: {folder}/blank.txt: is empty",
                 "newsclip: {folder}/picture.txt: is a PNG image, not text")


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["convert", *args], catch_exceptions=False)


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def frame_rows(path: Path, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """The rows pandas reads from a Parquet file or folder, with cells as JSON would hold them."""
    frame = pd.read_parquet(path, columns=columns)
    return [{name: plain(value) for name, value in row.items()} for row in frame.to_dict("records")]


def failure_lines(result: Result, folder: Path) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(f"newsclip: {folder}/")]


# -- a missing Dask, before any cluster runs ---------------------------------------------------


@pytest.mark.parametrize(
    ("missing", "line"),
    [
        (("distributed",), "newsclip: the Dask engine needs distributed: pip install 'newsclip[dask]'"),
        (("dask", "distributed"), "newsclip: the Dask engine needs dask and distributed: pip install 'newsclip[dask]'"),
    ],
)
def test_missing_dask_is_one_line_and_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             missing: tuple[str, ...], line: str) -> None:
    (tmp_path / "in.txt").write_text(LETTER, encoding="utf-8")
    for name in missing:
        monkeypatch.setitem(sys.modules, name, None)  # makes "import NAME" raise ImportError
    result = cli(str(tmp_path / "in.txt"), "-o", str(tmp_path / "out.jsonl"), "--engine", "dask",
                 "--errors", str(tmp_path / "errors.jsonl"))
    assert (result.exit_code, result.stderr, result.stdout) == (1, line + "\n", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


# -- the mixed folder, and options refused before anything runs -----------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/out.jsonl", "--engine", "dask", "--resume"], "--resume does not work with --engine dask"),
        (["-o", "{tmp}/out.jsonl", "--scheduler", "tcp://192.0.2.1:8786", "--resume"],  # implies --engine dask
         "--resume does not work with --engine dask"),
        (["-o", "{tmp}/out.jsonl", "--engine", "dask", "--dedupe", "exact"],
         "--dedupe does not work with --engine dask"),
        (["-o", "{tmp}/out.jsonl", "--engine", "local", "--scheduler", "tcp://192.0.2.1:8786"],
         "--scheduler runs on a Dask cluster: use it with --engine dask (or alone)"),
        (["-o", "{tmp}/records/", "--engine", "dask"],
         "with --engine dask an output folder gets Parquet part files: name it OUT.parquet/ or add -f parquet"),
        (["-o", "{tmp}/out.parquet", "--resume"],
         "--resume does not work with parquet output: it is written whole when the run ends"),
        (["-o", "{tmp}/parts.parquet/", "--resume"], "--resume does not work with parquet output"),
        (["-o", "-", "-f", "parquet"],
         "-f parquet writes a Parquet file (or a folder of part files), not to standard output"),
        (["-o", "{tmp}/out.txt"], "name it .jsonl, .json, .csv, .db or .parquet, or give -f"),
        (["-o", "{tmp}/records/", "-f", "csv"], "one .json file per input (or Parquet part files, with -f parquet)"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(folder: Path, tmp_path: Path, args: list[str],
                                               message: str) -> None:
    result = cli(str(folder), *(arg.format(tmp=tmp_path) for arg in args))
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert list(tmp_path.iterdir()) == []


def test_help_shows_the_engine_and_parquet() -> None:
    result = CliRunner().invoke(main, ["convert", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for expected in ("-f, --format [jsonl|json|csv|sqlite|parquet]", "--engine [local|dask]", "[default: local]",
                     "--scheduler ADDRESS", "implies --engine dask", "a folder of Parquet part files (DIR.parquet/)",
                     "not for Parquet output, which is written whole, nor --engine dask",
                     "newsclip convert archive/ -o archive.parquet/ --engine dask -j 8"):
        assert expected in text, expected


# -- Parquet on the local engine ---------------------------------------------------------------


def test_local_parquet_reads_back_like_the_jsonl(folder: Path, tmp_path: Path) -> None:
    as_jsonl = cli(str(folder), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    as_parquet = cli(str(folder), "-o", str(tmp_path / "out.parquet"), "-j", "1")
    assert as_jsonl.exit_code == as_parquet.exit_code == 1  # two bad inputs; the rest is converted
    lines = as_parquet.stderr.splitlines()
    assert lines[:2] == [line.format(folder=folder) for line in FAILURE_LINES]
    assert lines[2].startswith(f"newsclip: 8 files: 6 converted, 2 failed; 7 records to {tmp_path}/out.parquet in ")
    expected = jsonl(tmp_path / "out.jsonl")
    assert expected == local_records(folder)
    assert list(pd.read_parquet(tmp_path / "out.parquet").columns) == [*FIELDS, "date_ts", "updated_ts"]
    assert frame_rows(tmp_path / "out.parquet", list(FIELDS)) == expected
    relation = duckdb.sql(f"SELECT * EXCLUDE (date_ts, updated_ts) FROM read_parquet('{tmp_path}/out.parquet')")
    assert [dict(zip(relation.columns, row)) for row in relation.fetchall()] == expected
    stamps = pd.read_parquet(tmp_path / "out.parquet").set_index("source")["date_ts"]
    assert stamps[f"{folder}/z-letter.eml"] == pd.Timestamp("2024-06-07T05:30:00Z")  # 07:30 at +02:00
    assert pd.isna(stamps[f"{folder}/news/2024/labelled.txt"])  # 10:30:00 without an offset is not an instant
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "out.parquet"]  # no manifest, no partial


@pytest.mark.parametrize("args", [["-o", "{tmp}/parts.parquet/"], ["-o", "{tmp}/parts/", "-f", "parquet"]])
def test_local_folder_of_part_files(folder: Path, tmp_path: Path, args: list[str]) -> None:
    result = cli(str(folder), *(arg.format(tmp=tmp_path) for arg in args), "-j", "2", "-q")
    assert result.exit_code == 1
    parts = tmp_path / args[1].format(tmp=tmp_path)
    assert sorted(p.name for p in parts.iterdir()) == ["part-00000.parquet"]
    assert frame_rows(parts, list(FIELDS)) == local_records(folder)


def test_fields_and_explain_give_the_same_columns_as_jsonl(folder: Path, tmp_path: Path) -> None:
    chosen = ["headline", "date", "authors"]
    cli(str(folder), "-o", str(tmp_path / "some.jsonl"), "--fields", ",".join(chosen), "--explain", "-q")
    cli(str(folder), "-o", str(tmp_path / "some.parquet"), "--fields", ",".join(chosen), "--explain", "-q")
    table = pq.read_table(tmp_path / "some.parquet")
    assert table.column_names == ["headline", "date", "authors", "date_ts", "provenance"]
    rows = table.to_pylist()
    expected = jsonl(tmp_path / "some.jsonl")
    assert [{name: row[name] for name in chosen} for row in rows] == [{name: r[name] for name in chosen}
                                                                    for r in expected]
    assert [json.loads(row["provenance"]) for row in rows] == [r["provenance"] for r in expected]
    assert rows[0]["headline"] == "Ferry Fares Frozen Until Spring"
    assert rows[0]["authors"] == ["Jonas Berg"]


def test_dedupe_into_parquet(tmp_path: Path) -> None:
    (tmp_path / "in" / "copy").mkdir(parents=True)
    (tmp_path / "in" / "letter.eml").write_text(LETTER, encoding="utf-8")
    (tmp_path / "in" / "copy" / "letter.eml").write_text(LETTER, encoding="utf-8")  # same id
    result = cli(str(tmp_path / "in"), "-o", str(tmp_path / "out.parquet"), "--dedupe", "exact")
    assert result.exit_code == 0
    assert "1 records to" in result.stderr and "(1 duplicate dropped)" in result.stderr
    assert pd.read_parquet(tmp_path / "out.parquet")["source"].tolist() == [f"{tmp_path}/in/copy/letter.eml"]


def test_fail_fast_leaves_an_earlier_parquet_file_as_it_was(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.parquet"
    target.write_bytes(b"an earlier run's file")
    result = cli(str(folder), "-o", str(target), "--fail-fast")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"newsclip: stopped at the first failure ({folder}/blank.txt, --fail-fast); "
        f"nothing was written to {target} (it is written whole when the run ends)")
    assert target.read_bytes() == b"an earlier run's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet"]


class _StopAfter(Reporter):
    """Stops the run after ``count`` inputs, as Ctrl-C would."""

    def __init__(self, count: int) -> None:
        self.count = count

    def advanced(self, outcome: Any) -> None:
        self.count -= 1
        if self.count == 0:
            raise KeyboardInterrupt


def test_an_interrupted_run_keeps_the_earlier_part_files(folder: Path, tmp_path: Path) -> None:
    parts = f"{tmp_path}/parts.parquet/"
    convert_locally(BatchOptions(inputs=(f"{folder}/z-letter.eml",), output=parts, jobs=1))
    summary = convert_locally(BatchOptions(inputs=(str(folder),), output=parts, jobs=1), _StopAfter(4))
    assert (summary.stopped, summary.resumable) == ("interrupted", False)
    assert sorted(p.name for p in (tmp_path / "parts.parquet").iterdir()) == ["part-00000.parquet"]
    assert pd.read_parquet(parts)["source"].tolist() == [f"{folder}/z-letter.eml"]


@pytest.mark.parametrize(
    ("output", "resumable", "line"),
    [
        ("-", False, "newsclip: interrupted"),
        ("out.jsonl", True, "newsclip: interrupted; run the same command with --resume to continue"),
        ("out.parquet", False, "newsclip: interrupted; nothing was written to out.parquet "
                               "(it is written whole when the run ends)"),
    ],
)
def test_what_an_interrupted_run_says(capsys: pytest.CaptureFixture[str], output: str, resumable: bool,
                                      line: str) -> None:
    status = _exit_status(Summary(output=output, stopped="interrupted", resumable=resumable))
    assert status == 130
    assert capsys.readouterr().err == line + "\n"


# -- the Dask engine on real clusters ------------------------------------------------------------


def test_dask_with_jobs_matches_the_local_engine_byte_for_byte(folder: Path, tmp_path: Path) -> None:
    """``--engine dask -j 2`` starts (and stops) a local cluster of its own."""
    local = cli(str(folder), "-o", str(tmp_path / "local.jsonl"), "--jobs", "2",
                "--errors", str(tmp_path / "local-errors.jsonl"))
    on_dask = cli(str(folder), "-o", str(tmp_path / "dask.jsonl"), "--engine", "dask", "-j", "2",
                  "--errors", str(tmp_path / "dask-errors.jsonl"))
    assert local.exit_code == on_dask.exit_code == 1
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "dask-errors.jsonl").read_bytes() == (tmp_path / "local-errors.jsonl").read_bytes()
    assert jsonl(tmp_path / "dask-errors.jsonl") == expected_errors(folder)
    local_lines, dask_lines = local.stderr.splitlines(), on_dask.stderr.splitlines()
    assert dask_lines[:2] == local_lines[:2] == [line.format(folder=folder) for line in FAILURE_LINES]
    assert dask_lines[2].startswith(f"newsclip: 8 files: 6 converted, 2 failed; 7 records to {tmp_path}/dask.jsonl")
    assert dask_lines[3] == local_lines[3] == ("newsclip: records per dialect: html 2, nexis 2, email 1, "
                                               "frontmatter 1, plain 1")


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as made:
        yield made


def test_dask_parquet_equals_local_parquet(cluster: LocalCluster, folder: Path, tmp_path: Path) -> None:
    local = cli(str(folder), "-o", str(tmp_path / "local.parquet"), "-q")
    on_dask = cli(str(folder), "-o", str(tmp_path / "dask.parquet"), "--scheduler", cluster.scheduler_address,
                  "-q", "--errors", str(tmp_path / "errors.jsonl"))
    assert local.exit_code == on_dask.exit_code == 1
    assert failure_lines(on_dask, folder) == [line.format(folder=folder) for line in FAILURE_LINES]
    assert jsonl(tmp_path / "errors.jsonl") == expected_errors(folder)
    got, expected = pq.read_table(tmp_path / "dask.parquet"), pq.read_table(tmp_path / "local.parquet")
    assert got.schema == expected.schema
    assert got.to_pylist() == expected.to_pylist()
    assert got.column("source").to_pylist() == [r["source"] for r in local_records(folder)]


def test_a_scheduler_file_implies_the_dask_engine(cluster: LocalCluster, folder: Path, tmp_path: Path) -> None:
    scheduler_file = tmp_path / "scheduler.json"
    scheduler_file.write_text(json.dumps({"address": cluster.scheduler_address}), encoding="utf-8")
    result = cli(str(folder), "-o", str(tmp_path / "out.jsonl"), "--scheduler", str(scheduler_file), "-q",
                 "--fields", "source,headline")
    assert result.exit_code == 1
    assert failure_lines(result, folder) == [line.format(folder=folder) for line in FAILURE_LINES]
    assert jsonl(tmp_path / "out.jsonl") == [{"source": r["source"], "headline": r["headline"]}
                                             for r in local_records(folder)]
