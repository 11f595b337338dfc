"""Benchmark of loading and validating records folders of 10k and 100k synthetic claims.

Not a test: it prints figures and the targets of the foundation issue, and always exits 0.

    python benchmarks/bench_validate.py [--sizes 10000,100000] [--workdir DIR]

Each measured step runs in a fresh Python process, so that its peak memory (max RSS, read with
``os.wait4``) is its own and no step profits from another's warm caches. Times are taken inside
the process around the work itself (the "work" column) and for the whole process ("wall").

The floor is what any validator must do at least: read every JSON file of the folder and parse it
with orjson.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from astana_facts.jsonio.writer import dumps_canonical
from astana_facts.quotes import context

CLAIMS_PER_DOCUMENT = 100
ENTITIES = 300
SEED = 20170123

PLACES = ["Astana", "Geneva", "Sochi", "Damascus", "Aleppo", "Idlib", "Homs", "Daraa"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass
class Measurement:
    """One measured step: seconds of work, seconds of the whole process, peak memory."""

    work: float
    wall: float
    max_rss_mb: float
    output: str


class TextBuilder:
    """Builds a document text sentence by sentence and remembers where each quote stands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, before: str, quote: str, after: str) -> tuple[int, int]:
        start = self.length + len(before)
        sentence = before + quote + after + " "
        self.parts.append(sentence)
        self.length += len(sentence)
        return start, start + len(quote)

    def text(self) -> str:
        return "".join(self.parts).rstrip() + "\n"


def _entities(rng: random.Random) -> list[dict[str, Any]]:
    entities: list[dict[str, Any]] = [
        {"id": "series-astana", "kind": "series", "name": "Astana process"},
    ]
    kinds = ["state", "person", "organisation", "group", "event", "instrument", "place"]
    for index in range(ENTITIES):
        kind = kinds[index % len(kinds)]
        entity: dict[str, Any] = {
            "id": f"{kind}-{index}",
            "kind": kind,
            "name": f"{kind.title()} number {index}",
            "aliases": [f"{kind.title()} {index}"],
        }
        if kind == "event":
            entity["series"] = "series-astana"
        entities.append(entity)
    rng.shuffle(entities)
    return entities


def _by_kind(entities: list[dict[str, Any]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for entity in entities:
        found.setdefault(entity["kind"], []).append(entity["id"])
    return found


def _claim(
    index: int, document: str, builder: TextBuilder, ids: dict[str, list[str]], rng: random.Random
) -> tuple[dict[str, Any], tuple[int, int], str]:
    """One claim of a kind chosen in turn, with the sentence that states it."""
    event = rng.choice(ids["event"])
    kind = (
        "event_date",
        "count",
        "participants",
        "round_number",
        "statement",
        "instrument",
        "duration",
    )[index % 7]
    attribution: dict[str, Any] = {"type": "publisher"}
    modality = "reported"
    if kind == "event_date":
        month = rng.randrange(12)
        first = rng.randint(1, 26)
        quote = f"{MONTHS[month]} {first} and {first + 1}, 2017"
        span = builder.add("The delegations met on ", quote, f" in {rng.choice(PLACES)}.")
        value: dict[str, Any] = {
            "start": f"2017-{month + 1:02d}-{first:02d}",
            "end": f"2017-{month + 1:02d}-{first + 1:02d}",
            "precision": "day",
            "stance": "full_span",
        }
    elif kind == "count":
        number = rng.randint(10, 900)
        quote = f"{number} foreign reporters"
        span = builder.add("Some ", quote, " arrived to cover the negotiations.")
        value = {"measure": "foreign_reporters", "amount": {"bound": "exact", "value": number}}
    elif kind == "participants":
        members = rng.sample(ids["state"], 3)
        quote = "delegations from three guarantor states"
        span = builder.add("The meeting brought together ", quote, f" (number {index}).")
        value = {"role": "guarantor", "members": members, "complete": True}
    elif kind == "round_number":
        ordinal = rng.randint(1, 22)
        quote = f"round number {ordinal} of the talks"
        span = builder.add("This was ", quote, f" held in {rng.choice(PLACES)}.")
        value = {"series": "series-astana", "ordinal": ordinal}
    elif kind == "statement":
        quote = f"the talks are the only way forward, speaker {index} said"
        span = builder.add("In the plenary, ", quote, ".")
        value = {"content": "the talks are the only way forward", "direct": False}
        attribution = {"type": "speaker", "entity": rng.choice(ids["person"])}
        modality = "opinion"
    elif kind == "instrument":
        day = rng.randint(1, 28)
        quote = f"signed memorandum {index} on May {day}"
        span = builder.add("The guarantors ", quote, " backing the safe zones.")
        value = {
            "action": "signed",
            "parties": rng.sample(ids["state"], 3),
            "date": {
                "start": f"2017-05-{day:02d}",
                "end": f"2017-05-{day:02d}",
                "precision": "day",
            },
            "event": event,
        }
        event = rng.choice(ids["instrument"])
    else:
        days = rng.randint(1, 9)
        quote = f"{days}-day talks"
        span = builder.add("The results of the ", quote, f" were called important ({index}).")
        value = {"unit": "day", "amount": {"bound": "exact", "value": days}}
    claim = {
        "id": f"{document}-claim-{index}",
        "kind": kind,
        "subject": event,
        "value": value,
        "attribution": attribution,
        "modality": modality,
        "evidence": [],
    }
    return claim, span, quote


def generate(root: Path, claims: int, seed: int = SEED) -> None:
    """Write a valid records folder of ``claims`` synthetic claims at ``root``."""
    rng = random.Random(seed)
    (root / "sources").mkdir(parents=True)
    (root / "claims").mkdir()
    entities = _entities(rng)
    ids = _by_kind(entities)
    (root / "entities.json").write_bytes(
        dumps_canonical({"$schema": "../schemas/entities.schema.json", "entities": entities})
    )
    for number in range(claims // CLAIMS_PER_DOCUMENT):
        document = f"doc-{number:05d}"
        builder = TextBuilder()
        made = [_claim(i, document, builder, ids, rng) for i in range(CLAIMS_PER_DOCUMENT)]
        text = builder.text()
        for claim, (start, end), quote in made:
            prefix, suffix = context(text, start, end)
            claim["evidence"] = [
                {"start": start, "end": end, "exact": quote, "prefix": prefix, "suffix": suffix}
            ]
        raw_text = text.encode("utf-8")
        (root / "sources" / f"{document}.txt").write_bytes(raw_text)
        metadata = {
            "$schema": "../../schemas/source.schema.json",
            "id": document,
            "title": f"Synthetic document {number}",
            "published": {
                "start": "2017-12-31",
                "end": "2017-12-31",
                "precision": "day",
                "inferred": False,
            },
            "language": "en",
            "original_file": f"{document}.txt",
            "text_file": f"{document}.txt",
            "sha256": hashlib.sha256(raw_text).hexdigest(),
        }
        (root / "sources" / f"{document}.json").write_bytes(dumps_canonical(metadata))
        claims_file = {
            "$schema": "../../schemas/claims.schema.json",
            "document": document,
            "claims": [claim for claim, _, _ in made],
        }
        (root / "claims" / f"{document}.json").write_bytes(dumps_canonical(claims_file))


def run_measured(code: str, *args: str) -> Measurement:
    """Run ``code`` in a fresh interpreter; it prints its work time on its last line."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    lines = output.strip().splitlines()
    try:
        work = float(lines[-1])
    except (IndexError, ValueError):
        work = float("nan")
    if status != 0:
        print(f"  (step exited with status {status}: {output[-500:]})")
    return Measurement(work, wall, usage.ru_maxrss / 1024, "\n".join(lines[:-1]))


FLOOR = """
import sys, time, glob, orjson
from pathlib import Path
files = sorted(Path(sys.argv[1]).rglob("*.json"))
start = time.perf_counter()
for path in files:
    orjson.loads(path.read_bytes())
print(time.perf_counter() - start)
"""

LOAD = """
import sys, time, astana_facts
start = time.perf_counter()
dataset = astana_facts.load(sys.argv[1])
elapsed = time.perf_counter() - start
print(len(dataset.claims), "claims loaded")
print(elapsed)
"""

VALIDATE = """
import sys, time, astana_facts
start = time.perf_counter()
findings = astana_facts.validate(sys.argv[1])
elapsed = time.perf_counter() - start
errors = [f for f in findings if f.severity == "error"]
print(len(errors), "error findings")
for finding in errors[:5]:
    print(" ", finding.file, finding.line, finding.code, finding.message)
print(elapsed)
"""


def time_command(command: list[str]) -> float:
    """Wall time of one run of ``command`` (output discarded)."""
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def check_jsonschema(folder: Path) -> float | None:
    """Wall time of check-jsonschema over the claims files with the committed schema."""
    executable = shutil.which("check-jsonschema")
    if executable is None:
        return None
    schema = Path(__file__).resolve().parent.parent / "schemas" / "claims.schema.json"
    files = [str(path) for path in sorted((folder / "claims").glob("*.json"))]
    started = time.perf_counter()
    for batch in range(0, len(files), 500):
        subprocess.run(
            [executable, "--schemafile", str(schema), *files[batch : batch + 500]],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return time.perf_counter() - started


def average_claim_bytes(folder: Path) -> float:
    """Average size of one claim record in the canonical layout."""
    import orjson

    sizes = []
    for path in sorted((folder / "claims").glob("*.json"))[:20]:
        for claim in orjson.loads(path.read_bytes())["claims"]:
            sizes.append(len(dumps_canonical(claim)))
    return sum(sizes) / len(sizes)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="claim counts, comma-separated")
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the folders")
    parser.add_argument("--skip-check-jsonschema", action="store_true")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    workdir = options.workdir or Path(tempfile.mkdtemp(prefix="astana-bench-"))
    results: dict[int, dict[str, Any]] = {}
    try:
        for size in sizes:
            folder = workdir / f"records-{size}"
            if folder.exists():
                shutil.rmtree(folder)
            started = time.perf_counter()
            generate(folder, size)
            print(
                f"\n== {size} claims ({time.perf_counter() - started:.1f} s to generate, "
                f"{average_claim_bytes(folder):.0f} bytes per claim)"
            )
            floor = run_measured(FLOOR, str(folder))
            load = run_measured(LOAD, str(folder))
            validate = run_measured(VALIDATE, str(folder))
            print(f"  {validate.output}")
            cli = time_command(["astana-facts", "validate", str(folder), "--format", "json"])
            reference = None if options.skip_check_jsonschema else check_jsonschema(folder)
            results[size] = {
                "floor": floor,
                "load": load,
                "validate": validate,
                "cli": cli,
                "check-jsonschema": reference,
            }
            for name in ("floor", "load", "validate"):
                step: Measurement = results[size][name]
                print(
                    f"  {name:<9} work {step.work:7.3f} s   process {step.wall:7.3f} s   "
                    f"peak {step.max_rss_mb:7.1f} MB"
                )
            print(f"  CLI `astana-facts validate --format json` process: {cli:.3f} s")
            if reference is not None:
                print(f"  check-jsonschema on the claims files: {reference:.3f} s")
            print(f"  validate / floor: {validate.work / floor.work:.2f}x")
    finally:
        if options.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    bundled = min(time_command(["astana-facts", "validate"]) for _ in range(5))
    print(f"\nbundled dataset: `astana-facts validate` process, best of 5: {bundled:.3f} s")

    print("\nTargets")
    largest = max(results)
    big = results[largest]
    ratio = big["validate"].work / big["floor"].work
    print(
        f"  validate at {largest} claims within 3x the floor: {ratio:.2f}x  {verdict(ratio <= 3)}"
    )
    peak = big["validate"].max_rss_mb
    print(f"  validate peak memory under 500 MB: {peak:.0f} MB  {verdict(peak < 500)}")
    print(
        f"  bundled `astana-facts validate` under 0.35 s: {bundled:.3f} s  "
        f"{verdict(bundled < 0.35)}"
    )
    if big["check-jsonschema"] is not None:
        speedup = big["check-jsonschema"] / big["validate"].work
        print(
            f"  validate at least 5x faster than check-jsonschema: {speedup:.1f}x  "
            f"{verdict(speedup >= 5)}"
        )
    if len(results) > 1:
        smallest = min(results)
        scaling = big["validate"].work / results[smallest]["validate"].work
        print(
            f"  time({largest}) / time({smallest}) for validate: {scaling:.1f} "
            f"(claims ratio {largest / smallest:.0f})"
        )


if __name__ == "__main__":
    main()
