"""Which files a Dask run reads, in ``newsclip convert`` order, and how they are cut into partitions.

Local folders, globs and files are walked exactly as ``convert`` walks them
(:mod:`newsclip.batch.walk`: same order, filters, links and hidden names);
arguments with a protocol (``s3://bucket/news/``, ``gs://``, ``file://``,
``simplecache::s3://``) are listed with fsspec and sorted the same way.
Partitions are runs of consecutive inputs, so results can be put back in
input order cheaply.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from typing import Any, NamedTuple

from ..errors import MissingDependencyError

#: Input bytes per partition (files are never split).
DEFAULT_BLOCKSIZE = 16 * 1024 * 1024
#: Most files in one partition: about a second of parsing for one worker.
MAX_FILES_PER_PARTITION = 256
#: When all inputs fit in a few partitions anyway, spread them over at least this many.
MIN_PARTITIONS = 16
_REMOTE_MARKERS = ("://", "::")
_GLOB_MAGIC = frozenset("*?[")


class FileItem(NamedTuple):
    """One input: its name (as records and messages give it), what a worker opens, its size.

    ``kind`` and ``message`` are set when listing already found it unreadable
    (a missing file, a broken link, a pattern that matches nothing).
    """

    path: str
    url: str
    size: int | None
    kind: str | None = None
    message: str | None = None


class InputListing:
    """The files that arguments name, in ``newsclip convert`` order, each as a :class:`FileItem`.

    Local folders, globs and files are walked exactly as ``convert`` walks
    them (same order, same filters, links and hidden names treated alike);
    arguments with a protocol (``s3://bucket/news/``) are listed with fsspec.
    Local walks are lazy, so millions of files do not sit in memory.
    """

    def __init__(self, arguments: Iterable[str], *, listed: Iterable[str] = (), recursive: bool = True,
                 hidden: bool = False, include: Sequence[str] = (), exclude: Sequence[str] = (),
                 skip: Iterable[str] = (), storage_options: Mapping[str, Any] | None = None) -> None:
        from ..batch.walk import WalkOptions

        self.options = WalkOptions(recursive, hidden, tuple(include), tuple(exclude),
                                   frozenset(os.path.realpath(p) for p in skip))
        self.storage_options = dict(storage_options or {})
        self.groups = _group_arguments([*arguments], [*listed], hidden)
        self._remote: dict[int, list[FileItem]] = {}
        self._walks: dict[int, Any] = {}

    def total(self) -> int:
        """How many inputs there are (a cheap first pass over local folders)."""
        count = 0
        for index, (remote, arguments) in enumerate(self.groups):
            count += len(self._remote_items(index, arguments)) if remote else self._walk(index).scan().total
        return count

    def __iter__(self) -> Iterator[FileItem]:
        for index, (remote, arguments) in enumerate(self.groups):
            if remote:
                yield from self._remote_items(index, arguments)
            else:
                yield from _local_items(self._walk(index))

    def walks(self) -> list[Any]:
        """The local walks, to check that an output is not inside an input folder."""
        return [self._walk(index) for index, (remote, _args) in enumerate(self.groups) if not remote]

    def _walk(self, index: int) -> Any:
        if index not in self._walks:
            from ..batch.walk import Walk

            self._walks[index] = Walk(self.groups[index][1], self.options)
        return self._walks[index]

    def _remote_items(self, index: int, arguments: list[Any]) -> list[FileItem]:
        if index not in self._remote:
            items: list[FileItem] = []
            for argument in arguments:
                items += _remote_argument(argument, self.options, self.storage_options)
            self._remote[index] = items
        return self._remote[index]


def is_remote(path: str) -> bool:
    """Whether ``path`` is an fsspec URL (``s3://...``, ``file://...``, ``simplecache::s3://...``)."""
    return any(marker in path for marker in _REMOTE_MARKERS)


def _group_arguments(arguments: list[str], listed: list[str], hidden: bool) -> list[tuple[bool, list[Any]]]:
    """Runs of local and remote arguments, in order; local patterns expanded the way ``convert`` does."""
    from ..batch.walk import expand_arguments

    groups: list[tuple[bool, list[Any]]] = []
    for argument, expand in chain(((a, True) for a in arguments), ((a, False) for a in listed)):
        remote = is_remote(argument)
        values = [argument] if remote or not expand else list(expand_arguments([argument], hidden=hidden))
        if groups and groups[-1][0] == remote:
            groups[-1][1].extend(values)
        else:
            groups.append((remote, values))
    return groups


def _local_items(walk: Any) -> Iterator[FileItem]:
    from ..batch.job import describe
    from ..batch.walk import WalkError

    for found in walk:
        if isinstance(found, WalkError):
            yield FileItem(found.path, found.path, None, found.kind, found.message)
            continue
        try:
            size: int | None = os.stat(found).st_size
        except OSError as exc:
            yield FileItem(found, found, None, "input", describe(exc))
            continue
        yield FileItem(found, os.path.abspath(found), size)


def _remote_argument(argument: str, options: Any, storage_options: Mapping[str, Any]) -> list[FileItem]:
    """The files one fsspec URL names: a file, a folder (walked) or a glob, sorted as the local walk sorts."""
    import fsspec

    from ..batch.job import describe

    try:
        fs, path = fsspec.core.url_to_fs(argument, **storage_options)
        if _GLOB_MAGIC.intersection(path):
            found, root = fs.glob(path, detail=True), _glob_root(path)
            if not found:
                return [FileItem(argument, argument, None, "missing", "no file matches this pattern")]
        elif fs.isdir(path):
            depth = None if options.recursive else 1
            found, root = fs.find(path, maxdepth=depth, withdirs=False, detail=True), path
        else:
            info = fs.info(path)
            return [FileItem(argument, argument, info.get("size"))]
    except FileNotFoundError:
        return [FileItem(argument, argument, None, "missing", "no such file")]
    except ImportError as exc:  # the protocol's package is missing: "Install s3fs to access S3"
        raise MissingDependencyError(f"{argument}: {' '.join(str(exc).split())}") from None
    except (OSError, ValueError) as exc:
        return [FileItem(argument, argument, None, "input", describe(exc) if isinstance(exc, OSError) else str(exc))]
    return _remote_files(fs, found, root, options)


def _remote_files(fs: Any, found: Mapping[str, Mapping[str, Any]], root: str, options: Any) -> list[FileItem]:
    from ..batch.walk import matches

    items = []
    prefix = root.rstrip("/") + "/"
    for path in sorted(found, key=lambda p: p.split("/")):
        info = found[path]
        if info.get("type") != "file":
            continue
        rel = path[len(prefix):] if path.startswith(prefix) else path.rpartition("/")[2]
        if not options.hidden and any(part.startswith(".") for part in rel.split("/")):
            continue
        if (options.include and not matches(options.include, rel)) or matches(options.exclude, rel):
            continue
        url = fs.unstrip_protocol(path)
        items.append(FileItem(url, url, info.get("size")))
    return items


def _glob_root(path: str) -> str:
    """The folder part of a pattern before its first wildcard (what relative paths start from)."""
    parts = path.split("/")
    for index, part in enumerate(parts):
        if _GLOB_MAGIC.intersection(part):
            return "/".join(parts[:index])
    return path.rpartition("/")[0]


def plan_partitions(items: Iterable[FileItem], *, blocksize: int | str = DEFAULT_BLOCKSIZE,
                    max_files: int = MAX_FILES_PER_PARTITION,
                    min_partitions: int = MIN_PARTITIONS) -> Iterator[list[FileItem]]:
    """Consecutive inputs in groups of at most ``max_files`` files and about ``blocksize`` bytes.

    Only ``min_partitions * max_files`` inputs are looked at ahead: when there
    are fewer, they are spread over ``min_partitions`` groups so every worker
    gets some.
    """
    limit = _bytes(blocksize)
    iterator = iter(items)
    head = list(islice(iterator, min_partitions * max_files))
    if len(head) < min_partitions * max_files:
        max_files = max(1, math.ceil(len(head) / max(1, min_partitions)))
    group: list[FileItem] = []
    size = 0
    for item in chain(head, iterator):
        if group and (len(group) >= max_files or size + (item.size or 0) > limit):
            yield group
            group, size = [], 0
        group.append(item)
        size += item.size or 0
    if group:
        yield group


def _bytes(value: int | str) -> int:
    if isinstance(value, int):
        return max(1, value)
    from dask.utils import parse_bytes

    return max(1, int(parse_bytes(value)))
