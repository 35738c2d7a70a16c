"""One conversion on a Dask cluster: list, parse on the workers, write one output in input order.

The same outputs as the local ``convert`` (JSON Lines, JSON, CSV, and the
formats that write a file of their own: Parquet, SQLite), the same
``--errors`` lines and the same :class:`~newsclip.batch.Summary`; a text
output is written under a temporary name and renamed at the end, so a
stopped run leaves no half file.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from ..errors import NewsclipError
from ..files import mode_for, same_file
from ..settings import DEFAULT_SETTINGS, Settings
from .cluster import dask_client, stream_results, total_threads
from .inputs import DEFAULT_BLOCKSIZE, MIN_PARTITIONS, InputListing, plan_partitions
from .work import FileResult, require_dask

if TYPE_CHECKING:
    from distributed import Client

    from ..batch import Reporter, Summary


def convert(inputs: str | os.PathLike[str] | Iterable[str], output: str = "-", *, scheduler: str | None = None,
            client: Client | None = None, workers: int | None = None, ordered: bool = True,
            fmt: str | None = None, fields: Sequence[str] | None = None, explain: bool = False,
            csv_raw: bool = False, settings: Settings | None = None, listed: Iterable[str] = (),
            recursive: bool = True, hidden: bool = False, include: Sequence[str] = (),
            exclude: Sequence[str] = (), errors: str | None = None, fail_fast: bool = False,
            storage_options: Mapping[str, Any] | None = None, blocksize: int | str = DEFAULT_BLOCKSIZE,
            part_size: int | None = None, reporter: Reporter | None = None,
            stdout: BinaryIO | None = None) -> Summary:
    """Convert inputs into one output on a Dask cluster; returns the same summary as the batch ``convert``.

    ``output`` is ``-`` (JSON Lines on ``stdout``), a ``.jsonl``/``.json``/
    ``.csv``/``.parquet`` file, or a folder (a trailing ``/``, or existing):
    Parquet part files of ``part_size`` records. The cluster is ``client``,
    else one at ``scheduler``, else a local cluster of ``workers`` processes.
    Failed inputs go to ``reporter`` and, as JSON lines, to the ``errors``
    file; ``fail_fast`` stops at the first one (and writes no output).
    """
    from ..batch import Reporter, Summary

    reporter = reporter or Reporter()
    arguments = [os.fspath(a) for a in ([inputs] if isinstance(inputs, (str, os.PathLike)) else inputs)]
    listed = [os.fspath(p) for p in listed]
    if not arguments and not listed:
        raise _usage("no input given (name files or folders, or use --from-file)")
    kind, fmt = output_plan(output, fmt)
    listing = InputListing(arguments, listed=listed, recursive=recursive, hidden=hidden, include=include,
                           exclude=exclude, skip=_own_paths(output, errors), storage_options=storage_options)
    _check_output_place(output, kind, errors, listing)
    if client is None:
        require_dask()  # before anything is opened or written
    summary = Summary(output=output)
    started = time.monotonic()
    error_file = _open_report(errors)
    try:
        reporter.started(listing.total())
        with _Output(output, kind, fmt, fields, explain, csv_raw, part_size, stdout) as out, \
                _client(client, scheduler, workers) as active:
            groups = plan_partitions(listing, blocksize=blocksize,
                                     min_partitions=max(MIN_PARTITIONS, 4 * total_threads(active)))
            results = stream_results(active, groups, settings=settings or DEFAULT_SETTINGS,
                                     storage_options=storage_options, explain=explain, ordered=ordered)
            try:
                _drain(results, out, summary, reporter, error_file, fail_fast)
            except KeyboardInterrupt:
                summary.stopped = "interrupted"
                out.abandon()
            finally:
                results.close()  # type: ignore[attr-defined]
    finally:
        if error_file is not None:
            error_file.close()
        summary.elapsed = time.monotonic() - started
    return summary


def _drain(results: Iterable[FileResult], out: _Output, summary: Summary, reporter: Reporter,
           error_file: TextIO | None, fail_fast: bool) -> None:
    """Write each input's records, count and report it; stop at the first failure when ``fail_fast``."""
    from ..batch import Outcome

    for result in results:
        dialect = result.records[0].get("dialect") if result.records else None
        outcome = Outcome(result.path, result.size, None, b"", len(result.records), dialect,
                          result.kind, result.message)
        summary.count(outcome)
        if not result.ok:
            _log_error(error_file, result)
            reporter.failed(outcome)
            if fail_fast:
                summary.stopped, summary.stopped_at = "fail-fast", result.path
                reporter.advanced(outcome)
                out.abandon()
                return
        out.write(result.records)
        reporter.advanced(outcome)


#: Stream output formats :func:`convert` writes; formats that write a file of their own
#: (``parquet``, ``sqlite``: :data:`newsclip.output.PATH_FORMATS`) work too.
CONVERT_FORMATS: tuple[str, ...] = ("jsonl", "json", "csv")


def output_plan(output: str, fmt: str | None) -> tuple[str, str]:
    """The output's kind (``stream``, ``file`` or ``folder``) and format, or a usage error."""
    from ..output.parquetout import is_folder_target

    if output == "-":
        kind, found = "stream", fmt or "jsonl"
        if found == "parquet":
            raise _usage("Parquet output needs a file or a folder (-o OUT.parquet or -o OUT/), not standard output")
    elif is_folder_target(output):
        kind, found = "folder", fmt or "parquet"
        if found != "parquet":
            raise _usage(f"with --engine dask an output folder gets Parquet part files; "
                         f"-f {found} needs an output file")
    else:
        kind, found = "file", fmt or _format_from_name(output)
    formats = _formats()
    if found not in formats:
        raise _usage(f"-f {found} is not a batch format (choose from {', '.join(formats)})")
    if kind == "stream" and found not in CONVERT_FORMATS:
        raise _usage(f"-f {found} writes a file of its own: give -o OUT, not standard output")
    return kind, found


def _formats() -> tuple[str, ...]:
    from ..output import PATH_FORMATS

    return (*CONVERT_FORMATS, *sorted(PATH_FORMATS))


def _format_from_name(output: str) -> str:
    from ..output import format_for_path

    found = format_for_path(output) or ("parquet" if output.lower().endswith(".parquet") else None)
    if found is None:
        raise _usage(f"cannot tell the output format from {output!r}: name it .jsonl, .json, .csv, .db or "
                     ".parquet, or give -f")
    return found


def _open_report(path: str | None) -> TextIO | None:
    from ..batch.run import open_report

    return open_report(path, "--errors")


def _usage(message: str) -> NewsclipError:
    from ..batch import BatchUsageError

    return BatchUsageError(message)


def _own_paths(output: str, errors: str | None) -> list[str]:
    own = [] if output == "-" else [output]
    return own + ([errors] if errors else [])


def _check_output_place(output: str, kind: str, errors: str | None, listing: InputListing) -> None:
    """Refuse an output that would be read back as input, or that names the errors file."""
    if kind == "stream":
        return
    if errors and os.path.realpath(errors) == os.path.realpath(output):
        raise _usage("--errors and -o name the same file")
    for walk in listing.walks():
        if (walk.would_enter(output) if kind == "folder" else walk.would_read(output)):
            raise _usage(f"the output {output} is inside an input folder and would be read as input; "
                         "write it elsewhere or --exclude it")
        if kind == "file" and any(same_file(output, a) for a in walk.arguments if isinstance(a, str)):
            raise _usage(f"refusing to overwrite the input file {output}")


def _log_error(handle: TextIO | None, result: FileResult) -> None:
    if handle is not None:
        handle.write(json.dumps(result.error(), ensure_ascii=False) + "\n")
        handle.flush()


@contextmanager
def _client(client: Client | None, scheduler: str | None, workers: int | None) -> Iterator[Client]:
    if client is not None:
        yield client
        return
    with dask_client(scheduler, workers=workers) as made:
        yield made


class _Output:
    """The output of :func:`convert`: a record writer on a temporary file renamed into place at the end."""

    def __init__(self, output: str, kind: str, fmt: str, fields: Sequence[str] | None, explain: bool,
                 csv_raw: bool, part_size: int | None, stdout: BinaryIO | None) -> None:
        self.output, self.kind, self.fmt = output, kind, fmt
        self.options: dict[str, Any] = {"fields": tuple(fields) if fields else None, "explain": explain,
                                        "csv_raw": csv_raw, "json_array": True}
        self.part_size, self.stdout = part_size, stdout
        self.stream: TextIO | None = None
        self.temp: str | None = None
        self.writer: Any = None
        self.abandoned = False

    def __enter__(self) -> _Output:
        from ..output import needs_path, open_writer, open_writer_at

        if needs_path(self.fmt):
            extra = {"part_size": self.part_size} if self.fmt == "parquet" else {}
            self.writer = open_writer_at(self.fmt, self.output, **self.options, **extra)
            return self
        self.stream = self._open_text()
        self.writer = open_writer(self.fmt, self.stream, **self.options)
        return self

    def _open_text(self) -> TextIO:
        import io
        import sys

        if self.kind == "stream":
            binary = self.stdout if self.stdout is not None else sys.stdout.buffer
            return io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
        folder, name = os.path.split(os.path.abspath(self.output))
        fd, self.temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".partial", dir=folder)
        return os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, records: Iterable[dict[str, Any]]) -> None:
        from ..model import Article

        for record in records:
            self.writer.write(Article.from_dict(record))

    def abandon(self) -> None:
        """Write no output: the run stopped before its end."""
        self.abandoned = True

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        if exc_type is not None or self.abandoned:
            self._discard()
            return
        self.writer.close()
        if self.stream is not None:
            if self.kind == "stream":
                self.stream.flush()
                self.stream.detach()
            else:
                self.stream.close()
                assert self.temp is not None
                os.chmod(self.temp, mode_for(self.output))
                os.replace(self.temp, self.output)

    def _discard(self) -> None:
        if self.stream is None:  # a writer on a path of its own
            getattr(self.writer, "abort", self.writer.close)()
        elif self.kind == "stream":
            self.writer.close()  # what reached the pipe stays there; close a JSON array so it parses
            self.stream.flush()
            self.stream.detach()
        else:
            self.stream.close()
            if self.temp is not None:
                with suppress(OSError):
                    os.unlink(self.temp)


