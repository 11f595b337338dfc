"""The ClaimReview export: one schema.org ``ClaimReview`` per judged claim, as JSON-LD.

Fact-checkers publish their verdicts as ClaimReview (https://schema.org/ClaimReview), the feed
search engines and claim databases read. Each review here is a claim's verdict against the
facts:

- ``claimReviewed``: the claim's quote (its evidence spans, joined by `` … ``);
- ``itemReviewed``: a ``Claim`` (``identifier`` = the claim id) with its ``appearance``, a
  ``CreativeWork`` for the source document (``url``, ``headline`` = its title,
  ``datePublished`` when the day is known, ``publisher``), and its ``author``: the speaker or
  cited outlet (a ``Person`` for a person, else an ``Organization``), or for the publisher's own
  voice the document's publisher (else its author); an unnamed source has no author;
- ``reviewRating``: a ``Rating`` whose ``alternateName`` is the label; ``supported``,
  ``conflicting`` and ``refuted`` also get a ``ratingValue`` on the scale :data:`RATING_SCALE`
  (``worstRating`` 1 = refuted, 2 = conflicting, ``bestRating`` 3 = supported); a plan's
  ``kept`` / ``not_kept`` judges an outcome, not a truth, and gets no number;
- ``reviewBody``: the verdict's reason; ``isBasedOn``: the URLs of the public evidence of the
  facts used, in the verdict's order; ``author``: :data:`REVIEWER`;
- ``datePublished``: the latest day a source of the facts used was read (``retrieved``), else
  the latest of all facts: a date of the data, never today's.

A claim whose verdict is ``not_enough_evidence`` is not reviewed (:data:`REVIEWED_LABELS`).
Reviews come in claim id order, as one document ``{"@context": "https://schema.org",
"@graph": [...]}``: the same data give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import orjson

from astana_facts.reading.records import ClaimRecord, PlainRecord, Records
from astana_facts.verdicts import LABELS

if TYPE_CHECKING:
    from astana_facts.verdicts import Verdict

SCHEMA_ORG = "https://schema.org"
"""The JSON-LD context of every review."""

REVIEWER: dict[str, str] = {
    "@type": "Organization",
    "name": "astana-facts contributors",
}
"""Who reviews: the dataset's editors (no ``url``: the project has no public page yet)."""

REVIEWED_LABELS: tuple[str, ...] = tuple(
    label for label in LABELS if label != "not_enough_evidence"
)
"""The labels that make a review: every label but ``not_enough_evidence`` (no judgment)."""

RATING_SCALE: dict[str, int] = {"refuted": 1, "conflicting": 2, "supported": 3}
"""Label -> ``ratingValue`` (from ``worstRating`` 1 to ``bestRating`` 3); plans have none."""


def _date(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _agent(name: str, person: bool) -> dict[str, str]:
    return {"@type": "Person" if person else "Organization", "name": name}


def _author(record: ClaimRecord, records: Records, entities: Mapping[str, PlainRecord]) -> Any:
    """Who asserts the claim, as a schema.org agent (None for an unnamed source)."""
    attribution = record.claim["attribution"]
    if attribution["type"] in ("speaker", "outlet"):
        entity = entities.get(attribution["entity"])
        if entity is None:
            return None
        return _agent(entity["name"], entity["kind"] == "person")
    if attribution["type"] == "publisher":
        source = records.sources.get(record.document)
        metadata = source.metadata if source is not None else {}
        if metadata.get("publisher"):
            return _agent(metadata["publisher"], False)
        if metadata.get("author"):
            return _agent(metadata["author"], True)
    return None


def _appearance(records: Records, document: str) -> dict[str, Any]:
    """The source document as a CreativeWork: url, headline, datePublished, publisher."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    source = records.sources.get(document)
    if source is None:
        return work
    metadata = source.metadata
    if metadata.get("url"):
        work["url"] = metadata["url"]
    work["headline"] = metadata.get("title") or document
    published = metadata.get("published") or {}
    if published.get("start") is not None and published.get("start") == published.get("end"):
        work["datePublished"] = _date(published["start"])
    if metadata.get("publisher"):
        work["publisher"] = _agent(metadata["publisher"], False)
    return work


def _rating(label: str) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label}
    if label in RATING_SCALE:
        rating |= {"ratingValue": RATING_SCALE[label], "bestRating": 3, "worstRating": 1}
    return rating


def _sources(verdict: Verdict, facts: Mapping[str, PlainRecord]) -> list[PlainRecord]:
    """The public sources of the facts the verdict uses, in its order."""
    return [
        source
        for fact_id in verdict.facts
        for source in (facts.get(fact_id) or {}).get("evidence") or []
    ]


def _retrieved(sources: list[PlainRecord]) -> str | None:
    days = sorted(_date(source["retrieved"]) for source in sources if source.get("retrieved"))
    return days[-1] if days else None


def _review(
    record: ClaimRecord, verdict: Verdict, records: Records, index: dict[str, Any]
) -> dict[str, Any]:
    """One claim's ClaimReview."""
    claim: dict[str, Any] = {
        "@type": "Claim",
        "identifier": record.claim["id"],
        "appearance": _appearance(records, record.document),
    }
    author = _author(record, records, index["entities"])
    if author is not None:
        claim["author"] = author
    sources = _sources(verdict, index["facts"])
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": " … ".join(span["exact"] for span in record.claim["evidence"]),
        "itemReviewed": claim,
        "reviewRating": _rating(verdict.label),
        "author": REVIEWER,
    }
    published = _retrieved(sources) or index["latest"]
    if published is not None:
        review["datePublished"] = published
    if verdict.reason:
        review["reviewBody"] = verdict.reason
    urls = list(dict.fromkeys(source["url"] for source in sources if source.get("url")))
    if urls:
        review["isBasedOn"] = urls
    return review


def claim_reviews(records: Records, verdicts: Mapping[str, Verdict]) -> bytes:
    """Every judged claim's ClaimReview, as one JSON-LD document (UTF-8, indented, final
    newline)."""
    facts = {fact["id"]: fact for fact, _ in reversed(records.facts)}  # (the first of an id)
    index = {
        "entities": {entity["id"]: entity for entity, _ in records.entities},
        "facts": facts,
        "latest": _retrieved([s for fact in facts.values() for s in fact.get("evidence") or []]),
    }
    claims = {record.claim["id"]: record for record in records.claims}
    reviews = [
        _review(claims[claim_id], verdicts[claim_id], records, index)
        for claim_id in sorted(verdicts)
        if claim_id in claims and verdicts[claim_id].label in REVIEWED_LABELS
    ]
    document = {"@context": SCHEMA_ORG, "@graph": reviews}
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
