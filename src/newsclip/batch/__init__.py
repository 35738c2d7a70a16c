"""Batch conversion: many input files to one output, in parallel, in order, resumable.

The library half of ``newsclip convert``: :func:`convert` walks the inputs
(:mod:`.walk`), converts them in worker processes (:mod:`.pool`, :mod:`.job`),
drops duplicates if asked (:mod:`.duplicates`), writes the records in input
order (:mod:`.sinks`) and keeps a manifest so a stopped run can resume
(:mod:`.resume`). It never prints: progress and failures go to a
:class:`Reporter`.

The names below are loaded on first use, so importing :mod:`.formats` (what
the command line does to list the formats) does not load the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .formats import BATCH_FORMATS
    from .job import Encoder, Outcome, RecordKey, mirror_target
    from .pool import default_jobs, ordered_map
    from .resume import MANIFEST_SUFFIX
    from .run import BatchOptions, BatchUsageError, Reporter, Summary, convert, output_kind, plan
    from .sinks import PARTIAL_SUFFIX, OutputError, ResumeError
    from .walk import Walk, WalkError, WalkOptions, expand_arguments, matches, read_path_list

#: Public name -> the submodule that defines it.
_HOMES: dict[str, str] = {
    "BATCH_FORMATS": "formats",
    "Encoder": "job", "Outcome": "job", "RecordKey": "job", "mirror_target": "job",
    "default_jobs": "pool", "ordered_map": "pool",
    "MANIFEST_SUFFIX": "resume",
    "BatchOptions": "run", "BatchUsageError": "run", "Reporter": "run", "Summary": "run", "convert": "run",
    "output_kind": "run", "plan": "run",
    "PARTIAL_SUFFIX": "sinks", "OutputError": "sinks", "ResumeError": "sinks",
    "Walk": "walk", "WalkError": "walk", "WalkOptions": "walk", "expand_arguments": "walk", "matches": "walk",
    "read_path_list": "walk",
}


def __getattr__(name: str) -> Any:
    """Load a public name from its submodule the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "BATCH_FORMATS",
    "MANIFEST_SUFFIX",
    "PARTIAL_SUFFIX",
    "BatchOptions",
    "BatchUsageError",
    "Encoder",
    "Outcome",
    "OutputError",
    "RecordKey",
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
