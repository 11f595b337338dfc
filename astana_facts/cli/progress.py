"""A progress bar on standard error for long work: only on a terminal, only without ``-q``, and
only once the work has run for :data:`DELAY` seconds, so short commands never show one.

The bar is click's (``click.progressbar``), drawn on standard error, so standard output (the
report, the JSON) is never touched. When standard error is not a terminal (a pipe, a file, CI,
the tests) there is no bar at all: click would otherwise print its label there.
``NO_COLOR`` does not change it (the bar has no colour); ``-q`` turns it off.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING, TypeVar

import click

from astana_facts.pipeline.progress import Progress, no_progress

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

Item = TypeVar("Item")

DELAY = 2.0
"""Seconds of work before a bar appears."""


def progress_wanted(stream_is_terminal: bool, quiet: bool) -> bool:
    """Whether to draw progress: on a terminal, and not with ``--quiet``."""
    return stream_is_terminal and not quiet


def progress_for(quiet: bool) -> Progress:
    """The progress the pipeline gets from a command: a delayed bar on standard error when
    :func:`progress_wanted`, else :func:`~astana_facts.pipeline.progress.no_progress`."""
    return delayed_bar if progress_wanted(sys.stderr.isatty(), quiet) else no_progress


def delayed_bar(
    items: Iterable[Item],
    *,
    total: int,
    label: str,
    delay: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Item]:
    """``items`` unchanged; once ``delay`` seconds (default :data:`DELAY`) have passed, a bar
    of ``total`` steps on standard error, advanced as each item is done."""
    wait = DELAY if delay is None else delay
    started = clock()
    bar: ProgressBar[int] | None = None
    done = 0
    with ExitStack() as stack:
        for item in items:
            yield item
            done += 1
            if bar is not None:
                bar.update(1)
            elif clock() - started >= wait and done < total:
                bar = stack.enter_context(
                    click.progressbar(length=total, label=label, file=sys.stderr)
                )
                bar.update(done)
