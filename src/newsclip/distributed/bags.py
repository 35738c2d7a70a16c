"""The Dask collections: bags of records and of failures, and a DataFrame with the record schema."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from ..settings import Settings
from .inputs import DEFAULT_BLOCKSIZE, MAX_FILES_PER_PARTITION, InputListing, plan_partitions
from .work import errors_of, parse_partition, records_of, require_dask


class Articles(NamedTuple):
    """The two bags :func:`read_articles` returns; compute them together to parse each file once."""

    records: Any
    errors: Any


def read_articles(paths_or_globs: str | Iterable[str], *, blocksize: int | str = DEFAULT_BLOCKSIZE,
                  files_per_partition: int = MAX_FILES_PER_PARTITION, settings: Settings | None = None,
                  storage_options: Mapping[str, Any] | None = None, explain: bool = False,
                  recursive: bool = True, hidden: bool = False, include: Sequence[str] = (),
                  exclude: Sequence[str] = ()) -> Articles:
    """Lazy Dask bags of the articles in local or fsspec files, folders and globs, and of the failures.

    Returns ``Articles(records, errors)``: ``records`` holds one record dict
    per article in input order, ``errors`` one ``{"path", "kind", "message"}``
    per file that could not be parsed. Listing happens now, on the caller;
    reading and parsing happen on the workers when the bags are computed.
    ``blocksize`` (bytes, or a string such as ``"64MiB"``) and
    ``files_per_partition`` bound each partition.

    >>> records, errors = read_articles("s3://news-archive/2024/**/*.html",
    ...                                 storage_options={"anon": True})  # doctest: +SKIP
    >>> articles, failed = dask.compute(records, errors)                # doctest: +SKIP
    """
    require_dask("read_articles", ("dask.bag",))
    import dask
    import dask.bag as db

    arguments = [paths_or_globs] if isinstance(paths_or_globs, (str, os.PathLike)) else list(paths_or_globs)
    listing = InputListing([os.fspath(a) for a in arguments], recursive=recursive, hidden=hidden,
                           include=include, exclude=exclude, storage_options=storage_options)
    groups = list(plan_partitions(listing, blocksize=blocksize, max_files=max(1, files_per_partition)))
    options = dict(storage_options or {})
    parts = [dask.delayed(parse_partition)(group, settings, options, explain) for group in groups or [[]]]
    outcomes = db.from_delayed(parts)
    return Articles(outcomes.map_partitions(records_of), outcomes.map_partitions(errors_of))


def to_dataframe(records: Any, *, fields: Sequence[str] | None = None) -> Any:
    """A Dask DataFrame of a bag of record dicts, with the record schema (Arrow-backed pandas dtypes).

    Columns are the record fields (or ``fields``) plus ``date_ts`` and
    ``updated_ts``, typed as in the Parquet output, so
    ``to_dataframe(records).to_parquet(...)`` writes the same schema.
    """
    require_dask("to_dataframe", ("dask.dataframe", "pandas", "pyarrow"))
    import dask
    import dask.dataframe as dd

    if isinstance(records, Articles):
        records = records.records
    parts = [dask.delayed(record_frame)(part, fields) for part in records.to_delayed()]
    return dd.from_delayed(parts, meta=record_frame([], fields), verify_meta=False)


def record_frame(records: Iterable[Mapping[str, Any]], fields: Sequence[str] | None = None) -> Any:
    """A pandas DataFrame of record dicts with the record schema (one partition of :func:`to_dataframe`)."""
    import pandas as pd

    from ..output.parquetout import arrow_table

    return arrow_table(records, fields).to_pandas(types_mapper=pd.ArrowDtype)
