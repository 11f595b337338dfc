"""How the pipeline reports progress on long work, without knowing who shows it.

A :class:`Progress` wraps the items of a loop (files checked, rules run, documents split) and
yields them unchanged; the command line passes one that draws a bar on standard error
(:mod:`astana_facts.cli.progress`), everything else gets :func:`no_progress`. So the stages
never import the command line, and the Python API stays silent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

Item = TypeVar("Item")


class Progress(Protocol):
    """Yields ``items`` unchanged, reporting each as done once the loop has taken the next
    (``total``: how many there are; ``label``: what the work is, a few words)."""

    def __call__(self, items: Iterable[Item], *, total: int, label: str) -> Iterable[Item]: ...


def no_progress(items: Iterable[Item], *, total: int, label: str) -> Iterable[Item]:
    """Report nothing: the items as they are."""
    del total, label
    return items
