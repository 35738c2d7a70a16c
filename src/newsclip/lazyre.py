"""Regexes compiled on first use.

Some patterns are alternations of hundreds of words in many languages and take
milliseconds to compile, which a one-file run pays at start-up even when its
input never needs them. :func:`lazy_compile` defers that cost to the first
search; afterwards the pattern's methods are looked up as fast as on a
compiled pattern.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from collections.abc import Callable
    from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` and compiles it when a method is first asked for.

    ``pattern`` may be a function that returns the source, for sources that are
    themselves costly to build (alternations made from long word lists).
    """

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for names not set on the instance: compile once, then keep the bound methods.
        if name.startswith("_"):  # dunder probes (copy, pickle) and a half-built instance's own fields
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            source = self._source if isinstance(self._source, str) else self._source()
            compiled = self._compiled = re.compile(source, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
            self.pattern = compiled.pattern
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"<lazy pattern {self._source if isinstance(self._source, str) else '(built on use)'!r:.60}>"


def lazy_compile(pattern: str | Callable[[], str], flags: int = 0) -> LazyPattern:
    """A pattern that behaves like ``re.compile(pattern, flags)`` but is built and compiled when first used."""
    return LazyPattern(pattern, flags)
