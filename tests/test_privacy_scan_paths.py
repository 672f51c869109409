"""The fast paths of a register scan give exactly what scanning each text alone gives.

``scan_register`` finds in one pass which cells hold a digit, an "@" or a word that could
be a name, runs each recognizer once over the cells it needs (joined), and tries the
digit patterns only where a run of digits starts. None of that may change a finding:
these tests compare it with ``scan_spans`` text by text and with a plain regex scan.
"""

from __future__ import annotations

import gc
import random
from pathlib import Path

import pandas as pd
import pytest

from auditlib.privacy import REGISTRY, scan_register, scan_text
from auditlib.privacy.evaluate import read_corpus
from auditlib.privacy.recognizers.base import finditer_at_runs
from auditlib.privacy.scan import SEPARATOR, scan_many, scan_spans

CORPUS = Path(__file__).parent / "privacy_corpus" / "corpus.csv"
CORPUS_TEXTS = [row["text"] for row in read_corpus(CORPUS)]
KINDS = tuple(REGISTRY)
# Texts that probe the pass that finds what each cell holds: words glued to digits or
# "@", digits other than 0-9, NUL inside a cell, blank and digit-only cells.
TRICKY = [
    "3Mette Hansen ringede.", "Kontakt @Mette Hansen i morgen.", "ab3cdMette Hansen",
    "Ring til 12 34 56 78 eller +45 87 65 43 21.", "cpr0101901234 og CPR-nr.: 010190-1234",
    "Kvinde, 42 år, bor på Frede Juels Vej 75B, 2. tv., DK-8660 SKANDERBORG.",
    "٠١٠١٩٠١٢٣٤ og ١٢٣٤٥٦٧٨", "1234567890123", "", " ", "42", "Mette",
    "Har talt med fru Greve om forløbet.", "Jensen, Mette kom kl. 10.",
    "mette@example.dk skrev til Mette Hansen.", "Vej 3 Vej 4, 8000 Aarhus C",
]


def _mixed_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    pool = CORPUS_TEXTS + TRICKY
    return [" ".join(rng.sample(pool, rng.randint(1, 3))) if rng.random() < 0.9
            else rng.choice(TRICKY) for _ in range(count)]


@pytest.mark.parametrize("texts", [
    CORPUS_TEXTS, TRICKY, _mixed_texts(1, 300), _mixed_texts(2, 300),
    TRICKY + ["Mette Hansen \0 ringede 12345678"] + CORPUS_TEXTS[:100],  # NUL: slow path
], ids=["corpus", "tricky", "mixed-1", "mixed-2", "nul-in-cell"])
def test_scan_many_equals_each_text_alone(texts: list[str]) -> None:
    allow = frozenset()
    assert scan_many(texts, KINDS, allow) == [scan_spans(t, KINDS, allow) for t in texts]


def test_scan_many_with_an_allow_list_equals_each_text_alone() -> None:
    texts = _mixed_texts(3, 200)
    allow = frozenset({"mette hansen", "aarhus"})
    assert scan_many(texts, KINDS, allow) == [scan_spans(t, KINDS, allow) for t in texts]


ANCHORED = [(kind, name, pattern) for kind, recognizer in REGISTRY.items()
            for name, pattern in recognizer.patterns if name in recognizer.at_digit_runs]


def test_some_patterns_are_tried_at_digit_runs_only() -> None:
    assert {kind for kind, _, _ in ANCHORED} >= {"cpr", "telefon", "adresse", "dato_foedsel"}


@pytest.mark.parametrize(("kind", "name", "pattern"), ANCHORED, ids=[a[1] for a in ANCHORED])
def test_tried_at_digit_runs_equals_a_plain_scan(kind, name, pattern) -> None:
    """Every match of the pattern starts where a run of digits starts, so trying it only
    there finds the same matches; this fails when someone lets it start elsewhere."""
    texts = [*CORPUS_TEXTS, *TRICKY, SEPARATOR.join(CORPUS_TEXTS + TRICKY)]
    for text in texts:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in finditer_at_runs(pattern, text)] == expected, (name, text)


def test_register_scan_equals_each_cell_alone() -> None:
    texts = _mixed_texts(4, 240)
    frame = pd.DataFrame({"plan_id": [f"P-{i}" for i in range(80)],
                          "klynge": ["Midtklyngen"] * 80,
                          "funktionsevne": texts[:80], "hensyn": texts[80:160],
                          "bemaerkninger": texts[160:]}).astype("string")
    found = {(f.row, f.column, f.kind, f.start, f.end, f.score) for f in scan_register(frame)}
    alone = {(row, column, f.kind, f.start, f.end, f.score)
             for column in ("funktionsevne", "hensyn", "bemaerkninger")
             for row, text in enumerate(frame[column].tolist())
             for f in scan_text(text)}
    assert found == alone


def test_a_town_that_is_a_surname_is_a_name_after_fru() -> None:
    # The name recognizer's early exit once dropped these: only place tokens in the text.
    for text, value in [("Har talt med fru Greve om forløbet.", "Greve"),
                        ("Aftalt med hr. Kolding i dag.", "Kolding")]:
        start = text.index(value)
        assert [(f.kind, f.start, f.end) for f in scan_text(text)] == [
            ("navn", start, start + len(value))]
    assert scan_text("Borgeren bor i Greve.") == []


def test_garbage_collector_is_left_as_it_was() -> None:
    frame = pd.DataFrame({"plan_id": ["P-1"], "bemaerkninger": ["Ring 12345678"]})
    assert gc.isenabled()
    scan_register(frame)
    assert gc.isenabled()
    gc.disable()
    try:
        scan_register(frame)
        assert not gc.isenabled()
    finally:
        gc.enable()
