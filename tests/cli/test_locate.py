"""``astana-facts locate``: the nearest passage of a quote that does not occur."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from astana_facts.cli.main import cli
from tests.factories import DOC_ID, TEXT


def _locate(records: Path, quote: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["locate", DOC_ID, quote, "--records", str(records)])
    return result.exit_code, result.stderr


def test_a_quote_with_straight_quotes_and_double_spaces_gets_the_real_passage(
    records: Path,
) -> None:
    code, error = _locate(records, 'said  "the talks are the only way"')
    at = TEXT.index("said \u201cthe")
    assert code == 1
    end = at + len("said \u201cthe talks are the only way\u201d")
    assert f"did you mean “said “the talks are the only way”” at {at}-{end}" in error
    assert "whitespace, quote marks, dashes or look-alike letters" in error


def test_a_misremembered_quote_gets_the_most_similar_passage(records: Path) -> None:
    code, error = _locate(records, "320 foreign reportrs")
    at = TEXT.index("320 foreign reporters")
    assert code == 1 and f"“320 foreign reporters” at {at}-{at + 21} (similarity" in error


def test_nothing_is_suggested_when_nothing_is_near(records: Path) -> None:
    code, error = _locate(records, "zebra quagga okapi")
    assert code == 1 and "did you mean" not in error
