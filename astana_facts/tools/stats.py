"""Per-document statistics of a records folder: sentences covered, claims by kind, entities used.

What ``astana-facts stats`` prints: a quick way to see that a document is completely annotated
(every sentence covered) and how its claims spread over the kinds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from astana_facts.integrity.coverage import uncovered_sentences
from astana_facts.models.kinds import CLAIM_KINDS
from astana_facts.pipeline.progress import Progress, no_progress
from astana_facts.reading.model_paths import claim_collectors
from astana_facts.reading.records import Records
from astana_facts.text.sentences import split_sentences


@dataclass
class DocumentStats:
    """The figures of one document."""

    document: str
    sentences: int = 0
    covered: int = 0
    claims: int = 0
    not_check_worthy: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    """Claims by kind, every kind present (zero when absent), in the order of CLAIM_KINDS."""
    entities: list[str] = field(default_factory=list)
    """Ids of the entities the document's claims refer to, sorted."""


def document_stats(records: Records, progress: Progress = no_progress) -> list[DocumentStats]:
    """Statistics of every document with a source record, sorted by document id.

    ``records`` must hold the claims (``run(..., keep=True)``); ``progress`` hears of each
    document split into sentences.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    kinds: dict[str, Counter[str]] = {}
    entities: dict[str, set[str]] = {}
    skipped: Counter[str] = Counter()
    for record in records.claims:
        claim = record.claim
        kinds.setdefault(record.document, Counter())[claim["kind"]] += 1
        used = entities.setdefault(record.document, set())
        used.update(claim_collectors(claim["kind"])[0](claim))
        if not claim.get("deprecated"):  # (a deprecated claim covers no sentence)
            spans.setdefault(record.document, []).extend(
                (span["start"], span["end"]) for span in claim["evidence"]
            )
    for entry, _, document in records.not_check_worthy:
        skipped[document] += 1
        spans.setdefault(document, []).extend(
            (span["start"], span["end"]) for span in entry["evidence"]
        )
    result = []
    documents = sorted(records.sources)
    for document_id in progress(documents, total=len(documents), label="sentences"):
        text = records.sources[document_id].text
        sentences = split_sentences(text)
        total = len(sentences)
        counts = kinds.get(document_id, Counter())
        result.append(
            DocumentStats(
                document=document_id,
                sentences=total,
                covered=total
                - len(uncovered_sentences(text, spans.get(document_id, []), sentences)),
                claims=sum(counts.values()),
                not_check_worthy=skipped[document_id],
                kinds={kind: counts[kind] for kind in CLAIM_KINDS},
                entities=sorted(entities.get(document_id, set())),
            )
        )
    return result
