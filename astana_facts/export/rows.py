"""The rows of the export tables (:data:`~astana_facts.export.tables.TABLES`), built from the
pipeline's result: the records, the verdicts, and (:mod:`.result_rows`) the rules, findings and
adjudications.

Claims are flattened sensibly: the common parts of every value get columns of their own (a
date interval with precision and stance, a quantity as low/high, measure, unit, series and
ordinal, role, action, place, ...), the entities a value names go to ``claim_entities``, and
the whole value stays available as JSON in ``value_json``. Facts keep their value as JSON, with
a row per public source in ``fact_evidence``; verdicts (from the pipeline's
``Result.claim_verdicts``) a row each, with a row per fact used in ``verdict_facts``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import orjson

from astana_facts.export.result_rows import adjudication_rows, finding_rows, rule_rows
from astana_facts.export.tables import TABLES, Table
from astana_facts.reading.model_paths import claim_paths, values_at
from astana_facts.reading.records import ClaimRecord, Records

if TYPE_CHECKING:
    from astana_facts.pipeline.result import Result
    from astana_facts.verdicts import Verdict

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


def _document_rows(records: Records) -> Iterator[Row]:
    """One ``documents`` row per source, with its metadata and text."""
    for document_id in sorted(records.sources):
        source = records.sources[document_id]
        metadata, published = source.metadata, source.metadata["published"]
        yield {
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


def _entity_rows(records: Records, by_name: dict[str, list[Row]]) -> None:
    """The ``entities`` rows and each entity's surface forms (``entity_forms``)."""
    for entity, _ in sorted(records.entities, key=lambda item: item[0]["id"]):
        by_name["entities"].append(
            {
                key: entity.get(key)
                for key in ("id", "kind", "name", "description", "series", "wikidata")
            }
        )
        for form_type, key in (("alias", "aliases"), ("misspelling", "misspellings")):
            for form in dict.fromkeys(entity[key]):  # a form listed twice is one form (one key)
                by_name["entity_forms"].append(
                    {"entity_id": entity["id"], "form": form, "form_type": form_type}
                )


def _claim_rows(record: ClaimRecord, by_name: dict[str, list[Row]]) -> None:
    """A claim's ``claims`` row, the entities it names (``claim_entities``) and its ``spans``."""
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


def _fact_rows(records: Records, by_name: dict[str, list[Row]]) -> None:
    """A ``facts`` row per fact and a ``fact_evidence`` row per public source of each."""
    for fact, _ in records.facts:
        by_name["facts"].append(
            {
                "id": fact["id"],
                "kind": fact["kind"],
                "subject": fact["subject"],
                "value_json": orjson.dumps(fact["value"], option=orjson.OPT_SORT_KEYS).decode(),
                "rationale": fact.get("rationale"),
            }
        )
        for position, source in enumerate(fact.get("evidence") or []):
            by_name["fact_evidence"].append(
                {
                    "fact_id": fact["id"],
                    "position": position,
                    **{key: _iso(value) for key, value in source.items()},
                }
            )


def _verdict_rows(verdicts: Mapping[str, Verdict], by_name: dict[str, list[Row]]) -> None:
    """A ``verdicts`` row per verdict and a ``verdict_facts`` row per fact it uses."""
    for verdict in verdicts.values():
        by_name["verdicts"].append(
            {
                "claim_id": verdict.claim,
                "label": verdict.label,
                "reason": verdict.reason,
                "by": verdict.by,
            }
        )
        by_name["verdict_facts"] += [
            {"claim_id": verdict.claim, "position": position, "fact_id": fact_id}
            for position, fact_id in enumerate(verdict.facts)
        ]


def rows(result: Result) -> Iterator[tuple[Table, list[Row]]]:
    """Every table with its rows, in :data:`TABLES` order, rows sorted by key: the records, the
    verdicts on the claims (``result.claim_verdicts``), the rules, findings and adjudications."""
    records = result.records
    by_name: dict[str, list[Row]] = {table.name: [] for table in TABLES}
    by_name["documents"].extend(_document_rows(records))
    _entity_rows(records, by_name)
    for record in sorted(records.claims, key=lambda r: r.claim["id"]):
        _claim_rows(record, by_name)
    _fact_rows(records, by_name)
    _verdict_rows(result.claim_verdicts, by_name)
    by_name["rules"] = rule_rows(result)
    finding_rows(result, by_name)
    adjudication_rows(result, by_name)
    for table in TABLES:
        table_rows = by_name[table.name]
        table_rows.sort(key=lambda row, t=table: tuple(_key(row[k]) for k in t.primary_key))  # type: ignore[misc]
        yield (
            table,
            [{column.name: row.get(column.name) for column in table.columns} for row in table_rows],
        )


def _key(value: Any) -> tuple[int, str]:
    """A sort key that orders numbers as numbers (position 10 after 9)."""
    return (value, "") if isinstance(value, int) else (0, str(value))
