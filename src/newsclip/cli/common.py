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
from enum import IntEnum
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, TypeVar

import click

from .. import dialects

# problem_of lives with the errors; commands import it from here, beside the other reporting helpers
from ..errors import NewsclipError, UnknownDialectError, problem_of
from ..files import mode_for
from ..model import FIELDS
from ..output import FORMATS
from ..settings import DEFAULT_MAX_BYTES, Settings

if TYPE_CHECKING:
    from ..batch.job import Outcome

PROG = "newsclip"
STDIN_NAME = "<stdin>"
_TRACEBACK_KEY = "newsclip.traceback"
_FAILED_KEY = "newsclip.failed"

F = TypeVar("F", bound=Callable[..., Any])


class ExitStatus(IntEnum):
    """The process exit codes: documented, tested, one meaning each."""

    OK = 0
    FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


# ---------------------------------------------------------------------------
# Errors: one line each, one exit code each


def exit_status_for(exc: BaseException) -> ExitStatus:
    """The exit code an error ends the process with."""
    if isinstance(exc, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    if isinstance(exc, (UnknownDialectError, click.UsageError)):
        return ExitStatus.USAGE
    return ExitStatus.FAILED


def display_name(path: str) -> str:
    """How an input is named in messages: the path as given, or ``<stdin>`` for ``-``; always one printable line."""
    return STDIN_NAME if path == "-" else printable(path)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(name: str) -> str:
    """``name`` with control characters and undecodable file-name bytes escaped (``\\n``, ``\\xff``).

    A file may be called ``a<newline>b.txt`` or hold bytes that are not UTF-8;
    its name must still fit in one line of a message and be encodable.
    """
    if name.isprintable():
        return name
    out = []
    for char in name:
        if char.isprintable():
            out.append(char)
        elif "\udc80" <= char <= "\udcff":  # a byte os.fsdecode could not decode
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        else:
            out.append(_ESCAPES.get(char) or char.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


def error_line(subject: str | None, problem: str) -> None:
    """Print ``newsclip: SUBJECT: PROBLEM`` (or ``newsclip: PROBLEM``) on stderr."""
    message = f"{PROG}: {subject}: {problem}" if subject else f"{PROG}: {problem}"
    click.echo(message, err=True)


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
        except KeyboardInterrupt:
            error_line(None, "interrupted")
            ctx.exit(ExitStatus.INTERRUPTED)
        except BrokenPipeError:
            silence_stdout()
            ctx.exit(ExitStatus.FAILED if failure_noted() else ExitStatus.OK)
        except (NewsclipError, OSError, UnicodeError, MemoryError, RecursionError) as exc:
            _fail(ctx, exc)
        except Exception as exc:  # a bug: one line unless --traceback asks for the details
            _fail(ctx, exc)


def _fail(ctx: click.Context, exc: BaseException) -> None:
    if traceback_wanted():
        raise exc
    error_line(None, problem_of(exc))
    ctx.exit(exit_status_for(exc))


def silence_stdout() -> None:
    """After a closed pipe, point stdout at devnull so the exit-time flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (e.g. under a test runner): nothing will be flushed to a pipe


# ---------------------------------------------------------------------------
# Streams and terminals


def is_terminal(stream: Any) -> bool:
    """Whether ``stream`` is an interactive terminal."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def color_wanted(stream: Any) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    return is_terminal(stream) and not os.environ.get("NO_COLOR")


def data_stdout() -> TextIO:
    """stdout for machine-readable data: UTF-8 and no newline translation when it is not a terminal."""
    stream = sys.stdout
    if not is_terminal(stream):
        with suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(encoding="utf-8", newline="\n")  # type: ignore[union-attr]
    return stream


def binary_stream(stream: Any) -> BinaryIO:
    """The byte layer under a text stream (``sys.stdin``, ``sys.stdout``, or a test runner's stand-in)."""
    return getattr(stream, "buffer", stream)


def read_stdin_bytes(limit: int) -> bytes:
    """At most ``limit + 1`` bytes of stdin: enough for the size check to see an oversized input."""
    return binary_stream(sys.stdin).read(limit + 1)


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
