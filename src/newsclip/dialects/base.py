"""What every dialect module shares: the parse context and the article draft.

A dialect module exposes ``NAME``, ``DESCRIPTION`` (one line: how it is
recognised), ``sniff(text) -> float`` in [0, 1] and
``parse(text, ctx) -> list[Draft]``. Dialects hand raw-ish values to the
shared normalisers in :mod:`newsclip.fields`; :mod:`newsclip.assemble` turns
each draft into an immutable :class:`~newsclip.model.Article`.
"""

from __future__ import annotations

from collections import namedtuple

from ..model import LIST_FIELDS, Provenance
from ..settings import DEFAULT_SETTINGS

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from typing import Any


class Context(namedtuple("Context", ("settings", "source"), defaults=(DEFAULT_SETTINGS, None))):
    """Everything a dialect may need besides the text itself: the :class:`Settings`, and the ``source``
    (the input path, ``-`` for stdin, or ``None`` for text given directly). A named tuple: immutable,
    and the cheapest such class."""

    __slots__ = ()


class Draft:
    """A mutable article under construction.

    Values are set once: the first rule to set a field wins unless
    ``overwrite`` is given, so dialects list their rules best first.
    ``line_offset`` is added to every provenance line range when the draft is
    assembled, so a dialect that parses one article of a multi-article file
    can record lines relative to that article.

    A plain slotted class: one is made per article, and it needs none of a
    dataclass's generated methods.
    """

    __slots__ = ("values", "provenance", "warnings", "line_offset")

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.provenance: dict[str, Provenance] = {}
        self.warnings: list[str] = []
        self.line_offset = 0

    def __repr__(self) -> str:
        return f"Draft(values={self.values!r}, warnings={self.warnings!r}, line_offset={self.line_offset!r})"

    def set(
        self,
        name: str,
        value: Any,
        *,
        rule: str,
        lines: tuple[int, int] | None = None,
        confidence: float = 0.8,
        overwrite: bool = False,
    ) -> bool:
        """Set ``name`` unless it is already set or ``value`` is empty; say whether it was set."""
        if value is None or value == "" or (name in LIST_FIELDS and not value):
            return False
        if name in self.values and not overwrite:
            return False
        if name in LIST_FIELDS:
            value = tuple(value)
        self.values[name] = value
        self.provenance[name] = Provenance(lines, rule, confidence)
        return True

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def has(self, name: str) -> bool:
        return name in self.values

    def warn(self, message: str) -> None:
        """Record something the parser was unsure of or repaired (once per message)."""
        if message not in self.warnings:
            self.warnings.append(message)
