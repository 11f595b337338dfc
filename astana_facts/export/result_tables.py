"""The tables of the checks' result: the rules (every code a finding can carry), the findings
of ``report`` with the claims, quotes and facts each involves, and the editors' adjudications of
findings with the claims and public sources they name. Each table keys to the record tables
(:data:`astana_facts.export.tables.RECORD_TABLES`): a finding's claims to ``claims``, its quotes
to ``documents``, an adjudication to the finding it settles.
"""

from __future__ import annotations

from astana_facts.consistency.registry import RuleEntry
from astana_facts.export.layout import ForeignKey, Table, column, field_column, literal_values
from astana_facts.findings.finding import Finding
from astana_facts.models.adjudications import Adjudication, ExternalEvidence
from astana_facts.models.spans import Span
from astana_facts.verdicts import Resolution

_c = column
_f = field_column

_SEVERITIES = literal_values(Finding, "severity")

STATUSES = ("open", "adjudicated", "resolved")
"""A finding's status: neither adjudicated nor settled by facts, adjudicated by an editor, or
settled by facts (a resolution)."""

RULES = Table(
    "rules",
    "Every code a finding can carry: the integrity checks and the declared consistency rules.",
    (
        _c("code", "string", "The rule code (three letters, three digits)."),
        _c("name", "string", "The rule's kebab-case name."),
        _c("severity", "string", "How serious a finding of the code is.", _SEVERITIES),
        _f("family", "string", RuleEntry),
        _f("title", "string", RuleEntry),
        _f("why", "string", RuleEntry),
        _f("fix", "string", RuleEntry),
        _c("engine", "string", "The engine that carries out a consistency rule."),
        _c("parameters_json", "string", "A consistency rule's parameters, as JSON."),
    ),
    ("code",),
    indexes=("family",),
)

FINDINGS = Table(
    "findings",
    "Every finding of the report on the data: contradictions between sources and warnings.",
    (
        _c(
            "id",
            "string",
            "Stable id of the finding (its fingerprint, or one made of its code "
            "and place); the partial fingerprint of the SARIF report.",
        ),
        _c("position", "integer", "Order of the finding in the report (0-based)."),
        _c("code", "string", "The rule code."),
        _c("severity", "string", "How serious the finding is.", _SEVERITIES),
        _c("message", "string", "What the finding says, in words."),
        _c(
            "file",
            "string",
            "The records file it concerns, relative to the folder that holds the records "
            "folder (records/claims/<document>.json).",
        ),
        _c("line", "integer", "Line of the offending field in that file."),
        _c("column", "integer", "Column of the offending field in that file."),
        _c("pointer", "string", "JSON Pointer of the offending field in that file."),
        _f("subject", "string", Finding),
        _f("fingerprint", "string", Finding),
        _f("conflict_json", "string", Finding, "conflict", lead="As a JSON list:"),
        _c(
            "status", "string", "open, adjudicated (by an editor) or resolved (by facts).", STATUSES
        ),
        _c("adjudication", "string", "The fingerprint of the editors' adjudication of it."),
        _f("resolution_reason", "string", Resolution, "reason", lead="Resolution by facts:"),
        _f("resolution_holds_json", "string", Resolution, "holds", lead="As a JSON list:"),
        _f("resolution_refuted_json", "string", Resolution, "refuted", lead="As a JSON list:"),
        _f("claims_json", "string", Finding, "claims", lead="As a JSON list:"),
    ),
    ("id",),
    (ForeignKey("code", "rules", "code"),),
    ("code", "status"),
)  # (``adjudication`` refers to ``adjudications``, which refers back: kept as a plain column)

FINDING_CLAIMS = Table(
    "finding_claims",
    "The claims each finding involves, with the value each states (a consistency finding).",
    (
        _c("finding_id", "string", "The finding."),
        _c("position", "integer", "Order of the claim in the finding (0-based)."),
        _c("claim_id", "string", "A claim it involves."),
        _c("value", "string", "The value the claim states, in words (consistency findings)."),
    ),
    ("finding_id", "position"),
    (ForeignKey("finding_id", "findings"), ForeignKey("claim_id", "claims")),
    ("claim_id",),
)

FINDING_SPANS = Table(
    "finding_spans",
    "The quotes each finding shows, side by side.",
    (
        _c("finding_id", "string", "The finding."),
        _c("position", "integer", "Order of the quote in the finding (0-based)."),
        _c("document", "string", "The document quoted."),
        _f("start", "integer", Span),
        _f("end", "integer", Span),
        _f("exact", "string", Span),
    ),
    ("finding_id", "position"),
    (ForeignKey("finding_id", "findings"), ForeignKey("document", "documents")),
    ("document",),
)

FINDING_FACTS = Table(
    "finding_facts",
    "The facts that settle a finding (its resolution).",
    (
        _c("finding_id", "string", "The finding."),
        _c("position", "integer", "Order of the fact (0-based)."),
        _c("fact_id", "string", "A fact that settles it."),
    ),
    ("finding_id", "position"),
    (ForeignKey("finding_id", "findings"), ForeignKey("fact_id", "facts")),
    ("fact_id",),
)

ADJUDICATIONS = Table(
    "adjudications",
    "The editors' verdicts on findings (records/adjudications.json), matched by fingerprint.",
    (
        _f("fingerprint", "string", Adjudication),
        _f("code", "string", Adjudication),
        _f("subject", "string", Adjudication),
        _f("verdict", "string", Adjudication),
        _f("rationale", "string", Adjudication),
        _f("decided", "date", Adjudication),
        _f("values_json", "string", Adjudication, "values", lead="As a JSON list:"),
        _f("claims_json", "string", Adjudication, "claims", lead="As a JSON list:"),
        _c("finding_id", "string", "The finding of this report it adjudicates (empty: stale)."),
    ),
    ("fingerprint",),
    (ForeignKey("finding_id", "findings"),),
    ("verdict",),
)

ADJUDICATION_CLAIMS = Table(
    "adjudication_claims",
    "The claims an adjudication judges, and whether the evidence bears each out.",
    (
        _c("fingerprint", "string", "The adjudication."),
        _c("claim_id", "string", "A claim it judges (one in the dataset)."),
        _c(
            "correct",
            "boolean",
            "Whether the evidence bears the claim out (one of the "
            "adjudication's correct_claims, with the verdict claim_correct).",
        ),
    ),
    ("fingerprint", "claim_id"),
    (ForeignKey("fingerprint", "adjudications", "fingerprint"), ForeignKey("claim_id", "claims")),
    ("claim_id",),
)

ADJUDICATION_EVIDENCE = Table(
    "adjudication_evidence",
    "The public sources of each adjudication.",
    (
        _c("fingerprint", "string", "The adjudication."),
        _c("position", "integer", "Order of the source (0-based)."),
        _f("url", "string", ExternalEvidence),
        _f("quote", "string", ExternalEvidence),
    ),
    ("fingerprint", "position"),
    (ForeignKey("fingerprint", "adjudications", "fingerprint"),),
    search=("quote",),
)

RESULT_TABLES: tuple[Table, ...] = (
    RULES, FINDINGS, FINDING_CLAIMS, FINDING_SPANS, FINDING_FACTS, ADJUDICATIONS,
    ADJUDICATION_CLAIMS, ADJUDICATION_EVIDENCE,
)  # fmt: skip
"""The tables of the result, in foreign-key order (after the record tables)."""
