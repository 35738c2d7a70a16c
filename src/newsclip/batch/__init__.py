"""Batch conversion: many input files to one output, in parallel, in order, resumable.

The library half of ``newsclip convert``: :func:`convert` walks the inputs
(:mod:`.walk`), converts them in worker processes (:mod:`.pool`, :mod:`.job`),
writes the records in input order (:mod:`.sinks`) and keeps a manifest so a
stopped run can resume (:mod:`.resume`). It never prints: progress and
failures go to a :class:`Reporter`.
"""

from __future__ import annotations

from .job import BATCH_FORMATS, Encoder, Outcome, mirror_target
from .pool import default_jobs, ordered_map
from .resume import MANIFEST_SUFFIX
from .run import BatchOptions, BatchUsageError, Reporter, Summary, convert, output_kind, plan
from .sinks import PARTIAL_SUFFIX, ResumeError
from .walk import Walk, WalkError, WalkOptions, expand_arguments, matches, read_path_list

__all__ = [
    "BATCH_FORMATS",
    "MANIFEST_SUFFIX",
    "PARTIAL_SUFFIX",
    "BatchOptions",
    "BatchUsageError",
    "Encoder",
    "Outcome",
    "Reporter",
    "ResumeError",
    "Summary",
    "Walk",
    "WalkError",
    "WalkOptions",
    "convert",
    "default_jobs",
    "expand_arguments",
    "matches",
    "mirror_target",
    "ordered_map",
    "output_kind",
    "plan",
    "read_path_list",
]
