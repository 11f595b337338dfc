"""Making text visible: invisible characters and look-alike letters are named by code point, and
only where they are the difference (a plain different word is shown as it is)."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

from astana_facts.text.lookalike import fold_character
from astana_facts.text.visible import invisible_prefix, name, show, spell_out

CYRILLIC_FOR = {
    fold_character(chr(code)): chr(code)
    for code in range(0x0400, 0x0530)
    if unicodedata.category(chr(code)).startswith("L")
    and fold_character(chr(code)).isascii()
    and fold_character(chr(code)).isalpha()
}
"""Latin letter -> a Cyrillic letter drawn like it."""
INVISIBLE = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u202e"]

latin_texts = st.text(st.sampled_from("abcdeopxyAEHKMOPTX ,.-'0123456789"), max_size=40)


def test_cyrillic_lookalikes_of_latin_letters_are_known() -> None:
    assert len(CYRILLIC_FOR) >= 20
    assert CYRILLIC_FOR["a"] == "\u0430" and CYRILLIC_FOR["A"] == "\u0410"


def test_name_spells_a_character_as_its_code_point_and_unicode_name() -> None:
    assert name("\u0430") == "<U+0430 CYRILLIC SMALL LETTER A>"
    assert name("\ufeff") == "<U+FEFF ZERO WIDTH NO-BREAK SPACE>"
    assert name("\x00") == "<U+0000>"


def test_show_keeps_visible_text_and_spells_out_the_rest() -> None:
    assert show("May 3rd") == "“May 3rd”"
    assert show("a\u00a0b\tc") == "“a<U+00A0 NO-BREAK SPACE>b<U+0009>c”"
    assert show("x" * 200, limit=10) == "“" + "x" * 9 + "…”"


@given(before=latin_texts, latin=st.sampled_from(sorted(CYRILLIC_FOR)), after=latin_texts)
def test_a_cyrillic_lookalike_is_named_with_the_letter_it_replaces(
    before: str, latin: str, after: str
) -> None:
    text, position = before + latin + after, len(before)
    quote = before + CYRILLIC_FOR[latin] + after
    said = spell_out(quote, text)
    assert said is not None
    assert f"character {position} is {name(CYRILLIC_FOR[latin])} in the quote" in said
    assert f"{name(latin)} in the text" in said
    backwards = spell_out(quote, "xyz " + text, ours="the prefix", backwards=True)
    assert backwards is not None and f"character {position} is" in backwards


@given(text=latin_texts, data=st.data())
def test_an_invisible_character_on_either_side_is_named_where_it_stands(
    text: str, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(text)))
    character = data.draw(st.sampled_from(INVISIBLE))
    with_it = text[:position] + character + text[position:]
    in_text = spell_out(text, with_it + "tail")
    if position < len(text):  # inside the quote; at its very end the quote is whole already
        assert in_text is not None and name(character) in in_text
    elif text:
        assert in_text is None
    in_quote = spell_out(with_it, text)
    assert in_quote is not None
    assert f"character {position} of the quote is {name(character)}" in in_quote


@given(first=st.text("abcdefgh", min_size=1, max_size=12), second=st.text("abcdefgh", max_size=12))
def test_a_plain_different_word_gives_no_code_points(first: str, second: str) -> None:
    assume(first != second[: len(first)])
    assert spell_out(first, second) is None
    assert "U+" not in show(first) + show(second)


def test_equal_strings_have_nothing_to_spell_out() -> None:
    assert spell_out("Astana", "Astana talks") is None


def test_dashes_quotes_and_spaces_that_look_alike_are_named() -> None:
    said = spell_out("2017-2018 “talks”", '2017\u20132018 "talks"')
    assert said is not None
    assert "character 4 is <U+002D HYPHEN-MINUS> in the quote, <U+2013 EN DASH> in the text" in said
    assert "<U+201C LEFT DOUBLE QUOTATION MARK>" in said and "<U+0022 QUOTATION MARK>" in said
    spaced = spell_out("May 3rd", "May\u00a03rd")
    assert spaced == (
        "they differ only by look-alike or invisible characters (counting from 0): character 3 is "
        "<U+0020 SPACE> in the quote, <U+00A0 NO-BREAK SPACE> in the text"
    )


def test_a_long_list_of_differences_is_cut_short() -> None:
    said = spell_out("aaaaaaaa", "\u0430" * 8)
    assert said is not None and said.count("CYRILLIC") == 5 and said.endswith("and 3 more")


def test_the_invisible_prefix_is_the_run_of_format_characters_a_text_starts_with() -> None:
    assert invisible_prefix("\ufeffText") == "\ufeff"
    assert invisible_prefix("\u200b\u200d\u2060Text\u200b") == "\u200b\u200d\u2060"
    assert invisible_prefix("Text\ufeff") == ""
    assert invisible_prefix("") == ""
    assert invisible_prefix("\u00a0Text") == ""  # a no-break space takes room on screen
