"""Every integrity code: a record that must fail with it, at the right file, line, claim, field.

The passing example for every code is the untouched sample folder, which must give no finding.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from astana_facts import validate
from astana_facts.findings.codes import INTEGRITY_CODES
from astana_facts.findings.finding import Finding
from astana_facts.jsonio.positions import build_source_map
from tests.factories import (
    DOC_ID,
    TEXT,
    build_records,
    claims,
    claims_file,
    entities,
    facts_file,
    metadata,
    mutated,
    write,
)

CLAIMS_FILE = f"claims/{DOC_ID}.json"


def _edit_claims(pointer: str, value: Any) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        data = {
            "$schema": "../../schemas/claims.schema.json",
            "document": DOC_ID,
            "claims": claims(),
        }
        write(root / CLAIMS_FILE, mutated(data, pointer, value))

    return edit


def _edit_exemption(pointer: str, value: Any) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        data = claims_file()
        write(root / CLAIMS_FILE, mutated(data, pointer, value))

    return edit


def _edit_entities(change: Callable[[list[dict[str, Any]]], None]) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        entity_list = entities()
        change(entity_list)
        write(
            root / "entities.json",
            {"$schema": "../schemas/entities.schema.json", "entities": entity_list},
        )

    return edit


def _edit_metadata(pointer: str, value: Any) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        write(root / "sources" / f"{DOC_ID}.json", mutated(metadata(), pointer, value))

    return edit


def _verdicts(*entries: dict[str, Any], with_facts: bool = True) -> Callable[[Path], None]:
    """Write ``verdicts.json`` with ``entries`` (and the sample facts, which they may cite)."""

    def edit(root: Path) -> None:
        if with_facts:
            write(root / "facts.json", facts_file())
        write(
            root / "verdicts.json",
            {"$schema": "../schemas/verdicts.schema.json", "verdicts": list(entries)},
        )

    return edit


def _verdict(claim: str, **fields: Any) -> dict[str, Any]:
    return {"claim": claim, "label": "supported", "rationale": "test", **fields}


def _edit_facts(pointer: str, value: Any) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        write(root / "facts.json", mutated(facts_file(), pointer, value))

    return edit


def _raw(path: str, content: bytes) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / path).write_bytes(content)

    return edit


def _duplicate_claim(root: Path) -> None:
    claim_list = claims()
    claim_list[1]["id"] = claim_list[0]["id"]
    write(
        root / CLAIMS_FILE,
        claims_file(claim_list),
    )


def _link_outside(root: Path) -> None:
    outside = root.parent / "outside.json"
    outside.write_text("{}")
    (root / "claims" / "elsewhere.json").symlink_to(outside)


def _text_changed(root: Path) -> None:
    (root / "sources" / f"{DOC_ID}.txt").write_text(TEXT + "More.\n", encoding="utf-8")


def _text_not_nfc(root: Path) -> None:
    text = TEXT + "Cafe\u0301\n"
    (root / "sources" / f"{DOC_ID}.txt").write_bytes(text.encode("utf-8"))
    meta = metadata(text)
    write(root / "sources" / f"{DOC_ID}.json", meta)


def _text_with(prefix: str, suffix: str = "") -> Callable[[Path], None]:
    """The sample text with ``prefix`` before it and ``suffix`` after it, checksum updated."""

    def edit(root: Path) -> None:
        text = prefix + TEXT + suffix
        (root / "sources" / f"{DOC_ID}.txt").write_bytes(text.encode("utf-8"))
        write(root / "sources" / f"{DOC_ID}.json", metadata(text))

    return edit


def _orphan_text(root: Path) -> None:
    (root / "sources" / "orphan.txt").write_text("text\n", encoding="utf-8")


def _missing_text(root: Path) -> None:
    (root / "sources" / f"{DOC_ID}.txt").unlink()


def _huge_file(root: Path) -> None:
    (root / "claims" / "huge.json").write_bytes(b" " * (65 * 1024 * 1024))


def _whole_number_as_float(root: Path) -> None:
    claim_list = claims()
    span = claim_list[1]["evidence"][0]
    span["start"] = float(span["start"])
    write(root / CLAIMS_FILE, claims_file(claim_list))


def _huge_integer(root: Path) -> None:
    path = root / CLAIMS_FILE
    raw = path.read_bytes()
    assert raw.count(b'"ordinal": 4') == 1
    path.write_bytes(raw.replace(b'"ordinal": 4', b'"ordinal": 1234567890123456789012345'))


def _dangling_link(root: Path) -> None:
    (root / "claims" / "gone.json").symlink_to(root / "claims" / "nowhere.json")


def _too_deep(root: Path) -> None:
    (root / "claims" / "deep.json").write_bytes(b'{"claims": ' + b"[" * 300 + b"]" * 300 + b"}")


def _no_claims_file(root: Path) -> None:
    (root / CLAIMS_FILE).unlink()


def _unknown_document(root: Path) -> None:
    data = {"$schema": "../../schemas/claims.schema.json", "document": "nowhere", "claims": []}
    write(root / "claims" / "nowhere.json", data)


def _deprecate(index: int, replaced_by: list[str], *also: int) -> Callable[[Path], None]:
    """Mark claim ``index`` (and the claims ``also``, replaced by nothing) deprecated."""

    def edit(root: Path) -> None:
        data = claims_file()
        for at, replacements in [(index, replaced_by), *((other, []) for other in also)]:
            data["claims"][at]["deprecated"] = {
                "reason": "Split into narrower claims.",
                "replaced_by": replacements,
                "since": "0.2.0",
            }
        write(root / CLAIMS_FILE, data)

    return edit


def _removals(*entries: dict[str, Any]) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        write(
            root / "removals.json",
            {"$schema": "../schemas/removals.schema.json", "removals": list(entries)},
        )

    return edit


def _combined(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        for one in edits:
            one(root)

    return edit


def _removal(claim_id: str, *replacement: str) -> dict[str, Any]:
    return {
        "id": claim_id,
        "version": "0.2.0",
        "reason": "Renamed by the id rule.",
        "replacement": list(replacement),
    }


# (code, edit, file the finding names, JSON Pointer, claim id or None)
def _text_with_a_new_first_line(root: Path) -> None:
    (root / "sources" / f"{DOC_ID}.txt").write_text("A correction.\n" + TEXT, encoding="utf-8")


CASES: list[tuple[str, Callable[[Path], None], str, str | None, str | None]] = [
    (
        "SCH001",
        _raw(CLAIMS_FILE, b'{\n  "document": "x",\n  "claims": [,]\n}\n'),
        CLAIMS_FILE,
        None,
        None,
    ),
    ("SCH002", _raw(CLAIMS_FILE, b'{"document": "\xff"}'), CLAIMS_FILE, None, None),
    ("SCH003", _raw(CLAIMS_FILE, b'{\n  "claims": [NaN]\n}\n'), CLAIMS_FILE, None, None),
    (
        "SCH004",
        _raw("entities.json", b'{\n  "entities": [],\n  "entities": []\n}\n'),
        "entities.json",
        None,
        None,
    ),
    ("SCH005", _huge_file, "claims/huge.json", None, None),
    ("SCH006", _link_outside, "claims/elsewhere.json", None, None),
    (
        "SCH008",
        _edit_claims("/claims/2/value/action", "sold"),
        CLAIMS_FILE,
        "/claims/2/value/action",
        "sample-memorandum",
    ),
    (
        "SCH008",
        _edit_claims("/claims/1/surprise", 1),
        CLAIMS_FILE,
        "/claims/1/surprise",
        "sample-dates",
    ),
    (
        "SCH008",
        _whole_number_as_float,
        CLAIMS_FILE,
        "/claims/1/evidence/0/start",
        "sample-dates",
    ),
    ("SCH009", _raw("notes.md", b"hello\n"), "notes.md", None, None),
    ("SCH010", _huge_integer, CLAIMS_FILE, "/claims/0/value/ordinal", None),
    ("SCH011", _dangling_link, "claims/gone.json", None, None),
    ("SCH013", _too_deep, "claims/deep.json", None, None),
    ("SCH014", _no_claims_file, "records", None, None),
    ("SRC001", _text_changed, f"sources/{DOC_ID}.json", "/sha256", None),
    ("SRC002", _text_not_nfc, f"sources/{DOC_ID}.txt", None, None),
    ("SRC003", _missing_text, f"sources/{DOC_ID}.json", "/text_file", None),
    ("SRC004", _orphan_text, "sources/orphan.txt", None, None),
    ("SRC005", _edit_metadata("/id", "other-doc"), f"sources/{DOC_ID}.json", "/id", None),
    (
        "SRC006",
        _edit_metadata("/published/inferred", True),
        f"sources/{DOC_ID}.json",
        "/published/reasoning",
        None,
    ),
    (
        "SRC009",
        _edit_facts("/facts/0/evidence/0/url", "https://example.org/news/fourth\u2026ends"),
        "facts.json",
        "/facts/0/evidence/0/url",
        None,
    ),
    (
        "SRC009",
        _edit_facts("/facts/3/evidence/0/archived_url", "https://web.archive.org/web/ x"),
        "facts.json",
        "/facts/3/evidence/0/archived_url",
        None,
    ),
    ("SRC009", _edit_metadata("/url", "https://"), f"sources/{DOC_ID}.json", "/url", None),
    (
        "SRC010",
        _edit_facts("/facts/1/evidence/0/retrieved", "2999-01-01"),
        "facts.json",
        "/facts/1/evidence/0/retrieved",
        None,
    ),
    (
        "SRC010",
        _edit_metadata("/retrieved", "2999-12-31"),
        f"sources/{DOC_ID}.json",
        "/retrieved",
        None,
    ),
    ("SRC007", _text_with("\ufeff"), f"sources/{DOC_ID}.txt", None, None),
    ("SRC008", _text_with("", "Hidden\u202eorder.\n"), f"sources/{DOC_ID}.txt", None, None),
    (
        "SPN001",
        _edit_claims("/claims/1/evidence/0/exact", "May 3rd and 5th"),
        CLAIMS_FILE,
        "/claims/1/evidence/0/exact",
        "sample-dates",
    ),
    (
        "SPN002",
        _edit_claims("/claims/1/evidence/0/end", 100_000),
        CLAIMS_FILE,
        "/claims/1/evidence/0/end",
        "sample-dates",
    ),
    (
        "SPN003",
        _edit_claims("/claims/1/evidence/0/end", 3),
        CLAIMS_FILE,
        "/claims/1/evidence/0/end",
        "sample-dates",
    ),
    (
        "SPN004",
        _edit_claims("/claims/1/evidence/0/start", 62),
        CLAIMS_FILE,
        "/claims/1/evidence/0/end",
        "sample-dates",
    ),
    (
        "SPN005",
        _edit_claims("/claims/1/evidence/0/prefix", "wrong context"),
        CLAIMS_FILE,
        "/claims/1/evidence/0/prefix",
        "sample-dates",
    ),
    (
        "SPN006",
        _edit_claims("/claims/1/evidence/0/suffix", "wrong context"),
        CLAIMS_FILE,
        "/claims/1/evidence/0/suffix",
        "sample-dates",
    ),
    ("IDS001", _duplicate_claim, CLAIMS_FILE, "/claims/0/id", "sample-round-number"),
    (
        "IDS002",
        _edit_entities(lambda e: e.append(dict(e[0], name="Other"))),
        "entities.json",
        "/entities/8/id",
        None,
    ),
    (
        "IDS003",
        _edit_entities(lambda e: e[2].update(aliases=["abdrakhmanov"])),
        "entities.json",
        "/entities/7/aliases/0",
        None,
    ),
    (
        "IDS004",
        _edit_facts("/facts/2/id", "fact-round-4-dates"),
        "facts.json",
        "/facts/2/id",
        None,
    ),
    (
        "IDS005",
        _deprecate(1, ["sample-dates-start", "sample-dates-end"]),
        CLAIMS_FILE,
        "/claims/1/deprecated/replaced_by/0",
        "sample-dates",
    ),
    (
        "IDS005",
        _removals(_removal("sample-old-dates", "sample-dates", "sample-gone")),
        "removals.json",
        "/removals/0/replacement/1",
        "sample-old-dates",
    ),
    (
        "IDS006",
        _deprecate(1, ["sample-duration"], 4),
        CLAIMS_FILE,
        "/claims/1/deprecated/replaced_by/0",
        "sample-dates",
    ),
    (
        "IDS006",
        _combined(_deprecate(4, []), _removals(_removal("sample-old", "sample-duration"))),
        "removals.json",
        "/removals/0/replacement/0",
        "sample-old",
    ),
    (
        "IDS007",
        _removals(_removal("sample-old-dates", "sample-dates"), _removal("sample-reporters")),
        "removals.json",
        "/removals/1/id",
        "sample-reporters",
    ),
    ("REF001", _unknown_document, "claims/nowhere.json", "/document", None),
    (
        "REF002",
        _edit_claims("/claims/2/value/parties/1", "persia"),
        CLAIMS_FILE,
        "/claims/2/value/parties/1",
        "sample-memorandum",
    ),
    (
        "REF004",
        _edit_claims("/claims/3/value/measure", "foreign_reportets"),
        CLAIMS_FILE,
        "/claims/3/value/measure",
        "sample-reporters",
    ),
    (
        "SPN001",
        _edit_exemption("/not_check_worthy/0/evidence/0/exact", "Sample walks"),
        CLAIMS_FILE,
        "/not_check_worthy/0/evidence/0/exact",
        None,
    ),
    ("SPN007", _text_with_a_new_first_line, f"sources/{DOC_ID}.json", "/sha256", None),
    (
        "COV001",
        _edit_claims("/claims/0/id", "sample-round-number"),
        f"sources/{DOC_ID}.txt",
        None,
        None,
    ),
    (
        "REF002",
        _edit_facts("/facts/3/value/parties/0", "persia"),
        "facts.json",
        "/facts/3/value/parties/0",
        None,
    ),
    (
        "REF004",
        _edit_facts("/facts/2/value/measure", "foreign_reportets"),
        "facts.json",
        "/facts/2/value/measure",
        None,
    ),
    (
        "VAL001",
        _edit_facts("/facts/0/value/end", "2017-05-01"),
        "facts.json",
        "/facts/0/value/end",
        None,
    ),
    (
        "SCH008",
        _edit_facts("/facts/0/value/stance", "whole"),
        "facts.json",
        "/facts/0/value/stance",
        None,
    ),
    (
        "FCT001",
        _edit_facts("/facts/1/kind", "relation"),
        "facts.json",
        "/facts/1/kind",
        None,
    ),
    (
        "FCT002",
        _edit_facts("/facts/0/evidence/0/retrieved", "2017-05-01"),
        "facts.json",
        "/facts/0/evidence/0/retrieved",
        None,
    ),
    (
        "VAL001",
        _edit_claims("/claims/1/value/end", "2017-05-01"),
        CLAIMS_FILE,
        "/claims/1/value/end",
        "sample-dates",
    ),
    (
        "VRD001",
        _verdicts(_verdict("sample-dates"), _verdict("no-such-claim")),
        "verdicts.json",
        "/verdicts/1/claim",
        None,
    ),
    (
        "VRD002",
        _verdicts(_verdict("sample-dates", facts=["fact-round-4-dates", "fact-no-such"])),
        "verdicts.json",
        "/verdicts/0/facts/1",
        None,
    ),
    (
        "VRD004",
        _verdicts(_verdict("sample-dates"), _verdict("sample-dates", label="refuted")),
        "verdicts.json",
        "/verdicts/1/claim",
        None,
    ),
    (
        "SCH008",
        _verdicts(_verdict("sample-dates", label="true")),
        "verdicts.json",
        "/verdicts/0/label",
        None,
    ),
]


def _findings(root: Path) -> list[Finding]:
    return validate(root, coverage=True)


def test_the_sample_folder_has_no_finding(records: Path) -> None:
    assert _findings(records) == []


@pytest.mark.parametrize(
    ("code", "edit", "file", "pointer", "claim"),
    CASES,
    ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)],
)
def test_a_broken_record_fails_with_its_code_at_its_place(
    tmp_path: Path,
    code: str,
    edit: Callable[[Path], None],
    file: str | None,
    pointer: str | None,
    claim: str | None,
) -> None:
    root = build_records(tmp_path / "records")
    edit(root)
    findings = [f for f in _findings(root) if f.code == code]
    assert findings, f"expected a {code} finding, got {_findings(root)}"
    finding = findings[0]
    if file is not None:
        assert finding.file is not None and finding.file.endswith(file)
    if pointer is not None:
        assert finding.pointer == pointer
        raw = (root / (file or "")).read_bytes()
        expected_line = build_source_map(raw).locate_key(pointer)
        assert expected_line is not None
        assert finding.line == expected_line[0]
    if claim is not None:
        assert finding.claims == (claim,)
        assert claim in finding.message
    if file is not None and code != "SCH005":
        assert (
            finding.line is not None
            or code in {"SCH006", "SCH009", "SRC002", "SRC004", "REF001"}
            or finding.pointer is None
        )


def test_every_code_in_the_table_has_a_failing_case() -> None:
    covered = {case[0] for case in CASES}
    # SCH007: tests/integrity/test_unreadable.py; REF003: below; ADJ001 and ADJ002 are report
    # findings (tests/test_report.py, tests/adjudication/), as are FCT003, VRD003 and VRD005
    # (tests/verdicts/test_codes.py).
    report_only = {"ADJ001", "ADJ002", "FCT003", "VRD003", "VRD005"}
    missing = {row.code for row in INTEGRITY_CODES} - covered - {"SCH007", "REF003", *report_only}
    assert missing == set()


def test_an_adjudication_naming_an_unknown_claim_fails_with_ref003(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    write(
        root / "adjudications.json",
        {
            "$schema": "../schemas/adjudications.schema.json",
            "adjudications": [
                {
                    "fingerprint": "0123456789abcdef",
                    "code": "DAT001",
                    "subject": "astana-round-4",
                    "values": ["a value"],
                    "claims": ["sample-dates", "no-such-claim"],
                    "verdict": "false_positive",
                    "rationale": "test",
                }
            ],
        },
    )
    findings = [f for f in _findings(root) if f.code == "REF003"]
    assert [f.pointer for f in findings] == ["/adjudications/0/claims/1"]


def test_a_claim_failing_its_model_leaves_the_other_claims_checked(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    claim_list = claims()
    claim_list[0]["value"]["ordinal"] = "four"
    claim_list[1]["evidence"][0]["exact"] = "May 3rd and 5th"
    write(
        root / CLAIMS_FILE,
        claims_file(claim_list),
    )
    codes = sorted(f.code for f in _findings(root))
    assert codes == ["SCH008", "SPN001"]


def test_a_mismatch_shows_invisible_differences(tmp_path: Path) -> None:
    text = TEXT.replace("May 3rd and 4th", "May 3rd\u00a0and 4th")
    root = build_records(
        tmp_path / "records", text=text, claim_list=claims(TEXT), meta=metadata(text)
    )
    (finding,) = [f for f in _findings(root) if f.code == "SPN001"]
    assert "<U+00A0 NO-BREAK SPACE>" in finding.message
    assert "May 3rd and 4th" in finding.message


def test_findings_are_reported_in_json_with_the_contract_fields(records: Path) -> None:
    from astana_facts.render.context import RenderContext
    from astana_facts.render.json import render_json

    claim_list = claims()
    claim_list[1]["evidence"][0]["exact"] = "May 3rd and 5th"
    write(
        records / CLAIMS_FILE,
        claims_file(claim_list),
    )
    report = orjson.loads(
        render_json(_findings(records), RenderContext(versions=lambda: ("1", None), records="r"))
    )
    (finding,) = report["findings"]
    assert set(finding) >= {"code", "severity", "message", "file", "line", "claims", "spans"}
    assert finding["spans"] == [
        {
            "document": DOC_ID,
            "start": claim_list[1]["evidence"][0]["start"],
            "end": claim_list[1]["evidence"][0]["end"],
            "exact": "May 3rd and 5th",
        }
    ]
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0}


def test_a_broken_entities_file_is_reported_once_not_as_unknown_entities(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    (root / "entities.json").write_text('{"entities": [}', encoding="utf-8")
    assert [f.code for f in _findings(root)] == ["SCH001"]


def test_a_broken_metadata_file_is_reported_once_not_as_an_unknown_document(
    tmp_path: Path,
) -> None:
    root = build_records(tmp_path / "records")
    write(root / "sources" / f"{DOC_ID}.json", mutated(metadata(), "/language", "English"))
    assert [f.code for f in _findings(root)] == ["SCH008"]


def test_a_duplicate_claim_id_is_reported_at_both_claims(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    _duplicate_claim(root)
    found = [f for f in _findings(root) if f.code == "IDS001"]
    assert sorted(f.pointer or "" for f in found) == ["/claims/0/id", "/claims/1/id"]
    assert all(f.line is not None for f in found)


@pytest.mark.parametrize("edit", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_every_integrity_finding_has_the_severity_of_its_code(
    tmp_path: Path, edit: Callable[[Path], None]
) -> None:
    root = build_records(tmp_path / "records")
    edit(root)
    findings = _findings(root)
    assert findings
    table = {row.code: row.severity for row in INTEGRITY_CODES}
    assert [(f.code, f.severity) for f in findings] == [(f.code, table[f.code]) for f in findings]
