"""The ClaimReview export is valid JSON-LD in schema.org's terms: one review per judged claim,
byte-identical on every run, untrusted text escaped as JSON.

No network: ``schemaorg/context.jsonld`` holds the entries of schema.org's own JSON-LD context
(release 30.0) for the terms the export uses, without its ``@vocab``, so that expanding with it
drops any term it does not define; ``schemaorg/vocabulary.json`` holds, from the same release,
each type's superclass and each property's domain and range, so that every property is checked
to belong to the type of the node it is used on.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import astana_facts.pipeline.run as pipeline
from astana_facts.cli.main import cli
from astana_facts.export.claimreview import RATING_SCALE, REVIEWED_LABELS, claim_reviews
from astana_facts.pipeline.result import Result
from astana_facts.verdicts import Verdict
from tests.judged import HOSTILE, judged_result

HERE = Path(__file__).parent / "schemaorg"
CONTEXT = json.loads((HERE / "context.jsonld").read_text(encoding="utf-8"))
SCHEMA = "http://schema.org/"
VOCABULARY = json.loads((HERE / "vocabulary.json").read_text(encoding="utf-8"))

BUNDLED_VERDICTS = (
    Verdict(
        "kisi-round-8-start", "refuted", ("fact-astana-round-8-dates",), "It began on the 21st."
    ),
    Verdict("klein-round-4-dates", "supported", ("fact-astana-round-4-dates",), "Entailed."),
    Verdict("next-round-date-planned", "not_kept", ("fact-astana-round-9-dates",), "Held in May."),
    Verdict("klein-process-guarantors", "conflicting", (), "Sources differ.", by="editor"),
    Verdict("prospects-analysts-dialogue", "not_enough_evidence"),
)
"""Verdicts on bundled claims, as the verdict stage could give them."""


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline's result carries :data:`BUNDLED_VERDICTS` (the stage that derives them is
    another part's)."""
    real = pipeline.run

    def run(*args: Any, **kwargs: Any) -> Result:
        result = real(*args, **kwargs)
        result.claim_verdicts = {
            v.claim: v for v in sorted(BUNDLED_VERDICTS, key=lambda v: v.claim)
        }
        return result

    monkeypatch.setattr(pipeline, "run", run)


def _export(*args: str) -> Any:
    result = CliRunner().invoke(cli, ["export", "--format", "claimreview", *args])
    assert result.exit_code == 0, result.output
    return result


def _expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """``document`` expanded with the local schema.org context (no network)."""
    from pyld import jsonld

    def loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}

    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": loader})
    return expanded


def _uses(node: Any, prefix: str = "") -> Counter[str]:
    """How often each property and type is used in ``node``; with ``prefix``, only IRIs that
    start with it count, shortened to the term (an expanded document)."""
    found: Counter[str] = Counter()
    if isinstance(node, list):
        for item in node:
            found += _uses(item, prefix)
    elif isinstance(node, dict):
        types = node.get("@type", [])
        for name in [types] if isinstance(types, str) else types:
            if name.startswith(prefix) and "@value" not in node:
                found["@type " + name.removeprefix(prefix)] += 1
        for key, value in node.items():
            if not key.startswith("@") and key.startswith(prefix):
                found[key.removeprefix(prefix)] += 1
            found += _uses(value, prefix)
    return found


def _kinds(node: str) -> set[str]:
    """A type with every type above it."""
    found = {node}
    for parent in VOCABULARY["types"].get(node, []):
        found |= _kinds(parent)
    return found


def _terms_fit(node: Any, path: str = "") -> list[str]:
    """Every property used on a typed node that schema.org does not give that type."""
    wrong = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            wrong += _terms_fit(item, f"{path}/{index}")
    elif isinstance(node, dict):
        kinds = _kinds(node["@type"]) if "@type" in node else set()
        if "@type" in node and node["@type"] not in VOCABULARY["types"]:
            wrong.append(f"{path}: type {node['@type']}")
        for key, value in node.items():
            if key.startswith("@"):
                wrong += _terms_fit(value, f"{path}/{key}")
                continue
            known = VOCABULARY["properties"].get(key)
            if known is None or not kinds & set(known["domain"]):
                wrong.append(f"{path}: {key} on {sorted(kinds)}")
            wrong += _terms_fit(value, f"{path}/{key}")
    return wrong


def test_every_judged_claim_has_one_review_in_schema_org_terms(judged: None) -> None:
    document = json.loads(_export("-o", "-").stdout)
    reviews = document["@graph"]
    judged_ids = sorted(v.claim for v in BUNDLED_VERDICTS if v.label in REVIEWED_LABELS)
    assert [r["itemReviewed"]["identifier"] for r in reviews] == judged_ids
    assert _terms_fit(reviews) == []
    expanded = _expand(document)
    assert len(expanded) == len(reviews)
    assert _uses(expanded, SCHEMA) == _uses(reviews)  # nothing dropped: every term is schema.org's


def test_a_review_carries_the_quote_the_appearance_the_author_and_the_evidence(
    judged: None,
) -> None:
    reviews = {
        r["itemReviewed"]["identifier"]: r for r in json.loads(_export("-o", "-").stdout)["@graph"]
    }
    refuted = reviews["kisi-round-8-start"]
    assert refuted["reviewRating"] == {
        "@type": "Rating", "alternateName": "refuted", "ratingValue": 1, "bestRating": 3,
        "worstRating": 1,
    }  # fmt: skip
    assert refuted["claimReviewed"] and refuted["reviewBody"] == "It began on the 21st."
    appearance = refuted["itemReviewed"]["appearance"]
    assert appearance["url"].startswith("https://kisi.kz/") and "datePublished" not in appearance
    assert refuted["itemReviewed"]["author"]["@type"] == "Organization"  # the publisher
    assert refuted["isBasedOn"] and all(u.startswith("https://") for u in refuted["isBasedOn"])
    assert refuted["datePublished"] == "2026-11-28"  # the day its evidence was read
    klein = reviews["klein-round-4-dates"]
    assert klein["itemReviewed"]["author"] == {"@type": "Person", "name": "John Klein"}
    assert klein["itemReviewed"]["appearance"]["datePublished"] == "2017-05-13"
    plan = reviews["next-round-date-planned"]
    assert plan["reviewRating"] == {"@type": "Rating", "alternateName": "not_kept"}
    assert plan["itemReviewed"]["author"]["@type"] == "Person"  # the speaker
    editor = reviews["klein-process-guarantors"]
    assert "isBasedOn" not in editor and editor["datePublished"] == "2026-11-28"
    assert editor["reviewRating"]["ratingValue"] == RATING_SCALE["conflicting"]


def test_the_export_is_byte_identical_on_two_runs(judged: None, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonld", tmp_path / "b.jsonld"
    _export("-o", str(first))
    _export("-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == _export("-o", "-").stdout_bytes


def test_no_verdicts_make_an_empty_graph() -> None:
    result = judged_result()
    empty = json.loads(claim_reviews(result.records, {}))
    assert empty == {"@context": "https://schema.org", "@graph": []}


def test_the_bundled_export_reviews_every_claim_the_facts_or_editors_judged() -> None:
    from astana_facts.pipeline.run import run

    verdicts = run(None, consistency=True).claim_verdicts
    judged = {claim for claim, verdict in verdicts.items()
              if verdict.label != "not_enough_evidence"}  # fmt: skip
    graph = json.loads(_export("-o", "-").stdout)["@graph"]
    assert judged and {review["itemReviewed"]["identifier"] for review in graph} == judged


def test_untrusted_text_stays_text() -> None:
    result = judged_result(hostile=True)
    raw = claim_reviews(result.records, result.claim_verdicts)
    assert b"\n# heading" not in raw and b'alert(\\"x\\")' in raw  # escaped as JSON
    document = json.loads(raw)
    refuted, supported, plan = document["@graph"]  # by claim id; a-end has no judgment
    labels = [review["reviewRating"]["alternateName"] for review in (refuted, supported, plan)]
    assert labels == ["refuted", "supported", "not_kept"]
    assert refuted["reviewBody"].endswith(HOSTILE)
    assert refuted["itemReviewed"]["appearance"]["headline"].endswith(HOSTILE)
    assert supported["itemReviewed"]["author"] == {"@type": "Person", "name": "Kairat Abdrakhmanov"}
    assert _terms_fit(document["@graph"]) == []
    assert _uses(_expand(document), SCHEMA) == _uses(document["@graph"])
