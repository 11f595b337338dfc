"""pysbd's English rules, with its abbreviation pass made linear: the same sentences, faster.

pysbd's ``AbbreviationReplacer.search_for_abbreviations_in_string`` runs, for every abbreviation
of its list that occurs in a line, one ``re.sub`` over the whole line **per occurrence**: on a
line dense with abbreviations ("Mr. A. B. Smith et al. vs. Dr. …") that is quadratic, and it is
most of pysbd's time on any line. This subclass (hooked in through the language class's
``AbbreviationReplacer``, the way pysbd's own languages specialise it) does the same work with
shortcuts that cannot change the result:

* **one substitution per distinct occurrence.** Each substitution turns a ``.`` that follows
  the occurrence into ``∯``; repeating it (or running it after another abbreviation's) finds no
  new ``.``, because a ``∯`` only makes the patterns' ``\\.`` alternatives fail and none of them
  has a negative look-ahead. So only the first occurrence of each (spelling, following
  capital) is applied, in pysbd's order.
* **skip an abbreviation no period follows.** Every substitution replaces a ``.`` right after
  the abbreviation, which must stand after white space or at the start. When no such
  "word." stands in the line (case-folded exactly: the words are ASCII), the abbreviation's
  substitutions would change nothing and are skipped.
* **occurrences found with** ``str.find``. pysbd finds an abbreviation's occurrences with a
  case-insensitive ``re.findall`` that tries every position of the line. For a word of ASCII
  letters and digits in a line without a cased non-ASCII character (the look-alikes), the
  occurrences in the line's lower case are the same matches (:func:`_plain_occurrences`).
* **substitutions searched from the period.** pysbd's patterns begin with a look-behind, which
  ``re`` tries at every position; the same patterns begun at the period match the same periods
  and let ``re`` jump from one period to the next.

Its segmenter then finds each sentence's characters in the line with ``re.finditer`` on the
escaped sentence: a new pattern compiled for every distinct sentence (most of the time of a text
of distinct paragraphs, and it evicts the rules' own patterns from ``re``'s cache, so they are
compiled again). :class:`FastSegmenter` walks the same chain of matches with ``str.find``.

``tests/text/test_pysbd_fast.py`` checks, as a property, that the sentences equal stock pysbd's.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pysbd import Segmenter
from pysbd.lang.english import English  # type: ignore[import-untyped]
from pysbd.utils import TextSpan  # type: ignore[import-untyped]

_SPACES = re.compile(r"\s*")
_WORD_BEFORE_PERIOD = re.compile(r"(?:^|(?<=\s))([^\s.]+)\.")
_PLAIN = re.compile(r"[a-z0-9]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# pysbd's patterns for the period after an abbreviation, ``(?<=\s{abbr})\.(?=…)``, start with a
# look-behind, so ``re`` tries them at every position of the line; written ``\.(?<=\s{abbr}\.)
# (?=…)`` they match the same periods, and ``re`` jumps from one "." to the next.
_AFTER_PREPOSITIVE = r"\.(?<=\s{abbr}\.)(?=(\s|:\d+))"
_AFTER_NUMBER_ABBR = r"\.(?<=\s{abbr}\.)(?=(\s\d|\s+\())"
_AFTER_OTHER = r"\.(?<=\s{abbr}\.)(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))"


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
            """pysbd's method of the same name, with the shortcuts of the module's doc."""
            lowered = text.lower()
            before_periods = _words_before_periods(text)
            ascii_line = _ascii_like(text)
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped not in lowered:
                    continue
                plain = _PLAIN.fullmatch(stripped) is not None
                if before_periods is not None and plain and stripped not in before_periods:
                    continue
                if ascii_line and plain:
                    occurrences = _plain_occurrences(text, lowered, stripped)
                else:
                    occurrences = re.findall(
                        rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE
                    )
                text = self._replace_occurrences(text, stripped, occurrences)
            return text

        def _replace_occurrences(self, text: str, stripped: str, occurrences: list[str]) -> str:
            """pysbd's loop over one abbreviation's occurrences, each distinct one once."""
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

        def scan_for_replacements(self, txt: str, am: str, ind: int, char_array: list[str]) -> str:
            """pysbd's method of the same name, its patterns starting at the period (see
            :data:`_AFTER_PREPOSITIVE`): the same substitutions, found by a fast search."""
            char = char_array[ind] if ind < len(char_array) else ""
            abbr = am.strip()
            lowered = abbr.lower()
            prepositive = lowered in self.lang.Abbreviation.PREPOSITIVE_ABBREVIATIONS
            if str(char).isupper() and not prepositive:
                return txt
            if prepositive:
                pattern = _AFTER_PREPOSITIVE.format(abbr=abbr)
            elif lowered in self.lang.Abbreviation.NUMBER_ABBREVIATIONS:
                pattern = _AFTER_NUMBER_ABBR.format(abbr=abbr)
            else:
                pattern = _AFTER_OTHER.format(abbr=re.escape(abbr))
            # pysbd prepends a space so that the look-behind's white space matches at the start.
            return re.sub(pattern, "∯", " " + txt)[1:]


def _ascii_like(text: str) -> bool:
    """Whether ``text`` matches a word of ASCII letters case-insensitively only where its lower
    case holds the word: its characters are ASCII or uncased (pysbd's own markers, such as "∯",
    white space). A cased one can match an ASCII letter (``ſ`` matches ``s``, ``K`` ``k``)."""
    return text.isascii() or all(
        char.lower() == char == char.upper() for char in set(_NON_ASCII.findall(text))
    )


def _plain_occurrences(text: str, lowered: str, stripped: str) -> list[str]:
    r"""``re.findall(r"(?:^|\s|\r|\n)" + stripped, text, flags=re.IGNORECASE)`` for a word of
    ASCII letters and digits in a line :func:`_ascii_like` (``lowered``, its lower case; the
    line differs from it since only by "∯" for "."): the same case-insensitive, non-overlapping
    matches, found with ``str.find``. A match starts at the start of the line, or at white
    space just before an occurrence, at or after the end of the match before it."""
    found: list[str] = []
    end = 0
    if lowered.startswith(stripped):
        found.append(text[: len(stripped)])
        end = len(stripped)
    start = lowered.find(stripped, end + 1)
    while start != -1:
        if text[start - 1].isspace():
            end = start + len(stripped)
            found.append(text[start - 1 : end])
            start = lowered.find(stripped, end + 1)
        else:
            start = lowered.find(stripped, start + 1)
    return found


class FastSegmenter(Segmenter):  # type: ignore[misc]  # pysbd has no type information
    """pysbd's segmenter, finding the sentences' characters without compiling a pattern each."""

    def sentences_with_char_spans(self, sentences: list[str]) -> list[Any]:
        r"""pysbd's method of the same name: for each sentence, the first match of
        ``re.escape(sent) + r"\s*"`` in ``re.finditer`` order (non-overlapping, from the start
        of the text) that ends after the sentence before it, found with ``str.find``."""
        text: str = self.original_text
        spans: list[Any] = []
        prior_end = 0
        for sent in sentences:
            if not sent:  # an empty pattern's matches follow other rules: pysbd's own loop
                span = _regex_span(sent, text, prior_end)
            else:
                span = _literal_span(sent, text, prior_end)
            if span is not None:
                spans.append(TextSpan(text[span[0] : span[1]], span[0], span[1]))
                prior_end = span[1]
        return spans


def _literal_span(sent: str, text: str, prior_end: int) -> tuple[int, int] | None:
    r"""The first of ``finditer(escape(sent) + r"\s*", text)`` ending after ``prior_end``: each
    match starts at the next occurrence of ``sent`` at or after the end of the one before."""
    position = 0
    while (start := text.find(sent, position)) != -1:
        end = _SPACES.match(text, start + len(sent)).end()  # type: ignore[union-attr]
        if end > prior_end:
            return start, end
        position = end
    return None


def _regex_span(sent: str, text: str, prior_end: int) -> tuple[int, int] | None:
    """pysbd's own search, for the sentence a literal search cannot stand for."""
    for match in re.finditer(re.escape(sent) + r"\s*", text):
        if match.end() > prior_end:
            return match.start(), match.end()
    return None


@cache
def segmenter() -> Any:
    """A pysbd segmenter with character spans and the linear passes (one, reused)."""
    found = FastSegmenter(language="en", clean=False, char_span=True)
    found.language_module = FastEnglish
    return found


@cache
def stock_segmenter() -> Any:
    """pysbd's own segmenter, for the tests that compare against it."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)
