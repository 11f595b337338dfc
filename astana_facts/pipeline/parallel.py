"""Running one function over many items on every core, with results in the items' order.

Checking a large records folder is CPU-bound Python, one claims file at a time; the files are
independent, so forked worker processes and the calling process take them in parallel, each the
next chunk when it is free (:mod:`~astana_facts.pipeline.workers`). Workers inherit what the
parent has read (source texts, entity ids) and the compiled validators, so nothing but the
results travels, and only from the workers: the calling process is one of the ``jobs``
processes (two processes on two cores, not two workers and a caller competing for them).
Where ``fork`` is not available (Windows, macOS, where forking is unsafe) or the work is small,
everything runs in the calling process, with the same results; so it does in a process that
runs other threads.

``ASTANA_FACTS_JOBS`` sets the number of processes, the calling one included (``1``: never
fork).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from astana_facts.pipeline.gc import frozen_for_fork

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_MIN_BYTES = 4 * 1024 * 1024
"""Below this much input, starting workers costs more than it saves."""
CHUNK_ITEMS = 16
"""Items a process takes at a time."""


def fork_available() -> bool:
    """Whether worker processes can be forked safely here and now: on Linux and other non-macOS
    Unix, from a process running one thread (a fork copies locks that other threads may hold,
    and the child could wait on them for ever)."""
    import multiprocessing  # (imported here: a small check never starts a worker)

    return (
        sys.platform != "darwin"
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def job_count(input_bytes: int) -> int:
    """How many processes to use for ``input_bytes`` of input: ``ASTANA_FACTS_JOBS`` when set,
    else one per usable core (:func:`usable_cores`, at most 8) for large input where forking
    is available, else one."""
    setting = os.environ.get("ASTANA_FACTS_JOBS", "").strip()
    if setting:
        try:
            wanted = int(setting)
        except ValueError:
            wanted = 1
        return max(1, wanted) if fork_available() else 1
    if input_bytes < PARALLEL_MIN_BYTES or not fork_available():
        return 1
    return max(1, min(usable_cores(), 8))


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, which honours ``taskset`` and
    container CPU sets), not the cores that are idle right now.

    The trade-off, measured (benchmarks/README.md): on a machine whose other work keeps a core
    busy, one process beats two, and ``ASTANA_FACTS_JOBS=1`` says so; the load average would
    guess it, but lags by a minute and would make repeated runs of a check slow themselves down.
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    jobs: int,
    *,
    chunk: int = CHUNK_ITEMS,
) -> Iterator[Result]:
    """``function`` applied to each item, in order; in ``jobs`` processes when more than one:
    ``jobs - 1`` forked workers and this one, each taking the next ``chunk`` items whenever it
    is free (:class:`~astana_facts.pipeline.workers.Crew`). An exception is raised here at its
    item's place in the order, as it would be without workers; a worker that dies raises
    :class:`concurrent.futures.process.BrokenProcessPool`."""
    items = list(items)
    if jobs <= 1 or len(items) <= chunk:
        yield from map(function, items)
        return
    from astana_facts.pipeline.workers import Crew

    chunks = [items[start : start + chunk] for start in range(0, len(items), max(1, chunk))]
    try:
        crew = Crew(function, chunks, jobs - 1)
    except (OSError, ImportError):  # no shared memory or semaphores here (some containers)
        yield from map(function, items)
        return
    with frozen_for_fork():
        yield from crew.outcomes()
