"""The rows of the rule table for deprecated and removed claim ids (IDS005-IDS007); the table
is :mod:`astana_facts.findings.codes`, which places them after the other IDS codes."""

from __future__ import annotations

from astana_facts.findings.code import Code

LIFECYCLE_CODES: tuple[Code, ...] = (
    Code(
        "IDS005",
        "unknown-replacement",
        "error",
        "A deprecated claim's replaced_by, or a removal's replacement, names a claim id that "
        "does not exist.",
        "The replacement is where a user who stored the old id is sent; an id that leads "
        "nowhere loses them, as a removal without a trace would.",
        "Correct the id to the claim that replaces it, add that claim, or remove the id from "
        "the list (an empty list says the claim is withdrawn with no successor).",
    ),
    Code(
        "IDS006",
        "deprecated-replacement",
        "error",
        "A deprecated claim's replaced_by, or a removal's replacement, names a claim that is "
        "itself deprecated.",
        "A chain of deprecations sends a user to another withdrawn claim: the replacement must "
        "be a claim that stands.",
        "Point to the claim that finally replaces it (the replacement's own replaced_by).",
    ),
    Code(
        "IDS007",
        "removed-id-present",
        "error",
        "An id listed in records/removals.json is still the id of a claim.",
        "The removal log tells users the id is gone (the Python API refuses it, diff names it "
        "as removed); a claim that still has it contradicts the log.",
        "Remove the entry from removals.json if the claim stays, or give the claim its new id "
        "(the entry's replacement) if it was renamed; a claim withdrawn in place is marked "
        "deprecated, not logged as removed.",
    ),
)
"""IDS005, IDS006 and IDS007."""
