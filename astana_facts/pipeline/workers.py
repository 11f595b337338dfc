"""Forked workers and the calling process sharing one map's chunks, results in order.

Each process, the caller included, takes the next chunk from one shared counter whenever it is
free, so the cores stay busy to the last chunk (a pool that hands chunks out ahead would leave
the caller idle while a worker finishes what it was given). The caller's own chunks cost no
pickling and no third process competing for the cores; the workers' results travel back
pickled, through a queue whose feeder thread lets a worker go on with its next chunk while the
caller is busy. The caller yields the results in the chunks' order as soon as each is there, so
at most a few chunks wait in memory.

An exception in a chunk is raised by the caller at its item's place in the order (as it would
be without workers), and no process starts a new chunk after one; a worker that dies (killed,
out of memory) raises :class:`~concurrent.futures.process.BrokenProcessPool` instead of
leaving the caller waiting for ever.
"""

from __future__ import annotations

import pickle
import queue
import signal
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import Any

Outcome = tuple[list[Any], "Exception | None"]
"""A chunk's results, and the exception that cut it short (None when it ran to the end)."""

_POLL_SECONDS = 0.2
"""How long the caller waits for a worker's result before it checks the workers are alive."""


class Crew:
    """``workers`` forked processes and the caller, mapping ``function`` over ``chunks``."""

    def __init__(self, function: Callable[[Any], Any], chunks: list[list[Any]], workers: int):
        import multiprocessing  # (imported here: a small check never starts a worker)

        context = multiprocessing.get_context("fork")
        self.function = function
        self.chunks = chunks
        self.counter = context.Value("q", 0)
        """The index of the next chunk nobody has taken (shared by every process)."""
        self.results: Any = context.Queue()
        self.processes = [context.Process(target=self._work, daemon=True) for _ in range(workers)]

    def outcomes(self) -> Iterator[Any]:
        """Every result, in the chunks' order (the workers are started here and stopped when
        the iteration ends, however it ends)."""
        try:
            self._start()
            yield from self._in_order()
        finally:
            self._stop()

    def _start(self) -> None:
        """Start the workers; those the system will not fork (a limit on processes, no memory
        left) are done without: the caller takes their chunks."""
        for position, process in enumerate(self.processes):
            try:
                process.start()
            except OSError:
                del self.processes[position:]
                return

    def _in_order(self) -> Iterator[Any]:
        """The outcomes' results in the chunks' order, each as soon as the chunks before it are
        yielded: the caller runs the next free chunk, else waits for the workers."""
        done: dict[int, Outcome] = {}
        following = 0
        while following < len(self.chunks):
            index = self._take()
            if index is not None:
                done[index] = self._run(index)
            elif following not in done:
                self._wait(done, following)
            self._collect(done)
            while following in done:
                results, error = done.pop(following)
                yield from results
                if error is not None:
                    raise error
                following += 1

    def _take(self) -> int | None:
        """The next chunk nobody has taken, now taken; None when none is left."""
        with self.counter.get_lock():
            index = int(self.counter.value)
            if index >= len(self.chunks):
                return None
            self.counter.value = index + 1
        return index

    def _run(self, index: int) -> Outcome:
        """One chunk's results; after an exception, no process takes another chunk."""
        results: list[Any] = []
        try:
            for item in self.chunks[index]:
                results.append(self.function(item))
        except Exception as error:
            with self.counter.get_lock():
                self.counter.value = len(self.chunks)
            return results, error
        return results, None

    def _work(self) -> None:
        """A worker's life: chunks taken and their outcomes sent until none is left. Ctrl-C
        reaches the whole process group: the caller answers it (and stops the workers), so a
        worker ignores it rather than print a traceback of its own."""
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        while (index := self._take()) is not None:
            self.results.put((index, _packed(self._run(index))))

    def _collect(self, done: dict[int, Outcome]) -> None:
        """Every outcome the workers have sent so far, into ``done``."""
        while True:
            try:
                index, packed = self.results.get_nowait()
            except queue.Empty:
                return
            done[index] = pickle.loads(packed)

    def _wait(self, done: dict[int, Outcome], wanted: int) -> None:
        """Wait until the workers have sent the outcome of chunk ``wanted`` (the caller has
        nothing left to take); raise when no worker can send it any more: one died, or all
        ended without it."""
        while wanted not in done:
            try:
                index, packed = self.results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if any(process.exitcode for process in self.processes):
                    raise BrokenProcessPool("a worker process ended abruptly") from None
                if all(process.exitcode is not None for process in self.processes):
                    self._collect(done)  # (what the last of them sent as it ended)
                    if wanted not in done:
                        raise BrokenProcessPool("a worker's results were lost") from None
                continue
            done[index] = pickle.loads(packed)

    def _stop(self) -> None:
        """End the workers (at once when the iteration was cut short: they have nothing left to
        send once it is over) and free the queue."""
        for process in self.processes:
            if process.is_alive():
                process.terminate()
            process.join()
        self.results.close()
        self.results.join_thread()


def _packed(outcome: Outcome) -> bytes:
    """A worker's outcome pickled here, where a failure can be caught: one that cannot be
    pickled becomes the error that says so, raised by the caller at its chunk's place (the
    queue's feeder thread would print a traceback and lose it)."""
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:
        problem = RuntimeError(f"a worker's result could not be sent back: {error}")
        return pickle.dumps(([], problem), protocol=pickle.HIGHEST_PROTOCOL)
