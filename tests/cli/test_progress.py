"""The progress bar: on standard error, only on a terminal, only without -q, only after a delay;
never on standard output and never when standard error is not a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from astana_facts.cli import progress as progress_module
from astana_facts.cli.main import cli
from astana_facts.cli.progress import delayed_bar, progress_for, progress_wanted
from astana_facts.pipeline.progress import no_progress


class Terminal(io.StringIO):
    """A standard error that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """A clock that moves ``step`` seconds at each reading."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_progress_is_wanted_only_on_a_terminal_and_without_quiet() -> None:
    assert progress_wanted(stream_is_terminal=True, quiet=False)
    assert not progress_wanted(stream_is_terminal=True, quiet=True)
    assert not progress_wanted(stream_is_terminal=False, quiet=False)
    assert not progress_wanted(stream_is_terminal=False, quiet=True)


def test_a_command_gets_a_bar_only_when_standard_error_is_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert progress_for(quiet=False) is delayed_bar
    assert progress_for(quiet=True) is no_progress
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_for(quiet=False) is no_progress


def test_after_the_delay_a_bar_counts_the_items_on_standard_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    items = list(range(10))
    seen = list(delayed_bar(items, total=10, label="checking files", delay=2.0, clock=Clock(1)))
    assert seen == items
    drawn = terminal.getvalue()
    assert "checking files" in drawn and "100%" in drawn


def test_work_shorter_than_the_delay_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    items = ["a", "b", "c"]
    assert list(delayed_bar(items, total=3, label="x", delay=2.0, clock=Clock(0.1))) == items
    assert terminal.getvalue() == ""


def test_without_a_terminal_commands_write_no_bar_even_with_no_delay(
    records: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    runner = CliRunner()
    for args in (
        ["validate", "--coverage"],
        ["report"],
        ["stats"],
        ["fmt", "--check"],
        ["export", "--format", "jsonl", "-o", "-"],
    ):
        result = runner.invoke(cli, [*args, "--records", str(records)])
        assert result.exit_code in (0, 1), result.output
        for label in ("checking files", "consistency rules", "sentences", "formatting"):
            assert label not in result.stderr, args
