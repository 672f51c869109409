"""Declared audit criteria (spec/criteria.md): one object per criterion in a registry.

A criterion is data plus a small check: ``check(plan) -> Outcome``. ``plan`` is a
:class:`Plan` (one row of the register, with its classified statements). Every outcome
carries a Danish ``note`` saying what decided it, so the forum can see why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from auditlib.statements import is_placeholder
from auditlib.text import is_blank

OPFYLDT = "opfyldt"
IKKE_OPFYLDT = "ikke_opfyldt"
IKKE_RELEVANT = "ikke_relevant"
KAN_IKKE_VURDERES = "kan_ikke_vurderes"
TJEKFEJL = "tjekfejl"

FORMEL = "formel"
KVALITET = "kvalitet"

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


@dataclass(frozen=True)
class Outcome:
    result: str
    note: str


class Statement(NamedTuple):
    """One classified statement of a plan (a named tuple: an audit makes millions)."""

    field: str
    number: int
    text: str
    label: str
    probability: float
    greyzone: bool
    explanation: str = ""


@dataclass
class Settings:
    """The thresholds a cluster can change in its configuration (criteria.*)."""

    stated_min_words: int = 3
    timely_days: int = 1
    complexity_domains: int = 3


@dataclass
class Plan:
    """One plan as the checks see it: values by column (None when blank)."""

    values: Mapping[str, Any]
    statements: list[Statement] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)

    @property
    def plan_id(self) -> str:
        return str(self.values.get("plan_id") or "")

    def get(self, column: str) -> Any:
        value = self.values.get(column)
        return None if is_blank(value) else value

    def text(self, column: str) -> str:
        value = self.get(column)
        return "" if value is None else str(value)

    def stated(self, column: str) -> bool:
        """criteria.md: at least N words and not a placeholder."""
        return is_stated(self.text(column), self.settings.stated_min_words)

    def statements_in(self, *fields: str) -> list[Statement]:
        return [s for s in self.statements if s.field in fields]


@lru_cache(maxsize=1 << 16)
def is_stated(text: str, min_words: int = 3) -> bool:
    if not text or is_placeholder(text):
        return False
    if min_words <= 0:
        return True
    for count, _ in enumerate(_WORD.finditer(text), start=1):
        if count >= min_words:  # enough words: the rest need not be counted
            return True
    return False


@dataclass(frozen=True)
class Criterion:
    id: str
    titel: str
    kilde: str
    alvor: str
    beskrivelse: str
    check: Callable[[Plan], Outcome]
    # The columns the check reads, when it reads nothing else (no statements, no other
    # column): the audit then runs it once per distinct combination of their values.
    reads: tuple[str, ...] | None = None

    def run(self, plan: Plan) -> Outcome:
        """The check's outcome; a check that raises gives ``tjekfejl`` and the audit goes on.

        The note names the kind of error only: an exception's message could quote plan text.
        """
        try:
            outcome = self.check(plan)
        except Exception as error:  # noqa: BLE001 - any failing check is reported, not fatal
            return Outcome(TJEKFEJL, f"Tjekket kunne ikke gennemføres ({type(error).__name__}). "
                                     "Vurder kriteriet manuelt og meld fejlen til udviklerne.")
        if not isinstance(outcome, Outcome) or outcome.result not in RESULTS:
            return Outcome(TJEKFEJL, "Tjekket gav et ugyldigt resultat. Vurder kriteriet manuelt.")
        return outcome


RESULTS = (OPFYLDT, IKKE_OPFYLDT, IKKE_RELEVANT, KAN_IKKE_VURDERES, TJEKFEJL)

# Every declared criterion by id, in the order of criteria.md.
CRITERIA: dict[str, Criterion] = {}


def criterion(id: str, titel: str, kilde: str, alvor: str, beskrivelse: str,
              reads: tuple[str, ...] | None = None):
    """Decorator: declare a check as a criterion in the registry. ``reads``: the only
    columns the check looks at, if it is a rule over those columns alone."""

    def declare(check: Callable[[Plan], Outcome]) -> Callable[[Plan], Outcome]:
        if id in CRITERIA:
            raise ValueError(f"criterion {id} declared twice")
        CRITERIA[id] = Criterion(id, titel, kilde, alvor, beskrivelse, check, reads)
        return check

    return declare


def run_criteria(criteria: list[Criterion], records: list[Mapping[str, Any]],
                 statements: Mapping[str, list[Statement]], settings: Settings
                 ) -> list[tuple[str, str, str, str]]:
    """``(plan_id, criterion_id, result, note)`` for every plan and criterion, plan by plan.

    A criterion that declares the columns it ``reads`` runs once per distinct combination
    of their values, on a plan holding only those columns: its outcome depends on nothing
    else by construction, and a register repeats "ja", "nej" and levels in every row.
    Plan by plan, because the criteria of one plan share its texts' cached readings
    (Q03 and Q06 read the same genoptraeningsbehov, K04 and Q01 the same funktionsevne).
    """
    columns: dict[str, list[Any]] = {}
    keys: list[Any] = []  # per criterion: its key per plan (an iterator), or None
    for criterion in criteria:
        if criterion.reads is None:
            keys.append(None)
            continue
        for column in criterion.reads:
            if column not in columns:
                columns[column] = [values.get(column) for values in records]
        keys.append(zip(*(columns[column] for column in criterion.reads), strict=True))
    memo: list[dict[tuple, Outcome]] = [{} for _ in criteria]
    steps = list(zip(criteria, keys, memo, strict=True))
    rows: list[tuple[str, str, str, str]] = []
    for values in records:
        plan = Plan(values, statements.get(values["plan_id"], []), settings)
        plan_id = plan.plan_id
        for criterion, plan_keys, seen in steps:
            if plan_keys is None:
                outcome = criterion.run(plan)
            else:
                key = next(plan_keys)
                outcome = seen.get(key)
                if outcome is None:
                    outcome = seen[key] = criterion.run(
                        Plan(dict(zip(criterion.reads, key, strict=True)), [], settings))
            rows.append((plan_id, criterion.id, outcome.result, outcome.note))
    return rows
