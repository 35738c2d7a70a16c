"""The work done for one input file, in a worker process: parse, then serialise to output bytes.

Workers send back bytes ready to append (plus a few numbers), not article
objects: pickling a string is far cheaper than pickling records, and the main
process only has to write what it receives, in order. When duplicates are to
be dropped, each record's bytes also come with its :class:`RecordKey` (id,
source and, for near duplicates, the MinHash signature of its body, computed
here so the main process only compares), so the main process can leave out
the bytes of a dropped record.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..errors import NewsclipError, problem_of
from ..model import Article
from ..settings import DEFAULT_SETTINGS, Settings
from .walk import WalkError

if TYPE_CHECKING:
    from ..dedupe import MinHasher

#: The format of each file written when the output is a folder.
MIRROR_FORMAT = "json"
#: The format workers encode records in for a record sink (a database): whole records, one per line.
RECORD_FORMAT = "jsonl"


class RecordKey(NamedTuple):
    """What duplicate detection needs of one record, and where its bytes end in the outcome's ``data``."""

    id: str | None
    source: str | None
    #: MinHash signature of the body (``near`` mode, and a body long enough); else None.
    signature: bytes | None
    end: int


class Outcome(NamedTuple):
    """What became of one input: output bytes and counts, or why it failed."""

    path: str
    size: int | None
    mtime_ns: int | None
    data: bytes
    records: int
    dialect: str | None
    kind: str | None = None
    message: str | None = None
    #: One key per record parsed, in order, when duplicates are being dropped.
    keys: tuple[RecordKey, ...] = ()
    #: Records left out as duplicates (``records`` counts only those kept).
    dropped: int = 0
    #: (kept id, dropped id) for each record left out, for outputs that note them (a database).
    duplicates: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.kind is None


@dataclass(frozen=True, slots=True)
class Encoder:
    """Turns the articles of one input into the bytes that go into the output, and the framing."""

    fmt: str
    fields: tuple[str, ...] | None = None
    explain: bool = False
    csv_raw: bool = False

    def head(self) -> bytes:
        """What opens the output: the CSV header row, or ``[`` for a JSON array."""
        if self.fmt == "csv":
            return self._csv_header().encode("utf-8")
        return b"[" if self.fmt == "json" else b""

    def separator(self, first: bool) -> bytes:
        """What goes before the records of one input (JSON array items are comma-separated)."""
        if self.fmt != "json":
            return b""
        return b"\n" if first else b",\n"

    def tail(self, any_records: bool) -> bytes:
        """What closes the output."""
        if self.fmt != "json":
            return b""
        return b"\n]\n" if any_records else b"]\n"

    @property
    def joiner(self) -> bytes:
        """What goes between two records of one input (``encode`` of several = their pieces joined by it)."""
        return b",\n" if self.fmt == "json" else b""

    def encode_each(self, articles: Sequence[Article]) -> list[bytes]:
        """Each record's bytes on its own (what :meth:`encode` writes, without the joiners)."""
        if self.fmt == "jsonl":  # one line per record: split the whole rather than render one by one
            lines = self.encode(articles).split(b"\n")  # JSON escapes newlines inside strings
            return [line + b"\n" for line in lines[:-1]]
        return [self.encode([article]) for article in articles]

    def encode(self, articles: Sequence[Article]) -> bytes:
        """The records of one input, without the output's framing."""
        if not articles:
            return b""
        text = self._render(articles)
        if self.fmt == "csv":
            text = _strip(text, self._csv_header(), "")
        elif self.fmt == "json":
            text = _strip(text, "[\n", "\n]\n")
        return text.encode("utf-8")

    def document(self, articles: Sequence[Article]) -> bytes:
        """A whole JSON document for one input: an object, or an array for several articles."""
        return self._render(articles, fmt=MIRROR_FORMAT, array=False).encode("utf-8")

    def _csv_header(self) -> str:
        key = (self.fields, self.csv_raw)
        header = _CSV_HEADERS.get(key)
        if header is None:
            header = _CSV_HEADERS[key] = self._render([])
        return header

    def _render(self, articles: Sequence[Article], *, fmt: str | None = None, array: bool = True) -> str:
        from ..output import open_writer

        buffer = io.StringIO(newline="")
        writer = open_writer(fmt or self.fmt, buffer, fields=self.fields, explain=self.explain,
                             csv_raw=self.csv_raw, json_array=array)
        for article in articles:
            writer.write(article)
        writer.close()
        return buffer.getvalue()


#: CSV header row per (fields, csv_raw), rendered once per process.
_CSV_HEADERS: dict[tuple[tuple[str, ...] | None, bool], str] = {}


def _strip(text: str, head: str, tail: str) -> str:
    if not text.startswith(head) or not text.endswith(tail):
        raise ValueError("the record writer's framing changed")
    return text[len(head):len(text) - len(tail)]


@dataclass(frozen=True, slots=True)
class JobConfig:
    """Everything a worker needs to handle one input; sent once to each worker."""

    encoder: Encoder
    settings: Settings = DEFAULT_SETTINGS
    #: When set, each input's records are written to their own file here (``-o DIR/``).
    mirror_dir: str | None = None
    #: The folder that input paths are made relative to when mirrored.
    mirror_base: str | None = None
    #: ``exact`` or ``near``: send a :class:`RecordKey` per record for duplicate detection.
    keys: str | None = None
    #: Makes the body signatures in ``near`` mode (the main process compares them with the same settings).
    hasher: MinHasher | None = None


def mirror_target(path: str, base: str, folder: str) -> str:
    """Where the JSON for input ``path`` goes when mirroring ``base`` into ``folder``: NAME.EXT.json."""
    rel = os.path.relpath(os.path.abspath(path), base)
    if rel.startswith(os.pardir + os.sep) or rel == os.pardir:
        rel = os.path.abspath(path).lstrip(os.sep)
    return os.path.join(folder, rel + ".json")


def run_job(item: str | WalkError, config: JobConfig) -> Outcome:
    """Convert one input; never raises for a bad input (the failure is in the outcome)."""
    if isinstance(item, WalkError):
        return Outcome(item.path, None, None, b"", 0, None, item.kind, item.message)
    path = item
    try:
        info = os.stat(path)
    except OSError as exc:
        return Outcome(path, None, None, b"", 0, None, "input", describe(exc))
    keys: tuple[RecordKey, ...] = ()
    try:
        from ..api import parse_file

        articles = parse_file(path, config.settings)
        if config.mirror_dir is not None:
            try:
                _write_mirror(path, articles, config)
            except OSError as exc:
                return Outcome(path, info.st_size, info.st_mtime_ns, b"", 0, None, "output",
                               f"its output cannot be written ({describe(exc)})")
            data = b""
        elif config.keys is not None:
            data, keys = _keyed(articles, config)
        else:
            data = config.encoder.encode(articles)
    except NewsclipError as exc:
        return Outcome(path, info.st_size, info.st_mtime_ns, b"", 0, None, exc.kind, describe(exc))
    except Exception as exc:  # a parser bug must cost one file, not the batch
        return Outcome(path, info.st_size, info.st_mtime_ns, b"", 0, None, "crash", describe(exc))
    dialect = articles[0].dialect if articles else None
    return Outcome(path, info.st_size, info.st_mtime_ns, data, len(articles), dialect, keys=keys)


def _keyed(articles: Sequence[Article], config: JobConfig) -> tuple[bytes, tuple[RecordKey, ...]]:
    """The records' bytes one after another (no joiners) and a key per record saying where each ends."""
    pieces = config.encoder.encode_each(articles)
    hasher = config.hasher
    if config.keys == "near" and hasher is None:
        from ..dedupe import MinHasher

        hasher = MinHasher()
    keys = []
    end = 0
    for article, piece in zip(articles, pieces):
        end += len(piece)
        signature = hasher.signature(article.body) if config.keys == "near" and hasher is not None else None
        keys.append(RecordKey(article.id, article.source, signature, end))
    return b"".join(pieces), tuple(keys)


def _write_mirror(path: str, articles: Sequence[Article], config: JobConfig) -> None:
    """Write one input's JSON beside its mirrored place, via a temporary name, then rename."""
    assert config.mirror_dir is not None and config.mirror_base is not None
    target = mirror_target(path, config.mirror_base, config.mirror_dir)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    temp = target + ".partial"
    with open(temp, "wb") as handle:
        handle.write(config.encoder.document(articles))
    os.replace(temp, target)


def describe(exc: BaseException) -> str:
    """One line saying what went wrong with an input, without its path (no traceback hint: it is not shown)."""
    return problem_of(exc, hint=None)
