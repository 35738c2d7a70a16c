"""The command line against broken files and streams: one clear line, the right exit code, nothing lost.

Each case here is a real failure where the system can give one (a symlink
loop, an unreadable file, a full device, a closed pipe, a signal), run in a
real process where the behaviour depends on it; the rest use click's runner.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclip import reading
from newsclip.cli import main
from newsclip.cli.common import ExitStatus, atomic_output, display_name, printable

ARTICLE = (
    "Title: Harbour Works Delayed Again\n"
    "Author: Ana Ruiz\n"
    "Date: 2025-03-03\n"
    "\n"
    "The harbour authority said on Tuesday that the new breakwater would be finished by the spring.\n"
    "\n"
    "Storms damaged the first section last winter, and the contractor has asked for more time.\n"
)
HEADLINE = "Harbour Works Delayed Again"
LONG_PARAGRAPH = "The tide rose over the sea wall and the promenade was closed to walkers for the night. " * 6
SRC = str(Path(__file__).resolve().parent.parent / "src")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def invoke(runner: CliRunner, *args: str | os.PathLike[str]) -> tuple[int, str, str]:
    """Run ``newsclip ARGS`` in this process; exit code, stdout, stderr."""
    result = runner.invoke(main, [os.fspath(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def newsclip(*args: str | os.PathLike[str] | bytes, **kwargs: object) -> subprocess.Popen[bytes]:
    """Start ``python -m newsclip ARGS`` as a real process, with this checkout first on the path."""
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", ""), "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "newsclip", *(a if isinstance(a, bytes) else os.fspath(a) for a in args)]
    # unbuffered, so a line read before communicate() leaves the rest of the output to communicate()
    return subprocess.Popen(cmd, env=env, bufsize=0, **kwargs)  # type: ignore[call-overload]


def run(*args: str | os.PathLike[str] | bytes, timeout: float = 60, **kwargs: object) -> tuple[int, bytes, str]:
    proc = newsclip(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err.decode("utf-8", "replace")


def headlines(jsonl: str | bytes) -> list[str | None]:
    text = jsonl.decode("utf-8") if isinstance(jsonl, bytes) else jsonl
    return [json.loads(line)["headline"] for line in text.splitlines() if line.strip()]


def assert_one_line_each(stderr: str, count: int) -> None:
    lines = stderr.splitlines()
    assert len(lines) == count, stderr
    assert all(line.startswith("newsclip: ") for line in lines), stderr
    assert "Traceback" not in stderr


# --------------------------------------------------------------------------- unreadable inputs


def _unreadable(tmp_path: Path) -> Iterator[Path]:
    """Paths whose opening fails with EACCES for the user running the tests (root included)."""
    plain = tmp_path / "locked.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    plain.chmod(0)
    yield plain  # refused to anyone but root
    yield Path("/proc/sys/vm/compact_memory")  # write-only sysctl: refused even to root


def _permission_denied_path(tmp_path: Path) -> Path | None:
    for path in _unreadable(tmp_path):
        try:
            with open(path, "rb"):
                pass
        except PermissionError:
            return path
        except OSError:
            continue
    return None


def test_permission_denied_is_one_line_and_the_rest_is_parsed(runner: CliRunner, good: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    locked = _permission_denied_path(tmp_path)
    if locked is None:  # no path this user cannot read: make opening it fail the way the system would
        locked = tmp_path / "locked.txt"
        real_open = open

        def refusing_open(path: object, *args: object, **kwargs: object) -> object:
            if os.fspath(path) == str(locked):  # type: ignore[arg-type]
                raise PermissionError(13, "Permission denied", str(locked))
            return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr("builtins.open", refusing_open)
    code, out, err = invoke(runner, "parse", "-f", "jsonl", good, locked, good)
    assert code == ExitStatus.FAILED
    assert headlines(out) == [HEADLINE, HEADLINE]
    assert err == f"newsclip: {locked}: permission denied\n"


def test_file_that_vanishes_after_it_was_listed(runner: CliRunner, good: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(ARTICLE, encoding="utf-8")
    real_getsize = os.path.getsize

    def getsize_then_vanish(path: str) -> int:
        size = real_getsize(path)
        if os.fspath(path) == str(doomed):
            os.unlink(path)  # gone between the size check and the open
        return size

    monkeypatch.setattr(reading.os.path, "getsize", getsize_then_vanish)
    code, out, err = invoke(runner, "parse", "-f", "jsonl", good, doomed, good)
    assert code == ExitStatus.FAILED
    assert headlines(out) == [HEADLINE, HEADLINE]
    assert err == f"newsclip: {doomed}: no such file or directory\n"


def test_file_missing_from_the_start(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    code, out, err = invoke(runner, "parse", "-f", "jsonl", tmp_path / "never.txt", good)
    assert code == ExitStatus.FAILED
    assert headlines(out) == [HEADLINE]
    assert err == f"newsclip: {tmp_path / 'never.txt'}: no such file or directory\n"


def test_symlink_loop(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    code, out, err = invoke(runner, "parse", "-f", "jsonl", tmp_path / "loop-a", good)
    assert code == ExitStatus.FAILED
    assert headlines(out) == [HEADLINE]
    assert err == f"newsclip: {tmp_path / 'loop-a'}: too many levels of symbolic links\n"


def test_directory_where_a_file_is_expected(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    code, out, err = invoke(runner, "parse", "-f", "jsonl", folder, good)
    assert code == ExitStatus.FAILED
    assert headlines(out) == [HEADLINE]
    assert err == f"newsclip: {folder}: is a directory, not a file\n"


def test_path_through_a_file(runner: CliRunner, good: Path) -> None:
    code, out, err = invoke(runner, "parse", "-f", "jsonl", good / "inside.txt", good)
    assert code == ExitStatus.FAILED
    assert headlines(out) == [HEADLINE]
    assert err == f"newsclip: {good / 'inside.txt'}: not a directory\n"


@pytest.mark.parametrize(("data", "problem"), [
    (b"%PDF-1.7\n1 0 obj\n", "is a PDF document, not text"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "is a gzip archive, not text"),
    (b"", "is empty"),
    (b"\n\n   \n", "is empty"),
    ("Harbour works".encode("utf-16-le"), "is binary (contains NUL bytes), not text"),
])
def test_inputs_that_are_not_articles(runner: CliRunner, good: Path, tmp_path: Path, data: bytes,
                                      problem: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    code, out, err = invoke(runner, "parse", "-f", "jsonl", good, bad, good)
    assert code == ExitStatus.FAILED
    assert headlines(out) == [HEADLINE, HEADLINE]
    assert err == f"newsclip: {bad}: {problem}\n"


def test_over_max_size(runner: CliRunner, good: Path) -> None:
    code, out, err = invoke(runner, "parse", "-f", "jsonl", "--max-size", "100", good)
    assert code == ExitStatus.FAILED
    assert out == ""
    assert err == f"newsclip: {good}: {len(ARTICLE)} bytes is over the 100 bytes limit (--max-size)\n"
    code, out, _ = invoke(runner, "parse", "-f", "jsonl", "--max-size", "1k", good)
    assert (code, headlines(out)) == (ExitStatus.OK, [HEADLINE])


def test_oversized_stdin_is_refused_without_reading_it_all(runner: CliRunner) -> None:
    result = runner.invoke(main, ["parse", "-f", "jsonl", "--max-size", "1k", "-"], input="word " * 100_000)
    assert result.exit_code == ExitStatus.FAILED
    assert result.stdout == ""
    assert result.stderr == "newsclip: <stdin>: is over the 1.0 KB limit (--max-size)\n"


# --------------------------------------------------------------------------- odd file names


@pytest.mark.parametrize(("name", "shown"), [
    (b"new\nline.txt", "new\\nline.txt"),
    (b"bad\xff\xfename.txt", "bad\\xff\\xfename.txt"),
    (b"tab\tand\rcr.txt", "tab\\tand\\rcr.txt"),
])
def test_odd_file_names_in_records_and_messages(tmp_path: Path, name: bytes, shown: str) -> None:
    folder = os.fsencode(tmp_path)
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(ARTICLE.encode("utf-8"))
    missing = os.path.join(folder, b"gone-" + name)
    code, out, err = run("parse", "-f", "jsonl", path, missing, path)
    assert code == ExitStatus.FAILED
    records = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert [r["headline"] for r in records] == [HEADLINE, HEADLINE]
    expected_source = os.fsdecode(path) if b"\xff" not in name else f"{tmp_path}/{shown}"
    assert records[0]["source"] == expected_source
    assert err == f"newsclip: {tmp_path}/gone-{shown}: no such file or directory\n"


def test_odd_file_name_in_csv_output(tmp_path: Path) -> None:
    path = os.path.join(os.fsencode(tmp_path), b"=cmd|calc\xff.txt")
    with open(path, "wb") as handle:
        handle.write(ARTICLE.encode("utf-8"))
    code, out, err = run("parse", "-f", "csv", path)
    assert (code, err) == (ExitStatus.OK, "")
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    assert rows[1][rows[0].index("source")] == f"{tmp_path}/=cmd|calc\\xff.txt"


@pytest.mark.parametrize(("name", "shown"), [
    ("plain.txt", "plain.txt"),
    ("a\nb.txt", "a\\nb.txt"),
    ("bad\udcff.txt", "bad\\xff.txt"),
    ("bell\x07.txt", "bell\\x07.txt"),
    ("café.txt", "café.txt"),
    ("-", "<stdin>"),
])
def test_display_name_is_one_printable_line(name: str, shown: str) -> None:
    assert display_name(name) == shown
    assert printable(shown) == shown


# --------------------------------------------------------------------------- output failures


def _private_full_device(tmp_path: Path) -> Path:
    """A /dev/full of our own when we may make device nodes, so a bug can only ever replace this one."""
    node = tmp_path / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, OSError):
        return Path("/dev/full")  # no right to make nodes means no right to replace /dev/full either
    return node


def test_output_device_full(good: Path, tmp_path: Path) -> None:
    full = _private_full_device(tmp_path)
    code, out, err = run("parse", good, "-o", full)
    assert code == ExitStatus.FAILED
    assert err == f"newsclip: {full}: no space left on device\n"
    assert stat.S_ISCHR(os.stat(full).st_mode)  # written to, never replaced by a regular file
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_stdout_device_full(good: Path, tmp_path: Path) -> None:
    full = _private_full_device(tmp_path)
    with open(full, "wb") as sink:
        proc = newsclip("parse", "-f", "jsonl", good, stdout=sink, stderr=subprocess.PIPE)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitStatus.FAILED
    assert err.decode() == "newsclip: no space left on device\n"


def test_output_to_dev_null_is_written_in_place(good: Path) -> None:
    before = os.stat(os.devnull)
    code, out, err = run("parse", good, "-o", os.devnull)
    assert (code, out, err) == (ExitStatus.OK, b"", "")
    after = os.stat(os.devnull)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_write_error_leaves_the_old_output_intact(good: Path, tmp_path: Path) -> None:
    out_path = tmp_path / "records.jsonl"
    out_path.write_text('{"headline": "from an earlier run"}\n', encoding="utf-8")
    code, out, err = run("parse", good, good, good, "-o", out_path, preexec_fn=_file_size_limit(600))
    assert code == ExitStatus.FAILED
    assert err == f"newsclip: {out_path}: file too large\n"
    assert out_path.read_text(encoding="utf-8") == '{"headline": "from an earlier run"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "records.jsonl"]


def test_output_that_is_an_input_is_refused_through_links(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    soft = tmp_path / "soft.jsonl"
    soft.symlink_to(good)
    hard = tmp_path / "hard.jsonl"
    os.link(good, hard)
    for target in (good, soft, hard):
        code, out, err = invoke(runner, "parse", good, "-o", target)
        assert code == ExitStatus.USAGE
        assert "is one of the input files; refusing to overwrite it" in err
    assert good.read_text(encoding="utf-8") == ARTICLE


def test_atomic_output_writes_special_files_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with atomic_output(str(fifo)) as handle:
            handle.write("through the pipe\n")
        assert os.read(reader, 100) == b"through the pipe\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


# --------------------------------------------------------------------------- closed pipes and signals


def _many_articles(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = tmp_path / f"article-{i:03d}.txt"
        path.write_text(f"Title: Promenade Closed {i}\n\n" + "\n\n".join([LONG_PARAGRAPH] * 12) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize(("missing_first", "status"), [(False, ExitStatus.OK), (True, ExitStatus.FAILED)])
def test_closed_stdout_like_head(tmp_path: Path, missing_first: bool, status: ExitStatus) -> None:
    """A reader that stops early is no failure; an input that failed before it stopped still is."""
    names = [str(tmp_path / "missing.txt")] if missing_first else []
    files = " ".join(f"'{p}'" for p in [*names, *map(str, _many_articles(tmp_path, 40))])
    script = (
        f"PYTHONPATH='{SRC}' '{sys.executable}' -m newsclip parse -f jsonl {files} 2>'{tmp_path}/err' | head -n 1;"
        ' echo "status=${PIPESTATUS[0]}"'
    )
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    first, reported = result.stdout.splitlines()
    assert json.loads(first)["headline"] == "Promenade Closed 0"
    assert reported == f"status={int(status)}"
    expected_err = f"newsclip: {tmp_path / 'missing.txt'}: no such file or directory\n" if missing_first else ""
    assert (tmp_path / "err").read_text() == expected_err


def _wait_for(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_ctrl_c_while_printing(tmp_path: Path) -> None:
    paths = _many_articles(tmp_path, 2)
    proc = newsclip("parse", "-f", "jsonl", *paths, "-", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdin is not None
    first = proc.stdout.readline()
    second = proc.stdout.readline()
    proc.send_signal(signal.SIGINT)  # it now waits on stdin, as a long batch would be mid-file
    rest, err = proc.communicate(timeout=60)
    assert [json.loads(line)["headline"] for line in (first, second)] == ["Promenade Closed 0", "Promenade Closed 1"]
    assert rest == b""
    assert proc.returncode == ExitStatus.INTERRUPTED
    assert err.decode() == "newsclip: interrupted\n"


def test_ctrl_c_while_writing_a_file_keeps_the_old_one(tmp_path: Path) -> None:
    paths = _many_articles(tmp_path, 3)
    out_path = tmp_path / "records.jsonl"
    out_path.write_text('{"headline": "from an earlier run"}\n', encoding="utf-8")
    proc = newsclip("parse", *paths, "-", "-o", out_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)

    def part_file_has_records() -> bool:
        parts = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        return bool(parts) and parts[0].stat().st_size > 3 * len(LONG_PARAGRAPH)

    _wait_for(part_file_has_records)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitStatus.INTERRUPTED
    assert (out, err.decode()) == (b"", "newsclip: interrupted\n")
    assert out_path.read_text(encoding="utf-8") == '{"headline": "from an earlier run"}\n'
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_sigint_during_a_large_batch(tmp_path: Path) -> None:
    paths = _many_articles(tmp_path, 150)
    proc = newsclip("parse", "-f", "jsonl", *paths, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=60)
    assert json.loads(first)["headline"] == "Promenade Closed 0"
    for line in rest.decode("utf-8").splitlines():  # whatever was printed is whole records
        assert json.loads(line)["headline"].startswith("Promenade Closed ")
    if proc.returncode == ExitStatus.OK:  # the batch won the race against the signal
        assert err == b""
    else:
        assert proc.returncode == ExitStatus.INTERRUPTED
        assert err.decode() == "newsclip: interrupted\n"


# --------------------------------------------------------------------------- output safety


FORMULAS = (
    'Title: =HYPERLINK("https://example.com/x","Council votes")\n'
    "Author: Ana Ruiz\n"
    "Date: 2025-02-04\n"
    "\n"
    "-2 degrees were recorded overnight as the council voted on the new gritting budget.\n"
    "\n"
    "@SUM(A1:A9) is not a formula here, the clerk said.\n"
)


def _csv_cells(out: str) -> dict[str, str]:
    header, row = list(csv.reader(io.StringIO(out, newline="")))
    return dict(zip(header, row))


@pytest.mark.parametrize(("flags", "headline", "body_start"), [
    ((), "'=HYPERLINK(\"https://example.com/x\",\"Council votes\")", "'-2 degrees"),
    (("--csv-raw",), "=HYPERLINK(\"https://example.com/x\",\"Council votes\")", "-2 degrees"),
])
def test_csv_formulas_neutralised_unless_raw(runner: CliRunner, tmp_path: Path, flags: tuple[str, ...],
                                             headline: str, body_start: str) -> None:
    path = tmp_path / "formula.txt"
    path.write_text(FORMULAS, encoding="utf-8")
    code, out, err = invoke(runner, "parse", "-f", "csv", *flags, path)
    assert (code, err) == (ExitStatus.OK, "")
    cells = _csv_cells(out)
    assert cells["headline"] == headline
    assert cells["body"].startswith(body_start)
    assert "\n\n@SUM(A1:A9) is not a formula here" in cells["body"]  # only a cell's first character counts


def test_csv_neutralising_does_not_touch_json(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "formula.txt"
    path.write_text(FORMULAS, encoding="utf-8")
    code, out, _ = invoke(runner, "parse", "-f", "json", path)
    assert json.loads(out)["headline"] == '=HYPERLINK("https://example.com/x","Council votes")'


def test_yaml_python_tags_are_never_constructed(runner: CliRunner, tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    post = tmp_path / "post.md"
    post.write_text(
        "---\n"
        f"title: !!python/object/apply:os.system [\"touch {marker}\"]\n"
        f"tags: !!python/object/apply:subprocess.call [[\"touch\", \"{marker}\"]]\n"
        "date: 2025-02-04\n"
        "---\n\n"
        "The harbour authority said on Tuesday that the new breakwater would be finished by the spring.\n",
        encoding="utf-8",
    )
    code, out, err = invoke(runner, "parse", "-f", "jsonl", post)
    assert code == ExitStatus.OK
    assert not marker.exists()
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["date"] == "2025-02-04"
    assert "Traceback" not in err


def _pending_connections(server: object) -> int:
    """How many connections reached ``server`` (a listening socket) so far."""
    count = 0
    while True:
        try:
            conn, _ = server.accept()  # type: ignore[attr-defined]
        except (BlockingIOError, OSError):
            return count
        conn.close()
        count += 1


def test_html_never_fetches_anything(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's sockets are switched off, and a local server shows whether C code (libxml2) called out."""
    import socket
    import urllib.request

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    base = f"http://127.0.0.1:{server.getsockname()[1]}"
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network is off in this test")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    page = tmp_path / "page.html"
    page.write_text(
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE html SYSTEM "{base}/dtd" [<!ENTITY ext SYSTEM "{base}/secret"> <!ENTITY % p SYSTEM "{base}/p">'
        " %p;]>\n"
        f'<html><head><title>Remote Bits</title><link rel="stylesheet" href="{base}/a.css">'
        f'<base href="{base}/"><script src="{base}/a.js"></script>'
        f'<script type="application/ld+json">{{"@context": "{base}/ctx", "@type": "NewsArticle", '
        f'"headline": "Remote Bits"}}</script></head>'
        f'<body><article><h1>Remote Bits</h1><img src={base}/pixel.gif>'
        f'<iframe src="{base}/frame"></iframe><object data="{base}/o"></object>'
        f'<svg><image href="{base}/i.svg"/></svg><?xml-stylesheet href="{base}/x.xsl"?>'
        "<p>&ext; The harbour authority said on Tuesday that the new breakwater would be late.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    try:
        code, out, err = invoke(runner, "parse", "-f", "jsonl", page)
        assert code == ExitStatus.OK
        assert json.loads(out)["headline"] == "Remote Bits"
        assert attempts == []
        assert _pending_connections(server) == 0
    finally:
        server.close()


def test_surrogate_escapes_in_json_values_do_not_break_the_output(runner: CliRunner, good: Path,
                                                                   tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text('---\ntitle: "Storm \\ud83d Hits \\ud83d\\ude00"\n---\n\nThe storm hit the coast overnight.\n',
                    encoding="utf-8")
    code, out, err = invoke(runner, "parse", "-f", "jsonl", good, post, good)
    assert (code, err) == (ExitStatus.OK, "")
    assert headlines(out) == [HEADLINE, "Storm \ufffd Hits \U0001f600", HEADLINE]
