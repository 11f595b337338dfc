"""The consistency report: integrity findings, consistency findings and the editors' verdicts.

The report is data; :mod:`astana_facts.render.report` turns it into text, Markdown or JSON.
Adjudications are matched to findings by fingerprint: an adjudicated finding is still reported,
with its verdict; an adjudication that matches no finding is itself reported (ADJ001).
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import orjson

from astana_facts.consistency import check_consistency, consistency_sort_key
from astana_facts.dataset import ClaimRecord, Record, Records
from astana_facts.findings import Finding
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.positions import canonical_item_lines
from astana_facts.jsonio.reader import read_bytes
from astana_facts.jsonio.writer import dumps_canonical_layout
from astana_facts.validation import check_records, locate


@dataclass
class Report:
    """What ``astana-facts report`` shows."""

    records: Records
    findings: list[Finding]
    """Integrity findings first (in file order), then consistency findings (by severity and
    rule), then stale adjudications."""
    verdicts: dict[str, Record] = field(default_factory=dict)
    """Fingerprint -> the adjudication of that finding."""
    texts: dict[str, str] = field(default_factory=dict)
    """Document id -> text, for the context around quotes."""

    @cached_property
    def claim_index(self) -> dict[str, ClaimRecord]:
        """Claim id -> the claim as read (its document, site and evidence)."""
        return {record.claim["id"]: record for record in self.records.claims}

    @property
    def claims(self) -> int:
        """How many claims were read."""
        return len(self.records.claims)

    def by_rule(self) -> dict[str, int]:
        """Findings per code, in code order."""
        counts = Counter(finding.code for finding in self.findings)
        return {code: counts[code] for code in sorted(counts)}

    def unadjudicated_errors(self) -> list[Finding]:
        """Error-level findings with no verdict: what ``report --strict`` fails on."""
        return [
            finding
            for finding in self.findings
            if finding.severity == "error"
            and (finding.fingerprint is None or finding.fingerprint not in self.verdicts)
        ]


_ITEM = re.compile(r"^/([a-z_]+)/([0-9]+)$")


def _canonical_lines(findings: list[Finding], raw: bytes) -> list[Finding] | None:
    """``findings`` located by scanning ``raw``, when it is in the canonical layout (two-space
    indent, one value per line; key order does not matter) and every pointer names an item of a
    top-level array (a claim, an adjudication); None otherwise."""
    items = [_ITEM.match(finding.pointer or "") for finding in findings]
    if not all(items):
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict) or dumps_canonical_layout(data) != raw:
        return None
    lines: dict[str, list[int] | None] = {}
    located = []
    for finding, item in zip(findings, items, strict=True):
        assert item is not None
        key, index = item[1], int(item[2])
        if key not in lines:
            values = data.get(key)
            lines[key] = (
                canonical_item_lines(raw, key, len(values)) if isinstance(values, list) else None
            )
        found = lines[key]
        if found is None or index >= len(found):
            return None
        located.append(dataclasses.replace(finding, line=found[index], column=5))
    return located


def _locate_claim_sites(findings: list[Finding], root: Path) -> list[Finding]:
    """Findings with the line of the record they point at (their first claim), read from its
    file: by a scan of canonical files, by a full source map of others."""
    by_file: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        if finding.file is not None and finding.line is None and finding.pointer is not None:
            by_file.setdefault(finding.file, []).append(index)
    located = list(findings)
    for file, indexes in sorted(by_file.items()):
        raw = read_bytes(Path(file), root=root)
        if isinstance(raw, ReadError):
            continue
        pending = [located[i] for i in indexes]
        done = _canonical_lines(pending, raw) or locate(pending, file, raw)
        for index, finding in zip(indexes, done, strict=True):
            located[index] = finding
    return located


def _stale(records: Records, fingerprints: set[str]) -> list[Finding]:
    stale = []
    for adjudication, site in records.adjudications:
        if adjudication["fingerprint"] not in fingerprints:
            stale.append(
                Finding(
                    code="ADJ001",
                    severity="warning",
                    message=f"adjudication {adjudication['fingerprint']} ({adjudication['code']}, "
                    f"claims {', '.join(adjudication['claims'])}) matches no finding: the "
                    "finding is gone (data corrected?) or its claims changed",
                    file=site.file,
                    pointer=site.pointer,
                    claims=tuple(adjudication["claims"]),
                )
            )
    return stale


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: records hold no cycles, and with a hundred thousand
    claims in memory its repeated full passes would make the report grow faster than the data."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_report(path: str | Path | None = None, *, validators: Path | None = None) -> Report:
    """Check a records folder (default: the bundled dataset) and compare its claims, with the
    rules of ``validators`` (default: the validators folder that goes with the records)."""
    with _no_cyclic_gc():
        return _build_report(path, validators)


def _build_report(path: str | Path | None, validators: Path | None) -> Report:
    records, integrity = check_records(path, keep=True, validators=validators)
    consistency = check_consistency(records)
    consistency = _locate_claim_sites(consistency, records.root)
    fingerprints = {f.fingerprint for f in consistency if f.fingerprint is not None}
    stale = _stale(records, fingerprints)
    if stale:
        stale = _locate_claim_sites(stale, records.root)
    verdicts = {
        adjudication["fingerprint"]: adjudication
        for adjudication, _ in records.adjudications
        if adjudication["fingerprint"] in fingerprints
    }
    texts = {document_id: source.text for document_id, source in records.sources.items()}
    return Report(
        records=records,
        findings=[*integrity, *sorted(consistency, key=consistency_sort_key), *stale],
        verdicts=verdicts,
        texts=texts,
    )


__all__ = ["Report", "build_report"]
