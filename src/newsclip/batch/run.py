"""One batch conversion from start to end: check the plan, walk, convert in parallel, write in order.

The caller (the ``convert`` command) gets events through a :class:`Reporter`
and a :class:`Summary` at the end; nothing here prints or exits.
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, BinaryIO, TextIO

from ..dedupe import DEFAULT_THRESHOLD, MODES, MinHasher
from ..errors import NewsclipError
from ..settings import DEFAULT_SETTINGS, Settings
from .duplicates import DuplicateFilter
from .formats import BATCH_FORMATS, PARTS_FORMAT, RECORD_SINKS, RECORD_TARGETS
from .job import MIRROR_FORMAT, RECORD_FORMAT, Encoder, JobConfig, Outcome, run_job
from .pool import default_jobs, ordered_map
from .resume import MANIFEST_SUFFIX
from .sinks import PARTIAL_SUFFIX, FileSink, FolderSink, RecordSink, Sink, StreamSink, record_sink_class
from .walk import Walk, WalkError, WalkOptions, expand_arguments

#: Files a database may keep beside itself while it is written (never read as input).
_DATABASE_COMPANIONS: tuple[str, ...] = ("-journal", "-wal", "-shm")

#: Make written output durable at least this often (seconds) ...
SYNC_SECONDS = 0.5
#: ... and at least every this many inputs.
SYNC_INPUTS = 5000
#: Largest number of files sent to a worker at once.
MAX_CHUNK = 64


class BatchUsageError(NewsclipError):
    """The batch as asked for cannot run (output inside the input, unknown format, ...)."""

    kind = "usage"


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything one batch conversion needs to know."""

    inputs: tuple[str, ...] = ()
    #: Paths read from a list file (``--from-file``): taken as they are, not glob-expanded.
    listed: tuple[str, ...] = ()
    recursive: bool = True
    hidden: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: ``-`` for stdout, a file name, or a folder (trailing ``/`` or an existing folder).
    output: str = "-"
    fmt: str | None = None
    fields: tuple[str, ...] | None = None
    explain: bool = False
    csv_raw: bool = False
    settings: Settings = DEFAULT_SETTINGS
    jobs: int | None = None
    resume: bool = False
    errors: str | None = None
    fail_fast: bool = False
    start_method: str | None = None
    chunksize: int | None = None
    #: ``exact`` (same id) or ``near`` (same id, or a similar body): leave out records that duplicate earlier ones.
    dedupe: str | None = None
    dedupe_threshold: float = DEFAULT_THRESHOLD
    #: Write one JSON line per dropped duplicate (kept, dropped, similarity, kind, sources) to this file.
    duplicates: str | None = None


class Reporter:
    """Receives a batch's events; the default does nothing. Subclass to show progress."""

    def started(self, total: int) -> None:
        """The walk found ``total`` inputs (an estimate when links lead to the same file twice)."""

    def advanced(self, outcome: Outcome) -> None:
        """One input is done (converted, failed, or already done by an earlier run)."""

    def failed(self, outcome: Outcome) -> None:
        """One input failed: ``outcome.kind`` and ``outcome.message`` say why."""


@dataclass(slots=True)
class Summary:
    """What a batch did."""

    output: str
    files: int = 0
    records: int = 0
    failed: int = 0
    resumed: int = 0
    elapsed: float = 0.0
    dialects: Counter[str] = field(default_factory=Counter)
    #: ``None`` when the run completed, else ``"interrupted"`` or ``"fail-fast"``.
    stopped: str | None = None
    #: The input that stopped a ``--fail-fast`` run.
    stopped_at: str | None = None
    #: Records left out as duplicates (``records`` counts only the records written).
    duplicates: int = 0
    #: Rows a database output holds at the end (None for other outputs).
    rows: int | None = None
    #: Whether a stopped run can be continued with ``--resume`` (False for a stream or a Parquet output).
    resumable: bool = False

    @property
    def converted(self) -> int:
        return self.files - self.failed

    def count(self, outcome: Outcome) -> None:
        self.files += 1
        if outcome.ok:
            self.records += outcome.records
            self.duplicates += outcome.dropped
            if outcome.dialect:
                self.dialects[outcome.dialect] += outcome.records
        else:
            self.failed += 1


@dataclass(slots=True)
class Plan:
    """A checked batch: the inputs to walk, the sink to write to, how to convert each file."""

    walk: Walk
    sink: Sink
    config: JobConfig
    jobs: int
    output_kind: str


def plan(options: BatchOptions, stdout: BinaryIO | None = None) -> Plan:
    """Check the options and resolve the output; :class:`BatchUsageError` says what is wrong."""
    if options.resume and options.output == "-":
        raise BatchUsageError("--resume needs an output file or folder (-o OUT), not standard output")
    _check_dedupe(options)
    arguments = [*expand_arguments(options.inputs, hidden=options.hidden), *options.listed]
    if not arguments:
        raise BatchUsageError("no input given (name files or folders, or use --from-file)")
    kind = output_kind(options.output, options.fmt)
    fmt = _format_for(options, kind)
    skip = _own_files(options, kind)
    walk = Walk(arguments, WalkOptions(options.recursive, options.hidden, options.include, options.exclude, skip))
    _check_output_place(options, kind, walk, arguments)
    record_sink = record_sink_class(fmt) if fmt in RECORD_SINKS else None
    if record_sink is not None:
        if options.resume and not record_sink.resumable:
            raise BatchUsageError(f"--resume does not work with {fmt} output: it is written whole when the run ends, "
                                  "so a stopped run leaves nothing to continue; run the same command without --resume")
        # a table's columns are fixed (whole records, whatever --fields says) unless the format takes fields
        encoder = (Encoder(RECORD_FORMAT, options.fields, options.explain) if record_sink.takes_fields
                   else Encoder(RECORD_FORMAT))
    else:
        encoder = Encoder(fmt, options.fields, options.explain, options.csv_raw)
    header = _header(options, fmt, encoder)
    sink: Sink
    mirror_dir = mirror_base = None
    if kind == "stream":
        sink = StreamSink(stdout if stdout is not None else _stdout_bytes(), encoder)
    elif record_sink is not None:  # a file, or (Parquet) a folder of part files
        sink = record_sink(options.output, header, resume=options.resume)
    elif kind == "file":
        sink = FileSink(options.output, encoder, header, resume=options.resume)
    else:
        mirror_dir, mirror_base = os.path.abspath(options.output), mirror_root(arguments)
        sink = FolderSink(options.output, header, resume=options.resume)
    # one MinHasher for the workers (which sign bodies) and the main process (which compares signatures)
    config = JobConfig(encoder, options.settings, mirror_dir, mirror_base, keys=options.dedupe,
                       hasher=MinHasher() if options.dedupe == "near" else None)
    jobs = options.jobs if options.jobs and options.jobs > 0 else default_jobs()
    return Plan(walk, sink, config, jobs, kind)


def convert(options: BatchOptions, reporter: Reporter | None = None, *, stdout: BinaryIO | None = None) -> Summary:
    """Run a batch conversion; returns its summary (``stopped`` says whether it ran to the end)."""
    reporter = reporter or Reporter()
    batch = plan(options, stdout)
    summary = Summary(output=options.output, resumable=batch.sink.resumable)
    started = time.monotonic()
    errors = open_report(options.errors, "--errors")
    report = None
    try:
        report = open_report(options.duplicates, "--duplicates")
        dupes = _duplicate_filter(batch, options, report)
        _run(batch, options, reporter, summary, errors, dupes)
    finally:
        for stream in (errors, report):
            if stream is not None:
                stream.close()
        summary.elapsed = time.monotonic() - started
    if isinstance(batch.sink, RecordSink):
        summary.rows = batch.sink.rows
    return summary


def _duplicate_filter(batch: Plan, options: BatchOptions, report: TextIO | None) -> DuplicateFilter | None:
    if options.dedupe is None:
        return None
    return DuplicateFilter(options.dedupe, threshold=options.dedupe_threshold, joiner=batch.config.encoder.joiner,
                           hasher=batch.config.hasher, report=report)


def _run(batch: Plan, options: BatchOptions, reporter: Reporter, summary: Summary, errors: TextIO | None,
         dupes: DuplicateFilter | None = None) -> None:
    total = batch.walk.scan().total
    reporter.started(total)
    sink = batch.sink
    items = iter(batch.walk)

    def record(outcome: Outcome) -> None:
        summary.count(outcome)
        if not outcome.ok:
            if errors is not None:
                errors.write(json.dumps({"path": outcome.path, "kind": outcome.kind, "message": outcome.message},
                                        ensure_ascii=False) + "\n")
            reporter.failed(outcome)
        reporter.advanced(outcome)

    def replayed(outcome: Outcome) -> None:
        if dupes is not None:
            dupes.replay(outcome.keys)
        record(outcome)

    remaining = _skip_done(sink, items, summary, replayed)
    chunksize = options.chunksize or _chunksize(total - summary.resumed, batch.jobs)
    results = ordered_map(functools.partial(run_jobs, batch.config), remaining, jobs=batch.jobs,
                          chunksize=chunksize, on_crash=crashed, start_method=options.start_method)
    last_sync, unsynced = time.monotonic(), 0
    try:
        for outcome in results:
            if not outcome.ok and options.fail_fast:
                summary.stopped, summary.stopped_at = "fail-fast", outcome.path
                record(outcome)
                break
            if dupes is not None:
                outcome = dupes.apply(outcome)
            sink.add(outcome)
            record(outcome)
            unsynced += 1
            if unsynced >= SYNC_INPUTS or time.monotonic() - last_sync >= SYNC_SECONDS:
                sink.sync()
                if errors is not None:
                    errors.flush()
                if dupes is not None and dupes.report is not None:
                    dupes.report.flush()
                last_sync, unsynced = time.monotonic(), 0
    except KeyboardInterrupt:
        summary.stopped = "interrupted"
    finally:
        results.close()
    if summary.stopped:
        sink.keep()
    else:
        sink.finish()


def _skip_done(sink: Sink, items: Iterator[str | WalkError], summary: Summary,
               record: Callable[[Outcome], None]) -> Iterator[str | WalkError]:
    """Pass over the inputs an earlier run logged (while they still match), then start the sink after them.

    Returns the inputs still to convert. The earlier outcomes are counted and
    their failures reported again (and their duplicates decided again, by
    ``record``), so the summary, the error list and the duplicates report
    are those of one whole run.
    """
    previous = sink.previous()
    end = position = None
    try:
        for item in items:
            logged = next(previous, None)
            if logged is None or not sink.keeps(logged[0]) or not logged[0].matches(item):
                sink.start(end, position)
                return chain((item,), items)
            entry, position = logged
            end = entry.end
            summary.resumed += 1
            record(entry.outcome())
    finally:
        close = getattr(previous, "close", None)
        if close is not None:
            close()
    sink.start(end, position)
    return iter(())


def run_jobs(config: JobConfig, items: list[str | WalkError]) -> list[Outcome]:
    """Convert a chunk of inputs (what a worker process runs)."""
    return [run_job(item, config) for item in items]


def crashed(item: str | WalkError) -> Outcome:
    """The outcome of an input whose worker process died while converting it."""
    path = item.path if isinstance(item, WalkError) else item
    return Outcome(path, None, None, b"", 0, None, "crash", "the worker process died while converting it")


def _chunksize(count: int, jobs: int) -> int:
    """Files per chunk: big enough to make the round trips cheap, small enough to keep workers busy."""
    if jobs <= 1:
        return 16
    return max(1, min(MAX_CHUNK, count // (jobs * 8)))


# -- checking the plan ---------------------------------------------------------------------


def output_kind(output: str, fmt: str | None = None) -> str:
    """``stream`` for ``-``; ``file``; or, for a trailing slash or an existing folder, ``folder``.

    A folder named ``*.parquet`` (or any folder with ``fmt`` ``parquet``) is
    ``parts``: a folder of Parquet part files rather than one JSON file per
    input.
    """
    if output == "-":
        return "stream"
    if output.endswith(("/", os.sep)) or os.path.isdir(output):
        named = os.path.splitext(output.rstrip("/" + os.sep))[1].lower() == f".{PARTS_FORMAT}"
        return "parts" if fmt == PARTS_FORMAT or (fmt is None and named) else "folder"
    return "file"


def _format_for(options: BatchOptions, kind: str) -> str:
    if kind == "parts":
        return PARTS_FORMAT
    if kind == "folder":
        if options.fmt not in (None, MIRROR_FORMAT):
            raise BatchUsageError(f"an output folder gets one .json file per input (or Parquet part files, with "
                                  f"-f {PARTS_FORMAT}); -f {options.fmt} needs an output file")
        return MIRROR_FORMAT
    if options.fmt is not None:
        fmt = options.fmt
    elif kind == "stream":
        fmt = "jsonl"
    else:
        from ..output import format_for_path

        found = format_for_path(options.output)
        if found is None:
            raise BatchUsageError(f"cannot tell the output format from {options.output!r}: "
                                  "name it .jsonl, .json, .csv, .db or .parquet, or give -f")
        fmt = found
    if fmt not in BATCH_FORMATS:
        raise BatchUsageError(f"-f {fmt} is not a batch format (choose from {', '.join(BATCH_FORMATS)})")
    if kind == "stream" and fmt in RECORD_SINKS:
        raise BatchUsageError(f"-f {fmt} writes {RECORD_TARGETS[fmt]}, not to standard output: name it with -o OUT")
    return fmt


def _check_dedupe(options: BatchOptions) -> None:
    """Duplicate options that cannot work: a report without detection, detection into a mirrored folder."""
    if options.dedupe is None:
        if options.duplicates:
            raise BatchUsageError("--duplicates needs --dedupe exact or --dedupe near")
        return
    if options.dedupe not in MODES:
        raise BatchUsageError(f"unknown --dedupe mode {options.dedupe!r} (choose from {', '.join(MODES)})")
    if not 0.0 < options.dedupe_threshold <= 1.0:
        raise BatchUsageError(f"--dedupe-threshold must be above 0 and at most 1, not {options.dedupe_threshold}")
    if options.output != "-" and output_kind(options.output, options.fmt) == "folder":
        raise BatchUsageError("--dedupe needs one output file (or -o -), not a folder of one file per input")


def _own_files(options: BatchOptions, kind: str) -> frozenset[str]:
    """Real paths of the files this run writes, which the walk must never read."""
    own = []
    if kind == "file":
        own += [options.output, options.output + PARTIAL_SUFFIX, options.output + MANIFEST_SUFFIX]
        own += [options.output + suffix for suffix in _DATABASE_COMPANIONS]
    elif kind in ("folder", "parts"):
        own.append(options.output)
    own += [path for path in (options.errors, options.duplicates) if path]
    return frozenset(os.path.realpath(path) for path in own)


def _check_output_place(options: BatchOptions, kind: str, walk: Walk, arguments: Sequence[str | WalkError]) -> None:
    """Refuse an output that would overwrite an input or be read back as one."""
    if options.errors and options.duplicates and _same_place(options.errors, options.duplicates):
        raise BatchUsageError("--errors and --duplicates name the same file")
    if kind == "stream":
        return
    if options.errors and _same_place(options.errors, options.output):
        raise BatchUsageError("--errors and -o name the same file")
    if options.duplicates and _same_place(options.duplicates, options.output):
        raise BatchUsageError("--duplicates and -o name the same file")
    if kind in ("folder", "parts"):
        if walk.would_enter(options.output):
            raise BatchUsageError(f"the output folder {options.output} is inside an input folder; "
                                  "write it elsewhere or --exclude it")
        return
    if walk.would_read(options.output):
        raise BatchUsageError(f"the output {options.output} is inside an input folder and would be read as input; "
                              "write it elsewhere or --exclude it")
    if _is_argument(options.output, arguments):
        raise BatchUsageError(f"refusing to overwrite the input file {options.output}")


def _same_place(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _is_argument(path: str, arguments: Iterable[str | WalkError]) -> bool:
    try:
        target = os.stat(path)
    except OSError:
        return False
    for argument in arguments:
        if isinstance(argument, str):
            try:
                info = os.stat(argument)
            except OSError:
                continue
            if (info.st_dev, info.st_ino) == (target.st_dev, target.st_ino):
                return True
    return False


def mirror_root(arguments: Sequence[str | WalkError]) -> str:
    """The folder whose tree an output folder mirrors: the deepest one holding every input."""
    roots = []
    for argument in arguments:
        if isinstance(argument, str):
            path = os.path.abspath(argument)
            roots.append(path if os.path.isdir(path) else os.path.dirname(path))
    return os.path.commonpath(roots) if roots else os.getcwd()


def _header(options: BatchOptions, fmt: str, encoder: Encoder) -> dict[str, Any]:
    """What the output depends on besides the inputs; a resumed run must match it exactly."""
    settings = options.settings
    return {
        "format": fmt,
        "fields": list(encoder.fields) if encoder.fields else None,
        "explain": encoder.explain,
        "csv_raw": encoder.csv_raw,
        "dayfirst": settings.dayfirst,
        "reference_time": settings.reference_time.isoformat() if settings.reference_time else None,
        "dialect": settings.dialect,
        "max_bytes": settings.max_bytes,
        "dedupe": options.dedupe,
        "dedupe_threshold": options.dedupe_threshold if options.dedupe == "near" else None,
    }


def open_report(path: str | None, option: str) -> TextIO | None:
    """A JSON-lines report file (``--errors``, ``--duplicates``), written afresh."""
    if not path:
        return None
    try:
        return open(path, "w", encoding="utf-8", errors="backslashreplace")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BatchUsageError(f"cannot write {option} {path}: {reason[0].lower() + reason[1:]}") from None


def _stdout_bytes() -> BinaryIO:
    import sys

    return sys.stdout.buffer
