"""Which files a batch reads, in a stable order, each once: folders, globs, lists, filters, links.

The walk is sorted by name, depth first, so every run sees the same inputs in
the same order (the output order and ``--resume`` rely on it). Symbolic links
are followed, but a folder reached twice (a loop, or two links to one folder)
is walked once, and a file reached twice (by its real path) is read once.

Memory stays flat however many files there are: the walk is lazy, and only
the folders walked and the targets of file links are remembered. To know
which real paths can be reached twice, :meth:`Walk.scan` makes a first cheap
pass (it also counts the files for the progress bar); :meth:`Walk.__iter__`
then yields the inputs.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

#: Characters that make an argument a shell-style pattern we expand ourselves.
_GLOB_MAGIC = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class WalkError:
    """An input that cannot be read as a file: reported as a failure in its place in the order."""

    path: str
    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class WalkOptions:
    """How inputs are found: recursion, hidden names, include/exclude patterns, paths to leave out."""

    recursive: bool = True
    hidden: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: Real paths never taken as input (our own output, partial, manifest and error files).
    skip: frozenset[str] = frozenset()


@dataclass(slots=True)
class ScanResult:
    """What the first pass learns: how many inputs, and which real paths may be reached twice."""

    total: int = 0
    shared: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Found:
    """One candidate: the path as reached, its real path, whether it may be reached twice."""

    path: str
    real: str
    shared: bool


def expand_arguments(arguments: Iterable[str], *, hidden: bool = False) -> Iterator[str | WalkError]:
    """Input arguments as paths: a pattern that names no existing path is expanded, in walk order."""
    for argument in arguments:
        if os.path.lexists(argument) or not _GLOB_MAGIC.intersection(argument):
            yield argument
            continue
        # Sorted part by part, as the walk orders names: "sub/z" before "sub-2/x".
        matches = sorted(glob.glob(argument, recursive=True, include_hidden=hidden), key=_parts)
        if not matches:
            yield WalkError(argument, "missing", "no file matches this pattern")
        yield from matches


def _parts(path: str) -> list[str]:
    return path.split(os.sep)


def read_path_list(lines: Iterable[str]) -> list[str]:
    """Paths from a list file (one per line; blank lines ignored, line ends stripped)."""
    paths = []
    for line in lines:
        path = line.rstrip("\r\n")
        if path.strip():
            paths.append(path)
    return paths


def matches(patterns: Sequence[str], rel: str) -> bool:
    """Whether ``rel`` (a ``/``-separated path relative to its input) matches any pattern.

    A pattern without ``/`` is matched against the name alone (``*.txt``); one
    with ``/`` against the whole relative path (``2024/*/*.html``), where a
    leading ``**/`` may also match nothing.
    """
    name = rel.rpartition("/")[2]
    for pattern in patterns:
        if "/" not in pattern:
            if fnmatch.fnmatchcase(name, pattern):
                return True
            continue
        pattern = pattern.lstrip("/")
        if fnmatch.fnmatchcase(rel, pattern):
            return True
        if pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:]):
            return True
    return False


class Walk:
    """The inputs named by ``arguments`` (already glob-expanded), filtered by ``options``."""

    def __init__(self, arguments: Sequence[str | WalkError], options: WalkOptions = WalkOptions()) -> None:
        self.arguments = arguments
        self.options = options
        self._shared: set[str] | None = None

    def scan(self) -> ScanResult:
        """First pass: count the inputs and note the real paths that more than one path reaches."""
        result = ScanResult()
        for found in self._candidates():
            result.total += 1
            if isinstance(found, _Found) and found.shared:
                result.shared.add(found.real)
        self._shared = result.shared
        return result

    def __iter__(self) -> Iterator[str | WalkError]:
        """The inputs, each once, in order: a path to read, or a :class:`WalkError` to report."""
        shared = self._shared if self._shared is not None else self.scan().shared
        seen: set[str] = set()
        for found in self._candidates():
            if isinstance(found, WalkError):
                yield found
                continue
            if found.real in shared:
                if found.real in seen:
                    continue
                seen.add(found.real)
            yield found.path

    def would_read(self, path: str) -> bool:
        """Whether a file at ``path`` (existing or not) would be taken as an input by this walk."""
        return any(self._covers(arg, path, as_file=True) for arg in self._folder_arguments())

    def would_enter(self, folder: str) -> bool:
        """Whether files written into ``folder`` could be walked (the folder is inside an input folder)."""
        return any(self._covers(arg, folder, as_file=False) for arg in self._folder_arguments())

    # -- the walk itself -------------------------------------------------------------------

    def _candidates(self) -> Iterator[_Found | WalkError]:
        visited: set[str] = set()
        for argument in self.arguments:
            if isinstance(argument, WalkError):
                yield argument
            elif os.path.isdir(argument):
                yield from self._walk_folder(argument, visited)
            else:
                yield from self._argument_file(argument)

    def _argument_file(self, path: str) -> Iterator[_Found | WalkError]:
        """A file named on the command line: always taken (even if hidden), unless filtered out."""
        name = os.path.basename(path)
        if not self._wanted_file(name):
            return
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            yield _os_error(path, exc)
            return
        if not stat.S_ISREG(mode):
            yield WalkError(path, "input", "is not a regular file")
            return
        real = os.path.realpath(path)
        if real not in self.options.skip:
            yield _Found(path, real, True)

    def _walk_folder(self, root: str, visited: set[str]) -> Iterator[_Found | WalkError]:
        root_real = os.path.realpath(root)
        if root_real in visited or root_real in self.options.skip:
            return
        visited.add(root_real)
        prefix = "" if os.path.normpath(root) == "." else root.rstrip(os.sep) + os.sep
        # Each stack frame: (real path of the folder, its path relative to root, iterator over its entries).
        stack = [(root_real, "", iter(_sorted_entries(root)))]
        while stack:
            folder_real, rel_dir, entries = stack[-1]
            entry = next(entries, None)
            if entry is None:
                stack.pop()
                continue
            if isinstance(entry, OSError):
                yield _os_error(prefix + rel_dir.rstrip("/") if rel_dir else root, entry)
                continue
            name, kind = entry
            if not self.options.hidden and name.startswith("."):
                continue
            rel = rel_dir + name
            path = prefix + rel.replace("/", os.sep)
            if kind == _LINK:
                kind, real = _follow(path)
            else:
                real = folder_real + os.sep + name
            if kind == _DIR:
                if self.options.recursive and not matches(self.options.exclude, rel) and real not in visited:
                    if real not in self.options.skip:
                        visited.add(real)
                        stack.append((real, rel + "/", iter(_sorted_entries(path))))
            elif self._wanted_file(rel):
                yield from self._folder_file(path, real, kind, entry[1] == _LINK)

    def _folder_file(self, path: str, real: str, kind: str, via_link: bool) -> Iterator[_Found | WalkError]:
        if kind == _FILE:
            if real not in self.options.skip:
                yield _Found(path, real, via_link)
        elif kind == _BROKEN:
            yield WalkError(path, "input", "is a broken symbolic link")
        else:
            yield WalkError(path, "input", "is not a regular file")

    def _wanted_file(self, rel: str) -> bool:
        include, exclude = self.options.include, self.options.exclude
        return (not include or matches(include, rel)) and not matches(exclude, rel)

    # -- would a path be walked? ----------------------------------------------------------

    def _folder_arguments(self) -> Iterator[str]:
        for argument in self.arguments:
            if isinstance(argument, str) and os.path.isdir(argument):
                yield argument

    def _covers(self, root: str, path: str, *, as_file: bool) -> bool:
        root_real = os.path.realpath(root)
        target = _real_parent(path) if as_file else os.path.realpath(path)
        if target != root_real and not target.startswith(root_real.rstrip(os.sep) + os.sep):
            return False
        rel = os.path.relpath(target, root_real).replace(os.sep, "/")
        parts = [] if rel == "." else rel.split("/")
        if parts and not self.options.recursive:
            return False
        for depth in range(1, len(parts) + 1):
            if not self.options.hidden and parts[depth - 1].startswith("."):
                return False
            if matches(self.options.exclude, "/".join(parts[:depth])):
                return False
        if not as_file:
            return True
        rel_file = "/".join([*parts, os.path.basename(path)])
        hidden = os.path.basename(path).startswith(".") and not self.options.hidden
        return not hidden and self._wanted_file(rel_file)


_FILE, _DIR, _LINK, _BROKEN, _OTHER = "file", "dir", "link", "broken", "other"


def _sorted_entries(folder: str) -> list[tuple[str, str]] | list[OSError]:
    """A folder's entries as (name, kind), sorted by name; [error] if it cannot be listed."""
    try:
        with os.scandir(folder) as scan:
            entries = [(e.name, _kind_of(e)) for e in scan]
    except OSError as exc:
        return [exc]
    entries.sort()
    return entries


def _kind_of(entry: os.DirEntry[str]) -> str:
    try:
        if entry.is_symlink():
            return _LINK
        if entry.is_dir(follow_symlinks=False):
            return _DIR
        if entry.is_file(follow_symlinks=False):
            return _FILE
    except OSError:
        return _BROKEN
    return _OTHER


def _follow(path: str) -> tuple[str, str]:
    """What a symbolic link leads to: (kind, real path)."""
    real = os.path.realpath(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return _BROKEN, real
    if stat.S_ISDIR(mode):
        return _DIR, real
    return (_FILE if stat.S_ISREG(mode) else _OTHER), real


def _real_parent(path: str) -> str:
    return os.path.realpath(os.path.dirname(os.path.abspath(path)) or ".")


def _os_error(path: str, exc: OSError) -> WalkError:
    reason = exc.strerror or type(exc).__name__
    kind = "missing" if isinstance(exc, FileNotFoundError) else "input"
    return WalkError(path, kind, reason[0].lower() + reason[1:])
