"""The JSON contract: one object with versions, a summary and the findings.

Stable layout (later commands add keys, never remove or rename them)::

    {"tool": "astana-facts", "tool_version": "...", "data_version": "..." | null,
     "records": "<folder>", "summary": {"error": n, "warning": n, "info": n},
     "findings": [{"code", "name", "severity", "message", "file", "line", "column", "pointer",
                   "claims": [ids], "spans": [{"document", "start", "end", "exact"}],
                   "fingerprint": str | null, "subject": str | null,
                   "conflict": [str], "values": [{"claim", "value"}],
                   "value_groups": [{"value", "claims": [ids]}],
                   "verdict": {adjudication} | null,
                   "resolution": {"holds", "refuted", "facts", "reason"} | null}]}

A consistency finding's ``value_groups`` list each value that clashes once, with the ids of
every claim stating it; ``claims`` and ``values`` list the same claims one by one, in the same
order. Its ``spans`` are those of the first three claims of each value (the rest are in the
claims, by id). Its ``subject`` and ``conflict`` (the distinct normalised values in conflict) are
what its fingerprint is made of, with the rule code, and what an adjudication names.

``astana-facts report`` adds to the summary ``documents``, ``claims``, ``by_rule``,
``errors_adjudicated`` and ``unadjudicated_errors``, and before ``findings`` the key
``rule_stats``: what each rule compared, one object per rule in code order::

    {"code": "DAT001", "name": "event-dates-clash", "compared": n, "skipped": n,
     "skipped_by_reason": [{"reason": "one claim only", "groups": n}],
     "nothing_compared": bool, "counted": bool, "findings": n}

(groups of claims sharing the rule's key; reasons most groups first; ``counted`` is false when
the rule's engine did not report its groups). Dates in verdicts are ISO strings.

The report also has, after ``findings``, the key ``verdicts``: the verdict on every judged
claim against the facts, in claim id order (empty when nothing was judged)::

    {"claim": "<claim id>", "label": "supported" | "refuted" | "conflicting"
     | "not_enough_evidence" | "kept" | "not_kept", "facts": [fact ids], "reason": str,
     "by": "engine" | "editor"}

and in its summary ``verdict_labels`` (every label, in that order, with its count) and
``resolved_by_facts``. A finding's ``resolution`` is ``null`` unless the facts settle it: then
``holds`` (the values of ``conflict`` the facts support), ``refuted`` (those they refute),
``facts`` (the fact ids) and ``reason``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

import orjson

from astana_facts.findings.codes import CODES_BY_ID
from astana_facts.findings.finding import Finding, count_by_severity
from astana_facts.render.context import PLAIN, RenderContext

if TYPE_CHECKING:
    from astana_facts.verdicts import Resolution


def finding_to_dict(
    finding: Finding,
    names: dict[str, str] | None = None,
    verdicts: dict[str, Any] | None = None,
    resolutions: dict[str, Resolution] | None = None,
) -> dict[str, Any]:
    """One finding as a JSON object of the contract; ``names`` adds the names of consistency
    rules, ``verdicts`` (fingerprint -> adjudication) the verdict of an adjudicated finding,
    ``resolutions`` (fingerprint -> resolution) how the facts settle it."""
    row = CODES_BY_ID.get(finding.code)
    verdict = (verdicts or {}).get(finding.fingerprint or "")
    resolution = (resolutions or {}).get(finding.fingerprint or "")
    return {
        "code": finding.code,
        "name": row.name if row else (names or {}).get(finding.code),
        "severity": finding.severity,
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "pointer": finding.pointer,
        "claims": list(finding.claims),
        "spans": [
            {"document": s.document, "start": s.start, "end": s.end, "exact": s.exact}
            for s in finding.spans
        ],
        "fingerprint": finding.fingerprint,
        "subject": finding.subject,
        "conflict": list(finding.conflict),
        # (Finding.values, written from the groups without its pairs: 3.6M at 1M claims.)
        "values": [
            {"claim": claim, "value": group.value}
            for group in finding.value_groups
            for claim in group.claims
        ],
        "value_groups": [
            {"value": group.value, "claims": list(group.claims)} for group in finding.value_groups
        ],
        "verdict": verdict,
        "resolution": _resolution(resolution),
    }


def _resolution(resolution: Resolution | None) -> dict[str, Any] | None:
    """A finding's ``resolution``: ``null``, or how the facts settle it."""
    if resolution is None:
        return None
    return {
        "holds": list(resolution.holds),
        "refuted": list(resolution.refuted),
        "facts": list(resolution.facts),
        "reason": resolution.reason,
    }


def findings_json_chunks(
    findings: list[Finding],
    context: RenderContext,
    *,
    names: dict[str, str] | None = None,
    verdicts: dict[str, Any] | None = None,
    resolutions: dict[str, Resolution] | None = None,
    extra_summary: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
    streamed: dict[str, Iterable[dict[str, Any]]] | None = None,
) -> Iterator[str]:
    """The findings as one JSON document (the stable contract described above), with the rule
    names, verdicts, resolutions, summary figures and top-level keys (``extra`` before
    ``findings``, the lists of ``streamed`` after them) that the report adds, in pieces: one
    list item at a time, indented as orjson indents it inside the document, so a large report
    is never all in memory as objects or as one string."""
    head: dict[str, Any] = {
        "tool": "astana-facts",
        "tool_version": context.tool_version,
        "data_version": context.data_version,
        "records": context.records,
        "summary": {**count_by_severity(findings), **(extra_summary or {})},
        **(extra or {}),
    }
    document = orjson.dumps(head, option=orjson.OPT_INDENT_2).decode("utf-8")
    assert document.endswith("\n}")
    yield document[:-2] + ","
    lists = {"findings": [], **(streamed or {})}
    for position, (key, items) in enumerate(lists.items()):
        if key == "findings":
            items = (finding_to_dict(f, names, verdicts, resolutions) for f in findings)
        # A finding may list a hundred thousand claims: one at a time keeps the memory flat.
        yield from _list_chunks(key, items, 1 if key == "findings" else _BATCH)
        yield "," if position < len(lists) - 1 else "\n}\n"


def _list_chunks(key: str, items: Iterable[dict[str, Any]], size: int) -> Iterator[str]:
    """``"key": [...]`` inside the document, ``size`` items at a time (one ``orjson`` call per
    batch: a hundred thousand verdicts one by one cost twice as much); an empty list as
    ``[]``. The separators go as pieces of their own, so a batch's text (at a million claims,
    findings of megabytes) is not copied again to put them before it."""
    opening = "\n  " + orjson.dumps(key).decode("utf-8") + ": ["
    separator, empty = opening + "\n  ", True
    for batch in batched(items, size):
        yield separator
        # A list indents its items by two spaces; inside the document they sit two deeper.
        body = orjson.dumps(batch, option=orjson.OPT_INDENT_2)[2:-2]
        yield body.replace(b"\n", b"\n  ").decode("utf-8")
        separator, empty = ",\n  ", False
    yield opening + "]" if empty else "\n  ]"


def findings_json(
    findings: list[Finding],
    context: RenderContext,
    *,
    names: dict[str, str] | None = None,
    verdicts: dict[str, Any] | None = None,
    extra_summary: dict[str, Any] | None = None,
) -> str:
    """:func:`findings_json_chunks` as one string."""
    return "".join(
        findings_json_chunks(
            findings, context, names=names, verdicts=verdicts, extra_summary=extra_summary
        )
    )


def render_json(findings: list[Finding], context: RenderContext = PLAIN) -> str:
    """``validate``'s findings as one JSON document (the stable contract described above)."""
    return findings_json(findings, context)


def render_json_chunks(findings: list[Finding], context: RenderContext = PLAIN) -> Iterator[str]:
    """:func:`render_json` in pieces, for writing a large output as it is made."""
    return findings_json_chunks(findings, context)


_BATCH = 128
"""Items of a streamed list (verdicts: small, and as many as the claims) dumped by one
``orjson`` call. Findings go one at a time: 128 of a million-claim report held 150 MB."""


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter), as ``itertools.batched`` of
    Python 3.12 does."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
