"""SQLite writer: records upserted into a database file with a full-text index (see :mod:`newsclip.store`).

A database is not a text stream, so this writer takes a path
(``needs_path``): open it with :func:`newsclip.output.open_writer_at`. It
always stores whole records, whatever ``fields`` asks for, because the
table's columns are fixed; ``explain`` (provenance) is not stored.
"""

from __future__ import annotations

import os
from typing import Any

from ..model import Article
from ..store import DEFAULT_BATCH_SIZE, Store


class SqliteWriter:
    """Upserts each article by ``id`` into the ``articles`` table, committing every ``batch_size`` records."""

    #: Opened on a file path, not on a text stream.
    needs_path = True

    def __init__(self, path: str | os.PathLike[str], *, batch_size: int = DEFAULT_BATCH_SIZE,
                 **_ignored: Any) -> None:
        self.store = Store.open(path, writable=True, batch_size=batch_size)
        self.count = 0

    def write(self, article: Article) -> None:
        self.store.upsert(article.to_dict())
        self.count += 1

    def close(self) -> None:
        self.store.close()
