"""The audit: every active criterion on every plan, and every statement classified.

``run_audit`` is what ``auditlib audit``, ``auditlib run``, the batch and the audit
notebook call. It refuses a register with problems (validation first) and one holding an
identifier (the privacy gate second) before it touches plan text; then it splits the
free text into statements, classifies them in one batch, and runs the criteria.
``write_run`` writes the run folder of spec/cli.md, one atomic file at a time.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import io
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from auditlib import __version__
from auditlib.atomic import guard_not_input, write_text_atomic, write_with
from auditlib.criteria import Settings, Statement, active_criteria
from auditlib.criteria.base import run_criteria
from auditlib.errors import AuditInputError
from auditlib.messages import msg
from auditlib.register.columns import FREE_TEXT_COLUMNS
from auditlib.register.load import Register
from auditlib.register.prepare import prepare_register
from auditlib.rundir import (
    CRITERIA_COLUMNS,
    CRITERIA_FILE,
    PLANS_FILE,
    RUN_FILE,
    STATEMENT_COLUMNS,
    STATEMENTS_FILE,
)
from auditlib.statements import split_column

# statements.csv: the contract's columns, then the model's explanation and its runner-up
# and "uafklaret" flag (extra, last; auditlib.classifier.greyzone.unsettled_mask).
STATEMENT_FILE_COLUMNS = [*STATEMENT_COLUMNS, "explanation", "second_label",
                          "second_probability", "unsettled"]
# plans.csv holds the audited rows; these columns are always there (the feedback pages
# group by them; the quarter of discharge stands for udskrevet).
PLAN_FILE_COLUMNS = ["plan_id", "klynge", "afdeling", "kommune", "kontakttype", "niveau",
                     "kvartal"]
DEFAULT_SEED = 1


@dataclass
class AuditResult:
    criteria: pd.DataFrame  # CRITERIA_COLUMNS
    statements: pd.DataFrame  # STATEMENT_FILE_COLUMNS
    meta: dict = field(default_factory=dict)
    plans: pd.DataFrame | None = None  # the audited rows of the register


def quarter_labels(dates: pd.Series) -> pd.Series:
    """'2025-K1' for each date (K for kvartal); missing dates give <NA>."""
    dates = pd.to_datetime(dates, errors="coerce")
    years = dates.dt.year.astype("Int64").astype("string")
    quarters = dates.dt.quarter.astype("Int64").astype("string")
    return years + "-K" + quarters


def sample_plans(frame: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """``n`` plans, stratified by quarter of discharge (proportional, largest remainder),
    reproducible from ``seed``; the whole register when ``n`` is not smaller."""
    if n <= 0:
        raise AuditInputError(msg("audit_stikproeve_ugyldig", n=n))
    if n >= len(frame):
        return frame
    quarters = quarter_labels(frame["udskrevet"]).fillna("ukendt")
    sizes = quarters.value_counts().sort_index()
    exact = sizes * n / len(frame)
    take = exact.astype(int)
    remainder = (exact - take).sort_values(ascending=False, kind="stable")
    for quarter in remainder.index[: n - int(take.sum())]:
        take[quarter] += 1
    picked = []
    for quarter, count in take.items():
        if count:
            group = frame[quarters == quarter]
            picked.append(group.sample(n=int(count), random_state=seed))
    return pd.concat(picked).sort_index()


def _records(frame: pd.DataFrame, columns: list[str] | None = None) -> list[dict]:
    """The rows as dicts with None for missing values. Column-wise ``tolist`` is much
    faster than ``to_dict("records")`` on pandas' string and datetime arrays."""
    columns = list(frame.columns if columns is None else columns)
    lists = [_column(frame, column) for column in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*lists, strict=True)]


def _column(frame: pd.DataFrame, column: str) -> list:
    """One column as a Python list with None for missing values (no per-cell access
    through pandas' extension arrays)."""
    series = frame[column]
    values = series.astype(object).tolist()
    return [None if gone else value for value, gone in zip(values, series.isna().tolist(),
                                                            strict=True)]


def classify_plans(frame: pd.DataFrame, model=None, margin: float = 0.15) -> pd.DataFrame:
    """Every statement of every free-text field, classified (STATEMENT_FILE_COLUMNS)."""
    from auditlib.classifier import classify_statements

    # Each free-text column is split in one pass over its distinct texts; the rows are
    # then laid out plan by plan, field by field, as ``statements_of_plan`` gives them.
    split = [split_column(_column(frame, field)) for field in FREE_TEXT_COLUMNS]
    plan_ids, fields, numbers, texts = [], [], [], []
    for plan_id, *per_field in zip(frame["plan_id"].tolist(), *split, strict=True):
        for field_name, pieces in zip(FREE_TEXT_COLUMNS, per_field, strict=True):
            for number, text in enumerate(pieces, start=1):
                plan_ids.append(plan_id)
                fields.append(field_name)
                numbers.append(number)
                texts.append(text)
    if not texts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in STATEMENT_FILE_COLUMNS})
    # A statement's classification depends on its text and field only: each distinct
    # pair is classified once, and the rows take theirs by index.
    pairs: dict[tuple[str, str], int] = {}
    codes = np.fromiter((pairs.setdefault(pair, len(pairs))
                         for pair in zip(texts, fields, strict=True)),
                        dtype=np.int64, count=len(texts))
    distinct = pd.DataFrame({"field": [f for _, f in pairs], "statement": [t for t, _ in pairs]})
    classified = classify_statements(distinct, model=model, margin=margin)
    columns = {"plan_id": plan_ids, "field": fields, "statement_no": numbers,
               "statement": texts}
    for column in STATEMENT_FILE_COLUMNS:
        if column not in columns:
            values = classified[column].to_numpy()
            if column in ("probability", "second_probability"):
                values = values.astype(float).round(3)
            columns[column] = values[codes]
    table = pd.DataFrame(columns)
    for column in ("plan_id", "field", "statement", "label", "second_label", "explanation"):
        table[column] = table[column].astype("str")
    return table[STATEMENT_FILE_COLUMNS]


def run_audit(register: str | Path | Register, config=None, *, cluster: str | None = None,
              sample: int | None = None, seed: int | None = None, model=None) -> AuditResult:
    """Classify and run every active criterion on every plan of ``cluster``.

    ``register`` goes through ``prepare_register`` (a path, a loaded register, or one
    already prepared for this cluster): raises RegisterInvalidError (validation),
    PrivacyError (an identifier; nothing of the text is in the message), AuditInputError
    or ConfigError before any plan text is touched.
    """
    from auditlib.config import load_config

    config = config or load_config()
    started = dt.datetime.now().astimezone()
    clock = time.perf_counter()
    chosen = prepare_register(register, config, cluster)
    cluster = chosen.cluster
    criteria = active_criteria(config)
    frame = chosen.frame
    if sample is not None:
        seed = DEFAULT_SEED if seed is None else seed
        frame = sample_plans(frame, sample, seed)
    frame = frame.sort_values("plan_id", kind="stable").reset_index(drop=True)

    if model is None:
        from auditlib.classifier import load_model

        model = load_model(config.classifier.model)
    with _collector_paused():
        statements = classify_plans(frame, model, config.classifier.greyzone_margin)
        by_plan = _statements_by_plan(statements)
        for flag in ("greyzone", "unsettled"):
            statements[flag] = statements[flag].astype(bool).map({True: "true", False: "false"})

        settings = Settings(config.criteria.stated_min_words, config.criteria.timely_days,
                            config.criteria.complexity_domains)
        rows = run_criteria(criteria, _records(frame), by_plan, settings)
    criteria_table = pd.DataFrame(rows, columns=CRITERIA_COLUMNS)

    quarters = quarter_labels(frame["udskrevet"]).value_counts().sort_index()
    meta = {
        "register": chosen.source.name,
        "register_sha256": chosen.sha256,
        "n_plans": int(len(frame)),
        "n_plans_register": int(chosen.n_register),
        "cluster": cluster or _single_cluster(frame),
        "clusters": sorted(frame["klynge"].dropna().unique().tolist()),
        "sample": sample,
        "seed": seed if sample is not None else None,
        "criteria": [c.id for c in criteria],
        "model_version": _model_version(model),
        "greyzone_margin": config.classifier.greyzone_margin,
        "config": config.source,
        "package_version": __version__,
        "n_statements": int(len(statements)),
        "n_greyzone": int(statements["greyzone"].eq("true").sum()),
        "quarters": {str(q): int(n) for q, n in quarters.items()},
        "period": {"first": str(quarters.index.min()), "last": str(quarters.index.max())}
        if len(quarters) else None,
        "started": started.isoformat(timespec="seconds"),
        "ended": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - clock, 3),
    }
    return AuditResult(criteria_table, statements, meta, frame)


def _plans_csv(plans: pd.DataFrame) -> str:
    """The plans as text: dates as ISO dates, blanks empty (never 'NaT' or '<NA>')."""
    frame = plans.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    frame = frame.astype("string")
    for column in PLAN_FILE_COLUMNS:  # the columns the feedback pages group by
        if column not in frame.columns:
            frame[column] = plans_table(plans)[column].astype("string")
    return frame.fillna("").to_csv(index=False, lineterminator="\n")


def _csv_text(frame: pd.DataFrame) -> str:
    """The table as CSV text, as ``to_csv(index=False)`` writes it (blanks empty), built
    from column lists with the csv module: per-cell formatting in pandas is the slow part
    of writing a large run."""
    buffer = io.StringIO()
    _write_csv(buffer, frame)
    return buffer.getvalue()


def _write_csv(handle, frame: pd.DataFrame) -> None:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(zip(*(_csv_column(frame[column]) for column in frame.columns),
                         strict=True))


def _csv_column(series: pd.Series) -> list:
    """One column's cells for the csv module: missing values as empty text."""
    missing = series.isna()
    if not missing.any():
        return series.tolist()
    return ["" if gone else value for value, gone in zip(series.astype(object).tolist(),
                                                         missing.tolist(), strict=True)]


def _write_csv_atomic(path: Path, frame: pd.DataFrame) -> None:
    """``_csv_text`` written straight to the file (a large run's text never sits in memory
    whole), atomically."""
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            _write_csv(handle, frame)

    write_with(path, write)


def _statements_by_plan(statements: pd.DataFrame) -> dict[str, list[Statement]]:
    """The classified statements as the criteria see them, by plan_id."""
    by_plan: dict[str, list[Statement]] = {}
    for plan_id, field_name, number, text, label, probability, greyzone, explanation in zip(
            *(statements[column].tolist() for column in STATEMENT_FILE_COLUMNS[:8]),
            strict=True):
        statement = Statement(field_name, int(number), text, label, float(probability),
                              bool(greyzone), explanation)
        plan_statements = by_plan.get(plan_id)
        if plan_statements is None:
            by_plan[plan_id] = [statement]
        else:
            plan_statements.append(statement)
    return by_plan


@contextlib.contextmanager
def _collector_paused():
    """Python's cycle collector off while the audit builds its tables: a large register
    makes millions of statements, rows and outcomes, none of them in a reference cycle,
    and each full collection would walk them all again (a sixth of the audit's time at
    20,000 plans). The collector's previous state comes back afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _single_cluster(frame: pd.DataFrame) -> str | None:
    clusters = frame["klynge"].dropna().unique().tolist()
    return str(clusters[0]) if len(clusters) == 1 else None


def _model_version(model) -> str:
    from auditlib.classifier import model_version

    try:
        return model_version(model)
    except Exception:  # noqa: BLE001 - a model without metadata still audits
        return "ukendt"


def plans_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The PLAN_FILE_COLUMNS of the audited plans (a column the register lacks is blank)."""
    table = pd.DataFrame({"plan_id": frame["plan_id"].astype("string")})
    for column in PLAN_FILE_COLUMNS[1:-1]:
        table[column] = (frame[column].astype("string") if column in frame.columns
                         else pd.Series(pd.NA, index=frame.index, dtype="string"))
    table["kvartal"] = quarter_labels(frame["udskrevet"]) if "udskrevet" in frame.columns \
        else pd.NA
    return table[PLAN_FILE_COLUMNS]


def write_run(result: AuditResult, out_dir: str | Path, *, inputs: tuple = ()) -> dict[str, Path]:
    """Write criteria.csv, statements.csv, plans.csv and run.json (each atomically;
    run.json last, so a folder with a run.json is complete). plans.csv holds the audited
    rows as the audit saw them (after the privacy gate), so the meeting workbook can show
    each plan in full, criteria can be re-run on the forum's triage grades, and the
    feedback pages can group by unit and municipality (its last column: ``kvartal``)."""
    out_dir = Path(out_dir)
    paths = {"criteria": out_dir / CRITERIA_FILE, "statements": out_dir / STATEMENTS_FILE,
             "plans": out_dir / PLANS_FILE, "run": out_dir / RUN_FILE}
    for path in paths.values():
        guard_not_input(path, *inputs)
    # A folder with a run.json is a complete run: the old one goes first.
    paths["run"].unlink(missing_ok=True)
    _write_csv_atomic(paths["criteria"], result.criteria)
    _write_csv_atomic(paths["statements"], result.statements)
    if result.plans is not None:
        write_text_atomic(paths["plans"], _plans_csv(result.plans))
    else:
        paths.pop("plans")
    write_text_atomic(paths["run"], json.dumps(result.meta, ensure_ascii=False, indent=2) + "\n")
    return paths


__all__ = ["AuditInputError", "AuditResult", "DEFAULT_SEED", "PLANS_FILE", "PLAN_FILE_COLUMNS",
           "STATEMENT_FILE_COLUMNS", "classify_plans", "plans_table", "quarter_labels",
           "run_audit", "sample_plans",
           "write_run"]
