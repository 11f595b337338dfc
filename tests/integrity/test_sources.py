"""Invisible characters in a source text are named at the text, once: a byte-order mark or other
format character at its start (SRC007, which moves every offset) and invisible characters that
no running text needs anywhere else (SRC008)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from astana_facts import validate
from astana_facts.findings.finding import Finding
from astana_facts.integrity.sources import _STRAY_INVISIBLE, _STRAY_INVISIBLE_UTF8, check_invisible
from astana_facts.text.visible import name
from tests.factories import DOC_ID, TEXT, build_records, claims, metadata

FORMAT_CHARACTERS = st.characters(categories=["Cf"])
STRAY = ["\ufeff", "\u200b", "\u2060", "\u202e", "\u2066", "\U000e0041"]
"""Some of the invisible characters no running text needs (SRC008)."""
clean_texts = st.text(
    st.characters(exclude_categories=["Cf", "Cs"]) | st.sampled_from("\u200c\u200d\u200e\u200f"),
    max_size=60,
).filter(lambda text: not text or unicodedata.category(text[0]) != "Cf")
"""Texts without stray invisible characters: joiners and direction marks only inside."""


def _codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def test_a_byte_order_mark_is_named_at_the_start_of_the_text() -> None:
    (finding,) = check_invisible("doc", "\ufeffThe talks began.\n", "sources/doc.txt")
    assert finding.code == "SRC007" and finding.severity == "error"
    assert (finding.file, finding.line, finding.column) == ("sources/doc.txt", 1, 1)
    assert "<U+FEFF ZERO WIDTH NO-BREAK SPACE> (a byte-order mark)" in finding.message
    assert "off by 1" in finding.message and "document doc" in finding.message


@given(prefix=st.text(FORMAT_CHARACTERS, min_size=1, max_size=4), text=clean_texts)
def test_any_invisible_prefix_is_named_character_by_character(prefix: str, text: str) -> None:
    findings = list(check_invisible("doc", prefix + text, "doc.txt"))
    assert _codes(findings)[0] == "SRC007"
    assert "".join(name(character) for character in prefix) in findings[0].message
    assert f"off by {len(prefix)}" in findings[0].message
    assert "SRC008" not in _codes(findings)  # the prefix is reported once, as SRC007


@given(text=clean_texts)
def test_a_text_without_stray_invisible_characters_has_no_finding(text: str) -> None:
    assert list(check_invisible("doc", text, "doc.txt")) == []


@given(text=clean_texts, data=st.data())
def test_a_stray_invisible_character_is_named_with_its_line_and_column(
    text: str, data: st.DataObject
) -> None:
    text = "x" + text  # a visible first character: the stray one is not a prefix
    offset = data.draw(st.integers(1, len(text)))
    character = data.draw(st.sampled_from(STRAY))
    (finding,) = check_invisible("doc", text[:offset] + character + text[offset:], "doc.txt")
    assert finding.code == "SRC008" and finding.severity == "warning"
    before = text[:offset]
    assert finding.line == before.count("\n") + 1
    assert finding.column == len(before) - before.rfind("\n")
    assert f"{name(character)} \u00d71" in finding.message
    assert f"at offset {offset}" in finding.message


def test_repeated_stray_characters_are_counted_once_each() -> None:
    text = "a\u202eb\u202ec\n\u200bd"
    (finding,) = check_invisible("doc", text, "doc.txt")
    assert "3 invisible character(s)" in finding.message
    assert "<U+200B ZERO WIDTH SPACE> \u00d71, <U+202E RIGHT-TO-LEFT OVERRIDE> \u00d72" in (
        finding.message
    )
    assert (finding.line, finding.column) == (1, 2)


def test_a_bom_in_a_records_folder_is_named_beside_the_span_errors(tmp_path: Path) -> None:
    text = "\ufeff" + TEXT
    root = build_records(tmp_path / "records", text=text, claim_list=claims(TEXT))
    findings = validate(root)
    (named,) = [finding for finding in findings if finding.code == "SRC007"]
    assert named.file is not None and named.file.endswith(f"sources/{DOC_ID}.txt")
    assert "SPN001" in _codes(findings)  # the spans were measured without it
    root = build_records(
        tmp_path / "fixed", text=TEXT, claim_list=claims(TEXT), meta=metadata(TEXT)
    )
    assert validate(root) == []


def test_the_bundled_texts_have_no_invisible_character_finding() -> None:
    codes = _codes(validate())
    assert "SRC007" not in codes and "SRC008" not in codes


def test_the_utf8_pattern_matches_exactly_the_characters_of_the_text_pattern() -> None:
    planes = [*range(0xD800), *range(0xE000, 0x10000), *range(0xE0000, 0xE0100)]
    for code_point in planes:
        character = chr(code_point)
        in_text = _STRAY_INVISIBLE.fullmatch(character) is not None
        in_bytes = _STRAY_INVISIBLE_UTF8.fullmatch(character.encode("utf-8")) is not None
        assert in_text == in_bytes, hex(code_point)


@given(
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.lists(st.sampled_from(["\ufeff", "\u200b", "\u202e", "\u2063", "\U000e0041", "a"])),
)
def test_the_findings_are_the_same_whether_the_bytes_or_the_text_are_searched(
    text: str, inserted: list[str]
) -> None:
    text = "".join(inserted) + text + "".join(inserted)
    from_text = list(check_invisible("doc", text, "doc.txt"))
    from_bytes = list(check_invisible("doc", text, "doc.txt", text.encode("utf-8")))
    assert from_bytes == from_text
