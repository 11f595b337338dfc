"""Benchmark of ``astana-facts report`` on synthetic datasets with planted contradictions.

Not a test: it measures, prints and always exits 0. For each size N (default 10,000 and 100,000
claims) it writes a records folder whose claims are true of a generated world (three series of
100 rounds with dates, lengths, counts, guarantors and a signed memorandum each), except for
contradictions planted at a known rate (``--rate``, default 1%), of every kind the rules find: a
date span moved (DAT001), a duration lengthened (DUR001), a count inflated (QTY001), a guarantor
swapped (PAR001), a signature moved (INS001), a duration beyond another duration (DUR002), a round
dated before the round below it (RND003), a three-claim contradiction (DUR001: a start, a
duration and a "day within" each pair of which can hold), and a relative date a week off
(DAT002: a meeting "three weeks after" a round ended, against the dates of both, two weeks
apart; each round has its own meeting, so the events a relative date links stay few). Each
planted claim comes with the true claims it contradicts, so every plant is detectable; it is
found when a finding of its rule code cites the claims it must (:data:`PLANTS`). Then, each in
a fresh process:

* the floor: read every JSON file of the folder and ``orjson.loads`` it;
* ``run(folder, consistency=True)`` rendered as JSON: time, peak memory, and the share of planted
  contradictions found with the planted rule code and claims, in all and per kind;

and the targets of the consistency issue: report at 100k claims within 4x the floor,
time(100k)/time(10k) at most 12, peak memory under 600 MB, every planted contradiction found.

Usage::

    python benchmarks/bench_report.py [--sizes 10000,100000] [--rate 0.01] [--seed N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import fastest, parse_sizes, run_python

from astana_facts.jsonio.writer import dumps_canonical

CLAIMS_PER_DOCUMENT = 100
CONTEXT = 32
SERIES = ("astana", "geneva", "sochi")
ROUNDS_PER_SERIES = 100
STATES = [f"state-{index:02d}" for index in range(12)]
#: The kinds of plant: each kind's rule code is the part before any ``-``. A plant of the first
#: five (a false claim against one true one) is found when a finding of its code cites the planted
#: claim; of ``RND003``, ``DUR001-three`` and ``DAT002``, when one finding of its code cites
#: every claim of the plant (so a pairwise finding against the false claim does not count).
PLANTS = (
    "DAT001", "DUR001", "QTY001", "PAR001", "INS001", "DUR002", "RND003", "DUR001-three",
    "DAT002",
)  # fmt: skip
WHOLE_PLANTS = ("RND003", "DUR001-three", "DAT002")
FLOOR_FACTOR, SCALING, PEAK_MB = 4.0, 12.0, 600.0


@dataclass(frozen=True)
class Round:
    """The truth about one generated round."""

    id: str
    series: str
    ordinal: int
    start: dt.date
    end: dt.date
    reporters: int
    guarantors: tuple[str, ...]
    place: str


def build_rounds(rng: random.Random) -> list[Round]:
    """Rounds of three series, in order, roughly six weeks apart."""
    rounds = []
    for offset, series in enumerate(SERIES):
        day = dt.date(2017, 1, 23) + dt.timedelta(days=offset * 9)
        for ordinal in range(1, ROUNDS_PER_SERIES + 1):
            length = rng.randint(1, 3)
            rounds.append(
                Round(
                    f"{series}-round-{ordinal}",
                    f"{series}-process",
                    ordinal,
                    day,
                    day + dt.timedelta(days=length - 1),
                    rng.randint(50, 900),
                    tuple(sorted(rng.sample(STATES, 3))),
                    f"city-{rng.randint(0, 9)}",
                )
            )
            day += dt.timedelta(days=rng.randint(35, 55))
    return rounds


def entities(rounds: list[Round]) -> list[dict[str, Any]]:
    """Every entity the claims refer to, with distinct names."""
    records: list[dict[str, Any]] = [
        {"id": f"{series}-process", "kind": "series", "name": f"{series.title()} process"}
        for series in SERIES
    ]
    records += [
        {"id": state, "kind": "state", "name": f"Republic of Number {i}"}
        for i, state in enumerate(STATES)
    ]
    records += [{"id": f"city-{i}", "kind": "place", "name": f"Capital {i}"} for i in range(10)]
    for round_ in rounds:
        records.append(
            {
                "id": round_.id,
                "kind": "event",
                "name": f"Round {round_.ordinal} of the {round_.series}",
                "series": round_.series,
            }
        )
        records.append(
            {"id": f"memo-{round_.id}", "kind": "instrument", "name": f"Memorandum {round_.id}"}
        )
        records.append(
            {"id": f"meeting-{round_.id}", "kind": "event", "name": f"Meeting after {round_.id}"}
        )
    return records


def _days(start: dt.date, end: dt.date, precision: str = "day") -> dict[str, Any]:
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": precision}


def true_claim(round_: Round, rng: random.Random) -> tuple[str, dict[str, Any], str]:
    """(kind, value, words) of a claim that is true of ``round_``."""
    length = (round_.end - round_.start).days + 1
    inside = round_.start + dt.timedelta(days=rng.randint(0, length - 1))
    roll = rng.randrange(12)
    if roll == 0:
        value = {**_days(round_.start, round_.end), "stance": "full_span"}
        return "event_date", value, f"met from {round_.start} to {round_.end}"
    if roll == 1:
        return "event_date", {**_days(inside, inside), "stance": "day_within"}, f"sat on {inside}"
    if roll == 2:
        stance = rng.choice(["start", "end"])
        day = round_.start if stance == "start" else round_.end
        return "event_date", {**_days(day, day), "stance": stance}, f"{stance}ed on {day}"
    if roll == 3:
        amount = {"bound": "exact", "value": length}
        return "duration", {"unit": "day", "amount": amount}, f"the {length}-day talks"
    if roll == 4:
        value = {"series": round_.series, "ordinal": round_.ordinal}
        return "round_number", value, f"round number {round_.ordinal}"
    if roll == 5:
        amount = {"bound": "exact", "value": round_.reporters}
        value = {"measure": "foreign_reporters", "amount": amount}
        return "count", value, f"{round_.reporters} foreign reporters"
    if roll == 6:
        low = round_.reporters - rng.randint(0, 40)
        value = {"measure": "foreign_reporters", "amount": {"bound": "at_least", "value": low}}
        return "count", value, f"at least {low} foreign reporters"
    if roll == 7:
        value = {"role": "guarantor", "members": list(round_.guarantors), "complete": True}
        return "participants", value, "guarantors " + ", ".join(round_.guarantors)
    if roll == 8:
        some = sorted(rng.sample(round_.guarantors, 2))
        value = {"role": "guarantor", "members": some, "complete": False}
        return "participants", value, "guarantors including " + " and ".join(some)
    if roll == 9:
        action = rng.choice(["signed", "adopted"])
        value = {
            "action": action,
            "parties": list(round_.guarantors),
            "date": _days(round_.start, round_.start),
            "event": round_.id,
        }
        return "instrument", value, f"{action} the memorandum on {round_.start}"
    if roll == 10:
        return "location", {"place": round_.place}, f"held in {round_.place}"
    value = {"content": f"round {round_.ordinal} was useful", "direct": True}
    return "statement", value, f"“round {round_.ordinal} was useful”"


def planted_claim(round_: Round, code: str) -> tuple[str, dict[str, Any], str]:
    """(kind, value, words) of a claim that contradicts ``round_`` the way ``code`` detects."""
    if code == "DAT001":
        start, end = round_.start + dt.timedelta(days=15), round_.end + dt.timedelta(days=15)
        return "event_date", {**_days(start, end), "stance": "full_span"}, f"met {start}-{end}"
    if code == "DUR001":
        wrong = (round_.end - round_.start).days + 4
        amount = {"bound": "exact", "value": wrong}
        return "duration", {"unit": "day", "amount": amount}, f"the {wrong}-day talks"
    if code == "QTY001":
        amount = {"bound": "exact", "value": round_.reporters * 3 + 1000}
        value: dict[str, Any] = {"measure": "foreign_reporters", "amount": amount}
        return "count", value, f"{amount['value']} foreign reporters"
    if code == "PAR001":
        outsider = next(state for state in STATES if state not in round_.guarantors)
        members = sorted([*round_.guarantors[:2], outsider])
        value = {"role": "guarantor", "members": members, "complete": True}
        return "participants", value, "guarantors " + ", ".join(members)
    day = round_.end + dt.timedelta(days=60)
    value = {
        "action": "signed",
        "parties": list(round_.guarantors),
        "date": _days(day, day),
        "event": round_.id,
    }
    return "instrument", value, f"signed the memorandum on {day}"


def counterpart(round_: Round, code: str) -> tuple[str, dict[str, Any], str]:
    """A true claim that the plant of ``code`` contradicts."""
    if code in ("DAT001", "DUR001"):
        value = {**_days(round_.start, round_.end), "stance": "full_span"}
        return "event_date", value, f"met from {round_.start} to {round_.end}"
    if code == "QTY001":
        amount = {"bound": "exact", "value": round_.reporters}
        return (
            "count",
            {"measure": "foreign_reporters", "amount": amount},
            f"{amount['value']} reporters",
        )
    if code == "PAR001":
        value = {"role": "guarantor", "members": list(round_.guarantors), "complete": True}
        return "participants", value, "the guarantors " + ", ".join(round_.guarantors)
    value = {
        "action": "signed",
        "parties": list(round_.guarantors),
        "date": _days(round_.start, round_.start),
        "event": round_.id,
    }
    return "instrument", value, f"signed the memorandum on {round_.start}"


Draft = tuple[Round, str, dict[str, Any], str]


def _round_number(round_: Round) -> Draft:
    value = {"series": round_.series, "ordinal": round_.ordinal}
    return round_, "round_number", value, f"round number {round_.ordinal}"


def plant(round_: Round, kind: str, rounds: dict[tuple[str, int], Round]) -> list[Draft]:
    """The claims of one plant of ``kind`` about ``round_``, the false one first: the planted
    claim and its counterpart, or, for the kinds that need more, every claim of the
    contradiction. ``rounds`` finds a round by series and ordinal."""
    if kind in PLANTS[:5]:
        return [(round_, *planted_claim(round_, kind)), (round_, *counterpart(round_, kind))]
    length = (round_.end - round_.start).days + 1
    if kind == "DUR002":
        beyond = {"bound": "at_least", "value": length + 1}
        exact = {"bound": "exact", "value": length}
        return [
            (round_, "duration", {"unit": "day", "amount": beyond}, f"day {length + 1} of talks"),
            (round_, "duration", {"unit": "day", "amount": exact}, f"the {length}-day talks"),
        ]
    if kind == "DAT002":
        return _relative_plant(round_)
    if kind == "RND003":
        upper = round_ if round_.ordinal > 1 else rounds[(round_.series, 2)]
        lower = rounds[(upper.series, upper.ordinal - 1)]
        start = lower.start - dt.timedelta(days=20)
        end = start + dt.timedelta(days=(upper.end - upper.start).days)
        full = {**_days(lower.start, lower.end), "stance": "full_span"}
        return [
            (upper, "event_date", {**_days(start, end), "stance": "full_span"}, f"met {start}"),
            _round_number(upper),
            (lower, "event_date", full, f"met from {lower.start} to {lower.end}"),
            _round_number(lower),
        ]
    late = round_.end + dt.timedelta(days=1)
    exact = {"bound": "exact", "value": length}
    return [
        (round_, "event_date", {**_days(late, late), "stance": "day_within"}, f"sat on {late}"),
        (round_, "event_date", {**_days(round_.start, round_.start), "stance": "start"},
         f"started on {round_.start}"),
        (round_, "duration", {"unit": "day", "amount": exact}, f"the {length}-day talks"),
    ]  # fmt: skip


def _relative_plant(round_: Round) -> list[Draft]:
    """A meeting held two weeks after ``round_`` ended, said to be three weeks after it: the false
    relative date first, then the dates of the round and of the meeting."""
    start = round_.end + dt.timedelta(days=14)
    meeting = Round(f"meeting-{round_.id}", "", 0, start, start, 0, (), round_.place)
    three_weeks = {
        "part": "start",
        "direction": "after",
        "unit": "week",
        "amount": {"bound": "exact", "value": 3},
        "anchor_part": "end",
        "anchor": round_.id,
    }
    return [
        (meeting, "relative_date", three_weeks, "met three weeks after the round closed"),
        (round_, "event_date", {**_days(round_.start, round_.end), "stance": "full_span"},
         f"met from {round_.start} to {round_.end}"),
        (meeting, "event_date", {**_days(start, start), "stance": "full_span"}, f"met on {start}"),
    ]  # fmt: skip


def _claim(claim_id: str, round_: Round, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    subject = f"memo-{round_.id}" if kind == "instrument" else round_.id
    return {
        "id": claim_id,
        "kind": kind,
        "subject": subject,
        "value": value,
        "attribution": {"type": "publisher"},
        "modality": "opinion" if kind == "statement" else "reported",
    }


def _drafts(
    rng: random.Random,
    rounds: list[Round],
    by_ordinal: dict[tuple[str, int], Round],
    room: int,
    rate: float,
) -> tuple[list[Draft], str | None]:
    """The next claims to write (at most ``room``) and the kind of plant they are, if any."""
    round_ = rng.choice(rounds)
    drafts: list[Draft] = [(round_, *true_claim(round_, rng))]
    if rng.random() < rate:
        kind = rng.choice(PLANTS)
        planted = plant(round_, kind, by_ordinal)
        if len(planted) <= room:
            return planted, kind
    return drafts, None


def generate(root: Path, size: int, rate: float, seed: int) -> list[dict[str, Any]]:
    """Write the records folder; return the planted contradictions (kind, rule code, the planted
    claim's id and the ids of the claims a finding of the code must cite)."""
    rng = random.Random(seed)
    rounds = build_rounds(rng)
    by_ordinal = {(r.series, r.ordinal): r for r in rounds}
    (root / "sources").mkdir(parents=True)
    (root / "claims").mkdir()
    planted: list[dict[str, Any]] = []
    written = 0
    for index in range(-(-size // CLAIMS_PER_DOCUMENT)):
        document = f"report-{index:05d}"
        pieces: list[str] = [f"Dispatch {index}\n\n"]
        length = len(pieces[0])
        claims: list[dict[str, Any]] = []
        while (room := min(CLAIMS_PER_DOCUMENT, size - written) - len(claims)) > 0:
            drafts, kind = _drafts(rng, rounds, by_ordinal, room, rate)
            if kind is not None:
                ids = [f"{document}-{len(claims) + i:03d}" for i in range(len(drafts))]
                must = ids if kind in WHOLE_PLANTS else ids[:1]
                code = kind.split("-")[0]
                planted.append({"kind": kind, "code": code, "claim": ids[0], "claims": must})
            for round_, kind_, value, words in drafts:
                sentence = f"Reporters wrote that the {round_.id} {words}. "
                start = length + sentence.index(words)
                pieces.append(sentence)
                length += len(sentence)
                claim = _claim(f"{document}-{len(claims):03d}", round_, kind_, value)
                claim["evidence"] = [{"start": start, "end": start + len(words), "exact": words}]
                claims.append(claim)
        written += len(claims)
        text = "".join(pieces) + "\n"
        for claim in claims:
            for span in claim["evidence"]:
                span["prefix"] = text[max(0, span["start"] - CONTEXT) : span["start"]]
                span["suffix"] = text[span["end"] : span["end"] + CONTEXT]
        (root / "sources" / f"{document}.txt").write_text(text, encoding="utf-8")
        metadata = {
            "$schema": "../../schemas/source.schema.json",
            "id": document,
            "title": f"Dispatch {index}",
            "published": {**_days(dt.date(2030, 1, 1), dt.date(2030, 1, 1)), "inferred": False},
            "language": "en",
            "original_file": f"{document}.txt",
            "text_file": f"{document}.txt",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }
        (root / "sources" / f"{document}.json").write_bytes(dumps_canonical(metadata))
        claims_file = {
            "$schema": "../../schemas/claims.schema.json",
            "document": document,
            "claims": claims,
        }
        (root / "claims" / f"{document}.json").write_bytes(dumps_canonical(claims_file))
    entities_file = {"$schema": "../schemas/entities.schema.json", "entities": entities(rounds)}
    (root / "entities.json").write_bytes(dumps_canonical(entities_file))
    measures = [{"id": "foreign_reporters", "description": "Foreign reporters at a round."}]
    measures_file = {"$schema": "../schemas/measures.schema.json", "measures": measures}
    (root / "measures.json").write_bytes(dumps_canonical(measures_file))
    return planted


_FLOOR = """
import json, pathlib, sys, time
import orjson
start = time.perf_counter()
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.json")):
    orjson.loads(path.read_bytes())
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

_REPORT = """
import json, sys, time
from astana_facts.pipeline.run import run
from astana_facts.render.context import RenderContext
from astana_facts.render.registry import render
start = time.perf_counter()
report = run(sys.argv[1], consistency=True)
rendered = render("report", "json", report, RenderContext())
seconds = time.perf_counter() - start
planted = json.load(open(sys.argv[2], encoding="utf-8"))
cited = {}
for f in report.findings:
    for claim in f.claims:
        cited.setdefault((f.code, claim), []).append(set(f.claims))
kinds = {}
for p in planted:
    claims = set(p.get("claims", [p["claim"]]))  # (older folders name one claim per plant)
    hit = any(claims <= c for c in cited.get((p["code"], p["claim"]), []))
    share = kinds.setdefault(p.get("kind", p["code"]), [0, 0])
    share[0] += hit
    share[1] += 1
    if not hit:
        print("missed:", json.dumps(p), file=sys.stderr)
hits = sum(h for h, _ in kinds.values())
codes = {}
for f in report.findings:
    codes[f.code] = codes.get(f.code, 0) + 1
print(json.dumps({"seconds": seconds, "findings": len(report.findings), "hits": hits,
                  "planted": len(planted), "codes": codes, "bytes": len(rendered),
                  "kinds": kinds}))
"""


def measure(size: int, rate: float, seed: int, workdir: Path, repeat: int = 3) -> dict[str, Any]:
    """Generate one size and measure the floor and the report (taking turns, ``repeat`` times
    each; the fastest run of each counts)."""
    root = workdir / f"report-{size}" / "records"
    started = time.perf_counter()
    planted = generate(root, size, rate, seed)
    plants = workdir / f"report-{size}" / "planted.json"
    plants.write_text(json.dumps(planted), encoding="utf-8")
    print(f"\n== {size:,} claims, {len(planted)} planted contradictions ==")
    print(f"  generated in {time.perf_counter() - started:.1f} s at {root}")
    floor_runs, report_runs = [], []
    for _ in range(max(1, repeat)):
        floor_runs.append(run_python(_FLOOR, str(root)))
        report_runs.append(run_python(_REPORT, str(root), str(plants)))
    floor = fastest(floor_runs)
    floor_seconds = json.loads(floor.stdout.strip().splitlines()[-1])["seconds"]
    print(
        f"  floor: read + orjson.loads, all JSON   {floor_seconds:.3f} s, "
        f"peak {floor.peak_mb:.0f} MB"
    )
    run = fastest(report_runs)
    if run.returncode != 0:
        print(f"  report FAILED: {run.stderr.strip()[-800:]}")
        return {"size": size, "floor": floor_seconds}
    result = json.loads(run.stdout.strip().splitlines()[-1])
    print(
        f"  report (build + render JSON)          {result['seconds']:.3f} s, peak "
        f"{run.peak_mb:.0f} MB, process {run.wall:.2f} s; {result['findings']} findings "
        f"({', '.join(f'{c} {n}' for c, n in sorted(result['codes'].items()))})"
    )
    print(
        f"  planted found: {result['hits']}/{result['planted']}; "
        f"report/floor = {result['seconds'] / floor_seconds:.1f}x"
    )
    for kind in PLANTS:
        hit, total = result["kinds"].get(kind, [0, 0])
        print(f"    {kind:<13} {hit}/{total}")
    if run.stderr.strip():
        print("  " + run.stderr.strip()[-2000:].replace("\n", "\n  "))
    return {"size": size, "floor": floor_seconds, "peak": run.peak_mb, **result}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the targets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[10_000, 100_000])
    parser.add_argument("--rate", type=float, default=0.01, help="share of planted claims")
    parser.add_argument("--seed", type=int, default=20171222)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of the floor and of the report per size; the fastest counts (default: 3)",
    )
    args = parser.parse_args(argv)
    print(
        f"python {sys.version.split()[0]}; sizes {args.sizes}; rate {args.rate}; seed {args.seed}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-report-") as temporary:
        results = [
            measure(size, args.rate, args.seed, Path(temporary), args.repeat) for size in args.sizes
        ]
    done = [r for r in results if "seconds" in r]
    if not done:
        return 0
    largest, smallest = done[-1], done[0]
    print("\n== Targets ==")
    factor = largest["seconds"] / largest["floor"]
    print(f"[{'PASS' if factor <= FLOOR_FACTOR else 'FAIL'}] report within {FLOOR_FACTOR:g}x the "
          f"floor at {largest['size']:,} claims: {factor:.1f}x")  # fmt: skip
    if len(done) > 1:
        scaling = largest["seconds"] / smallest["seconds"]
        print(f"[{'PASS' if scaling <= SCALING else 'FAIL'}] time({largest['size']:,})/"
              f"time({smallest['size']:,}) at most {SCALING:g}: {scaling:.1f}")  # fmt: skip
    peak = max(r["peak"] for r in done)
    print(
        f"[{'PASS' if peak < PEAK_MB else 'FAIL'}] peak memory under {PEAK_MB:g} MB: {peak:.0f} MB"
    )
    missed = sum(r["planted"] - r["hits"] for r in done)
    print(f"[{'PASS' if missed == 0 else 'FAIL'}] every planted contradiction found: "
          f"{sum(r['hits'] for r in done)}/{sum(r['planted'] for r in done)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
