"""Benchmark of ``astana_facts.validate`` against the JSON parse floor and check-jsonschema.

Not a test: it reports and always exits 0. For each size N (default 10,000 and 100,000 claims)
it writes a synthetic records folder laid out like ``records/`` (100 claims per document, a few
hundred entities, every span and checksum correct, canonical layout), then measures, each step
once and each in a fresh process:

* the floor: read every JSON file of the folder and ``orjson.loads`` it;
* ``astana_facts.load(folder)`` and ``astana_facts.validate(folder)``;
* the whole ``astana-facts validate FOLDER --format json`` process;
* ``check-jsonschema`` with ``schemas/claims.schema.json`` on the same claims files;

and once, the best of 5 runs of ``astana-facts validate`` on the bundled dataset.

Times of the Python steps are taken with :func:`time.perf_counter` inside the child, around the
step alone (interpreter start-up and imports excluded); whole commands are timed from the parent.
Peak memory is the child's maximum resident set size, from :func:`os.wait4` (the rusage of that
one child, what ``getrusage(RUSAGE_CHILDREN)`` reports in a process whose only child it is).

Usage::

    python benchmarks/bench_validate.py [--sizes 10000,100000] [--workdir DIR] [--seed N]
                                        [--repeat N] [--no-check-jsonschema] [--profile]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from astana_facts.jsonio.writer import dumps_canonical
from astana_facts.resources import bundled

CLAIMS_PER_DOCUMENT = 100
CONTEXT = 32
"""Code points of prefix and suffix written with each span (what ``astana-facts fmt`` writes)."""
DEFAULT_SEED = 20170504
DEFAULT_SIZES = (10_000, 100_000)
CHECK_JSONSCHEMA_BATCH = 250
"""Claims files per check-jsonschema process (keeps the argument list short)."""
MARKER = ".generated-by-bench-validate"
"""File that marks a workdir subfolder as ours, so a rerun may replace it."""

# Targets.
FLOOR_FACTOR = 3.0
PEAK_MB = 500.0
BUNDLED_SECONDS = 0.35
JSONSCHEMA_FACTOR = 5.0

# ---------------------------------------------------------------------------------------------
# Synthetic data
# ---------------------------------------------------------------------------------------------

_SYLLABLES = (
    "ka", "ra", "vi", "to", "mel", "dar", "su", "len", "bor", "ta", "nik", "zé", "mü", "ol",
    "gra", "fen", "ash", "ur", "qa", "lin", "sor", "dem", "pa", "hal", "ri", "ven", "ost", "il",
)  # fmt: skip
_FIRST_NAMES = (
    "Amir", "Kairat", "Staffan", "Sergei", "Javad", "Mevlüt", "Alexander", "Nasr", "Ahmad",
    "Bashar", "Hussein", "Yerlan", "Marat", "Leila", "Olga", "Farid", "Selim", "Nur", "Timur",
    "Ramzi", "Dana", "Ilyas", "Zarina", "Omar", "Hakan", "Vitaly", "Aigerim", "Rami", "Yusuf",
)  # fmt: skip
_MONTHS = tuple(calendar.month_name)[1:]
_ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
)  # fmt: skip
_MEASURES = (
    ("foreign_reporters", "foreign reporters"),
    ("civilians_evacuated", "civilians evacuated"),
    ("deaths", "deaths"),
    ("de_escalation_zones", "de-escalation zones"),
    ("military_observers", "military observers"),
    ("delegations", "delegations"),
    ("prisoners_released", "prisoners released"),
    ("aid_trucks", "aid trucks"),
)
_DURATION_NOUNS = ("talks", "truce", "ceasefire", "pause", "conflict", "consultations")
_INSTRUMENT_ACTIONS = (
    "signed", "adopted", "approved", "discussed", "extended", "read", "announced", "proposed",
    "drafted", "implemented",
)  # fmt: skip
_OFFICES = (
    "Minister of Foreign Affairs",
    "Deputy Foreign Minister",
    "Special Envoy for Syria",
    "Head of the Delegation",
    "Presidential Envoy",
    "Ambassador to Kazakhstan",
)
_STATEMENT_OPENINGS = (
    "the peace talks are the only way to",
    "there is no alternative but to",
    "all parties have agreed to",
    "the guarantor states are determined to",
    "it is too early to say whether we can",
    "the opposition is ready to",
)
_STATEMENT_GOALS = (
    "resolve the conflict in Syria",
    "keep the ceasefire in place",
    "open humanitarian corridors",
    "release detainees on both sides",
    "draft a new constitution",
    "expand the de-escalation zones",
    "bring the refugees home",
)
_PLAN_GOALS = (
    "deliver humanitarian aid to the besieged areas",
    "ensure the safe return of civilians who fled",
    "send military observers to the buffer zones",
    "convene a working group on detainees",
    "hold a congress of national dialogue",
    "map the lines of the de-escalation zones",
)
_UNNAMED = (
    ("political analysts", "Political analysts believe that "),
    ("diplomatic sources", "According to diplomatic sources, "),
    ("experts", "According to experts, "),
    ("a source close to the talks", "A source close to the talks said that "),
)
_FILLERS = (
    "The discussions continued behind closed doors.",
    "Journalists waited in the lobby of the Rixos hotel for most of the day.",
    "No joint press conference was held afterwards.",
    "The delegations exchanged drafts late into the night — a familiar pattern.",
    "Observers called the atmosphere “businesslike but tense”.",
    "Several sessions were postponed at the last minute.",
)
_NOTES = (
    "The year is that of the publication date.",
    "The round is identified by the dates given a few lines above.",
    "Checked against the headline, which says the same.",
    "The sentence is in the boilerplate that the site repeats; annotated once.",
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A synthetic entity: its id and the name the texts use."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Round:
    """A round of a negotiation series."""

    entity: Entity
    series: Entity
    ordinal: int


@dataclass
class World:
    """The entities that claims draw from, by kind, and the records of entities.json."""

    series: list[Entity] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    states: list[Entity] = field(default_factory=list)
    persons: list[Entity] = field(default_factory=list)
    outlets: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    instruments: list[Entity] = field(default_factory=list)
    groups: list[Entity] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Quote:
    """A stretch of a sentence that becomes an evidence span of the claim."""

    text: str


Segment = str | Quote


@dataclass
class Draft:
    """A claim before its evidence offsets are known: the sentence and the claim without spans."""

    segments: list[Segment]
    claim: dict[str, Any]


def _slug(name: str) -> str:
    """An id-safe slug of ``name`` (ASCII letters and digits joined by single hyphens)."""
    ascii_name = name.translate(str.maketrans("éüÉÜ", "euEU"))
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in ascii_name).split()
    return "-".join(words)


def build_world(rng: random.Random) -> World:
    """A few hundred entities with unique ids and unique surface forms (IDS002, IDS003)."""
    world = World()
    forms: set[str] = set()
    ids: set[str] = set()

    def coined(pattern: str = "{}") -> str:
        """A made-up name, put into ``pattern``, that is not yet a form of any entity."""
        while True:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
            name = pattern.format(word.capitalize())
            if name.casefold() not in forms:
                return name

    def add(kind: str, name: str, entity_id: str | None = None, **extra: Any) -> Entity:
        entity_id = entity_id or _slug(name)
        while entity_id in ids:
            entity_id += f"-{kind}"
        ids.add(entity_id)
        record: dict[str, Any] = {"id": entity_id, "kind": kind, "name": name, **extra}
        for form in [name, *extra.get("aliases", []), *extra.get("misspellings", [])]:
            assert form.casefold() not in forms, form
            forms.add(form.casefold())
        if rng.random() < 0.5:
            record["description"] = f"Synthetic {kind} number {len(world.records) + 1}."
        if rng.random() < 0.3:
            record["wikidata"] = f"Q{rng.randint(1, 9_999_999)}"
        world.records.append(record)
        return Entity(entity_id, name)

    for name in ("Astana process", "Geneva talks", "Sochi format"):
        world.series.append(add("series", name, aliases=[f"the {name}"]))
    for series in world.series:
        for ordinal in range(1, 21):
            name = f"{_ORDINAL_WORDS[ordinal - 1].capitalize()} round of the {series.name}"
            entity = add("event", name, f"{series.id}-round-{ordinal}", series=series.id)
            world.rounds.append(Round(entity, series, ordinal))
    for _ in range(40):
        world.states.append(add("state", coined("{}ia")))
    for _ in range(80):
        first = rng.choice(_FIRST_NAMES)
        last = coined()
        while f"{first} {last}".casefold() in forms:
            last = coined()
        misspelt = last[:-1] + last[-1] * 2
        extra: dict[str, Any] = {"aliases": [last]}
        if misspelt.casefold() not in forms and rng.random() < 0.4:
            extra["misspellings"] = [misspelt]
        world.persons.append(add("person", f"{first} {last}", **extra))
    for _ in range(30):
        world.outlets.append(add("organisation", coined("The {} Herald")))
    for _ in range(30):
        world.places.append(add("place", coined()))
    for _ in range(40):
        world.instruments.append(add("instrument", coined("Memorandum on {}")))
    for _ in range(20):
        world.groups.append(add("group", coined("{} Front")))
    return world


def _ordinal_day(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _day_words(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {_ordinal_day(day.day)}, {day.year}"


def _interval(start: dt.date, end: dt.date, precision: str) -> dict[str, Any]:
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": precision}


def _listing(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class ClaimMaker:
    """Drafts claims of every kind, each with the sentence that states it."""

    def __init__(self, rng: random.Random, world: World) -> None:
        self.rng = rng
        self.world = world
        self.kinds = (
            ("event_date", 14, self.event_date),
            ("count", 12, self.count),
            ("statement", 12, self.statement),
            ("participants", 10, self.participants),
            ("instrument", 10, self.instrument),
            ("round_number", 8, self.round_number),
            ("location", 8, self.location),
            ("office", 7, self.office),
            ("relation", 7, self.relation),
            ("duration", 6, self.duration),
            ("plan", 6, self.plan),
        )
        self._weights = [weight for _, weight, _ in self.kinds]

    def draft(self, claim_id: str, base: dt.date) -> Draft:
        """One claim of a random kind, its date drawn around ``base``."""
        ((kind, _, make),) = self.rng.choices(self.kinds, weights=self._weights)
        segments, subject, value, modality = make(base)
        claim: dict[str, Any] = {"id": claim_id, "kind": kind, "subject": subject, "value": value}
        if kind == "statement":
            claim["attribution"] = segments.pop()  # the speaker, set by statement()
            assert isinstance(claim["attribution"], dict)
        else:
            segments, claim["attribution"] = self._attributed(segments)
        claim["modality"] = modality
        if self.rng.random() < 0.15:
            claim["note"] = self.rng.choice(_NOTES)
        return Draft(segments, claim)

    def _attributed(self, segments: list[Any]) -> tuple[list[Any], dict[str, Any]]:
        roll = self.rng.random()
        if roll < 0.6:
            return segments, {"type": "publisher"}
        if roll < 0.75:
            outlet = self.rng.choice(self.world.outlets)
            return [*segments[:-1], f", according to {outlet.name}."], {
                "type": "outlet",
                "entity": outlet.id,
            }
        if roll < 0.88:
            description, opening = self.rng.choice(_UNNAMED)
            first = segments[0]
            if isinstance(first, str):
                segments = [opening + first[:1].lower() + first[1:], *segments[1:]]
            else:
                segments = [opening, *segments]
            return segments, {"type": "unnamed", "description": description}
        person = self.rng.choice(self.world.persons)
        outlet = self.rng.choice(self.world.outlets)
        tail = f", {person.name} told {outlet.name}."
        return [*segments[:-1], tail], {"type": "speaker", "entity": person.id, "via": outlet.id}

    def _date_near(self, base: dt.date) -> dt.date:
        return base + dt.timedelta(days=self.rng.randint(-90, 90))

    def event_date(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """When a round met: two days, one day (start, end, within) or a month."""
        rnd = self.rng.choice(self.world.rounds)
        day = self._date_near(base)
        roll = self.rng.random()
        if roll < 0.4:
            day = day.replace(day=min(day.day, 26))
            end = day + dt.timedelta(days=1)
            words = (
                f"{_MONTHS[day.month - 1]} {_ordinal_day(day.day)} and "
                f"{_ordinal_day(end.day)}, {day.year}"
            )
            value = {**_interval(day, end, "day"), "stance": "full_span"}
            segments = ["The ", rnd.entity.name, " met on ", Quote(words), "."]
        elif roll < 0.8:
            stance, verb = self.rng.choice(
                (("start", "opened on"), ("end", "concluded on"), ("day_within", "was in session"))
            )
            value = {**_interval(day, day, "day"), "stance": stance}
            segments = ["The ", rnd.entity.name, f" {verb} ", Quote(_day_words(day)), "."]
        else:
            last = calendar.monthrange(day.year, day.month)[1]
            value = {
                **_interval(day.replace(day=1), day.replace(day=last), "month"),
                "stance": "day_within",
            }
            words = f"in {_MONTHS[day.month - 1]} {day.year}"
            segments = ["The ", rnd.entity.name, " took place ", Quote(words), "."]
        modality = "planned" if self.rng.random() < 0.15 else "reported"
        return segments, rnd.entity.id, value, modality

    def round_number(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """Which round of its series a round was."""
        rnd = self.rng.choice(self.world.rounds)
        words = f"the {_ORDINAL_WORDS[rnd.ordinal - 1]} round of the {rnd.series.name}"
        value = {"series": rnd.series.id, "ordinal": rnd.ordinal}
        segments = ["Delegates gathered for ", Quote(words), " after weeks of preparation."]
        return segments, rnd.entity.id, value, "reported"

    def _quantity(self) -> tuple[str, dict[str, Any]]:
        bound = self.rng.choice(("exact", "exact", "at_least", "at_most", "approximately", "range"))
        number = self.rng.choice((3, 12, 40, 320, 1200, 25000))
        if bound == "range":
            return f"between {number:,} and {number * 2:,}", {
                "bound": "range",
                "low": number,
                "high": number * 2,
            }
        lead = {"exact": "", "at_least": "at least ", "at_most": "up to ", "approximately": "some "}
        return f"{lead[bound]}{number:,}", {"bound": bound, "value": number}

    def count(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """How many of something, sometimes with the date the count held."""
        rnd = self.rng.choice(self.world.rounds)
        measure, noun = self.rng.choice(_MEASURES)
        number_words, amount = self._quantity()
        value: dict[str, Any] = {"measure": measure, "amount": amount}
        segments: list[Any] = ["Officials said ", Quote(f"{number_words} {noun}")]
        if self.rng.random() < 0.3:
            day = self._date_near(base)
            value["as_of"] = _interval(day, day, "day")
            segments += [" were counted as of ", Quote(_day_words(day))]
        segments.append(f" during the {rnd.entity.name}.")
        return segments, rnd.entity.id, value, "reported"

    def duration(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """How long something lasted: "the two-day talks"."""
        rnd = self.rng.choice(self.world.rounds)
        unit = self.rng.choice(("hour", "day", "day", "week", "month", "year"))
        number = self.rng.randint(1, len(_NUMBER_WORDS))
        words = f"{_NUMBER_WORDS[number - 1]}-{unit} {self.rng.choice(_DURATION_NOUNS)}"
        value = {"unit": unit, "amount": {"bound": "exact", "value": number}}
        segments = ["The ", Quote(words), f" of the {rnd.entity.name} ended without a statement."]
        return segments, rnd.entity.id, value, "reported"

    def participants(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """Who took part in which role, as a complete or partial list."""
        rnd = self.rng.choice(self.world.rounds)
        members = self.rng.sample(self.world.states, self.rng.randint(2, 4))
        role, lead = self.rng.choice(
            (
                ("delegation", "delegations from"),
                ("guarantor", "the guarantor states"),
                ("observer", "observers from"),
                ("signatory", "signatories"),
            )
        )
        complete = self.rng.random() < 0.7
        lead = lead if complete else f"{lead} including"
        words = f"{lead} {_listing([m.name for m in members])}"
        value = {"role": role, "members": [m.id for m in members], "complete": complete}
        segments = [f"The {rnd.entity.name} brought together ", Quote(words), "."]
        return segments, rnd.entity.id, value, "reported"

    def instrument(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """What happened to an instrument, by whom, when and at which round (1 or 2 spans)."""
        instrument = self.rng.choice(self.world.instruments)
        rnd = self.rng.choice(self.world.rounds)
        parties = self.rng.sample(self.world.states, self.rng.randint(1, 3))
        action = self.rng.choice(_INSTRUMENT_ACTIONS)
        day = self._date_near(base)
        value = {
            "action": action,
            "parties": [p.id for p in parties],
            "date": _interval(day, day, "day"),
            "event": rnd.entity.id,
        }
        who = f"{_listing([p.name for p in parties])} {action} the {instrument.name}"
        if self.rng.random() < 0.5:
            segments: list[Any] = [Quote(f"{who} on {_day_words(day)}")]
        else:
            segments = [Quote(who), " at a closed session ", Quote(f"on {_day_words(day)}")]
        segments.append(f" at the {rnd.entity.name}.")
        return segments, instrument.id, value, "reported"

    def statement(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """Something a speaker said, quoted verbatim or reported; the last segment returned is
        the attribution (popped by :meth:`draft`)."""
        person = self.rng.choice(self.world.persons)
        subject = self.rng.choice(self.world.series + self.world.states)
        content = f"{self.rng.choice(_STATEMENT_OPENINGS)} {self.rng.choice(_STATEMENT_GOALS)}"
        attribution: dict[str, Any] = {"type": "speaker", "entity": person.id}
        end = "."
        if self.rng.random() < 0.3:
            outlet = self.rng.choice(self.world.outlets)
            attribution["via"] = outlet.id
            end = f", according to {outlet.name}."
        if self.rng.random() < 0.6:
            segments: list[Any] = [f"{person.name} said ", Quote(f"“{content}”"), end]
            direct = True
        else:
            segments = [f"{person.name} said that ", Quote(content), end]
            direct = False
        value = {"content": content, "direct": direct}
        return [*segments, attribution], subject.id, value, "opinion"

    def plan(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """An announced intention, sometimes with a date."""
        state = self.rng.choice(self.world.states)
        goal = self.rng.choice(_PLAN_GOALS)
        value: dict[str, Any] = {"description": f"{state.name} plans to {goal}"}
        words = f"plans to {goal}"
        if self.rng.random() < 0.6:
            day = self._date_near(base)
            value["date"] = _interval(day, day, "day")
            words += f" by {_day_words(day)}"
        return [f"{state.name} ", Quote(words), "."], state.id, value, "planned"

    def location(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """Where a round was (or will be) held."""
        rnd = self.rng.choice(self.world.rounds)
        place = self.rng.choice(self.world.places)
        planned = self.rng.random() < 0.2
        words = f"{'will be' if planned else 'was'} held in {place.name}"
        segments = ["The ", rnd.entity.name, " ", Quote(words), ", the organisers confirmed."]
        return segments, rnd.entity.id, {"place": place.id}, "planned" if planned else "reported"

    def office(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """Which office a person held."""
        person = self.rng.choice(self.world.persons)
        state = self.rng.choice(self.world.states)
        office = self.rng.choice(_OFFICES)
        words = f"{office} of {state.name} {person.name}"
        value = {"office": office, "organisation": state.id}
        return [Quote(words), " arrived on the eve of the talks."], person.id, value, "reported"

    def relation(self, base: dt.date) -> tuple[list[Any], str, dict[str, Any], str]:
        """Who backs (or opposes) whom."""
        state = self.rng.choice(self.world.states)
        groups = self.rng.sample(self.world.groups, self.rng.randint(1, 2))
        relation, verb = self.rng.choice((("supports", "backs"), ("opposes", "opposes")))
        words = f"{state.name}, which {verb} {_listing([g.name for g in groups])}"
        value = {"relation": relation, "objects": [g.id for g in groups]}
        return [Quote(words), ", sent a smaller delegation."], state.id, value, "reported"


class TextBuilder:
    """Builds a text piece by piece and knows the code-point offset of every piece."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> int:
        """Append ``piece``; return its start offset."""
        start = self.length
        self._parts.append(piece)
        self.length += len(piece)
        return start

    def text(self) -> str:
        """The text so far."""
        return "".join(self._parts)


@dataclass
class Generated:
    """What :func:`generate` wrote."""

    root: Path
    claims: int
    documents: int
    entities: int
    claims_bytes: int
    text_bytes: int
    json_bytes: int
    seconds: float

    @property
    def average_claim_bytes(self) -> float:
        """Bytes of claims files per claim (canonical layout, as on disk)."""
        return self.claims_bytes / self.claims


def _document(
    rng: random.Random, maker: ClaimMaker, world: World, index: int
) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """One source text, its metadata and its claims file."""
    document_id = f"synthetic-report-{index:05d}"
    published = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randint(0, 3 * 365))
    series = rng.choice(world.series)
    title = f"{series.name}: dispatch {index} from the talks"
    author = rng.choice(world.persons).name
    builder = TextBuilder()
    builder.add(f"{title}\n\n\nBy {author}\n\n{_day_words(published)}\n\n\n")
    drafts: list[tuple[Draft, list[tuple[int, int]]]] = []
    in_paragraph = 0
    for number in range(CLAIMS_PER_DOCUMENT):
        draft = maker.draft(f"{document_id}-{number:03d}", published)
        if in_paragraph:
            builder.add(" ")
        if rng.random() < 0.25:
            builder.add(rng.choice(_FILLERS) + " ")
        offsets: list[tuple[int, int]] = []
        for segment in draft.segments:
            if isinstance(segment, Quote):
                start = builder.add(segment.text)
                offsets.append((start, start + len(segment.text)))
            else:
                builder.add(segment)
        drafts.append((draft, offsets))
        in_paragraph += 1
        if in_paragraph >= rng.randint(3, 6):
            builder.add("\n\n")
            in_paragraph = 0
    builder.add("\n\nPowered by the synthetic newsroom. All rights reserved.\n")
    text = builder.text()
    claims = []
    for draft, offsets in drafts:
        evidence = []
        for start, end in offsets:
            span: dict[str, Any] = {"start": start, "end": end, "exact": text[start:end]}
            if rng.random() < 0.95:
                span["prefix"] = text[max(0, start - CONTEXT) : start]
                span["suffix"] = text[end : end + CONTEXT]
            evidence.append(span)
        claims.append({**draft.claim, "evidence": evidence})
    metadata = {
        "$schema": "../../schemas/source.schema.json",
        "id": document_id,
        "title": title,
        "publisher": rng.choice(world.outlets).name,
        "author": author,
        "published": {**_interval(published, published, "day"), "inferred": False},
        "language": "en",
        "original_file": f"{index:05d}_synthetic.txt",
        "url": f"https://news.example.org/{document_id}",
        "text_file": f"{document_id}.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    claims_file = {
        "$schema": "../../schemas/claims.schema.json",
        "document": document_id,
        "claims": claims,
    }
    return text, metadata, claims_file


def generate(root: Path, claims: int, seed: int) -> Generated:
    """Write a records folder of ``claims`` claims at ``root`` (which must not exist)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    world = build_world(rng)
    maker = ClaimMaker(rng, world)
    documents = -(-claims // CLAIMS_PER_DOCUMENT)
    (root / "sources").mkdir(parents=True)
    (root / "claims").mkdir()
    claims_bytes = text_bytes = json_bytes = 0
    for index in range(1, documents + 1):
        text, metadata, claims_file = _document(rng, maker, world, index)
        if index == documents and claims % CLAIMS_PER_DOCUMENT:
            claims_file["claims"] = claims_file["claims"][: claims % CLAIMS_PER_DOCUMENT]
        raw_text = text.encode("utf-8")
        (root / "sources" / f"{metadata['id']}.txt").write_bytes(raw_text)
        raw_metadata = dumps_canonical(metadata)
        (root / "sources" / f"{metadata['id']}.json").write_bytes(raw_metadata)
        raw_claims = dumps_canonical(claims_file)
        (root / "claims" / f"{metadata['id']}.json").write_bytes(raw_claims)
        text_bytes += len(raw_text)
        claims_bytes += len(raw_claims)
        json_bytes += len(raw_metadata) + len(raw_claims)
    top_level = {
        "entities.json": {"$schema": "../schemas/entities.schema.json", "entities": world.records},
        "adjudications.json": {
            "$schema": "../schemas/adjudications.schema.json",
            "adjudications": [],
        },
        "measures.json": {
            "$schema": "../schemas/measures.schema.json",
            "measures": [
                {"id": measure, "description": f"The number of {noun}."}
                for measure, noun in _MEASURES
            ],
        },
    }
    for name, payload in top_level.items():
        raw = dumps_canonical(payload)
        (root / name).write_bytes(raw)
        json_bytes += len(raw)
    return Generated(
        root=root,
        claims=claims,
        documents=documents,
        entities=len(world.records),
        claims_bytes=claims_bytes,
        text_bytes=text_bytes,
        json_bytes=json_bytes,
        seconds=time.perf_counter() - started,
    )


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------

_FLOOR_CODE = """
import json, pathlib, sys, time
import orjson
root = pathlib.Path(sys.argv[1])
start = time.perf_counter()
files = size = 0
for path in sorted(root.rglob("*.json")):
    raw = path.read_bytes()
    orjson.loads(raw)
    files += 1
    size += len(raw)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "files": files, "bytes": size}))
"""

_LOAD_CODE = """
import json, sys, time
import astana_facts
start = time.perf_counter()
try:
    dataset = astana_facts.load(sys.argv[1])
except ValueError as error:
    result = {"error": str(error)[:3000]}
else:
    result = {"claims": len(dataset.claims), "documents": len(dataset.documents),
              "entities": len(dataset.entities)}
result["seconds"] = time.perf_counter() - start
print(json.dumps(result))
"""

_VALIDATE_CODE = """
import json, pathlib, resource, sys, time
import astana_facts
from astana_facts.pipeline.parallel import job_count
start = time.perf_counter()
findings = astana_facts.validate(sys.argv[1])
seconds = time.perf_counter() - start
errors = [f for f in findings if f.severity == "error"]
shown = [f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"
         for f in (errors or findings)[:5]]
claims = pathlib.Path(sys.argv[1], "claims")
jobs = job_count(sum(p.stat().st_size for p in claims.glob("*.json")))
worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if jobs > 1 else 0
print(json.dumps({"seconds": seconds, "findings": len(findings), "errors": len(errors),
                  "first": shown, "jobs": jobs, "worker_maxrss": worker_rss}))
"""

_PROFILE_CODE = """
import cProfile, pstats, sys
import astana_facts
profile = cProfile.Profile()
profile.enable()
astana_facts.validate(sys.argv[1])
profile.disable()
stats = pstats.Stats(profile)
stats.sort_stats("tottime").print_stats(20)
stats.sort_stats("cumulative").print_stats(25)
"""


@dataclass
class Run:
    """One finished child process: wall time, peak RSS, exit code and output."""

    wall: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str

    def result(self) -> dict[str, Any]:
        """The JSON object a measuring child printed last (empty when it printed none)."""
        for line in reversed(self.stdout.strip().splitlines()):
            if line.startswith("{"):
                try:
                    parsed = json.loads(line)
                except ValueError:
                    break
                return parsed if isinstance(parsed, dict) else {}
        return {}


def _peak_mb(max_rss: int) -> float:
    """``ru_maxrss`` in MB (10**6 bytes): kilobytes on Linux, bytes on macOS."""
    return max_rss / 1e6 if sys.platform == "darwin" else max_rss * 1024 / 1e6


def run_child(argv: Sequence[str]) -> Run:
    """Run ``argv`` to completion; its wall time (from here) and its own peak RSS (wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Run(wall, _peak_mb(usage.ru_maxrss), process.returncode, stdout, stderr)


def run_python(code: str, *args: str) -> Run:
    """Run ``python -c code args`` in a fresh interpreter (the one running this script)."""
    return run_child([sys.executable, "-c", code, *args])


def fastest(runs: Sequence[Run]) -> Run:
    """The fastest of ``runs`` by the time the child reports (its wall time when it reports
    none), with the highest peak RSS of them: shared machines are noisy, and noise only ever
    adds time."""
    best = min(runs, key=lambda run: run.result().get("seconds", run.wall))
    best.peak_mb = max(run.peak_mb for run in runs)
    return best


def find_tool(name: str) -> Path | None:
    """The console script ``name`` of this interpreter's environment, else the one on PATH.

    The environment's own script is preferred so that a version-manager shim (pyenv) on PATH
    does not add its start-up to the measurement.
    """
    local = Path(sysconfig.get_path("scripts")) / name
    if local.is_file() and os.access(local, os.X_OK):
        return local
    found = shutil.which(name)
    return Path(found) if found else None


def batches(items: Sequence[Path], size: int) -> Iterator[list[Path]]:
    """``items`` in consecutive lists of at most ``size``."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


@dataclass
class Step:
    """A measured step: the time of the step, the whole process, and the peak RSS."""

    seconds: float | None
    wall: float
    peak_mb: float
    """Peak RSS of the process; with worker processes, plus each worker's peak (an upper
    bound: forked workers share the pages they inherit)."""
    detail: str = ""


@dataclass
class SizeResult:
    """All measurements for one size."""

    generated: Generated
    floor: Step
    load: Step
    validate: Step
    validate_errors: int
    cli: Step | None
    jsonschema: Step | None


def _fmt_seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f} s"


def _line(label: str, step: Step) -> None:
    seconds = _fmt_seconds(step.seconds)
    print(
        f"  {label:<38} {seconds:>10}   process {step.wall:7.3f} s   "
        f"peak RSS {step.peak_mb:7.1f} MB   {step.detail}",
        flush=True,
    )


def measure_size(
    generated: Generated, cli: Path | None, checker: Path | None, repeat: int
) -> SizeResult:
    """Every measurement of one generated folder, printed as it is taken (floor, validate and
    the validate command: best of ``repeat`` runs)."""
    folder = str(generated.root)

    # The floor and validate take turns, so that both see the machine in the same moods.
    floor_runs: list[Run] = []
    validate_runs: list[Run] = []
    for _ in range(max(1, repeat)):
        floor_runs.append(run_python(_FLOOR_CODE, folder))
        validate_runs.append(run_python(_VALIDATE_CODE, folder))

    run = fastest(floor_runs)
    result = run.result()
    floor = Step(
        result.get("seconds"),
        run.wall,
        run.peak_mb,
        f"{result.get('files', '?')} files, {result.get('bytes', 0) / 1e6:.1f} MB",
    )
    _line("floor: read + orjson.loads, all JSON", floor)

    run = run_python(_LOAD_CODE, folder)
    result = run.result()
    if "error" in result:
        detail = "FAILED: " + result["error"].splitlines()[0]
    elif result:
        detail = f"{result['claims']} claims, {result['documents']} documents"
    else:
        detail = f"FAILED (exit {run.returncode}): {run.stderr.strip()[-300:]}"
    load = Step(result.get("seconds"), run.wall, run.peak_mb, detail)
    _line("astana_facts.load(folder)", load)
    if "error" in result:
        print("    " + result["error"].replace("\n", "\n    "))

    run = fastest(validate_runs)
    result = run.result()
    errors = int(result.get("errors", -1))
    jobs = int(result.get("jobs", 1))
    peak = run.peak_mb
    if result:
        detail = f"{result['findings']} findings, {errors} error findings"
        if jobs > 1:
            worker_mb = _peak_mb(int(result.get("worker_maxrss", 0)))
            peak += jobs * worker_mb
            detail += f"; {jobs} worker processes (peak {worker_mb:.0f} MB each, counted in)"
    else:
        detail = f"FAILED (exit {run.returncode}): {run.stderr.strip()[-300:]}"
    validate = Step(result.get("seconds"), run.wall, peak, detail)
    _line("astana_facts.validate(folder)", validate)
    for shown in result.get("first", []):
        print(f"    {shown}")
    if errors:
        print("    ^ error findings mean the generator is wrong")

    cli_step: Step | None = None
    if cli is None:
        print("  astana-facts not found")
    else:
        command = [str(cli), "validate", "--records", folder, "--format", "json"]
        run = fastest([run_child(command) for _ in range(max(1, repeat))])
        try:
            summary = json.loads(run.stdout)["summary"]
            detail = f"exit {run.returncode}, {summary['error']} errors, {summary['warning']} warn."
        except (ValueError, KeyError, TypeError):
            detail = f"exit {run.returncode}: {(run.stderr or run.stdout).strip()[-300:]}"
        cli_step = Step(None, run.wall, run.peak_mb, detail)
        _line("astana-facts validate DIR --format json", cli_step)

    checker_step: Step | None = None
    if checker is None:
        print("  check-jsonschema not installed")
    else:
        schema = bundled("schemas") / "claims.schema.json"
        files = sorted((generated.root / "claims").glob("*.json"))
        wall = peak = 0.0
        failures: list[str] = []
        count = 0
        for batch in batches(files, CHECK_JSONSCHEMA_BATCH):
            run = run_child([str(checker), "--schemafile", str(schema), *map(str, batch)])
            wall += run.wall
            peak = max(peak, run.peak_mb)
            count += 1
            if run.returncode != 0:
                failures.append((run.stdout + run.stderr).strip()[:500])
        status = "all valid" if not failures else f"{len(failures)} batch(es) FAILED"
        detail = f"{len(files)} files in {count} process(es), {status}"
        checker_step = Step(None, wall, peak, detail)
        _line("check-jsonschema (claims files)", checker_step)
        for failure in failures[:2]:
            print("    " + failure.replace("\n", "\n    "))

    result_ = SizeResult(generated, floor, load, validate, errors, cli_step, checker_step)
    ratios = [f"validate/floor = {_ratio(validate.seconds, floor.seconds)}"]
    if checker_step is not None:
        ratios.append(
            f"check-jsonschema/validate = {_ratio(checker_step.wall, validate.seconds)} "
            f"(vs validate()), {_ratio(checker_step.wall, cli_step.wall if cli_step else None)} "
            "(process vs process)"
        )
    print("  ratios: " + "; ".join(ratios), flush=True)
    return result_


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or not denominator:
        return "n/a"
    return f"{numerator / denominator:.2f}x"


def _divide(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def measure_bundled(cli: Path | None, runs: int = 5) -> tuple[float, float, int] | None:
    """Best wall time of ``astana-facts validate`` on the bundled dataset, its peak RSS and exit
    code; None when the command is missing."""
    if cli is None:
        return None
    best = None
    for _ in range(runs):
        run = run_child([str(cli), "validate"])
        if best is None or run.wall < best.wall:
            best = run
    assert best is not None
    return best.wall, best.peak_mb, best.returncode


# ---------------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------------


def print_table(results: list[SizeResult]) -> None:
    """One row per size and measurement."""
    print("\n== Summary ==")
    header = f"{'claims':>8} {'step':<40} {'step time':>10} {'process':>10} {'peak RSS':>10}"
    print(header)
    print("-" * len(header))
    for result in results:
        rows: list[tuple[str, Step | None]] = [
            ("floor (read + orjson.loads)", result.floor),
            ("load()", result.load),
            ("validate()", result.validate),
            ("astana-facts validate --format json", result.cli),
            ("check-jsonschema (claims files)", result.jsonschema),
        ]
        for label, step in rows:
            if step is None:
                print(f"{result.generated.claims:>8,} {label:<40} {'not run':>10}")
                continue
            print(
                f"{result.generated.claims:>8,} {label:<40} {_fmt_seconds(step.seconds):>10} "
                f"{step.wall:>8.3f} s {step.peak_mb:>7.1f} MB"
            )
        checker = result.jsonschema.wall if result.jsonschema else None
        cli = result.cli.wall if result.cli else None
        print(
            f"{'':>8} validate/floor {_ratio(result.validate.seconds, result.floor.seconds)}, "
            f"check-jsonschema/validate {_ratio(checker, result.validate.seconds)} "
            f"(process/process {_ratio(checker, cli)}), "
            f"avg claim {result.generated.average_claim_bytes:.0f} B"
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        scale = last.generated.claims / first.generated.claims
        print(
            f"validate time({last.generated.claims:,})/time({first.generated.claims:,}) = "
            f"{_ratio(last.validate.seconds, first.validate.seconds)} "
            f"(claims x{scale:.0f}; floor "
            f"{_ratio(last.floor.seconds, first.floor.seconds)})"
        )


def print_targets(results: list[SizeResult], bundled_run: tuple[float, float, int] | None) -> None:
    """The four targets, each PASS, FAIL or n/a."""
    print("\n== Targets ==")
    largest = max(results, key=lambda r: r.generated.claims) if results else None

    def verdict(ok: bool | None) -> str:
        return "n/a " if ok is None else ("PASS" if ok else "FAIL")

    if largest is not None:
        size = f"{largest.generated.claims:,} claims"
        if largest.generated.claims != 100_000:
            size += " (largest size run; the target is stated at 100,000)"
        factor = _divide(largest.validate.seconds, largest.floor.seconds)
        ok = None if factor is None else factor <= FLOOR_FACTOR
        print(
            f"[{verdict(ok)}] validate within {FLOOR_FACTOR:g}x the floor at {size}: "
            f"{_ratio(largest.validate.seconds, largest.floor.seconds)} "
            f"({_fmt_seconds(largest.validate.seconds)} vs {_fmt_seconds(largest.floor.seconds)})"
        )
        peak = max(r.validate.peak_mb for r in results)
        print(
            f"[{verdict(peak < PEAK_MB)}] validate peak memory under {PEAK_MB:g} MB: "
            f"{peak:.1f} MB (largest over sizes)"
        )
    if bundled_run is None:
        print(f"[{verdict(None)}] bundled astana-facts validate under {BUNDLED_SECONDS} s: not run")
    else:
        wall, peak_mb, code = bundled_run
        print(
            f"[{verdict(wall < BUNDLED_SECONDS)}] bundled `astana-facts validate` process under "
            f"{BUNDLED_SECONDS} s: {wall:.3f} s best of 5 (peak RSS {peak_mb:.1f} MB, exit {code})"
        )
    if largest is not None:
        checker = largest.jsonschema
        if checker is None or largest.cli is None:
            print(f"[{verdict(None)}] validate at least {JSONSCHEMA_FACTOR:g}x faster than "
                  "check-jsonschema: check-jsonschema not run")  # fmt: skip
        else:
            process_factor = checker.wall / largest.cli.wall
            step_factor = _divide(checker.wall, largest.validate.seconds)
            print(
                f"[{verdict(process_factor >= JSONSCHEMA_FACTOR)}] validate at least "
                f"{JSONSCHEMA_FACTOR:g}x faster than check-jsonschema at {size}: "
                f"{process_factor:.1f}x process vs process "
                f"({checker.wall:.2f} s vs {largest.cli.wall:.2f} s); "
                f"{step_factor or 0:.1f}x vs validate() alone"
            )


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def parse_sizes(value: str) -> list[int]:
    """``"10000,100000"`` (underscores allowed) as a sorted list of positive ints."""
    try:
        sizes = sorted({int(part.replace("_", "")) for part in value.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of integers: {value!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def folder_for(workdir: Path, claims: int) -> Path:
    """``workdir/claims-N/records``, emptied first if an earlier run of this script made it."""
    parent = workdir / f"claims-{claims}"
    if parent.exists():
        if not (parent / MARKER).exists():
            raise SystemExit(f"{parent} exists and was not made by this script; remove it first")
        shutil.rmtree(parent)
    parent.mkdir(parents=True)
    (parent / MARKER).write_text("generated by benchmarks/bench_validate.py\n", encoding="utf-8")
    return parent / "records"


def run(
    sizes: list[int],
    workdir: Path,
    seed: int,
    profile: bool,
    repeat: int = 3,
    jsonschema: bool = True,
) -> None:
    """Generate, measure and report every size, then the bundled dataset and the targets."""
    cli = find_tool("astana-facts")
    checker = find_tool("check-jsonschema") if jsonschema else None
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPU(s)")
    print(f"astana-facts: {cli or 'not found'}")
    print(f"check-jsonschema: {checker or 'not installed'}")
    print(f"workdir: {workdir}; seed {seed}; sizes {', '.join(f'{n:,}' for n in sizes)}")
    results: list[SizeResult] = []
    for claims in sizes:
        root = folder_for(workdir, claims)
        generated = generate(root, claims, seed)
        print(
            f"\n== {claims:,} claims: {generated.documents:,} documents, "
            f"{generated.entities} entities ==\n"
            f"  generated in {generated.seconds:.1f} s at {root}: "
            f"{generated.json_bytes / 1e6:.1f} MB of JSON "
            f"({generated.claims_bytes / 1e6:.1f} MB claims), "
            f"{generated.text_bytes / 1e6:.1f} MB of text; "
            f"average claim {generated.average_claim_bytes:.0f} bytes of JSON",
            flush=True,
        )
        results.append(measure_size(generated, cli, checker, repeat))
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(
            f"\nvalidate time({last.generated.claims:,})/time({first.generated.claims:,}) = "
            f"{_ratio(last.validate.seconds, first.validate.seconds)}"
        )
    print("\n== Bundled dataset: astana-facts validate (best of 5) ==", flush=True)
    bundled_run = measure_bundled(cli)
    if bundled_run is None:
        print("  astana-facts not found")
    else:
        print(f"  {bundled_run[0]:.3f} s, peak RSS {bundled_run[1]:.1f} MB, exit {bundled_run[2]}")
        on_path = shutil.which("astana-facts")
        if on_path and cli is not None and Path(on_path) != cli:
            shim = min(run_child([on_path, "validate"]).wall for _ in range(5))
            print(f"  (through {on_path} on PATH: {shim:.3f} s best of 5; not the target)")
    print_table(results)
    print_targets(results, bundled_run)
    if profile and results:
        largest = max(results, key=lambda r: r.generated.claims)
        print(f"\n== cProfile of validate() at {largest.generated.claims:,} claims ==")
        print(run_python(_PROFILE_CODE, str(largest.generated.root)).stdout)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; always returns 0 once the benchmark has run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated numbers of claims (default: 10000,100000)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where to write the records folders, kept afterwards (default: a temporary "
        "directory, removed afterwards)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print a cProfile of validate() at the largest size",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of the floor and of validate per size; the fastest counts (default: 3)",
    )
    parser.add_argument(
        "--no-check-jsonschema",
        dest="jsonschema",
        action="store_false",
        help="skip check-jsonschema (ten minutes at 100k claims)",
    )
    args = parser.parse_args(argv)
    options = {"repeat": args.repeat, "jsonschema": args.jsonschema}
    if args.workdir is not None:
        run(args.sizes, args.workdir.resolve(), args.seed, args.profile, **options)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-validate-") as temporary:
            run(args.sizes, Path(temporary), args.seed, args.profile, **options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
