"""The pipeline reports its progress through the callback it is given: each file checked, each
rule run, each document split; the default reports nothing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from astana_facts.pipeline.progress import no_progress
from astana_facts.pipeline.run import run
from astana_facts.tools.fmt import format_records, records_files
from astana_facts.tools.stats import document_stats

Item = TypeVar("Item")


class Spy:
    """A progress callback that records, per label, the total announced and the items seen."""

    def __init__(self) -> None:
        self.totals: dict[str, int] = {}
        self.seen: dict[str, int] = {}

    def __call__(self, items: Iterable[Item], *, total: int, label: str) -> Iterable[Item]:
        self.totals[label] = total
        self.seen[label] = 0
        for item in items:
            self.seen[label] += 1
            yield item


def test_each_file_rule_and_document_is_reported(records: Path) -> None:
    spy = Spy()
    result = run(records, consistency=True, coverage=True, progress=spy)
    files = len(list((records / "claims").glob("*.json"))) + len(result.records.sources)
    assert spy.totals["checking files"] == spy.seen["checking files"] == files
    assert spy.totals["consistency rules"] == spy.seen["consistency rules"]
    assert spy.seen["consistency rules"] == len(result.records.rules) > 0
    assert spy.totals["sentences"] == spy.seen["sentences"] == len(result.records.sources)


def test_reporting_progress_changes_no_finding(records: Path) -> None:
    assert (
        run(records, consistency=True, progress=Spy()).findings
        == run(records, consistency=True).findings
    )


def test_stats_and_fmt_report_each_document_and_file(records: Path) -> None:
    spy = Spy()
    records_read = run(records, keep=True).records
    document_stats(records_read, spy)
    format_records(records, check=True, progress=spy)
    assert spy.seen["sentences"] == len(records_read.sources)
    assert spy.seen["formatting"] == spy.totals["formatting"] == len(records_files(records))


def test_no_progress_gives_the_items_unchanged() -> None:
    items = [3, 1, 2]
    assert list(no_progress(items, total=3, label="x")) == items
