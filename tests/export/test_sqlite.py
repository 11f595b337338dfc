"""The SQLite export carries the result: findings, rules and adjudications keyed to the claims
and documents they involve, views that answer the common questions, and full-text search over
the documents and the quotes in the sqlite-utils/datasette convention."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import astana_facts
from astana_facts.export.tables import TABLES
from astana_facts.export.views import VIEWS


@pytest.fixture(scope="module")
def db(dataset: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(dataset / "astana-facts.sqlite")
    yield connection
    connection.close()


def test_every_table_and_view_is_there_and_every_key_holds(db: sqlite3.Connection) -> None:
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {table.name for table in TABLES} <= names
    views = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='view'")}
    assert views == {view.name for view in VIEWS}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_findings_are_the_reports_with_their_rules_claims_and_quotes(
    db: sqlite3.Connection,
) -> None:
    report = astana_facts.report()
    rows = db.execute("SELECT code, fingerprint, status FROM findings ORDER BY position").fetchall()
    assert [(row[0], row[1]) for row in rows] == [
        (finding.code, finding.fingerprint) for finding in report.findings
    ]
    assert rows
    assert {status for _, _, status in rows} <= {"open", "adjudicated", "resolved"}
    unknown = db.execute("SELECT code FROM findings WHERE code NOT IN (SELECT code FROM rules)")
    assert unknown.fetchall() == []
    for document, start, end, exact in db.execute(
        'SELECT document, start, "end", exact FROM finding_spans'
    ).fetchall():
        (text,) = db.execute("SELECT text FROM documents WHERE id = ?", (document,)).fetchone()
        assert text[start:end] == exact
    involved = db.execute(
        "SELECT count(*) FROM finding_claims JOIN claims ON claims.id = finding_claims.claim_id"
    ).fetchone()[0]
    assert involved == sum(len(finding.claims) for finding in report.findings)


def test_an_adjudication_names_its_finding_and_which_claims_hold(db: sqlite3.Connection) -> None:
    adjudication = astana_facts.load().adjudications[0]
    finding, verdict = db.execute(
        "SELECT finding_id, verdict FROM adjudications WHERE fingerprint = ?",
        (adjudication.fingerprint,),
    ).fetchone()
    assert verdict == adjudication.verdict
    status = db.execute("SELECT status FROM findings WHERE id = ?", (finding,)).fetchone()
    assert status == ("adjudicated",)
    correct = db.execute(
        "SELECT claim_id FROM adjudication_claims WHERE fingerprint = ? AND correct ORDER BY 1",
        (adjudication.fingerprint,),
    ).fetchall()
    assert [row[0] for row in correct] == sorted(adjudication.correct_claims)


def test_the_event_date_view_gives_every_date_claim_with_quote_and_verdict(
    db: sqlite3.Connection,
) -> None:
    dataset = astana_facts.load()
    events = {e.id for e in dataset.entities.values() if e.kind == "event"}
    expected = {
        claim.id: (
            " … ".join(span.exact for span in claim.evidence),
            claim.verdict.label if claim.verdict else None,
        )
        for claim in dataset.claims
        if claim.kind in ("event_date", "relative_date") and claim.subject in events
    }
    rows = db.execute("SELECT claim_id, quote, verdict FROM event_date_claims").fetchall()
    assert {claim: (quote, verdict) for claim, quote, verdict in rows} == expected
    assert expected


def test_the_refuted_view_is_every_refuted_claim(db: sqlite3.Connection) -> None:
    claims = astana_facts.load().claims
    refuted = sorted(c.id for c in claims if c.verdict and c.verdict.label == "refuted")
    rows = db.execute("SELECT claim_id, facts FROM refuted_claims").fetchall()
    assert [row[0] for row in rows] == refuted and refuted
    assert all(row[1] for row in rows)  # the facts that refute each


def test_full_text_search_finds_documents_and_quotes(db: sqlite3.Connection) -> None:
    hits = db.execute(
        "SELECT d.id, d.text FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        "WHERE documents_fts MATCH 'plenary'"
    ).fetchall()
    assert hits and all("plenary" in text.lower() for _, text in hits)
    every = db.execute("SELECT id FROM documents WHERE lower(text) LIKE '%plenary%'").fetchall()
    assert sorted(hit[0] for hit in hits) == sorted(row[0] for row in every)
    quotes = db.execute(
        "SELECT s.exact FROM spans_fts JOIN spans s ON s.rowid = spans_fts.rowid "
        "WHERE spans_fts MATCH 'Addrakmanov'"
    ).fetchall()
    assert quotes and all("Addrakmanov" in quote for (quote,) in quotes)
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()
    assert 'content="documents"' in sql  # what datasette looks for to offer ?_search=
