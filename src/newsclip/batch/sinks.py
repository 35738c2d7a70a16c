"""Where a batch's records go: a stream, one file (written as a partial file, renamed at the end), or a folder.

Every sink takes outcomes in input order. The file and folder sinks keep a
manifest in step with what they write, so a stopped run can be resumed: the
file sink truncates its partial file back to the last logged byte, which
removes any half-written record, and carries on from there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import NewsclipError
from .job import Encoder, Outcome
from .resume import FOLDER_MANIFEST, MANIFEST_SUFFIX, Entry, Manifest, read_entries, read_header

#: Suffix of the file a single-file output is written to until the run completes.
PARTIAL_SUFFIX = ".partial"


class ResumeError(NewsclipError):
    """A ``--resume`` that cannot continue the earlier run (other options, unreadable state)."""

    kind = "usage"


class OutputError(NewsclipError):
    """The output (or its partial file or manifest) cannot be written."""

    kind = "output"


class Sink:
    """Where outcomes go, in order; the base class is a sink with no manifest."""

    #: The manifest's header (output format and options), compared on resume.
    header: dict[str, Any] = {}

    def previous(self) -> Iterator[tuple[Entry, int]]:
        """The inputs an earlier run logged, with the manifest position after each (none by default)."""
        return iter(())

    def keeps(self, entry: Entry) -> bool:
        """Whether what ``entry`` logged is still there to build on."""
        return True

    def start(self, end: int | None = None, manifest_position: int | None = None) -> None:
        """Begin writing: afresh, or (with ``end``) after the resumed part of an earlier run."""

    def add(self, outcome: Outcome) -> None:
        """Write one input's records and log it."""

    def sync(self) -> None:
        """Make everything added so far durable (or at least visible downstream)."""

    def finish(self) -> None:
        """Complete the output."""

    def keep(self) -> None:
        """Stop early, keeping what is written for ``--resume``."""


class StreamSink(Sink):
    """Records to a binary stream such as stdout: no manifest, no resume."""

    def __init__(self, stream: BinaryIO, encoder: Encoder) -> None:
        self.stream = stream
        self.encoder = encoder
        self.any_records = False

    def start(self, end: int | None = None, manifest_position: int | None = None) -> None:
        self.stream.write(self.encoder.head())

    def add(self, outcome: Outcome) -> None:
        if outcome.records:
            self.stream.write(self.encoder.separator(not self.any_records) + outcome.data)
            self.any_records = True

    def sync(self) -> None:
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write(self.encoder.tail(self.any_records))
        self.stream.flush()

    def keep(self) -> None:
        """No resume from a stream: close a JSON array so what was written still parses."""
        self.finish()


class FileSink(Sink):
    """Records to ``target``: written to ``target.partial`` with a manifest beside it, renamed when done."""

    def __init__(self, target: str, encoder: Encoder, header: dict[str, Any], *, resume: bool) -> None:
        self.target = target
        self.partial = target + PARTIAL_SUFFIX
        self.manifest_path = target + MANIFEST_SUFFIX
        self.encoder = encoder
        self.head = encoder.head()
        self.header = _plain({**header, "start": len(self.head)})
        self.resume = resume
        self.resuming = False
        self.offset = 0
        self._partial_size = 0
        self._handle: BinaryIO | None = None
        self._manifest: Manifest | None = None

    def previous(self) -> Iterator[tuple[Entry, int]]:
        if not self.resume or not os.path.exists(self.partial):
            return iter(())
        found = read_header(self.manifest_path)
        if found is None:
            return iter(())
        found.pop("manifest", None)
        if found != self.header:
            raise ResumeError(
                f"{self.partial} was written with other options ({_difference(found, self.header)}); "
                "run without --resume to start again"
            )
        self.resuming = True
        self._partial_size = os.path.getsize(self.partial)
        return read_entries(self.manifest_path)

    def keeps(self, entry: Entry) -> bool:
        return len(self.head) <= entry.end <= self._partial_size

    def start(self, end: int | None = None, manifest_position: int | None = None) -> None:
        try:
            self._open(end, manifest_position)
        except OSError as exc:
            raise OutputError(f"{exc.filename or self.partial}: cannot be written ({_reason(exc)})") from None

    def _open(self, end: int | None, manifest_position: int | None) -> None:
        if self.resuming and end is not None and manifest_position is not None and self._fits(end):
            handle = open(self.partial, "r+b")
            handle.truncate(end)
            handle.seek(end)
            self._handle, self.offset = handle, end
            self._manifest = Manifest.reopen(self.manifest_path, manifest_position)
            return
        self.resuming = False
        os.makedirs(os.path.dirname(os.path.abspath(self.partial)), exist_ok=True)
        self._handle = open(self.partial, "wb")
        self._handle.write(self.head)
        self.offset = len(self.head)
        self._manifest = Manifest.create(self.manifest_path, self.header)

    def _fits(self, end: int) -> bool:
        try:
            return len(self.head) <= end <= os.path.getsize(self.partial)
        except OSError:
            return False

    def add(self, outcome: Outcome) -> None:
        assert self._handle is not None and self._manifest is not None
        if outcome.records:
            chunk = self.encoder.separator(self.offset == len(self.head)) + outcome.data
            self._handle.write(chunk)
            self.offset += len(chunk)
        self._manifest.add(Entry.of(outcome, self.offset))

    def sync(self) -> None:
        """Output first, then the manifest lines that point into it: the log never runs ahead."""
        assert self._handle is not None and self._manifest is not None
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._manifest.sync()

    def finish(self) -> None:
        assert self._handle is not None and self._manifest is not None
        self._handle.write(self.encoder.tail(self.offset > len(self.head)))
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self.partial, self.target)
        _sync_folder(os.path.dirname(os.path.abspath(self.target)))
        self._manifest.remove()

    def keep(self) -> None:
        if self._handle is None or self._manifest is None:
            return
        self.sync()
        self._handle.close()
        self._manifest.close()


class FolderSink(Sink):
    """One JSON file per input under ``folder`` (the workers write them); a manifest inside the folder."""

    def __init__(self, folder: str, header: dict[str, Any], *, resume: bool) -> None:
        self.folder = folder
        self.manifest_path = os.path.join(folder, FOLDER_MANIFEST)
        self.header = _plain(header)
        self.resume = resume
        self.resuming = False
        self._manifest: Manifest | None = None
        self._since_sync = 0

    def previous(self) -> Iterator[tuple[Entry, int]]:
        if not self.resume:
            return iter(())
        found = read_header(self.manifest_path)
        if found is None:
            return iter(())
        found.pop("manifest", None)
        if found != self.header:
            raise ResumeError(
                f"{self.folder} was written with other options ({_difference(found, self.header)}); "
                "run without --resume to start again"
            )
        self.resuming = True
        return read_entries(self.manifest_path)

    def start(self, end: int | None = None, manifest_position: int | None = None) -> None:
        try:
            os.makedirs(self.folder, exist_ok=True)
            if self.resuming and manifest_position is not None:
                self._manifest = Manifest.reopen(self.manifest_path, manifest_position)
            else:
                self.resuming = False
                self._manifest = Manifest.create(self.manifest_path, self.header)
        except OSError as exc:
            raise OutputError(f"{exc.filename or self.folder}: cannot be written ({_reason(exc)})") from None

    def add(self, outcome: Outcome) -> None:
        assert self._manifest is not None
        self._manifest.add(Entry.of(outcome, 0))
        self._since_sync += 1

    def sync(self) -> None:
        """The workers' files reach the disk before the manifest says they are done."""
        assert self._manifest is not None
        if self._since_sync and hasattr(os, "sync"):
            os.sync()
        self._since_sync = 0
        self._manifest.sync()

    def finish(self) -> None:
        assert self._manifest is not None
        self.sync()
        self._manifest.remove()

    def keep(self) -> None:
        if self._manifest is not None:
            self.sync()
            self._manifest.close()


def _reason(exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return reason[0].lower() + reason[1:]


def _plain(header: dict[str, Any]) -> dict[str, Any]:
    """The header as it reads back from JSON (tuples become lists), so the two compare equal."""
    return json.loads(json.dumps(header))


def _difference(found: dict[str, Any], wanted: dict[str, Any]) -> str:
    names = sorted(k for k in set(found) | set(wanted) if found.get(k) != wanted.get(k))
    return ", ".join(names) or "manifest"


def _sync_folder(folder: str) -> None:
    """Make a rename durable (POSIX: sync the folder); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
