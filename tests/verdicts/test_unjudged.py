"""With nothing to judge against, every claim's verdict is made when asked for, and reads as
a plain mapping would."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.pipeline.result import Result
from astana_facts.reading.records import ClaimRecord, Records
from astana_facts.render.verdicts import verdict_json, verdicts_json
from astana_facts.verdicts import Verdict
from astana_facts.verdicts.unjudged import UnjudgedVerdicts, unjudged_reason, verdict_labels

JUDGED = {"event_date": object()}


def _records(ids: list[str]) -> list[ClaimRecord]:
    kinds = ["event_date", "statement"]
    return [
        ClaimRecord({"id": claim, "kind": kinds[i % 2]}, "doc", "f.json", i)
        for i, claim in enumerate(ids)
    ]


@given(st.lists(st.text("abcdef-", min_size=1, max_size=6), unique=True))
def test_it_reads_as_the_mapping_of_every_claim_to_not_enough_evidence(ids: list[str]) -> None:
    records = _records(ids)
    lazy = UnjudgedVerdicts(sorted(records, key=lambda record: record.claim["id"]), JUDGED)
    eager = {
        record.claim["id"]: Verdict(
            record.claim["id"],
            "not_enough_evidence",
            (),
            unjudged_reason(record.claim["kind"], JUDGED),
        )
        for record in sorted(records, key=lambda record: record.claim["id"])
    }
    assert dict(lazy) == eager and list(lazy) == list(eager) and len(lazy) == len(eager)
    assert list(lazy.values()) == list(eager.values())
    assert "no-such-claim!" not in lazy and lazy.get("no-such-claim!") is None
    assert list(verdict_labels(lazy)) == list(verdict_labels(eager))
    assert [(v.claim, v.reason) for v in eager.values()] == list(lazy.reasons())


@given(st.lists(st.text("abcdef-", min_size=1, max_size=6), unique=True))
def test_its_json_is_that_of_the_verdicts_made_one_by_one(ids: list[str]) -> None:
    lazy = UnjudgedVerdicts(sorted(_records(ids), key=lambda record: record.claim["id"]), JUDGED)
    report = Result(Records(Path(".")), [], claim_verdicts=lazy)
    assert list(verdicts_json(report)) == [verdict_json(v) for v in lazy.values()]


def test_the_reason_says_whether_an_engine_could_have_judged_the_kind() -> None:
    assert unjudged_reason("event_date", JUDGED) == "no fact covers this event_date claim"
    assert "no engine compares statement claims" in unjudged_reason("statement", JUDGED)
