"""JSON and JSON Lines writers that stream: no list of all records is ever built."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import Article
from . import record_dict

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from typing import Any, TextIO

_INDENT = 2


class JsonLinesWriter:
    """One compact JSON object per line, flushed per record so a pipe sees each at once."""

    def __init__(self, stream: TextIO, *, fields: Sequence[str] | None = None, explain: bool = False,
                 **_ignored: Any) -> None:
        self._stream = stream
        self._fields = fields
        self._explain = explain

    def write(self, article: Article) -> None:
        record = record_dict(article, fields=self._fields, explain=self._explain)
        self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()


class JsonWriter:
    """One indented object for one record, an array for several (or always, with ``json_array``).

    Only the first record is held back, until a second one shows whether the
    output is an array; every later record is written as it comes.
    """

    def __init__(self, stream: TextIO, *, fields: Sequence[str] | None = None, explain: bool = False,
                 json_array: bool = False, **_ignored: Any) -> None:
        self._stream = stream
        self._fields = fields
        self._explain = explain
        self._array = json_array
        self._pending: dict[str, Any] | None = None
        self._count = 0
        self._closed = False

    def write(self, article: Article) -> None:
        record = record_dict(article, fields=self._fields, explain=self._explain)
        if self._count == 0 and not self._array:
            self._pending = record
        else:
            if self._count == 0 or self._pending is not None:
                self._stream.write("[\n")
            if self._pending is not None:
                self._write_item(self._pending, first=True)
                self._pending = None
            self._write_item(record, first=self._count == 0)
        self._count += 1

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._pending is not None:
            self._stream.write(_dumps(self._pending) + "\n")
        elif self._count == 0:
            self._stream.write("[]\n")
        else:
            self._stream.write("\n]\n")
        self._stream.flush()

    def _write_item(self, record: dict[str, Any], *, first: bool) -> None:
        text = _dumps(record)
        indented = "\n".join(" " * _INDENT + line for line in text.split("\n"))
        self._stream.write(indented if first else ",\n" + indented)


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=_INDENT)
