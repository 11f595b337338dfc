"""The rows of the rule table for the editors' verdicts (``records/verdicts.json``): a verdict
naming a claim or fact that does not exist, a label the claim cannot have, two verdicts for one
claim, and a verdict on a claim the engines judge; the table is
:mod:`astana_facts.findings.codes`, which places them after the facts' codes."""

from __future__ import annotations

from astana_facts.findings.code import Code

VERDICT_CODES: tuple[Code, ...] = (
    Code(
        "VRD001",
        "verdict-unknown-claim",
        "error",
        "An editor's verdict names a claim id that no claims file has.",
        "A verdict judges one claim; one whose claim was renamed or removed judges nothing, "
        "and the claim it meant goes unjudged.",
        "Use the id of the claim as its claims file gives it, or remove the verdict.",
    ),
    Code(
        "VRD002",
        "verdict-unknown-fact",
        "error",
        "An editor's verdict cites a fact id that facts.json does not have.",
        "A verdict rests on the facts it cites; a fact that does not exist is no evidence.",
        "Cite the id of a fact of facts.json (add the fact, with its public source, first).",
    ),
    Code(
        "VRD003",
        "verdict-label-not-for-claim",
        "error",
        "An editor's verdict gives a plan supported or refuted, or a claim that is no plan kept "
        "or not_kept (report only).",
        "A plan is judged by its outcome, never as true or false; anything else is true or "
        "false, never kept.",
        "Give a plan (modality planned, or kind plan) kept, not_kept or not_enough_evidence; "
        "any other claim supported, refuted, conflicting or not_enough_evidence.",
    ),
    Code(
        "VRD004",
        "duplicate-verdict",
        "error",
        "Two editors' verdicts judge the same claim.",
        "A claim has one verdict; two leave the reader to guess which holds.",
        "Keep one verdict for the claim, with the rationale of both.",
    ),
    Code(
        "VRD005",
        "verdict-for-judged-claim",
        "error",
        "An editor's verdict judges a claim of a kind the engines judge against facts (report "
        "only); the engines' verdict stands.",
        "The engines judge every claim of a fact kind by the same rules; a hand-written verdict "
        "would hide what the facts say and drift from them.",
        "Remove the verdict and add the fact that settles the claim to facts.json, with its "
        "public source and quote.",
    ),
)
"""VRD001 to VRD005, in table order."""
