"""The output formats a batch writes, kept apart so the CLI can list them without loading the batch machinery.

Two kinds: *stream* formats are bytes appended to one file (or stdout) in
input order; *record* formats are written record by record by a sink class of
their own (a database). Adding a record format is one line in
:data:`RECORD_SINKS` naming a :class:`~newsclip.batch.sinks.RecordSink`
subclass; the workers then send it whole records as JSON lines.
"""

from __future__ import annotations

#: Formats written as bytes appended to one output, in input order.
STREAM_FORMATS: tuple[str, ...] = ("jsonl", "json", "csv")

#: Record formats: format name -> "module:class" of its sink, inside this package.
RECORD_SINKS: dict[str, str] = {
    "sqlite": "sinks:DatabaseSink",
}

#: Every format a single-file batch output can take, in the order ``--help`` lists them.
BATCH_FORMATS: tuple[str, ...] = (*STREAM_FORMATS, *RECORD_SINKS)
