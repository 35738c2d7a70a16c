"""``newsclip convert --engine dask [--scheduler ADDRESS]``: the same conversion, run on a Dask cluster.

The convert command builds its :class:`~newsclip.batch.BatchOptions` as
usual and hands them here instead of to the local process pool. Failures are
reported exactly as the local engine reports them (one ``newsclip: PATH:
PROBLEM`` line each, one JSON line each in ``--errors FILE``) and the run
ends with the same summary and exit codes. Without ``--scheduler`` a local
cluster of ``--jobs`` worker processes (default: one per CPU) is started and
stopped; with it, the workers of that scheduler do the parsing.

Outputs mean what they mean on the local engine: a folder is a folder of
Parquet part files only when it says so (``-o OUT.parquet/`` or ``-f
parquet``); the one-JSON-file-per-input folder needs the local engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from ..errors import NewsclipError
from .common import ExitStatus, FailureLines, display_name, error_line, problem_of

if TYPE_CHECKING:
    from ..batch import BatchOptions, Reporter, Summary


def convert_with_dask(options: BatchOptions, reporter: Reporter | None = None, *, scheduler: str | None = None,
                      ordered: bool = True, stdout: BinaryIO | None = None) -> Summary:
    """Run a batch on Dask: a drop-in for :func:`newsclip.batch.convert` taking the same options.

    ``options.jobs`` is the local cluster's worker count (ignored with a
    ``scheduler``); ``--resume`` is refused, since a Dask run writes its
    output whole. Raises :class:`~newsclip.batch.BatchUsageError` for options
    that cannot work and :class:`~newsclip.errors.NewsclipError` when Dask is
    missing (:class:`~newsclip.errors.MissingDependencyError`) or the
    scheduler cannot be reached.
    """
    from ..batch import BatchUsageError, output_kind
    from ..distributed import convert

    if options.output != "-" and output_kind(options.output, options.fmt) == "folder":
        raise BatchUsageError("with --engine dask an output folder gets Parquet part files: name it OUT.parquet/ "
                              "or add -f parquet (one .json file per input needs the local engine)")
    if options.resume:
        raise BatchUsageError("--resume does not work with --engine dask (a Dask run writes its output whole); "
                              "run the command again without --resume")
    if options.dedupe or options.duplicates:
        raise BatchUsageError("--dedupe does not work with --engine dask yet; run without it, or without "
                              "--engine dask")
    return convert(
        options.inputs, options.output, scheduler=scheduler, workers=options.jobs, ordered=ordered,
        fmt=options.fmt, fields=options.fields, explain=options.explain, csv_raw=options.csv_raw,
        settings=options.settings, listed=options.listed, recursive=options.recursive, hidden=options.hidden,
        include=options.include, exclude=options.exclude, errors=options.errors, fail_fast=options.fail_fast,
        reporter=reporter, stdout=stdout,
    )


def run_dask_convert(options: BatchOptions, *, scheduler: str | None = None, ordered: bool = True,
                     quiet: bool = False, reporter: Reporter | None = None,
                     stdout: BinaryIO | None = None) -> ExitStatus:
    """Run a batch on Dask and report it as ``convert`` does; returns the exit status.

    Failures are printed through ``reporter`` (default: one line each on
    stderr), then the summary unless ``quiet``.
    """
    from ..batch import BatchUsageError

    try:
        summary = convert_with_dask(options, reporter or FailureLines(), scheduler=scheduler, ordered=ordered,
                                    stdout=stdout)
    except BatchUsageError as exc:
        error_line(None, problem_of(exc))
        return ExitStatus.USAGE
    except NewsclipError as exc:
        error_line(None, problem_of(exc))
        return ExitStatus.FAILED
    if not quiet:
        from .convert import summary_lines

        for line in summary_lines(summary):
            error_line(None, line)
    return exit_status(summary)


def exit_status(summary: Summary) -> ExitStatus:
    """The exit status of a finished Dask run, with the line that explains a stop."""
    unwritten = "" if summary.output == "-" else "; nothing was written (a Dask run writes its output whole)"
    if summary.stopped == "interrupted":
        error_line(None, "interrupted" + unwritten)
        return ExitStatus.INTERRUPTED
    if summary.stopped == "fail-fast":
        error_line(None, f"stopped at the first failure ({display_name(summary.stopped_at or '')}, --fail-fast)"
                         + unwritten)
    return ExitStatus.FAILED if summary.failed else ExitStatus.OK


