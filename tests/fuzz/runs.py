"""One command run in-process under a deadline, and what counts as a failure of any run: a
traceback, "internal error", an exit code other than 0, 1 or 2, or no end before the deadline.

In-process (click's ``CliRunner``) is what keeps a budget of thousands of runs cheap; an alarm
(``SIGALRM``) interrupts a run that blocks or loops, even inside ``open`` on a FIFO.
"""

from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click
from click.testing import CliRunner

from astana_facts.cli.main import cli

TIMEOUT = float(os.environ.get("ASTANA_FACTS_FUZZ_TIMEOUT", "10"))
"""Seconds a run may take before it counts as a hang (generous: a run takes well under one)."""


class Hang(Exception):
    """Raised by the alarm inside a run that did not end in time."""


@dataclass
class Run:
    """What one command did."""

    args: list[str]
    exit_code: int
    stdout: str
    stderr: str
    error: str | None = None
    hung: bool = False

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@dataclass(frozen=True)
class Failure:
    """A promise of issue 12 broken by one run (or by the folder after it)."""

    command: str
    problem: str
    output: str = ""

    def __str__(self) -> str:
        shown = self.output.strip()
        if len(shown) > 1500:
            shown = shown[:700] + "\n[...]\n" + shown[-700:]
        return f"$ astana-facts {self.command}\n  -> {self.problem}\n" + "\n".join(
            "     " + line for line in shown.splitlines()
        )


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in this (main) thread when ``seconds`` pass."""

    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"no end after {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def invoke(args: list[str], timeout: float = TIMEOUT, command: click.Command = cli) -> Run:
    """Run ``astana-facts ARGS`` (or another ``command``) in this process, stopped after
    ``timeout`` seconds."""
    try:
        with deadline(timeout):
            result = CliRunner().invoke(command, args, env={"NO_COLOR": "1", "COLUMNS": "100"})
    except Hang as stopped:  # raised outside the runner's own guard
        return Run(args, -1, "", str(stopped), error=None, hung=True)
    shown_error = None
    hung = isinstance(result.exception, Hang)
    if result.exception is not None and not isinstance(result.exception, SystemExit) and not hung:
        shown_error = (
            "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else ""
        )
    return Run(args, result.exit_code, result.stdout, result.stderr, error=shown_error, hung=hung)


def shown(args: list[str], case: Path) -> str:
    """The command line, with the case folder written ``CASE`` so it can be redone anywhere."""
    return " ".join(repr(arg) if " " in arg else arg for arg in args).replace(str(case), "CASE")


def failures(run: Run, case: Path, exits: frozenset[int] = frozenset({0, 1, 2})) -> list[Failure]:
    """What is wrong with one run, whatever the input was."""
    command = shown(run.args, case)
    if run.hung:
        return [Failure(command, f"hang: no end within {TIMEOUT:g} s")]
    found = []
    if run.error is not None:
        last = run.error.strip().splitlines()[-1]
        found.append(Failure(command, f"traceback: {last}", run.error))
    if "Traceback" in run.output:
        found.append(Failure(command, "'Traceback' in the output", run.output))
    if "internal error" in run.output:
        found.append(Failure(command, "'internal error' in the output", run.output))
    if run.error is None and run.exit_code not in exits:
        found.append(Failure(command, f"exit code {run.exit_code}", run.output))
    return found


def report(case_text: str, failures: list[Failure]) -> str:
    """The case, then each distinct problem in full once, with the other commands it hit."""
    lines = [f"fuzz failure, {case_text}"]
    by_problem: dict[str, list[Failure]] = {}
    for failure in failures:
        by_problem.setdefault(failure.problem, []).append(failure)
    for first, *others in by_problem.values():
        lines.append(str(first))
        lines += [f"  (also: astana-facts {other.command})" for other in others]
    return "\n".join(lines)
