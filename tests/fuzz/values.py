"""Hostile JSON values and a writer that can spell them: numbers JSON allows but doubles cannot
hold (``1e400``, ``2**70``), spellings that only look alike (``120.0``, ``-0``), nesting deeper
than a serialiser can follow, escaped lone surrogates, and text with invisible or look-alike
characters. Python's ``json`` writes the ordinary values; :class:`Raw` values go in as written."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Raw:
    """JSON text put into a file exactly as written (a number, a deep array, an escape)."""

    text: str
    label: str = ""
    """What it is, for a failure report (the text itself may be thousands of characters)."""

    def __str__(self) -> str:
        return self.label or self.text


NUMBERS = (
    "1e400",
    "-1e400",
    str(2**70),
    str(-(2**70)),
    str(10**30),
    "1e+30",
    "9007199254740993",
    "120.0",
    "-0",
    "-0.0",
    "0.5",
    "-1",
    "1E2",
    "NaN",
    "Infinity",
)
"""Numbers spelled as JSON (``NaN`` and ``Infinity`` are not JSON at all)."""

ODD_CHARACTERS = (
    "\ufeff",  # byte-order mark
    "\u0000",  # NUL
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u200b",  # zero-width space
    "\u0430",  # Cyrillic small a, a look-alike of Latin a
    "\u0301",  # combining acute accent
    "\u2028",  # line separator
    "\U0001f600",  # outside the basic multilingual plane: two UTF-16 units
    "\r\n",
)
"""Characters that look like nothing, like something else, or count differently."""

ODD_IDS = (
    "",
    " ",
    "../outside",
    "/etc/passwd",
    "a/b",
    "x" * 300,
    "UPPER-case",
    "\u00e9t\u00e9",
    "nul\u0000byte",
    "-rf",
)
"""Strings in the places of ids and file names."""


def deep(levels: int, *, objects: bool = False) -> Raw:
    """An array (or object) nested ``levels`` deep."""
    if objects:
        return Raw('{"a": ' * levels + "0" + "}" * levels, f"objects {levels} deep")
    return Raw("[" * levels + "]" * levels, f"arrays {levels} deep")


def hostile_value(rng: random.Random, current: Any) -> tuple[Any, str]:
    """A value to put in the place of ``current``, and how to say what it is."""
    choice = rng.randrange(6)
    if choice == 0:
        number = rng.choice(NUMBERS)
        return Raw(number), number
    if choice == 1:
        swapped = rng.choice(
            ["", "text", 0, 1.5, None, True, [], {}, [current], {"value": current}, str(current)]
        )
        return swapped, f"type swap to {_short(swapped)}"
    if choice == 2:
        levels = rng.choice([300, 1000])
        objects = rng.random() < 0.5
        return deep(levels, objects=objects), f"{'objects' if objects else 'arrays'} {levels} deep"
    if choice == 3:
        size = rng.choice([300, 5_000, 100_000])
        return "long " * (size // 5), f"a string of {size} characters"
    if choice == 4:
        odd = rng.choice(ODD_IDS)
        return odd, f"odd id {_short(odd)}"
    return Raw(json.dumps(odd_text(rng, current))), "odd characters"


def odd_text(rng: random.Random, current: Any) -> str:
    """``current`` as text with one odd character inserted, or a Latin a made Cyrillic."""
    text = current if isinstance(current, str) else str(current)
    if "a" in text and rng.random() < 0.3:
        return text.replace("a", "\u0430", 1)
    at = rng.randint(0, len(text))
    return text[:at] + rng.choice(ODD_CHARACTERS) + text[at:]


LONE_SURROGATE = Raw('"lone \\ud800 surrogate"')
"""A lone surrogate, escaped: valid JSON text, no valid string."""


def dumps(data: Any) -> bytes:
    """``data`` as indented JSON, each :class:`Raw` value spelled as written."""
    raws: list[str] = []

    def mark(value: Any) -> Any:
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"\u0000raw{len(raws) - 1}\u0000"
        if isinstance(value, dict):
            return {key: mark(item) for key, item in value.items()}
        if isinstance(value, list):
            return [mark(item) for item in value]
        return value

    text = json.dumps(mark(data), indent=2, ensure_ascii=False)
    for index, raw in enumerate(raws):
        text = text.replace(f'"\\u0000raw{index}\\u0000"', raw, 1)
    return (text + "\n").encode("utf-8", "surrogatepass")


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."
