"""The ``newsclip`` command line: a thin client of the library, one module per command.

Importing this is cheap: rich, bs4 and dateutil are imported only by the
code paths that use them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

import click

from .._version import __version__
from .common import PROG, NewsclipGroup

#: Modules that define commands; one that does not exist yet is skipped.
COMMAND_MODULES: tuple[str, ...] = ("parse", "convert", "info", "search", "stats")


@click.group(cls=NewsclipGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
def main() -> None:
    """Turn raw article files into clean structured records.

    Text dumps, saved web pages, Markdown with front matter, reader-service
    output, Nexis/Factiva exports and e-mails go in; JSON, JSON Lines or CSV
    records (headline, byline, date, url, body...) come out.

    \b
    Examples:
      newsclip parse article.txt
      newsclip parse *.txt -f csv -o out.csv
      newsclip dialects
    """


def register_commands(group: click.Group, module_names: tuple[str, ...] = COMMAND_MODULES) -> None:
    """Add the commands of each module that exists; a module not written yet is skipped."""
    for name in module_names:
        module = _import_command_module(name)
        if module is None:
            continue
        for command in _commands_of(module, name):
            group.add_command(command)


def _import_command_module(name: str) -> ModuleType | None:
    qualified = f"{__name__}.{name}"
    try:
        return importlib.import_module(qualified)
    except ModuleNotFoundError as exc:
        if exc.name == qualified:
            return None
        raise


def _commands_of(module: ModuleType, name: str) -> list[click.Command]:
    """A module's ``COMMANDS``, or else the click command named like the module."""
    commands = getattr(module, "COMMANDS", None)
    if commands is not None:
        return list(commands)
    command = getattr(module, name, None)
    return [command] if isinstance(command, click.Command) else []


register_commands(main)

__all__ = ["COMMAND_MODULES", "main", "register_commands"]
