"""Showing strings so that invisible differences (U+00A0 against a space, a tab) can be seen."""

from __future__ import annotations

import unicodedata

_VISIBLE_AS_IS = {" "}


def show(text: str, *, limit: int = 120) -> str:
    """``text`` quoted, with every invisible or look-alike character written as ``<U+XXXX NAME>``.

    Letters, digits, punctuation and the plain space stay as they are; everything else that a
    reader cannot tell apart on screen (no-break spaces, tabs, newlines, zero-width characters,
    combining marks) is spelled out.
    """
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    out: list[str] = []
    for character in text:
        category = unicodedata.category(character)
        if character in _VISIBLE_AS_IS or (category[0] in "LNPS" and not category.startswith("Zs")):
            out.append(character)
        else:
            name = unicodedata.name(character, "")
            label = f"U+{ord(character):04X}" + (f" {name}" if name else "")
            out.append(f"<{label}>")
    return "“" + "".join(out) + "”"
