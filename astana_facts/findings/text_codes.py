"""The rows of the rule table for invisible characters in a source text: one it starts with
(SRC007) and ones no running text needs (SRC008); the table is :mod:`astana_facts.findings.codes`,
which places them after SRC006."""

from __future__ import annotations

from astana_facts.findings.code import Code

TEXT_CODES: tuple[Code, ...] = (
    Code(
        "SRC007",
        "invisible-text-prefix",
        "error",
        "The source text starts with an invisible character, such as a byte-order mark.",
        "Every offset counts it, but editors and tools hide or drop it: spans measured without it "
        "are all off by one, and each fails on its own (SPN001).",
        "Remove it (save the text as UTF-8 without a byte-order mark), then run "
        "`astana-facts fmt --reanchor` to move the spans and update sha256.",
    ),
    Code(
        "SRC008",
        "invisible-characters",
        "warning",
        "The source text holds invisible characters that no running text needs.",
        "They count in every offset but not on screen: a quote typed from what a reader sees "
        "misses them; direction overrides reorder what is shown, tag characters hide text.",
        "Remove them (the message lists them, and where the first stands), then run "
        "`astana-facts fmt --reanchor`; keep only what the original has and a quote needs.",
    ),
)
"""SRC007 and SRC008, in table order."""
