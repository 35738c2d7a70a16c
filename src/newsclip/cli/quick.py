"""The quick start: ``newsclip parse FILE... [-f json|jsonl|csv]`` to stdout (and ``--version``), run without click.

In a shell loop, newsclip starts once per file, and importing click and the
option machinery costs more than parsing a typical article. So the commonest
call -- ``parse``, input files or ``-``, at most a ``-f``/``--format`` for a
data format, records to stdout -- is recognised here from the argument list
and run straight on the library, by the same loop and the same error lines
as the click command (:mod:`newsclip.cli.parsing`, :mod:`newsclip.cli.streams`).
``newsclip --version``, which scripts run to check what is installed, is
answered here too.

Anything else goes to click: another command or option, ``--help``, a
mistake to explain, ``-o``, pretty output on a terminal. Recognising is
strict -- a call is taken only if click would read it the same way -- and the
tests run each kind of call both ways and compare stdout, stderr and exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ..errors import problem_of
from .streams import (
    PROG,
    STDIO,
    ExitStatus,
    data_stdout,
    display_name,
    ending_status,
    error_line,
    is_terminal,
)

#: The command the quick start serves.
COMMAND = "parse"
VERSION_FLAG = "--version"
#: The formats it writes: those that go to a text stream with no option but ``-f``.
FORMATS: tuple[str, ...] = ("json", "jsonl", "csv")
#: Used when stdout is not a terminal and no ``-f`` is given, as the click command does.
DEFAULT_FORMAT = "jsonl"
_FORMAT_FLAGS = ("-f", "--format")
_FORMAT_PREFIX = "--format="
#: Wildcards, which click expands itself on Windows (where the shell does not).
_WILDCARDS = frozenset("*?[")


def recognise(argv: Sequence[str], *, windows: bool = os.name == "nt") -> tuple[str | None, list[str]] | None:
    """The format asked for (or None) and the inputs, if ``argv`` is a call the quick start serves."""
    if not argv or argv[0] != COMMAND:
        return None
    if windows and any(_WILDCARDS.intersection(arg) for arg in argv):
        return None  # a pattern for click to expand
    fmt: str | None = None
    files: list[str] = []
    args = iter(argv[1:])
    for arg in args:
        if arg in _FORMAT_FLAGS or arg.startswith(_FORMAT_PREFIX):
            value = arg[len(_FORMAT_PREFIX):] if arg.startswith(_FORMAT_PREFIX) else next(args, None)
            if fmt is not None or value not in FORMATS:
                return None  # repeated, missing or unknown: click explains or decides
            fmt = value
        elif arg == STDIO or not arg.startswith("-"):
            files.append(arg)
        else:
            return None  # any other option, "--" included
    return (fmt, files) if files else None


def run_quick(argv: Sequence[str]) -> int | None:
    """Run ``argv`` if the quick start serves it, and give the exit code; None if click must."""
    if list(argv) == [VERSION_FLAG]:
        from .._version import __version__

        sys.stdout.write(f"{PROG} {__version__}\n")
        return ExitStatus.OK
    call = recognise(argv)
    if call is None:
        return None
    fmt, files = call
    if fmt is None:
        if is_terminal(sys.stdout):
            return None  # pretty output, which click's command draws with rich
        fmt = DEFAULT_FORMAT
    failed = False

    def report(path: str, exc: BaseException) -> None:
        nonlocal failed
        failed = True
        error_line(display_name(path), problem_of(exc))

    try:
        from ..output import open_writer
        from ..settings import DEFAULT_SETTINGS
        from .parsing import parse_into

        ok = parse_into(open_writer(fmt, data_stdout(), color=False), files, DEFAULT_SETTINGS, report)
    except (KeyboardInterrupt, Exception) as exc:  # as the click group does: one line, an exit code
        return ending_status(exc, failed=failed)
    return ExitStatus.OK if ok else ExitStatus.FAILED
