"""The dataset as flat tables: documents, entities, their surface forms, claims, the entities each
claim names, and evidence spans. One table layout serves CSV (with a Frictionless descriptor) and
SQLite (with keys and indexes).

Claims are flattened sensibly: the common parts of every value get columns of their own (a
date interval with precision and stance, a quantity as low/high, measure, unit, series and
ordinal, role, action, place, ...), the entities a value names go to ``claim_entities``, and
the whole value stays available as JSON in ``value_json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from astana_facts.reading.model_paths import claim_paths, values_at
from astana_facts.reading.records import Records


@dataclass(frozen=True)
class Column:
    """A column: its name, its Table Schema type, and a one-line description."""

    name: str
    type: str
    description: str


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


def _c(name: str, type_: str, description: str) -> Column:
    return Column(name, type_, description)


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
)
"""Every table, in an order that satisfies the foreign keys."""

Row = dict[str, Any]


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _quantity(amount: dict[str, Any] | None) -> dict[str, Any]:
    if not amount:
        return {}
    bound = amount["bound"]
    low = amount.get("low", amount.get("value"))
    high = amount.get("high", amount.get("value"))
    if bound == "at_least":
        high = None
    elif bound == "at_most":
        low = None
    return {"quantity_bound": bound, "quantity_low": low, "quantity_high": high}


def _dates(value: dict[str, Any]) -> dict[str, Any]:
    interval = value if "start" in value else value.get("date") or value.get("as_of")
    if not interval:
        return {}
    return {
        "date_start": _iso(interval["start"]),
        "date_end": _iso(interval["end"]),
        "date_precision": interval["precision"],
        "date_stance": value.get("stance"),
    }


_SCALARS = (
    "measure", "unit", "series", "ordinal", "role", "complete", "action", "event", "place",
    "office", "organisation", "relation", "content", "direct", "description",
)  # fmt: skip


def claim_row(claim: dict[str, Any], document: str) -> Row:
    """One claim as a ``claims`` row."""
    value = claim["value"]
    attribution = claim["attribution"]
    row: Row = {
        "id": claim["id"],
        "document": document,
        "kind": claim["kind"],
        "subject": claim["subject"],
        "modality": claim["modality"],
        "attribution_type": attribution["type"],
        "attribution_entity": attribution.get("entity"),
        "attribution_via": attribution.get("via"),
        "attribution_description": attribution.get("description"),
        "note": claim.get("note"),
        "value_json": orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode(),
        **_dates(value),
        **_quantity(value.get("amount")),
    }
    row.update({key: value[key] for key in _SCALARS if key in value})
    return row


def rows(records: Records) -> Iterator[tuple[Table, list[Row]]]:
    """Every table with its rows, in :data:`TABLES` order, rows sorted by key."""
    by_name: dict[str, list[Row]] = {table.name: [] for table in TABLES}
    for document_id in sorted(records.sources):
        source = records.sources[document_id]
        metadata, published = source.metadata, source.metadata["published"]
        by_name["documents"].append(
            {
                "id": document_id,
                "title": metadata["title"],
                "publisher": metadata.get("publisher"),
                "author": metadata.get("author"),
                "published_start": _iso(published["start"]),
                "published_end": _iso(published["end"]),
                "published_precision": published["precision"],
                "published_inferred": published["inferred"],
                "published_reasoning": published.get("reasoning"),
                "language": metadata["language"],
                "url": metadata.get("url"),
                "original_file": metadata["original_file"],
                "sha256": metadata["sha256"],
                "text": source.text,
            }
        )
    for entity, _ in sorted(records.entities, key=lambda item: item[0]["id"]):
        by_name["entities"].append(
            {
                key: entity.get(key)
                for key in ("id", "kind", "name", "description", "series", "wikidata")
            }
        )
        for form_type, key in (("alias", "aliases"), ("misspelling", "misspellings")):
            for form in entity[key]:
                by_name["entity_forms"].append(
                    {"entity_id": entity["id"], "form": form, "form_type": form_type}
                )
    for record in sorted(records.claims, key=lambda r: r.claim["id"]):
        claim = record.claim
        by_name["claims"].append(claim_row(claim, record.document))
        references, _ = claim_paths(claim["kind"])
        for path in references:
            for pointer, entity_id in values_at(claim, path):
                by_name["claim_entities"].append(
                    {"claim_id": claim["id"], "field": pointer, "entity_id": entity_id}
                )
        for position, span in enumerate(claim["evidence"]):
            by_name["spans"].append(
                {
                    "claim_id": claim["id"],
                    "position": position,
                    "document": record.document,
                    **{key: span.get(key) for key in ("start", "end", "exact", "prefix", "suffix")},
                }
            )
    for table in TABLES:
        table_rows = by_name[table.name]
        table_rows.sort(key=lambda row, t=table: tuple(str(row[k]) for k in t.primary_key))  # type: ignore[misc]
        yield (
            table,
            [{column.name: row.get(column.name) for column in table.columns} for row in table_rows],
        )
