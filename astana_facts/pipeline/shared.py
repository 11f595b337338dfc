"""Equal parts of kept claims shared as one object: what keeps a large report within memory.

A report holds every claim in memory, and many claims state the same thing: the same value (a
hundred articles date one meeting alike), the same attribution (the publisher), the same
subject. :class:`Sharing` gives equal parts one object, so a kept claim costs what is its own
(its id and evidence) and not a copy of what it shares. Records are never changed after
validation (engines and renderers only read them), so sharing is safe.
"""

from __future__ import annotations

from typing import Any

import orjson

from astana_facts.reading.records import PlainRecord

SHARED_PARTS = ("attribution", "value")
"""The parts of a claim that are shared when equal (compared by their JSON)."""
SHARED_STRINGS = ("subject",)
"""Strings of a claim that are shared when equal (``kind`` and ``modality`` need not be: the
validators return the one object of each allowed value)."""


class Sharing:
    """The one object of each distinct part seen so far, for one run."""

    def __init__(self) -> None:
        self._parts: dict[bytes, Any] = {}
        self._strings: dict[str, str] = {}

    def share(self, claims: list[PlainRecord]) -> None:
        """Replace, in place, the shared parts and strings of ``claims`` by the first equal
        one seen."""
        parts, strings = self._parts, self._strings
        for claim in claims:
            for name in SHARED_PARTS:
                part = claim.get(name)
                if part is not None:
                    # The name is part of the key: an attribution never stands for a value.
                    key = name.encode() + orjson.dumps(part, option=orjson.OPT_SORT_KEYS)
                    claim[name] = parts.setdefault(key, part)
            for name in SHARED_STRINGS:
                text = claim[name]
                claim[name] = strings.setdefault(text, text)
