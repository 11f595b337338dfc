"""Making text visible: invisible differences (U+00A0 against a space, a tab, a zero-width space)
and look-alike letters (a Cyrillic ``а`` for a Latin ``a``) written out so that a reader can see
them.

- :func:`show` quotes a string, spelling out every character a reader could not tell apart on
  screen as ``<U+XXXX NAME>``;
- :func:`spell_out` explains why two strings that look the same are not: when they differ only
  by look-alike or invisible characters (what :func:`~astana_facts.text.lookalike.
  fold_character` folds together), it names each differing character of both;
- :func:`invisible_prefix` finds the invisible characters a text starts with (a byte-order mark).
"""

from __future__ import annotations

import unicodedata

from astana_facts.text.lookalike import fold_character

_VISIBLE_AS_IS = {" "}

_LEAD = "they differ only by look-alike or invisible characters (counting from 0)"
"""How :func:`spell_out` starts."""

_MAX_LISTED = 5
"""How many differing characters :func:`spell_out` lists before saying how many more."""


def name(character: str) -> str:
    """``<U+XXXX NAME>`` for one character (``<U+0000>`` where Unicode gives no name)."""
    label = unicodedata.name(character, "")
    return f"<U+{ord(character):04X}" + (f" {label}>" if label else ">")


def _visible(character: str) -> bool:
    """Whether a reader sees ``character`` for what it is: letters, digits, punctuation and
    symbols (category L, N, P, S) and the plain space."""
    return character in _VISIBLE_AS_IS or unicodedata.category(character)[0] in "LNPS"


def show(text: str, *, limit: int = 120) -> str:
    """``text`` quoted, with every invisible or look-alike character written as ``<U+XXXX NAME>``.

    Letters, digits, punctuation and the plain space stay as they are; everything else that a
    reader cannot tell apart on screen (no-break spaces, tabs, newlines, zero-width characters,
    combining marks) is spelled out.
    """
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "“" + "".join(c if _visible(c) else name(c) for c in text) + "”"


def invisible(character: str) -> bool:
    """Whether ``character`` is a format character (Unicode category Cf: byte-order mark,
    zero-width space and joiners, direction marks): it takes no room on screen but counts in
    every offset."""
    return unicodedata.category(character) == "Cf"


def invisible_prefix(text: str) -> str:
    """The invisible characters (:func:`invisible`) that ``text`` starts with, often ``""``.

    Only the prefix is looked at: the loop stops at the first visible character."""
    end = 0
    while end < len(text) and invisible(text[end]):
        end += 1
    return text[:end]


def _differences(expected: str, found: str) -> list[tuple[int, str, str]] | None:
    """(index in ``expected``, its character or "", the character of ``found`` or "") for every
    place where the two differ, or None unless ``expected`` and the start of ``found`` look the
    same: equal but for look-alike characters and invisible ones on either side."""
    out: list[tuple[int, str, str]] = []
    i = j = 0
    while i < len(expected):
        mine = expected[i]
        theirs = found[j] if j < len(found) else ""
        if mine == theirs:
            i, j = i + 1, j + 1
        elif theirs and fold_character(mine) == fold_character(theirs):
            out.append((i, mine, theirs))
            i, j = i + 1, j + 1
        elif invisible(mine):
            out.append((i, mine, ""))
            i += 1
        elif theirs and invisible(theirs):
            out.append((i, "", theirs))
            j += 1
        else:
            return None
    return out or None


def _describe(index: int, mine: str, theirs: str, ours: str, other: str) -> str:
    if not theirs:
        return f"character {index} of {ours} is {name(mine)}, which {other} does not have"
    if not mine:
        return f"{other} has {name(theirs)} before character {index} of {ours}"
    return f"character {index} is {name(mine)} in {ours}, {name(theirs)} in {other}"


def spell_out(
    expected: str,
    found: str,
    *,
    ours: str = "the quote",
    other: str = "the text",
    backwards: bool = False,
) -> str | None:
    """Why ``expected`` and ``found`` differ when they look the same, or None when they look
    different (a plain different word needs no code points) or are equal.

    ``found`` is read from its start for as long as ``expected`` lasts, so it may run on (pass
    a little more of the text than the quote's length: an invisible character in the text
    shifts the rest). With ``backwards``, both are compared from their ends (a prefix, which
    ends where the quote starts); character indexes still count from the start of ``expected``.
    Each difference names the character of both, e.g. ``character 0 is <U+0430 CYRILLIC SMALL
    LETTER A> in the quote, <U+0061 LATIN SMALL LETTER A> in the text``.
    """
    differences = (
        _differences(expected[::-1], found[::-1]) if backwards else _differences(expected, found)
    )
    if differences is None:
        return None
    if backwards:
        last = len(expected) - 1
        differences = [(last - i + (0 if m else 1), m, t) for i, m, t in reversed(differences)]
    said = [_describe(i, m, t, ours, other) for i, m, t in differences[:_MAX_LISTED]]
    if len(differences) > _MAX_LISTED:
        said.append(f"and {len(differences) - _MAX_LISTED} more")
    return f"{_LEAD}: " + "; ".join(said)
