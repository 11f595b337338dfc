"""The dataset folder is a Hugging Face dataset: its README.md is a dataset card whose YAML
header gives the licence, the task categories and one config per table, and
``datasets.load_dataset`` reads every config from the folder, offline, with the types the
registry gives (a claim's value, whose shape changes with its kind, as the JSON string
``value_json``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

from astana_facts.export.card import DTYPES, size_category
from astana_facts.export.tables import TABLES
from tests.export.tools import tool


def _header(dataset: Path) -> dict[str, Any]:
    text = (dataset / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return dict(yaml.safe_load(text.split("---\n")[1]))


def test_the_card_header_names_licence_tasks_and_a_config_per_table(dataset: Path) -> None:
    header = _header(dataset)
    assert header["license"] == "cc-by-4.0"
    assert header["task_categories"] == ["text-classification"]
    assert "fact-checking" in header["task_ids"] and "fact-checking" in header["tags"]
    assert header["size_categories"] == ["n<1K"]  # 196 claims
    assert [config["config_name"] for config in header["configs"]] == [t.name for t in TABLES]
    assert [c["config_name"] for c in header["configs"] if c.get("default")] == ["claims"]
    for config in header["configs"]:
        (data_file,) = config["data_files"]
        assert (dataset / data_file["path"]).is_file() and data_file["split"] == "train"
    body = (dataset / "README.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "CC BY 4.0" in body and "copyright of their publishers" in body


@pytest.fixture(scope="module")
def load(tmp_path_factory: pytest.TempPathFactory) -> Any:
    cache = tmp_path_factory.mktemp("hf")
    with pytest.MonkeyPatch.context() as patch:  # offline, and nothing written to ~/.cache
        patch.setenv("HF_HUB_OFFLINE", "1")
        patch.setenv("HF_DATASETS_OFFLINE", "1")
        patch.setenv("HF_HOME", str(cache))
        datasets = tool("datasets")
        datasets.disable_progress_bars()
        yield lambda folder, name: datasets.load_dataset(
            str(folder), name, split="train", cache_dir=str(cache / "datasets")
        )


def test_load_dataset_reads_every_config_with_its_types(dataset: Path, load: Any) -> None:
    with sqlite3.connect(dataset / "astana-facts.sqlite") as db:
        for table in TABLES:
            loaded = load(dataset, table.name)
            (count,) = db.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()
            assert loaded.num_rows == count, table.name
            assert {name: feature.dtype for name, feature in loaded.features.items()} == {
                column.name: DTYPES[column.type] for column in table.columns
            }, table.name


def test_a_claims_value_is_a_json_string_whatever_its_kind(dataset: Path, load: Any) -> None:
    claims = load(dataset, "claims")
    kinds = {row["kind"] for row in claims}
    assert len(kinds) > 3
    assert all(isinstance(json.loads(row["value_json"]), dict) for row in claims)


def test_the_size_category_follows_the_claims() -> None:
    assert [size_category(n) for n in (0, 999, 1000, 99_999, 100_000, 5_000_000)] == [
        "n<1K", "n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M",
    ]  # fmt: skip
