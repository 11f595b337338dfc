"""What a group of claims needs for an engine to compare it, for the engines that do not count
their groups themselves.

An engine reports its groups to ``context.tally`` (:class:`~astana_facts.findings.rule_stats.
Tally`) as it goes, where only it knows why it passes one over. For the engines that leave the
tally untouched, :data:`NEEDS` states, per ``comparison``, what a group of the rule
(:func:`~astana_facts.consistency.context.rule_groups`) must hold for the engine to compare
anything in it, and the reason it is skipped otherwise; :func:`count_groups` applies it after the
engine has run. Each function reads one group once: counting stays linear in the claims.
"""

from __future__ import annotations

from collections.abc import Callable

from astana_facts.consistency.context import Context, rule_groups, words
from astana_facts.findings.rule_stats import Tally
from astana_facts.reading.records import ClaimRecord, PlainRecord

GroupCheck = Callable[[list[ClaimRecord]], str | None]
"""A group's claims -> why the group is skipped; None when it is compared."""
Need = Callable[[PlainRecord, Context], GroupCheck]
"""(the rule, the context) -> the check of each group of the rule (what does not depend on
the group is worked out once per rule)."""

ONE_CLAIM = "one claim only"


def _two_claims(rule: PlainRecord, context: Context) -> GroupCheck:
    return lambda records: ONE_CLAIM if len(records) < 2 else None


def _dated(context: Context) -> Callable[[str], bool]:
    """Whether an event has a reported date claim. (The round engines also pass over an event
    whose own dates clash, which DAT001 reports; such an event still counts as dated here.)"""
    return lambda subject: bool(context.subject_claims(subject, "event_date", ["reported"]))


def _round_dates(rule: PlainRecord, context: Context) -> GroupCheck:
    dated = _dated(context)

    def check(records: list[ClaimRecord]) -> str | None:
        subjects = {record.claim["subject"] for record in records}
        if len(subjects) < 2:
            return "one event only"
        return None if sum(map(dated, subjects)) >= 2 else "fewer than two dated events"

    return check


def _series(rule: PlainRecord, context: Context) -> GroupCheck:
    def check(records: list[ClaimRecord]) -> str | None:
        series = {record.claim["value"]["series"] for record in records}
        return None if len(series) >= 2 else "one series only"

    return check


def _entity_sets(rule: PlainRecord, context: Context) -> GroupCheck:
    mode = rule["parameters"]["mode"]

    def check(records: list[ClaimRecord]) -> str | None:
        complete = sum(1 for record in records if record.claim["value"]["complete"])
        if mode == "complete":
            return None if complete >= 2 else "fewer than two complete lists"
        if complete == len(records):
            return "no partial list"
        return None if complete else "no complete list"

    return check


_FACETS = {"date": "dates", "event": "rounds named", "parties": "party lists"}
"""What an instrument's claims give for each ``facet``, in a reason's words."""


def _instruments(rule: PlainRecord, context: Context) -> GroupCheck:
    actions = words(rule["parameters"]["actions"])
    facet = rule["parameters"]["facet"]
    listed = [word.strip() for word in rule["parameters"]["actions"].split(",") if word.strip()]
    unconcluded = f"no {'/'.join(listed)} claim"
    too_few = f"fewer than two {_FACETS.get(facet, facet)}"

    def check(records: list[ClaimRecord]) -> str | None:
        concluded = [r.claim["value"] for r in records if r.claim["value"]["action"] in actions]
        if not concluded:
            return unconcluded
        given = sum(1 for value in concluded if value.get(facet))
        return None if given >= 2 else too_few

    return check


def _names(kind: str) -> Need:
    """A document's quotes are compared with the registered names (``kind``: ``name`` for the
    names and aliases, ``misspelling`` for the registered misspellings), whatever their number
    of claims; with none registered, nothing is."""

    def need(rule: PlainRecord, context: Context) -> GroupCheck:
        fields = ("name", "aliases") if kind == "name" else ("misspellings",)
        registered = any(entity[f] for entity in context.entities.values() for f in fields)
        reason = None if registered else f"no registered {kind}"
        return lambda records: reason

    return need


def _plans(rule: PlainRecord, context: Context) -> GroupCheck:
    days = context.published

    def check(records: list[ClaimRecord]) -> str | None:
        planned = [r.document for r in records if r.claim["modality"] == "planned"]
        if not planned:
            return "no plan"
        first = min((days[document][0] for document in planned if document in days), default=None)
        reported = (r for r in records if r.claim["modality"] == "reported")
        later = first is not None and any(
            r.document in days and days[r.document][0] > first for r in reported
        )
        return None if later else "no later report"

    return check


NEEDS: dict[str, Need] = {
    "round_dates": _round_dates,
    "round_ordinals": _two_claims,
    "ordinal_series": _series,
    "entity_sets": _entity_sets,
    "instrument_facts": _instruments,
    "name_similarity": _names("name"),
    "registered_misspellings": _names("misspelling"),
    "plan_outcomes": _plans,
}
"""``comparison`` -> what a group needs to be compared, for engines that do not count."""


def count_groups(rule: PlainRecord, context: Context, tally: Tally) -> bool:
    """Count the groups of ``rule`` into ``tally`` by its engine's entry in :data:`NEEDS`;
    False (nothing counted) when the engine has none."""
    need = NEEDS.get(str(rule["comparison"]))
    if need is None:
        return False
    check = need(rule, context)
    for records in rule_groups(rule, context).values():
        reason = check(records)
        if reason is None:
            tally.compared()
        else:
            tally.skipped(reason)
    return True
