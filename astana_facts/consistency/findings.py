"""Building consistency findings: the values that clash, each with the claims stating it, and a
stable fingerprint."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import orjson

from astana_facts.consistency.memo import Memo, remembered
from astana_facts.consistency.quantities import describe_quantity
from astana_facts.consistency.timeline import describe_interval
from astana_facts.consistency.values import by_value
from astana_facts.findings.finding import SPANS_PER_VALUE, Finding, SpanRef, ValueGroup
from astana_facts.findings.grouped import claim_sequence
from astana_facts.reading.records import ClaimRecord, PlainRecord


def fingerprint(code: str, subject: str, values: Iterable[str]) -> str:
    """A 16-hex-digit id of a finding: its rule code, its subject and the set of distinct
    normalised values in conflict (in any order, each once).

    Nothing else goes in: not claim ids, positions or file names, so reformatting, reordering
    claims or files and unrelated edits change nothing; a further claim stating a value already
    in conflict keeps the id; a new value in conflict makes a new finding. This is the one place
    a consistency finding's id is made, for every engine."""
    material = "\x1f".join([code, subject, "\x1e", *sorted(set(values))])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def normalised_value(record: ClaimRecord) -> str:
    """A claim's normalised value as text: its JSON with sorted keys (the key claims are grouped
    by, :func:`~astana_facts.consistency.values.value_key`). Equal values, equal text."""
    return orjson.dumps(record.claim.get("value"), option=orjson.OPT_SORT_KEYS).decode("utf-8")


SUBJECT_SEPARATOR = " / "
"""Between the parts of a finding's subject (an event and a role: ``astana-round-8 / host``)."""


Value = dict[str, Any]
"""A claim's ``value``, as validated."""


def _event_date(value: Value) -> str:
    return f"{value['stance']} {describe_interval(value)}"


def _round_number(value: Value) -> str:
    return f"round {value['ordinal']} of {value['series']}"


def _count(value: Value) -> str:
    when = f" as of {describe_interval(value['as_of'])}" if value.get("as_of") else ""
    return f"{value['measure']}: {describe_quantity(value['amount'])}{when}"


def _duration(value: Value) -> str:
    return f"{describe_quantity(value['amount'])} {value['unit']}(s)"


def _participants(value: Value) -> str:
    extent = "complete" if value["complete"] else "partial"
    return f"{value['role']}s ({extent}): {', '.join(sorted(value['members']))}"


def _instrument(value: Value) -> str:
    parts = [value["action"]]
    if value.get("parties"):
        parts.append("by " + ", ".join(sorted(value["parties"])))
    if value.get("date"):
        parts.append("on " + describe_interval(value["date"]))
    if value.get("event"):
        parts.append("at " + value["event"])
    return " ".join(parts)


def _statement(value: Value) -> str:
    return str(value.get("content", value))


def _plan(value: Value) -> str:
    when = f" ({describe_interval(value['date'])})" if value.get("date") else ""
    return f"{value['description']}{when}"


def _location(value: Value) -> str:
    return f"at {value['place']}"


def _office(value: Value) -> str:
    return f"{value['office']} of {value['organisation']}"


def _relation(value: Value) -> str:
    return f"{value['relation']} {', '.join(value['objects'])}"


def _relative_date(value: Value) -> str:
    part, anchor_part = (p.replace("_", " ") for p in (value["part"], value["anchor_part"]))
    return (
        f"{part} {describe_quantity(value['amount'])} {value['unit']}(s) {value['direction']} "
        f"the {anchor_part} of {value['anchor']}"
    )


DESCRIBERS: dict[str, Callable[[Value], str]] = {
    "event_date": _event_date,
    "round_number": _round_number,
    "count": _count,
    "duration": _duration,
    "participants": _participants,
    "instrument": _instrument,
    "statement": _statement,
    "plan": _plan,
    "location": _location,
    "office": _office,
    "relation": _relation,
    "relative_date": _relative_date,
}
"""Claim kind -> its value in a few words, one describer per kind of
:data:`~astana_facts.models.kinds.CLAIM_KINDS` (a test ties the two; the models are not imported
here, as the consistency stage runs on plain validated data)."""


def describe_value(claim: PlainRecord) -> str:
    """A claim's normalised value in a few words, for reports and finding messages."""
    return DESCRIBERS[claim["kind"]](claim["value"])


def consistency_finding(
    rule: PlainRecord,
    records: Sequence[ClaimRecord],
    message: str,
    *subject: str,
    values: Iterable[str] | None = None,
) -> Finding:
    """A finding of ``rule`` about ``records`` (in the order given), pointing at the first, its
    claims grouped by the value they state (:func:`~astana_facts.consistency.values.by_value`).
    Subject and values as :func:`grouped_finding`."""
    return grouped_finding(rule, by_value(records), message, *subject, values=values)


_SHARED_GROUPS: dict[tuple[str, ...], tuple[str, ...]] = {}
"""The claim ids of each value group made in the current batch of rules, one tuple per distinct
group: a value stated by thousands of claims is in many findings (every false value of an event
clashes with its true ones), and a shared tuple costs its ids once, in the worker, in the pickle
that carries the batch's findings to the main process, and there."""


_GROUP_IDS: Memo = {}
"""The shared claim ids of each value group object met in the current batch, by the group's
``id`` (:func:`~astana_facts.consistency.memo.remembered`): an engine that meets one group in
many findings (the chronology rule's windows share their rounds' groups) makes its ids once."""


def release_shared_groups() -> None:
    """Forget the shared value groups (the findings keep theirs): called after each batch."""
    _SHARED_GROUPS.clear()
    _GROUP_IDS.clear()


def grouped_finding(
    rule: PlainRecord,
    groups: Sequence[Sequence[ClaimRecord]],
    message: str,
    *subject: str,
    values: Iterable[str] | None = None,
) -> Finding:
    """A finding of ``rule`` about value groups an engine has made (each a non-empty list of
    claims stating one value), pointing at the first claim of the first group.

    ``subject`` names what the values are about (an event; an event and a role), its parts
    joined by :data:`SUBJECT_SEPARATOR`. The values in conflict are the distinct normalised
    values of the groups (:func:`normalised_value`), or ``values`` for a finding about
    something other than the claims' values (a surface form and the name it is close to). The
    fingerprint is made of the rule code, the subject and those values (:func:`fingerprint`).

    Every claim id is kept, value by value; the spans only of the first
    :data:`~astana_facts.findings.finding.SPANS_PER_VALUE` claims of each value, so a value
    stated by many claims does not copy all their quotes."""
    first = groups[0][0]
    value_groups = tuple(
        ValueGroup(describe_value(group[0].claim), group_ids(group)) for group in groups
    )
    claim_ids = claim_sequence(value_groups)
    spans = tuple(
        SpanRef(record.document, span["start"], span["end"], span["exact"])
        for group in groups
        for record in group[:SPANS_PER_VALUE]
        for span in record.claim["evidence"]
    )
    named_subject = SUBJECT_SEPARATOR.join(subject)
    conflict = tuple(
        sorted(set(values if values is not None else map(normalised_value, (g[0] for g in groups))))
    )
    return Finding(
        code=rule["code"],
        severity=rule["severity"],
        message=message,
        file=first.site.file,
        pointer=first.site.pointer,
        claims=claim_ids,
        spans=spans,
        fingerprint=fingerprint(rule["code"], named_subject, conflict),
        value_groups=value_groups,
        subject=named_subject,
        conflict=conflict,
    )


def group_ids(group: Sequence[ClaimRecord]) -> tuple[str, ...]:
    """The claim ids of ``group``, one tuple shared by every equal group of the batch, made
    once per group object."""

    def shared() -> tuple[str, ...]:
        made = tuple(record.claim["id"] for record in group)
        return _SHARED_GROUPS.setdefault(made, made)

    return remembered(_GROUP_IDS, id(group), group, shared)


def named(group: Sequence[ClaimRecord]) -> str:
    """The claims of a value group for a message: ``a``, or ``a and 4 more claim(s)``."""
    first = group[0].claim["id"]
    return first if len(group) == 1 else f"{first} and {len(group) - 1} more claim(s)"
