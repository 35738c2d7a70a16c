"""What every command shares: options, exit codes, error lines, streams and safe output files.

Errors become exit codes here and nowhere else, so every command reports a
bad input the same way: one line on stderr naming the input, never a
traceback (unless the hidden ``--traceback`` flag asks for one).
"""

from __future__ import annotations

import functools
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from .. import dialects

# problem_of lives with the errors; commands import it from here, beside the other reporting helpers
from ..errors import UnknownDialectError, problem_of
from ..files import mode_for
from ..model import FIELDS
from ..output import FORMATS
from ..settings import DEFAULT_MAX_BYTES, Settings

# The click-free half of the command line, re-exported: commands import it all from here.
from .streams import (  # noqa: F401
    PROG,
    STDIN_NAME,
    STDIO,
    ExitStatus,
    binary_stream,
    color_wanted,
    data_stdout,
    display_name,
    ending_status,
    error_line,
    is_terminal,
    printable,
    read_stdin_bytes,
    silence_stdout,
)

if TYPE_CHECKING:
    from ..batch.job import Outcome

_TRACEBACK_KEY = "newsclip.traceback"
_FAILED_KEY = "newsclip.failed"

F = TypeVar("F", bound=Callable[..., Any])


# ---------------------------------------------------------------------------
# Errors: one line each, one exit code each


def report_failure(path: str, exc: BaseException) -> None:
    """Report one failed input: one line, plus the traceback when ``--traceback`` is on."""
    note_failure()
    if traceback_wanted():
        import traceback

        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    error_line(display_name(path), problem_of(exc))


def note_failure() -> None:
    """Remember that an input failed, so a later closed pipe still ends the run with exit code 1."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[_FAILED_KEY] = True


def failure_noted() -> bool:
    """Whether the running command has reported a failed input."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get(_FAILED_KEY))


def traceback_wanted() -> bool:
    """Whether the hidden ``--traceback`` flag was given to the running command."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get(_TRACEBACK_KEY))


class NewsclipGroup(click.Group):
    """The command group: turns interrupts, closed pipes and stray errors into exit codes.

    A closed stdout (``newsclip parse *.txt | head -1``) ends the run quietly:
    exit code 0, or 1 if an input had already failed.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt as exc:
            ctx.exit(ending_status(exc, failed=failure_noted()))
        except Exception as exc:  # NewsclipError, OSError... or a bug: one line unless --traceback asks for more
            if traceback_wanted() and not isinstance(exc, BrokenPipeError):
                raise
            ctx.exit(ending_status(exc, failed=failure_noted()))


# ---------------------------------------------------------------------------
# Output files


@contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """A UTF-8 text file written beside ``path`` and renamed onto it only when the block succeeds.

    A failure or an interrupt leaves no half-written file behind (and an old
    file at ``path`` untouched). Rows are written as given (``newline=""``).
    """
    target = os.path.abspath(path)
    if _is_special(target):  # /dev/null, /dev/stdout, a named pipe: written in place, never replaced
        with open(target, "w", encoding="utf-8", newline="") as handle:
            yield handle
        return
    folder, name = os.path.split(target)
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(temp, mode_for(target))
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def _is_special(path: str) -> bool:
    """Whether ``path`` exists and is neither a regular file nor a folder (a device, a pipe, a socket)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


# ---------------------------------------------------------------------------
# Option types

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?", re.IGNORECASE)
_UNITS = {None: 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """Bytes from a size such as ``50MB``, ``200k``, ``1.5G`` or ``4096`` (units of 1024); ValueError if bad."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a size (try 50MB, 200k or 4096)")
    unit = match.group(2).lower() if match.group(2) else None
    size = int(float(match.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"{text!r} is not a size above zero")
    return size


def parse_reference_time(text: str) -> datetime:
    """A datetime from ISO 8601 (``2025-02-04``, ``2025-02-04T10:30``, ``...Z``); ValueError if bad."""
    value = text.strip()
    if value[-1:] in ("Z", "z"):
        value = value[:-1] + "+00:00"
    return datetime.fromisoformat(value)


class SizeType(click.ParamType):
    """``--max-size``: a byte count with an optional k/M/G unit."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class DateTimeType(click.ParamType):
    """``--reference-time``: an ISO 8601 date or date-time."""

    name = "iso-datetime"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return parse_reference_time(str(value))
        except ValueError:
            self.fail(f"{value!r} is not an ISO 8601 date-time (e.g. 2025-02-04T10:30:00+00:00)", param, ctx)


class FieldsType(click.ParamType):
    """``--fields``: comma-separated record field names, checked and kept in the order given."""

    name = "fields"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[str, ...]:
        if isinstance(value, tuple):
            return value
        names = [part.strip() for part in str(value).split(",") if part.strip()]
        if not names:
            self.fail("no field named (e.g. --fields headline,date,url)", param, ctx)
        for name in names:
            if name not in FIELDS:
                self.fail(f"unknown field {name!r} (choose from {', '.join(FIELDS)})", param, ctx)
        return tuple(dict.fromkeys(names))


def _check_dialect(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        dialects.get(value)
    except UnknownDialectError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    except ImportError:
        raise click.BadParameter(f"the {value!r} dialect is not available", ctx=ctx, param=param) from None
    return value


def _set_traceback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta[_TRACEBACK_KEY] = True


# ---------------------------------------------------------------------------
# Shared options, as decorators

_DEFAULT_SIZE = f"{DEFAULT_MAX_BYTES // 1024**2}MB"

_PARSER_OPTIONS = (
    click.option("--dialect", type=click.Choice(dialects.DIALECT_MODULES, case_sensitive=False),
                 callback=_check_dialect, help="Read every input as this dialect instead of detecting it."),
    click.option("--dayfirst", is_flag=True, help="Read ambiguous numeric dates (04/05/2025) as day first."),
    click.option("--reference-time", type=DateTimeType(), default=None, metavar="ISO",
                 help="What 'now' is for relative dates such as '2 hours ago'."),
    click.option("--max-size", type=SizeType(), default=_DEFAULT_SIZE, show_default=True,
                 help="Refuse inputs larger than this (e.g. 200k, 50MB)."),
)


def parser_options(func: F) -> F:
    """Add the parsing options and hand the command one ``settings`` argument built from them."""

    @functools.wraps(func)
    def wrapper(*args: Any, dialect: str | None, dayfirst: bool, reference_time: datetime | None,
                max_size: int, **kwargs: Any) -> Any:
        kwargs["settings"] = Settings(dayfirst=dayfirst, reference_time=reference_time, dialect=dialect,
                                      max_bytes=max_size)
        return func(*args, **kwargs)

    for option in reversed(_PARSER_OPTIONS):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def format_option(*, default: str | None = None, help: str | None = None,
                  choices: Sequence[str] = FORMATS) -> Callable[[F], F]:
    """``-f/--format`` over ``choices`` (default: every registered output format); value passed as ``fmt``."""
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(tuple(choices)), default=default,
        help=help or "Output format (default: pretty on a terminal, else jsonl or the -o file's extension).",
    )


fields_option = click.option(
    "--fields", type=FieldsType(), default=None, metavar="a,b,c",
    help="Only these record fields, in this order (e.g. headline,date,url).",
)
explain_option = click.option(
    "--explain", is_flag=True, help="Add where each field came from (JSON and pretty output only)."
)
csv_raw_option = click.option(
    "--csv-raw", is_flag=True, help="Write CSV cells as they are: no quote before cells starting with = + - @."
)
traceback_option = click.option(
    "--traceback", is_flag=True, hidden=True, expose_value=False, callback=_set_traceback,
    help="Show the full traceback of errors (for debugging).",
)


class FailureLines:
    """A batch reporter: each failure as one ``newsclip: PATH: PROBLEM`` line on stderr, no progress display."""

    def __enter__(self) -> FailureLines:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def started(self, total: int) -> None:
        return None

    def advanced(self, outcome: Outcome) -> None:
        return None

    def failed(self, outcome: Outcome) -> None:
        note_failure()
        error_line(display_name(outcome.path), outcome.message or outcome.kind or "failed")
