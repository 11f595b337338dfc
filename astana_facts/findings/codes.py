"""The rule table of integrity checks: every code, its name, severity and one-line explanation.

``docs/rules.md`` shows this table; a test fails when the two differ. Codes never change meaning;
a retired code is not reused.
"""

from __future__ import annotations

from astana_facts.findings.adjudication_codes import ADJUDICATION_CODES
from astana_facts.findings.code import Code
from astana_facts.findings.fact_codes import FACT_CODES, FACT_ID_CODES, PROVENANCE_CODES
from astana_facts.findings.lifecycle_codes import LIFECYCLE_CODES
from astana_facts.findings.reading_codes import READING_CODES
from astana_facts.findings.text_codes import TEXT_CODES
from astana_facts.findings.verdict_codes import VERDICT_CODES

__all__ = ["CODES_BY_ID", "INTEGRITY_CODES", "Code"]

INTEGRITY_CODES: tuple[Code, ...] = (
    Code(
        "SCH001",
        "invalid-json",
        "error",
        "The file is not valid JSON.",
        "Nothing in a file that does not parse can be checked, and every later check would "
        "stumble on it.",
        "Fix the syntax at the line and column given (a missing comma or quote, a trailing "
        "comma); `astana-facts fmt` rewrites a parsed file in the canonical layout.",
    ),
    Code(
        "SCH002",
        "bad-encoding",
        "error",
        "The file is not UTF-8, or starts with a byte-order mark.",
        "Offsets count code points of UTF-8 text; another encoding or a byte-order mark moves"
        " every span.",
        "Save the file as UTF-8 without a byte-order mark.",
    ),
    Code(
        "SCH003",
        "non-finite-number",
        "error",
        "NaN or Infinity where JSON allows only numbers.",
        "NaN and Infinity are not JSON: other tools reject the file, and no quantity is infinite.",
        "Write a finite number, or use a bound (`at_least`, `at_most`) for an open quantity.",
    ),
    Code(
        "SCH004",
        "duplicate-key",
        "error",
        "An object has the same key twice.",
        "JSON parsers keep one of the two values silently, so a reader and the checks could "
        "see different records.",
        "Remove or rename one of the two keys.",
    ),
    Code(
        "SCH005",
        "file-too-large",
        "error",
        "The file is larger than the size limit.",
        "A file that large is not a records file, and reading it would exhaust memory.",
        "Split the records into several files, or remove the stray file.",
    ),
    Code(
        "SCH006",
        "path-escape",
        "error",
        "A path or link leads outside the records folder.",
        "A link or path leaving the folder would make the dataset depend on files it does not"
        " ship, or read files it should not.",
        "Replace the link by the file itself, or give a path inside the records folder.",
    ),
    Code(
        "SCH007",
        "unreadable-file",
        "error",
        "The file or folder cannot be read.",
        "A file that cannot be read is not checked, so its errors would go unreported.",
        "Fix the file's permissions, or remove it.",
    ),
    Code(
        "SCH008",
        "schema-violation",
        "error",
        "A record does not match its schema (wrong field, type or value).",
        "The schemas are the published contract: a record outside them breaks readers and "
        "every later check.",
        "Correct the field the pointer names: the message says what the schema expects there."
        " The schemas in schemas/ give editors completion and checking as you type.",
    ),
    Code(
        "SCH009",
        "unexpected-file",
        "warning",
        "A file in the records folder that no record kind accounts for.",
        "A misnamed or misplaced file is silently ignored, so its records would be missing "
        "from the dataset.",
        "Move or rename the file to the records layout (sources/, claims/, entities.json, "
        "adjudications.json), or delete it.",
    ),
    *READING_CODES,
    Code(
        "SRC001",
        "checksum-mismatch",
        "error",
        "The source text's SHA-256 differs from the one in its metadata.",
        "The checksum pins every span to one exact text; a changed text can silently move "
        "every quote.",
        "If the text change is intended, run `astana-facts fmt --reanchor`: it moves the "
        "spans to where their quotes now stand and updates sha256; otherwise restore the text.",
    ),
    Code(
        "SRC002",
        "text-not-normalised",
        "error",
        "The source text is not NFC with LF line endings.",
        "Offsets count code points of NFC text with LF line endings; another form moves them.",
        "Normalise the text to NFC with LF line endings (`astana-facts add-source` does it).",
    ),
    Code(
        "SRC003",
        "text-missing",
        "error",
        "A source's metadata names a text file that does not exist.",
        "Claims about a document whose text is missing cannot be checked against it.",
        "Every sources/<id>.txt needs a sources/<id>.json naming it, and back: add the text "
        "file named by text_file, or correct text_file.",
    ),
    Code(
        "SRC004",
        "metadata-missing",
        "error",
        "A text file in sources/ has no metadata record.",
        "A text without metadata has no title, date or checksum, and no claims file can refer"
        " to it.",
        "Every sources/<id>.txt needs a sources/<id>.json naming it: add it with "
        "`astana-facts add-source`, or remove the text.",
    ),
    Code(
        "SRC005",
        "id-file-mismatch",
        "error",
        "A record's id differs from the name of its file.",
        "Ids are how records refer to each other; a file named otherwise is found under the "
        "wrong id.",
        "A record's id is the name of its file (claims/<document>.json, sources/<id>.json): "
        "rename the file or correct the id.",
    ),
    Code(
        "SRC006",
        "inference-unexplained",
        "warning",
        "An inferred publication date gives no reasoning.",
        "A date the text does not state is a judgement a reader must be able to check.",
        "Say in published.reasoning how the date was inferred.",
    ),
    *TEXT_CODES,
    *PROVENANCE_CODES,
    Code(
        "SPN001",
        "quote-mismatch",
        "error",
        "The quoted text differs from the source text at the span's offsets.",
        "The quote is the evidence; when it does not stand at its offsets, the claim is not "
        "grounded in the text.",
        "Copy the quote exactly from the text (the message spells out invisible differences: "
        "no-break spaces, curly quotes), or remove start and end and run `astana-facts fmt` "
        "to relocate it.",
    ),
    Code(
        "SPN002",
        "offsets-out-of-bounds",
        "error",
        "A span's offsets lie outside the source text.",
        "A span outside the text points at nothing.",
        "Offsets are code points into the NFC text, half-open (text[start:end]); "
        "`astana-facts locate DOC QUOTE` prints the right ones.",
    ),
    Code(
        "SPN003",
        "offsets-reversed",
        "error",
        "A span ends before it starts.",
        "A reversed span has no text.",
        "Offsets are code points into the NFC text, half-open (text[start:end]); "
        "`astana-facts locate DOC QUOTE` prints the right ones.",
    ),
    Code(
        "SPN004",
        "span-empty",
        "error",
        "A span starts and ends at the same offset.",
        "An empty span quotes nothing, so it is no evidence.",
        "Quote the words that state the claim.",
    ),
    Code(
        "SPN005",
        "prefix-mismatch",
        "error",
        "The span's prefix differs from the text just before it.",
        "The prefix re-anchors the quote when the text is corrected; a wrong one anchors it "
        "elsewhere.",
        "Correct the prefix, or remove it and let `astana-facts fmt` fill it.",
    ),
    Code(
        "SPN006",
        "suffix-mismatch",
        "error",
        "The span's suffix differs from the text just after it.",
        "The suffix re-anchors the quote when the text is corrected; a wrong one anchors it "
        "elsewhere.",
        "Correct the suffix, or remove it and let `astana-facts fmt` fill it.",
    ),
    Code(
        "SPN007",
        "text-changed-spans-moved",
        "error",
        "The spans of a document whose text changed no longer match it (one finding for all).",
        "A corrected text moves every quote after the change: one finding says so, not N.",
        "Run `astana-facts fmt --reanchor`; then correct the quotes it lists as orphans.",
    ),
    Code(
        "IDS001",
        "duplicate-claim-id",
        "error",
        "Two claims share an id.",
        "Findings and adjudications cite claims by id; a shared id makes them ambiguous.",
        "Give one of the claims a new id (the document's prefix and a slug).",
    ),
    Code(
        "IDS002",
        "duplicate-entity-id",
        "error",
        "Two entities share an id.",
        "Claims refer to entities by id; a shared id makes every reference ambiguous.",
        "Merge the two entities, or give one of them a new id.",
    ),
    Code(
        "IDS003",
        "shared-alias",
        "error",
        "Two entities claim the same name, alias or misspelling.",
        "A name must lead to one entity, or the name checks cannot tell who a quote names.",
        "Keep the name on the one entity it belongs to.",
    ),
    *FACT_ID_CODES,
    *LIFECYCLE_CODES,
    Code(
        "REF001",
        "unknown-document",
        "error",
        "A claims file names a document that has no source record.",
        "Claims must be grounded in a source text; without its record there is none to check "
        "them against.",
        "Add the source with `astana-facts add-source`, or correct the claims file's document.",
    ),
    Code(
        "REF002",
        "unknown-entity",
        "error",
        "A record refers to an entity id that is not in entities.json.",
        "A claim about an unknown entity cannot be grouped or compared with the claims about it.",
        "Add the entity to entities.json, or correct the id (a registered alias shows the "
        "right one).",
    ),
    Code(
        "REF003",
        "unknown-claim",
        "error",
        "An adjudication refers to a claim id that does not exist.",
        "A verdict about claims that do not exist settles nothing.",
        "Correct the claim id, or remove the adjudication when the claim was removed.",
    ),
    Code(
        "REF004",
        "unknown-measure",
        "error",
        "A count claim or fact names a measure that is not in measures.json.",
        "Counts are compared only with counts of the same measure: a measure spelt another way "
        "(`foreign_journalists` for `foreign_reporters`) would silently be compared with nothing.",
        "Use the registered measure the message suggests, or register the measure (or add the "
        "name as an alias of one) in measures.json with a description.",
    ),
    Code(
        "VAL001",
        "interval-reversed",
        "error",
        "A date interval or a number range ends before it starts.",
        "A reversed interval contains nothing, so every comparison with it would be wrong.",
        "Write the earlier date (or the smaller number) first.",
    ),
    *ADJUDICATION_CODES,
    *FACT_CODES,
    *VERDICT_CODES,
    Code(
        "COV001",
        "uncovered-sentence",
        "warning",
        "A sentence has no claim span and is not listed as not check-worthy (validate --coverage).",
        "The dataset promises that every sentence is either annotated or set aside with a "
        "reason; a sentence with neither was overlooked.",
        "Annotate the sentence (a claim whose span lies in it), or add an entry to "
        "not_check_worthy with its reason, a note and the sentence as evidence (see "
        "docs/annotation.md).",
    ),
)
"""Every integrity code, in table order."""

CODES_BY_ID: dict[str, Code] = {code.code: code for code in INTEGRITY_CODES}
