"""pysbd's English rules, with its abbreviation pass made linear: the same sentences, faster.

pysbd's ``AbbreviationReplacer.search_for_abbreviations_in_string`` runs, for every abbreviation
of its list that occurs in a line, one ``re.sub`` over the whole line **per occurrence**: on a
line dense with abbreviations ("Mr. A. B. Smith et al. vs. Dr. …") that is quadratic, and it is
most of pysbd's time on any line. This subclass (hooked in through the language class's
``AbbreviationReplacer``, the way pysbd's own languages specialise it) does the same work with
two shortcuts that cannot change the result:

* **one substitution per distinct occurrence.** Each substitution turns a ``.`` that follows
  the occurrence into ``∯``; repeating it (or running it after another abbreviation's) finds no
  new ``.``, because a ``∯`` only makes the patterns' ``\\.`` alternatives fail and none of them
  has a negative look-ahead. So only the first occurrence of each (spelling, following
  capital) is applied, in pysbd's order.
* **skip an abbreviation no period follows.** Every substitution replaces a ``.`` right after
  the abbreviation, which must stand after white space or at the start. When no such
  "word." stands in the line (case-folded exactly: the words are ASCII), the abbreviation's
  substitutions would change nothing and are skipped.

``tests/text/test_pysbd_fast.py`` checks, as a property, that the sentences equal stock pysbd's.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pysbd.lang.english import English  # type: ignore[import-untyped]

_WORD_BEFORE_PERIOD = re.compile(r"(?:^|(?<=\s))([^\s.]+)\.")
_PLAIN = re.compile(r"[a-z0-9]+")


def _words_before_periods(text: str) -> set[str] | None:
    """The lower-cased words (after white space or the start) followed by a period; None when
    one is not ASCII (case-insensitive matching then has look-alikes such as ``ſ`` for ``s``)."""
    words = {match.group(1) for match in _WORD_BEFORE_PERIOD.finditer(text)}
    if not all(word.isascii() for word in words):
        return None
    return {word.lower() for word in words}


class FastEnglish(English):  # type: ignore[misc]  # pysbd has no type information
    """pysbd's English language module with the linear abbreviation pass."""

    class AbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]
        def search_for_abbreviations_in_string(self, text: str) -> str:
            """pysbd's method of the same name, with the two shortcuts of the module's doc."""
            lowered = text.lower()
            before_periods = _words_before_periods(text)
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped not in lowered:
                    continue
                if (
                    before_periods is not None
                    and _PLAIN.fullmatch(stripped)
                    and stripped not in before_periods
                ):
                    continue
                text = self._replace_occurrences(text, stripped)
            return text

        def _replace_occurrences(self, text: str, stripped: str) -> str:
            """pysbd's loop over one abbreviation's occurrences, each distinct one once."""
            occurrences = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
            # pysbd's pattern for the character after an occurrence looks behind for a literal
            # "{abbr} " (its braces are not a quantifier): without a "{" it finds nothing.
            next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
            next_chars = re.findall(next_word_start, text) if "{" in text else []
            done: set[tuple[str, bool]] = set()
            for index, occurrence in enumerate(occurrences):
                char = next_chars[index] if index < len(next_chars) else ""
                key = (occurrence.strip(), str(char).isupper())
                if key not in done:
                    done.add(key)
                    text = self.scan_for_replacements(text, occurrence, index, next_chars)
            return str(text)


@cache
def segmenter() -> Any:
    """A pysbd segmenter with character spans and the linear abbreviation pass (one, reused)."""
    import pysbd

    found = pysbd.Segmenter(language="en", clean=False, char_span=True)
    found.language_module = FastEnglish
    return found


@cache
def stock_segmenter() -> Any:
    """pysbd's own segmenter, for the tests that compare against it."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)
