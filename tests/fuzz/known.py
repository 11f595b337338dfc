"""Failures the fuzzing finds that other parts of issue 12 fix, in branches not merged yet.

A case whose every failure matches an entry here is reported as an expected failure (xfail)
with the entry's reason, and the full reproduction; any other failure fails the test. When the
branches are merged, the entries go: set ``ASTANA_FACTS_FUZZ_KNOWN=fail`` to see which still
match anything.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from tests.fuzz.cases import Case
from tests.fuzz.runs import Failure


@dataclass(frozen=True)
class Known:
    """A failure class: the mutation kinds that cause it, the problem it shows, and who fixes
    it."""

    kinds: frozenset[str]
    problem: str
    """A regular expression searched in the failure's problem and output."""
    reason: str
    steps: str = ""
    """A regular expression the case's mutations must match (all of them, described)."""

    def matches(self, case: Case, failure: Failure) -> bool:
        if not self.kinds & case.kinds or not re.search(self.steps, case.describe()):
            return False
        return re.search(self.problem, f"{failure.problem}\n{failure.output}") is not None


KNOWN: tuple[Known, ...] = (
    Known(
        frozenset({"change-value"}),
        r"Recursion limit reached",
        "item 4: JSON nested deeper than the reader can write back (reading part)",
        r"deep",
    ),
    Known(
        frozenset({"change-value"}),
        r"RecursionError: maximum recursion depth exceeded while getting the repr",
        "item 4: versions/sides.py (diff) makes a string of an id nested 1,000 deep "
        "(reading part, or whoever owns versions/sides.py)",
        r"/id := (arrays|objects) 1000 deep",
    ),
    Known(
        frozenset({"symlink"}),
        r"Too many levels of symbolic links|Symlink loop|No such file or directory",
        "item 4: a symbolic link that loops or dangles (files part)",
    ),
    Known(
        frozenset({"fifo"}),
        r"^hang",
        "item 4: a FIFO blocks the read (files part)",
    ),
    Known(
        frozenset({"remove"}),
        r"exit 0 on records that are certainly broken",
        "item 5: an empty records folder passes (folders part)",
        r"everything in records/ deleted",
    ),
    Known(
        frozenset({"change-value"}),
        r"-?\d{17,} became Decimal",
        "item 2: fmt writes an integer beyond 2**53 as a float (numbers part)",
    ),
    Known(
        frozenset({"change-value", "odd-string"}),
        r"ValueError: embedded null byte",
        "a NUL in a source's text_file reaches open() through tools/fmt.document_text and "
        "jsonio/reader.read_bytes (files part)",
        r"text_file",
    ),
)


def brief(case_text: str, failures: list[Failure]) -> str:
    """The case and each distinct problem with the first command that showed it, for an xfail
    line (the full output is in a failure's report; set ``ASTANA_FACTS_FUZZ_KNOWN=fail``)."""
    firsts: dict[str, Failure] = {}
    for failure in failures:
        firsts.setdefault(failure.problem, failure)
    problems = [f"  $ astana-facts {f.command}\n    -> {f.problem}" for f in firsts.values()]
    return "\n".join([case_text, *problems])


def explained(case: Case, failures: list[Failure]) -> str | None:
    """The reasons, when every failure of the case is a known one; else ``None``."""
    if os.environ.get("ASTANA_FACTS_FUZZ_KNOWN") == "fail":
        return None
    reasons = []
    for failure in failures:
        match = next((known for known in KNOWN if known.matches(case, failure)), None)
        if match is None:
            return None
        reasons.append(match.reason)
    return "known, fixed in another part of issue 12: " + "; ".join(sorted(set(reasons)))
