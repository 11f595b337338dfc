"""The rows of the rule table for facts and provenance: malformed URLs (SRC009), dates in the
future (SRC010), duplicate fact ids (IDS004) and what only facts can get wrong (FCT); the table is
:mod:`astana_facts.findings.codes`, which places each after its family."""

from __future__ import annotations

from astana_facts.findings.code import Code

PROVENANCE_CODES: tuple[Code, ...] = (
    Code(
        "SRC009",
        "malformed-url",
        "error",
        "A URL of a source or of a fact's evidence is not a well-formed absolute http(s) URL.",
        "The URL is how a reader finds the source again; a shortened, mistyped or hand-repaired "
        "address leads nowhere, or somewhere else.",
        "Copy the whole address from the browser: scheme (http or https), a host name, no "
        "space or ellipsis; characters outside RFC 3986 percent-encoded (the message names the "
        "one at fault).",
    ),
    Code(
        "SRC010",
        "date-in-future",
        "error",
        "A retrieved or published date of a source or of a fact's evidence lies in the future.",
        "Nobody read or published a page on a day still to come: the date is a typo, and every "
        "reasoning on when a source was seen rests on it.",
        "Write the day the page was read (retrieved) or published, YYYY-MM-DD; remove "
        "published when the page does not show it.",
    ),
)
"""SRC009 and SRC010, in table order."""

FACT_ID_CODES: tuple[Code, ...] = (
    Code(
        "IDS004",
        "duplicate-fact-id",
        "error",
        "Two facts share an id.",
        "Verdicts cite facts by id; a shared id makes them ambiguous.",
        "Give one of the facts a new id (`fact-`, the subject and what it establishes).",
    ),
)
"""IDS004."""

FACT_CODES: tuple[Code, ...] = (
    Code(
        "FCT001",
        "kind-cannot-be-fact",
        "error",
        "A fact has a claim kind that cannot be a fact (statement, plan, relation).",
        "Facts are compared with claims by the engines; no engine compares these kinds, so such "
        "a fact would settle nothing (a plan is judged by its outcome, against the facts of its "
        "event).",
        "State what is established as a fact of a compared kind (the event's dates, place, "
        "participants...), or leave the claim to an editor's verdict with a rationale.",
    ),
    Code(
        "FCT002",
        "retrieved-before-published",
        "error",
        "A fact's source is said to be read before the day it was published.",
        "A page cannot be read before it exists: one of the two dates is wrong, and with it what "
        "the source could have known.",
        "Correct retrieved (the day the page was read) or published (the day the page gives).",
    ),
    Code(
        "FCT003",
        "facts-contradict",
        "error",
        "Facts contradict each other (report only): the engine that compares their kind finds "
        "no world in which all of them hold; the message names every fact of the minimal set.",
        "Claims are judged against the facts; facts that cannot all be true settle nothing, so "
        "every claim they cover is judged conflicting until one of them is corrected.",
        "Read the evidence of the facts named and correct the fact that misreads its source "
        "(a wrong day, a stance that should be day_within, a partial list marked complete).",
    ),
)
"""FCT001, FCT002 and FCT003."""
