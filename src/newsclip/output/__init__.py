"""Record writers: one streaming writer per output format, behind one small protocol.

Writers take articles one at a time and write as they go, so memory stays flat
however many records pass through. Format modules are imported only when a
writer of that format is opened (``-f json`` never imports rich).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence

from ..model import FIELDS, LIST_FIELDS, Article

#: Output format name -> "module:factory" inside this package; a new format is one line here.
_WRITERS: dict[str, str] = {
    "pretty": "pretty:PrettyWriter",
    "json": "jsonout:JsonWriter",
    "jsonl": "jsonout:JsonLinesWriter",
    "csv": "csvout:CsvWriter",
    "sqlite": "sqliteout:SqliteWriter",
    "parquet": "parquetout:ParquetWriter",
}

#: Output file extension (lower case) -> format name.
_EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".parquet": "parquet",
}

#: Formats whose writer writes a file itself (a database) and so is opened on a path with
#: :func:`open_writer_at`, not on a text stream with :func:`open_writer`.
PATH_FORMATS: frozenset[str] = frozenset({"sqlite", "parquet"})

#: The output formats, in the order ``--help`` lists them.
FORMATS: tuple[str, ...] = tuple(_WRITERS)

#: Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

#: How list fields are joined into one CSV cell.
LIST_SEPARATOR = "; "


TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from typing import Any, Protocol, TextIO

    class Writer(Protocol):
        """What every output writer does: take articles one by one, then finish the output."""

        def write(self, article: Article) -> None: ...

        def close(self) -> None: ...


def format_for_path(path: str) -> str | None:
    """The output format an output file name asks for, or None if its extension says nothing."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    return _EXTENSIONS.get(ext)


def open_writer(
    fmt: str,
    stream: TextIO,
    *,
    fields: Sequence[str] | None = None,
    explain: bool = False,
    csv_raw: bool = False,
    json_array: bool = False,
    full: bool = False,
    color: bool | None = None,
) -> Writer:
    """A writer of format ``fmt`` on ``stream``; the caller still owns (and closes) the stream.

    ``fields`` chooses and orders the record fields; ``explain`` adds provenance
    (JSON formats and pretty); ``csv_raw`` turns off formula neutralising;
    ``json_array`` makes ``json`` always write an array; ``full`` and ``color``
    are for ``pretty``.
    """
    if fmt in PATH_FORMATS:
        raise ValueError(f"the {fmt} format writes a file of its own: open it with open_writer_at")
    factory = _factory(fmt)
    options: dict[str, Any] = {
        "fields": check_fields(fields) if fields else None,
        "explain": explain,
        "csv_raw": csv_raw,
        "json_array": json_array,
        "full": full,
        "color": color,
    }
    return factory(stream, **options)


def needs_path(fmt: str) -> bool:
    """Whether format ``fmt`` writes a file of its own (a database) rather than a text stream."""
    return fmt in PATH_FORMATS


def open_writer_at(fmt: str, path: str | os.PathLike[str], **options: Any) -> Writer:
    """A writer of a file format such as ``sqlite`` on the file at ``path`` (created, or updated in place).

    The writer owns the file: its ``close`` finishes it. Options are those of
    :func:`open_writer` (each format uses what applies to it).
    """
    if fmt not in PATH_FORMATS:
        raise ValueError(f"the {fmt} format writes to a stream: open it with open_writer")
    return _factory(fmt)(path, **options)


def _factory(fmt: str) -> Any:
    """The writer class of ``fmt``, its module imported on first use."""
    spec = _WRITERS.get(fmt)
    if spec is None:
        raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")
    module_name, factory_name = spec.split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, factory_name)


def record_dict(article: Article, *, fields: Sequence[str] | None = None, explain: bool = False) -> dict[str, Any]:
    """The article as a JSON-ready dict, limited to ``fields`` in the order given.

    With ``explain`` the ``provenance`` key is added, holding only the chosen fields.
    """
    record = article.to_dict(explain=explain)
    if not fields:
        return record
    check_fields(fields)
    out = {name: record[name] for name in fields}
    if explain:
        chosen = set(fields)
        out["provenance"] = {k: v for k, v in record["provenance"].items() if k in chosen}
    return out


def check_fields(fields: Sequence[str]) -> tuple[str, ...]:
    """``fields`` as a tuple, or ValueError naming the first one that is not a record field."""
    for name in fields:
        if name not in FIELDS:
            raise ValueError(f"unknown field {name!r} (choose from {', '.join(FIELDS)})")
    return tuple(fields)


def csv_row(record: dict[str, Any], *, raw: bool = False) -> list[str]:
    """One CSV row from a record dict: lists joined with "; ", None as "", formulas neutralised.

    ``provenance`` is never written to CSV; ``raw`` keeps cells exactly as they are.
    """
    row = []
    for name, value in record.items():
        if name == "provenance":
            continue
        cell = _cell_text(value, is_list=name in LIST_FIELDS)
        row.append(cell if raw else neutralise_cell(cell))
    return row


def neutralise_cell(value: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would run as a formula (OWASP advice)."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell_text(value: Any, *, is_list: bool) -> str:
    if value is None:
        return ""
    if is_list or isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(item) for item in value if item is not None)
    return str(value)


__all__ = [
    "FIELDS",
    "FORMATS",
    "PATH_FORMATS",
    "Writer",
    "check_fields",
    "csv_row",
    "format_for_path",
    "needs_path",
    "neutralise_cell",
    "open_writer",
    "open_writer_at",
    "record_dict",
]
