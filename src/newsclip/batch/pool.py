"""An ordered, chunked, bounded parallel map over worker processes.

Items are sent to workers in chunks (a few dozen files per round trip keeps
the per-file overhead small); at most ``in_flight`` chunks are out at once, so
however many items there are, memory stays flat; results come back in input
order. ``jobs=1`` runs in this process without a pool.

A worker that dies (killed, out of memory, a crash in a C extension) breaks
the pool: the pool is restarted, the chunk it was working on is re-run one
item at a time to find the culprit, and only that item is reported as failed.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # imported when a pool starts: other commands need not pay for multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

#: How often a worker checks that the process that started it is still alive (seconds).
_PARENT_CHECK_INTERVAL = 0.5


def default_jobs() -> int:
    """How many worker processes to use: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily."""
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield chunk


def ordered_map(
    func: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    jobs: int,
    chunksize: int = 32,
    in_flight: int | None = None,
    on_crash: Callable[[T], R],
    start_method: str | None = None,
) -> Iterator[R]:
    """``func`` over chunks of ``items`` in ``jobs`` processes; one result per item, in order.

    ``func`` must be picklable (a module-level function or a ``functools.partial``
    of one) and must not raise for a bad item. ``on_crash(item)`` stands in
    for the result of an item whose worker died.
    """
    if jobs <= 1:
        for chunk in chunks(items, chunksize):
            yield from func(chunk)
        return
    limit = max(2, in_flight if in_flight is not None else jobs * 3)
    runner = _Runner(func, jobs, on_crash, start_method)
    try:
        for chunk in chunks(items, chunksize):
            runner.submit(chunk)
            while len(runner.pending) >= limit:
                yield from runner.take()
        while runner.pending:
            yield from runner.take()
    finally:
        runner.close()


class _Runner(Generic[T, R]):
    """The pool and its chunks in flight, with the restart-and-isolate logic for dead workers."""

    def __init__(self, func: Callable[[list[T]], list[R]], jobs: int, on_crash: Callable[[T], R],
                 start_method: str | None) -> None:
        from concurrent.futures.process import BrokenProcessPool

        self.broken = BrokenProcessPool
        self.func = func
        self.jobs = jobs
        self.on_crash = on_crash
        self.start_method = start_method
        self.pending: deque[tuple[list[T], Future[list[R]]]] = deque()
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context(self.start_method)
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_worker_setup)

    def submit(self, chunk: list[T]) -> None:
        self.pending.append((chunk, self._future(chunk)))

    def _future(self, chunk: list[T]) -> Future[list[R]]:
        """The chunk's future; a pool found broken at submission gives an already failed one."""
        try:
            return self.executor.submit(self.func, chunk)
        except self.broken as exc:
            from concurrent.futures import Future

            failed: Future[list[R]] = Future()
            failed.set_exception(exc)
            return failed

    def take(self) -> list[R]:
        """The results of the oldest chunk, waiting for them if need be."""
        chunk, future = self.pending.popleft()
        try:
            return future.result()
        except self.broken:
            self._restart()
            results = self._isolate(chunk)
            waiting = [c for c, _ in self.pending]
            self.pending.clear()
            for again in waiting:
                self.submit(again)
            return results

    def _isolate(self, chunk: list[T]) -> list[R]:
        """Run a chunk one item at a time; an item that kills its worker gets ``on_crash``."""
        results: list[R] = []
        for item in chunk:
            try:
                results.extend(self._future([item]).result())
            except self.broken:
                self._restart()
                results.append(self.on_crash(item))
        return results

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        """Stop the workers; chunks not yet started are dropped."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.pending.clear()


def _worker_setup() -> None:
    """In each worker: leave Ctrl-C to the main process, and exit if the process that started it dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watcher = threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True)
    watcher.start()


def _watch_parent(parent: int) -> None:
    """Exit when the parent is gone (the main process killed with SIGKILL, say), so no orphan lingers.

    The parent is the main process (fork, spawn) or a fork server that exits with it.
    """
    while True:
        time.sleep(_PARENT_CHECK_INTERVAL)
        if os.getppid() != parent:
            os._exit(1)
