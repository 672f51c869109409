"""Generalisation checks: the held-out set stays out of the corpus; the sources' own
training content and vague statements come out as the sources and labels.md say."""

from __future__ import annotations

import pandas as pd
import pytest

from auditlib.classifier import classify_statements, load_corpus, load_model
from auditlib.classifier.heldout import heldout_overlap, load_heldout, score_heldout
from auditlib.classifier.training import influential_features
from auditlib.vocabulary import LABELS


@pytest.fixture(scope="module")
def shipped():
    return load_model()


@pytest.fixture(scope="module")
def heldout():
    return load_heldout()


def test_heldout_is_large_labelled_and_from_several_sources(heldout):
    assert len(heldout) >= 150
    assert set(heldout["label"]) == set(LABELS)
    assert heldout["item_id"].is_unique
    assert heldout["document"].nunique() >= 4
    assert heldout["statement"].str.strip().ne("").all()


def test_nothing_of_the_heldout_set_is_in_the_corpus(heldout):
    corpus = load_corpus()
    overlap = heldout_overlap(corpus["statement"].tolist(), heldout["statement"].tolist())
    assert overlap == [], [(heldout["item_id"][h], corpus["source"][c], round(s, 2))
                           for h, c, s in overlap[:10]]


def test_overlap_check_finds_a_paraphrase():
    pairs = heldout_overlap(["Træning i at holde faste tider for at stå op og spise."],
                            ["Træning i at holde faste tider for at stå op, spise og gå i seng."])
    assert pairs and pairs[0][:2] == (0, 0)


def test_corpus_has_no_sentence_naming_the_sources_cases():
    corpus = load_corpus()
    assert not corpus["statement"].str.contains(r"\b(?:Sonja|Henrik)", regex=True).any()


def test_every_corpus_statement_records_its_origin():
    corpus = load_corpus()
    assert corpus["origin"].str.strip().ne("").all()
    assert corpus["origin"].str.startswith("v2").sum() >= 150


@pytest.mark.parametrize("item_id", ["h-012", "h-013", "h-014", "h-015"])
def test_henriks_needs_are_genoptraening(shipped, heldout, item_id):
    row = heldout.set_index("item_id").loc[item_id]
    assert row["label"] == "genoptraening"
    assert shipped.predict([row["statement"]])["label"][0] == "genoptraening"


@pytest.mark.parametrize("text", ["Mindfulness", "Naturterapi", "Mentalisering",
                                  "Indlæring af strategier"])
def test_municipal_training_content_is_genoptraening(shipped, text):
    # The words of the notat's §9 list, as a plan's bullet (DOMAIN.md §5).
    assert shipped.predict([text])["label"][0] == "genoptraening"


@pytest.mark.parametrize(("text", "label"), [
    ("Deltager i kommunens åbne mindfulnesskursus for borgere med stress.", "forebyggelse"),
    ("Social færdighedstræning efter SEL § 85 hos bostøtten, uden slutdato.", "social"),
    ("Mentor fra jobcentret i virksomhedspraktikken.", "beskaeftigelse"),
])
def test_purpose_and_provider_still_decide(shipped, text, label):
    assert shipped.predict([text])["label"][0] == label


@pytest.mark.parametrize("text", ["Hjælp.", "At få det bedre.",
                                  "Øget livskvalitet og mere overskud."])
def test_vague_statements_are_unsettled_and_not_near_certain(shipped, text):
    items = pd.DataFrame({"field": ["genoptraeningsbehov"], "statement": [text]})
    result = classify_statements(items, model=shipped, margin=0.15)
    assert result["probability"][0] < 0.6
    assert bool(result["unsettled"][0]) and bool(result["greyzone"][0])
    assert result["second_label"][0] != result["label"][0]


def test_hjaelp_alone_does_not_drive_social(shipped):
    assert shipped.predict(["Hjælp."])["probability"][0] < 0.5


def test_clear_statements_are_settled(shipped):
    items = pd.DataFrame({"field": ["oevrige_indsatser"] * 2, "statement": [
        "Bevilget bostøtte efter SEL § 85 tre timer om ugen.",
        "Jobcentret har aftalt virksomhedspraktik fire timer om dagen."]})
    result = classify_statements(items, model=shipped, margin=0.15)
    assert result["label"].tolist() == ["social", "beskaeftigelse"]
    assert not result["unsettled"].any()


def test_law_and_actor_markers_appear_in_the_explanation(shipped):
    explanation = shipped.predict(["SEL § 85, 4 t/uge"])["explanation"][0]
    assert "[SEL § 85]" in explanation


@pytest.mark.parametrize("word", ["Træning", "Støtte", "Struktur", "Bostøtte", "Medicin",
                                  "Jobcenter", "SIND"])
def test_one_word_is_never_near_certain(shipped, word):
    assert shipped.predict([word])["probability"][0] <= 0.75 + 1e-9


def test_shipped_model_beats_the_keyword_baseline_on_the_heldout_set(shipped, heldout):
    # Issue 21's target: 0.15 above the keyword list on the same items, no label below 0.6.
    predicted = shipped.predict(heldout["statement"].tolist(), heldout["field"].tolist())
    scores = score_heldout(heldout, predicted["label"].to_numpy(dtype=object))
    assert scores["macro_f1"] >= scores["baseline_macro_f1"] + 0.15
    assert min(v["f1"] for v in scores["per_label"].values()) >= 0.6


def test_influential_words_are_characteristic_of_one_sector(shipped):
    corpus = load_corpus()
    words = influential_features(shipped, corpus)
    assert all(len(shown) == 20 for shown in words.values())
    # A word characteristic of a sector (half its statements or more) belongs to one list.
    shown = [word for listed in words.values() for word in listed]
    assert len(shown) == len(set(shown))
    assert "træning" in words["genoptraening"] and "støtte" in words["social"]
    assert "[jobcenter]" in words["beskaeftigelse"] and "medicin" in words["behandling"]
    assert "kost" in words["forebyggelse"] and "frivillige" in words["civilsamfund"]
