"""The command line end to end: stdout carries data only, stderr the messages, exit codes as documented."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from newsclip import __version__, dialects
from newsclip.cli import common, main, register_commands
from newsclip.cli.common import (
    ExitStatus,
    atomic_output,
    parse_reference_time,
    parse_size,
    problem_of,
)
from newsclip.errors import InputError
from newsclip.model import FIELDS
from newsclip.schema import json_type, record_schema

BRIDGE = (
    "Title: Harbour Bridge Reopens After Repairs\n"
    "URL: https://example.org/news/harbour-bridge-reopens\n"
    "Date: 2024-09-12\n"
    "\n"
    "The harbour bridge reopened to traffic on Thursday morning after six weeks of repairs.\n"
    "\n"
    "Engineers said the new deck should last another forty years.\n"
)

LIBRARY = (
    "Title: City Library Extends Opening Hours\n"
    "URL: https://example.net/local/library-hours\n"
    "Date: 2024-10-01\n"
    "\n"
    "The central library will stay open until nine in the evening from next month.\n"
    "\n"
    "Staff said evening visits had doubled since the spring.\n"
)

FARES = (
    "Title: +5% Rise in Rail Fares Announced\n"
    "URL: https://example.com/rail-fares\n"
    "Date: 2024-12-03\n"
    "\n"
    "Regulated rail fares will rise by five per cent in March, the operator said.\n"
)

BRIDGE_URL = "https://example.org/news/harbour-bridge-reopens"
LIBRARY_URL = "https://example.net/local/library-hours"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> dict[str, Path]:
    files = {"bridge": BRIDGE, "library": LIBRARY, "fares": FARES}
    paths = {}
    for name, text in files.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def run(runner: CliRunner, *args: object, **kwargs: object) -> Result:
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


# --- parse: formats -------------------------------------------------------------


def test_default_format_off_a_terminal_is_jsonl(runner: CliRunner, articles: dict[str, Path]) -> None:
    result = run(runner, "parse", articles["bridge"], articles["library"])
    assert result.exit_code == ExitStatus.OK
    records = jsonl(result.stdout)
    assert [r["headline"] for r in records] == [
        "Harbour Bridge Reopens After Repairs",
        "City Library Extends Opening Hours",
    ]
    assert [r["url"] for r in records] == [BRIDGE_URL, LIBRARY_URL]
    assert [list(r) for r in records] == [list(FIELDS)] * 2
    assert records[0]["source"] == str(articles["bridge"])
    assert result.stderr == ""


def test_json_one_file_is_an_object(runner: CliRunner, articles: dict[str, Path]) -> None:
    result = run(runner, "parse", articles["bridge"], "-f", "json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert isinstance(record, dict)
    assert record["headline"] == "Harbour Bridge Reopens After Repairs"
    assert record["site"] == "example.org"


def test_json_several_files_are_an_array(runner: CliRunner, articles: dict[str, Path]) -> None:
    result = run(runner, "parse", articles["bridge"], articles["library"], "-f", "json")
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    assert [r["url"] for r in records] == [BRIDGE_URL, LIBRARY_URL]


def test_csv_header_and_rows(runner: CliRunner, articles: dict[str, Path]) -> None:
    result = run(runner, "parse", articles["bridge"], articles["library"], "-f", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == list(FIELDS)
    assert len(rows) == 3
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["headline"] == "Harbour Bridge Reopens After Repairs"
    assert first["url"] == BRIDGE_URL
    assert first["subheadline"] == ""
    assert first["word_count"].isdigit()
    assert "provenance" not in rows[0]
    assert result.stdout_bytes.endswith(b"\r\n")


def test_csv_neutralises_and_csv_raw_keeps(runner: CliRunner, articles: dict[str, Path]) -> None:
    safe = run(runner, "parse", articles["fares"], "-f", "csv", "--fields", "headline")
    raw = run(runner, "parse", articles["fares"], "-f", "csv", "--fields", "headline", "--csv-raw")
    assert list(csv.reader(io.StringIO(safe.stdout, newline=""))) == [
        ["headline"], ["'+5% Rise in Rail Fares Announced"]
    ]
    assert list(csv.reader(io.StringIO(raw.stdout, newline=""))) == [
        ["headline"], ["+5% Rise in Rail Fares Announced"]
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_fields_order(runner: CliRunner, articles: dict[str, Path], fmt: str) -> None:
    result = run(runner, "parse", articles["bridge"], "-f", fmt, "--fields", "url, headline")
    assert result.exit_code == 0
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
        assert rows == [["url", "headline"], [BRIDGE_URL, "Harbour Bridge Reopens After Repairs"]]
    else:
        record = json.loads(result.stdout)
        assert list(record.items()) == [("url", BRIDGE_URL), ("headline", "Harbour Bridge Reopens After Repairs")]


@pytest.mark.parametrize("value", ["headline,colour", "Headline", ",", "provenance"])
def test_unknown_field_is_a_usage_error(runner: CliRunner, articles: dict[str, Path], value: str) -> None:
    result = run(runner, "parse", articles["bridge"], "--fields", value)
    assert result.exit_code == ExitStatus.USAGE
    assert result.stdout == ""
    assert "--fields" in result.stderr


def test_explain_adds_provenance_in_json_only(runner: CliRunner, articles: dict[str, Path]) -> None:
    as_json = json.loads(run(runner, "parse", articles["bridge"], "-f", "json", "--explain").stdout)
    plain = json.loads(run(runner, "parse", articles["bridge"], "-f", "json").stdout)
    as_csv = run(runner, "parse", articles["bridge"], "-f", "csv", "--explain").stdout
    assert list(as_json)[-1] == "provenance"
    assert isinstance(as_json["provenance"], dict)
    assert set(as_json["provenance"]) <= set(FIELDS)
    for entry in as_json["provenance"].values():
        assert set(entry) == {"lines", "rule", "confidence"}
    assert "provenance" not in plain
    assert "provenance" not in as_csv.splitlines()[0]


def test_pretty_with_no_color(runner: CliRunner, articles: dict[str, Path]) -> None:
    result = run(runner, "parse", articles["bridge"], "-f", "pretty", env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "Harbour Bridge Reopens After Repairs" in result.stdout
    assert BRIDGE_URL in result.stdout


# --- parse: inputs and failures ---------------------------------------------------


def test_stdin_dash(runner: CliRunner) -> None:
    result = run(runner, "parse", "-", "-f", "json", input=BRIDGE.encode("utf-8"))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["headline"] == "Harbour Bridge Reopens After Repairs"
    assert record["source"] == "-"


def test_empty_stdin_fails(runner: CliRunner) -> None:
    result = run(runner, "parse", "-", input=b"")
    assert result.exit_code == ExitStatus.FAILED
    assert result.stdout == ""
    assert stderr_lines(result) == ["newsclip: <stdin>: is empty"]


def test_missing_file_among_good_ones(runner: CliRunner, articles: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    result = run(runner, "parse", articles["bridge"], missing, articles["library"])
    assert result.exit_code == ExitStatus.FAILED
    assert [r["url"] for r in jsonl(result.stdout)] == [BRIDGE_URL, LIBRARY_URL]
    lines = stderr_lines(result)
    assert len(lines) == 1
    assert lines[0].startswith(f"newsclip: {missing}: ")
    assert "no such file" in lines[0]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("blob.bin", b"\x00\x01\x02\x03" * 64, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
    ],
)
def test_unreadable_file_gets_one_line(runner: CliRunner, articles: dict[str, Path], tmp_path: Path,
                                       name: str, content: bytes, problem: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run(runner, "parse", bad, articles["bridge"])
    assert result.exit_code == ExitStatus.FAILED
    assert [r["url"] for r in jsonl(result.stdout)] == [BRIDGE_URL]
    lines = stderr_lines(result)
    assert len(lines) == 1
    assert lines[0].startswith(f"newsclip: {bad}: ")
    assert problem in lines[0]
    assert "Traceback" not in result.stderr


def test_directory_as_file(runner: CliRunner, articles: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    result = run(runner, "parse", folder, articles["bridge"])
    assert result.exit_code == ExitStatus.FAILED
    assert len(jsonl(result.stdout)) == 1
    assert stderr_lines(result)[0].startswith(f"newsclip: {folder}: ")
    assert "directory" in result.stderr


def test_max_size(runner: CliRunner, articles: dict[str, Path]) -> None:
    result = run(runner, "parse", articles["bridge"], "--max-size", "100")
    assert result.exit_code == ExitStatus.FAILED
    assert result.stdout == ""
    assert stderr_lines(result)[0].startswith(f"newsclip: {articles['bridge']}: ")
    assert "limit" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--dialect", "nope"],
        ["--max-size", "lots"],
        ["--max-size", "0"],
        ["--reference-time", "yesterday"],
        ["-f", "xml"],
    ],
)
def test_bad_option_values_are_usage_errors(runner: CliRunner, articles: dict[str, Path], args: list[str]) -> None:
    result = run(runner, "parse", articles["bridge"], *args)
    assert result.exit_code == ExitStatus.USAGE
    assert result.stdout == ""
    assert args[1] in result.stderr


def test_no_file_is_a_usage_error(runner: CliRunner) -> None:
    result = run(runner, "parse")
    assert result.exit_code == ExitStatus.USAGE
    assert "FILE" in result.stderr


def test_known_options_are_accepted(runner: CliRunner, articles: dict[str, Path]) -> None:
    result = run(runner, "parse", articles["bridge"], "--dayfirst", "--reference-time", "2024-09-13T08:00:00Z",
                 "--max-size", "1MB", "--dialect", "plain", "-f", "json", "--fields", "headline,dialect")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"headline": "Harbour Bridge Reopens After Repairs", "dialect": "plain"}


def test_unexpected_error_in_one_file_is_one_line(runner: CliRunner, articles: dict[str, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclip.cli import parsing as parse_module

    real = parse_module.parse_file

    def flaky(path: str, settings: object) -> object:
        if str(path).endswith("library.txt"):
            raise ValueError("boom\nsecond line")
        return real(path, settings)

    monkeypatch.setattr(parse_module, "parse_file", flaky)
    result = run(runner, "parse", articles["library"], articles["bridge"])
    assert result.exit_code == ExitStatus.FAILED
    assert [r["url"] for r in jsonl(result.stdout)] == [BRIDGE_URL]
    assert stderr_lines(result) == [
        f"newsclip: {articles['library']}: unexpected error (ValueError: boom second line); --traceback shows where"
    ]


def test_traceback_flag_shows_the_traceback(runner: CliRunner, articles: dict[str, Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclip.cli import parsing as parse_module

    def broken(path: str, settings: object) -> object:
        raise ValueError("boom")

    monkeypatch.setattr(parse_module, "parse_file", broken)
    result = run(runner, "parse", articles["bridge"], "--traceback")
    assert result.exit_code == ExitStatus.FAILED
    assert "Traceback (most recent call last)" in result.stderr
    assert "ValueError: boom" in result.stderr


def test_error_outside_any_file_is_one_line(runner: CliRunner, articles: dict[str, Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclip.cli import parse as parse_module

    def no_writer(*args: object, **kwargs: object) -> object:
        raise RuntimeError("writer exploded")

    monkeypatch.setattr(parse_module, "open_writer", no_writer)
    result = run(runner, "parse", articles["bridge"])
    assert result.exit_code == ExitStatus.FAILED
    assert stderr_lines(result) == [
        "newsclip: unexpected error (RuntimeError: writer exploded); --traceback shows where"
    ]
    with pytest.raises(RuntimeError, match="writer exploded"):
        run(runner, "parse", articles["bridge"], "--traceback")


def test_interrupt_exits_130(runner: CliRunner, articles: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclip.cli import parsing as parse_module

    def interrupted(path: str, settings: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(parse_module, "parse_file", interrupted)
    result = run(runner, "parse", articles["bridge"])
    assert result.exit_code == ExitStatus.INTERRUPTED == 130
    assert stderr_lines(result) == ["newsclip: interrupted"]


# --- parse -o -----------------------------------------------------------------------


def test_output_file(runner: CliRunner, articles: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out" / "records.json"
    out.parent.mkdir()
    result = run(runner, "parse", articles["bridge"], articles["library"], "-o", out)
    assert result.exit_code == 0
    assert result.stdout == ""
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["url"] for r in records] == [BRIDGE_URL, LIBRARY_URL]
    assert os.listdir(out.parent) == ["records.json"]


@pytest.mark.parametrize(("name", "first"), [("out.csv", "headline,"), ("out.jsonl", '{"headline": '),
                                             ("out.dat", '{"headline": ')])
def test_output_format_from_extension(runner: CliRunner, articles: dict[str, Path], tmp_path: Path,
                                      name: str, first: str) -> None:
    out = tmp_path / name
    result = run(runner, "parse", articles["bridge"], "-o", out)
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(first)


def test_output_dash_is_stdout(runner: CliRunner, articles: dict[str, Path]) -> None:
    result = run(runner, "parse", articles["bridge"], "-o", "-", "-f", "jsonl")
    assert jsonl(result.stdout)[0]["url"] == BRIDGE_URL


def test_output_still_written_when_one_input_fails(runner: CliRunner, articles: dict[str, Path],
                                                   tmp_path: Path) -> None:
    out = tmp_path / "records.csv"
    result = run(runner, "parse", articles["bridge"], tmp_path / "nothing.txt", "-o", out)
    assert result.exit_code == ExitStatus.FAILED
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == 2
    assert "nothing.txt" in result.stderr


def test_output_onto_an_input_is_refused(runner: CliRunner, articles: dict[str, Path]) -> None:
    target = articles["library"]
    result = run(runner, "parse", articles["bridge"], target, "-o", target)
    assert result.exit_code == ExitStatus.USAGE
    assert target.read_text(encoding="utf-8") == LIBRARY
    assert "input" in result.stderr


@pytest.mark.parametrize("where", ["folder", "missing-parent"])
def test_output_path_must_be_a_file_in_a_folder(runner: CliRunner, articles: dict[str, Path], tmp_path: Path,
                                                where: str) -> None:
    out = tmp_path if where == "folder" else tmp_path / "no" / "such" / "out.json"
    result = run(runner, "parse", articles["bridge"], "-o", out)
    assert result.exit_code == ExitStatus.USAGE
    assert "--output" in result.stderr


def test_interrupted_output_leaves_old_file_untouched(runner: CliRunner, articles: dict[str, Path],
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclip.cli import parsing as parse_module

    out = tmp_path / "records.jsonl"
    out.write_text("old\n", encoding="utf-8")
    real = parse_module.parse_file
    calls = []

    def stop_at_second(path: str, settings: object) -> object:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(path, settings)

    monkeypatch.setattr(parse_module, "parse_file", stop_at_second)
    result = run(runner, "parse", articles["bridge"], articles["library"], "-o", out)
    assert result.exit_code == ExitStatus.INTERRUPTED
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["bridge.txt", "fares.txt", "library.txt", "records.jsonl"]


# --- atomic output and helpers ---------------------------------------------------------


def test_atomic_output_replaces_on_success(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    with atomic_output(str(target)) as handle:
        handle.write("x,y\r\n")
        assert not target.exists()
    assert target.read_bytes() == b"x,y\r\n"
    assert os.listdir(tmp_path) == ["a.csv"]


def test_atomic_output_cleans_up_on_error(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    with pytest.raises(ZeroDivisionError), atomic_output(str(target)) as handle:
        handle.write("{")
        1 / 0  # noqa: B018
    assert os.listdir(tmp_path) == []


def test_atomic_output_keeps_permissions_of_old_file(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with atomic_output(str(target)) as handle:
        handle.write("new")
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("50MB", 50 * 1024 * 1024),
        ("200k", 200 * 1024),
        ("200K", 200 * 1024),
        ("1.5G", 1536 * 1024 * 1024),
        ("4096", 4096),
        ("10 b", 10),
        ("2KiB", 2048),
        (" 3 mb ", 3 * 1024 * 1024),
    ],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "10q", "-5", "0", "0.0001k", "1e3", "5ib"])
def test_parse_size_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-02-04", datetime(2025, 2, 4)),
        ("2025-02-04T10:30:00", datetime(2025, 2, 4, 10, 30)),
        ("2025-02-04T10:30:00Z", datetime(2025, 2, 4, 10, 30, tzinfo=timezone.utc)),
        ("2025-02-04T10:30:00+03:00", datetime(2025, 2, 4, 10, 30, tzinfo=timezone(timedelta(hours=3)))),
    ],
)
def test_parse_reference_time(text: str, expected: datetime) -> None:
    assert parse_reference_time(text) == expected


@pytest.mark.parametrize(
    ("exc", "problem"),
    [
        (InputError("is a PNG image, not text"), "is a PNG image, not text"),
        (FileNotFoundError(2, "No such file or directory"), "no such file"),
        (IsADirectoryError(21, "Is a directory"), "is a directory, not a file"),
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "input/output error"),
        (MemoryError(), "is too large to parse in memory"),
        (RecursionError("maximum recursion depth exceeded"), "is nested too deeply to parse"),
        (KeyError("x"), "unexpected error (KeyError: 'x'); --traceback shows where"),
    ],
)
def test_problem_of(exc: BaseException, problem: str) -> None:
    assert problem_of(exc) == problem


def test_exit_status_values() -> None:
    assert [int(s) for s in ExitStatus] == [0, 1, 2, 130]


@pytest.mark.parametrize(
    ("tty", "no_color", "expected"),
    [(True, None, True), (True, "1", False), (False, None, False), (True, "", True)],
)
def test_color_wanted(monkeypatch: pytest.MonkeyPatch, tty: bool, no_color: str | None, expected: bool) -> None:
    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert common.color_wanted(Stream()) is expected


# --- other commands ----------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"newsclip {__version__}\n"


def test_dialects_lists_names_and_descriptions(runner: CliRunner) -> None:
    result = run(runner, "dialects")
    assert result.exit_code == 0
    names = dialects.available()
    assert "plain" in names
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == names
    for line, name in zip(lines, names, strict=True):
        description = " ".join(dialects.get(name).DESCRIPTION.split())
        assert line.endswith(description)
    assert "\x1b" not in result.stdout


def test_schema_command(runner: CliRunner) -> None:
    result = run(runner, "schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"]) == [*FIELDS, "provenance"]
    assert schema["required"] == list(FIELDS)
    assert schema["additionalProperties"] is False
    assert schema["properties"]["headline"]["type"] == ["string", "null"]
    assert schema["properties"]["authors"] == {
        "description": schema["properties"]["authors"]["description"],
        "type": "array",
        "items": {"type": "string", "minLength": 1},
    }
    assert schema["properties"]["word_count"]["type"] == "integer"
    for name in FIELDS:
        assert schema["properties"][name]["description"]


_JSON_TYPES = {"string": str, "null": type(None), "array": list, "integer": int, "object": dict, "number": (int, float)}


def _conforms(value: object, prop: dict) -> bool:
    types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
    if not any(isinstance(value, _JSON_TYPES[t]) and not isinstance(value, bool) for t in types):
        return False
    if isinstance(value, list):
        return all(_conforms(item, prop["items"]) for item in value)
    if isinstance(value, str):
        return len(value) >= prop.get("minLength", 0)
    return True


def test_parsed_records_conform_to_the_schema(runner: CliRunner, articles: dict[str, Path]) -> None:
    schema = record_schema()
    result = run(runner, "parse", *articles.values(), "--explain")
    for record in jsonl(result.stdout):
        assert set(record) == set(schema["properties"])
        for name in FIELDS:
            assert _conforms(record[name], schema["properties"][name]), name


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        (str | None, {"type": ["string", "null"], "minLength": 1}),
        (int, {"type": "integer"}),
        (tuple[str, ...], {"type": "array", "items": {"type": "string", "minLength": 1}}),
        (float | None, {"type": ["number", "null"]}),
    ],
)
def test_json_type(hint: object, expected: dict) -> None:
    assert json_type(hint) == expected


# --- help, registration, start-up -----------------------------------------------------------


def test_every_command_has_help(runner: CliRunner) -> None:
    assert {"parse", "dialects", "schema"} <= set(main.commands)
    top = run(runner, "--help")
    assert top.exit_code == 0
    for name, command in main.commands.items():
        assert name in top.stdout
        assert command.help and command.help.strip(), name
        result = run(runner, name, "--help")
        assert result.exit_code == 0, name
        assert "Usage:" in result.stdout
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"{name} {param.name}"


def test_parse_help_has_examples(runner: CliRunner) -> None:
    text = run(runner, "parse", "--help").stdout
    assert "newsclip parse article.txt" in text
    assert "newsclip parse *.txt -f csv -o out.csv" in text
    assert "cat a.txt | newsclip parse - | jq .headline" in text
    assert "--traceback" not in text


def test_register_commands_skips_a_missing_module() -> None:
    group = click.Group("g")
    register_commands(group, ("info", "no_such_command_module"))
    assert set(group.commands) == {"dialects", "schema"}


def test_register_commands_reports_other_import_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    def failing(name: str) -> object:
        raise ModuleNotFoundError("No module named 'somewhere_else'", name="somewhere_else")

    monkeypatch.setattr(importlib, "import_module", failing)
    with pytest.raises(ModuleNotFoundError):
        register_commands(click.Group("g"), ("parse",))


def _python(code: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, **kwargs)


def test_cli_import_is_light() -> None:
    code = "import sys, newsclip.cli\nprint(sorted(m for m in ('rich', 'bs4', 'dateutil') if m in sys.modules))"
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_parse_to_json_does_not_import_rich(articles: dict[str, Path]) -> None:
    code = (
        "import sys\n"
        "from newsclip.cli import main\n"
        f"main(['parse', {str(articles['bridge'])!r}, '-f', 'json'], standalone_mode=False)\n"
        "print('rich' in sys.modules, file=sys.stderr)\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["url"] == BRIDGE_URL
    assert result.stderr.strip() == "False"


def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    paragraph = "The tide rose over the sea wall and the promenade was closed to walkers. " * 8
    path = tmp_path / "long.txt"
    path.write_text("Title: High Tide Closes Promenade\n\n" + "\n\n".join([paragraph] * 60) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclip", "parse", *[str(path)] * 8, "-f", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = proc.wait(timeout=60)
    assert json.loads(first)["headline"] == "High Tide Closes Promenade"
    assert stderr == ""
    assert code == ExitStatus.OK  # a reader that stops early is not a failure
