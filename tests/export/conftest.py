"""The bundled dataset exported once per session as the ``dataset`` folder (every export and
its cards), for the tests that open it with the tools its users use."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from astana_facts.cli.main import cli


@pytest.fixture(scope="session")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled records exported with ``export --format dataset``."""
    folder = tmp_path_factory.mktemp("export") / "astana-facts-dataset"
    result = CliRunner().invoke(cli, ["export", "--format", "dataset", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    return folder
