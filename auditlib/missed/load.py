"""Loading a missed-plans register into one normalised table, with every problem found.

The same three forms as the plan register (``auditlib.register.read``), the same value
conversions (``auditlib.register.normalise``) and the same report shape; only the columns
differ (``auditlib.missed.columns``). An unknown column close to a contract name is a
problem that names the intended column.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from auditlib.errors import RegisterInvalidError, RegisterUnusableError
from auditlib.messages import join_allowed, msg
from auditlib.missed.columns import (
    ASSESSOR_KEYS,
    ASSESSOR_SYNONYMS,
    COLUMN_BY_NAME,
    COLUMN_NAMES,
    DATE_COLUMNS,
    ID_COLUMN,
    PLAN_REGISTER_MARKERS,
    REQUIRED_COLUMNS,
)
from auditlib.register.load import (
    Register,
    checksum,
    convert_cells,
    misspelt_columns,
    typed_frame,
)
from auditlib.register.normalise import CONVERTERS as PLAN_CONVERTERS
from auditlib.register.normalise import Invalid, convert_with, to_text
from auditlib.register.problems import Problem
from auditlib.register.read import RawTable, read_raw
from auditlib.text import fold_name

# The plan register's messages that name plan_id, in this register's own words.
OWN_KEYS = {"plan_id_format": "mu_id_format"}
_QUARTER_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})_?[kq](?P<q>[1-4])$"),
    re.compile(r"^[kq](?P<q>[1-4])_?(?P<year>\d{4})$"),
    re.compile(r"^(?P<q>[1-4])_kvartal_(?P<year>\d{4})$"),
    re.compile(r"^(?P<year>\d{4})_(?P<q>[1-4])$"),
)


@dataclass(frozen=True)
class DischargeProblem(Problem):
    """A problem located by the discharge's id (kept in ``plan_id``) or its row."""

    def where(self) -> str:
        if not self.plan_id:
            return super().where()
        where = msg("mu_sted_udskrivning", id=self.plan_id)
        if self.row is not None:
            where += f" ({msg('sted_raekke', row=self.row)})"
        elif self.file:
            where += f" ({msg('sted_fil', file=self.file)})"
        return where

    def as_row(self) -> dict[str, str]:
        row = super().as_row()
        return {ID_COLUMN: row["plan_id"], "column": row["column"], "problem": row["problem"]}


@dataclass
class MissedRegister(Register):
    """A loaded missed-plans register (``frame`` one row per discharge without a plan).

    ``rows``: the spreadsheet row of each frame row (None for a Markdown file)."""

    rows: list = field(default_factory=list)
    # Discharges in the whole register, when ``frame`` holds one cluster's.
    n_register: int | None = None

    def raise_if_invalid(self) -> None:
        if self.problems:
            raise RegisterInvalidError(
                msg("mu_rapport_problemer", name=self.name, count=len(self.problems),
                    n=len(self.frame)),
                problems=self.problems)


def convert_quarter(value: object) -> str:
    """'2025-K1' from 2025-K1, 2025K1, K1 2025, 2025-Q1, '1. kvartal 2025' …; raises Invalid."""
    key = fold_name(to_text(value))
    for pattern in _QUARTER_PATTERNS:
        match = pattern.match(key)
        if match:
            return f"{match.group('year')}-K{match.group('q')}"
    raise Invalid("mu_kvartal_ugyldig")


def convert_assessors(value: object) -> str:
    """One or more assessors, ';'-separated in contract spelling; raises Invalid."""
    keys: list[str] = []
    for token in re.split(r"[;,/+]|\bog\b", to_text(value)):
        if not token.strip():
            continue
        key = ASSESSOR_SYNONYMS.get(fold_name(token))
        if key is None:
            raise Invalid("kategori_ukendt", allowed=join_allowed(ASSESSOR_KEYS))
        if key not in keys:
            keys.append(key)
    if not keys:
        raise Invalid("kategori_ukendt", allowed=join_allowed(ASSESSOR_KEYS))
    return "; ".join(sorted(keys, key=ASSESSOR_KEYS.index))


def _convert_quarter(column: object, value: object, allow_serial: bool) -> str:
    return quarter_of(value) if isinstance(value, dt.date) else convert_quarter(value)


# The plan register's converters plus the kinds only this register has.
CONVERTERS = {**PLAN_CONVERTERS, "quarter": _convert_quarter,
              "assessors": lambda column, value, allow_serial: convert_assessors(value)}


def convert_value(column_name: str, value: object, *, allow_serial: bool) -> object:
    """Convert one non-blank cell of ``column_name``; raises Invalid."""
    return convert_with(CONVERTERS, COLUMN_BY_NAME.get(column_name), value,
                        allow_serial=allow_serial)


def quarter_of(date: dt.date) -> str:
    return f"{date.year}-K{(date.month - 1) // 3 + 1}"


def _header_problems(table: RawTable, path: Path) -> list[Problem]:
    """Misspelt columns (as the plan register names them); a missing required column or a
    plan register given here makes the file unusable."""
    misspelt = misspelt_columns(table.columns, COLUMN_NAMES)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        if all(m in table.columns for m in PLAN_REGISTER_MARKERS):
            raise RegisterUnusableError(msg("mu_er_planregister", name=path.name))
        raise RegisterUnusableError(
            msg("mu_rapport_ubrugelig", name=path.name),
            problems=[DischargeProblem(c, msg("mu_kolonne_mangler", column=c))
                      for c in missing] + misspelt)
    return misspelt


def _schema() -> pa.DataFrameSchema:
    """Structural rules on the normalised table (message keys as check names)."""

    def nonblank(name: str) -> pa.Check:
        return pa.Check(lambda s: s.notna(), name=name, ignore_na=False)

    return pa.DataFrameSchema(
        {ID_COLUMN: pa.Column(nullable=True, checks=[nonblank("mu_id_tom")]),
         "klynge": pa.Column(nullable=True, checks=[nonblank("paakraevet_tom")])})


def load_missed_register(path: str | Path) -> MissedRegister:
    """Load ``path`` and return the missed-plans register with all its problems.

    Raises RegisterUnusableError when the file cannot be used at all (wrong type,
    corrupt, empty, a required column missing, or a plan register given instead).
    """
    path = Path(path)
    table = read_raw(path)
    header_problems = _header_problems(table, path)
    extra = [c for c in table.columns if c not in COLUMN_BY_NAME]
    if not table.rows and not table.problems:
        raise RegisterUnusableError(msg("mu_ingen_udskrivninger"))

    allow_serial = path.suffix.lower() in (".xlsx", ".xlsm")
    columns = list(COLUMN_NAMES) + extra
    data, invalid = convert_cells(table.rows, columns, convert_value, allow_serial)
    bad = [(i, col, msg(OWN_KEYS.get(error.key, error.key), column=col, **error.values))
           for i, col, error in invalid]
    frame = pd.DataFrame(data, columns=columns)

    def locate(i: int, column: str, message: str) -> Problem:
        row, file = table.locations[i]
        ident = None if column == ID_COLUMN else _given(frame.at[i, ID_COLUMN])
        return DischargeProblem(column, message, plan_id=ident, row=row, file=file, index=i)

    problems: list[Problem] = [*table.problems, *header_problems]
    problems += [locate(i, col, text) for i, col, text in bad]
    failed = {(i, col) for i, col, _ in bad}
    problems += [p for p, i in _structural_problems(frame, locate) if (i, p.column) not in failed]
    frame = _typed(frame)
    rank = {c: n for n, c in enumerate(frame.columns)}
    problems.sort(key=lambda p: (p.row if p.row is not None else 0, p.file or "",
                                 rank.get(p.column, -1), p.column))
    return MissedRegister(frame, problems, path, checksum(path), extra,
                          rows=[row for row, _ in table.locations])


def _structural_problems(frame: pd.DataFrame, locate) -> list[tuple[Problem, int]]:
    found: list[tuple[Problem, int]] = []
    if frame.empty:
        return found
    ids = frame[ID_COLUMN]
    for i in frame.index[ids.notna() & ids.duplicated(keep=False)]:
        found.append((locate(i, ID_COLUMN, msg("mu_id_dublet")), i))
    try:
        _schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        for case in errors.failure_cases.itertuples(index=False):
            if pd.isna(case.index):
                continue
            key = case.check if case.check in ("mu_id_tom", "paakraevet_tom") else "paakraevet_tom"
            found.append((locate(int(case.index), str(case.column), msg(key)), int(case.index)))
    for i, (date, quarter) in enumerate(zip(frame["udskrevet"], frame["kvartal"], strict=True)):
        date, quarter = _given(date), _given(quarter)
        if date is None and quarter is None:
            found.append((locate(i, "kvartal", msg("mu_kvartal_mangler")), i))
        elif date is not None and quarter is not None and quarter_of(date) != quarter:
            found.append((locate(i, "kvartal", msg("mu_kvartal_uenig")), i))
    return found


def _given(value: object) -> object:
    """``value``, or None for the blanks pandas may have turned into NaN or <NA>."""
    return None if value is None or (not isinstance(value, (str, dt.date)) and pd.isna(value)) \
        else value


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as datetime64, a blank quarter filled from the discharge date, the rest text."""
    quarters = []
    for date, quarter in zip(frame["udskrevet"], frame["kvartal"], strict=True):
        date, quarter = _given(date), _given(quarter)
        quarters.append(quarter if quarter is not None
                        else (quarter_of(date) if date is not None else None))
    return typed_frame(frame.assign(kvartal=quarters), DATE_COLUMNS)


def load_valid_missed_register(path: str | Path) -> MissedRegister:
    """Load ``path`` and raise RegisterInvalidError unless it has no problems."""
    register = load_missed_register(path)
    register.raise_if_invalid()
    return register


def select_cluster(register: MissedRegister, cluster: str | None) -> MissedRegister:
    """The discharges of one cluster (matched regardless of case, spacing and æøå spelling)
    with the problems that concern them; the whole register when ``cluster`` is empty."""
    from auditlib.errors import AuditInputError
    from auditlib.register.prepare import problems_of
    from auditlib.text import same_name

    if not cluster:
        return register
    clusters = register.frame["klynge"].astype(object).tolist()
    positions = [i for i, name in enumerate(clusters)
                 if isinstance(name, str) and same_name(name, cluster)]
    if not positions:
        known = sorted({c for c in clusters if isinstance(c, str)})
        raise AuditInputError(msg("mu_ukendt_klynge", cluster=cluster,
                                  known=", ".join(known) or "ingen"))
    return dataclasses.replace(
        register, frame=register.frame.iloc[positions].reset_index(drop=True),
        problems=problems_of(register, positions),
        rows=[register.rows[i] for i in positions] if register.rows else [],
        n_register=len(register.frame))


def prepare_missed_register(source, config=None, cluster: str | None = None, *,
                            gate: bool = True) -> MissedRegister:
    """The one way in for everything that uses a missed-plans register (CLI, notebook):
    load ``source`` (a path or a loaded register), keep ``cluster``'s discharges, then
    raise on the first layer that fails:

    - RegisterUnusableError: the file cannot be read at all;
    - AuditInputError: no discharge belongs to ``cluster``;
    - PrivacyError: a kept discharge holds a suspected identifier (never the value) —
      the gate runs before the rows are used for anything;
    - RegisterInvalidError: a kept discharge breaks the contract (every problem listed).
    """
    from auditlib.config import load_config
    from auditlib.register.report import problems_text

    config = config or load_config()
    register = source if isinstance(source, MissedRegister) else load_missed_register(source)
    chosen = select_cluster(register, cluster)
    if gate:
        from auditlib.missed.audit import guard_missed_register

        guard_missed_register(chosen, config, cluster=cluster)
    if chosen.problems:
        raise RegisterInvalidError(
            msg("mu_rapport_problemer", name=chosen.name, count=len(chosen.problems),
                n=len(chosen.frame)) + "\n" + problems_text(chosen.problems),
            problems=chosen.problems, listed=True)
    return chosen


__all__ = ["DischargeProblem", "MissedRegister", "convert_quarter",
           "load_missed_register", "load_valid_missed_register", "prepare_missed_register",
           "quarter_of", "select_cluster"]
