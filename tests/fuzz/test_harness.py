"""The fuzzing's own checks can fail: each catches the failure it is there for."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

import click
import pytest

from tests.fuzz.cases import make_case
from tests.fuzz.folders import NotJson, differences, lost, parse, snapshot
from tests.fuzz.runs import Run, failures, invoke
from tests.fuzz.values import Raw, dumps


def test_an_integer_written_as_a_float_is_a_lost_value() -> None:
    before = parse(b'{"end": 1000000000000000000000000000000, "start": 120.0}')
    assert lost(before, parse(b'{"end": 1e+30, "start": 120}')) == [
        "/end: 1000000000000000000000000000000 became Decimal('1E+30')"
    ]
    assert lost(before, parse(b'{"start": 120, "end": 1000000000000000000000000000000}')) == []


def test_fmt_may_fill_span_offsets_but_nothing_else() -> None:
    before = parse(b'{"evidence": [{"exact": "x"}], "note": "n"}')
    filled = parse(b'{"evidence": [{"exact": "x", "start": 1, "end": 2, "prefix": ""}]}')
    assert lost(before, filled) == ["/note: removed"]
    with pytest.raises(NotJson):
        parse(b'{"a": NaN}')


def test_raw_values_are_written_as_they_are_spelled() -> None:
    written = dumps({"a": Raw("1e400"), "b": [Raw("[[]]", "arrays 2 deep")], "c": "\u0000"})
    assert written == b'{\n  "a": 1e400,\n  "b": [\n    [[]]\n  ],\n  "c": "\\u0000"\n}\n'


def test_a_snapshot_sees_a_changed_byte_and_a_new_link(tmp_path: Path) -> None:
    (tmp_path / "f.json").write_bytes(b"{}")
    before = snapshot(tmp_path)
    (tmp_path / "f.json").write_bytes(b"[]")
    (tmp_path / "loop").symlink_to("loop")
    assert differences(before, snapshot(tmp_path)) == [
        f"{tmp_path.name}/f.json: changed",
        f"{tmp_path.name}/loop: appeared",
    ]


@click.command()
@click.argument("how")
def _trouble(how: str) -> None:
    if how == "crash":
        raise KeyError("boom")
    if how == "hang":
        time.sleep(30)
    raise SystemExit(3)


def test_a_traceback_an_odd_exit_and_a_hang_are_failures(tmp_path: Path) -> None:
    crash = failures(invoke(["crash"], command=_trouble), tmp_path)
    assert [f.problem for f in crash] == ["traceback: KeyError: 'boom'"]
    odd = failures(invoke(["exit"], command=_trouble), tmp_path)
    assert [f.problem for f in odd] == ["exit code 3"]
    hang = invoke(["hang"], timeout=0.5, command=_trouble)
    assert hang.hung and failures(hang, tmp_path)[0].problem.startswith("hang")
    said = Run(["x"], 2, "", "astana-facts: internal error: OSError")
    assert [f.problem for f in failures(said, tmp_path)] == ["'internal error' in the output"]


def test_a_case_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    template = tmp_path / "template"
    (template / "records" / "claims").mkdir(parents=True)
    (template / "validators").mkdir()
    for index in range(3):
        (template / "records" / "claims" / f"c{index}.json").write_bytes(
            dumps({"document": f"d{index}", "claims": [{"id": f"x{index}", "n": index}]})
        )

    def made(folder: str) -> tuple[list[str], Any]:
        case = make_case(7, 3, template, tmp_path / folder)
        return [str(step) for step in case.steps], snapshot(case.records)

    assert made("one") == made("two")
    assert random.Random("7:3:mutations").random() == random.Random("7:3:mutations").random()
