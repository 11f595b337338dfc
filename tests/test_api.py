"""The Python API's verdicts: ``dataset.verdicts`` (claim id -> verdict) and ``claim.verdict``,
derived on first use; the examples in the docstrings run as doctests."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import astana_facts.api
import astana_facts.dataset
from astana_facts.api import build_dataset
from astana_facts.pipeline.run import run
from astana_facts.verdicts import Verdict
from tests.factories import build_records


@pytest.mark.parametrize("module", [astana_facts.api, astana_facts.dataset])
def test_the_docstring_examples_run(module: object) -> None:
    failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert attempted and not failed


def test_verdicts_are_derived_on_first_use_once_and_reach_every_claim(tmp_path: Path) -> None:
    records = run(build_records(tmp_path / "records"), keep=True).records
    calls: list[int] = []
    first, last = sorted(record.claim["id"] for record in records.claims)[
        :: len(records.claims) - 1
    ]

    def judge() -> dict[str, Verdict]:
        calls.append(1)
        return {  # given out of order: the dataset keeps them in claim id order
            last: Verdict(last, "supported", ("fact-a",), "entailed"),
            first: Verdict(first, "refuted", ("fact-b",), "a day early", by="editor"),
        }

    dataset = build_dataset(records, judge)
    assert calls == []  # loading derives nothing
    assert list(dataset.verdicts) == [first, last]
    assert dataset.claim(first).verdict == Verdict(
        first, "refuted", ("fact-b",), "a day early", "editor"
    )
    others = [claim for claim in dataset.claims if claim.id not in (first, last)]
    assert others and all(claim.verdict is None for claim in others)
    assert dataset.verdict(last) is dataset.claim(last).verdict
    assert calls == [1]


def test_a_dataset_without_a_judge_has_no_verdicts(tmp_path: Path) -> None:
    dataset = build_dataset(run(build_records(tmp_path / "records"), keep=True).records)
    assert dataset.verdicts == {}
    assert all(claim.verdict is None for claim in dataset.claims)


def test_load_gives_the_verdicts_of_the_report(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    dataset = astana_facts.api.load(root)
    assert dataset.verdicts == run(root, consistency=True).claim_verdicts


def test_the_readme_quick_start_for_data_users_runs_as_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("**Quick start for data users.**", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md", "exec"), {})  # the README's own example
    printed = capsys.readouterr().out.splitlines()
    assert printed == ["On December 20th this year in Astana refuted", "kairat-abdrakhmanov"]
