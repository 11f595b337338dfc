"""The SQLite export's views: the questions users ask first, answered by a saved query each,
which datasette lists beside the tables (:mod:`.datasette` describes them)."""

from __future__ import annotations

from dataclasses import dataclass

_QUOTE = (
    "(SELECT group_concat(exact, ' … ') FROM (SELECT exact FROM spans s "
    "WHERE s.claim_id = c.id ORDER BY s.position))"
)
"""A claim's quote: its evidence spans in order, joined by `` … ``."""


@dataclass(frozen=True)
class View:
    """A view: its name, what it answers, and its query."""

    name: str
    description: str
    sql: str


VIEWS: tuple[View, ...] = (
    View(
        "event_date_claims",
        "Every date claim of an event (kinds event_date and relative_date), with its quote, "
        "its document and its verdict, by event and date.",
        f"""SELECT c.subject AS event, e.name AS event_name, c.id AS claim_id, c.kind,
  c.date_start, c.date_end, c.date_precision, c.date_stance, c.value_json,
  {_QUOTE} AS quote, c.document, d.title AS document_title, d.publisher,
  v.label AS verdict, v.reason AS verdict_reason
FROM claims c
JOIN entities e ON e.id = c.subject
JOIN documents d ON d.id = c.document
LEFT JOIN verdicts v ON v.claim_id = c.id
WHERE e.kind = 'event' AND c.kind IN ('event_date', 'relative_date')
ORDER BY c.subject, c.date_start, c.id""",
    ),
    View(
        "refuted_claims",
        "Every claim the facts refute, with its quote, its document, why, and the facts.",
        f"""SELECT c.id AS claim_id, c.kind, c.subject, c.value_json, {_QUOTE} AS quote,
  c.document, d.title AS document_title, d.publisher, v.reason, v.by,
  (SELECT group_concat(fact_id, ' ') FROM (SELECT fact_id FROM verdict_facts f
   WHERE f.claim_id = c.id ORDER BY f.position)) AS facts
FROM verdicts v
JOIN claims c ON c.id = v.claim_id
JOIN documents d ON d.id = c.document
WHERE v.label = 'refuted'
ORDER BY c.id""",
    ),
    View(
        "open_findings",
        "The findings neither adjudicated by an editor nor settled by facts, with their rule.",
        """SELECT f.id, f.code, r.title AS rule, f.severity, f.subject, f.message, f.file,
  f.line
FROM findings f
JOIN rules r ON r.code = f.code
WHERE f.status = 'open'
ORDER BY f.position""",
    ),
)
"""Every view of the SQLite export."""
