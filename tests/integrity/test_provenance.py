"""Provenance: a URL is a well-formed absolute http(s) URL, written as it is meant (SRC009); a
date of provenance is not in the future (SRC010); and the stored text is never changed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from astana_facts import validate
from astana_facts.integrity.provenance import date_problem, today_anywhere, url_problem
from astana_facts.tools.fmt import format_records
from tests.factories import DOC_ID, build_records, metadata

GOOD = [
    "https://tass.com/world/935803",
    "https://sana.sy/en/?p=174678",
    "http://1.2.3.4:8080/x",
    "https://kisi.kz/en/posts/kaziss-expert-on-astana-talks-%E2%80%9Cthere-will-be",
    "https://haberler.com/disisleri-idlip-te-ateskesin-kalici-kilinmasinin-11486601-haberi/",
    "https://web.archive.org/web/20170505000000/https://example.org/a?b=c&d=e#f",
    "https://xn--80ak6aa92e.com/",
]
BAD = [
    ("https://mfa.gov.tr/no_-247_\u2026en.mfa", "shortened URL"),
    ("https://example.org/a b", "space"),
    ("https://example.org/a\\b", "'\\\\'"),
    ("https://", "empty host"),
    ("https:example.org", "does not start with"),
    ("ftp://example.org/", "does not start with"),
    ("https://example.org:99999/", "port"),
    ("https://example.org/%zz", "two hex digits"),
    ("https://localhost/", "not a domain name"),
    ("https://-example.org/", "not a domain name"),
    ("https://example..org/", "not a domain name"),
    ("https://пример.рф/", "punycode"),
]


@pytest.mark.parametrize("url", GOOD)
def test_a_well_formed_url_passes(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(("url", "reason"), BAD)
def test_a_malformed_url_says_why(url: str, reason: str) -> None:
    problem = url_problem(url)
    assert problem is not None and reason in problem


_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_SEGMENT = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@",
    max_size=12,
)
_ESCAPE = st.from_regex(r"%[0-9A-Fa-f]{2}", fullmatch=True)


@st.composite
def urls(draw: st.DrawFn) -> str:
    """An absolute http(s) URL built from the parts RFC 3986 allows, as an editor writes it
    (mixed case, escapes, query and fragment)."""
    scheme = draw(st.sampled_from(["http", "https"]))
    host = (
        ".".join(draw(st.lists(_LABEL, min_size=1, max_size=3)))
        + "."
        + draw(st.sampled_from(["org", "kz", "com", "TR"]))
    )
    port = draw(st.sampled_from(["", ":80", ":8443"]))
    path = "".join(
        "/" + draw(_SEGMENT) + draw(st.sampled_from(["", draw(_ESCAPE)]))
        for _ in range(draw(st.integers(0, 3)))
    )
    query = draw(st.sampled_from(["", "?p=174678", "?a=1&b=%20"]))
    return f"{scheme}://{host}{port}{path}{query}" + draw(st.sampled_from(["", "#top"]))


@given(url=urls())
def test_any_url_made_of_its_allowed_parts_passes(url: str) -> None:
    assert url_problem(url) is None, url


@given(url=urls(), position=st.integers(min_value=8), bad=st.sampled_from(' \u2026\\"<>^`{|}\n'))
def test_any_url_with_a_character_it_cannot_hold_fails(url: str, position: int, bad: str) -> None:
    position = min(position, len(url))
    assert url_problem(url[:position] + bad + url[position:]) is not None


@given(url=urls())
def test_a_valid_url_is_stored_byte_for_byte_through_validate_and_fmt(
    tmp_path_factory: pytest.TempPathFactory, url: str
) -> None:
    root = build_records(
        tmp_path_factory.mktemp("records"),
        meta={**metadata(), "url": url, "archived_url": url, "retrieved": "2026-01-15"},
    )
    path = root / "sources" / f"{DOC_ID}.json"
    before = path.read_bytes()
    assert validate(root) == []
    assert format_records(root).changed == []
    assert path.read_bytes() == before
    assert json.loads(before)["url"] == url


def test_today_is_the_latest_date_anywhere_on_earth() -> None:
    late = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
    assert today_anywhere(late) == dt.date(2026, 11, 29)  # already the 29th at UTC+14
    early = dt.datetime(2026, 11, 28, 9, 59, tzinfo=dt.UTC)
    assert today_anywhere(early) == dt.date(2026, 11, 28)


def test_a_date_after_today_is_in_the_future_and_today_is_not() -> None:
    today = dt.date(2026, 11, 28)
    assert date_problem(today, today) is None
    assert date_problem(dt.date(2017, 1, 1), today) is None
    problem = date_problem(dt.date(2026, 11, 29), today)
    assert problem is not None and "2026-11-29 is in the future" in problem


def test_a_source_s_malformed_url_and_future_retrieval_name_the_document_and_field(
    tmp_path: Path,
) -> None:
    root = build_records(
        tmp_path / "records",
        meta={**metadata(), "archived_url": "https://example.org/a b", "retrieved": "2999-01-01"},
    )
    found = {f.code: f for f in validate(root)}
    assert set(found) == {"SRC009", "SRC010"}
    assert found["SRC009"].pointer == "/archived_url" and found["SRC009"].line is not None
    assert found["SRC009"].message.startswith(f"document {DOC_ID}, field archived_url: ")
    assert found["SRC010"].pointer == "/retrieved"
    assert "2999-01-01 is in the future" in found["SRC010"].message


def test_a_source_retrieved_today_passes(tmp_path: Path) -> None:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    root = build_records(tmp_path / "records", meta={**metadata(), "retrieved": today})
    assert validate(root) == []
