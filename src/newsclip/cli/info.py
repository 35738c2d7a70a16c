"""``newsclip dialects`` and ``newsclip schema``: what newsclip reads, and what it writes."""

from __future__ import annotations

import json
import sys

import click

from .. import dialects as dialect_registry
from .common import color_wanted, data_stdout, is_terminal


@click.command("dialects")
def dialects_command() -> None:
    """List the input dialects and how each is recognised.

    Detection is automatic; --dialect NAME on parse forces one.

    \b
    Example:
      newsclip dialects
    """
    rows = [(name, _description(name)) for name in dialect_registry.available()]
    if is_terminal(sys.stdout):
        _print_table(rows)
        return
    width = max((len(name) for name, _ in rows), default=0)
    for name, description in rows:
        click.echo(f"{name.ljust(width)}  {description}".rstrip())


@click.command("schema")
def schema_command() -> None:
    """Print the record's JSON Schema (draft 2020-12).

    \b
    Example:
      newsclip schema > newsclip-record.schema.json
    """
    from ..schema import record_schema

    stream = data_stdout()
    stream.write(json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n")
    stream.flush()


def _description(name: str) -> str:
    module = dialect_registry.get(name)
    return " ".join(str(getattr(module, "DESCRIPTION", "")).split())


def _print_table(rows: list[tuple[str, str]]) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..output.pretty import make_console

    console = make_console(sys.stdout, color=color_wanted(sys.stdout))
    table = Table(box=None, header_style="bold")
    table.add_column("dialect", style="cyan", no_wrap=True)
    table.add_column("recognised by")
    for name, description in rows:
        table.add_row(name, Text(description))
    console.print(table)


COMMANDS = (dialects_command, schema_command)
