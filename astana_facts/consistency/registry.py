"""The rule registry: every code a finding can carry, integrity checks and consistency rules
alike, with its name, severity, title, why it matters and what to do about it.

The integrity rows come from :data:`astana_facts.findings.codes.INTEGRITY_CODES`, the consistency
rows from the rules declared in ``validators/*.json``; nothing else lists codes. ``astana-facts
rules`` prints the registry, ``docs/rules.md`` is generated from it (a test holds it current) and
findings take their severity from it (:meth:`astana_facts.findings.finding.Finding.of` for
integrity codes, the declared rule for consistency codes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from astana_facts.findings.codes import INTEGRITY_CODES
from astana_facts.findings.severity import Severity
from astana_facts.reading.records import PlainRecord

Family = Literal["integrity", "consistency"]


@dataclass(frozen=True, slots=True)
class RuleEntry:
    """One code of the registry."""

    code: str
    name: str
    severity: Severity
    title: str
    """What the code means, in one line."""
    why: str
    """Why it matters."""
    fix: str
    """What to do about a finding with this code."""
    family: Family
    """``integrity`` (a defect of the records) or ``consistency`` (sources that disagree)."""
    rule: PlainRecord | None = None
    """The declared rule of a consistency code (selector, grouping, engine, parameters,
    examples); None for an integrity code."""

    def as_json(self) -> dict[str, Any]:
        """The entry as a JSON object (``rules --format json``)."""
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "family": self.family,
            "title": self.title,
            "why": self.why,
            "fix": self.fix,
        }
        if self.rule is not None:
            data |= {
                "example": self.rule["example"],
                "applies_to": self.rule["applies_to"],
                "group_by": self.rule["group_by"],
                "engine": self.rule["comparison"],
                "parameters": self.rule["parameters"],
            }
        return data


def consistency_rules(folder: Path | None = None) -> list[PlainRecord]:
    """The declared rules of a validators folder (default: the bundled one), by code.

    Raises ValueError naming the file and the problem when a rules file does not load.
    """
    from astana_facts.reading.folder import load_rules
    from astana_facts.resources import bundled

    rules, files = load_rules(folder if folder is not None else bundled("validators"))
    problems = [finding for loaded in files for finding in loaded.findings]
    if problems:
        first = problems[0]
        raise ValueError(f"{_where(first.file, first.pointer)}: {first.code} {first.message}")
    return sorted(rules, key=lambda rule: str(rule["code"]))


def _where(file: str | None, pointer: str | None) -> str:
    """``file:line:column`` of ``pointer`` in ``file`` where it can be found, else the file."""
    from astana_facts.jsonio.positions import build_source_map

    if file is None or pointer is None:
        return str(file)
    try:
        position = build_source_map(Path(file).read_bytes()).locate_key(pointer)
    except (OSError, ValueError):
        position = None
    return f"{file}:{position[0]}:{position[1]}" if position else file


def integrity_entries() -> list[RuleEntry]:
    """The integrity codes, in table order."""
    return [
        RuleEntry(row.code, row.name, row.severity, row.summary, row.why, row.fix, "integrity")
        for row in INTEGRITY_CODES
    ]


def consistency_entries(rules: list[PlainRecord]) -> list[RuleEntry]:
    """The declared consistency rules, as registry entries, in the order given."""
    return [
        RuleEntry(
            rule["code"],
            rule["name"],
            rule["severity"],
            rule["title"],
            rule["why"],
            rule["fix"],
            "consistency",
            rule,
        )
        for rule in rules
    ]


def registry(folder: Path | None = None) -> dict[str, RuleEntry]:
    """Every code: the integrity codes in table order, then the consistency rules of ``folder``
    (default: the bundled validators) by code. ValueError when a rules file does not load or a
    declared rule reuses a code."""
    entries = {entry.code: entry for entry in integrity_entries()}
    for entry in consistency_entries(consistency_rules(folder)):
        if entry.code in entries:
            raise ValueError(f"rule {entry.code} ({entry.name}) reuses a code already in use")
        entries[entry.code] = entry
    return entries


def near_codes(code: str, codes: list[str]) -> list[str]:
    """Codes that look like ``code`` (a typo, a wrong digit, the same family), best first."""
    import difflib  # (only for an unknown code: not every command's start-up)

    wanted = code.upper()
    close = difflib.get_close_matches(wanted, codes, n=5, cutoff=0.6)
    family = [known for known in codes if known[:3] == wanted[:3] and known not in close]
    return (close + family)[:5]
