"""File-system helpers every writer shares: same-file checks and the permissions of replacement files."""

from __future__ import annotations

import os


def same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file (following links), without raising."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def mode_for(target: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 minus umask)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
