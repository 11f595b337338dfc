"""Pausing the cyclic garbage collector while records are read and compared."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block.

    Records hold no reference cycles, so everything they allocate is freed by reference counting
    alone; the collector's passes would only re-scan the claims in memory, over and over (a third
    of the time of ``validate`` and more of ``report`` at 100k claims). Nests: only the outermost
    block turns the collector back on. Also a decorator (``@no_cyclic_gc()``): the renderers of a
    report use it, as they run while the report's claims are in memory.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
