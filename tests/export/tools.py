"""The libraries the dataset's users open it with (datasette, mlcroissant, datasets): in the
``test`` extra, and required where ``.ci/run`` says so (``ASTANA_FACTS_DATASET_TOOLS=required``:
a missing one fails the test there instead of skipping it)."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest

REQUIRED = os.environ.get("ASTANA_FACTS_DATASET_TOOLS") == "required"


def tool(module: str) -> ModuleType:
    """``module`` imported; skipped (or, where required, failed) when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        why = f"{module} is not installed ({error}); pip install -e '.[test]'"
        if REQUIRED:
            pytest.fail(f"ASTANA_FACTS_DATASET_TOOLS=required but {why}")
        pytest.skip(why)
