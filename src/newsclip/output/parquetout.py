"""Parquet writer: records as typed columns that pandas, polars and DuckDB read as they are.

The Arrow schema is fixed and follows the record (record.md): text fields are
``string``, list fields ``list<string>`` (never null: absent is ``[]``),
``word_count`` is ``int64``. ``date`` and ``updated`` stay ISO 8601 strings,
exactly as in JSON, and two derived columns at the end, ``date_ts`` and
``updated_ts`` (``timestamp[us, tz=UTC]``), hold the same moment as an
instant when the string has a time *and* a UTC offset. A date alone
(``2025-02-04``) or a wall-clock time without an offset
(``2025-02-04T10:30:00``) is not an instant, so its timestamp is null rather
than a guess; the string column keeps it for anyone who knows the zone.
With ``explain`` a ``provenance`` column holds each record's provenance as a
JSON string.

Records are buffered column by column and written one row group at a time
(every ``row_group_size`` records, or sooner when the buffered text grows
large), so memory stays flat. Output is atomic: a single file is written
under a hidden temporary name and renamed when closed. Given a folder
(``out.parquet/``, or any existing folder) the writer writes part files of
``part_size`` records each: ``part-00000.parquet``, ``part-00001.parquet``, ...
They are written into a hidden folder inside it and moved into place when
the writer is closed, replacing the parts of an earlier run; other files
are left alone. So a folder reader (``pd.read_parquet``, ``duckdb
'out/*.parquet'``, ``pl.scan_parquet``) never sees a mix of two runs, and an
aborted run leaves the folder as it was.

Open it with ``newsclip.output.open_writer_at("parquet", path, ...)`` (the
format writes a file of its own) or construct :class:`ParquetWriter`.
pyarrow is an optional dependency (``pip install 'newsclip[parquet]'``); it is
imported when a writer is opened, and its absence is a one-line
:class:`MissingDependencyError`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from datetime import datetime, timezone
from types import ModuleType
from typing import Any, BinaryIO

from .._version import __version__
from ..errors import MissingDependencyError  # also importable from here
from ..model import FIELDS, LIST_FIELDS, Article
from . import check_fields, record_dict

#: Records per row group: big enough for good compression and fast scans, small enough for flat memory.
DEFAULT_ROW_GROUP_SIZE = 10_000
#: A row group is also written once the buffered text passes this many characters.
ROW_GROUP_CHARS = 64 * 1024 * 1024
#: Records per part file when writing a folder of part files.
DEFAULT_PART_SIZE = 100_000
#: Compression codec: zstd compresses article text well and every current reader supports it.
COMPRESSION = "zstd"
#: Derived timestamp column for each date field.
TIMESTAMP_COLUMNS: dict[str, str] = {"date": "date_ts", "updated": "updated_ts"}
#: Part file names in a folder output.
PART_NAME = "part-{:05d}.parquet"
#: Name prefix of the hidden folder the parts are written into until the writer is closed.
STAGING_PREFIX = ".newsclip-parts-"
_PART_FILE = re.compile(r"part-(\d{5,})\.parquet")
#: Integer record fields; every other non-list field is a string.
_INT_FIELDS = frozenset({"word_count"})
#: Key of the schema metadata that says which newsclip wrote the file.
_METADATA_KEY = b"newsclip"

INSTALL_HINT = "pip install 'newsclip[parquet]'"


def require_pyarrow(purpose: str = "Parquet output") -> ModuleType:
    """The ``pyarrow`` module (with ``pyarrow.parquet`` loaded), or a one-line error saying how to install it."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise MissingDependencyError(f"{purpose} needs pyarrow: {INSTALL_HINT}") from None
    return pyarrow


# ---------------------------------------------------------------------------
# Schema and conversion


def output_columns(fields: Sequence[str] | None = None, *, explain: bool = False) -> tuple[str, ...]:
    """Column names in file order: the chosen record fields, then their timestamp columns, then provenance."""
    chosen = check_fields(fields) if fields else FIELDS
    stamps = tuple(TIMESTAMP_COLUMNS[name] for name in TIMESTAMP_COLUMNS if name in chosen)
    return (*chosen, *stamps, *(("provenance",) if explain else ()))


def arrow_schema(fields: Sequence[str] | None = None, *, explain: bool = False) -> Any:
    """The Arrow schema of the records (all fields, or ``fields`` in that order)."""
    pa = require_pyarrow()
    columns = []
    for name in output_columns(fields, explain=explain):
        if name in LIST_FIELDS:
            columns.append(pa.field(name, pa.list_(pa.string()), nullable=False))
        elif name in _INT_FIELDS:
            columns.append(pa.field(name, pa.int64(), nullable=False))
        elif name in TIMESTAMP_COLUMNS.values():
            columns.append(pa.field(name, pa.timestamp("us", tz="UTC")))
        else:
            columns.append(pa.field(name, pa.string()))
    chosen = [name for name in output_columns(fields) if name in FIELDS]
    meta = {"version": __version__, "fields": chosen, "timestamps": "UTC instants; null without a time and offset"}
    return pa.schema(columns, metadata={_METADATA_KEY: json.dumps(meta).encode("utf-8")})


def instant(value: Any) -> datetime | None:
    """The UTC instant an ISO 8601 string names, or None for a date alone, a time without offset, or junk."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return None
    try:
        return parsed.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None


def arrow_table(records: Iterable[Mapping[str, Any]], fields: Sequence[str] | None = None, *,
                explain: bool = False) -> Any:
    """An Arrow table of record dicts (as :meth:`Article.to_dict` gives them) with the fixed schema."""
    columns = _empty_columns(fields, explain)
    for record in records:
        _append(columns, record)
    return _table(columns, arrow_schema(fields, explain=explain))


def _empty_columns(fields: Sequence[str] | None, explain: bool) -> dict[str, list[Any]]:
    return {name: [] for name in output_columns(fields, explain=explain)}


def _append(columns: dict[str, list[Any]], record: Mapping[str, Any]) -> int:
    """Add one record to the column buffers; returns roughly how many characters it holds."""
    size = 0
    for name, values in columns.items():
        if name in LIST_FIELDS:
            value = [str(item) for item in (record.get(name) or ()) if item is not None]
            size += sum(len(item) for item in value)
        elif name in _INT_FIELDS:
            value = int(record.get(name) or 0)
        elif name == "date_ts":
            value = instant(record.get("date"))
        elif name == "updated_ts":
            value = instant(record.get("updated"))
        elif name == "provenance":
            value = json.dumps(record.get("provenance") or {}, ensure_ascii=False)
            size += len(value)
        else:
            value = record.get(name)
            if value is not None:
                value = str(value)
                size += len(value)
        values.append(value)
    return size


def _table(columns: dict[str, list[Any]], schema: Any) -> Any:
    import pyarrow as pa

    arrays = [pa.array(columns[field.name], type=field.type) for field in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


# ---------------------------------------------------------------------------
# The writer


def is_folder_target(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` asks for a folder of part files: a trailing slash, or an existing folder."""
    path = os.fspath(target)
    return path.endswith(("/", os.sep)) or os.path.isdir(path)


class ParquetWriter:
    """Streams records into one Parquet file, or into a folder of part files, in row groups.

    ``target`` is a file path, a folder path (trailing ``/`` or an existing
    folder: part files of ``part_size`` records), or a binary stream. Use it
    as a context manager, or call :meth:`close` when done and :meth:`abort`
    on failure (which removes what this writer wrote, leaving the target as
    it was).
    """

    #: Opened on a file or folder path (``open_writer_at``), not on a text stream.
    needs_path = True

    def __init__(self, target: str | os.PathLike[str] | BinaryIO, *, fields: Sequence[str] | None = None,
                 explain: bool = False, row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
                 part_size: int | None = None, compression: str = COMPRESSION, **_ignored: Any) -> None:
        require_pyarrow()
        self._fields = check_fields(fields) if fields else None
        self._explain = explain
        self._schema = arrow_schema(self._fields, explain=explain)
        self._row_group_size = max(1, row_group_size)
        self._compression = compression
        self._columns = _empty_columns(self._fields, explain)
        self._buffered = self._chars = 0
        self._file = _PartFile(self._schema, compression)
        self._stream: BinaryIO | None = None
        self._folder: str | None = None
        self._staging: str | None = None
        self._path: str | None = None
        if isinstance(target, (str, os.PathLike)):
            if is_folder_target(target):
                self._folder = os.path.abspath(os.fspath(target))
                self._part_size = max(1, part_size or DEFAULT_PART_SIZE)
                self._row_group_size = min(self._row_group_size, self._part_size)
            else:
                self._path = os.path.abspath(os.fspath(target))
        else:
            self._stream = getattr(target, "buffer", target)
        self._parts = 0
        self._in_part = 0
        self.records = 0
        self._done = False

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    @property
    def paths(self) -> list[str]:
        """The files the output is made of once closed: the one file, or the part files."""
        if self._path is not None:
            return [self._path]
        if self._folder is not None:
            return [os.path.join(self._folder, PART_NAME.format(i)) for i in range(self._parts)]
        return []

    def write(self, article: Article) -> None:
        """Add one article."""
        self.write_record(record_dict(article, fields=self._fields, explain=self._explain))

    def write_record(self, record: Mapping[str, Any]) -> None:
        """Add one record dict (the shape :meth:`Article.to_dict` gives)."""
        self._chars += _append(self._columns, record)
        self._buffered += 1
        self._in_part += 1
        self.records += 1
        if self._folder is not None and self._in_part >= self._part_size:
            self._flush()
            self._finish_part()
        elif self._buffered >= self._row_group_size or self._chars >= ROW_GROUP_CHARS:
            self._flush()

    def close(self) -> None:
        """Write what is buffered and complete the output (an empty file or part when no record came)."""
        if self._done:
            return
        self._done = True
        try:
            if self._buffered or (not self._file.open_ and self._parts == 0):
                self._flush(force=True)  # even no record at all makes a readable file with the schema
            if self._folder is not None:
                if self._file.open_:
                    self._finish_part()
                self._publish_parts()
            else:
                self._file.commit(self._path)
        except BaseException:
            self._discard()
            raise

    def abort(self) -> None:
        """Stop without completing: what this writer wrote is removed, and the target stays as it was."""
        if not self._done:
            self._done = True
            self._discard()

    def _discard(self) -> None:
        self._file.discard()
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None

    def _flush(self, *, force: bool = False) -> None:
        if not self._buffered and not force:
            return
        if not self._file.open_:
            self._open_file()
        table = _table(self._columns, self._schema)
        if table.num_rows:
            self._file.write(table, self._row_group_size)
        self._columns = _empty_columns(self._fields, self._explain)
        self._buffered = self._chars = 0

    def _open_file(self) -> None:
        if self._folder is not None:
            if self._staging is None:
                os.makedirs(self._folder, exist_ok=True)
                self._staging = tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self._folder)
            self._file.start(os.path.join(self._staging, PART_NAME.format(self._parts)))
        elif self._path is not None:
            self._file.start(self._path)
        else:
            assert self._stream is not None
            self._file.start_stream(self._stream)

    def _finish_part(self) -> None:
        assert self._staging is not None
        self._file.commit(os.path.join(self._staging, PART_NAME.format(self._parts)))
        self._parts += 1
        self._in_part = 0

    def _publish_parts(self) -> None:
        """Move the finished parts into the folder, then remove the parts an earlier, longer run left."""
        assert self._folder is not None and self._staging is not None
        for name in (PART_NAME.format(i) for i in range(self._parts)):
            os.replace(os.path.join(self._staging, name), os.path.join(self._folder, name))
        _remove_stale_parts(self._folder, self._parts)
        shutil.rmtree(self._staging, ignore_errors=True)
        self._staging = None


class _PartFile:
    """One Parquet file being written under a hidden temporary name beside its final place."""

    def __init__(self, schema: Any, compression: str) -> None:
        self.schema = schema
        self.compression = compression
        self.writer: Any = None
        self.temp: str | None = None

    @property
    def open_(self) -> bool:
        return self.writer is not None

    def start(self, final: str) -> None:
        folder, name = os.path.split(final)
        fd, self.temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".partial", dir=folder or ".")
        os.close(fd)
        self.writer = self._open(self.temp)

    def start_stream(self, stream: BinaryIO) -> None:
        self.writer = self._open(stream)

    def _open(self, where: Any) -> Any:
        import pyarrow.parquet as pq

        return pq.ParquetWriter(where, self.schema, compression=self.compression)

    def write(self, table: Any, row_group_size: int) -> None:
        self.writer.write_table(table, row_group_size=row_group_size)

    def commit(self, final: str | None) -> None:
        """Close the file and move it into place (a stream is only closed as Parquet, not as a stream)."""
        if self.writer is None:
            return
        self.writer.close()
        self.writer = None
        if self.temp is not None and final is not None:
            os.chmod(self.temp, _new_file_mode())
            os.replace(self.temp, final)
        self.temp = None

    def discard(self) -> None:
        if self.writer is not None:
            with suppress(Exception):
                self.writer.close()
            self.writer = None
        if self.temp is not None:
            with suppress(OSError):
                os.unlink(self.temp)
            self.temp = None


def _remove_stale_parts(folder: str, keep: int) -> None:
    """Remove part files numbered ``keep`` and up, left by an earlier, longer run into the same folder."""
    with suppress(OSError):
        for name in os.listdir(folder):
            match = _PART_FILE.fullmatch(name)
            if match and int(match.group(1)) >= keep:
                with suppress(OSError):
                    os.unlink(os.path.join(folder, name))


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
