"""Exit codes, error lines and the standard streams: the command-line pieces that need no click.

Both ways into the command line use them: the click commands, and the quick
start (:mod:`newsclip.cli.quick`) that runs ``newsclip parse`` without
importing click. So an error line, an exit code or the handling of a closed
pipe is the same whichever way a run started.
"""

from __future__ import annotations

import os
import sys
from enum import IntEnum

from ..errors import UnknownDialectError, problem_of

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from typing import Any, BinaryIO, TextIO

PROG = "newsclip"
STDIN_NAME = "<stdin>"
STDIO = "-"


class ExitStatus(IntEnum):
    """The process exit codes: documented, tested, one meaning each."""

    OK = 0
    FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


def status_of(exc: BaseException) -> ExitStatus:
    """The exit code an error that ends a run stands for (usage errors of click aside)."""
    if isinstance(exc, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    if isinstance(exc, UnknownDialectError):
        return ExitStatus.USAGE
    return ExitStatus.FAILED


def ending_status(exc: BaseException, *, failed: bool) -> ExitStatus:
    """Report an error that ends a run, and give its exit code.

    An interrupt says so; a closed stdout (``newsclip parse *.txt | head -1``)
    ends the run quietly, with 1 only if an input had already failed; anything
    else gets one line.
    """
    if isinstance(exc, KeyboardInterrupt):
        error_line(None, "interrupted")
        return ExitStatus.INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        silence_stdout()
        return ExitStatus.FAILED if failed else ExitStatus.OK
    error_line(None, problem_of(exc))
    return status_of(exc)


# ---------------------------------------------------------------------------
# Error lines


def display_name(path: str) -> str:
    """How an input is named in messages: the path as given, or ``<stdin>`` for ``-``; always one printable line."""
    return STDIN_NAME if path == STDIO else printable(path)


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
    stream = sys.stderr
    if stream is None:  # no console at all (pythonw): nowhere to say it
        return
    stream.write(message + "\n")
    stream.flush()


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
        try:
            stream.reconfigure(encoding="utf-8", newline="\n")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass  # not a reconfigurable text stream (a test runner's stand-in): written as it is
    return stream


def binary_stream(stream: Any) -> BinaryIO:
    """The byte layer under a text stream (``sys.stdin``, ``sys.stdout``, or a test runner's stand-in)."""
    return getattr(stream, "buffer", stream)


def read_stdin_bytes(limit: int) -> bytes:
    """At most ``limit + 1`` bytes of stdin: enough for the size check to see an oversized input."""
    return binary_stream(sys.stdin).read(limit + 1)


def silence_stdout() -> None:
    """After a closed pipe, point stdout at devnull so the exit-time flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (e.g. under a test runner): nothing will be flushed to a pipe
