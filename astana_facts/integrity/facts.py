"""Facts checked like claims: unique ids, known entities and measures, intervals in order, and
provenance (well-formed URLs, no date in the future, no source read before it was published).

Every finding names the facts file, the fact's JSON Pointer (the pipeline turns it into a line),
the fact id and the field.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Iterator, Mapping

from astana_facts.findings.finding import Finding
from astana_facts.integrity.measures import closest_measure
from astana_facts.integrity.provenance import provenance_findings, today_anywhere
from astana_facts.reading.facts import fact_paths
from astana_facts.reading.model_paths import values_at
from astana_facts.reading.records import PlainRecord, Site

FactRecords = list[tuple[PlainRecord, Site]]
"""Facts as read: each validated fact with its site."""


def check_facts(
    facts: FactRecords,
    *,
    entity_ids: Collection[str] | None,
    measures: Mapping[str, str] | None,
    today: _dt.date | None = None,
) -> list[Finding]:
    """Every check of the facts of ``facts.json``: IDS004, REF002, VAL001, REF004, SRC009,
    SRC010 and FCT002. ``entity_ids`` (``measures``) is None when the entities (measures) file
    failed to load: that failure is the root cause, reported once, so those references go
    unchecked."""
    today = today if today is not None else today_anywhere()
    findings = list(check_fact_ids(facts))
    for fact, site in facts:
        if entity_ids is not None:
            findings += check_fact_references(fact, site, entity_ids)
        findings += check_fact_intervals(fact, site)
        if measures is not None:
            findings += check_fact_measure(fact, site, measures)
        findings += check_fact_evidence(fact, site, today)
    return findings


def check_fact_ids(facts: FactRecords) -> Iterator[Finding]:
    """IDS004: a fact id used a second time (at the later fact, naming the first)."""
    first: dict[str, Site] = {}
    for fact, site in facts:
        earlier = first.setdefault(fact["id"], site)
        if earlier is not site:
            yield Finding.of(
                code="IDS004",
                message=f"fact {fact['id']}, field id: the id is already used at {earlier.pointer}",
                file=site.file,
                pointer=f"{site.pointer}/id",
            )


def check_fact_references(
    fact: PlainRecord, site: Site, entity_ids: Collection[str]
) -> Iterator[Finding]:
    """REF002: an entity id named by a fact (its subject, or in its value) that is not in
    entities.json."""
    for path in fact_paths(fact["kind"])[0]:
        for pointer, entity_id in values_at(fact, path):
            if entity_id not in entity_ids:
                yield Finding.of(
                    code="REF002",
                    message=f"fact {fact['id']}, field {pointer[1:]}: unknown entity {entity_id!r}",
                    file=site.file,
                    pointer=site.pointer + pointer,
                )


def check_fact_intervals(fact: PlainRecord, site: Site) -> Iterator[Finding]:
    """VAL001: a date interval of a fact's value that ends before it starts, or a range whose
    high is below its low."""
    for path in fact_paths(fact["kind"])[1]:
        for pointer, node in values_at(fact, path):
            if "start" in node and node["end"] < node["start"]:
                at, problem = "end", f"ends ({node['end']}) before it starts ({node['start']})"
            elif node.get("bound") == "range" and node["high"] < node["low"]:
                at, problem = "high", f"high ({node['high']}) is below its low ({node['low']})"
            else:
                continue
            yield Finding.of(
                code="VAL001",
                message=f"fact {fact['id']}, field {pointer[1:]}/{at}: the interval {problem}",
                file=site.file,
                pointer=f"{site.pointer}{pointer}/{at}",
            )


def check_fact_measure(
    fact: PlainRecord, site: Site, names: Mapping[str, str]
) -> Iterator[Finding]:
    """REF004: a count fact whose measure is neither a registered measure nor an alias."""
    if fact["kind"] != "count" or fact["value"]["measure"] in names:
        return
    name = fact["value"]["measure"]
    suggestion = closest_measure(name, names)
    hint = f"did you mean {suggestion!r}?" if suggestion else "register it in measures.json"
    yield Finding.of(
        code="REF004",
        message=f"fact {fact['id']}, field value/measure: unknown measure {name!r}; {hint}",
        file=site.file,
        pointer=f"{site.pointer}/value/measure",
    )


def check_fact_evidence(fact: PlainRecord, site: Site, today: _dt.date) -> Iterator[Finding]:
    """SRC009 a malformed URL, SRC010 a date in the future, FCT002 a source read before it was
    published, in each public source of a fact."""
    for index, source in enumerate(fact["evidence"]):
        pointer = f"evidence/{index}"
        yield from provenance_findings(
            source,
            subject=f"fact {fact['id']}",
            file=site.file,
            pointer=f"{site.pointer}/{pointer}",
            today=today,
            shown=pointer,
        )
        published, retrieved = source.get("published"), source["retrieved"]
        if published is not None and retrieved < published:
            yield Finding.of(
                code="FCT002",
                message=f"fact {fact['id']}, field {pointer}/retrieved: the source was read on "
                f"{retrieved.isoformat()}, before it was published ({published.isoformat()})",
                file=site.file,
                pointer=f"{site.pointer}/{pointer}/retrieved",
            )
