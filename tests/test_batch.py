"""The batch library: walking inputs, the ordered parallel map, encoding, the manifest, convert() end to end."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from newsclip.batch import (
    BatchOptions,
    BatchUsageError,
    Encoder,
    Outcome,
    Reporter,
    ResumeError,
    Walk,
    WalkError,
    WalkOptions,
    convert,
    expand_arguments,
    matches,
    mirror_target,
    ordered_map,
    read_path_list,
)
from newsclip.batch.job import RecordKey
from newsclip.batch.pool import chunks
from newsclip.batch.resume import Entry, read_entries
from newsclip.model import Article
from newsclip.output import open_writer

# ---------------------------------------------------------------------------
# Article files invented for these tests: plain-text dumps, one per story.

HEADLINES = (
    "Harbour Ferry Resumes Night Crossings",
    "Library Extends Sunday Opening Hours",
    "Tram Line Four Closes for Track Repairs",
    "Bakery Cooperative Wins Regional Prize",
    "Storm Topples Old Oak in Market Square",
    "Council Votes to Plant Two Thousand Trees",
    "Museum Returns Map Collection to Display",
    "Cycling Lane Opens Along the River Road",
)


def story(number: int) -> str:
    """A small plain-text article; ``number`` picks the headline and varies the body."""
    headline = HEADLINES[number % len(HEADLINES)]
    return (
        f"{headline}\n\nBy Marta Lindqvist\n\nMarch {number % 27 + 1}, 2025\n\n"
        f"The decision was announced on Monday after a long meeting, officials said in statement number {number}.\n\n"
        "Residents welcomed the news and said they had waited a long time for the change.\n"
    )


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def walked(arguments: list[str], **options: object) -> list[str]:
    """The walk's output as paths, errors shown as ``!kind:path``."""
    out = []
    for item in Walk(arguments, WalkOptions(**options)):  # type: ignore[arg-type]
        out.append(f"!{item.kind}:{item.path}" if isinstance(item, WalkError) else item)
    return out


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small input tree; the working folder is its parent so paths read ``in/...``."""
    root = tmp_path / "in"
    for rel in ("b.txt", "a.txt", "sub/z.txt", "sub/deeper/y.md", "c.html", ".hidden.txt", ".git/config.txt",
                "sub-2/x.txt"):
        write(root / rel, story(len(rel)))
    monkeypatch.chdir(tmp_path)
    return root


# ---------------------------------------------------------------------------
# walk


def test_walk_is_sorted_depth_first_and_skips_hidden(tree: Path) -> None:
    assert walked(["in"]) == [
        "in/a.txt", "in/b.txt", "in/c.html", "in/sub/deeper/y.md", "in/sub/z.txt", "in/sub-2/x.txt",
    ]


def test_walk_with_hidden(tree: Path) -> None:
    assert walked(["in"], hidden=True) == [
        "in/.git/config.txt", "in/.hidden.txt", "in/a.txt", "in/b.txt", "in/c.html",
        "in/sub/deeper/y.md", "in/sub/z.txt", "in/sub-2/x.txt",
    ]


def test_walk_not_recursive(tree: Path) -> None:
    assert walked(["in"], recursive=False) == ["in/a.txt", "in/b.txt", "in/c.html"]


@pytest.mark.parametrize(("include", "exclude", "expected"), [
    (("*.txt",), (), ["in/a.txt", "in/b.txt", "in/sub/z.txt", "in/sub-2/x.txt"]),
    (("*.md", "*.html"), (), ["in/c.html", "in/sub/deeper/y.md"]),
    ((), ("sub",), ["in/a.txt", "in/b.txt", "in/c.html", "in/sub-2/x.txt"]),
    ((), ("sub*",), ["in/a.txt", "in/b.txt", "in/c.html"]),
    (("sub/*",), (), ["in/sub/deeper/y.md", "in/sub/z.txt"]),
    (("**/*.md",), (), ["in/sub/deeper/y.md"]),
    (("*.txt",), ("b.*", "sub/deeper"), ["in/a.txt", "in/sub/z.txt", "in/sub-2/x.txt"]),
])
def test_walk_include_exclude(tree: Path, include: tuple[str, ...], exclude: tuple[str, ...],
                              expected: list[str]) -> None:
    assert walked(["in"], include=include, exclude=exclude) == expected


@pytest.mark.parametrize(("patterns", "rel", "expected"), [
    (("*.txt",), "a/b/story.txt", True),
    (("*.txt",), "a/b/story.html", False),
    (("a/*",), "a/story.txt", True),
    (("a/*",), "b/story.txt", False),
    (("**/*.txt",), "story.txt", True),
    (("**/*.txt",), "x/y/story.txt", True),
    (("/a/*.txt",), "a/story.txt", True),
    (("STORY.TXT",), "story.txt", False),
    (("drafts",), "2024/drafts", True),
    ((), "story.txt", False),
])
def test_matches(patterns: tuple[str, ...], rel: str, expected: bool) -> None:
    assert matches(patterns, rel) is expected


def test_folder_symlink_loop_and_twice_reached_folder(tree: Path) -> None:
    os.symlink("..", tree / "sub" / "loop")          # back up to in/: a loop
    os.symlink("sub", tree / "again")                # a second way into in/sub
    assert walked(["in"]) == [
        "in/a.txt", "in/again/deeper/y.md", "in/again/z.txt", "in/b.txt", "in/c.html", "in/sub-2/x.txt",
    ]


def test_file_reached_twice_is_read_once(tree: Path) -> None:
    os.symlink("c.html", tree / "0-link.html")      # comes before its target in name order
    os.symlink("../a.txt", tree / "sub" / "z2.txt")  # comes after its target
    assert walked(["in", "in/b.txt", "in/sub"]) == [
        "in/0-link.html", "in/a.txt", "in/b.txt", "in/sub/deeper/y.md", "in/sub/z.txt", "in/sub-2/x.txt",
    ]


def test_argument_file_before_its_folder_keeps_its_place(tree: Path) -> None:
    assert walked(["in/sub/z.txt", "in/sub"]) == ["in/sub/z.txt", "in/sub/deeper/y.md"]


def test_broken_link_missing_argument_and_special_file(tree: Path) -> None:
    os.symlink("nowhere.txt", tree / "broken.txt")
    os.mkfifo(tree / "pipe.txt")
    assert walked(["in", "missing.txt"], recursive=False) == [
        "in/a.txt", "in/b.txt", "!input:in/broken.txt", "in/c.html", "!input:in/pipe.txt",
        "!missing:missing.txt",
    ]


def test_skip_leaves_out_own_files(tree: Path) -> None:
    skip = frozenset({os.path.realpath(tree / "b.txt"), os.path.realpath(tree / "sub")})
    assert walked(["in"], skip=skip) == ["in/a.txt", "in/c.html", "in/sub-2/x.txt"]


def test_scan_counts_what_the_walk_yields(tree: Path) -> None:
    walk = Walk(["in", "nothing-here.txt"], WalkOptions())
    assert walk.scan().total == 7
    assert len(list(walk)) == 7


def test_expand_arguments_expands_quoted_patterns(tree: Path) -> None:
    assert list(expand_arguments(["in/*.txt", "in/s*/*.txt", "in/none-*.txt", "in/c.html"])) == [
        "in/a.txt", "in/b.txt", "in/sub/z.txt", "in/sub-2/x.txt",
        WalkError("in/none-*.txt", "missing", "no file matches this pattern"), "in/c.html",
    ]
    assert list(expand_arguments(["in/**/*.md"])) == ["in/sub/deeper/y.md"]
    assert list(expand_arguments(["in/*.txt"], hidden=True)) == ["in/.hidden.txt", "in/a.txt", "in/b.txt"]


def test_read_path_list() -> None:
    assert read_path_list(["a.txt\n", "\n", "  \n", "dir/b c.txt\r\n", "last.txt"]) == [
        "a.txt", "dir/b c.txt", "last.txt",
    ]


@pytest.mark.parametrize(("path", "options", "expected"), [
    ("in/out.jsonl", {}, True),
    ("in/sub/out.jsonl", {}, True),
    ("in/sub/out.jsonl", {"recursive": False}, False),
    ("in/sub/out.jsonl", {"exclude": ("sub",)}, False),
    ("in/out.jsonl", {"exclude": ("*.jsonl",)}, False),
    ("in/out.jsonl", {"include": ("*.txt",)}, False),
    ("in/.out.jsonl", {}, False),
    ("elsewhere.jsonl", {}, False),
])
def test_would_read(tree: Path, path: str, options: dict[str, object], expected: bool) -> None:
    assert Walk(["in"], WalkOptions(**options)).would_read(path) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("folder", "options", "expected"), [
    ("in/records", {}, True),
    ("in", {}, True),
    ("in/records", {"recursive": False}, False),
    ("in/records", {"exclude": ("records",)}, False),
    ("records", {}, False),
])
def test_would_enter(tree: Path, folder: str, options: dict[str, object], expected: bool) -> None:
    assert Walk(["in"], WalkOptions(**options)).would_enter(folder) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("path", "base", "folder", "expected"), [
    ("/data/in/a/b.txt", "/data/in", "/out", "/out/a/b.txt.json"),
    ("/data/in/b.html", "/data/in", "/out", "/out/b.html.json"),
    ("/data/in/b.json", "/data", "/out", "/out/in/b.json.json"),
])
def test_mirror_target(path: str, base: str, folder: str, expected: str) -> None:
    assert mirror_target(path, base, folder) == expected


# ---------------------------------------------------------------------------
# the ordered parallel map (module-level functions so worker processes can import them)


def square_all(items: list[int]) -> list[int]:
    return [n * n for n in items]


def die_on_13(items: list[int]) -> list[int]:
    if 13 in items:
        os._exit(3)
    return [n * n for n in items]


def gone(n: int) -> int:
    return -n


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_ordered_map_keeps_order(jobs: int) -> None:
    assert list(ordered_map(square_all, range(500), jobs=jobs, chunksize=7, on_crash=gone)) == [
        n * n for n in range(500)
    ]


@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_ordered_map_works_with_other_start_methods(start_method: str) -> None:
    got = list(ordered_map(square_all, range(40), jobs=2, chunksize=3, on_crash=gone, start_method=start_method))
    assert got == [n * n for n in range(40)]


def test_dead_worker_costs_only_its_item() -> None:
    got = list(ordered_map(die_on_13, range(30), jobs=2, chunksize=4, on_crash=gone))
    assert got == [n * n if n != 13 else -13 for n in range(30)]


def test_ordered_map_bounds_items_in_flight() -> None:
    taken = 0

    def items():
        nonlocal taken
        for n in range(2000):
            taken += 1
            yield n

    most_ahead = 0
    for done, _ in enumerate(ordered_map(square_all, items(), jobs=2, chunksize=10, in_flight=4,
                                         on_crash=gone), 1):
        most_ahead = max(most_ahead, taken - done)
    # four chunks out, plus the chunk being read
    assert most_ahead <= 50


def test_chunks() -> None:
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []


# ---------------------------------------------------------------------------
# encoding: framing + per-input bytes must equal what the record writers write in one go

ARTICLES = (
    Article(headline="Ferry Resumes", byline="Ana Ruiz", authors=("Ana Ruiz",), date="2025-03-01",
            body="First line.\n\nSecond, with \"quotes\".", word_count=5, source="a.txt", dialect="plain"),
    Article(headline="=SUM(A1)", date="2025-03-02", body="Ünïcödé body", word_count=2, source="b.txt#1",
            dialect="nexis", warnings=("no byline found",)),
    Article(headline="Third", source="b.txt#2", dialect="nexis"),
)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("groups", [[], [[0]], [[0], [1, 2]], [[], [0], [], [1, 2], []]])
def test_encoder_pieces_make_the_writer_output(fmt: str, groups: list[list[int]]) -> None:
    encoder = Encoder(fmt, fields=None, explain=False, csv_raw=False)
    pieces = [encoder.head()]
    any_records = False
    for group in groups:
        if group:
            pieces.append(encoder.separator(not any_records) + encoder.encode([ARTICLES[i] for i in group]))
            any_records = True
    pieces.append(encoder.tail(any_records))
    expected = io.StringIO(newline="")
    writer = open_writer(fmt, expected, json_array=True)
    for group in groups:
        for i in group:
            writer.write(ARTICLES[i])
    writer.close()
    assert b"".join(pieces).decode("utf-8") == expected.getvalue()


def test_encoder_document_is_object_or_array() -> None:
    encoder = Encoder("json")
    assert json.loads(encoder.document([ARTICLES[0]]))["headline"] == "Ferry Resumes"
    assert [r["source"] for r in json.loads(encoder.document(ARTICLES[1:]))] == ["b.txt#1", "b.txt#2"]


def test_encoder_fields_and_csv_neutralising() -> None:
    encoder = Encoder("csv", fields=("headline", "source"))
    assert encoder.head() == b"headline,source\r\n"
    assert encoder.encode([ARTICLES[1]]) == b"'=SUM(A1),b.txt#1\r\n"
    assert Encoder("csv", fields=("headline",), csv_raw=True).encode([ARTICLES[1]]) == b"=SUM(A1)\r\n"


# ---------------------------------------------------------------------------
# the manifest


def test_manifest_entries_round_trip_and_torn_line(tmp_path: Path) -> None:
    ok = Entry("in/a.txt", 120, 1_700_000_000_123_456_789, 300, 2, "plain")
    bad = Entry("in/é b.txt", 0, 5, 300, kind="input", message="is empty")
    path = tmp_path / "m"
    path.write_bytes(b'{"manifest": 1}\n' + ok.to_line() + bad.to_line() + b'{"path": "in/c.t')
    got = list(read_entries(str(path)))
    assert [e for e, _ in got] == [ok, bad]
    assert got[-1][1] == len(path.read_bytes()) - len(b'{"path": "in/c.t')


def test_manifest_entry_with_duplicate_keys_round_trips(tmp_path: Path) -> None:
    signature = bytes(range(256)) * 2
    entry = Entry("in/export.txt", 900, 7, 0, 1, "nexis", dropped=2, keys=(
        RecordKey("a1", "in/export.txt#1", signature, 0),
        RecordKey("a2", "in/export.txt#2", None, 0),
        RecordKey(None, "in/export.txt#3", signature[::-1], 0),
    ))
    line = entry.to_line()
    assert json.loads(line)["keys"][1] == ["a2", "in/export.txt#2", None]
    path = tmp_path / "m"
    path.write_bytes(b'{"manifest": 1}\n' + line + line.replace(b'"a1", "in/export.txt#1", "', b'"a1", 5, "!'))
    assert [e for e, _ in read_entries(str(path))] == [entry]  # a line with a bad signature ends the log
    assert entry.outcome().keys == entry.keys and entry.outcome().dropped == 2


def test_entry_matches_only_the_unchanged_file(tmp_path: Path) -> None:
    target = write(tmp_path / "a.txt", "some text")
    info = target.stat()
    entry = Entry(str(target), info.st_size, info.st_mtime_ns, 10, 1, "plain")
    assert entry.matches(str(target))
    assert not entry.matches(str(tmp_path / "other.txt"))
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert not entry.matches(str(target))
    missing = Entry("gone.txt", None, None, 10, kind="missing", message="no such file or directory")
    assert missing.matches(WalkError("gone.txt", "missing", "no such file or directory"))


# ---------------------------------------------------------------------------
# convert() end to end (the real parser on small plain-text files)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """24 stories in three folders, with an empty, a binary and a broken-link input in the middle."""
    root = tmp_path / "corpus"
    for number in range(24):
        write(root / f"part{number // 8}" / f"story{number:02d}.txt", story(number))
    write(root / "part1" / "story11b-empty.txt", "")
    write(root / "part1" / "story12b-image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200))
    os.symlink("no-such-file.txt", root / "part2" / "story16b-broken.txt")
    monkeypatch.chdir(tmp_path)
    return root


GOOD = [f"corpus/part{n // 8}/story{n:02d}.txt" for n in range(24)]
FAILED = [
    {"path": "corpus/part1/story11b-empty.txt", "kind": "input", "message": "is empty"},
    {"path": "corpus/part1/story12b-image.txt", "kind": "binary", "message": "is a PNG image, not text"},
    {"path": "corpus/part2/story16b-broken.txt", "kind": "input", "message": "is a broken symbolic link"},
]


class Recorder(Reporter):
    """Keeps the events; can stop the run after ``stop_after`` inputs, as Ctrl-C would."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.total: int | None = None
        self.done: list[str] = []
        self.failures: list[str] = []
        self.stop_after = stop_after

    def started(self, total: int) -> None:
        self.total = total

    def advanced(self, outcome: Outcome) -> None:
        self.done.append(outcome.path)
        if self.stop_after is not None and len(self.done) == self.stop_after:
            raise KeyboardInterrupt

    def failed(self, outcome: Outcome) -> None:
        self.failures.append(outcome.path)


def run(output: str, *, jobs: int = 2, stop_after: int | None = None,
        **options: object) -> tuple[Recorder, object]:
    recorder = Recorder(stop_after)
    batch = BatchOptions(inputs=("corpus",), output=output, jobs=jobs, **options)  # type: ignore[arg-type]
    summary = convert(batch, recorder)
    return recorder, summary


@pytest.mark.parametrize("jobs", [1, 2])
def test_convert_keeps_order_and_reports_failures(corpus: Path, jobs: int) -> None:
    recorder, summary = run("out.jsonl", jobs=jobs, errors="errors.jsonl")
    records = [json.loads(line) for line in Path("out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == GOOD
    assert [r["headline"] for r in records[:3]] == list(HEADLINES[:3])
    assert recorder.total == 27
    assert recorder.failures == [f["path"] for f in FAILED]
    assert [json.loads(line) for line in Path("errors.jsonl").read_text().splitlines()] == FAILED
    assert (summary.files, summary.records, summary.failed, summary.stopped) == (27, 24, 3, None)
    assert summary.dialects == {"plain": 24}
    assert not Path("out.jsonl.partial").exists() and not Path("out.jsonl.newsclip-manifest").exists()


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("stop_after", [1, 5, 12, 13, 26])
def test_interrupted_then_resumed_is_byte_identical(corpus: Path, fmt: str, stop_after: int) -> None:
    run(f"whole.{fmt}")
    expected = Path(f"whole.{fmt}").read_bytes()
    _, first = run(f"out.{fmt}", stop_after=stop_after)
    assert first.stopped == "interrupted"
    assert not Path(f"out.{fmt}").exists()
    partial = Path(f"out.{fmt}.partial")
    with partial.open("ab") as handle:  # a record cut in half by a crash
        handle.write(b'{"headline": "Half a rec')
    recorder, second = run(f"out.{fmt}", resume=True, errors="errors.jsonl")
    assert Path(f"out.{fmt}").read_bytes() == expected
    assert (second.files, second.failed, second.stopped) == (27, 3, None)
    assert second.resumed <= stop_after
    assert recorder.failures == [f["path"] for f in FAILED]
    assert [json.loads(line) for line in Path("errors.jsonl").read_text().splitlines()] == FAILED
    assert not partial.exists()


def test_resume_after_a_file_changed_redoes_it_and_what_follows(corpus: Path) -> None:
    run("whole.jsonl")
    run("out.jsonl", stop_after=20)
    changed = corpus / "part0" / "story03.txt"
    changed.write_text(story(3).replace("Monday", "Friday"), encoding="utf-8")
    run("whole-after.jsonl")
    _, summary = run("out.jsonl", resume=True)
    assert summary.resumed == 3
    assert Path("out.jsonl").read_bytes() == Path("whole-after.jsonl").read_bytes()
    assert Path("out.jsonl").read_bytes() != Path("whole.jsonl").read_bytes()


def test_resume_with_other_options_is_refused(corpus: Path) -> None:
    run("out.jsonl", stop_after=4)
    with pytest.raises(ResumeError, match="fields"):
        run("out.jsonl", resume=True, fields=("headline",))


def test_without_resume_a_stale_partial_is_replaced(corpus: Path) -> None:
    run("whole.jsonl")
    run("out.jsonl", stop_after=4)
    run("out.jsonl")
    assert Path("out.jsonl").read_bytes() == Path("whole.jsonl").read_bytes()


def test_fail_fast_stops_at_the_first_failure_and_can_resume(corpus: Path) -> None:
    recorder, summary = run("out.jsonl", fail_fast=True)
    assert summary.stopped == "fail-fast"
    assert summary.stopped_at == "corpus/part1/story11b-empty.txt"
    assert recorder.done[-1] == "corpus/part1/story11b-empty.txt"
    assert Path("out.jsonl.partial").exists()


def test_mirror_folder_and_its_resume(corpus: Path) -> None:
    _, first = run("records/", stop_after=10)
    assert first.stopped == "interrupted"
    _, summary = run("records/", resume=True)
    assert summary.resumed == 10 and summary.failed == 3
    files = sorted(str(p.relative_to("records")) for p in Path("records").rglob("*") if p.is_file())
    assert files == sorted(f"part{n // 8}/story{n:02d}.txt.json" for n in range(24))
    record = json.loads(Path("records/part0/story01.txt.json").read_text(encoding="utf-8"))
    assert record["headline"] == HEADLINES[1] and record["source"] == "corpus/part0/story01.txt"


@pytest.mark.parametrize(("output", "options", "message"), [
    ("corpus/out.jsonl", {}, "inside an input folder"),
    ("corpus/records/", {}, "inside an input folder"),
    ("out.txt", {}, "cannot tell the output format"),
    ("out.jsonl", {"fmt": "pretty"}, "not a batch format"),
    ("records/", {"fmt": "csv"}, "one .json file per input"),
    ("-", {"resume": True}, "--resume needs an output file"),
    ("out.jsonl", {"errors": "out.jsonl"}, "same file"),
    ("corpus/part0/story00.txt", {"fmt": "jsonl", "recursive": False}, "overwrite the input"),
])
def test_usage_errors(corpus: Path, output: str, options: dict[str, object], message: str) -> None:
    inputs = ("corpus", "corpus/part0/story00.txt") if "recursive" in options else ("corpus",)
    with pytest.raises(BatchUsageError, match=message):
        convert(BatchOptions(inputs=inputs, output=output, **options))  # type: ignore[arg-type]


def test_output_inside_input_is_fine_when_excluded(corpus: Path) -> None:
    convert(BatchOptions(inputs=("corpus",), output="corpus/out/all.jsonl", exclude=("out",), jobs=1))
    assert len(Path("corpus/out/all.jsonl").read_text().splitlines()) == 24


def test_stream_output(corpus: Path) -> None:
    stream = io.BytesIO()
    summary = convert(BatchOptions(inputs=("corpus/part0",), output="-", fmt="json", jobs=2), stdout=stream)
    assert [r["source"] for r in json.loads(stream.getvalue())] == GOOD[:8]
    assert summary.records == 8


@pytest.mark.parametrize("jobs", [1, 2])
def test_parser_bug_costs_one_file(corpus: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    import newsclip.api

    real = newsclip.api.parse_file

    def buggy(path, settings=None):  # type: ignore[no-untyped-def]
        if str(path).endswith("story05.txt"):
            raise ZeroDivisionError("division by zero")
        return real(path, settings)

    monkeypatch.setattr(newsclip.api, "parse_file", buggy)  # workers are forked, so they see it too
    recorder, summary = run("out.jsonl", jobs=jobs, errors="errors.jsonl")
    assert recorder.failures[0] == "corpus/part0/story05.txt"
    assert json.loads(Path("errors.jsonl").read_text().splitlines()[0]) == {
        "path": "corpus/part0/story05.txt", "kind": "crash",
        "message": "unexpected error (ZeroDivisionError: division by zero)",
    }
    assert (summary.records, summary.failed) == (23, 4)


def test_convert_with_spawned_workers(corpus: Path) -> None:
    run("forked.jsonl", jobs=2)
    _, summary = run("spawned.jsonl", jobs=2, start_method="spawn")
    assert summary.records == 24
    assert Path("spawned.jsonl").read_bytes() == Path("forked.jsonl").read_bytes()
