"""Names: ``name_similarity`` finds surface forms in the quotes that are close to a registered
name or alias of an entity but are not registered (a likely misspelling);
``registered_misspellings`` lists the misspellings that are registered, at low severity.

Surface forms are runs of capitalised words in the claims' quotes ("Kairat Addrakmanov"), each
run and each long enough word of it, with a leading article and a possessive "’s" dropped.
Similarity is rapidfuzz's normalised Indel ratio on case-folded strings without a leading "the",
against the rule's ``threshold`` (0-100). A form that contains a registered one or lies inside
one ("Syrian" for "Syria", "Envoy for Syria Staffan de Mistura") is a derived word or a longer
phrase, not a misspelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.findings import consistency_finding
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord

_WORD = r"[A-Z][\w’'.\-]*\w"
_RUN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|the|de|al|for|and)\s+)*{_WORD})*")
_LEADING = re.compile(r"^(?:The|A|An|In|On|At|By|As|According|To)\s+")
_POSSESSIVE = re.compile(r"[’']s$")


def surface_forms(quote: str, min_length: int) -> set[str]:
    """Candidate names in a quote: capitalised runs and their long words."""
    forms: set[str] = set()
    for match in _RUN.finditer(quote):
        run = _POSSESSIVE.sub("", _LEADING.sub("", match.group(0)))
        words = run.split()
        candidates = {run} | {_POSSESSIVE.sub("", word) for word in words if len(words) > 1}
        forms.update(form for form in candidates if len(form) >= min_length)
    return forms


def normalise(form: str) -> str:
    """Case-folded, without a leading article: the key forms are compared by."""
    folded = form.casefold()
    return folded[4:] if folded.startswith("the ") else folded


def registered_forms(context: Context) -> dict[str, tuple[str, str]]:
    """Normalised form -> (entity id, "name" | "alias" | "misspelling")."""
    forms: dict[str, tuple[str, str]] = {}
    for entity_id in sorted(context.entities):
        entity = context.entities[entity_id]
        forms.setdefault(normalise(entity["name"]), (entity_id, "name"))
        for alias in entity["aliases"]:
            forms.setdefault(normalise(alias), (entity_id, "alias"))
        for misspelling in entity["misspellings"]:
            forms.setdefault(normalise(misspelling), (entity_id, "misspelling"))
    return forms


def _claims_by_form(records: list[ClaimRecord], min_length: int) -> dict[str, list[ClaimRecord]]:
    found: dict[str, list[ClaimRecord]] = {}
    for record in records:
        quotes = " … ".join(span["exact"] for span in record.claim["evidence"])
        for form in sorted(surface_forms(quotes, min_length)):
            found.setdefault(form, []).append(record)
    return found


def run_similarity(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """A finding per document and unregistered form close to a registered one."""
    threshold = rule["parameters"]["threshold"]
    min_length = rule["parameters"]["min_length"]
    registered = registered_forms(context)
    correct = sorted(form for form, (_, role) in registered.items() if role != "misspelling")
    misspelt = [
        re.compile(rf"\b{re.escape(form)}\b")
        for form, (_, role) in sorted(registered.items())
        if role == "misspelling"
    ]
    best: dict[str, tuple[str, float] | None] = {}
    for key, records in rule_groups(rule, context).items():
        for form, claims in _claims_by_form(records, min_length).items():
            folded = normalise(form)
            if folded in registered or any(pattern.search(folded) for pattern in misspelt):
                continue  # registered, or holds a registered misspelling (NAM002 lists those)
            if folded not in best:
                match = process.extractOne(
                    folded, correct, scorer=fuzz.ratio, score_cutoff=threshold
                )
                best[folded] = None if match is None else (match[0], match[1])
            found = best[folded]
            if found is None or found[0] in folded or folded in found[0]:
                continue
            entity_id, _ = registered[found[0]]
            yield consistency_finding(
                rule,
                claims,
                f"“{form}” in {key[0]} is close to “{found[0]}” of entity {entity_id} "
                f"(similarity {found[1]:.0f}) but is not registered: a misspelling, or a form "
                "to add to the entity's aliases",
                str(key[0]),
                values=(folded, entity_id),
            )


def run_registered(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """A finding per document and entity whose registered misspellings its quotes contain."""
    patterns: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for entity_id in sorted(context.entities):
        for form in sorted(context.entities[entity_id]["misspellings"], key=len, reverse=True):
            pattern = re.compile(rf"\b{re.escape(form)}\b", re.IGNORECASE)
            patterns.setdefault(entity_id, []).append((form, pattern))
    for key, records in rule_groups(rule, context).items():
        for entity_id, forms in patterns.items():
            claims: list[ClaimRecord] = []
            seen: list[str] = []
            for record in records:
                quotes = [span["exact"] for span in record.claim["evidence"]]
                hits = [form for form, pattern in forms if any(map(pattern.search, quotes))]
                if hits:
                    claims.append(record)
                    seen.extend(form for form in hits if form not in seen)
            if not claims:
                continue
            # "Kairat Addrakmanov" contains "Addrakmanov": name the longest forms only.
            shown = [
                form for form in seen if not any(form in other and form != other for other in seen)
            ]
            name = context.entities[entity_id]["name"]
            yield consistency_finding(
                rule,
                claims,
                f"{key[0]} writes {', '.join(f'“{form}”' for form in shown)} for {name} "
                f"({entity_id}), a registered misspelling",
                str(key[0]),
                entity_id,
                values=shown,
            )
