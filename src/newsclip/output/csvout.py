"""CSV writer: RFC 4180 rows (CRLF, minimal quoting), a header row, spreadsheet-safe cells."""

from __future__ import annotations

import csv
from collections.abc import Sequence

from ..model import FIELDS, Article
from . import csv_row, record_dict

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from typing import Any, TextIO


class CsvWriter:
    """One row per record under one header row; the header is written even for no records.

    Open a file for it with ``newline=""`` so the CRLF row ends are not translated.
    """

    def __init__(self, stream: TextIO, *, fields: Sequence[str] | None = None, csv_raw: bool = False,
                 **_ignored: Any) -> None:
        self._stream = stream
        self._fields = tuple(fields) if fields else FIELDS
        self._raw = csv_raw
        self._writer = csv.writer(stream)
        self._started = False

    def write(self, article: Article) -> None:
        self._header()
        record = record_dict(article, fields=self._fields)
        self._writer.writerow(csv_row(record, raw=self._raw))

    def close(self) -> None:
        self._header()
        self._stream.flush()

    def _header(self) -> None:
        if not self._started:
            self._started = True
            self._writer.writerow(self._fields)
