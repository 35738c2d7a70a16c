"""The dialect registry: which input layouts exist, and which one a text is in.

Each dialect is one module with ``NAME``, ``DESCRIPTION``, ``sniff(text)`` (a
score from 0 to 1) and ``parse(text, ctx)``; its sniffer lives in
:mod:`.sniffers`, apart from the parser, so that choosing a dialect imports
no parser but the chosen one. Adding a dialect means adding a module, its
sniffer, and one line to :data:`DIALECT_MODULES`.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from types import ModuleType

from ..errors import UnknownDialectError
from ..rules.dialects import EXTENSION_HINTS, SNIFF_HEAD_CHARS
from .sniffers import SNIFFERS

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
#: The highest score a dialect's ``sniff`` returns.
SNIFF_MAX = 1.0
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
    """The dialect that scores best on ``text``; a file-name extension strengthens a dialect that sniffed something.

    Only the winner's module is imported. Dialects the extension hints at are
    sniffed first, and a dialect that could not beat the best score so far even
    with a perfect sniff is not consulted: a ``.html`` page that looks like one
    ends the search at once. Ties still go to the dialect listed first.
    """
    head = text[:SNIFF_HEAD_CHARS]
    scores: dict[str, float] = {}
    top = -1.0  # the best score so far
    for name, hint in _sniff_order(os.path.splitext(source or "")[1].lower()):
        if SNIFF_MAX + hint < top:
            continue
        score = SNIFFERS[name](head)
        if score > 0:
            score += hint
        scores[name] = score
        top = max(top, score)
    best, best_score = FALLBACK, SNIFFERS[FALLBACK](head)
    for name in DIALECT_MODULES:
        score = scores.get(name, 0.0)
        if name != FALLBACK and score > best_score:
            best, best_score = name, score
    return get(best)


@lru_cache(maxsize=256)
def _sniff_order(ext: str) -> tuple[tuple[str, float], ...]:
    """``(dialect, extension hint)`` in sniffing order for files ending in ``ext``: hinted dialects first."""
    names = [name for name in DIALECT_MODULES if name != FALLBACK]
    hinted = [name for name in names if (name, ext) in EXTENSION_HINTS]
    return tuple((name, EXTENSION_HINTS.get((name, ext), 0.0)) for name in hinted + [n for n in names if n not in hinted])
