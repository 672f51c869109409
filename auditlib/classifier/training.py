"""Retraining the grey-zone model: the sequence ``auditlib train`` and a notebook share.

``retrain`` loads the corpus and the forum's decisions, cross-validates (grouped), scores
the held-out sentences from the sources, trains the final model, saves it and the numbers.
``influential_features`` lists, per label, the characteristic words with the largest
weights, in the words a forum member reads (a stem is shown as the most frequent corpus
word it comes from; a marker as its law or actor).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from auditlib.atomic import write_text_atomic
from auditlib.classifier.corpus import DEFAULT_CORPUS, load_corpus, load_decisions, merge_decisions
from auditlib.classifier.evaluate import evaluate, near_duplicate_groups
from auditlib.classifier.heldout import DEFAULT_HELDOUT, load_heldout, score_heldout
from auditlib.classifier.lexicon import DISPLAY as LEXICON_DISPLAY
from auditlib.classifier.model import (
    DEFAULT_MODEL_PATH,
    DISPLAY_STOPWORDS,
    GreyzoneModel,
    analyse,
    fold_statement,
    model_version,
    save_model,
    train_model,
)
from auditlib.classifier.text import fold_token, strip_edge_punctuation
from auditlib.messages import msg

Progress = Callable[[str], None]


@dataclass
class TrainingResult:
    model: GreyzoneModel
    data: pd.DataFrame  # the rows trained on (corpus plus decisions)
    n_corpus: int
    n_decisions: int
    replaced: int  # corpus rows a decision replaced
    report: dict | None  # cross-validation and held-out numbers (None with evaluate=False)
    train_seconds: float


def retrain(corpus_dir: str | Path | None = None, decisions: tuple[Path, ...] = (), *,
            out: str | Path | None = None, results: str | Path | None = None,
            run_evaluation: bool = True, margin: float = 0.15,
            heldout: str | Path | None = DEFAULT_HELDOUT,
            progress: Progress | None = None) -> TrainingResult:
    """Train, evaluate and save; ``progress`` receives Danish progress lines."""
    say = progress or (lambda _text: None)
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else DEFAULT_CORPUS
    corpus = load_corpus(corpus_dir)
    say(msg("klassifikation_laeser_korpus", n=len(corpus), path=corpus_dir))
    data, n_decisions = corpus, 0
    if decisions:
        decided = load_decisions(decisions)
        data = merge_decisions(corpus, decided)
        n_decisions = len(decided)
        say(msg("klassifikation_laeser_beslutninger", n=len(decided), files=len(decisions),
                replaced=len(corpus) + len(decided) - len(data)))
    report = None
    if run_evaluation:
        groups = near_duplicate_groups(data["statement"].tolist())
        sizes = np.bincount(groups)
        say(msg("klassifikation_krydsvaliderer", folds=5, in_groups=int(sizes[sizes > 1].sum()),
                groups=int((sizes > 1).sum())))
        report = evaluate(data, margin=margin, groups=groups, progress=lambda fold, folds: say(
            msg("klassifikation_fold", fold=fold, folds=folds)))
    say(msg("klassifikation_traener", n=len(data)))
    started = time.perf_counter()
    model = train_model(data, margin=margin)
    seconds = time.perf_counter() - started
    if report is not None:
        report.update({"train_seconds": round(seconds, 2), "model_version": model_version(model),
                       "n_decisions": int(model.metadata["n_decisions"]),
                       "temperature": model.temperature,
                       "short_penalty": model.short_penalty})
        if heldout is not None and Path(heldout).is_file():
            report["heldout"] = heldout_report(model, load_heldout(heldout))
            report["cv_minus_heldout"] = report["macro_f1"] - report["heldout"]["macro_f1"]
        if results is not None:
            write_text_atomic(Path(results),
                              json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    save_model(model, out or DEFAULT_MODEL_PATH)
    return TrainingResult(model, data, len(corpus), n_decisions,
                          len(corpus) + n_decisions - len(data), report, seconds)


def heldout_report(model: GreyzoneModel, heldout: pd.DataFrame) -> dict:
    """``score_heldout`` of the model, plus its calibration and unsettled share there."""
    from auditlib.classifier.evaluate import _calibration
    from auditlib.classifier.greyzone import UNSETTLED_BELOW

    predicted = model.predict(heldout["statement"].tolist(), heldout["field"].tolist())
    scores = score_heldout(heldout, predicted["label"].to_numpy(dtype=object))
    truth = heldout["label"].to_numpy(dtype=object)
    scores["calibration"] = _calibration(truth, predicted["label"].to_numpy(dtype=object),
                                         predicted["probability"].to_numpy())
    scores["share_below_unsettled"] = float(
        (predicted["probability"] < UNSETTLED_BELOW).mean())
    return scores


# A word is shown for a label only when it is characteristic of it: it occurs in at least
# CHARACTERISTIC_MIN_STATEMENTS training statements, and at least CHARACTERISTIC_SHARE of
# them carry the label. A rare word ("billigere") can get a large weight from one or two
# statements, and a word of every sector ("giver", "plan") from the mix around it; neither
# tells the forum what the label is about.
CHARACTERISTIC_MIN_STATEMENTS = 5
CHARACTERISTIC_SHARE = 0.5


def influential_features(model: GreyzoneModel, corpus: pd.DataFrame | None = None,
                         n: int = 20) -> dict[str, list[str]]:
    """Per label, the ``n`` word features (unigrams, markers) with the largest weight among
    the words characteristic of the label (see ``CHARACTERISTIC_SHARE``).

    Character n-grams are left out (a forum member cannot read "aen") as are function
    words. A stem is shown as the corpus word it most often comes from ("træning" for
    "traening"), so the list reads as Danish.
    """
    corpus = corpus if corpus is not None else load_corpus()
    words = model.pipeline.named_steps["features"].transformer_list[0][1]
    terms = np.empty(len(words.vocabulary_), dtype=object)
    for term, index in words.vocabulary_.items():
        terms[index] = term
    written = _written_forms(model, corpus)
    fields = (corpus["field"].astype("str").tolist() if "field" in corpus.columns
              else [None] * len(corpus))
    present = words.transform([fold_statement(s, model.settings, f) for s, f in
                               zip(corpus["statement"].astype("str"), fields, strict=True)])
    present = (present > 0).astype(np.float64).tocsc()
    statements_with = np.asarray(present.sum(axis=0)).ravel()
    truth = corpus["label"].astype("str").to_numpy(dtype=object)
    coef = model.features.coef[:, : len(terms)]
    result = {}
    for row, label in enumerate(model.labels):
        with_label = np.asarray(present[truth == label].sum(axis=0)).ravel()
        characteristic = ((statements_with >= CHARACTERISTIC_MIN_STATEMENTS)
                          & (with_label >= CHARACTERISTIC_SHARE * statements_with))
        shown = []
        for index in np.argsort(-coef[row]):
            term = str(terms[index])
            if coef[row, index] <= 0 or len(shown) >= n:
                break
            if (not characteristic[index] or " " in term or term in DISPLAY_STOPWORDS
                    or not any(c.isalpha() for c in term)):
                continue
            word = LEXICON_DISPLAY.get(term) or written.get(term, term)
            if fold_token(word) in DISPLAY_STOPWORDS:
                continue
            shown.append(word)
        result[label] = shown
    return result


def _written_forms(model: GreyzoneModel, corpus: pd.DataFrame) -> dict[str, str]:
    """Analysed term -> the way it is most often written in the corpus (lower case)."""
    counts: dict[str, Counter] = {}
    for statement in corpus["statement"]:
        for token in str(statement).split():
            word = strip_edge_punctuation(token).lower()
            term = analyse(word, model.settings)
            if term and " " not in term and fold_token(word):
                counts.setdefault(term, Counter())[word] += 1
    return {term: counter.most_common(1)[0][0] for term, counter in counts.items()}
