"""Golden fixtures: every ``tests/fixtures/<dialect>/NAME.<ext>`` beside a ``NAME.json``.

The expected JSON is one record (an object) or, for multi-article inputs, a
list of records. Only the keys written in the expected file are compared, so a
fixture states exactly what it is about; ``source`` is the fixture's file name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclip import parse_bytes

from .conftest import FIXTURES


def _cases() -> list[Path]:
    inputs = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.suffix != ".json" and path.with_suffix(".json").exists():
            inputs.append(path)
    return inputs


CASES = _cases()


def test_enough_golden_fixtures() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden(path: Path, update_golden: bool) -> None:
    expected_path = path.with_suffix(".json")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    articles = parse_bytes(path.read_bytes(), source=path.name)
    got = [a.to_dict() for a in articles]
    if update_golden:
        keys_of = (lambda e: list(e)) if isinstance(expected, dict) else (lambda e: list(e[0]))
        keys = keys_of(expected)
        new = [{k: rec[k] for k in keys if k in rec} for rec in got]
        out = new[0] if isinstance(expected, dict) and len(new) == 1 else new
        expected_path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    expected_list = [expected] if isinstance(expected, dict) else expected
    assert len(got) == len(expected_list), f"{len(got)} records, expected {len(expected_list)}"
    for index, (want, have) in enumerate(zip(expected_list, got), 1):
        for key, value in want.items():
            assert have[key] == value, f"record {index}, field {key!r}"
