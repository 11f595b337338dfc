"""Linear costs of the text stage: sentence splitting and finding a quote with a prefix.

Not a test: it measures, prints and always exits 0. Like ``bench.py``, every figure is the
**median (min-max)** of ``--runs`` fresh processes (at least 5), the compared steps taking turns
round by round, each printed with the cores that were free while it ran. Times are taken inside
each process, around the one call measured (the text is built before the clock starts).

* ``split_sentences`` on 1 MB of abbreviation-dense text ("Mr. A. B. Smith et al. vs. Dr. C.
  D. Jones, No. 5 St. …"): as **one line** (the case issue 12 measured: 52 KB took 4.35 s and
  650 KB did not end in 300 s; target: under 2 s), and **in paragraphs** of about 2,000 code
  points, every one distinct (pysbd's pace on fresh prose, through ``text/pysbd_fast.py``;
  target: under 2 s too);
* ``find_quote`` of a common word ("Astana", about 26,000 occurrences) with a prefix that
  picks its last occurrence, in 8.5 MB of the bundled texts repeated (what ``locate`` and
  ``fmt`` do), beside the definition it replaced (the text before each occurrence copied to
  compare the prefix), which takes tens of seconds: ``--before-runs`` (default 1) of those.

Usage::

    python benchmarks/bench_sentences.py [--runs 5] [--before-runs 1]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import Figure, free_cores  # noqa: E402  (a sibling script, found through the path)
from bench_validate import run_python  # noqa: E402

_SPLIT = """
import json, sys, time
from astana_facts.text.sentences import split_sentences
unit = ("Mr. A. B. Smith et al. vs. Dr. C. D. Jones, No. 5 St. Petersburg Ave. met on Dec. 22 "
        "in the U.S. ")
size = 1_000_000
if sys.argv[1] == "line":
    text = (unit * (size // len(unit) + 1))[:size]
else:
    # Every paragraph distinct (a number in each sentence), so no split is answered from the
    # cache of repeated lines: this is pysbd's own pace on fresh prose.
    paragraphs, length, number = [], 0, 0
    while length < size:
        sentences = []
        for _ in range(20):
            number += 1
            sentences.append(unit.replace("No. 5", f"No. {number}"))
        paragraph = "".join(sentences).strip() + "\\n"
        paragraphs.append(paragraph)
        length += len(paragraph)
    text = "".join(paragraphs)[:size]
start = time.perf_counter()
sentences = split_sentences(text)
print(json.dumps({"seconds": time.perf_counter() - start, "sentences": len(sentences),
                  "chars": len(text)}))
"""

_LOCATE = """
import json, sys, time
from astana_facts.resources import bundled
from astana_facts.text.quotes import Anchor, context, find_quote
sources = sorted((bundled("records") / "sources").glob("*.txt"))
corpus = "\\n".join(path.read_text("utf-8") for path in sources)
text = (corpus * (8_500_000 // len(corpus) + 1))[:8_500_000] + " the unique marker before Astana."

def before(text, quote, prefix):
    anchors, start = [], text.find(quote)
    while start != -1:
        end = start + len(quote)
        if text[:start].endswith(prefix):
            anchors.append(Anchor(start, end, quote, *context(text, start, end)))
        start = text.find(quote, start + 1)
    return anchors

start = time.perf_counter()
if sys.argv[1] == "after":
    found = find_quote(text, "Astana", prefix="unique marker before ")
else:
    found = before(text, "Astana", "unique marker before ")
print(json.dumps({"seconds": time.perf_counter() - start, "found": len(found),
                  "occurrences": text.count("Astana"), "chars": len(text)}))
"""


def measure(figure: Figure, code: str, argument: str) -> None:
    """One fresh process of ``code`` into ``figure``."""
    cores = free_cores()
    run = run_python(code, argument)
    result = run.result()
    if run.returncode != 0 or "seconds" not in result:
        figure.last = {"error": run.stderr.strip()[-600:]}
        return
    figure.seconds.append(result["seconds"])
    figure.peak_mb.append(run.peak_mb)
    figure.free_cores.append(cores)
    figure.last = result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (at least 5)")
    parser.add_argument("--before-runs", type=int, default=1, help="runs of the old find_quote")
    args = parser.parse_args()
    runs = max(5, args.runs)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {runs} rounds")
    line = Figure("split 1 MB, one line")
    paragraphs = Figure("split 1 MB, paragraphs")
    after = Figure("find_quote + prefix, 8.5 MB")
    before = Figure("find_quote + prefix, 8.5 MB, before")
    for round_ in range(runs):
        measure(line, _SPLIT, "line")
        measure(paragraphs, _SPLIT, "paragraphs")
        measure(after, _LOCATE, "after")
        if round_ < args.before_runs:
            measure(before, _LOCATE, "before")
    for figure in (line, paragraphs, after, before):
        if figure.seconds or figure.last:
            print(figure.line())
            print(f"{'':<36}{figure.last}")
    if line.seconds:
        verdict = "met" if line.median() < 2.0 else "NOT met"
        print(f"  split 1 MB one line: {line.median():.3f} s (target < 2 s: {verdict})")
    if paragraphs.seconds:
        verdict = "met" if paragraphs.median() < 2.0 else "NOT met"
        print(f"  split 1 MB paragraphs: {paragraphs.median():.3f} s (target < 2 s: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
