"""Records in an SQLite database: one portable file that the sqlite3 shell and Datasette open as-is.

The schema (``PRAGMA user_version`` 1):

* ``articles`` — one row per record, the record's columns in record order
  (list fields as JSON text, ``word_count`` INTEGER, ``id`` TEXT PRIMARY KEY),
  then ``duplicates``: a JSON list of the ids of near-duplicates dropped in
  favour of this record (``[]`` when none). Indexed on ``date`` and ``site``.
* ``articles_fts`` — an FTS5 index over ``headline``, ``byline`` and ``body``,
  an external-content table (``content="articles"``) kept in step with
  ``articles`` by three triggers, as the SQLite FTS5 documentation describes.

Writing into an existing database upserts by ``id``: a record seen again
replaces the old values (and is re-indexed) instead of adding a row, and its
``duplicates`` list is merged. Rows are written inside transactions of
``batch_size`` records. The database keeps SQLite's default rollback journal,
so between runs the one ``.db`` file is all there is.

If this Python's SQLite lacks FTS5, the table is written without the index
(a :class:`RuntimeWarning` says so) and :meth:`Store.search` refuses.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any
from urllib.parse import quote

from .errors import NewsclipError
from .model import FIELDS, LIST_FIELDS
from .reading import without_surrogates

#: Schema version, kept in ``PRAGMA user_version``.
SCHEMA_VERSION = 1
TABLE = "articles"
FTS_TABLE = "articles_fts"
#: The columns of ``articles``: the record's fields, then ``duplicates``.
COLUMNS: tuple[str, ...] = (*FIELDS, "duplicates")
#: Columns that hold a JSON list.
JSON_COLUMNS: frozenset[str] = frozenset({*LIST_FIELDS, "duplicates"})
#: Columns the full-text index covers.
FTS_COLUMNS: tuple[str, ...] = ("headline", "byline", "body")
#: bm25 weights of the indexed columns: a word in the headline counts most.
BM25_WEIGHTS: tuple[float, ...] = (5.0, 2.0, 1.0)
#: Records written per transaction.
DEFAULT_BATCH_SIZE = 1000
#: Default number of search results.
DEFAULT_LIMIT = 20
#: What marks a matched word in a snippet unless the caller chooses.
DEFAULT_MARKS: tuple[str, str] = ("**", "**")
#: Words around the match in a snippet.
SNIPPET_TOKENS = 16
SNIPPET_ELLIPSIS = "…"
#: The first bytes of every SQLite 3 database file.
SQLITE_MAGIC = b"SQLite format 3\x00"

_MERGE_FUNCTION = "newsclip_merge_lists"
#: An ISO 8601 date or date-time, or a prefix of one (``2024``, ``2024-03``, ``2024-03-05T10``).
_ISO_PREFIX = re.compile(
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)
#: Error messages of SQLite that mean the search query itself is malformed.
_QUERY_ERRORS: tuple[str, ...] = ("fts5:", "unterminated string", "no such column:", "unknown special query")

_COLUMN_TYPES = {"word_count": "INTEGER", "id": "TEXT PRIMARY KEY NOT NULL",
                 "duplicates": "TEXT NOT NULL DEFAULT '[]'"}


class StoreError(NewsclipError):
    """The database cannot be opened, read or written (not a database, not ours, no index)."""

    kind = "database"


class QueryError(StoreError):
    """The full-text query is malformed (FTS5 syntax)."""

    kind = "usage"


def fts5_available() -> bool:
    """Whether this Python's SQLite can build FTS5 full-text indexes."""
    try:
        with sqlite3.connect(":memory:") as conn:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        return True
    except sqlite3.Error:
        return False


def is_database_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an SQLite database, judged by its first bytes (never raises)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def check_date_bound(value: str) -> str:
    """``value`` if it is an ISO 8601 date or a prefix of one (``2024``, ``2024-03``); else ValueError."""
    text = value.strip()
    if not _ISO_PREFIX.fullmatch(text):
        raise ValueError(f"{value!r} is not an ISO date (e.g. 2024, 2024-03 or 2024-03-05)")
    return text.replace(" ", "T")


# ---------------------------------------------------------------------------
# Schema


def _create_table_sql() -> str:
    columns = ",\n  ".join(f"{name} {_COLUMN_TYPES.get(name, 'TEXT')}" for name in COLUMNS)
    return f"CREATE TABLE IF NOT EXISTS {TABLE} (\n  {columns}\n)"


_INDEX_SQL = (
    f"CREATE INDEX IF NOT EXISTS {TABLE}_date ON {TABLE}(date)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_site ON {TABLE}(site)",
)


def _fts_sql() -> tuple[str, ...]:
    """The FTS5 table and the triggers that keep it in step with ``articles``."""
    cols = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    delete = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    insert = f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (new.rowid, {new});"
    return (
        # content="articles" in double quotes: the form Datasette looks for to offer full-text search
        (f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({cols}, content=\"{TABLE}\", "
         "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"),
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON {TABLE} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON {TABLE} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE OF {cols} ON {TABLE} BEGIN {delete} {insert} END",
    )


def _upsert_sql() -> str:
    names = ", ".join(COLUMNS)
    marks = ", ".join("?" for _ in COLUMNS)
    updates = [f"{c} = excluded.{c}" for c in COLUMNS if c not in ("id", "duplicates")]
    merged = f"{_MERGE_FUNCTION}({TABLE}.duplicates, excluded.duplicates)"
    updates.append(f"duplicates = {merged}")
    changed = [f"{TABLE}.{c} IS NOT excluded.{c}" for c in COLUMNS if c not in ("id", "duplicates")]
    changed.append(f"{TABLE}.duplicates IS NOT {merged}")
    return (f"INSERT INTO {TABLE} ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET "
            f"{', '.join(updates)} WHERE {' OR '.join(changed)}")


_UPSERT_SQL = _upsert_sql()


def merge_lists(old: str | None, new: str | None) -> str:
    """Two JSON lists as one, old items first, each item once (the ``duplicates`` merge)."""
    items: dict[Any, None] = {}
    for text in (old, new):
        try:
            values = json.loads(text) if text else []
        except ValueError:
            values = []
        if isinstance(values, list):
            items.update((v, None) for v in values if isinstance(v, (str, int, float)))
    return json.dumps(list(items), ensure_ascii=False)


# ---------------------------------------------------------------------------
# The store


class Store:
    """An open newsclip database: upsert records, search them, read them back.

    Open one with :meth:`open`; use it as a context manager (or call
    :meth:`close`) so the last batch is committed.
    """

    def __init__(self, conn: sqlite3.Connection, path: str, *, writable: bool,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.conn = conn
        self.path = path
        self.writable = writable
        self.batch_size = max(1, batch_size)
        self._pending = 0
        self._closed = False
        self.has_fts = _has_table(conn, FTS_TABLE)

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, writable: bool = False,
             batch_size: int = DEFAULT_BATCH_SIZE) -> Store:
        """Open ``path``: read-only (it must exist and be a newsclip database) or writable (created if new).

        Raises :class:`StoreError` for a file that is not an SQLite database or
        whose ``articles`` table has other columns, and ``FileNotFoundError``
        for a missing file opened read-only.
        """
        name = os.fspath(path)
        if not writable and not os.path.exists(name):
            raise FileNotFoundError(2, "No such file or directory", name)
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(name, writable)
            if writable:
                _create_schema(conn)
            else:
                _check_readable(conn)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise StoreError(_database_problem(name, exc)) from None
        conn.create_function(_MERGE_FUNCTION, 2, merge_lists, deterministic=True)
        return cls(conn, name, writable=writable, batch_size=batch_size)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Commit what is pending and close the connection (safe to call twice)."""
        if self._closed:
            return
        try:
            self.flush()
        finally:
            self._closed = True
            self.conn.close()

    # -- writing ------------------------------------------------------------------------

    def upsert(self, record: Mapping[str, Any]) -> None:
        """Insert one record dict, or update the row with its ``id`` (a record without one gets the usual id)."""
        self._begin()
        try:
            self.conn.execute(_UPSERT_SQL, row_values(record))
        except sqlite3.DatabaseError as exc:
            raise StoreError(_database_problem(self.path, exc)) from None
        self._count_write()

    def upsert_many(self, records: Iterable[Mapping[str, Any]]) -> int:
        """Upsert every record; returns how many were written."""
        count = 0
        for record in records:
            self.upsert(record)
            count += 1
        return count

    def add_duplicate(self, kept_id: str, dropped_id: str) -> None:
        """Note that ``dropped_id`` duplicates ``kept_id``: add it to the kept row's list, delete its own row.

        The dropped record's own row (from an earlier run without duplicate
        detection) is removed, so the database matches a fresh run. Nothing is
        deleted when the two ids are equal (an exact duplicate is the kept row).
        """
        if not kept_id or not dropped_id or kept_id == dropped_id:
            return
        self._begin()
        try:
            self.conn.execute(
                f"UPDATE {TABLE} SET duplicates = {_MERGE_FUNCTION}(duplicates, ?) WHERE id = ?",
                (json.dumps([dropped_id], ensure_ascii=False), kept_id),
            )
            self.conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (dropped_id,))
        except sqlite3.DatabaseError as exc:
            raise StoreError(_database_problem(self.path, exc)) from None
        self._count_write()

    def flush(self) -> None:
        """Commit the open transaction, if any."""
        if not self._closed and self.conn.in_transaction:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                raise StoreError(_database_problem(self.path, exc)) from None
        self._pending = 0

    def rebuild_index(self) -> None:
        """Rebuild the full-text index from ``articles`` (e.g. after rows were changed with triggers off)."""
        if self.has_fts:
            self.flush()
            self.conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")

    def _begin(self) -> None:
        if not self.writable:
            raise StoreError(f"{self.path}: opened read-only")
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")

    def _count_write(self) -> None:
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    # -- reading ------------------------------------------------------------------------

    def count(self) -> int:
        """How many records the database holds."""
        return int(self._query(f"SELECT count(*) FROM {TABLE}").fetchone()[0])

    def get(self, record_id: str) -> dict[str, Any] | None:
        """The record with this ``id``, or None."""
        cursor = self._query(f"SELECT {', '.join(COLUMNS)} FROM {TABLE} WHERE id = ?", (record_id,))
        row = cursor.fetchone()
        return record_from_row(row) if row is not None else None

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record, in the order they were first written; streamed, not loaded at once."""
        cursor = self._query(f"SELECT {', '.join(COLUMNS)} FROM {TABLE} ORDER BY rowid")
        for row in cursor:
            yield record_from_row(row)

    def search(self, query: str, *, since: str | None = None, until: str | None = None,
               sites: Sequence[str] = (), limit: int | None = DEFAULT_LIMIT,
               marks: tuple[str, str] = DEFAULT_MARKS) -> list[dict[str, Any]]:
        """Records matching an FTS5 ``query``, best first, each with ``rank``, ``score`` and ``snippet``.

        ``rank`` is the position (1 = best match); ``score`` is the bm25
        relevance (the negated value of SQLite's ``bm25()``, so higher is
        better), a headline match weighing most. ``snippet`` is the best
        passage with the matched words between ``marks``.

        ``since``/``until`` are ISO dates or prefixes (``2024-03``) compared
        with the ``date`` column as written, both inclusive (``until 2024-03``
        takes all of March); a record without a date is left out when either
        is given. ``sites`` keeps records from these sites or their
        sub-domains. ``limit`` None or 0 returns every match. Raises
        :class:`QueryError` for a malformed query.
        """
        if not query.strip():
            raise QueryError("the query is empty")
        if not self.has_fts:
            raise StoreError(f"{self.path}: has no full-text index (this SQLite lacks FTS5)")
        sql, params = _search_sql(query, since, until, sites, limit, marks)
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if str(exc).startswith(_QUERY_ERRORS):
                raise QueryError(str(exc)) from None
            raise StoreError(_database_problem(self.path, exc)) from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(_database_problem(self.path, exc)) from None
        hits = []
        for position, row in enumerate(rows, 1):
            record = record_from_row(row[:len(COLUMNS)])
            bm25 = row[len(COLUMNS)]
            record["rank"] = position
            record["score"] = -bm25 if bm25 else 0.0
            record["snippet"] = row[len(COLUMNS) + 1]
            hits.append(record)
        return hits

    def _query(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise StoreError(_database_problem(self.path, exc)) from None


def _search_sql(query: str, since: str | None, until: str | None, sites: Sequence[str],
                limit: int | None, marks: tuple[str, str]) -> tuple[str, list[Any]]:
    columns = ", ".join(f"a.{c}" for c in COLUMNS)
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    sql = (f"SELECT {columns}, bm25({FTS_TABLE}, {weights}) AS rank, "
           f"snippet({FTS_TABLE}, -1, ?, ?, ?, {SNIPPET_TOKENS}) AS snippet "
           f"FROM {FTS_TABLE} JOIN {TABLE} AS a ON a.rowid = {FTS_TABLE}.rowid "
           f"WHERE {FTS_TABLE} MATCH ?")
    params: list[Any] = [marks[0], marks[1], SNIPPET_ELLIPSIS, query]
    if since:
        sql += " AND a.date >= ?"
        params.append(check_date_bound(since))
    if until:
        bound = check_date_bound(until)
        sql += " AND substr(a.date, 1, ?) <= ?"
        params += [len(bound), bound]
    if sites:
        clauses = []
        for site in sites:
            clauses.append("a.site = ? OR a.site LIKE ? ESCAPE '\\'")
            params += [site.lower(), "%." + _like_escape(site.lower())]
        sql += " AND (" + " OR ".join(clauses) + ")"
    sql += " ORDER BY rank, a.rowid"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ---------------------------------------------------------------------------
# Rows and records


def row_values(record: Mapping[str, Any]) -> tuple[Any, ...]:
    """The column values of one record dict: lists as JSON text, text made encodable, an id always."""
    values = []
    for name in COLUMNS:
        value = record.get(name)
        if name in JSON_COLUMNS:
            items = [without_surrogates(v) if isinstance(v, str) else v for v in (value or ())]
            values.append(json.dumps(items, ensure_ascii=False))
        elif name == "word_count":
            values.append(value if isinstance(value, int) and not isinstance(value, bool) else 0)
        elif name == "id":
            values.append(without_surrogates(str(value)) if value else _fallback_id(record))
        else:
            values.append(without_surrogates(value) if isinstance(value, str) else (None if value is None else without_surrogates(str(value))))
    return tuple(values)


def record_from_row(row: Sequence[Any]) -> dict[str, Any]:
    """A record dict (plus ``duplicates``) from a row of :data:`COLUMNS`."""
    record: dict[str, Any] = {}
    for name, value in zip(COLUMNS, row):
        if name in JSON_COLUMNS:
            try:
                items = json.loads(value) if value else []
            except ValueError:
                items = []
            record[name] = items if isinstance(items, list) else []
        else:
            record[name] = value
    return record


def _fallback_id(record: Mapping[str, Any]) -> str:
    from .assemble import article_id

    def text(name: str) -> str | None:
        value = record.get(name)
        return without_surrogates(value) if isinstance(value, str) else None

    return article_id(text("url"), text("headline"), text("date"), text("body"))


# ---------------------------------------------------------------------------
# Connections


def _connect(path: str, writable: bool) -> sqlite3.Connection:
    if writable:
        conn = sqlite3.connect(path, isolation_level=None)
    else:
        uri = "file:" + quote(os.path.abspath(path)) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _create_schema(conn: sqlite3.Connection) -> None:
    """Create what is missing; refuse an ``articles`` table that another program made."""
    existing = _columns(conn, TABLE)
    if existing and existing != list(COLUMNS):
        raise sqlite3.DatabaseError(f"its '{TABLE}' table has other columns than a newsclip database")
    conn.execute("BEGIN")
    try:
        conn.execute(_create_table_sql())
        for sql in _INDEX_SQL:
            conn.execute(sql)
        _create_fts(conn, fill=bool(existing))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _create_fts(conn: sqlite3.Connection, *, fill: bool) -> None:
    """Add the full-text index if SQLite can (filling it when rows exist already); else warn."""
    if _has_table(conn, FTS_TABLE):
        return
    if not fts5_available():
        warnings.warn("this SQLite has no FTS5: the database is written without a full-text index",
                      RuntimeWarning, stacklevel=4)
        return
    for sql in _fts_sql():
        conn.execute(sql)
    if fill:
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def _check_readable(conn: sqlite3.Connection) -> None:
    columns = _columns(conn, TABLE)
    if not columns:
        raise sqlite3.DatabaseError(f"has no '{TABLE}' table (not a newsclip database)")
    missing = [name for name in COLUMNS if name not in columns]
    if missing:
        raise sqlite3.DatabaseError(f"its '{TABLE}' table lacks the columns {', '.join(missing)}")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return row is not None


def _database_problem(path: str, exc: sqlite3.Error) -> str:
    """One line naming the database and what SQLite said ("file is not a database", "database is locked")."""
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return f"{path}: {reason}"


__all__ = [
    "COLUMNS",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_LIMIT",
    "FTS_TABLE",
    "SCHEMA_VERSION",
    "TABLE",
    "QueryError",
    "Store",
    "StoreError",
    "check_date_bound",
    "fts5_available",
    "is_database_file",
    "merge_lists",
    "record_from_row",
    "row_values",
]
