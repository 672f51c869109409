"""Criteria a cluster adds in its configuration, without code (``criteria.custom``).

Each entry is a word rule on one free-text column::

    criteria:
      custom:
        - id: M01
          titel: Pårørende nævnt
          beskrivelse: Planen nævner pårørende eller netværk.
          felt: ressourcer
          ord: [pårørende, netværk, familie*]

``opfyldt`` when a word occurs (``*`` allows an ending), ``ikke_opfyldt`` otherwise, and
``kan_ikke_vurderes`` when the column is blank. Custom criteria are quality criteria.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from auditlib.criteria.base import (
    CRITERIA,
    IKKE_OPFYLDT,
    KAN_IKKE_VURDERES,
    KVALITET,
    OPFYLDT,
    Criterion,
    Outcome,
    Plan,
)
from auditlib.criteria.quality import _found, _pattern, _quote
from auditlib.errors import ConfigError
from auditlib.messages import msg
from auditlib.register.columns import FREE_TEXT_COLUMNS


class CustomRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_]{1,15}$")
    titel: str = Field(min_length=1)
    beskrivelse: str = ""
    felt: str
    ord: list[str] = Field(min_length=1)


def custom_criteria(entries: list[dict]) -> list[Criterion]:
    criteria = []
    for number, entry in enumerate(entries, start=1):
        try:
            rule = CustomRule.model_validate(entry)
        except ValidationError as exc:
            error = exc.errors()[0]
            key = ".".join(str(p) for p in error["loc"]) or "?"
            raise ConfigError(msg("audit_egen_regel_ugyldig", number=number, key=key,
                                  hint=error["msg"])) from exc
        if rule.felt not in FREE_TEXT_COLUMNS:
            raise ConfigError(msg("audit_egen_regel_felt", id=rule.id, field=rule.felt,
                                  allowed=", ".join(FREE_TEXT_COLUMNS)))
        if rule.id in CRITERIA:
            raise ConfigError(msg("audit_egen_regel_id", id=rule.id))
        criteria.append(_make(rule))
    return criteria


def _make(rule: CustomRule) -> Criterion:
    pattern = _pattern(rule.ord)

    def check(plan: Plan) -> Outcome:
        text = plan.text(rule.felt)
        if not text.strip():
            return Outcome(KAN_IKKE_VURDERES, f"{rule.felt} er tom.")
        words = _found(pattern, text)
        if words:
            return Outcome(OPFYLDT, f"{rule.felt} nævner {_quote(words)}.")
        return Outcome(IKKE_OPFYLDT, f"{rule.felt} nævner ingen af ordene {_quote(rule.ord)}.")

    return Criterion(rule.id, rule.titel, "kvalitet (klyngens egen regel)", KVALITET,
                     rule.beskrivelse or rule.titel, check)
