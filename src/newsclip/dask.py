"""``newsclip.dask``: the Dask integration under the name users reach for first.

Everything lives in :mod:`newsclip.distributed`; this module re-exports it,
so ``from newsclip.dask import read_articles`` and
``newsclip.dask.read_articles(...)`` work. Inside newsclip every import is
absolute or explicitly relative, so this module never hides the real
``dask`` package from newsclip's own code.
"""

from __future__ import annotations

from .distributed import *  # noqa: F403
from .distributed import __all__  # noqa: F401
