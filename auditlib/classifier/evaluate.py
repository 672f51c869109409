"""Honest evaluation: grouped, stratified 5-fold cross-validation of model and baseline.

Near-duplicate statements ("Træning i at tage bussen." / "Træning i at tage bussen alene.")
would inflate the score if one sat in the training folds and the other in the test fold,
so statements whose character-3-gram cosine similarity is at least ``threshold`` are
joined into groups (connected components), and ``StratifiedGroupKFold`` keeps every group
within one fold. The model's hyperparameters are fixed (``ModelSettings``), not tuned on
these folds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)
from sklearn.model_selection import StratifiedGroupKFold

from auditlib.classifier.baseline import KeywordBaseline
from auditlib.classifier.model import DEFAULT_SETTINGS, ModelSettings, train_model
from auditlib.classifier.text import normalise_statement
from auditlib.vocabulary import LABELS

NEAR_DUPLICATE_THRESHOLD = 0.8
FOLDS = 5
CALIBRATION_BINS = 10


def near_duplicate_groups(statements: list[str], threshold: float = NEAR_DUPLICATE_THRESHOLD,
                          block: int = 2000) -> np.ndarray:
    """A group number per statement: connected components of near-duplicate pairs.

    Similarity is the cosine of binary character-3-gram vectors of the normalised text,
    computed block by block with sparse products so that memory stays small.
    """
    texts = [normalise_statement(s) for s in statements]
    if not texts:
        return np.zeros(0, dtype=np.int64)
    vectors = TfidfVectorizer(analyzer="char", ngram_range=(3, 3), use_idf=False, binary=True,
                              lowercase=False).fit_transform(texts).tocsr()
    pairs_rows, pairs_cols = [], []
    for start in range(0, vectors.shape[0], block):
        similarity = (vectors[start:start + block] @ vectors.T).tocoo()
        keep = similarity.data >= threshold - 1e-12
        pairs_rows.append(similarity.row[keep] + start)
        pairs_cols.append(similarity.col[keep])
    rows, cols = np.concatenate(pairs_rows), np.concatenate(pairs_cols)
    graph = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(texts)))
    _count, groups = connected_components(graph, directed=False)
    return groups


def _scores(truth: np.ndarray, predicted: np.ndarray) -> dict:
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=list(LABELS), zero_division=0)
    return {
        "macro_f1": float(f1_score(truth, predicted, labels=list(LABELS), average="macro",
                                   zero_division=0)) if len(truth) else None,
        "accuracy": float(accuracy_score(truth, predicted)) if len(truth) else None,
        "per_label": {
            label: {"precision": float(precision[i]), "recall": float(recall[i]),
                    "f1": float(f1[i]), "support": int(support[i])}
            for i, label in enumerate(LABELS)
        },
    }


def _calibration(truth: np.ndarray, predicted: np.ndarray, probability: np.ndarray) -> dict:
    """Expected calibration error of the top probability: do 0.8s come true 80% of the time?"""
    correct = truth == predicted
    edges = np.linspace(0.0, 1.0, CALIBRATION_BINS + 1)
    bins = np.clip(np.digitize(probability, edges[1:-1]), 0, CALIBRATION_BINS - 1)
    error, table = 0.0, []
    for b in range(CALIBRATION_BINS):
        inside = bins == b
        if not inside.any():
            continue
        confidence, accuracy = float(probability[inside].mean()), float(correct[inside].mean())
        error += inside.mean() * abs(confidence - accuracy)
        table.append({"from": float(edges[b]), "to": float(edges[b + 1]), "n": int(inside.sum()),
                      "mean_probability": confidence, "accuracy": accuracy})
    return {"expected_calibration_error": float(error), "bins": table}


def evaluate(corpus: pd.DataFrame, settings: ModelSettings = DEFAULT_SETTINGS, *,
             folds: int = FOLDS, margin: float = 0.15, random_state: int = 0,
             groups: np.ndarray | None = None,
             progress: Callable[[int, int], None] | None = None) -> dict:
    """Cross-validate the model and the keyword baseline on ``corpus``.

    Returns a JSON-ready dict: ``macro_f1``, ``baseline_macro_f1``, ``per_label`` (model
    and baseline), ``confusion_matrix`` (rows = true label, columns = predicted, in
    ``labels`` order), ``borderline`` (the same scores on the borderline subset),
    ``calibration``, ``groups``, ``n``, ``folds``, ``seconds``. ``progress(fold, folds)``
    is called after each fold. ``groups`` (from ``near_duplicate_groups``) saves computing
    them again.
    """
    started = time.perf_counter()
    data = corpus.reset_index(drop=True)
    statements = data["statement"].astype("str").tolist()
    truth = data["label"].astype("str").to_numpy(dtype=object)
    if groups is None:
        groups = near_duplicate_groups(statements)
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=random_state)
    predicted = np.empty(len(data), dtype=object)
    probability = np.zeros(len(data))
    second_probability = np.zeros(len(data))
    fold_of = np.zeros(len(data), dtype=np.int64)
    for number, (train, test) in enumerate(splitter.split(statements, truth, groups), start=1):
        model = train_model(data.iloc[train], settings)
        result = model.predict([statements[i] for i in test])
        predicted[test] = result["label"].to_numpy(dtype=object)
        probability[test] = result["probability"].to_numpy()
        second_probability[test] = result["second_probability"].to_numpy()
        fold_of[test] = number
        if progress is not None:
            progress(number, folds)
    baseline = KeywordBaseline().predict(statements)["label"].to_numpy(dtype=object)
    borderline = data["borderline"].astype(bool).to_numpy()
    model_scores, baseline_scores = _scores(truth, predicted), _scores(truth, baseline)
    sizes = np.bincount(groups)
    return {
        "n": int(len(data)),
        "folds": int(folds),
        "labels": list(LABELS),
        "macro_f1": model_scores["macro_f1"],
        "accuracy": model_scores["accuracy"],
        "baseline_macro_f1": baseline_scores["macro_f1"],
        "baseline_accuracy": baseline_scores["accuracy"],
        "per_label": model_scores["per_label"],
        "baseline_per_label": baseline_scores["per_label"],
        "confusion_matrix": confusion_matrix(truth, predicted, labels=list(LABELS)).tolist(),
        "baseline_confusion_matrix": confusion_matrix(truth, baseline,
                                                      labels=list(LABELS)).tolist(),
        "borderline": {
            "n": int(borderline.sum()),
            "model": _scores(truth[borderline], predicted[borderline]),
            "baseline": _scores(truth[borderline], baseline[borderline]),
        },
        "not_borderline": {
            "n": int((~borderline).sum()),
            "model": _scores(truth[~borderline], predicted[~borderline]),
            "baseline": _scores(truth[~borderline], baseline[~borderline]),
        },
        "calibration": _calibration(truth, predicted, probability),
        "close_calls": {
            "margin": float(margin),
            "share": float(np.mean(probability - second_probability < margin)),
            "accuracy_close": _share_correct(truth, predicted,
                                             probability - second_probability < margin),
            "accuracy_clear": _share_correct(truth, predicted,
                                             probability - second_probability >= margin),
        },
        "groups": {"threshold": NEAR_DUPLICATE_THRESHOLD, "count": int(len(sizes)),
                   "largest": int(sizes.max()) if len(sizes) else 0,
                   "statements_in_groups_of_2_or_more": int(sizes[sizes > 1].sum())},
        "settings": {"C": settings.C, "word_ngrams": list(settings.word_ngrams),
                     "char_ngrams": list(settings.char_ngrams)},
        "seconds": round(time.perf_counter() - started, 2),
    }


def _share_correct(truth: np.ndarray, predicted: np.ndarray, mask: np.ndarray) -> float | None:
    return float(np.mean(truth[mask] == predicted[mask])) if mask.any() else None
