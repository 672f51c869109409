"""Ablation of the grey-zone classifier ON THE HELD-OUT SET (data/heldout/), not on CV.

Features (each row adds one thing, linear SVM): word tf-idf; + character n-grams inside
word boundaries (char_wb); + Danish Snowball stems; + lexicon markers for actors and laws;
+ the plan field. Models on the full feature set without the field: logistic regression,
linear SVM (temperature-calibrated, as shipped), linear SVM + CalibratedClassifierCV,
complement naive Bayes, and a soft-voting ensemble of the three. Tuning of the shipped
model (linear SVM + temperature): C, class weights "balanced", the stemmer without the
lexicon. Every model is trained once on the whole corpus and scored on the held-out
sentences, grouped by source document, with the keyword baseline on the same items.
Grouped 5-fold CV of the shipped settings is what ``auditlib train --report`` prints
(benchmarks/results/classifier.json). Writes benchmarks/results/classifier_ablation.json.
Run: python benchmarks/tune_classifier.py
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlib.classifier.corpus import load_corpus  # noqa: E402
from auditlib.classifier.heldout import load_heldout, score_heldout  # noqa: E402
from auditlib.classifier.model import (  # noqa: E402
    _WORD_PATTERN,
    DEFAULT_SETTINGS,
    ModelSettings,
    fold_statement,
    train_model,
)

RESULTS = Path(__file__).resolve().parent / "results" / "classifier_ablation.json"
BASE = replace(DEFAULT_SETTINGS, stem=False, lexicon=False, field=False)
FEATURES = [
    ("ord (tf-idf)", BASE, False),
    ("+ tegn-n-gram (char_wb)", BASE, True),
    ("+ stammer (Snowball)", replace(BASE, stem=True), True),
    ("+ leksikon (aktører, love)", replace(BASE, stem=True, lexicon=True), True),
    ("+ planfelt", replace(BASE, stem=True, lexicon=True, field=True), True),
]


def _vectorizer(settings: ModelSettings, chars: bool):
    words = TfidfVectorizer(lowercase=False, token_pattern=_WORD_PATTERN,
                            ngram_range=tuple(settings.word_ngrams))
    if not chars:
        return words
    return FeatureUnion([("words", words), ("chars", TfidfVectorizer(
        lowercase=False, analyzer="char_wb", ngram_range=tuple(settings.char_ngrams),
        ))])


def _texts(frame, settings):
    return [fold_statement(s, settings, f) for s, f in zip(frame["statement"], frame["field"],
                                                           strict=True)]


def _models(settings: ModelSettings):
    svm = LinearSVC(C=settings.C / 10, max_iter=settings.max_iter, random_state=0)
    return {
        "logistisk regression": LogisticRegression(C=settings.C, max_iter=settings.max_iter,
                                                   random_state=0),
        "lineær SVM + CalibratedClassifierCV": CalibratedClassifierCV(svm, method="sigmoid",
                                                                      cv=3),
        "complement naive Bayes": ComplementNB(alpha=0.3),
    }


def main() -> None:
    started = time.perf_counter()
    corpus, heldout = load_corpus(), load_heldout()
    truth = corpus["label"].to_numpy(dtype=object)
    rows = []

    def record(name, kind, predicted, seconds):
        scores = score_heldout(heldout, predicted)
        worst = min(v["f1"] for v in scores["per_label"].values())
        rows.append({"name": name, "kind": kind, "macro_f1": scores["macro_f1"],
                     "worst_label_f1": worst, "documents": scores["documents"],
                     "per_label": scores["per_label"], "seconds": round(seconds, 1)})
        print(f"{kind:<9}{name:<40}{scores['macro_f1']:>8.3f}{worst:>8.3f}  "
              + "  ".join(f"{d}:{v['macro_f1']:.2f}" for d, v in scores["documents"].items()))
        return scores

    print(f"{'':<9}{'variant':<40}{'macro':>8}{'worst':>8}  per document")
    for name, settings, chars in FEATURES:
        t = time.perf_counter()
        pipe = make_pipeline(_vectorizer(settings, chars),
                             LinearSVC(C=settings.C / 10, max_iter=settings.max_iter,
                                       random_state=0))
        pipe.fit(_texts(corpus, settings), truth)
        record(name, "features", pipe.predict(_texts(heldout, settings)),
               time.perf_counter() - t)
    full = replace(DEFAULT_SETTINGS, field=False)
    train_x, test_x = _texts(corpus, full), _texts(heldout, full)
    vectorizer = _vectorizer(full, True).fit(train_x)
    x_train, x_test = vectorizer.transform(train_x), vectorizer.transform(test_x)
    probabilities = []
    for name, model in _models(full).items():
        t = time.perf_counter()
        model.fit(x_train, truth)
        probabilities.append(model.predict_proba(x_test))
        record(name, "model", model.classes_[probabilities[-1].argmax(axis=1)],
               time.perf_counter() - t)
    classes = model.classes_
    record("ensemble (gennemsnit af de tre)", "model",
           classes[np.mean(probabilities, axis=0).argmax(axis=1)], 0.0)
    t = time.perf_counter()
    balanced = LinearSVC(C=full.C / 10, max_iter=full.max_iter, random_state=0,
                         class_weight="balanced").fit(x_train, truth)
    record("lineær SVM, klassevægte 'balanced'", "tuning", balanced.predict(x_test),
           time.perf_counter() - t)
    shipped = {}
    for name, kind, settings in (
            ("lineær SVM + temperatur (leveres)", "model", full),
            ("logistisk regression + temperatur", "model", replace(full, classifier="logreg")),
            ("leveres, C = 3", "tuning", replace(full, C=3.0)),
            ("leveres, C = 5", "tuning", replace(full, C=5.0)),
            ("leveres, C = 20", "tuning", replace(full, C=20.0)),
            ("leveres uden leksikon", "tuning", replace(full, lexicon=False))):
        t = time.perf_counter()
        trained = train_model(corpus, settings)
        predicted = trained.predict(heldout["statement"].tolist(), heldout["field"].tolist())
        shipped[name] = record(name, kind, predicted["label"].to_numpy(dtype=object),
                               time.perf_counter() - t)
    shipped["svm"] = shipped["lineær SVM + temperatur (leveres)"]
    summary = {"n_heldout": len(heldout), "n_corpus": len(corpus),
               "baseline_macro_f1": shipped["svm"]["baseline_macro_f1"],
               "baseline_documents": {d: v["baseline_macro_f1"]
                                      for d, v in shipped["svm"]["documents"].items()},
               "rows": rows, "seconds": round(time.perf_counter() - started, 1)}
    print(f"keyword baseline on the same items: {summary['baseline_macro_f1']:.3f}  "
          + "  ".join(f"{d}:{v:.2f}" for d, v in summary["baseline_documents"].items()))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    print(f"{summary['seconds']} s; written to {RESULTS.name}")


if __name__ == "__main__":
    main()
