"""Where the time of ``validate`` goes, stage by stage, in one process (CPU seconds).

Not a test: it measures and prints. Each stage runs over every claims file of a records folder,
on the output of the stage before, with the garbage collector paused as the pipeline pauses it::

    python benchmarks/breakdown.py FOLDER [--repeat 5]

Prints the median (min-max) of ``--repeat`` passes of each stage.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from astana_facts.integrity import ClaimIds
from astana_facts.integrity.references import referenced_entities
from astana_facts.integrity.spans import spans_hold
from astana_facts.integrity.values import intervals_hold
from astana_facts.jsonio.writer import dumps_canonical_layout
from astana_facts.reading.validators import file_validator


def stages(root: Path) -> list[tuple[str, Callable[[Any], Any]]]:
    """The stages, each a function of the previous stage's output."""
    claims_paths = sorted((root / "claims").glob("*.json"))
    text_paths = sorted((root / "sources").glob("*.txt"))
    texts: dict[str, str] = {}

    def read(_: Any) -> list[bytes]:
        out = []
        for path in claims_paths:
            with open(path, "rb") as handle:
                out.append(handle.read())
        return out

    def sources(raws: list[bytes]) -> list[bytes]:
        for path in text_paths:
            texts[path.stem] = path.read_bytes().decode("utf-8")
        return raws

    def hashes(raws: list[bytes]) -> list[bytes]:
        for text in texts.values():
            hashlib.sha256(text.encode("utf-8")).hexdigest()
            unicodedata.is_normalized("NFC", text)
        return raws

    def parse(raws: list[bytes]) -> list[tuple[bytes, Any]]:
        return [(raw, orjson.loads(raw)) for raw in raws]

    def canonical(parsed: list[tuple[bytes, Any]]) -> list[Any]:
        return [data for raw, data in parsed if dumps_canonical_layout(data) == raw]

    def models(parsed: list[Any]) -> list[Any]:
        validator = file_validator("ClaimsFile")
        return [validator.validate_python(data) for data in parsed]

    def spans(files: list[Any]) -> list[Any]:
        for record in files:
            text = texts[record["document"]]
            for claim in record["claims"]:
                spans_hold(claim["evidence"], text)
        return files

    def references(files: list[Any]) -> list[Any]:
        for record in files:
            referenced_entities(record["claims"])
        return files

    def intervals(files: list[Any]) -> list[Any]:
        for record in files:
            for claim in record["claims"]:
                intervals_hold(claim)
        return files

    def ids(files: list[Any]) -> list[Any]:
        seen = ClaimIds()
        for index, record in enumerate(files):
            ids = [claim["id"] for claim in record["claims"]]
            list(seen.check_file(str(index), ids, range(len(ids))))
        return files

    return [
        ("read claims files", read),
        ("read source texts", sources),
        ("hash + NFC texts", hashes),
        ("orjson.loads", parse),
        ("canonical-layout test", canonical),
        ("pydantic-core validation", models),
        ("spans", spans),
        ("references", references),
        ("intervals", intervals),
        ("ids", ids),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run every stage ``--repeat`` times and print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    file_validator("ClaimsFile")
    runs: dict[str, list[float]] = {}
    gc.disable()
    for _ in range(args.repeat):
        value: Any = None
        for name, stage in stages(args.folder):
            started = time.process_time()
            value = stage(value)
            runs.setdefault(name, []).append(time.process_time() - started)
    total = 0.0
    for name, times in runs.items():
        median = statistics.median(times)
        total += median
        print(f"{name:<26} {median:7.3f} s  ({min(times):.3f}-{max(times):.3f})")
    print(f"{'total':<26} {total:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
