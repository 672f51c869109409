"""Nested, grouped cross-validation for the classifier's regularisation strength C.

The outer 5 folds measure; inside each outer training part, a grouped 3-fold CV picks C
from a small grid by log loss (log loss rewards both right labels and honest
probabilities, and the grey-zone rule reads the probabilities). The outer score is then
an honest estimate of "tune C, then train", and the C chosen most often is the package
default (``ModelSettings.C``). Prints the outer macro-F1 and the chosen C per fold, and
writes ``benchmarks/results/classifier_tuning.json``.
Run: python benchmarks/tune_classifier.py
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, log_loss
from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlib.classifier.corpus import load_corpus  # noqa: E402
from auditlib.classifier.evaluate import near_duplicate_groups  # noqa: E402
from auditlib.classifier.model import DEFAULT_SETTINGS, train_model  # noqa: E402
from auditlib.vocabulary import LABELS  # noqa: E402

GRID = (10.0, 30.0, 100.0, 300.0, 1000.0)
RESULTS = Path(__file__).resolve().parent / "results" / "classifier_tuning.json"


def _inner_log_loss(data, groups, C: float) -> float:
    splitter = StratifiedGroupKFold(n_splits=3, shuffle=True, random_state=1)
    losses = []
    for train, test in splitter.split(data["statement"], data["label"], groups):
        model = train_model(data.iloc[train], replace(DEFAULT_SETTINGS, C=C))
        proba = model.predict_proba(data["statement"].iloc[test].tolist())
        losses.append(log_loss(data["label"].iloc[test], proba, labels=model.labels))
    return float(np.mean(losses))


def main() -> None:
    started = time.perf_counter()
    data = load_corpus()
    groups = near_duplicate_groups(data["statement"].tolist())
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
    folds, truth, predicted = [], [], []
    for number, (train, test) in enumerate(outer.split(data["statement"], data["label"], groups),
                                           start=1):
        part = data.iloc[train].reset_index(drop=True)
        losses = {C: _inner_log_loss(part, groups[train], C) for C in GRID}
        best = min(losses, key=losses.get)
        model = train_model(part, replace(DEFAULT_SETTINGS, C=best))
        result = model.predict(data["statement"].iloc[test].tolist())
        fold_f1 = f1_score(data["label"].iloc[test], result["label"], labels=list(LABELS),
                           average="macro")
        folds.append({"fold": number, "chosen_C": best, "inner_log_loss": losses,
                      "macro_f1": float(fold_f1)})
        truth += data["label"].iloc[test].tolist()
        predicted += result["label"].tolist()
        print(f"fold {number}: C={best:g} (inner log loss "
              + ", ".join(f"{c:g}: {v:.3f}" for c, v in losses.items())
              + f"), outer macro-F1 {fold_f1:.3f}")
    macro = f1_score(truth, predicted, labels=list(LABELS), average="macro")
    chosen = Counter(f["chosen_C"] for f in folds).most_common(1)[0][0]
    summary = {"grid": list(GRID), "folds": folds, "nested_macro_f1": float(macro),
               "most_chosen_C": chosen, "default_C": DEFAULT_SETTINGS.C, "n": len(data),
               "seconds": round(time.perf_counter() - started, 1)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"nested grouped CV macro-F1: {macro:.3f}; C chosen most often: {chosen:g} "
          f"(package default {DEFAULT_SETTINGS.C:g}); {summary['seconds']} s")


if __name__ == "__main__":
    main()
