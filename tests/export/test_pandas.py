"""The CSV tables open in pandas as a data user opens them: every table of the datapackage, its
columns as described, its primary key unique, and the claims joined with their verdicts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.export.tools import tool


def test_every_csv_table_opens_in_pandas_with_its_columns_and_key(dataset: Path) -> None:
    pd = tool("pandas")
    descriptor = json.loads((dataset / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        frame = pd.read_csv(dataset / "csv" / resource["path"], keep_default_na=False)
        columns = [field["name"] for field in resource["schema"]["fields"]]
        assert list(frame.columns) == columns, resource["name"]
        key = resource["schema"]["primaryKey"]
        assert not frame.duplicated(subset=key).any(), resource["name"]


def test_the_claims_join_their_verdicts_in_pandas(dataset: Path) -> None:
    pd = tool("pandas")
    claims = pd.read_csv(dataset / "csv" / "claims.csv", keep_default_na=False)
    verdicts = pd.read_csv(dataset / "csv" / "verdicts.csv", keep_default_na=False)
    joined = claims.merge(verdicts, left_on="id", right_on="claim_id", how="inner")
    assert len(joined) == len(verdicts) > 0
    assert set(joined["label"]) <= {
        "supported", "refuted", "conflicting", "not_enough_evidence", "kept", "not_kept"
    }  # fmt: skip
