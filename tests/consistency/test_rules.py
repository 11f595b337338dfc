"""Every declared rule: examples that must fire and near misses that must not."""

from __future__ import annotations

from typing import Any

from astana_facts.consistency import check_consistency
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord
from tests.consistency.builders import RULES, claim, dates, entity, exact, findings, records

ROUND = "astana-round-8"


def _codes(found: list[Finding]) -> list[str]:
    return [f.code for f in found]


# DAT001 --------------------------------------------------------------------------------------


def test_dat001_fires_on_a_day_outside_the_span() -> None:
    span = claim("a", "event_date", ROUND, dates("2017-12-20", "2017-12-21"))
    day = claim(
        "b", "event_date", ROUND, dates("2017-12-22", stance="day_within"), document="doc-b"
    )
    (finding,) = findings([span, day], "DAT001")
    assert finding.claims == ("a", "b") and finding.severity == "error"
    assert dict(finding.values) == {
        "a": "full_span 2017-12-20..2017-12-21 (day)",
        "b": "day_within 2017-12-22 (day)",
    }


def test_dat001_fires_on_two_different_full_spans_at_day_precision() -> None:
    first = claim("a", "event_date", ROUND, dates("2017-12-21", "2017-12-22"))
    second = claim("b", "event_date", ROUND, dates("2017-12-20", "2017-12-21"))
    assert _codes(findings([first, second], "DAT001")) == ["DAT001"]


def test_dat001_near_misses_month_against_days_and_day_within_span() -> None:
    month = claim("a", "event_date", ROUND, dates("2017-12-01", "2017-12-31", "month"))
    span = claim("b", "event_date", ROUND, dates("2017-12-21", "2017-12-22"))
    day = claim("c", "event_date", ROUND, dates("2017-12-22", stance="day_within"))
    start = claim("d", "event_date", ROUND, dates("2017-12-21", stance="start"))
    end = claim("e", "event_date", ROUND, dates("2017-12-22", stance="end"))
    assert findings([month, span, day, start, end], "DAT001") == []


def test_dat001_compares_one_event_only_and_reported_claims_only() -> None:
    ours = claim("a", "event_date", ROUND, dates("2017-12-21", "2017-12-22"))
    other_round = claim("b", "event_date", "astana-round-7", dates("2017-10-30", "2017-10-31"))
    planned = claim(
        "c",
        "event_date",
        ROUND,
        dates("2018-02-15", "2018-02-28", "part_of_month"),
        modality="planned",
    )
    assert findings([ours, other_round, planned], "DAT001") == []


def test_dat001_start_after_end_fires() -> None:
    start = claim("a", "event_date", ROUND, dates("2017-12-23", stance="start"))
    end = claim("b", "event_date", ROUND, dates("2017-12-22", stance="end"))
    assert _codes(findings([start, end], "DAT001")) == ["DAT001"]


# DUR001 --------------------------------------------------------------------------------------


def test_dur001_fires_when_a_duration_does_not_fit_the_span() -> None:
    talks = claim("a", "duration", ROUND, {"unit": "day", "amount": exact(2)})
    span = claim("b", "event_date", ROUND, dates("2017-12-20", "2017-12-22"))
    (finding,) = findings([talks, span], "DUR001")
    assert finding.claims == ("a", "b")
    assert "lasts at most 2 day(s)" in finding.message
    assert "first day on or before 2017-12-20" in finding.message


def test_dur001_fires_on_a_compatible_start_and_day_that_together_exceed_it() -> None:
    talks = claim("a", "duration", ROUND, {"unit": "day", "amount": exact(2)})
    start = claim("b", "event_date", ROUND, dates("2017-12-20", stance="start"))
    day = claim("c", "event_date", ROUND, dates("2017-12-22", stance="day_within"))
    (finding,) = findings([talks, start, day], "DUR001")
    assert set(finding.claims) == {"a", "b", "c"}


def test_dur001_near_misses_two_day_talks_and_years_of_an_ongoing_war() -> None:
    talks = claim("a", "duration", ROUND, {"unit": "day", "amount": exact(2)})
    span = claim("b", "event_date", ROUND, dates("2017-12-21", "2017-12-22"))
    war = "syrian-civil-war"
    years = claim("c", "duration", war, {"unit": "year", "amount": exact(6)}, document="doc-a")
    began = claim("d", "event_date", war, dates("2011-03-15", stance="start"))
    assert findings([talks, span, years, began], "DUR001") == []


def test_dur001_measures_an_ongoing_event_at_the_documents_publication() -> None:
    war = "syrian-civil-war"
    years = claim("c", "duration", war, {"unit": "year", "amount": exact(2)}, document="doc-a")
    began = claim("d", "event_date", war, dates("2011-03-15", stance="start"))
    assert _codes(findings([years, began], "DUR001")) == ["DUR001"]


# RND001-RND004 -------------------------------------------------------------------------------


def _ordinal(
    claim_id: str, subject: str, ordinal: int, series: str = "astana-process", **kw: str
) -> ClaimRecord:
    return claim(claim_id, "round_number", subject, {"series": series, "ordinal": ordinal}, **kw)


def test_rnd001_fires_when_two_events_share_an_ordinal_with_clashing_dates() -> None:
    found = findings(
        [
            _ordinal("a", "meeting-x", 8),
            _ordinal("b", "meeting-y", 8, document="doc-b"),
            claim("c", "event_date", "meeting-x", dates("2017-12-21", "2017-12-22")),
            claim("d", "event_date", "meeting-y", dates("2017-10-30", "2017-10-31")),
        ],
        "RND001",
    )
    assert len(found) == 1 and set(found[0].claims) == {"a", "b", "c", "d"}


def test_rnd001_near_miss_same_ordinal_in_two_series() -> None:
    found = findings(
        [
            _ordinal("a", "astana-8", 8),
            _ordinal("b", "geneva-8", 8, series="geneva-process"),
            claim("c", "event_date", "astana-8", dates("2017-12-21", "2017-12-22")),
            claim("d", "event_date", "geneva-8", dates("2017-11-28", "2017-12-14")),
        ],
    )
    assert "RND001" not in _codes(found) and "RND003" not in _codes(found)
    assert _codes(found) == ["RND004"]  # one document, one ordinal, two series: a note
    assert found[0].severity == "info"


def test_rnd002_fires_on_one_event_with_two_ordinals_and_not_across_series() -> None:
    seventh = _ordinal("a", ROUND, 7)
    eighth = _ordinal("b", ROUND, 8, document="doc-b")
    other_series = _ordinal("c", ROUND, 3, series="geneva-process")
    found = findings([seventh, eighth, other_series], "RND002")
    assert len(found) == 1 and found[0].claims == ("a", "b")


def test_rnd003_fires_when_ordinals_run_against_time() -> None:
    found = findings(
        [
            _ordinal("a", "r7", 7),
            _ordinal("b", "r8", 8),
            claim("c", "event_date", "r7", dates("2017-10-30", "2017-10-31")),
            claim("d", "event_date", "r8", dates("2017-05-01", "2017-05-31", "month")),
        ],
        "RND003",
    )
    assert len(found) == 1 and set(found[0].claims) == {"a", "b", "c", "d"}


def test_rnd003_near_miss_rounds_in_order_even_when_coarse() -> None:
    found = findings(
        [
            _ordinal("a", "r4", 4),
            _ordinal("b", "r5", 5),
            claim("c", "event_date", "r4", dates("2017-05-03", "2017-05-04")),
            claim("d", "event_date", "r5", dates("2017-05-01", "2017-08-31", "month")),
        ],
        "RND003",
    )
    assert found == []


# QTY001 --------------------------------------------------------------------------------------


def _count(claim_id: str, amount: dict[str, Any], **kw: str) -> ClaimRecord:
    return claim(
        claim_id,
        "count",
        ROUND,
        {"measure": "foreign_reporters", "amount": amount, "as_of": None},
        **kw,
    )


def test_qty001_fires_on_counts_that_cannot_overlap() -> None:
    found = findings(
        [_count("a", exact(320)), _count("b", {"bound": "approximately", "value": 200})], "QTY001"
    )
    assert len(found) == 1 and found[0].claims == ("a", "b")


def test_qty001_near_misses_compatible_bounds_and_other_measures() -> None:
    claims = [
        _count("a", exact(320)),
        _count("b", {"bound": "at_least", "value": 301}),
        _count("c", {"bound": "approximately", "value": 300}),
        _count("d", {"bound": "range", "low": 200, "high": 999}),
        claim(
            "e",
            "count",
            ROUND,
            {"measure": "kazakh_journalists", "amount": exact(120), "as_of": None},
        ),
    ]
    assert findings(claims, "QTY001") == []


# PAR001, PAR002 ------------------------------------------------------------------------------


def _members(
    claim_id: str, members: list[str], complete: bool, role: str = "guarantor"
) -> ClaimRecord:
    return claim(
        claim_id, "participants", ROUND, {"role": role, "members": members, "complete": complete}
    )


def test_par001_fires_on_complete_lists_that_differ() -> None:
    found = findings(
        [
            _members("a", ["russia", "iran", "turkey"], True),
            _members("b", ["russia", "turkey"], True),
        ],
        "PAR001",
    )
    assert len(found) == 1 and "only in a: iran" in found[0].message


def test_par_near_misses_a_partial_list_inside_and_a_member_part_of_a_listed_group() -> None:
    claims = [
        _members("a", ["russia", "iran", "turkey"], True),
        _members("b", ["russia"], False),
        _members("c", ["syrian-armed-opposition", "syrian-government"], True, "delegation"),
        _members("d", ["free-syrian-army"], False, "delegation"),
        _members("e", ["united-states"], True, "observer"),
    ]
    fsa = entity("free-syrian-army", "Free Syrian Army", part_of=["syrian-armed-opposition"])
    assert findings(claims, entities=[fsa]) == []


def test_par002_fires_on_a_partial_member_outside_the_complete_list() -> None:
    claims = [
        _members("a", ["united-states", "jordan"], True, "observer"),
        _members("b", ["united-nations"], False, "observer"),
    ]
    found = findings(claims, "PAR002")
    assert len(found) == 1 and found[0].severity == "warning" and found[0].claims == ("b", "a")


def _grouped_by_one_path(code: str) -> list[dict[str, Any]]:
    """The bundled rule ``code`` as a rules file may declare it: grouped by its first path
    only (the model asks for at least one)."""
    rule = next(rule for rule in RULES if rule["code"] == code)
    return [{**rule, "group_by": rule["group_by"][:1]}]


def test_rules_grouped_by_one_path_still_give_their_findings() -> None:
    # Found by tests/fuzz: the messages named the second part of the group key and failed
    # with IndexError when a rules file grouped by one path.
    rounds = [_ordinal("a", "astana-8", 8), _ordinal("b", "geneva-8", 8, series="geneva-process")]
    (note,) = check_consistency(records(rounds), _grouped_by_one_path("RND004"))
    assert note.code == "RND004" and "round None" in note.message
    lists = [_members("a", ["russia", "iran"], True), _members("b", ["russia"], True)]
    (clash,) = check_consistency(records(lists), _grouped_by_one_path("PAR001"))
    assert clash.code == "PAR001" and set(clash.claims) == {"a", "b"}
    partial = [_members("a", ["russia"], True), _members("b", ["iran"], False)]
    (outside,) = check_consistency(records(partial), _grouped_by_one_path("PAR002"))
    assert outside.code == "PAR002"


# INS001-INS003 -------------------------------------------------------------------------------


def _instrument(claim_id: str, action: str = "signed", **value: object) -> ClaimRecord:
    base: dict[str, object] = {"action": action, "parties": [], "date": None, "event": None}
    return claim(claim_id, "instrument", "memorandum", {**base, **value})


def _day(text: str) -> dict[str, Any]:
    value = dates(text)
    del value["stance"]
    return value


def test_ins001_ins002_ins003_fire_on_clashing_facts() -> None:
    first = _instrument(
        "a", date=_day("2017-05-04"), event="astana-round-4", parties=["russia", "iran", "turkey"]
    )
    second = _instrument(
        "b",
        "adopted",
        date=_day("2017-05-05"),
        event="astana-round-5",
        parties=["russia", "turkey"],
    )
    assert _codes(findings([first, second])) == ["INS001", "INS002", "INS003"]


def test_ins_near_misses_month_against_day_discussed_and_no_parties() -> None:
    month = dates("2017-05-01", "2017-05-31", "month")
    del month["stance"]
    claims = [
        _instrument(
            "a",
            date=_day("2017-05-04"),
            event="astana-round-4",
            parties=["russia", "iran", "turkey"],
        ),
        _instrument("b", "approved", date=month, event="astana-round-4"),
        _instrument(
            "c", "discussed", date=_day("2017-03-15"), event="astana-round-3", parties=["russia"]
        ),
    ]
    assert findings(claims) == []


# NAM001, NAM002 ------------------------------------------------------------------------------

PEOPLE = [
    entity(
        "kairat-abdrakhmanov",
        "Kairat Abdrakhmanov",
        kind="person",
        aliases=["Abdrakhmanov"],
        misspellings=["Addrakmanov"],
    ),
    entity("syria", "Syria", kind="state"),
    entity("era", "The Era of Independence", kind="work"),
]


def test_nam001_fires_on_an_unregistered_form_close_to_a_name() -> None:
    quote = "Foreign Minister Kairat Abdrakmanov said"
    found = findings(
        [claim("a", "statement", "x", {"content": "c", "direct": True}, quote=quote)],
        "NAM001",
        entities=PEOPLE,
    )
    assert (
        len(found) == 1
        and "Abdrakmanov" in found[0].message
        and "kairat-abdrakhmanov" in found[0].message
    )


def test_nam001_near_misses_derived_words_articles_and_longer_phrases() -> None:
    quote = (
        "The Syrian delegation read The Era of Independence; Envoy for Syria Kairat Abdrakhmanov"
    )
    found = findings(
        [claim("a", "statement", "x", {"content": "c", "direct": True}, quote=quote)],
        "NAM001",
        entities=PEOPLE,
    )
    assert found == []


def test_nam002_lists_a_registered_misspelling_once_per_document() -> None:
    claims = [
        claim(
            "a",
            "office",
            "kairat-abdrakhmanov",
            {"office": "Minister", "organisation": "k"},
            quote="Kairat Addrakmanov",
        ),
        claim("b", "statement", "x", {"content": "c", "direct": False}, quote="Addrakmanov said"),
    ]
    (finding,) = findings(claims, "NAM002", entities=PEOPLE)
    assert finding.severity == "info" and finding.claims == ("a", "b")
    assert "NAM001" not in _codes(findings(claims, entities=PEOPLE))


# PLN001, PLN002 ------------------------------------------------------------------------------


def test_pln001_notes_a_plan_that_a_later_report_shows_missed() -> None:
    plan = claim(
        "a",
        "event_date",
        "astana-round-9",
        dates("2018-02-15", "2018-02-28", "part_of_month"),
        modality="planned",
    )
    held = claim(
        "b", "event_date", "astana-round-9", dates("2018-05-14", "2018-05-15"), document="doc-b"
    )
    found = findings(
        [plan, held],
        published={"doc-a": ("2018-01-01", "2018-01-10"), "doc-b": ("2018-05-20", "2018-05-20")},
    )
    assert _codes(found) == ["PLN001"] and found[0].severity == "info"


def test_pln002_notes_a_plan_kept_and_an_earlier_report_is_no_outcome() -> None:
    plan = claim("a", "location", ROUND, {"place": "astana"}, modality="planned")
    held = claim("b", "location", ROUND, {"place": "astana"}, document="doc-b")
    assert _codes(findings([plan, held])) == ["PLN002"]
    earlier = claim("c", "location", ROUND, {"place": "sochi"}, document="doc-b")
    late_plan = claim(
        "d", "location", ROUND, {"place": "geneva"}, document="doc-a", modality="planned"
    )
    published = {"doc-a": ("2018-01-15", "2018-01-15"), "doc-b": ("2017-06-01", "2017-06-01")}
    assert findings([earlier, late_plan], published=published) == []
