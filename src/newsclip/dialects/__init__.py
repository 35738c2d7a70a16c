"""The dialect registry: which input layouts exist, and which one a text is in.

Each dialect is one module with ``NAME``, ``DESCRIPTION``, ``sniff(text)`` and
``parse(text, ctx)``; adding a dialect means adding a module and one line to
:data:`DIALECT_MODULES`. Modules are imported on first use so that a plain
text parse does not pay for the others' imports.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

from ..errors import UnknownDialectError
from ..rules.dialects import EXTENSION_HINTS, SNIFF_HEAD_CHARS

#: Dialect modules in tie-break order (earlier wins an equal score); ``plain`` is the fallback.
DIALECT_MODULES: tuple[str, ...] = (
    "reader",
    "frontmatter",
    "nexis",
    "factiva",
    "email",
    "html",
    "plain",
)

FALLBACK = "plain"
_loaded: dict[str, ModuleType] = {}


def get(name: str) -> ModuleType:
    """The dialect module called ``name``; :class:`UnknownDialectError` if there is none."""
    if name not in DIALECT_MODULES:
        raise UnknownDialectError(
            f"unknown dialect {name!r} (choose from {', '.join(available())})"
        )
    module = _loaded.get(name)
    if module is None:
        module = importlib.import_module(f"{__name__}.{name}")
        _loaded[name] = module
    return module


def available() -> list[str]:
    """Names of the dialects whose module is present, in registry order."""
    names = []
    for name in DIALECT_MODULES:
        try:
            get(name)
        except ImportError:
            continue
        names.append(name)
    return names


def detect(text: str, source: str | None = None) -> ModuleType:
    """The dialect that scores best on ``text``; a file-name extension strengthens a dialect that sniffed something."""
    head = text[:SNIFF_HEAD_CHARS]
    ext = os.path.splitext(source or "")[1].lower()
    best, best_score = get(FALLBACK), 0.0
    for name in available():
        if name == FALLBACK:
            continue
        module = get(name)
        score = module.sniff(head)
        if score > 0:
            score += EXTENSION_HINTS.get((name, ext), 0.0)
        if score > best_score:
            best, best_score = module, score
    return best if best_score >= get(FALLBACK).sniff(head) else get(FALLBACK)
