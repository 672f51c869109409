"""The labelled statements the classifier learns from, and the forum's decisions.

The corpus is ``data/statements/*.csv`` (columns ``statement_id, statement, label, field,
borderline``), written for this project (see ``data/statements/README.md``). The forum's
decisions on grey-zone statements (``decisions.csv`` of a run folder, kind ``udsagn``)
are training data too, and they override a corpus row with the same statement text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from auditlib.classifier.text import normalise_statement
from auditlib.errors import ModelError, ReviewError
from auditlib.messages import msg
from auditlib.register.columns import COLUMN_NAMES
from auditlib.resources import corpus_dir
from auditlib.rundir import DECISION_COLUMNS, DECISIONS_FILE
from auditlib.vocabulary import LABEL_TITLES, LABELS

DEFAULT_CORPUS = corpus_dir()
CORPUS_FILE_COLUMNS = ["statement_id", "statement", "label", "field", "borderline"]
TRAINING_COLUMNS = ["statement", "label", "field", "borderline", "source", "origin"]
# Who wrote a row and in which voice ("v2: skrevet som kommunal terapeut"); optional in a
# corpus file, so that a forum's own corpus without it still loads.
ORIGIN_COLUMN = "origin"
CORPUS_SOURCE = "korpus"
DECISION_SOURCE = "beslutning"

_TRUE = {"true", "1", "ja", "yes", "sand"}
_FALSE = {"false", "0", "nej", "no", "falsk", ""}
# Labels as the forum may type them in the review workbook: the id or the Danish title.
_LABEL_SPELLINGS = {label: label for label in LABELS} | {
    title.lower(): label for label, title in LABEL_TITLES.items()}


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ModelError(msg("klassifikation_korpus_ulaeselig", path=path)) from exc


def load_corpus(folder: str | Path = DEFAULT_CORPUS) -> pd.DataFrame:
    """Every labelled statement in ``folder/*.csv``, checked.

    Returns the columns ``statement, label, field, borderline, source``; ``source`` is
    ``korpus:<file>#<statement_id>`` so every row can be traced to its file.
    Raises ModelError listing every bad row (file, row, column: never the text).
    """
    folder = Path(folder)
    files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
    if not files:
        raise ModelError(msg("klassifikation_korpus_mangler", path=folder))
    frames, problems = [], []
    for path in files:
        frame = _read_csv(path)
        missing = [c for c in CORPUS_FILE_COLUMNS if c not in frame.columns]
        if missing:
            raise ModelError(msg("klassifikation_korpus_kolonner", file=path.name,
                                 columns=", ".join(missing)))
        for number, row in enumerate(frame.itertuples(index=False), start=2):
            if not str(row.statement).strip():
                problems.append(msg("klassifikation_korpus_tom", file=path.name, row=number))
            if row.label not in LABELS:
                problems.append(msg("klassifikation_korpus_label", file=path.name, row=number,
                                    labels=", ".join(LABELS)))
            if str(row.borderline).strip().lower() not in _TRUE | _FALSE:
                problems.append(msg("klassifikation_korpus_borderline", file=path.name,
                                    row=number))
            if row.field and row.field not in COLUMN_NAMES:
                problems.append(msg("klassifikation_korpus_felt", file=path.name, row=number))
        if ORIGIN_COLUMN not in frame.columns:
            frame[ORIGIN_COLUMN] = ""
        frame = frame.assign(
            source=CORPUS_SOURCE + ":" + path.name + "#" + frame["statement_id"].astype(str))
        frames.append(frame)
    if problems:
        raise ModelError(msg("klassifikation_korpus_fejl", count=len(problems)), problems=problems)
    corpus = pd.concat(frames, ignore_index=True)
    corpus["statement"] = corpus["statement"].str.strip()
    corpus["borderline"] = corpus["borderline"].str.strip().str.lower().isin(_TRUE)
    return corpus[TRAINING_COLUMNS].reset_index(drop=True)


def _decision_files(paths: Iterable[str | Path]) -> list[Path]:
    files = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            path = path / DECISIONS_FILE
        if not path.is_file():
            raise ModelError(msg("klassifikation_beslutninger_mangler", path=path))
        files.append(path)
    return files


def load_decisions(paths: Iterable[str | Path]) -> pd.DataFrame:
    """The forum's statement decisions as training rows (same columns as the corpus).

    ``paths`` are ``decisions.csv`` files or run folders holding one. Rows of kind
    ``udsagn`` with a non-empty ``decision`` count; the decision must be a label (its id
    or Danish title). A later file wins over an earlier one for the same statement.
    """
    frames, problems = [], []
    for path in _decision_files(paths):
        frame = _read_csv(path)
        missing = [c for c in ("kind", "statement", "decision", "field") if c not in frame.columns]
        if missing:
            raise ModelError(msg("klassifikation_beslutninger_kolonner", file=path.name,
                                 columns=", ".join(missing)))
        for column in DECISION_COLUMNS:
            if column not in frame.columns:
                frame[column] = ""
        chosen = frame[frame["kind"].str.strip().str.lower().eq("udsagn")
                       & frame["decision"].str.strip().ne("")]
        labels = chosen["decision"].str.strip().str.lower().map(_LABEL_SPELLINGS)
        for row_no, plan_id in zip(chosen.index[labels.isna()] + 2,
                                   chosen.loc[labels.isna(), "plan_id"], strict=True):
            problems.append(msg("klassifikation_beslutning_ukendt", file=path.name, row=row_no,
                                plan_id=plan_id, labels=", ".join(LABELS)))
        chosen = chosen.assign(label=labels)[labels.notna()]
        frames.append(pd.DataFrame({
            "statement": chosen["statement"].str.strip(),
            "label": chosen["label"],
            "field": chosen["field"],
            # A statement the forum had to decide sits on a boundary by definition.
            "borderline": True,
            "origin": "forummets beslutning",
            "source": (DECISION_SOURCE + ":" + str(path) + "#" + chosen["plan_id"] + "/"
                       + chosen["field"] + "/" + chosen["statement_no"]),
        }))
    if problems:
        raise ReviewError(msg("klassifikation_beslutninger_fejl", count=len(problems)),
                          problems=problems)
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="bool" if c == "borderline" else "str")
                             for c in TRAINING_COLUMNS})
    decisions = pd.concat(frames, ignore_index=True)
    decisions = decisions[decisions["statement"].ne("")]
    keys = decisions["statement"].map(normalise_statement)
    return decisions[~keys.duplicated(keep="last")].reset_index(drop=True)


def merge_decisions(corpus: pd.DataFrame, decisions: pd.DataFrame | None) -> pd.DataFrame:
    """Corpus plus decisions; a decision replaces every corpus row with the same text."""
    if decisions is None or decisions.empty:
        return corpus.reset_index(drop=True)
    decided = set(decisions["statement"].map(normalise_statement))
    kept = corpus[~corpus["statement"].map(normalise_statement).isin(decided)]
    decisions = decisions.reindex(columns=TRAINING_COLUMNS, fill_value="")
    return pd.concat([kept.reindex(columns=TRAINING_COLUMNS, fill_value=""), decisions],
                     ignore_index=True)


def training_fingerprint(data: pd.DataFrame) -> str:
    """sha256 over the training rows (text and label), independent of file order."""
    rows = sorted(f"{s}\t{label}" for s, label in zip(data["statement"], data["label"],
                                                      strict=True))
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()
