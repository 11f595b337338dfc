"""Results remembered by the object they were made from.

Engines work some things out once and use them many times: an event's network (DUR001 and
DUR002), an event's value groups (every window of rounds of the chronology rule), a value
group's claim ids (every finding that names the group). Such a result is keyed by what it
depends on, often the ``id`` of an object; the object is kept beside the result, so that ``id``
is never given to another object while the result is remembered, and a result is reused only
for the very object it was made from.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

Made = TypeVar("Made")
Memo = dict[Hashable, tuple[object, Any]]
"""Key -> (the object a result was made from, the result)."""


def remembered(memo: Memo, key: Hashable, source: object, make: Callable[[], Made]) -> Made:
    """``make()``, worked out once for ``key`` and the object ``source`` it is made from."""
    found = memo.get(key)
    if found is None or found[0] is not source:
        found = memo[key] = (source, make())
    return found[1]
