"""The rule table of integrity checks: every code, its name, severity and one-line explanation.

``docs/rules.md`` shows this table; a test fails when the two differ. Codes never change meaning;
a retired code is not reused.
"""

from __future__ import annotations

from dataclasses import dataclass

from astana_facts.findings.severity import Severity


@dataclass(frozen=True, slots=True)
class Code:
    """One row of the rule table."""

    code: str
    name: str
    severity: Severity
    summary: str


INTEGRITY_CODES: tuple[Code, ...] = (
    Code("SCH001", "invalid-json", "error", "The file is not valid JSON."),
    Code(
        "SCH002",
        "bad-encoding",
        "error",
        "The file is not UTF-8, or starts with a byte-order mark.",
    ),
    Code("SCH003", "non-finite-number", "error", "NaN or Infinity where JSON allows only numbers."),
    Code("SCH004", "duplicate-key", "error", "An object has the same key twice."),
    Code("SCH005", "file-too-large", "error", "The file is larger than the size limit."),
    Code("SCH006", "path-escape", "error", "A path or link leads outside the records folder."),
    Code("SCH007", "unreadable-file", "error", "The file or folder cannot be read."),
    Code(
        "SCH008",
        "schema-violation",
        "error",
        "A record does not match its schema (wrong field, type or value).",
    ),
    Code(
        "SCH009",
        "unexpected-file",
        "warning",
        "A file in the records folder that no record kind accounts for.",
    ),
    Code(
        "SRC001",
        "checksum-mismatch",
        "error",
        "The source text's SHA-256 differs from the one in its metadata.",
    ),
    Code(
        "SRC002", "text-not-normalised", "error", "The source text is not NFC with LF line endings."
    ),
    Code(
        "SRC003",
        "text-missing",
        "error",
        "A source's metadata names a text file that does not exist.",
    ),
    Code("SRC004", "metadata-missing", "error", "A text file in sources/ has no metadata record."),
    Code("SRC005", "id-file-mismatch", "error", "A record's id differs from the name of its file."),
    Code(
        "SRC006",
        "inference-unexplained",
        "warning",
        "An inferred publication date gives no reasoning.",
    ),
    Code(
        "SPN001",
        "quote-mismatch",
        "error",
        "The quoted text differs from the source text at the span's offsets.",
    ),
    Code(
        "SPN002", "offsets-out-of-bounds", "error", "A span's offsets lie outside the source text."
    ),
    Code("SPN003", "offsets-reversed", "error", "A span ends before it starts."),
    Code("SPN004", "span-empty", "error", "A span starts and ends at the same offset."),
    Code(
        "SPN005",
        "prefix-mismatch",
        "error",
        "The span's prefix differs from the text just before it.",
    ),
    Code(
        "SPN006",
        "suffix-mismatch",
        "error",
        "The span's suffix differs from the text just after it.",
    ),
    Code("IDS001", "duplicate-claim-id", "error", "Two claims share an id."),
    Code("IDS002", "duplicate-entity-id", "error", "Two entities share an id."),
    Code(
        "IDS003", "shared-alias", "error", "Two entities claim the same name, alias or misspelling."
    ),
    Code(
        "REF001",
        "unknown-document",
        "error",
        "A claims file names a document that has no source record.",
    ),
    Code(
        "REF002",
        "unknown-entity",
        "error",
        "A record refers to an entity id that is not in entities.json.",
    ),
    Code(
        "REF003",
        "unknown-claim",
        "error",
        "An adjudication refers to a claim id that does not exist.",
    ),
    Code(
        "VAL001",
        "interval-reversed",
        "error",
        "A date interval or a number range ends before it starts.",
    ),
    Code(
        "ADJ001",
        "stale-adjudication",
        "warning",
        "An adjudication matches no finding of the report (report only): the finding is gone.",
    ),
    Code(
        "COV001",
        "uncovered-sentence",
        "warning",
        "A sentence has no claim span and is not listed as not check-worthy (validate --coverage).",
    ),
)
"""Every integrity code, in table order."""

CODES_BY_ID: dict[str, Code] = {code.code: code for code in INTEGRITY_CODES}


def code(code_id: str) -> Code:
    """The table row of ``code_id`` (KeyError for an unknown code)."""
    return CODES_BY_ID[code_id]
