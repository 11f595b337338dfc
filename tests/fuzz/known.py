"""Failures the fuzzing finds that are known and being fixed elsewhere (an empty table now).

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


KNOWN: tuple[Known, ...] = ()
"""None at present: the failures issue 12's fuzzing found are fixed, and their cases pass (run
with ``ASTANA_FACTS_FUZZ_KNOWN=fail`` to see that nothing is explained away)."""


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
    return "known, being fixed elsewhere: " + "; ".join(sorted(set(reasons)))
