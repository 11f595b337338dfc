"""The export formats and where each is written by default (a file or a folder).

Kept apart from the writers so that the command line reads the choices without importing
sqlite3 and csv.
"""

from __future__ import annotations

EXPORT_DEFAULTS: dict[str, str] = {
    "jsonl": "astana-facts.jsonl",
    "csv": "astana-facts-csv",
    "sqlite": "astana-facts.sqlite",
    "claimreview": "astana-facts-claimreview.jsonld",
    "dataset": "astana-facts-dataset",
}
"""Format name -> default output path, in the order ``--help`` lists them (jsonl first)."""

STREAMABLE = ("jsonl", "claimreview")
"""The formats that can go to standard output (``-o -``): one file each."""
