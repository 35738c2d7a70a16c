"""``newsclip convert`` end to end: exit codes, stderr lines, outputs, and real processes killed and resumed."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclip.cli import main

from .test_batch import FAILED, GOOD, HEADLINES, corpus, story, write  # noqa: F401  (corpus is a fixture)

_MAKE_CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "make_corpus.py"


def make_corpus(folder: Path, files: int, bad: int = 0) -> list[str]:
    """The benchmark's corpus generator: invented articles in six layouts, nested folders."""
    spec = importlib.util.spec_from_file_location("make_corpus", _MAKE_CORPUS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_corpus(str(folder), files, bad=bad)


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["convert", *args], input=input, catch_exceptions=False)


def newsclip(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsclip", "convert", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)


# ---------------------------------------------------------------------------
# CliRunner: exit codes and stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_failures_in_the_middle(corpus: Path, jobs: str) -> None:
    result = invoke("corpus", "-o", "out.jsonl", "-j", jobs, "--errors", "errors.jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:3] == [f"newsclip: {f['path']}: {f['message']}" for f in FAILED]
    assert lines[3].startswith("newsclip: 27 files: 24 converted, 3 failed; 24 records to out.jsonl in ")
    assert lines[4] == "newsclip: records per dialect: plain 24"
    records = [json.loads(line) for line in Path("out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == GOOD
    assert [json.loads(line) for line in Path("errors.jsonl").read_text().splitlines()] == FAILED


def test_exit_zero_when_nothing_failed(corpus: Path) -> None:
    result = invoke("corpus/part0", "-o", "out.csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(Path("out.csv").read_text(encoding="utf-8"), newline="")))
    assert [row["headline"] for row in rows] == list(HEADLINES)
    assert "8 files: 8 converted, 0 failed; 8 records to out.csv" in result.stderr


def test_quiet_keeps_failure_lines_only(corpus: Path) -> None:
    result = invoke("corpus", "-o", "out.jsonl", "-q")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"newsclip: {f['path']}: {f['message']}" for f in FAILED]


def test_stdout_is_json_lines_by_default(corpus: Path) -> None:
    result = invoke("corpus/part0/story00.txt", "corpus/part0/story01.txt")
    assert result.exit_code == 0
    assert [json.loads(line)["headline"] for line in result.stdout.splitlines()] == list(HEADLINES[:2])


def test_json_array_on_stdout(corpus: Path) -> None:
    result = invoke("corpus/part0", "-o", "-", "-f", "json", "--fields", "headline,source")
    assert json.loads(result.stdout)[:2] == [
        {"headline": HEADLINES[0], "source": "corpus/part0/story00.txt"},
        {"headline": HEADLINES[1], "source": "corpus/part0/story01.txt"},
    ]


def test_from_file_on_stdin_and_glob_arguments(corpus: Path) -> None:
    listed = "corpus/part2/story17.txt\n\ncorpus/part0/story03.txt\n"
    result = invoke("corpus/part1/story1[01].txt", "--from-file", "-", "-o", "-", input=listed)
    assert result.exit_code == 0
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        "corpus/part1/story10.txt", "corpus/part1/story11.txt", "corpus/part2/story17.txt",
        "corpus/part0/story03.txt",
    ]


@pytest.mark.parametrize(("args", "expected"), [
    (["--glob", "story0*"], GOOD[:8] + ["corpus/part1/story08.txt", "corpus/part1/story09.txt"]),
    (["--exclude", "part1", "--exclude", "part2"], GOOD[:8]),
    (["--no-recursive"], []),
])
def test_filters(corpus: Path, args: list[str], expected: list[str]) -> None:
    result = invoke("corpus", "-o", "-", *args)
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == expected


def test_hidden_files_only_with_hidden(corpus: Path) -> None:
    write(corpus / ".drafts" / "story.txt", story(5))
    assert len(invoke("corpus/part0", "corpus/.drafts", "-o", "-").stdout.splitlines()) == 9
    assert len(invoke("corpus", "-o", "-", "--hidden", "--glob", "*.txt").stdout.splitlines()) == 25
    assert len(invoke("corpus", "-o", "-", "--glob", "*.txt").stdout.splitlines()) == 24


def test_symlink_loop_is_walked_once(corpus: Path) -> None:
    os.symlink("..", corpus / "part0" / "up")
    os.symlink("part0", corpus / "part0-again")
    result = invoke("corpus", "-o", "-", "--glob", "story0[0-2].txt")
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == GOOD[:3]


@pytest.mark.parametrize(("args", "message"), [
    (["corpus", "-o", "corpus/all.jsonl"], "is inside an input folder"),
    (["corpus", "-o", "corpus/records/"], "is inside an input folder"),
    (["corpus", "-o", "all.txt"], "cannot tell the output format"),
    (["corpus", "-o", "-", "--resume"], "--resume needs an output file"),
    (["-o", "all.jsonl"], "no input given"),
])
def test_usage_errors_exit_2(corpus: Path, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_output_inside_input_allowed_when_excluded(corpus: Path) -> None:
    result = invoke("corpus", "-o", "corpus/all.jsonl", "--exclude", "all.jsonl*", "--exclude", "*manifest")
    assert result.exit_code == 1
    assert len(Path("corpus/all.jsonl").read_text().splitlines()) == 24


def test_mirror_folder(corpus: Path) -> None:
    result = invoke("corpus", "-o", "records/", "-j", "2")
    assert result.exit_code == 1
    written = sorted(str(p.relative_to("records")) for p in Path("records").rglob("*") if p.is_file())
    assert written == [f"part{n // 8}/story{n:02d}.txt.json" for n in range(24)]
    assert json.loads(Path("records/part2/story23.txt.json").read_text())["headline"] == HEADLINES[23 % 8]


def test_fail_fast(corpus: Path) -> None:
    result = invoke("corpus", "-o", "out.jsonl", "--fail-fast", "-j", "1")
    assert result.exit_code == 1
    assert "newsclip: stopped at the first failure (corpus/part1/story11b-empty.txt, --fail-fast)" in result.stderr
    assert Path("out.jsonl.partial").exists() and not Path("out.jsonl").exists()


def test_resume_without_earlier_run_converts_everything(corpus: Path) -> None:
    result = invoke("corpus/part0", "-o", "out.jsonl", "--resume")
    assert result.exit_code == 0
    assert len(Path("out.jsonl").read_text().splitlines()) == 8


# ---------------------------------------------------------------------------
# real processes: pipes, SIGKILL, SIGINT


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,600 invented articles in six layouts with four bad files among them (made once for this module)."""
    folder = tmp_path_factory.mktemp("batch")
    make_corpus(folder / "big", 1600, bad=4)
    return folder


@pytest.fixture
def big(big_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(big_corpus)
    return big_corpus / "big"


_WHOLE: dict[str, bytes] = {}


def whole(fmt: str) -> bytes:
    """The output of one uninterrupted run in ``fmt`` (made once per format)."""
    if fmt not in _WHOLE:
        process = newsclip("big", "-o", f"whole.{fmt}", "-j", "2")
        process.communicate(timeout=300)
        _WHOLE[fmt] = Path(f"whole.{fmt}").read_bytes()
    return _WHOLE[fmt]


def test_head_closing_the_pipe_is_quiet(big: Path) -> None:
    shell = f"{sys.executable} -m newsclip convert big -o - -j 2 2>stderr.txt | head -1"
    out = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120)
    assert json.loads(out.stdout)["source"].startswith("big/clippings/2023-01/")
    # at most the lines of bad files converted before the pipe closed: no traceback, no summary
    stderr = Path("stderr.txt").read_text().splitlines()
    assert all(line.startswith("newsclip: big/") and "-x-" in line for line in stderr), stderr


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(b")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _stop_midway(args: list[str], sig: int, *, logged: int) -> tuple[int, str, list[int]]:
    """Start a run, wait until its manifest logs ``logged`` inputs, then send ``sig``.

    Returns the exit code, stderr, and the worker processes it had when stopped.
    """
    process = newsclip(*args)
    manifest = Path(args[args.index("-o") + 1] + ".newsclip-manifest")
    deadline = time.monotonic() + 120
    while process.poll() is None and _lines(manifest) < logged + 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    workers = []
    if process.poll() is None:
        time.sleep(0.02)
        workers = _children(process.pid)
        process.send_signal(sig)
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr.decode("utf-8", "replace"), workers


def _all_gone(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(os.path.exists(f"/proc/{pid}") for pid in pids):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_sigkill_then_resume_is_byte_identical(big: Path, fmt: str) -> None:
    expected = whole(fmt)
    out = Path(f"killed.{fmt}")
    args = ["big", "-o", str(out), "-j", "2", "--errors", f"errors-{fmt}.jsonl"]
    for _attempt in range(5):
        code, _, workers = _stop_midway(args, signal.SIGKILL, logged=2)
        if code == -signal.SIGKILL:
            break
        out.unlink()
    else:
        pytest.fail("the run always ended before it could be killed")
    assert not out.exists() and Path(f"{out}.partial").exists()
    assert len(workers) >= 2 and _all_gone(workers, 15.0)  # orphaned workers notice and exit
    resumed = newsclip(*args, "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 1
    assert b"done by the earlier run" in stderr
    assert out.read_bytes() == expected
    assert len(Path(f"errors-{fmt}.jsonl").read_text().splitlines()) == 4
    if fmt == "json":
        assert len(json.loads(expected)) == 1600
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(expected.decode("utf-8"), newline="")))) == 1601


def test_ctrl_c_keeps_the_partial_then_resume_finishes(big: Path) -> None:
    args = ["big", "-o", "interrupted.jsonl", "-j", "2"]
    for _attempt in range(5):
        code, stderr, _ = _stop_midway(args, signal.SIGINT, logged=0)
        if code == 130:
            break
        Path("interrupted.jsonl").unlink()
    else:
        pytest.fail("the run always ended before it could be interrupted")
    assert "newsclip: interrupted; run the same command with --resume to continue" in stderr
    assert "Traceback" not in stderr
    assert Path("interrupted.jsonl.partial").exists()
    resumed = newsclip(*args, "--resume")
    resumed.communicate(timeout=300)
    assert Path("interrupted.jsonl").read_bytes() == whole("jsonl")


def test_progress_bar_on_a_terminal(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclip.cli.convert as command

    monkeypatch.setattr(command, "is_terminal", lambda stream: True)
    result = invoke("corpus", "-o", "out.jsonl", "-j", "2")
    assert result.exit_code == 1
    assert "newsclip: corpus/part1/story11b-empty.txt: is empty" in result.stderr
    assert "newsclip: 27 files: 24 converted, 3 failed" in result.stderr
    assert len(Path("out.jsonl").read_text().splitlines()) == 24


def test_unwritable_output_and_errors_file(corpus: Path) -> None:
    write(Path("plainfile"), "not a folder")
    result = invoke("corpus/part0", "-o", "plainfile/out.jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith("newsclip: ") and "plainfile: cannot be written (file exists)" in result.stderr
    result = invoke("corpus/part0", "-o", "out.jsonl", "--errors", "no/such/folder/errors.jsonl")
    assert result.exit_code == 2
    assert "cannot write --errors no/such/folder/errors.jsonl: no such file or directory" in result.stderr


# ---------------------------------------------------------------------------
# a reader that stops early (| head -1): quiet, and exit 0 unless an input had failed


def _long_story(number: int, paragraphs: int = 4) -> str:
    paragraph = (f"Crews worked through the night on section {number} of the sea wall, where the storm had "
                 "torn away the railings and part of the promenade. ") * 6
    return f"Sea Wall Repairs Reach Section {number}\n\nBy Rhian Doyle\n\nMarch 3, 2025\n\n" + \
        "\n\n".join([paragraph] * paragraphs) + "\n"


def _first_line_then_close(args: list[str]) -> tuple[bytes, str, int]:
    """Run newsclip, read one line of stdout, close the pipe; return that line, stderr and the exit code."""
    process = subprocess.Popen([sys.executable, "-m", "newsclip", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    return first, stderr, process.wait(timeout=120)


@pytest.mark.parametrize(("empty_first", "code", "stderr"), [
    (False, 0, ""),
    (True, 1, "newsclip: pipe/000-empty.txt: is empty\n"),
])
def test_closed_pipe_exit_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_first: bool, code: int,
                               stderr: str) -> None:
    monkeypatch.chdir(tmp_path)
    for number in range(1, 301):  # about 600 kB of records: far more than a pipe holds
        write(tmp_path / "pipe" / f"{number:03d}.txt", _long_story(number))
    if empty_first:
        write(tmp_path / "pipe" / "000-empty.txt", "")
    first, err, status = _first_line_then_close(["convert", "pipe", "-o", "-", "-j", "1"])
    assert json.loads(first)["source"] == "pipe/001.txt"
    assert (status, err) == (code, stderr)


@pytest.mark.parametrize(("empty_first", "code"), [(False, 0), (True, 1)])
def test_parse_closed_pipe_exit_code(tmp_path: Path, empty_first: bool, code: int) -> None:
    story_path = write(tmp_path / "long.txt", _long_story(7, paragraphs=160))  # about 100 kB of body
    empty = write(tmp_path / "empty.txt", "")
    paths = ([str(empty)] if empty_first else []) + [str(story_path)] * 10
    first, err, status = _first_line_then_close(["parse", "-f", "jsonl", *paths])
    assert json.loads(first)["source"] == str(story_path)
    assert status == code
    assert err == (f"newsclip: {empty}: is empty\n" if empty_first else "")


def test_sigkill_then_resume_into_a_database(big: Path) -> None:
    import sqlite3

    newsclip("big", "-o", "whole.db", "-j", "2").communicate(timeout=300)
    args = ["big", "-o", "killed.db", "-j", "2"]
    for _attempt in range(5):
        code, _, _ = _stop_midway(args, signal.SIGKILL, logged=2)
        if code == -signal.SIGKILL:
            break
        Path("killed.db").unlink()
    else:
        pytest.fail("the run always ended before it could be killed")
    assert Path("killed.db.newsclip-manifest").exists()
    resumed = newsclip(*args, "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 1  # the four bad files
    assert b"done by the earlier run" in stderr and b"1,600 records to killed.db (1,600 rows in all)" in stderr
    everything = "SELECT * FROM articles ORDER BY rowid"
    with sqlite3.connect("killed.db") as killed, sqlite3.connect("whole.db") as whole:
        assert killed.execute(everything).fetchall() == whole.execute(everything).fetchall()
        killed.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert not Path("killed.db.newsclip-manifest").exists()
