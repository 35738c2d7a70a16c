"""What a Dask worker runs: read a partition's files (local or fsspec) and parse each with ``parse_bytes``.

A bad file is a failed :class:`FileResult` with the same ``kind`` and
message the local engine gives it; nothing a file holds can fail the task.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from ..errors import MissingDependencyError, NewsclipError, TooLargeError
from ..settings import DEFAULT_SETTINGS, Settings
from .inputs import FileItem, is_remote

DASK_HINT = "pip install 'newsclip[dask]'"


class FileResult(NamedTuple):
    """What a worker made of one input: its records, or why it failed."""

    path: str
    size: int | None
    records: list[dict[str, Any]]
    kind: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.kind is None

    def error(self) -> dict[str, Any]:
        """The failure as an ``--errors`` line gives it."""
        return {"path": self.path, "kind": self.kind, "message": self.message}


def require_dask(purpose: str = "the Dask engine", modules: Sequence[str] = ("dask.bag", "distributed")) -> None:
    """Import the Dask modules ``purpose`` needs, or raise one line naming every package to install."""
    import importlib

    missing: list[str] = []
    for name in modules:
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):  # "dask" itself too: a loaded "dask.bag" hides a missing "dask"
            try:
                importlib.import_module(".".join(parts[:depth]))
            except ImportError:
                if parts[0] not in missing:
                    missing.append(parts[0])
                break
    if missing:
        names = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
        raise MissingDependencyError(f"{purpose} needs {names}: {DASK_HINT}")


def parse_partition(items: Sequence[FileItem], settings: Settings | None = None,
                    storage_options: Mapping[str, Any] | None = None, explain: bool = False) -> list[FileResult]:
    """Read and parse a group of inputs (what a worker runs); a bad file is a failed result, never an error."""
    settings = settings or DEFAULT_SETTINGS
    return [parse_item(item, settings, storage_options or {}, explain) for item in items]


def parse_item(item: FileItem, settings: Settings, storage_options: Mapping[str, Any],
               explain: bool = False) -> FileResult:
    """Read one input and parse it with :func:`newsclip.parse_bytes`, naming it ``item.path`` in its records."""
    from ..api import parse_bytes
    from ..batch.job import describe

    if item.kind is not None:
        return FileResult(item.path, item.size, [], item.kind, item.message)
    try:
        data = _read(item, settings, storage_options)
        articles = parse_bytes(data, source=item.path, settings=settings)
    except NewsclipError as exc:
        return FileResult(item.path, item.size, [], exc.kind, describe(exc))
    except OSError as exc:
        kind = "missing" if isinstance(exc, FileNotFoundError) else "input"
        return FileResult(item.path, item.size, [], kind, describe(exc))
    except Exception as exc:  # a parser bug must cost one file, not the job
        return FileResult(item.path, item.size, [], "crash", describe(exc))
    return FileResult(item.path, item.size, [article.to_dict(explain=explain) for article in articles])


def _read(item: FileItem, settings: Settings, storage_options: Mapping[str, Any]) -> bytes:
    """At most ``max_bytes + 1`` bytes of the input; an input known to be too large is refused unread."""
    from ..reading import _human

    if item.size is not None and item.size > settings.max_bytes:
        raise TooLargeError(f"{_human(item.size)} is over the {_human(settings.max_bytes)} limit (--max-size)")
    if is_remote(item.url):
        import fsspec

        with fsspec.open(item.url, "rb", **storage_options) as handle:
            return handle.read(settings.max_bytes + 1)
    with open(item.url, "rb") as handle:
        return handle.read(settings.max_bytes + 1)


def records_of(results: Iterable[FileResult]) -> list[dict[str, Any]]:
    """The records of a partition's results, in input order (a partition of the ``records`` bag)."""
    return [record for result in results for record in result.records]


def errors_of(results: Iterable[FileResult]) -> list[dict[str, Any]]:
    """The failures of a partition's results, in input order (a partition of the ``errors`` bag)."""
    return [result.error() for result in results if not result.ok]
