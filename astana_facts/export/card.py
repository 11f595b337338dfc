"""The Hugging Face dataset card of the dataset folder (``README.md``): a YAML header the hub
and ``datasets.load_dataset`` read (licence, language, task categories, tags, one config per
table of the registry with its data file and its features), then the card in Markdown.

Each config reads the table's rows as JSON Lines (``data/<table>.jsonl``): flat rows with JSON
types, so a claim's value, whose shape changes with its kind, is the JSON string
``value_json``, and every config has one schema. The YAML is written as JSON-style flow
scalars (valid YAML), so no YAML library is needed to write it.
"""

from __future__ import annotations

import json
from typing import Any

from astana_facts.export import about
from astana_facts.export.tables import TABLES, Table
from astana_facts.export.views import VIEWS

DTYPES = {
    "string": "string",
    "date": "string",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool",
}
"""Table Schema type -> the ``datasets`` feature dtype (a date stays its ISO string)."""

DEFAULT_CONFIG = "claims"


def data_file(table: Table) -> str:
    """Where a table's rows are, in the dataset folder."""
    return f"data/{table.name}.jsonl"


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def size_category(count: int) -> str:
    """The hub's size category of a dataset of ``count`` claims."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K")]
    bounds += [(1_000_000, "100K<n<1M")]
    return next((label for bound, label in bounds if count < bound), "1M<n<10M")


def _header(version: str, claims: int) -> list[str]:
    lines = [
        "---",
        "license: cc-by-4.0",
        "language:",
        "- en",
        f"pretty_name: {_q(about.TITLE)}",
        f"version: {_q(version)}",
        "task_categories:",
        "- text-classification",
        "task_ids:",
        "- fact-checking",
        "size_categories:",
        f"- {size_category(claims)}",
        "tags:",
        *[f"- {_q(keyword)}" for keyword in about.keywords()],
        "configs:",
    ]
    for table in TABLES:
        lines += [f"- config_name: {table.name}", "  data_files:", "  - split: train"]
        lines.append(f"    path: {_q(data_file(table))}")
        if table.name == DEFAULT_CONFIG:
            lines.append("  default: true")
    lines.append("dataset_info:")
    for table in TABLES:
        lines += [f"- config_name: {table.name}", "  features:"]
        for column in table.columns:
            lines += [f"  - name: {_q(column.name)}", f"    dtype: {DTYPES[column.type]}"]
    return [*lines, "---"]


def _body(version: str) -> list[str]:
    lines = [
        f"# {about.TITLE}",
        "",
        about.DESCRIPTION,
        "",
        f"Version {version}. Licence: the annotations (claims, spans, entities, facts, verdicts, "
        "findings, adjudications) are CC BY 4.0; the source texts (the `text` of `documents`) "
        "remain the copyright of their publishers, included verbatim so that every quote can "
        "be checked, for research and fact-checking.",
        "",
        "## Load it",
        "",
        "```python",
        "from datasets import load_dataset",
        "",
        'claims = load_dataset("path/to/this/folder", "claims", split="train")',
        'verdicts = load_dataset("path/to/this/folder", "verdicts", split="train")',
        "```",
        "",
        "A claim's value changes shape with its kind: it is the JSON string `value_json` (the "
        "common parts also have columns of their own: `date_start`, `quantity_low`, ...).",
        "",
        "## Configs (tables)",
        "",
        "| config | what it holds |",
        "| --- | --- |",
        *[f"| `{table.name}` | {table.description} |" for table in TABLES],
        "",
        "The same tables are in `csv/` (with a Frictionless `datapackage.json`) and in "
        "`astana-facts.sqlite` (keys, full-text search, and the views "
        + ", ".join(f"`{view.name}`" for view in VIEWS)
        + "; serve it with `datasette astana-facts.sqlite --metadata metadata.json`); "
        "`jsonl/` holds the records as in their files, `croissant.json` the Croissant 1.1 "
        "metadata.",
        "",
        "## Cite",
        "",
        "```text",
        about.citation(version),
        "```",
    ]
    return lines


def dataset_card(version: str, claims: int) -> str:
    """The card of a dataset of ``claims`` claims: YAML header and Markdown body."""
    return "\n".join([*_header(version, claims), "", *_body(version)]) + "\n"


def flat_jsonl(table_rows: list[dict[str, Any]]) -> bytes:
    """A table's rows as JSON Lines, columns in table order (the config's data file)."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in table_rows).encode()
