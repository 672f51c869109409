"""The discharge extract: an optional aggregate table of discharges (or contacts) that
gives the plan counts a denominator (docs/udskrivningsudtraek.md).

One row per quarter, hospital unit (or cluster) and, optionally, diagnosis group::

    kvartal;afdeling;diagnosegruppe;udskrivninger
    2025-K1;Psykiatrisk afdeling, sengeafsnit for affektive lidelser;depression;41

It is validated like the plan register: every problem at once, each with its row and
column and a Danish sentence, and the file is never changed. It holds counts, not people,
so nothing in it is an identifier; its small cells are suppressed where published.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from auditlib.counts.breakdowns import ANXIETY, DEPRESSION, OTHER, UNKNOWN
from auditlib.errors import ExtractInvalidError, RegisterUnusableError
from auditlib.messages import msg
from auditlib.register.problems import Problem
from auditlib.register.read import fold_name, read_raw

UNIT_COLUMNS = ("afdeling", "klynge")
COUNT_COLUMNS = {"udskrivninger": "udskrivninger", "kontakter": "kontakter",
                 "antal": "udskrivninger"}
CONTRACT_COLUMNS = ("kvartal", *UNIT_COLUMNS, "diagnosegruppe", *COUNT_COLUMNS)
GROUP_VALUES = {
    "depression": DEPRESSION, "depression_f32_f33": DEPRESSION, "f32_f33": DEPRESSION,
    "angst": ANXIETY, "angst_f40_f41": ANXIETY, "f40_f41": ANXIETY,
    "andre": OTHER, "andre_diagnoser": OTHER, "oevrige": OTHER, "ovrige": OTHER,
    "ikke_angivet": UNKNOWN,
}
_QUARTER = (re.compile(r"^(\d{4})\s*[-_ /]?\s*[KQ]\s*([1-4])$"),
            re.compile(r"^[KQ]\s*([1-4])\s*[-_ /]?\s*(\d{4})$"))


@dataclass
class DischargeExtract:
    """The extract as a table ``kvartal, <unit>, diagnosegruppe, antal``."""

    frame: pd.DataFrame
    unit: str  # "afdeling" or "klynge"
    kind: str  # "udskrivninger" or "kontakter": what the count column counts
    has_groups: bool
    source: Path
    notices: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.source.name


def parse_quarter(value: object) -> str | None:
    """``2025-K1`` for ``2025-K1``, ``2025K1``, ``2025 Q1``, ``K1 2025`` …; else None."""
    text = str(value or "").strip().upper()
    for number, pattern in enumerate(_QUARTER):
        match = pattern.match(text)
        if match:
            year, quarter = match.groups() if number == 0 else reversed(match.groups())
            return f"{year}-K{quarter}"
    return None


def _count(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = str(value or "").strip().replace(".", "").replace("\u00a0", "").replace(" ", "")
    return int(text) if text.isdigit() else None


def load_discharge_extract(path: str | Path) -> DischargeExtract:
    """Read and check the extract; raise ``ExtractInvalidError`` listing every problem."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx", ".xlsm") or path.is_dir():
        raise ExtractInvalidError(msg("udtraek_filtype", name=path.name))
    try:
        raw = read_raw(path)
    except RegisterUnusableError as exc:
        raise ExtractInvalidError(msg("udtraek_ubrugeligt", name=path.name,
                                      reason=exc.message)) from exc
    columns = raw.columns
    problems: list[Problem] = []
    for column in columns:
        if column in CONTRACT_COLUMNS:
            continue
        close = difflib.get_close_matches(column, CONTRACT_COLUMNS, n=1, cutoff=0.75)
        if close:
            problems.append(Problem(column, msg("udtraek_kolonne_stavet", column=column,
                                                intended=close[0])))
    units = [c for c in UNIT_COLUMNS if c in columns]
    counts = [c for c in COUNT_COLUMNS if c in columns]
    if "kvartal" not in columns:
        problems.append(Problem("kvartal", msg("udtraek_kolonne_mangler", column="kvartal")))
    if len(units) != 1:
        problems.append(Problem("/".join(UNIT_COLUMNS), msg("udtraek_enhed", found=len(units))))
    if len(counts) != 1:
        problems.append(Problem("/".join(COUNT_COLUMNS), msg("udtraek_antal_kolonne",
                                                             found=len(counts))))
    if problems:
        raise ExtractInvalidError(msg("udtraek_problemer", name=path.name, count=len(problems)),
                                  problems=problems)
    unit, count_column = units[0], counts[0]
    has_groups = "diagnosegruppe" in columns
    rows, seen = [], {}
    if not raw.rows:
        raise ExtractInvalidError(msg("udtraek_ingen_raekker", name=path.name))
    for record, (line, _) in zip(raw.rows, raw.locations, strict=True):
        quarter = parse_quarter(record.get("kvartal"))
        if quarter is None:
            problems.append(Problem("kvartal", msg("udtraek_kvartal"), row=line))
        where = str(record.get(unit) or "").strip()
        if not where:
            problems.append(Problem(unit, msg("udtraek_tom", column=unit), row=line))
        group = UNKNOWN
        if has_groups:
            folded = fold_name(record.get("diagnosegruppe"))
            # blank = not stated, like a blank diagnosis in the register
            group = (GROUP_VALUES.get(folded) or GROUP_VALUES.get(folded.split("_")[0])
                     if folded else UNKNOWN)
            if group is None:
                problems.append(Problem("diagnosegruppe", msg("udtraek_diagnosegruppe"), row=line))
        number = _count(record.get(count_column))
        if number is None:
            problems.append(Problem(count_column, msg("udtraek_antal", column=count_column),
                                    row=line))
        if quarter and where and group and number is not None:
            key = (quarter, where, group)
            if key in seen:
                problems.append(Problem(unit, msg("udtraek_dublet", first=seen[key]), row=line))
                continue
            seen[key] = line
            rows.append({"kvartal": quarter, unit: where, "diagnosegruppe": group,
                         "antal": number})
    if problems:
        raise ExtractInvalidError(msg("udtraek_problemer", name=path.name, count=len(problems)),
                                  problems=problems)
    frame = pd.DataFrame(rows, columns=["kvartal", unit, "diagnosegruppe", "antal"])
    frame["antal"] = frame["antal"].astype("int64")
    ignored = [c for c in columns if c not in CONTRACT_COLUMNS]
    notices = [msg("udtraek_ekstra_kolonner", columns=", ".join(ignored))] if ignored else []
    return DischargeExtract(frame, unit, COUNT_COLUMNS[count_column], has_groups, path, notices)
