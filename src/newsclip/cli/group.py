"""The click command group: every ``newsclip`` command, each module imported when its command runs.

rich, bs4 and dateutil are imported only by the code paths that use them, and
a command's module only when that command runs (``newsclip parse`` never
imports ``convert`` or ``stats``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from types import ModuleType

import click

from .._version import __version__
from .common import PROG, NewsclipGroup

#: Modules that define commands; one that does not exist yet is skipped.
COMMAND_MODULES: tuple[str, ...] = ("parse", "convert", "info", "search", "stats")

#: Command name -> the module that defines it: the module imported when that command runs.
#: Only a shortcut: a name missing here (or wrong) is found by importing every module.
COMMAND_HOMES: dict[str, str] = {
    "parse": "parse",
    "convert": "convert",
    "dialects": "info",
    "schema": "info",
    "search": "search",
    "stats": "stats",
}


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
    qualified = f"{__package__}.{name}"
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


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands, each module imported the first time one of its commands is looked up.

    Listing the commands (``--help``, an unknown name) imports every module.
    """

    def __init__(self, module_names: tuple[str, ...], homes: dict[str, str]) -> None:
        self._commands: dict[str, click.Command] = {}
        self._pending = list(module_names)
        self._homes = homes

    def _load(self, module_name: str) -> None:
        if module_name not in self._pending:
            return
        self._pending.remove(module_name)
        module = _import_command_module(module_name)
        if module is not None:
            for command in _commands_of(module, module_name):
                if command.name is not None:
                    self._commands[command.name] = command

    def _load_all(self) -> None:
        for module_name in list(self._pending):
            self._load(module_name)

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._commands:
            home = self._homes.get(name)
            if home is not None:
                self._load(home)
            if name not in self._commands:
                self._load_all()
        return self._commands[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._commands[name] = command

    def __delitem__(self, name: str) -> None:
        self._load_all()
        del self._commands[name]

    def __iter__(self) -> Iterator[str]:
        self._load_all()
        return iter(dict(self._commands))

    def __len__(self) -> int:
        self._load_all()
        return len(self._commands)


main.commands = LazyCommands(COMMAND_MODULES, COMMAND_HOMES)

__all__ = ["COMMAND_HOMES", "COMMAND_MODULES", "LazyCommands", "main", "register_commands"]
