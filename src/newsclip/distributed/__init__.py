"""Dask integration: parse millions of article files on a cluster, with failed files kept as data.

The parser is a pure function of a file's bytes, so scaling out is a map on
an existing engine rather than a scheduler of our own. The inputs (local
folders and globs, walked the way ``newsclip convert`` walks them, or any
fsspec URL: ``s3://``, ``gs://``, ``abfs://``, ``hdfs://`` ...) are cut into
partitions of consecutive files; workers read each file and parse it with
:func:`newsclip.parse_bytes`.

* :func:`read_articles` gives a pair of Dask bags: ``records`` (one dict per
  article, :meth:`Article.to_dict` shape, in input order) and ``errors`` (one
  ``{"path", "kind", "message"}`` dict per file that could not be parsed).
  Both come from the same tasks: ``dask.compute(records, errors)`` parses
  each file once. A bad file never fails the job.
* :func:`to_dataframe` turns the records into a Dask DataFrame with the
  fixed record schema (the Parquet writer's Arrow types).
* :func:`convert` is what ``newsclip convert --engine dask`` runs: the same
  partitions as futures on a cluster (a local one, or ``scheduler``), the
  results streamed to one output in input order.

Workers need newsclip installed (the same version); dask, distributed,
pandas and pyarrow come with ``pip install 'newsclip[dask]'``. Importing this
package does not import Dask. It is also importable as ``newsclip.dask``.
"""

from __future__ import annotations

from ..errors import MissingDependencyError
from .bags import Articles, read_articles, record_frame, to_dataframe
from .cluster import CRASH_MESSAGE, dask_client, stream_results
from .inputs import DEFAULT_BLOCKSIZE, MAX_FILES_PER_PARTITION, FileItem, InputListing, plan_partitions
from .run import CONVERT_FORMATS, convert, output_plan
from .work import FileResult, parse_item, parse_partition, require_dask

__all__ = [
    "CONVERT_FORMATS",
    "CRASH_MESSAGE",
    "DEFAULT_BLOCKSIZE",
    "MAX_FILES_PER_PARTITION",
    "Articles",
    "FileItem",
    "FileResult",
    "InputListing",
    "MissingDependencyError",
    "convert",
    "dask_client",
    "output_plan",
    "parse_item",
    "parse_partition",
    "plan_partitions",
    "read_articles",
    "record_frame",
    "require_dask",
    "stream_results",
    "to_dataframe",
]
