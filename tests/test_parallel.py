"""Checking in worker processes gives exactly what checking in one process gives."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import shutil
import signal
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from astana_facts.pipeline import parallel
from astana_facts.pipeline.run import run
from astana_facts.resources import bundled

needs_fork = pytest.mark.skipif(not parallel.fork_available(), reason="no safe fork here")


def _square(number: int) -> int:
    if number < 0:
        raise ValueError(f"negative: {number}")
    return number * number


@needs_fork
def test_results_come_back_in_the_order_of_the_items() -> None:
    items = list(range(50))
    assert list(parallel.ordered_map(_square, items, 2)) == [n * n for n in items]


@needs_fork
def test_an_error_in_a_worker_is_raised_in_the_caller() -> None:
    with pytest.raises(ValueError, match="negative: -3"):
        list(parallel.ordered_map(_square, [1, 2, -3, 4], 2))


_PARENT = os.getpid()
_WORKER_STARTED = multiprocessing.Event()


def _in_a_worker(action: Callable[[int], int]) -> Callable[[int], int]:
    """A function to map that does ``action`` in a worker, and in the caller squares its item,
    first waiting (for its first item) until a worker has started, so that one has."""

    def function(number: int) -> int:
        if os.getpid() != _PARENT:
            _WORKER_STARTED.set()
            return action(number)
        _WORKER_STARTED.wait(timeout=60)
        return number * number

    return function


def _die(number: int) -> int:
    os._exit(1)


@needs_fork
def test_a_worker_that_dies_breaks_the_map_instead_of_hanging_it() -> None:
    _WORKER_STARTED.clear()
    with pytest.raises(BrokenProcessPool):
        list(parallel.ordered_map(_in_a_worker(_die), range(40), 2, chunk=2))


class _Unpicklable(Exception):
    def __reduce__(self) -> Any:
        raise TypeError("cannot be pickled")


def _raise_unpicklable(number: int) -> int:
    raise _Unpicklable(number)


@needs_fork
def test_a_result_that_cannot_travel_back_is_an_error_in_its_place(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Said as an error raised by the caller, not lost (nor a worker's traceback printed)."""
    _WORKER_STARTED.clear()
    with pytest.raises(RuntimeError, match="could not be sent back: cannot be pickled"):
        list(parallel.ordered_map(_in_a_worker(_raise_unpicklable), range(40), 2, chunk=2))
    assert "Traceback" not in capfd.readouterr().err


@needs_fork
@given(
    numbers=st.lists(st.integers(min_value=-3, max_value=50), max_size=40),
    chunk=st.integers(min_value=1, max_value=6),
    jobs=st.integers(min_value=2, max_value=3),
)
@settings(max_examples=25)
def test_workers_and_the_caller_give_what_one_process_gives(
    numbers: list[int], chunk: int, jobs: int
) -> None:
    """Whatever the chunks and the processes, the results come in the items' order, and an
    error is raised after exactly the results before its item (as in one process)."""
    expected = [n * n for n in itertools.takewhile(lambda n: n >= 0, numbers)]
    got: list[int] = []
    failing = next((n for n in numbers if n < 0), None)
    if failing is None:
        got = list(parallel.ordered_map(_square, numbers, jobs, chunk=chunk))
    else:
        with pytest.raises(ValueError, match=f"negative: {failing}$"):
            for result in parallel.ordered_map(_square, numbers, jobs, chunk=chunk):
                got.append(result)
    assert got == expected


def _interrupt(number: int) -> int:
    """Ctrl-C as a terminal sends it, to this process; then the item squared."""
    os.kill(os.getpid(), signal.SIGINT)
    return number * number


@needs_fork
def test_a_worker_leaves_ctrl_c_to_the_caller() -> None:
    """A worker ignores SIGINT (the caller answers it and stops the workers): no traceback of
    its own, no lost result."""
    _WORKER_STARTED.clear()
    items = list(range(40))
    assert list(parallel.ordered_map(_in_a_worker(_interrupt), items, 2, chunk=2)) == [
        n * n for n in items
    ]


@needs_fork
def test_a_worker_the_system_will_not_fork_leaves_its_chunks_to_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(_: object) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "_Popen", staticmethod(refuse))
    items = list(range(50))
    assert list(parallel.ordered_map(_square, items, 3, chunk=4)) == [n * n for n in items]


@needs_fork
def test_without_shared_memory_everything_runs_in_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unavailable(*_: object, **__: object) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(multiprocessing.context.ForkContext, "Value", unavailable)
    items = list(range(50))
    assert list(parallel.ordered_map(_square, items, 2, chunk=4)) == [n * n for n in items]


def test_a_process_with_other_threads_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "2")
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert parallel.job_count(10**9) == 1
    finally:
        release.set()
        other.join()


def test_small_input_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASTANA_FACTS_JOBS", raising=False)
    assert parallel.job_count(parallel.PARALLEL_MIN_BYTES - 1) == 1


@pytest.mark.parametrize(("setting", "expected"), [("1", 1), ("3", 3), ("0", 1), ("many", 1)])
def test_the_environment_sets_the_number_of_processes(
    monkeypatch: pytest.MonkeyPatch, setting: str, expected: int
) -> None:
    monkeypatch.setenv("ASTANA_FACTS_JOBS", setting)
    wanted = expected if parallel.fork_available() else 1
    assert parallel.job_count(10**9) == wanted


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = orjson.loads(path.read_bytes())
    change(data)
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")


def _broken_copy(tmp_path: Path) -> Path:
    """The bundled records with one mistake of each kind that the per-file checks find, spread
    over several claims files, plus an id used in two files (the check across files)."""
    root = tmp_path / "records"
    shutil.copytree(bundled("records"), root)
    files = sorted((root / "claims").glob("*.json"))
    first_id = orjson.loads(files[0].read_bytes())["claims"][0]["id"]

    def duplicate_and_misquote(data: dict[str, Any]) -> None:
        data["claims"][0]["id"] = first_id
        data["claims"][1]["evidence"][0]["exact"] += "x"

    def unknown_entity_and_bad_claim(data: dict[str, Any]) -> None:
        data["claims"][0]["subject"] = "no-such-entity"
        data["claims"][2]["modality"] = "rumoured"

    _edit(files[1], duplicate_and_misquote)
    _edit(files[2], unknown_entity_and_bad_claim)
    files[3].write_bytes(b'{"claims": [}')
    return root


@needs_fork
@pytest.mark.parametrize("coverage", [False, True])
def test_workers_find_exactly_what_one_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, coverage: bool
) -> None:
    root = _broken_copy(tmp_path)
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "1")
    alone = run(root, coverage=coverage).findings
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "2")
    shared = run(root, coverage=coverage).findings
    assert shared == alone
    codes = {finding.code for finding in alone}
    assert {"IDS001", "SPN001", "REF002", "SCH008", "SCH001"} <= codes


@needs_fork
def test_rules_in_workers_find_exactly_what_one_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading and consistency stages spread their files and rules over workers: the kept
    claims (with their sites and lines) and the report are the same, verdicts, stale
    adjudications and what each rule compared included."""
    root = _broken_copy(tmp_path)
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "1")
    alone = run(root, consistency=True)
    monkeypatch.setenv("ASTANA_FACTS_JOBS", "2")
    shared = run(root, consistency=True)
    kept = [(record.claim, record.site) for record in alone.records.claims]
    assert [(record.claim, record.site) for record in shared.records.claims] == kept
    assert shared.findings == alone.findings and shared.verdicts == alone.verdicts
    assert any(finding.fingerprint for finding in alone.findings)
    assert shared.rule_stats == alone.rule_stats
    assert list(alone.rule_stats) == sorted(str(rule["code"]) for rule in alone.records.rules)
    assert any(stats.compared for stats in alone.rule_stats.values())
