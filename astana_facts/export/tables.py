"""The layout of the dataset as flat tables: documents, entities, their surface forms, claims,
the entities each claim names, evidence spans, facts with their public evidence, and the
verdicts on the claims with the facts each uses (:data:`RECORD_TABLES`), then the result of the
checks: rules, findings and adjudications (:mod:`.result_tables`). One table registry,
:data:`TABLES`, serves every export (CSV with a Frictionless descriptor, SQLite with keys,
indexes and full-text search, datasette metadata, JSON Lines, the dataset cards), so a new table
appears in all of them; the rows that fill it are built in :mod:`astana_facts.export.rows`.

A column that holds a model's field takes its description and allowed values from the model
(:func:`~astana_facts.export.layout.field_column`).
"""

from __future__ import annotations

from astana_facts.export.layout import (
    Column,
    ForeignKey,
    Table,
    column,
    field_column,
    literal_values,
)
from astana_facts.export.result_tables import RESULT_TABLES
from astana_facts.models.claims import ClaimBase, Speaker, Unnamed
from astana_facts.models.entities import Entity
from astana_facts.models.facts import FACT_KINDS, FactBase, PublicSource
from astana_facts.models.kinds import CLAIM_KINDS
from astana_facts.models.sources import PublishedDate, SourceMetadata
from astana_facts.models.spans import Span
from astana_facts.models.values import (
    Approximately,
    AtLeast,
    AtMost,
    DateInterval,
    DateValue,
    DurationValue,
    Exact,
    InstrumentValue,
    ParticipantsValue,
    Range,
    RelationValue,
    RelativeDateValue,
)
from astana_facts.verdicts import Verdict

__all__ = ["RECORD_TABLES", "TABLES", "Column", "ForeignKey", "Table"]

_c = column
_f = field_column

_BOUNDS = tuple(bound for model in (Exact, AtLeast, AtMost, Approximately, Range)
                for bound in literal_values(model, "bound"))  # fmt: skip
_UNITS = tuple(dict.fromkeys(
    literal_values(DurationValue, "unit") + literal_values(RelativeDateValue, "unit")
))  # fmt: skip

DOCUMENTS = Table(
    "documents",
    "The source documents, with metadata and verbatim text.",
    (
        _f("id", "string", SourceMetadata),
        _f("title", "string", SourceMetadata),
        _f("publisher", "string", SourceMetadata),
        _f("author", "string", SourceMetadata),
        _f("published_start", "date", PublishedDate, "start", lead="Publication date:"),
        _f("published_end", "date", PublishedDate, "end", lead="Publication date:"),
        _f("published_precision", "string", PublishedDate, "precision", lead="Publication date:"),
        _f("published_inferred", "boolean", PublishedDate, "inferred"),
        _f("published_reasoning", "string", PublishedDate, "reasoning"),
        _f("language", "string", SourceMetadata),
        _f("url", "string", SourceMetadata),
        _f("original_file", "string", SourceMetadata),
        _f("sha256", "string", SourceMetadata),
        _c("text", "string", "The verbatim text (UTF-8, NFC, LF line endings)."),
    ),
    ("id",),
    search=("title", "text"),
)

ENTITIES = Table(
    "entities",
    "Canonical entities: states, people, organisations, series, rounds, instruments, places.",
    (
        _f("id", "string", Entity),
        _f("kind", "string", Entity),
        _f("name", "string", Entity),
        _f("description", "string", Entity),
        _f("series", "string", Entity),
        _f("wikidata", "string", Entity),
    ),
    ("id",),
    (ForeignKey("series", "entities"),),
)

ENTITY_FORMS = Table(
    "entity_forms",
    "Every registered surface form of an entity: aliases and known misspellings.",
    (
        _c("entity_id", "string", "The entity."),
        _c("form", "string", "The surface form."),
        _c("form_type", "string", "alias or misspelling.", ("alias", "misspelling")),
    ),
    ("entity_id", "form_type", "form"),
    (ForeignKey("entity_id", "entities"),),
    ("form",),
)

CLAIMS = Table(
    "claims",
    "One row per claim, its value flattened into typed columns.",
    (
        _f("id", "string", ClaimBase),
        _c("document", "string", "The document that makes the claim."),
        _c("kind", "string", "Claim kind: what the value states.", CLAIM_KINDS),
        _f("subject", "string", ClaimBase),
        _f("modality", "string", ClaimBase),
        _c(
            "attribution_type",
            "string",
            "Who asserts the claim: publisher, speaker, outlet or unnamed.",
            ("publisher", "speaker", "outlet", "unnamed"),
        ),
        _f("attribution_entity", "string", Speaker, "entity", lead="The speaker or outlet:"),
        _f("attribution_via", "string", Speaker, "via"),
        _f("attribution_description", "string", Unnamed, "description"),
        _c("date_start", "date", "First day of the value's date (event, signature, plan, count)."),
        _f("date_end", "date", DateInterval, "end"),
        _f("date_precision", "string", DateInterval, "precision"),
        _f("date_stance", "string", DateValue, "stance", lead="Event dates only."),
        _c("quantity_bound", "string", "How a quantity is bounded.", _BOUNDS),
        _c("quantity_low", "number", "Smallest number the quantity admits (empty: none)."),
        _c("quantity_high", "number", "Largest number the quantity admits (empty: none)."),
        _c("measure", "string", "What a count counts."),
        _c("unit", "string", "Unit of a duration or relative date.", _UNITS),
        _c("series", "string", "Series of a round number."),
        _c("ordinal", "integer", "Round number within its series."),
        _f("role", "string", ParticipantsValue, lead="Participants:"),
        _f("complete", "boolean", ParticipantsValue, lead="Participants:"),
        _f("action", "string", InstrumentValue, lead="Instrument:"),
        _f("event", "string", InstrumentValue, lead="Instrument:"),
        _c("place", "string", "Where an event took place."),
        _c("office", "string", "An office held."),
        _c("organisation", "string", "Whose office it is."),
        _f("relation", "string", RelationValue),
        _c("content", "string", "What a statement says."),
        _c("direct", "boolean", "Whether a statement is a verbatim quotation."),
        _c("description", "string", "What a plan is."),
        _f("note", "string", ClaimBase),
        _c("value_json", "string", "The whole value, as JSON (its shape depends on the kind)."),
    ),
    ("id",),
    (
        ForeignKey("document", "documents"),
        ForeignKey("subject", "entities"),
        ForeignKey("attribution_entity", "entities"),
    ),
    ("document", "subject", "kind"),
)

CLAIM_ENTITIES = Table(
    "claim_entities",
    "Every entity a claim names, with the field that names it.",
    (
        _c("claim_id", "string", "The claim."),
        _c("field", "string", "JSON Pointer of the field in the claim."),
        _c("entity_id", "string", "The entity."),
    ),
    ("claim_id", "field"),
    (ForeignKey("claim_id", "claims"), ForeignKey("entity_id", "entities")),
    ("entity_id",),
)

SPANS = Table(
    "spans",
    "Evidence spans: where in its document a claim is stated, with the quote.",
    (
        _c("claim_id", "string", "The claim."),
        _c("position", "integer", "Order of the span in the claim's evidence (0-based)."),
        _c("document", "string", "The document."),
        _f("start", "integer", Span),
        _f("end", "integer", Span),
        _f("exact", "string", Span),
        _f("prefix", "string", Span),
        _f("suffix", "string", Span),
    ),
    ("claim_id", "position"),
    (ForeignKey("claim_id", "claims"), ForeignKey("document", "documents")),
    ("document",),
    search=("exact",),
)

FACTS = Table(
    "facts",
    "What public sources establish (records/facts.json), typed like a claim's value.",
    (
        _f("id", "string", FactBase),
        _c("kind", "string", "Claim kind of the value (event_date, location, ...).", FACT_KINDS),
        _f("subject", "string", FactBase),
        _c("value_json", "string", "The value, as JSON (the value of a claim of that kind)."),
        _f("rationale", "string", FactBase),
    ),
    ("id",),
    (ForeignKey("subject", "entities"),),
    ("subject",),
)

FACT_EVIDENCE = Table(
    "fact_evidence",
    "The public sources of each fact, with the quote that supports it.",
    (
        _c("fact_id", "string", "The fact."),
        _c("position", "integer", "Order of the source in the fact's evidence (0-based)."),
        _f("url", "string", PublicSource),
        _f("publisher", "string", PublicSource),
        _f("title", "string", PublicSource),
        _f("published", "date", PublicSource),
        _f("retrieved", "date", PublicSource),
        _f("archived_url", "string", PublicSource),
        _f("quote", "string", PublicSource),
    ),
    ("fact_id", "position"),
    (ForeignKey("fact_id", "facts"),),
    search=("quote",),
)

VERDICTS = Table(
    "verdicts",
    "The verdict on each judged claim against the facts.",
    (
        _f("claim_id", "string", Verdict, "claim"),
        _f("label", "string", Verdict),
        _f("reason", "string", Verdict),
        _f("by", "string", Verdict),
    ),
    ("claim_id",),
    (ForeignKey("claim_id", "claims"),),
    ("label",),
)

VERDICT_FACTS = Table(
    "verdict_facts",
    "The facts each verdict rests on.",
    (
        _c("claim_id", "string", "The claim judged."),
        _c("position", "integer", "Order of the fact in the verdict (0-based)."),
        _c("fact_id", "string", "A fact the verdict uses."),
    ),
    ("claim_id", "position"),
    (ForeignKey("claim_id", "verdicts", "claim_id"), ForeignKey("fact_id", "facts")),
    ("fact_id",),
)

RECORD_TABLES: tuple[Table, ...] = (
    DOCUMENTS, ENTITIES, ENTITY_FORMS, CLAIMS, CLAIM_ENTITIES, SPANS, FACTS, FACT_EVIDENCE,
    VERDICTS, VERDICT_FACTS,
)  # fmt: skip
"""The tables of the records and the verdicts on the claims, in foreign-key order."""

TABLES: tuple[Table, ...] = (*RECORD_TABLES, *RESULT_TABLES)
"""Every table, in an order that satisfies the foreign keys."""
