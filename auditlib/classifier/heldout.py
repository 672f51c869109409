"""Generalisation: the model and the keyword baseline on sentences the corpus was not
written from.

``data/heldout/heldout.csv`` holds sentences taken from the source documents
(``../shared/seeds/``) and the example sentences of DOMAIN.md, labelled by labels.md, with
the place each came from (``source``). None of them, and no near-duplicate of them, is in
the training corpus (``heldout_overlap`` finds any; a test keeps it empty). Scores are
given overall and per source document, with the baseline on the same items beside them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score

from auditlib.classifier.baseline import KeywordBaseline
from auditlib.classifier.text import normalise_statement
from auditlib.resources import heldout_dir
from auditlib.vocabulary import LABELS

DEFAULT_HELDOUT = heldout_dir() / "heldout.csv"
HELDOUT_COLUMNS = ["item_id", "statement", "label", "field", "source"]
# A held-out sentence and a corpus statement count as near-duplicates at this cosine of
# their character 3-grams (stricter than the 0.8 of the CV groups: a paraphrase of a
# source sentence must not sit in the corpus). Items of at most three words use 0.8,
# since any statement built around the same two words reaches 0.55 with them.
OVERLAP_THRESHOLD = 0.55
OVERLAP_THRESHOLD_SHORT = 0.8


def load_heldout(path: str | Path = DEFAULT_HELDOUT) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame["document"] = frame["source"].str.split().str[0]
    return frame


def heldout_overlap(corpus_statements: list[str], heldout_statements: list[str]
                    ) -> list[tuple[int, int, float]]:
    """(held-out index, corpus index, similarity) of every near-duplicate pair."""
    texts = [normalise_statement(s) for s in [*corpus_statements, *heldout_statements]]
    vectors = TfidfVectorizer(analyzer="char", ngram_range=(3, 3), use_idf=False, binary=True,
                              lowercase=False).fit_transform(texts).tocsr()
    n = len(corpus_statements)
    similarity = (vectors[n:] @ vectors[:n].T).toarray()
    short = np.asarray([len(normalise_statement(s).split()) <= 3 for s in heldout_statements])
    limit = np.where(short, OVERLAP_THRESHOLD_SHORT, OVERLAP_THRESHOLD)[:, None] - 1e-12
    rows, cols = np.nonzero(similarity >= limit)
    return [(int(r), int(c), float(similarity[r, c])) for r, c in zip(rows, cols, strict=True)]


def _macro(truth, predicted) -> float:
    present = [label for label in LABELS if label in set(truth)]
    return float(f1_score(truth, predicted, labels=present, average="macro", zero_division=0))


def score_heldout(heldout: pd.DataFrame, predicted: list[str] | np.ndarray) -> dict:
    """Macro-F1 and per-label F1 of ``predicted``, with the baseline on the same items,
    overall and per source document (labels absent from a document are left out of its
    macro average)."""
    truth = heldout["label"].to_numpy(dtype=object)
    predicted = np.asarray(predicted, dtype=object)
    baseline = KeywordBaseline().predict(heldout["statement"].tolist())["label"].to_numpy(
        dtype=object)
    per_label = f1_score(truth, predicted, labels=list(LABELS), average=None, zero_division=0)
    base_label = f1_score(truth, baseline, labels=list(LABELS), average=None, zero_division=0)
    documents = {}
    for document, part in heldout.groupby("document", sort=True):
        index = part.index.to_numpy()
        documents[document] = {"n": int(len(part)),
                               "macro_f1": _macro(truth[index], predicted[index]),
                               "baseline_macro_f1": _macro(truth[index], baseline[index])}
    return {
        "n": int(len(heldout)),
        "macro_f1": _macro(truth, predicted),
        "baseline_macro_f1": _macro(truth, baseline),
        "accuracy": float(np.mean(truth == predicted)),
        "per_label": {label: {"f1": float(per_label[i]), "baseline_f1": float(base_label[i]),
                              "support": int(np.sum(truth == label))}
                      for i, label in enumerate(LABELS)},
        "documents": documents,
    }
