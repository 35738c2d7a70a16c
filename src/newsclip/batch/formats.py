"""The output formats a batch writes, kept apart so the CLI can list them without loading the batch machinery.

Two kinds: *stream* formats are bytes appended to one file (or stdout) in
input order; *record* formats are written record by record by a sink class of
their own (a database, a Parquet file). Adding a record format is one line in
:data:`RECORD_SINKS` naming a :class:`~newsclip.batch.sinks.RecordSink`
subclass (and one in :data:`RECORD_TARGETS`); the workers then send it
records as JSON lines.
"""

from __future__ import annotations

#: Formats written as bytes appended to one output, in input order.
STREAM_FORMATS: tuple[str, ...] = ("jsonl", "json", "csv")

#: Record formats: format name -> "module:class" of its sink, inside this package.
RECORD_SINKS: dict[str, str] = {
    "sqlite": "sinks:DatabaseSink",
    "parquet": "sinks:ParquetSink",
}

#: What each record format writes, as messages name it.
RECORD_TARGETS: dict[str, str] = {
    "sqlite": "a database file",
    "parquet": "a Parquet file (or a folder of part files)",
}

#: The record format whose output can be a folder of part files (``-o OUT.parquet/``).
PARTS_FORMAT = "parquet"

#: Every format a single-file batch output can take, in the order ``--help`` lists them.
BATCH_FORMATS: tuple[str, ...] = (*STREAM_FORMATS, *RECORD_SINKS)
