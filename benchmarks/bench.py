"""The speed and memory targets of the pipeline, measured as medians of alternated fresh runs.

Not a test: it measures, prints and always exits 0. This machine is shared, and the same step
can take twice as long from one minute to the next, so every figure is the **median (min-max)**
of ``--runs`` fresh processes (at least 5), the compared commands taking turns round by round,
and each figure is printed with the number of cores that were actually free while it ran
(sampled from ``/proc/stat``). A best run is not a result.

The short whole-process figures come first and the million-claim report last: after processes of
1.5 GB the machine is slower for a while. Figures (each command a fresh ``python`` process;
times are measured inside it, from before its first import of ``astana_facts`` internals to the
end, so interpreter start-up is left out of both sides of a ratio):

* the **floor**: read every JSON file of a folder and ``orjson.loads`` it;
* ``validate`` at 100k claims: ``astana_facts.validate(folder)`` (worker processes included);
* ``report`` at 100k and 1M claims: the pipeline with consistency, its JSON written to a file
  as ``report -o FILE`` writes it;
* whole-process ``astana-facts validate`` and ``astana-facts report`` on the bundled data;
* the **parallel speed**, before each round of the 100k and 1M figures: how many times as much
  work two busy processes get through as one (a pure-Python loop run alone, then two at once).
  "Free cores" counts idle cores; this says what two of them give: 2.0 on two free physical
  cores, about 1.3-1.5 when the two virtual cores behave as two threads of one.

Usage::

    python benchmarks/bench.py [--runs 5] [--data DIR] [--no-1m]

``--data`` keeps the generated folders between runs of the benchmark (default: a temporary
folder). The 1M-claim folder takes about 700 MB of disk and each report of it about a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_report  # noqa: E402  (a sibling script, found through the path above)
import bench_validate  # noqa: E402

_FLOOR = """
import json, pathlib, sys, time
start = time.perf_counter()
import orjson
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.json")):
    orjson.loads(path.read_bytes())
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

_VALIDATE = """
import json, resource, sys, time
import astana_facts
start = time.perf_counter()
findings = astana_facts.validate(sys.argv[1])
seconds = time.perf_counter() - start
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "findings": len(findings), "worker_kb": workers}))
"""

_REPORT = """
import json, os, pathlib, sys, tempfile, time
start = time.perf_counter()
from astana_facts.jsonio.writer import write_atomic
from astana_facts.pipeline.run import run
from astana_facts.render.context import RenderContext
from astana_facts.render.registry import render_chunks
result = run(sys.argv[1], consistency=True, anchors=False)  # as the report command runs it
out = pathlib.Path(tempfile.mkdtemp()) / "report.json"
pieces = render_chunks("report", "json", result, RenderContext())
write_atomic(out, (piece.encode("utf-8") for piece in pieces))  # as report -o FILE writes it
seconds = time.perf_counter() - start
size = out.stat().st_size
os.unlink(out)
planted = json.load(open(sys.argv[2], encoding="utf-8"))
# A plant is found when one finding of its code cites all of its "claims". Each finding's set
# of claims is made only while it is looked at: the check must not add to the peak it measures.
# (A plant of a folder generated before plants named all their claims names one.)
wanted = {}
for number, p in enumerate(planted):
    claims = set(p.get("claims", [p["claim"]]))
    wanted.setdefault((p["code"], p["claim"]), []).append((number, claims))
found = set()
for f in result.findings:
    here = [plant for claim in f.claims for plant in wanted.get((f.code, claim), ())]
    if here:
        cited = set(f.claims)
        found.update(number for number, claims in here if claims <= cited)
hits = len(found)
print(json.dumps({"seconds": seconds, "findings": len(result.findings), "hits": hits,
                  "planted": len(planted), "bytes": size}))
"""


@dataclass
class Figure:
    """The runs of one command: times (from inside the process), peak RSS and free cores."""

    label: str
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    free_cores: list[float] = field(default_factory=list)
    last: dict[str, Any] = field(default_factory=dict)

    def median(self) -> float:
        return statistics.median(self.seconds)

    def line(self) -> str:
        """``label  median (min-max) s, peak median MB, free cores median``."""
        if not self.seconds:
            return f"{self.label:<34} no run succeeded: {self.last.get('error', '')[:300]}"
        return (
            f"{self.label:<34} {self.median():8.3f} s ({min(self.seconds):.3f}-"
            f"{max(self.seconds):.3f}), peak {statistics.median(self.peak_mb):6.0f} MB, "
            f"free cores {statistics.median(self.free_cores):.1f} of {os.cpu_count()}"
        )


def _cpu_times() -> tuple[float, float]:
    """(idle, total) jiffies of all cores since boot."""
    with open("/proc/stat", encoding="ascii") as handle:
        values = [float(v) for v in handle.readline().split()[1:]]
    return values[3] + values[4], sum(values)


def free_cores(seconds: float = 0.5) -> float:
    """How many cores were idle over the next ``seconds`` (no process of ours running)."""
    if not Path("/proc/stat").exists():
        return float("nan")
    idle, total = _cpu_times()
    time.sleep(seconds)
    idle2, total2 = _cpu_times()
    share = (idle2 - idle) / max(total2 - total, 1.0)
    return round(share * (os.cpu_count() or 1), 1)


_SPIN = """
import json, time
start = time.perf_counter()
total = 0
for number in range(4_000_000):
    total += number * number % 7
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


def _spins(count: int) -> list[float]:
    """The seconds of ``count`` copies of a pure-Python loop started at once (each timed inside
    its own process)."""
    processes = [
        subprocess.Popen([sys.executable, "-c", _SPIN], stdout=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    return [json.loads(process.communicate()[0])["seconds"] for process in processes]


def parallel_speed() -> float:
    """How many times as much work two busy processes get through as one, right now (the loop
    alone before and after the two, its faster time taken)."""
    before = _spins(1)[0]
    together = max(_spins(2))
    alone = min(before, _spins(1)[0])
    return round(2 * alone / together, 2)


def measure(figure: Figure, argv: Sequence[str], *, inner: bool = True) -> None:
    """One fresh run of ``argv`` into ``figure`` (time from the child's JSON when ``inner``)."""
    cores = free_cores()
    run = bench_validate.run_child(argv)
    result = run.result()
    if run.returncode not in (0, 1) or (inner and "seconds" not in result):
        figure.last = {"error": run.stderr.strip()[-600:] or run.stdout[-600:]}
        return
    worker_mb = result.get("worker_kb", 0) * 1024 / 1e6
    figure.seconds.append(result["seconds"] if inner else run.wall)
    figure.peak_mb.append(run.peak_mb + worker_mb)
    figure.free_cores.append(cores)
    figure.last = result


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def alternate(runs: int, steps: Sequence[Callable[[], None]]) -> None:
    """Each step once per round, ``runs`` rounds: the compared commands take turns."""
    for round_number in range(runs):
        print(f"  round {round_number + 1}/{runs}", file=sys.stderr, flush=True)
        for step in steps:
            step()


def prepare(data: Path, with_1m: bool) -> dict[str, Path]:
    """The generated folders (made once; kept in ``data``)."""
    folders: dict[str, Callable[[Path], object]] = {
        "validate-100k": (lambda root: bench_validate.generate(root, 100_000, 20170504)),
        "report-100k": (lambda root: _report_folder(root, 100_000)),
    }
    if with_1m:
        folders["report-1m"] = lambda root: _report_folder(root, 1_000_000)
    made = {}
    for name, make in folders.items():
        root = data / name / "records"
        if not root.is_dir():
            print(f"generating {name} …", file=sys.stderr, flush=True)
            shutil.rmtree(root.parent, ignore_errors=True)
            make(root)
        made[name] = root
    return made


def _report_folder(root: Path, size: int) -> None:
    planted = bench_report.generate(root, size, 0.01, 20171222)
    (root.parent / "planted.json").write_text(json.dumps(planted), encoding="utf-8")


def ratio(numerator: Figure, denominator: Figure) -> str:
    """The ratio of the two medians, and the median of the ratios of each round's pair (the two
    runs of a round met the machine in the same minute, so their ratio moves less)."""
    if not numerator.seconds or not denominator.seconds:
        return "n/a"
    paired = [n / d for n, d in zip(numerator.seconds, denominator.seconds, strict=False)]
    return (
        f"{numerator.median() / denominator.median():.2f}x "
        f"(paired: {statistics.median(paired):.2f}x, {min(paired):.2f}-{max(paired):.2f})"
    )


def main(argv: list[str] | None = None) -> int:
    """Measure and print every figure and target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds per figure (at least 5)")
    parser.add_argument("--data", type=Path, help="folder for the generated datasets")
    parser.add_argument("--no-1m", action="store_true", help="skip the 1M-claim report")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    data = args.data or Path(tempfile.mkdtemp(prefix="astana-bench-"))
    folders = prepare(data, not args.no_1m)
    cli = shutil.which("astana-facts")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {runs} rounds, data {data}")

    b_validate, b_report = Figure("bundled: astana-facts validate"), Figure("bundled: report")
    if cli:
        quiet_validate, quiet_report = [cli, "validate", "-q"], [cli, "report", "-q"]
        alternate(runs, [lambda: measure(b_validate, quiet_validate, inner=False),
                         lambda: measure(b_report, quiet_report, inner=False)])  # fmt: skip
    v_floor, validate = Figure("floor (validate set, 100k)"), Figure("validate() 100k")
    v = str(folders["validate-100k"])
    alternate(runs, [lambda: measure(v_floor, python(_FLOOR, v)),
                     lambda: measure(validate, python(_VALIDATE, v))])  # fmt: skip
    r_floor, report = Figure("floor (report set, 100k)"), Figure("report 100k")
    r = str(folders["report-100k"])
    planted = str(folders["report-100k"].parent / "planted.json")
    speeds: list[float] = []
    alternate(runs, [lambda: speeds.append(parallel_speed()),
                     lambda: measure(r_floor, python(_FLOOR, r)),
                     lambda: measure(report, python(_REPORT, r, planted))])  # fmt: skip
    figures = [v_floor, validate, r_floor, report]
    if b_validate.seconds:
        figures += [b_validate, b_report]
    report_1m, beside_1m = Figure("report 1M"), Figure("report 100k (taking turns with 1M)")
    if "report-1m" in folders:
        m = str(folders["report-1m"])
        planted_1m = str(folders["report-1m"].parent / "planted.json")
        alternate(runs, [lambda: speeds.append(parallel_speed()),
                         lambda: measure(beside_1m, python(_REPORT, r, planted)),
                         lambda: measure(report_1m, python(_REPORT, m, planted_1m))])  # fmt: skip
        figures += [beside_1m, report_1m]
    print()
    for figure in figures:
        print(figure.line())
    print(
        f"parallel speed (two busy processes / one): {statistics.median(speeds):.2f} "
        f"({min(speeds):.2f}-{max(speeds):.2f}), {len(speeds)} readings"
    )
    print("\ntargets")
    print(f"  validate 100k / floor   {ratio(validate, v_floor)}   (target <= 3x)")
    print(f"  report 100k / floor     {ratio(report, r_floor)}   (target <= 10x)")
    if report_1m.seconds:
        print(f"  report 1M / 100k        {ratio(report_1m, beside_1m)}   (target <= 11)")
        peak = statistics.median(report_1m.peak_mb)
        print(f"  report 1M peak          {peak:8.0f} MB (target <= 1500 MB)")
    for figure in (report, report_1m):
        if figure.last.get("planted"):
            print(
                f"  planted found ({figure.label}): {figure.last['hits']}/{figure.last['planted']}"
            )
    if b_validate.seconds:
        print(f"  bundled validate        {b_validate.median():8.3f} s (target < 0.25 s)")
        print(f"  bundled report          {b_report.median():8.3f} s (target < 0.25 s)")
    if args.data is None:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
