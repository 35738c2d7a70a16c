"""The manifest: an append-only log of the inputs already converted, so a stopped run can resume.

One JSON line per input, in input order: its path, size and modification time
(the key), how many records it gave and where the output stood after them
(``end``, a byte offset), or why it failed. When duplicates are dropped, an
entry also holds each record's key (id, source, body signature) and how many
were dropped, so a resumed run can replay the earlier decisions and decide
the rest exactly as one whole run would. The first line says which output
and options the log belongs to. Lines are written and synced only after the
output bytes they point at are synced, so after a crash every logged input
is really in the output; a torn last line is ignored.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from .job import Outcome, RecordKey
from .walk import WalkError

#: Suffix of the manifest kept beside a single-file output.
MANIFEST_SUFFIX = ".newsclip-manifest"
#: Name of the manifest kept inside a mirrored output folder.
FOLDER_MANIFEST = ".newsclip-manifest"
#: Version of the manifest layout; another version is never resumed.
MANIFEST_VERSION = 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One converted (or failed) input as logged."""

    path: str
    size: int | None
    mtime_ns: int | None
    end: int
    records: int = 0
    dialect: str | None = None
    kind: str | None = None
    message: str | None = None
    #: Records left out as duplicates (``records`` counts those kept).
    dropped: int = 0
    #: The key of every record parsed, kept or dropped, in order (only when duplicates are dropped).
    keys: tuple[RecordKey, ...] = ()

    @classmethod
    def of(cls, outcome: Outcome, end: int) -> Entry:
        keys = tuple(RecordKey(k.id, k.source, k.signature, 0) for k in outcome.keys)
        return cls(outcome.path, outcome.size, outcome.mtime_ns, end, outcome.records, outcome.dialect,
                   outcome.kind, outcome.message, outcome.dropped, keys)

    def to_line(self) -> bytes:
        data: dict[str, Any] = {"path": self.path, "size": self.size, "mtime": self.mtime_ns, "end": self.end}
        if self.kind is None:
            data["records"] = self.records
            data["dialect"] = self.dialect
            if self.dropped:
                data["dropped"] = self.dropped
            if self.keys:
                data["keys"] = [[k.id, k.source, _b64(k.signature)] for k in self.keys]
        else:
            data["kind"] = self.kind
            data["message"] = self.message
        return json.dumps(data).encode("ascii") + b"\n"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        keys = tuple(RecordKey(k[0], k[1], _unb64(k[2]), 0) for k in data.get("keys", ()))
        return cls(data["path"], data.get("size"), data.get("mtime"), int(data["end"]), int(data.get("records", 0)),
                   data.get("dialect"), data.get("kind"), data.get("message"), int(data.get("dropped", 0)), keys)

    def matches(self, item: str | WalkError) -> bool:
        """Whether ``item`` is this same input, unchanged since it was converted."""
        if isinstance(item, WalkError):
            return self.path == item.path and self.size is None and self.kind == item.kind
        if item != self.path:
            return False
        try:
            info = os.stat(item)
        except OSError:
            return self.size is None
        return self.size == info.st_size and self.mtime_ns == info.st_mtime_ns

    def outcome(self) -> Outcome:
        """The outcome this entry records (without output bytes, which are already written)."""
        return Outcome(self.path, self.size, self.mtime_ns, b"", self.records, self.dialect, self.kind, self.message,
                       self.keys, self.dropped)


def _b64(value: bytes | None) -> str | None:
    return base64.b64encode(value).decode("ascii") if value is not None else None


def _unb64(value: Any) -> bytes | None:
    """A signature back from the manifest; anything else (a bad line) raises ValueError."""
    if value is None:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, TypeError) as exc:
        raise ValueError("not a signature") from exc


def read_header(path: str) -> dict[str, Any] | None:
    """The manifest's first line, or None if there is no readable manifest."""
    try:
        with open(path, "rb") as handle:
            line = handle.readline()
    except OSError:
        return None
    if not line.endswith(b"\n"):
        return None
    try:
        header = json.loads(line)
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("manifest") != MANIFEST_VERSION:
        return None
    return header


def read_entries(path: str) -> Iterator[tuple[Entry, int]]:
    """The logged entries with the byte position just after each; stops at a torn or bad line."""
    with open(path, "rb") as handle:
        position = len(handle.readline())
        for line in handle:
            if not line.endswith(b"\n"):
                return
            try:
                entry = Entry.from_json(json.loads(line))
            except (ValueError, KeyError, TypeError, IndexError):
                return
            position += len(line)
            yield entry, position


class Manifest:
    """The manifest being written: lines gather in memory and reach the disk at each :meth:`sync`."""

    def __init__(self, path: str, handle: BinaryIO) -> None:
        self.path = path
        self._handle = handle
        self._lines: list[bytes] = []

    @classmethod
    def create(cls, path: str, header: dict[str, Any]) -> Manifest:
        """A new manifest (replacing any old one) holding only ``header``."""
        handle = open(path, "wb")
        handle.write(json.dumps({"manifest": MANIFEST_VERSION, **header}).encode("ascii") + b"\n")
        manifest = cls(path, handle)
        manifest.sync()
        return manifest

    @classmethod
    def reopen(cls, path: str, keep: int) -> Manifest:
        """An existing manifest cut back to its first ``keep`` bytes, to be appended to."""
        handle = open(path, "r+b")
        handle.truncate(keep)
        handle.seek(keep)
        return cls(path, handle)

    def add(self, entry: Entry) -> None:
        self._lines.append(entry.to_line())

    def sync(self) -> None:
        """Write the gathered lines and make them durable."""
        if self._lines:
            self._handle.write(b"".join(self._lines))
            self._lines.clear()
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()

    def remove(self) -> None:
        self.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
