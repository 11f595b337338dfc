"""The rows of the rule table for editors' verdicts that no longer fit their finding: one
whose conflict is gone (ADJ001) and one whose values or claims changed (ADJ002); the table is
:mod:`astana_facts.findings.codes`, which places them after VAL001."""

from __future__ import annotations

from astana_facts.findings.code import Code

ADJUDICATION_CODES: tuple[Code, ...] = (
    Code(
        "ADJ001",
        "stale-adjudication",
        "warning",
        "An adjudication matches no finding of the report (report only): the finding is gone.",
        "A verdict for a finding that no longer exists is stale: the data changed under it.",
        "The adjudicated finding no longer occurs (its claims were corrected or changed): "
        "remove the adjudication, or record a new one for the finding that took its place.",
    ),
    Code(
        "ADJ002",
        "adjudication-values-changed",
        "warning",
        "An adjudication judged other values or claims than the finding now has (report only): "
        "the message names the finding that took its place.",
        "A verdict judges the values and claims it names; a value or claim added since was never "
        "judged, so the verdict must not settle it.",
        "Judge the finding the message names and record its fingerprint, values (the finding's "
        "`conflict` in `report --format json`) and claims in the adjudication.",
    ),
)
