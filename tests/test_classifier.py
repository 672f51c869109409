"""The grey-zone classifier: sanity table, explanations, skops safety, retraining, rule."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skops.io as sio

from auditlib.classifier import (
    KeywordBaseline,
    classify_statements,
    is_greyzone,
    load_corpus,
    load_decisions,
    load_model,
    merge_decisions,
    model_version,
    save_model,
    train_model,
)
from auditlib.classifier.evaluate import evaluate, near_duplicate_groups
from auditlib.classifier.lexicon import DISPLAY as LEXICON_DISPLAY
from auditlib.classifier.model import DEFAULT_MODEL_PATH
from auditlib.classifier.text import fold_text, normalise_statement
from auditlib.errors import ModelError, ReviewError
from auditlib.rundir import DECISION_COLUMNS
from auditlib.vocabulary import LABELS

# Written for this test, not taken from the corpus (test_sanity_statements_are_new checks).
SANITY = {
    "genoptraening": [
        "Træne at smøre madpakke og pakke tasken selv om morgenen, da initiativet er nedsat "
        "efter depressionen.",
        "Gradvis optræning af gangdistance, så hun igen kan gå til postkassen og tilbage.",
        "Indøve brug af alarm på mobilen til at huske måltider, mål om selvstændighed efter "
        "10 uger.",
        "Træning i at handle ind i det lokale supermarked, først med ergoterapeut og siden alene.",
    ],
    "behandling": [
        "Fortsætter med antipsykotisk depotinjektion hver anden uge i distriktspsykiatrien.",
        "Psykiateren vurderer ved næste ambulante kontrol, om dosis af lithium skal justeres.",
        "Henvist til traumefokuseret psykoterapi hos privatpraktiserende psykolog.",
        "Blodprøvekontrol hos egen læge pga. risiko for bivirkninger af medicinen.",
    ],
    "social": [
        "Bevilget bostøtte efter servicelovens § 85 to gange ugentligt til hjælp med økonomi og "
        "post.",
        "Kommunens socialrådgiver hjælper med ansøgning om boligstøtte.",
        "Har brug for hjemmehjælp til rengøring, da han ikke selv magter det.",
        "Ønsker et midlertidigt botilbud efter udskrivelsen.",
    ],
    "beskaeftigelse": [
        "Jobcentret afholder opfølgningssamtale om sygedagpenge i næste måned.",
        "Virksomhedspraktik i et supermarked ti timer om ugen aftalt med jobkonsulent.",
        "Ønsker afklaring af fleksjob gennem rehabiliteringsteamet.",
        "SPS-støtte og studiementor på uddannelsen, så han kan gennemføre semestret.",
    ],
    "forebyggelse": [
        "Tilbydes rygestopkursus i kommunens sundhedscenter.",
        "Deltager i kursus om søvnhygiejne i sundhedshuset.",
        "Tilmeldt kommunens stresshåndteringskursus for borgere.",
        "Kostvejledning i sundhedscentret for at forebygge vægtøgning.",
    ],
    "civilsamfund": [
        "Vil gerne deltage i SINDs samværsgruppe om torsdagen.",
        "En frivillig besøgsven fra Røde Kors kommer hver anden uge.",
        "Ønsker at genoptage badminton i den lokale idrætsforening.",
        "Kontakt til Angstforeningens selvhjælpsgruppe er formidlet.",
    ],
}
SANITY_ROWS = [(label, text) for label, texts in SANITY.items() for text in texts]


class Untrusted:
    """A type no model file may contain."""

    def __init__(self) -> None:
        self.value = 1


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return load_corpus()


@pytest.fixture(scope="module")
def shipped():
    return load_model()


def _small_corpus(corpus: pd.DataFrame, per_label: int = 30) -> pd.DataFrame:
    return corpus.groupby("label").head(per_label).reset_index(drop=True)


# -- corpus ------------------------------------------------------------------------------

def test_corpus_is_complete(corpus):
    assert len(corpus) >= 1200
    counts = corpus["label"].value_counts()
    assert set(counts.index) == set(LABELS)
    assert counts.min() >= 150
    assert corpus["borderline"].mean() >= 0.20
    assert list(corpus.columns) == ["statement", "label", "field", "borderline", "source",
                                    "origin"]


def test_sanity_statements_are_new(corpus):
    known = set(corpus["statement"].map(normalise_statement))
    assert not [text for _, text in SANITY_ROWS if normalise_statement(text) in known]


def test_bad_corpus_rows_are_all_listed(tmp_path):
    path = tmp_path / "social.csv"
    path.write_text("statement_id,statement,label,field,borderline\n"
                    "s1,Bostøtte hver uge.,social,oevrige_indsatser,false\n"
                    "s2,,social,oevrige_indsatser,false\n"
                    "s3,Noget om arbejde.,arbejde,maal,false\n"
                    "s4,Noget om kost.,forebyggelse,maal,maaske\n", encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load_corpus(tmp_path)
    problems = "\n".join(caught.value.problems)
    assert "række 3" in problems and "række 4" in problems and "række 5" in problems
    assert "Noget om" not in problems


def test_missing_corpus_folder(tmp_path):
    with pytest.raises(ModelError, match="findes ikke"):
        load_corpus(tmp_path / "ingen")


# -- the shipped model -------------------------------------------------------------------

@pytest.mark.parametrize(("label", "text"), SANITY_ROWS)
def test_clear_statements_get_their_label(shipped, label, text):
    assert shipped.predict([text]).loc[0, "label"] == label


def test_prediction_columns_and_probabilities(shipped):
    result = shipped.predict([text for _, text in SANITY_ROWS])
    assert list(result.columns) == ["label", "probability", "second_label",
                                    "second_probability", "explanation"]
    assert result["label"].isin(LABELS).all()
    assert (result["label"] != result["second_label"]).all()
    assert ((result["probability"] >= result["second_probability"])
            & (result["probability"] <= 1) & (result["second_probability"] >= 0)).all()


def test_explanations_are_words_of_the_statement(shipped):
    texts = [text for _, text in SANITY_ROWS]
    result = shipped.predict(texts)
    counts = []
    for text, explanation in zip(texts, result["explanation"], strict=True):
        terms = explanation.split("; ")
        # Only words that weigh *for* the label are shown: 3-5 of them, fewer when the
        # statement has fewer such words.
        assert 1 <= len(terms) <= 5, (text, explanation)
        counts.append(len(terms))
        flat = " ".join(text.split())
        for term in terms:
            # A named actor or law is shown as its marker, e.g. "[SEL § 85]".
            if term.startswith("["):
                assert term in LEXICON_DISPLAY.values(), (term, text)
                continue
            assert term in flat, (term, text)
            assert term.lower() not in {"i", "at", "og", "til", "med"}
    assert sum(c >= 3 for c in counts) >= 0.8 * len(counts)


def test_explanation_names_the_sector_word(shipped):
    result = shipped.predict(["Bostøtte to gange om ugen.", "Rygestopkursus på sundhedscentret."])
    assert "Bostøtte" in result.loc[0, "explanation"].split("; ")
    assert "Rygestopkursus" in result.loc[1, "explanation"].split("; ")


def test_spelling_without_danish_letters_gives_the_same_prediction(shipped):
    with_letters = shipped.predict_proba(["Træning i at gå på trapper og få bedre balance."])
    without = shipped.predict_proba(["Traening i at gaa paa trapper og faa bedre balance."])
    assert np.allclose(with_letters, without)


def test_fast_prediction_equals_the_pipeline(shipped, corpus):
    texts = corpus["statement"].sample(200, random_state=1).tolist() + [
        "", "   ", "ukendtord xyzzy", "Idé: café-besøg\u00a0hver uge!", "½ time • § 85", "ﬁnal"]
    direct = shipped.reference_proba(texts)
    assert np.allclose(shipped.predict_proba(texts), direct, atol=1e-12)


def test_repeated_and_missing_statements(shipped):
    result = shipped.predict(["Bostøtte hver uge.", None, "Bostøtte hver uge.", pd.NA])
    assert len(result) == 4
    assert result.loc[0].equals(result.loc[2])
    assert shipped.predict([]).empty


def test_model_metadata(shipped):
    meta = shipped.metadata
    assert model_version(shipped) == meta["version"]
    assert len(meta["training_sha256"]) == 64
    assert meta["labels"] == sorted(LABELS)
    assert meta["sklearn_version"] in meta["version"]


# -- skops: round trip and refusal --------------------------------------------------------

def test_skops_round_trip(shipped, tmp_path):
    path = save_model(shipped, tmp_path / "model.skops")
    again = load_model(path)
    texts = [text for _, text in SANITY_ROWS]
    assert np.array_equal(again.predict_proba(texts), shipped.predict_proba(texts))
    assert again.predict(texts).equals(shipped.predict(texts))
    assert again.metadata == shipped.metadata
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if n.endswith((".pkl", ".pickle"))]


def test_model_file_with_an_untrusted_type_is_refused(tmp_path):
    path = tmp_path / "evil.skops"
    sio.dump({"pipeline": Untrusted(), "metadata": {}, "vocabularies": {}}, path)
    with pytest.raises(ModelError) as caught:
        load_model(path)
    assert "tests.test_classifier.Untrusted" in caught.value.message


def test_model_file_with_a_function_is_refused(tmp_path):
    path = tmp_path / "evil.skops"
    sio.dump({"pipeline": print, "metadata": {}, "vocabularies": {}}, path)
    with pytest.raises(ModelError, match="builtins.print"):
        load_model(path)


@pytest.mark.parametrize("content", [b"not a zip file", b""])
def test_damaged_model_file(tmp_path, content):
    path = tmp_path / "model.skops"
    path.write_bytes(content)
    with pytest.raises(ModelError, match="kan ikke læses"):
        load_model(path)


def test_model_file_of_another_shape(tmp_path):
    path = tmp_path / "other.skops"
    sio.dump({"pipeline": {"a": 1}, "metadata": {}}, path)
    with pytest.raises(ModelError, match="kan ikke læses"):
        load_model(path)


def test_missing_model_file(tmp_path):
    with pytest.raises(ModelError, match="auditlib train"):
        load_model(tmp_path / "none.skops")


def test_shipped_model_is_in_the_package():
    assert DEFAULT_MODEL_PATH.is_file()
    assert DEFAULT_MODEL_PATH.parent.name == "models"


# -- decisions and retraining --------------------------------------------------------------

def _write_decisions(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=DECISION_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in DECISION_COLUMNS})
    return path


def _statement_row(statement: str, decision: str, **extra: str) -> dict:
    return {"plan_id": "MK-01", "kind": "udsagn", "field": "genoptraeningsbehov",
            "statement_no": "1", "statement": statement, "tool_value": "social",
            "decision": decision, **extra}


def test_load_decisions_keeps_only_statement_decisions(tmp_path):
    _write_decisions(tmp_path / "decisions.csv", [
        _statement_row("Struktur i hverdagen.", "genoptraening"),
        _statement_row("Bostøtte hver uge.", ""),
        _statement_row("Gåtur med foreningen.", "Civilsamfund"),
        {"plan_id": "MK-02", "kind": "kriterium", "criterion_id": "K01", "decision": "opfyldt"},
    ])
    decisions = load_decisions([tmp_path])  # a run folder holding decisions.csv
    assert decisions["statement"].tolist() == ["Struktur i hverdagen.", "Gåtur med foreningen."]
    assert decisions["label"].tolist() == ["genoptraening", "civilsamfund"]
    assert decisions["borderline"].all()
    assert decisions["source"].str.startswith("beslutning:").all()


def test_unknown_decision_label_is_refused(tmp_path):
    path = _write_decisions(tmp_path / "decisions.csv",
                            [_statement_row("Hemmelig tekst.", "sundhed")])
    with pytest.raises(ReviewError) as caught:
        load_decisions([path])
    assert "MK-01" in caught.value.problems[0]
    assert "Hemmelig" not in caught.value.problems[0]


def test_decisions_override_the_same_statement_in_the_corpus(corpus):
    text = corpus.loc[corpus["label"] == "social", "statement"].iloc[0]
    respelled = fold_text(text).upper()  # other case and æøå spelt out: same statement
    decisions = pd.DataFrame({"statement": [respelled], "label": ["genoptraening"],
                              "field": ["maal"], "borderline": [True],
                              "source": ["beslutning:x"]})
    merged = merge_decisions(corpus, decisions)
    assert len(merged) == len(corpus)
    assert not (merged["statement"] == text).any()
    assert merged.iloc[-1]["label"] == "genoptraening"


def test_retraining_with_a_decision_changes_that_prediction(corpus, tmp_path):
    statement = "Hjælp til at holde struktur i hverdagen med ugeskema."
    before = train_model(corpus).predict([statement]).loc[0, "label"]
    relabel = "genoptraening" if before != "genoptraening" else "social"
    path = _write_decisions(tmp_path / "decisions.csv", [_statement_row(statement, relabel)])
    retrained = train_model(merge_decisions(corpus, load_decisions([path])))
    assert retrained.predict([statement]).loc[0, "label"] == relabel
    assert retrained.metadata["n_decisions"] == 1


def test_training_is_deterministic(corpus):
    small = _small_corpus(corpus, 20)
    first, second = train_model(small), train_model(small)
    texts = [text for _, text in SANITY_ROWS]
    assert np.array_equal(first.predict_proba(texts), second.predict_proba(texts))
    assert first.metadata["training_sha256"] == second.metadata["training_sha256"]


def test_training_needs_two_labels(corpus):
    with pytest.raises(ModelError):
        train_model(corpus[corpus["label"] == "social"])


# -- the grey-zone rule --------------------------------------------------------------------

@pytest.mark.parametrize(("field", "label", "p1", "p2", "expected"), [
    ("genoptraeningsbehov", "genoptraening", 0.60, 0.45, False),  # gap exactly the margin
    ("genoptraeningsbehov", "genoptraening", 0.575, 0.425, False),  # exactly, other floats
    ("genoptraeningsbehov", "genoptraening", 0.60, 0.4501, True),  # just inside
    ("maal", "genoptraening", 0.55, 0.40, False),
    ("maal", "genoptraening", 0.549, 0.40, True),
    ("maal", "genoptraening", 0.99, 0.01, False),
    ("genoptraeningsbehov", "social", 0.99, 0.01, True),  # another sector in the field
    ("maal", "beskaeftigelse", 0.60, 0.45, True),
    ("oevrige_indsatser", "social", 0.50, 0.49, False),  # not a grey-zone field
    ("funktionsevne", "genoptraening", 0.40, 0.39, False),
])
def test_greyzone_rule(field, label, p1, p2, expected):
    assert is_greyzone(field, label, p1, p2, 0.15) is expected


def test_greyzone_margin_is_a_parameter():
    assert is_greyzone("maal", "genoptraening", 0.6, 0.45, 0.2)
    assert not is_greyzone("maal", "genoptraening", 0.6, 0.45, 0.1)


def test_classify_statements_adds_label_and_greyzone(shipped):
    items = pd.DataFrame({
        "plan_id": ["A", "A", "B"],
        "field": ["genoptraeningsbehov", "oevrige_indsatser", "maal"],
        "statement": ["Træning i at tage bussen alene efter 6 uger.",
                      "Bostøtte to gange om ugen.", "Bostøtte to gange om ugen."],
    })
    result = classify_statements(items, shipped, margin=0.15)
    assert result["plan_id"].tolist() == ["A", "A", "B"]
    assert result["label"].tolist() == ["genoptraening", "social", "social"]
    assert result["greyzone"].tolist() == [False, False, True]


# -- baseline and evaluation ---------------------------------------------------------------

def test_baseline_is_transparent():
    baseline = KeywordBaseline()
    assert baseline.predict_one("Bostøtte efter § 85.") == ("social", ["bostoette", "§ 85"])
    assert baseline.predict_one("Jobcentret og arbejdsgiveren.")[0] == "beskaeftigelse"
    # No keyword, or a tie, goes to the first label in the fixed order.
    assert baseline.predict_one("Noget helt andet.") == ("genoptraening", [])
    assert baseline.predict_one("Træning og medicin.")[0] == "genoptraening"
    result = baseline.predict(["Rygestop i sundhedscentret.", "Frivillig i foreningen."])
    assert result["label"].tolist() == ["forebyggelse", "civilsamfund"]
    assert result["keywords"].tolist()[1] == "frivillig; forening"


def test_near_duplicates_share_a_group():
    groups = near_duplicate_groups([
        "Træning i at tage bussen alene.",
        "Træning i at tage bussen alene!",
        "Traening i at tage bussen alene",
        "Bostøtte to gange om ugen.",
        "Rygestopkursus i sundhedscentret.",
    ])
    assert groups[0] == groups[1] == groups[2]
    assert len({groups[0], groups[3], groups[4]}) == 3


def test_evaluate_reports_model_baseline_and_borderline(corpus):
    small = _small_corpus(corpus, 25)
    result = evaluate(small, folds=3)
    assert result["n"] == len(small) and result["folds"] == 3
    assert set(result["per_label"]) == set(LABELS)
    matrix = np.array(result["confusion_matrix"])
    assert matrix.shape == (6, 6) and matrix.sum() == len(small)
    assert 0 <= result["baseline_macro_f1"] <= 1 and 0 <= result["macro_f1"] <= 1
    assert result["borderline"]["n"] + result["not_borderline"]["n"] == len(small)
    assert {"model", "baseline"} <= set(result["borderline"])


def test_vectorised_greyzone_rule_equals_the_rule():
    import itertools

    from auditlib.classifier.greyzone import greyzone_mask

    rows = [{"field": f, "label": label, "probability": p1, "second_probability": p2}
            for f, label, (p1, p2) in itertools.product(
                ["genoptraeningsbehov", "maal", "hensyn"], ["genoptraening", "social"],
                [(0.60, 0.45), (0.60, 0.44), (0.9, 0.05), (0.5, 0.5), (0.575, 0.425)])]
    frame = pd.DataFrame(rows)
    expected = [is_greyzone(r["field"], r["label"], r["probability"], r["second_probability"],
                            0.15) for r in rows]
    assert greyzone_mask(frame, 0.15).tolist() == expected
