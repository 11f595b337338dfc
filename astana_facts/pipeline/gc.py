"""The garbage-collection policy, in one place: the cyclic collector is paused while records are
read, checked, compared, built into models and rendered.

Records hold no reference cycles, so everything they allocate is freed by reference counting
alone; the collector's passes would only re-scan the claims in memory, over and over (a third of
the time of ``validate``, 0.6 s of ``report`` and half of ``load()`` at 100k claims). Three
callers use this one context manager: :func:`astana_facts.pipeline.run` (the checks),
:func:`astana_facts.api.load` (building the models) and the command line's entry point (which
also covers rendering).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; nests (only the outermost block turns
    the collector back on, and only when it was on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
