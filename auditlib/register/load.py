"""Loading a plan register into one normalised pandas table.

``load_register`` reads any of the three forms, converts every value to the
contract's canonical form, and collects *every* problem (it never stops at
the first). Structural rules (required columns, unique plan_id, date order)
are declared as a pandera schema and run lazily.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from auditlib.errors import RegisterInvalidError, RegisterUnusableError
from auditlib.messages import msg
from auditlib.register.columns import (
    COLUMN_BY_NAME,
    COLUMN_NAMES,
    DATE_COLUMNS,
    REQUIRED_COLUMNS,
)
from auditlib.register.normalise import Invalid, convert_value, invalid_message
from auditlib.register.problems import Problem
from auditlib.register.read import RawTable, read_raw
from auditlib.text import is_blank


@dataclass
class Register:
    """A loaded register: the normalised table and every problem found."""

    frame: pd.DataFrame
    problems: list[Problem]
    source: Path
    sha256: str
    extra_columns: list[str] = field(default_factory=list)
    # Plans whose blank klynge was filled from kommune by the cluster map, and the map's file.
    filled_clusters: int = 0
    cluster_map_source: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        return self.source.name

    def raise_if_invalid(self) -> None:
        if self.problems:
            raise RegisterInvalidError(
                msg("rapport_problemer", name=self.name, count=len(self.problems),
                    n=len(self.frame)),
                problems=self.problems,
            )


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(path.glob("*.md")) if path.is_dir() else [path]
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _schema() -> pa.DataFrameSchema:
    """Structural rules on the normalised table (message keys as check names)."""

    def nonblank(name: str) -> pa.Check:
        return pa.Check(lambda s: s.notna(), name=name, ignore_na=False)

    order = pa.Check(
        lambda df: ~(df["udskrevet"] < df["kontakt_start"]).fillna(False),
        name="dato_orden_udskrevet",
    )
    return pa.DataFrameSchema(
        {
            "plan_id": pa.Column(object, nullable=True, checks=[nonblank("plan_id_tom")]),
            "klynge": pa.Column(object, nullable=True, checks=[nonblank("paakraevet_tom")]),
            "udskrevet": pa.Column(nullable=True, checks=[nonblank("paakraevet_tom")]),
            "niveau": pa.Column(nullable=True),
        },
        checks=[order],
    )


def _locate(table: RawTable, frame: pd.DataFrame, index: int, column: str, message: str,
            prefer_row: bool = False) -> Problem:
    row, file = table.locations[index]
    plan_id = frame.at[index, "plan_id"] if "plan_id" in frame.columns else None
    if prefer_row or plan_id is None or pd.isna(plan_id) or _identifying(str(plan_id)):
        plan_id = None  # named by its row instead (privacy.md: never echo a flagged plan_id)
    return Problem(column, message, plan_id=plan_id, row=row, file=file, index=index)


@lru_cache(maxsize=4096)
def _identifying(plan_id: str) -> bool:
    """True when the plan_id itself looks like a direct identifier (a CPR number typed as
    the key, say): problems then name the row, so the value is never printed."""
    from auditlib.privacy import scan_text

    return bool(scan_text(plan_id))


def load_register(path: str | Path, cluster_map=None) -> Register:
    """Load ``path`` and return the register with all its problems.

    A blank ``klynge`` is filled from ``kommune`` by ``cluster_map`` (default: the packaged
    map, auditlib/klynger.yaml); a municipality the map does not know stays as it is.

    Raises RegisterUnusableError when the file cannot be used at all
    (wrong type, corrupt, empty, missing required columns).
    """
    path = Path(path)
    table = read_raw(path)
    misspelt = misspelt_columns(table.columns)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing and not (table.problems and not table.rows):
        raise RegisterUnusableError(
            msg("rapport_ubrugelig", name=path.name),
            problems=[Problem(c, msg("kolonne_mangler", column=c)) for c in missing]
            + misspelt,
        )
    if not table.rows and not table.problems:
        raise RegisterUnusableError(msg("ingen_planer"))

    allow_serial = path.suffix.lower() in (".xlsx", ".xlsm")
    misspelt_names = {p.column for p in misspelt}
    extra = [c for c in table.columns if c not in COLUMN_BY_NAME]
    columns = list(COLUMN_NAMES) + extra
    problems: list[Problem] = list(table.problems) + misspelt
    data, invalid = convert_cells(table.rows, columns, convert_value, allow_serial)
    cell_problems = [(i, col, invalid_message(col, error)) for i, col, error in invalid]

    frame = pd.DataFrame(data, columns=columns)
    frame, filled = _fill_clusters(frame, cluster_map)
    for i, col, message in cell_problems:
        problems.append(_locate(table, frame, i, col, message, prefer_row=col == "plan_id"))
    converted_badly = {(i, col) for i, col, _ in cell_problems}
    problems.extend(p for p, i in _structural_problems(table, frame)
                    if (i, p.column) not in converted_badly)
    frame = typed_frame(frame)
    problems.sort(key=_problem_order(table, frame))
    return Register(frame, problems, path, checksum(path),
                    [c for c in extra if c not in misspelt_names], *filled)


def _fill_clusters(frame: pd.DataFrame, cluster_map) -> tuple[pd.DataFrame, tuple[int, str]]:
    """A blank klynge from the cluster map's cluster of kommune (data-contract.md)."""
    from auditlib.clusters import load_cluster_map

    blank = frame["klynge"].isna()
    if not blank.any():
        return frame, (0, "")
    cluster_map = cluster_map or load_cluster_map()
    found = frame.loc[blank, "kommune"].map(cluster_map.cluster_of)
    found = found[found.notna()]
    frame = frame.copy()
    frame.loc[found.index, "klynge"] = found
    return frame, (len(found), Path(cluster_map.source).name if len(found) else "")


def convert_cells(rows: list[dict], columns: list[str], convert, allow_serial: bool
                  ) -> tuple[dict[str, list[object]], list[tuple[int, str, Invalid]]]:
    """Every cell converted to its canonical form, column by column (None for blanks and for
    values that cannot be converted), and the (row index, column, Invalid) of the latter.

    Each distinct raw value is converted once: registers repeat categories, units and dates.
    ``convert(column, value, allow_serial=...)`` raises Invalid for a value it refuses.
    """
    data: dict[str, list[object]] = {c: [] for c in columns}
    invalid: list[tuple[int, str, Invalid]] = []
    cache: dict[tuple[str, object], object] = {}
    for i, row in enumerate(rows):
        for col in columns:
            value = row.get(col)
            if is_blank(value):
                data[col].append(None)
                continue
            key = (col, value if not isinstance(value, (list, dict)) else repr(value))
            if key not in cache:
                try:
                    cache[key] = convert(col, value, allow_serial=allow_serial)
                except Invalid as error:
                    cache[key] = error
            converted = cache[key]
            if isinstance(converted, Invalid):
                invalid.append((i, col, converted))
                data[col].append(None)
            else:
                data[col].append(converted)
    return data, invalid


# An extra column this close to a contract name is taken for a typo of it (difflib's ratio:
# "helhedsvurdring" → 0.97, "diagnoser" → 0.94; a column of the forum's own such as
# "kommentar" or "kontakt" stays below and is carried through as an extra column).
TYPO_CUTOFF = 0.8


def misspelt_columns(columns: list[str], names: tuple[str, ...] = COLUMN_NAMES) -> list[Problem]:
    """A problem for every column that is not in the contract (``names``, default the plan
    register's) but close to a name in it."""
    import difflib

    problems = []
    for column in columns:
        if column in names:
            continue
        close = difflib.get_close_matches(column, names, n=1, cutoff=TYPO_CUTOFF)
        if close:
            key = "kolonne_tastefejl_dublet" if close[0] in columns else "kolonne_tastefejl"
            problems.append(Problem(column, msg(key, column=column, suggestion=close[0])))
    return problems


def _structural_problems(table: RawTable, frame: pd.DataFrame) -> list[tuple[Problem, int]]:
    problems: list[tuple[Problem, int]] = []
    if frame.empty:
        return problems
    ids = frame["plan_id"]
    for i in frame.index[ids.notna() & ids.duplicated(keep=False)]:
        problems.append((_locate(table, frame, i, "plan_id", msg("plan_id_dublet")), i))
    try:
        _schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        for case in cases.itertuples(index=False):
            if pd.isna(case.index):
                continue
            i = int(case.index)
            if case.check == "dato_orden_udskrevet":
                if case.column != "udskrevet":
                    continue
                message = msg("dato_orden", column="udskrevet", other="kontakt_start")
            elif case.check in ("plan_id_tom", "paakraevet_tom"):
                message = msg(case.check)
            else:  # a rule declared above without its own message
                message = msg("paakraevet_tom")
            problems.append((_locate(table, frame, i, str(case.column), message,
                                     prefer_row=case.column == "plan_id"), i))
    return problems


def typed_frame(frame: pd.DataFrame, date_columns: tuple[str, ...] = DATE_COLUMNS
                ) -> pd.DataFrame:
    """``date_columns`` as datetime64, everything else as pandas' string dtype."""
    out = {}
    for col in frame.columns:
        if col in date_columns:
            out[col] = pd.to_datetime(frame[col].map(
                lambda v: pd.Timestamp(v) if isinstance(v, dt.date) else pd.NaT))
        else:
            out[col] = frame[col].astype("string")
    return pd.DataFrame(out, index=frame.index)


def _problem_order(table: RawTable, frame: pd.DataFrame):
    column_rank = {c: i for i, c in enumerate(frame.columns)}

    def key(problem: Problem) -> tuple:
        return (problem.row if problem.row is not None else 0, problem.file or "",
                column_rank.get(problem.column, -1), problem.column)

    return key


def load_valid_register(path: str | Path) -> Register:
    """Load ``path`` and raise RegisterInvalidError unless it has no problems."""
    register = load_register(path)
    register.raise_if_invalid()
    return register


__all__ = ["Problem", "Register", "load_register", "load_valid_register",
           "RegisterUnusableError"]
