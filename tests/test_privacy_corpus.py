"""The guard on the labelled corpus from public sources (tests/privacy_corpus/): recall per
kind at least 98 %, and no false alarm on look-alikes (durations, amounts, codes, years,
institutions, ordinary words that are names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlib.privacy.evaluate import evaluate, is_found, read_corpus
from auditlib.privacy.scan import scan_text

CORPUS = Path(__file__).parent / "privacy_corpus" / "corpus.csv"
ROWS = read_corpus(CORPUS)
KINDS = ("cpr", "telefon", "email", "adresse", "navn", "dato_foedsel")


@pytest.fixture(scope="module")
def result():
    return evaluate(ROWS)


def test_corpus_is_large_labelled_and_sourced() -> None:
    assert len(ROWS) >= 500
    assert {row["kind"] for row in ROWS} == {*KINDS, "ingen"}
    assert all(row["source"].strip() for row in ROWS)
    for row in ROWS:
        if row["kind"] != "ingen":
            assert row["value"] and row["value"] in row["text"], row["id"]


@pytest.mark.parametrize("kind", KINDS)
def test_recall_per_kind_is_at_least_98_percent(result, kind: str) -> None:
    assert result.cases[kind] >= 30
    missed = [ROWS[i - 1]["id"] for i in result.missed.get(kind, [])]
    assert result.recall(kind) >= 0.98, (kind, missed)


def test_no_false_alarm_on_look_alikes(result) -> None:
    assert result.negatives >= 100
    assert [ROWS[i - 1]["id"] for i in result.false_alarms] == []


def test_a_name_is_tagged_whole_first_to_last() -> None:
    text = "Bente Singh deltog i mødet."
    assert is_found(text, "navn", "Bente Singh", scan_text(text))
    assert not is_found(text, "navn", "Bente Singh",
                        [f for f in scan_text("Bente deltog i mødet.")])


def test_evaluator_counts_a_partial_finding_as_missed() -> None:
    rows = [{"kind": "adresse", "text": "Bor på Frede Juels Vej 75B, 2. tv. nu.",
             "value": "Frede Juels Vej 75B, 2. tv."},
            {"kind": "ingen", "text": "Ring på 23 45 67 89.", "value": ""}]
    result = evaluate(rows)
    assert result.recall("adresse") == 1.0
    assert result.false_alarms == [2]
