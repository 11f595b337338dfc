"""The public Python API: :func:`load`, :func:`validate` and :func:`check`."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from astana_facts.dataset import Dataset, Judge
from astana_facts.findings.finding import Finding, has_errors
from astana_facts.pipeline.gc import collector_paused
from astana_facts.pipeline.result import Result
from astana_facts.pipeline.run import resolve_root, run
from astana_facts.reading.records import Records
from astana_facts.resources import real_path

if TYPE_CHECKING:
    from astana_facts.models import Claim
    from astana_facts.verdicts import Verdict

_cache: dict[Path, Dataset] = {}
_lock = threading.Lock()
# Reading and schema errors cause the others, so they are listed first.
_ROOT_CAUSE_FIRST = {"SCH": 0, "SRC": 1, "IDS": 2, "REF": 3, "SPN": 4, "VAL": 5}


class InvalidRecordsError(ValueError):
    """Raised by :func:`load` when the records have error-level findings."""

    def __init__(self, root: Path, findings: list[Finding]) -> None:
        self.root = root
        self.findings = findings
        errors = sorted(
            (finding for finding in findings if finding.severity == "error"),
            key=lambda finding: (_ROOT_CAUSE_FIRST.get(finding.code[:3], 9), finding.sort_key()),
        )
        lines = [f"{f.file}:{f.line or 0}: {f.code} {f.message}" for f in errors[:10]]
        more = f"\n… and {len(errors) - 10} more" if len(errors) > 10 else ""
        super().__init__(
            f"{len(errors)} error(s) in records folder {root}:\n" + "\n".join(lines) + more
        )


def build_dataset(records: Records, judge: Judge | None = None) -> Dataset:
    """Typed models of checked records (the records must have no error), with ``judge`` to
    derive their verdicts when first asked for (``claim.verdict`` reads them from the dataset).

    pydantic and the models are imported here, not with the module: :func:`validate` needs
    neither, and importing them is most of the start-up of a small check.
    """
    from pydantic import TypeAdapter

    from astana_facts.models import (
        Adjudication,
        Claim,
        Document,
        Entity,
        Fact,
        Measure,
        Removal,
        Rule,
        SourceMetadata,
    )

    claim_adapter: TypeAdapter[Claim] = TypeAdapter(Claim)
    dataset = Dataset(root=records.root, judge=judge)
    for document_id, source in records.sources.items():
        metadata = SourceMetadata.model_validate(source.metadata)
        dataset.documents[document_id] = Document(metadata=metadata, text=source.text)
    for entity, _ in records.entities:
        dataset.entities[entity["id"]] = Entity.model_validate(entity)
    for measure, _ in records.measures:
        dataset.measures[measure["id"]] = Measure.model_validate(measure)
    for record in records.claims:
        claim = claim_adapter.validate_python(record.claim)
        claim._document = record.document
        claim._verdict_of = dataset.verdict
        for span in claim.evidence:
            span._document = record.document
        dataset.claims.append(claim)
    dataset.adjudications = [Adjudication.model_validate(a) for a, _ in records.adjudications]
    dataset.removals = {r["id"]: Removal.model_validate(r) for r, _ in records.removals}
    fact_adapter: TypeAdapter[Fact] = TypeAdapter(Fact)
    dataset.facts = [fact_adapter.validate_python(fact) for fact, _ in records.facts]
    rule_adapter: TypeAdapter[Rule] = TypeAdapter(Rule)
    dataset.rules = [rule_adapter.validate_python(rule) for rule in records.rules]
    return dataset


def load(path: str | Path | None = None) -> Dataset:
    """Load and check a records folder (default: the bundled dataset), cached per folder.

    Returns a :class:`~astana_facts.dataset.Dataset` with ``documents``, ``claims``,
    ``entities``, ``facts`` and ``verdicts``. Raises :class:`InvalidRecordsError` when the
    records have errors; use :func:`validate` to get the findings instead. The verdicts are
    derived on first use (the consistency and verdict stages, :func:`claim_verdicts`), not by
    ``load`` itself:

    >>> import astana_facts
    >>> dataset = astana_facts.load()
    >>> claim = dataset.claims[0]
    >>> claim.verdict is dataset.verdicts.get(claim.id)
    True
    >>> from astana_facts.verdicts import LABELS
    >>> all(v.label in LABELS and dataset.claim(v.claim) for v in dataset.verdicts.values())
    True
    """
    root = real_path(resolve_root(path))
    with _lock:
        if root not in _cache:
            with collector_paused():
                result = run(root, keep=True)
                if has_errors(result.findings):
                    raise InvalidRecordsError(root, result.findings)
                _cache[root] = build_dataset(result.records, partial(claim_verdicts, root))
        return _cache[root]


def claim_verdicts(path: str | Path | None = None) -> Mapping[str, Verdict]:
    """Claim id -> the verdict on the claim against the facts, for a records folder (default:
    the bundled dataset): the pipeline with its consistency and verdict stages, as
    ``report`` runs it (``Result.claim_verdicts``)."""
    return run(path, consistency=True).claim_verdicts


def validate(path: str | Path | None = None, *, coverage: bool = False) -> list[Finding]:
    """All integrity findings of a records folder (default: the bundled dataset), sorted.

    With ``coverage``, also a COV001 warning for every sentence that carries no claim span and
    is not listed as not check-worthy.
    """
    return run(path, coverage=coverage).findings


def check(path: str | Path | None = None, *, consistency: bool = True) -> Result:
    """The whole pipeline over a records folder (default: the bundled dataset): integrity
    findings, then (with ``consistency``) every finding of the declared consistency rules and
    the editors' verdicts, in one :class:`~astana_facts.pipeline.result.Result` with its
    ``exit_code``."""
    return run(path, consistency=consistency)
