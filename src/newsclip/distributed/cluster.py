"""Clusters and futures: a client on a scheduler or a local cluster, and results streamed back in order.

At most a window of partitions is in flight, so neither the cluster nor the
client ever holds more than a few partitions' results; a partition whose
worker died becomes a failure for each of its files.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..errors import NewsclipError
from ..settings import Settings
from .inputs import FileItem
from .work import FileResult, parse_partition, require_dask

if TYPE_CHECKING:
    from distributed import Client

#: What a record's ``kind`` is when the worker running its partition died.
CRASH_MESSAGE = "the Dask worker died while converting it"
#: How often to try the handshake with a scheduler before giving up.
_CONNECT_TRIES = 3


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int | None = None) -> Iterator[Client]:
    """A client on ``scheduler`` (an address, or a scheduler file), else on a local cluster of processes.

    The local cluster has ``workers`` processes (default: one per CPU) of one
    thread each, since parsing holds the GIL.
    """
    require_dask()
    if scheduler:
        client = _connect(scheduler)
        try:
            _check_workers(client, scheduler)
            yield client
        finally:
            client.close()
        return
    import logging

    from distributed import Client, LocalCluster

    count = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=_dashboard(),
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _connect(scheduler: str) -> Client:
    """A client of the scheduler at ``scheduler`` (an address or a scheduler file).

    The handshake is tried a few times: under load distributed's client can
    trip over a message that arrives before the one it expects (an
    ``AssertionError`` in its connect code), which a second try does not meet.
    """
    from distributed import Client

    problem: Exception | None = None
    for _ in range(_CONNECT_TRIES):
        try:
            if os.path.isfile(scheduler):
                return Client(scheduler_file=scheduler)
            return Client(scheduler)
        except AssertionError as exc:  # the handshake race; try again
            problem = exc
        except Exception as exc:  # refused, timed out, or a scheduler file that names no scheduler
            problem = exc
            break
    detail = " ".join(str(problem).split()) or type(problem).__name__
    raise NewsclipError(f"cannot reach the Dask scheduler at {scheduler} ({detail})") from None


def _check_workers(client: Client, scheduler: str) -> None:
    """Refuse workers that lack newsclip, or run another version (their records would differ)."""
    from .._version import __version__

    try:
        versions = client.run(worker_version)
    except Exception:
        raise NewsclipError(f"the Dask workers at {scheduler} cannot import newsclip: install "
                            f"newsclip {__version__} in their environment") from None
    other = sorted({v for v in versions.values() if v != __version__})
    if other:
        raise NewsclipError(f"the Dask workers at {scheduler} run newsclip {', '.join(other)}, "
                            f"not {__version__}: install the same version everywhere")


def worker_version() -> str:
    """The newsclip version a worker runs."""
    from .._version import __version__

    return __version__


def _dashboard() -> str | None:
    """A dashboard on a free port when bokeh is there to draw it; none otherwise."""
    import importlib.util

    return ":0" if importlib.util.find_spec("bokeh") is not None else None


def stream_results(client: Client, groups: Iterable[list[FileItem]], *, settings: Settings | None = None,
                   storage_options: Mapping[str, Any] | None = None, explain: bool = False,
                   ordered: bool = True, window: int | None = None) -> Iterator[FileResult]:
    """Parse the groups on the cluster and yield each input's result: in input order, or as done.

    At most ``window`` partitions are in flight, so results never pile up on
    the client; a partition whose worker died yields a failed result for
    each of its inputs.
    """
    window = window or max(8, 4 * total_threads(client))
    submit = _submitter(client, iter(groups), settings, dict(storage_options or {}), explain)
    if ordered:
        return _in_order(submit, window)
    return _as_done(client, submit, window)


def total_threads(client: Client) -> int:
    """How many worker threads the cluster has now (0 while an adaptive cluster has no worker yet)."""
    try:
        return sum(client.nthreads().values())
    except Exception:  # a scheduler that does not answer: plan for one thread
        return 1


def _submitter(client: Client, groups: Iterator[list[FileItem]], settings: Settings | None,
               storage_options: dict[str, Any], explain: bool) -> Callable[[], tuple[Any, list[FileItem]] | None]:
    def submit() -> tuple[Any, list[FileItem]] | None:
        group = next(groups, None)
        if group is None:
            return None
        return client.submit(parse_partition, group, settings, storage_options, explain, pure=False), group

    return submit


def _in_order(submit: Callable[[], tuple[Any, list[FileItem]] | None], window: int) -> Iterator[FileResult]:
    pending: deque[tuple[Any, list[FileItem]]] = deque()
    try:
        _fill(pending, submit, window)
        while pending:
            future, group = pending.popleft()
            results = _results(future, group)
            _fill(pending, submit, window)
            yield from results
    finally:
        for future, _group in pending:
            future.cancel()


def _as_done(client: Client, submit: Callable[[], tuple[Any, list[FileItem]] | None],
             window: int) -> Iterator[FileResult]:
    from distributed import as_completed

    running: dict[str, tuple[Any, list[FileItem]]] = {}
    done = as_completed(loop=client.loop)
    try:
        for _ in range(window):
            if not _add(submit, running, done):
                break
        for future in done:
            _future, group = running.pop(future.key)
            results = _results(future, group)
            _add(submit, running, done)
            yield from results
    finally:
        for future, _group in running.values():
            future.cancel()


def _fill(pending: deque[tuple[Any, list[FileItem]]], submit: Callable[[], Any], window: int) -> None:
    while len(pending) < window:
        submitted = submit()
        if submitted is None:
            return
        pending.append(submitted)


def _add(submit: Callable[[], Any], running: dict[str, tuple[Any, list[FileItem]]], done: Any) -> bool:
    submitted = submit()
    if submitted is None:
        return False
    running[submitted[0].key] = submitted
    done.add(submitted[0])
    return True


def _results(future: Any, group: list[FileItem]) -> list[FileResult]:
    try:
        results = future.result()
    except Exception:  # the worker died (KilledWorker) or the task was lost: each input is a failure
        results = [FileResult(item.path, item.size, [], "crash", CRASH_MESSAGE) for item in group]
    future.release()
    return results
