"""The quick start: which calls it takes, and that it answers them exactly as the click command does."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsclip
from newsclip.cli import main
from newsclip.cli.quick import recognise, run_quick
from newsclip.cli.streams import ExitStatus

FIXTURES = Path(__file__).parent / "fixtures"
PLAIN = sorted((FIXTURES / "plain").glob("*.txt"))
NEXIS = sorted((FIXTURES / "nexis").glob("*.txt"))


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["parse", "a.txt"], (None, ["a.txt"])),
        (["parse", "a.txt", "b.txt"], (None, ["a.txt", "b.txt"])),
        (["parse", "-f", "json", "a.txt"], ("json", ["a.txt"])),
        (["parse", "a.txt", "--format", "csv", "b.txt"], ("csv", ["a.txt", "b.txt"])),
        (["parse", "--format=jsonl", "-"], ("jsonl", ["-"])),
        (["parse", "-", "a.txt", "-"], (None, ["-", "a.txt", "-"])),
        (["parse", "a b.txt", "ümlaut.txt"], (None, ["a b.txt", "ümlaut.txt"])),
    ],
)
def test_takes_plain_parse_calls(argv: list[str], expected: tuple[str | None, list[str]]) -> None:
    assert recognise(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["convert", "a.txt"],
        ["--version", "parse"],
        ["parse", "--version"],
        ["parse"],  # no input: click says what is missing
        ["parse", "--help"],
        ["parse", "-h", "a.txt"],
        ["parse", "a.txt", "-o", "out.json"],
        ["parse", "a.txt", "-f", "pretty"],  # drawn with rich by the click command
        ["parse", "a.txt", "-f", "sqlite"],  # needs -o: click explains
        ["parse", "a.txt", "-f", "JSON"],  # not a format (click's choice is case-sensitive)
        ["parse", "a.txt", "-f"],
        ["parse", "a.txt", "-f", "json", "-f", "csv"],
        ["parse", "a.txt", "-fjson"],
        ["parse", "a.txt", "--format=xml"],
        ["parse", "a.txt", "--fields", "headline"],
        ["parse", "a.txt", "--explain"],
        ["parse", "a.txt", "--dayfirst"],
        ["parse", "a.txt", "--traceback"],
        ["parse", "--", "-a.txt"],
        ["parse", "-x.txt"],
        ["Parse", "a.txt"],
    ],
)
def test_leaves_everything_else_to_click(argv: list[str]) -> None:
    assert recognise(argv) is None
    assert run_quick(argv) is None


def test_leaves_wildcards_to_click_on_windows() -> None:
    # click expands *.txt itself on Windows, whose shell does not; a POSIX shell already has
    assert recognise(["parse", "*.txt", "-f", "json"], windows=True) is None
    assert recognise(["parse", "a.txt", "-f", "json"], windows=True) == ("json", ["a.txt"])
    assert recognise(["parse", "*.txt", "-f", "json"], windows=False) == ("json", ["*.txt"])


def test_version_as_click_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_quick(["--version"]) == ExitStatus.OK
    quick = capsys.readouterr()
    result = CliRunner().invoke(main, ["--version"], prog_name="newsclip", catch_exceptions=False)
    assert (quick.out, quick.err) == (result.stdout, result.stderr)
    assert result.exit_code == ExitStatus.OK
    assert quick.out == f"newsclip {newsclip.__version__}\n"


def test_pretty_output_on_a_terminal_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert run_quick(["parse", str(PLAIN[0])]) is None
    assert terminal.getvalue() == ""
    assert run_quick(["parse", str(PLAIN[0]), "-f", "jsonl"]) == ExitStatus.OK  # a data format is still taken
    assert terminal.getvalue().startswith('{"headline": ')


def _both_ways(argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
               stdin: bytes = b"") -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """(exit code, stdout, stderr) of ``argv`` run by the quick start, then by the click command."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    status = run_quick(argv)
    assert status is not None, "the quick start should take this call"
    out, err = capsys.readouterr()
    result = CliRunner().invoke(main, argv, input=stdin, catch_exceptions=False)
    # the runner's .stdout turns CSV's \r\n into \n: compare what was written
    return (int(status), out, err), (result.exit_code, result.stdout_bytes.decode(), result.stderr_bytes.decode())


@pytest.mark.parametrize("fmt", [None, "json", "jsonl", "csv"])
def test_same_records_as_the_click_command(fmt: str | None, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    files = [str(p) for p in PLAIN[:3] + NEXIS[:1]]
    argv = ["parse", *files] + (["-f", fmt] if fmt else [])
    quick, click_run = _both_ways(argv, capsys, monkeypatch)
    assert quick == click_run
    assert quick[0] == ExitStatus.OK
    assert quick[1].count('"headline"' if fmt != "csv" else "\n") >= len(files)


def test_same_failure_lines_and_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    argv = ["parse", "-f", "jsonl", str(tmp_path / "missing.txt"), str(PLAIN[0]), str(binary), str(tmp_path),
            str(empty), str(PLAIN[1])]
    quick, click_run = _both_ways(argv, capsys, monkeypatch)
    assert quick == click_run
    status, out, err = quick
    assert status == ExitStatus.FAILED
    assert len(out.splitlines()) == 2  # the two good files, in order, between the failures
    assert [line.split(": ")[1] for line in err.splitlines()] == [
        str(tmp_path / "missing.txt"), str(binary), str(tmp_path), str(empty)
    ]


def test_same_for_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    text = PLAIN[0].read_bytes()
    quick, click_run = _both_ways(["parse", "-", "--format=json"], capsys, monkeypatch, stdin=text)
    assert quick == click_run
    assert quick[0] == ExitStatus.OK
    assert '"source": "-"' in quick[1]


def test_an_interrupt_is_one_line_and_exit_130(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclip.cli import parsing

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(parsing, "parse_file", interrupted)
    assert run_quick(["parse", str(PLAIN[0]), "-f", "json"]) == ExitStatus.INTERRUPTED
    assert capsys.readouterr().err == "newsclip: interrupted\n"


def test_an_unexpected_error_is_one_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclip import output

    def no_writer(*args: object, **kwargs: object) -> None:
        raise RuntimeError("writer exploded")

    monkeypatch.setattr(output, "open_writer", no_writer)
    assert run_quick(["parse", str(PLAIN[0])]) == ExitStatus.FAILED
    assert capsys.readouterr().err == "newsclip: unexpected error (RuntimeError: writer exploded); --traceback shows where\n"


def _imported(*argv: str) -> set[str]:
    """The modules a real ``python -m newsclip ARGV`` process imports, read from ``-X importtime``.

    Run without ``site`` (``-S``; this process's path handed over in PYTHONPATH), so that nothing
    an environment's start-up files (``.pth``) import is counted as newsclip's.
    """
    package_root = str(Path(newsclip.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_root, *filter(None, sys.path)])}
    proc = subprocess.run([sys.executable, "-S", "-X", "importtime", "-m", "newsclip", *argv],
                          capture_output=True, text=True, timeout=60, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    return {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}


#: What a plain-text parse to JSON, JSON Lines or CSV does without: the command-line framework, the
#: modules behind dataclasses and type hints, and every heavy parser.
NOT_FOR_PLAIN_TEXT = ("click", "typing", "dataclasses", "inspect", "bs4", "lxml", "dateutil", "rich", "yaml",
                      "charset_normalizer")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_a_plain_parse_imports_only_what_it_needs(fmt: str) -> None:
    modules = _imported("parse", str(PLAIN[0]), "-f", fmt)
    assert "newsclip.api" in modules
    assert not {m for m in modules if m.split(".")[0] in NOT_FOR_PLAIN_TEXT}


def test_the_import_check_sees_click_when_it_is_there() -> None:
    modules = _imported("parse", "--help")
    assert "click" in modules and "typing" in modules
