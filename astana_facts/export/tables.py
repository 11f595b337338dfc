"""The layout of the dataset as flat tables: documents, entities, their surface forms, claims,
the entities each claim names, evidence spans, facts with their public evidence, and the
verdicts on the claims with the facts each uses, with their columns and keys. One table layout
serves CSV (with a Frictionless descriptor) and SQLite (with keys and indexes); the rows that fill
it are built in :mod:`astana_facts.export.rows`.
"""

from __future__ import annotations

from dataclasses import dataclass

from astana_facts.verdicts import LABELS


@dataclass(frozen=True)
class Column:
    """A column: its name, its Table Schema type, and a one-line description."""

    name: str
    type: str
    description: str
    enum: tuple[str, ...] = ()
    """The only values the column may hold (empty: any of its type)."""


@dataclass(frozen=True)
class ForeignKey:
    """``column`` refers to ``table``.``target``."""

    column: str
    table: str
    target: str = "id"


@dataclass(frozen=True)
class Table:
    """A table's layout."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[str, ...] = ()


def _c(name: str, type_: str, description: str, enum: tuple[str, ...] = ()) -> Column:
    return Column(name, type_, description, enum)


TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        "The source documents, with metadata and verbatim text.",
        (
            _c("id", "string", "Document id."),
            _c("title", "string", "Title as the text gives it."),
            _c("publisher", "string", "Publisher, where known."),
            _c("author", "string", "Author, where known."),
            _c("published_start", "date", "Earliest possible publication day."),
            _c("published_end", "date", "Latest possible publication day."),
            _c("published_precision", "string", "day, part_of_month, month or year."),
            _c("published_inferred", "boolean", "Whether the date was inferred."),
            _c("published_reasoning", "string", "Why the date was inferred so."),
            _c("language", "string", "ISO 639 language code."),
            _c("url", "string", "Where it was published."),
            _c("original_file", "string", "File name in the corpus it came from."),
            _c("sha256", "string", "SHA-256 of the text."),
            _c("text", "string", "The verbatim text (NFC, LF line endings)."),
        ),
        ("id",),
    ),
    Table(
        "entities",
        "Canonical entities: states, people, organisations, series, rounds, instruments, places.",
        (
            _c("id", "string", "Entity id."),
            _c("kind", "string", "state, person, organisation, group, series, event, ..."),
            _c("name", "string", "Canonical name."),
            _c("description", "string", "One line that tells it apart."),
            _c("series", "string", "For a round: its negotiation series."),
            _c("wikidata", "string", "Wikidata item id."),
        ),
        ("id",),
        (ForeignKey("series", "entities"),),
    ),
    Table(
        "entity_forms",
        "Every registered surface form of an entity: aliases and known misspellings.",
        (
            _c("entity_id", "string", "The entity."),
            _c("form", "string", "The surface form."),
            _c("form_type", "string", "alias or misspelling."),
        ),
        ("entity_id", "form_type", "form"),
        (ForeignKey("entity_id", "entities"),),
        ("form",),
    ),
    Table(
        "claims",
        "One row per claim, its value flattened into typed columns.",
        (
            _c("id", "string", "Claim id."),
            _c("document", "string", "The document that makes the claim."),
            _c("kind", "string", "Claim kind (event_date, count, participants, ...)."),
            _c("subject", "string", "The entity the claim is about."),
            _c("modality", "string", "reported, planned or opinion."),
            _c("attribution_type", "string", "publisher, speaker, outlet or unnamed."),
            _c("attribution_entity", "string", "The speaker or outlet."),
            _c("attribution_via", "string", "The outlet or work a speaker was quoted from."),
            _c("attribution_description", "string", "How the text describes an unnamed source."),
            _c(
                "date_start",
                "date",
                "First day of the value's date (event, signature, plan, count).",
            ),
            _c("date_end", "date", "Last day of that date."),
            _c("date_precision", "string", "day, part_of_month, month or year."),
            _c("date_stance", "string", "full_span, day_within, start or end (event dates)."),
            _c("quantity_bound", "string", "exact, at_least, at_most, approximately or range."),
            _c("quantity_low", "number", "Smallest number the quantity admits (empty: none)."),
            _c("quantity_high", "number", "Largest number the quantity admits (empty: none)."),
            _c("measure", "string", "What a count counts."),
            _c("unit", "string", "Unit of a duration."),
            _c("series", "string", "Series of a round number."),
            _c("ordinal", "integer", "Round number within its series."),
            _c("role", "string", "Role of participants."),
            _c("complete", "boolean", "Whether a participant list is complete."),
            _c("action", "string", "What was done with an instrument."),
            _c("event", "string", "The round at which an instrument was concluded."),
            _c("place", "string", "Where an event took place."),
            _c("office", "string", "An office held."),
            _c("organisation", "string", "Whose office it is."),
            _c("relation", "string", "supports, opposes, member_of, part_of, mediates_between."),
            _c("content", "string", "What a statement says."),
            _c("direct", "boolean", "Whether a statement is a verbatim quotation."),
            _c("description", "string", "What a plan is."),
            _c("note", "string", "The annotator's reasoning."),
            _c("value_json", "string", "The whole value, as JSON."),
        ),
        ("id",),
        (
            ForeignKey("document", "documents"),
            ForeignKey("subject", "entities"),
            ForeignKey("attribution_entity", "entities"),
        ),
        ("document", "subject", "kind"),
    ),
    Table(
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
    ),
    Table(
        "spans",
        "Evidence spans: where in its document a claim is stated.",
        (
            _c("claim_id", "string", "The claim."),
            _c("position", "integer", "Order of the span in the claim's evidence (0-based)."),
            _c("document", "string", "The document."),
            _c("start", "integer", "Code-point offset of the quote's first character."),
            _c("end", "integer", "Code-point offset just past the quote."),
            _c("exact", "string", "The quote."),
            _c("prefix", "string", "Text just before the quote."),
            _c("suffix", "string", "Text just after the quote."),
        ),
        ("claim_id", "position"),
        (ForeignKey("claim_id", "claims"), ForeignKey("document", "documents")),
        ("document",),
    ),
    Table(
        "facts",
        "What public sources establish (records/facts.json), typed like a claim's value.",
        (
            _c("id", "string", "Fact id."),
            _c("kind", "string", "Claim kind of the value (event_date, location, ...)."),
            _c("subject", "string", "The entity the fact is about."),
            _c("value_json", "string", "The value, as JSON (the value of a claim of that kind)."),
            _c("rationale", "string", "Why the evidence establishes the value."),
        ),
        ("id",),
        (ForeignKey("subject", "entities"),),
        ("subject",),
    ),
    Table(
        "fact_evidence",
        "The public sources of each fact, with the quote that supports it.",
        (
            _c("fact_id", "string", "The fact."),
            _c("position", "integer", "Order of the source in the fact's evidence (0-based)."),
            _c("url", "string", "Where the source is published."),
            _c("publisher", "string", "Who published it."),
            _c("title", "string", "Its title, where given."),
            _c("published", "date", "When it was published, where known."),
            _c("retrieved", "date", "The day it was read."),
            _c("archived_url", "string", "An archived copy, where there is one."),
            _c("quote", "string", "The words that support the fact."),
        ),
        ("fact_id", "position"),
        (ForeignKey("fact_id", "facts"),),
    ),
    Table(
        "verdicts",
        "The verdict on each judged claim against the facts.",
        (
            _c("claim_id", "string", "The claim judged."),
            _c("label", "string", "What the verdict says.", LABELS),
            _c("reason", "string", "Why, in one sentence."),
            _c("by", "string", "Who judged: an engine or an editor.", ("engine", "editor")),
        ),
        ("claim_id",),
        (ForeignKey("claim_id", "claims"),),
        ("label",),
    ),
    Table(
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
    ),
)
"""Every table, in an order that satisfies the foreign keys."""
