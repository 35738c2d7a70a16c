"""The ``newsclip`` command line: a thin client of the library, one module per command.

Importing this package does not import click: :func:`run` first offers the
arguments to the quick start (:mod:`newsclip.cli.quick`),
which parses plain ``newsclip parse`` calls without click, and hands
everything else to the click group (:mod:`newsclip.cli.group`). The group and
its helpers are still importable from here (``from newsclip.cli import main``).
"""

from __future__ import annotations

import sys

from .streams import PROG

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from typing import Any

#: Names this package lends from :mod:`newsclip.cli.group`, importing it (and click) on first use.
_FROM_GROUP = frozenset({"main", "register_commands", "LazyCommands", "COMMAND_MODULES", "COMMAND_HOMES"})


def run() -> None:
    """The ``newsclip`` command: the console script and ``python -m newsclip``."""
    from .quick import run_quick

    status = run_quick(sys.argv[1:])
    if status is None:
        from .group import main

        main(prog_name=PROG)
    sys.exit(status)


def __getattr__(name: str) -> Any:
    if name in _FROM_GROUP:
        from . import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COMMAND_HOMES", "COMMAND_MODULES", "LazyCommands", "main", "register_commands", "run"]
