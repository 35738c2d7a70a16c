"""Exceptions the library raises for bad input, and the one-line description every report uses."""

from __future__ import annotations

#: Added to the description of an unexpected error when the command can show its traceback.
TRACEBACK_HINT = "--traceback shows where"


class NewsclipError(Exception):
    """Base class: a problem with one input, reported without a traceback."""

    kind = "error"


class InputError(NewsclipError):
    """The input cannot be read as article text (binary, too large, undecodable)."""

    kind = "input"


class BinaryInputError(InputError):
    kind = "binary"


class TooLargeError(InputError):
    kind = "too-large"


class UnknownDialectError(NewsclipError):
    kind = "usage"


class MissingDependencyError(NewsclipError):
    """An optional dependency (pyarrow, dask) is not installed; the message says what to install."""

    kind = "dependency"


def problem_of(exc: BaseException, *, hint: str | None = TRACEBACK_HINT) -> str:
    """What went wrong with an input, in one line and without its path, so every report words it alike.

    ``hint`` is appended to an unexpected error (a bug); pass None where no
    traceback can be shown (a worker process).
    """
    if isinstance(exc, NewsclipError):
        return _one_line(str(exc)) or exc.kind
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc) or type(exc).__name__
        return _one_line(reason[0].lower() + reason[1:])
    if isinstance(exc, UnicodeDecodeError):
        return f"cannot be decoded as text ({exc.encoding}: {exc.reason})"
    if isinstance(exc, UnicodeError):
        return f"cannot be handled as text ({_one_line(str(exc))})"
    if isinstance(exc, MemoryError):
        return "is too large to parse in memory"
    if isinstance(exc, RecursionError):
        return "is nested too deeply to parse"
    detail = _one_line(str(exc))
    name = type(exc).__name__
    problem = f"unexpected error ({name}: {detail})" if detail else f"unexpected error ({name})"
    return f"{problem}; {hint}" if hint else problem


def _one_line(text: str) -> str:
    return " ".join(text.split())
