"""Where a batch's records go: a stream, one file (written as a partial file, renamed at the end), a folder,
a database, or a Parquet file.

Every sink takes outcomes in input order. The file, folder and database
sinks keep a manifest in step with what they write, so a stopped run can be
resumed: the file sink truncates its partial file back to the last logged
byte, which removes any half-written record, and carries on from there; a
record sink (a database) commits before the manifest logs, and since writing
a record again replaces it (an upsert by ``id``), redoing the inputs after
the last logged one is all a resume needs. A Parquet file is complete only
once closed and cannot grow afterwards, so the Parquet sink keeps no
manifest: a stopped run leaves the output as it was, and is run again whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, BinaryIO

from ..errors import NewsclipError
from .job import Encoder, Outcome
from .resume import FOLDER_MANIFEST, MANIFEST_SUFFIX, Entry, Manifest, read_entries, read_header

if TYPE_CHECKING:
    from ..output.parquetout import ParquetWriter
    from ..store import Store

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
    #: Whether a stopped run can be continued with ``--resume`` (the sink keeps a manifest).
    resumable: bool = False

    def previous(self) -> Iterator[tuple[Entry, int]]:
        """The inputs an earlier run logged, with the manifest position after each (none by default)."""
        return iter(())

    def keeps(self, entry: Entry) -> bool:
        """Whether what ``entry`` logged is still there to build on."""
        return True

    def start(self, end: int | None = None, manifest_position: int | None = None) -> None:
        """Begin writing: afresh, or (with ``end``) after the resumed part of an earlier run."""

    def _open_manifest(self, manifest_position: int | None) -> None:
        """For a sink with a manifest: reopen it where the resumed part ends, or start a new one (resuming nothing)."""
        if self.resuming and manifest_position is not None:
            self._manifest = Manifest.reopen(self.manifest_path, manifest_position)
        else:
            self.resuming = False
            self._manifest = Manifest.create(self.manifest_path, self.header)

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

    resumable = True

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
        else:
            self.resuming = False
            os.makedirs(os.path.dirname(os.path.abspath(self.partial)), exist_ok=True)
            self._handle = open(self.partial, "wb")
            self._handle.write(self.head)
            self.offset = len(self.head)
        self._open_manifest(manifest_position)

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

    resumable = True

    def __init__(self, folder: str, header: dict[str, Any], *, resume: bool) -> None:
        self.folder = folder
        self.manifest_path = os.path.join(folder, FOLDER_MANIFEST)
        self.header = _plain(header)
        self.resume = resume
        self.resuming = False
        self._manifest: Manifest | None = None
        self._since_sync = 0

    def previous(self) -> Iterator[tuple[Entry, int]]:
        if not self.resume or not _logged(self.manifest_path, self.header, self.folder):
            return iter(())
        self.resuming = True
        return read_entries(self.manifest_path)

    def start(self, end: int | None = None, manifest_position: int | None = None) -> None:
        try:
            os.makedirs(self.folder, exist_ok=True)
            self._open_manifest(manifest_position)
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


class RecordSink(Sink):
    """Records, one by one, into ``target`` (a database), with a manifest beside it when resumable.

    Workers send each input's records as JSON lines: all fields, whatever
    ``--fields`` says, unless the sink ``takes_fields`` (then the fields
    chosen, with provenance under ``--explain``; the header's ``fields`` and
    ``explain`` say which). Subclasses say how to open, write, commit and
    close the target; :data:`~newsclip.batch.formats.RECORD_SINKS` names them
    per format.
    """

    resumable = True
    #: Whether the target's columns follow ``--fields`` and ``--explain`` (else they are fixed: whole records).
    takes_fields: bool = False

    def __init__(self, target: str, header: dict[str, Any], *, resume: bool) -> None:
        self.target = target
        self.manifest_path = target + MANIFEST_SUFFIX
        self.header = _plain(header)
        self.resume = resume
        self.resuming = False
        #: Rows the target holds, once it is finished or kept (None if the format cannot tell).
        self.rows: int | None = None
        self._manifest: Manifest | None = None
        self._started = False

    def previous(self) -> Iterator[tuple[Entry, int]]:
        if not self.resume or not self.resumable or not os.path.exists(self.target):
            return iter(())
        if not _logged(self.manifest_path, self.header, self.target):
            return iter(())
        self.resuming = True
        return read_entries(self.manifest_path)

    def start(self, end: int | None = None, manifest_position: int | None = None) -> None:
        try:
            os.makedirs(os.path.dirname(os.path.abspath(self.target)), exist_ok=True)
            with self._output_errors():
                self.open_target()
            if not self.resumable:
                self.resuming = False
            else:
                self._open_manifest(manifest_position)
        except OSError as exc:
            raise OutputError(f"{exc.filename or self.target}: cannot be written ({_reason(exc)})") from None
        self._started = True

    def add(self, outcome: Outcome) -> None:
        assert self._started
        with self._output_errors():
            for line in outcome.data.split(b"\n"):
                if line.strip():
                    self.write_record(json.loads(line))
            for kept_id, dropped_id in outcome.duplicates:
                self.note_duplicate(kept_id, dropped_id)
        if self._manifest is not None:
            self._manifest.add(Entry.of(outcome, 0))

    def sync(self) -> None:
        """Commit the records first, then log the inputs they came from: the log never runs ahead."""
        assert self._started
        with self._output_errors():
            self.commit()
        if self._manifest is not None:
            self._manifest.sync()

    def finish(self) -> None:
        self.sync()
        with self._output_errors():
            self.close_target()
        if self._manifest is not None:
            self._manifest.remove()

    def keep(self) -> None:
        if not self._started:
            return
        self.sync()
        with self._output_errors():
            self.close_target()
        if self._manifest is not None:
            self._manifest.close()

    @contextmanager
    def _output_errors(self) -> Iterator[None]:
        """A failure of the target (not a database, locked, disk full) is an output error naming it."""
        try:
            yield
        except OutputError:
            raise
        except NewsclipError as exc:
            message = " ".join(str(exc).split())
            if not message.startswith(self.target):
                message = f"{self.target}: {message}"
            raise OutputError(message) from None

    # -- what a record format provides ----------------------------------------------------------

    def open_target(self) -> None:
        """Open (or create) the target for writing."""
        raise NotImplementedError

    def write_record(self, record: Mapping[str, Any]) -> None:
        """Write one whole record (a record with an ``id`` already there replaces it)."""
        raise NotImplementedError

    def note_duplicate(self, kept_id: str, dropped_id: str) -> None:
        """Note that ``dropped_id`` was left out as a duplicate of ``kept_id`` (nothing by default)."""

    def commit(self) -> None:
        """Make the records written so far durable."""

    def close_target(self) -> None:
        """Finish and close the target (called once)."""


class DatabaseSink(RecordSink):
    """Records upserted by ``id`` into an SQLite database (:class:`newsclip.store.Store`), with full-text index.

    An existing database is updated in place, never replaced: running again
    over the same inputs changes nothing but the rows of changed articles.
    """

    def __init__(self, target: str, header: dict[str, Any], *, resume: bool) -> None:
        super().__init__(target, header, resume=resume)
        self._store: Store | None = None

    def open_target(self) -> None:
        from ..store import Store

        self._store = Store.open(self.target, writable=True)

    def write_record(self, record: Mapping[str, Any]) -> None:
        assert self._store is not None
        self._store.upsert(record)

    def note_duplicate(self, kept_id: str, dropped_id: str) -> None:
        """The kept row lists the dropped id; a row left by an earlier run for the dropped id goes."""
        assert self._store is not None
        self._store.add_duplicate(kept_id, dropped_id)

    def commit(self) -> None:
        if self._store is not None:
            self._store.flush()

    def close_target(self) -> None:
        if self._store is None:
            return
        store, self._store = self._store, None
        try:
            self.rows = store.count()
        finally:
            store.close()


class ParquetSink(RecordSink):
    """Records into a Parquet file (or a folder of part files), in row groups, with the fixed record schema.

    The columns follow ``--fields`` and ``--explain``. A Parquet file is
    complete only once closed and cannot grow afterwards, so there is no
    manifest and no resume: a run that stops (Ctrl-C, ``--fail-fast``)
    removes what it wrote and leaves the target as it was.
    """

    resumable = False
    takes_fields = True

    def __init__(self, target: str, header: dict[str, Any], *, resume: bool) -> None:
        from ..output.parquetout import require_pyarrow

        require_pyarrow()  # before anything is walked or written
        super().__init__(target, header, resume=False)
        self._writer: ParquetWriter | None = None

    def open_target(self) -> None:
        from ..output.parquetout import ParquetWriter

        self._writer = ParquetWriter(self.target, fields=self.header.get("fields"),
                                     explain=bool(self.header.get("explain")))

    def write_record(self, record: Mapping[str, Any]) -> None:
        assert self._writer is not None
        self._writer.write_record(record)

    def close_target(self) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()

    def keep(self) -> None:
        """Nothing to resume from: drop what was written, the target stays as it was."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.abort()


def record_sink_class(fmt: str) -> type[RecordSink]:
    """The sink class of record format ``fmt`` (see :data:`~newsclip.batch.formats.RECORD_SINKS`)."""
    import importlib

    from .formats import RECORD_SINKS

    module_name, class_name = RECORD_SINKS[fmt].split(":")
    module = importlib.import_module(f"{__package__}.{module_name}")
    found: type[RecordSink] = getattr(module, class_name)
    return found


def _logged(manifest_path: str, header: dict[str, Any], shown: str) -> bool:
    """Whether a manifest of an earlier run is there to resume; ResumeError if it was run with other options."""
    found = read_header(manifest_path)
    if found is None:
        return False
    found.pop("manifest", None)
    if found != header:
        raise ResumeError(
            f"{shown} was written with other options ({_difference(found, header)}); "
            "run without --resume to start again"
        )
    return True


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
