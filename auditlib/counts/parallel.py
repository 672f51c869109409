"""Parallel plans ("plan på plan"): which other efforts run beside the rehabilitation plan.

The sources (DOMAIN.md §§ 5-6) describe citizens with a § 85 support person, a jobplan, a
mentor and a coordinating contact person at once, each effort with its own plan. The
field ``oevrige_indsatser`` says which; it is split into statements
(``auditlib.statements``), each statement gets its sector from the grey-zone classifier
(``auditlib.classifier.classify_statements``), and explicit rules name the efforts the
sources list, since a sector alone does not say "jobplan" or "mentor".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from auditlib.privacy.suppress import Equation, suppress_cells
from auditlib.statements import split_statements
from auditlib.vocabulary import LABEL_TITLES

FIELD = "oevrige_indsatser"
NO_EFFORT = "Ingen øvrige indsatser angivet"
ANY_EFFORT = "Mindst én øvrig indsats"
PLANS_TITLE = "Planer i alt"
_NEGATION = re.compile(r"\b(ingen|ikke|uden|intet)\b(\s+\S+){0,2}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class NamedEffort:
    """An effort the sources name, found by explicit words (case-insensitive)."""

    id: str
    title: str
    law: str
    patterns: tuple[str, ...]
    family: str = ""  # efforts of one family (bostøtte is § 85 support) count once

    @property
    def kind(self) -> str:
        return self.family or self.id

    def matches(self, statement: str) -> bool:
        """True when a pattern occurs and is not negated just before ("ingen mentor",
        "har ikke længere bostøtte")."""
        for pattern in self.patterns:
            for match in re.finditer(pattern, statement, re.IGNORECASE):
                if not _NEGATION.search(statement[max(0, match.start() - 25):match.start()]):
                    return True
        return False


NAMED_EFFORTS: tuple[NamedEffort, ...] = (
    NamedEffort("sel85", "Socialpædagogisk støtte (SEL § 85)", "Serviceloven § 85",
                (r"§\s*85\b", r"socialpædagogisk\w*\s+støtte", r"støtte- og kontaktperson")),
    NamedEffort("bostoette", "Bostøtte", "Serviceloven § 85",
                (r"\bbo-?støtte", r"bostøttemedarbejder"), family="sel85"),
    NamedEffort("botilbud", "Botilbud (SEL §§ 107-108)", "Serviceloven §§ 107-108",
                (r"\bbotilbud", r"§\s*10[78]\b")),
    NamedEffort("jobplan", "Jobplan / jobcenter", "Lov om en aktiv beskæftigelsesindsats",
                (r"\bjob-?plan", r"\bmin plan\b", r"\bjobcent(er|re)", r"ressourceforløb",
                 r"jobafklaringsforløb", r"sygedagpengeopfølgning", r"virksomhedspraktik",
                 r"\bIPS\b")),
    NamedEffort("mentor", "Mentor", "Beskæftigelses- eller uddannelseslovgivningen",
                (r"\bmentor", r"studiementor", r"\bSPS-mentor")),
    NamedEffort("koordinerende", "Koordinerende kontaktperson / sagsbehandler",
                "Sundhedsaftalen; lov om en aktiv beskæftigelsesindsats",
                (r"koordinerende\s+(kontaktperson|sagsbehandler)", r"\btovholder")),
    NamedEffort("psykiatri", "Fortsat behandling i psykiatrien", "Sundhedsloven",
                (r"distriktspsykiatri", r"psykiatrisk\w*\s+ambulatori", r"\bOPUS\b",
                 r"\bF-?ACT\b", r"ambulant\w*\s+(behandling|forløb|opfølgning)")),
)


def plan_efforts(frame: pd.DataFrame, model=None, margin: float | None = None) -> pd.DataFrame:
    """One row per statement of ``oevrige_indsatser``: ``plan_id, statement_no, statement,
    label`` (the classifier's sector) and one boolean column per named effort."""
    from auditlib.classifier import classify_statements

    rows = [{"plan_id": plan_id, "field": FIELD, "statement_no": number, "statement": text}
            for plan_id, value in zip(frame["plan_id"], frame.get(FIELD, pd.Series(
                [None] * len(frame), index=frame.index)), strict=True)
            for number, text in enumerate(split_statements(value), start=1)]
    columns = ["plan_id", "field", "statement_no", "statement"]
    items = pd.DataFrame(rows, columns=columns)
    if items.empty:
        result = items.assign(label=pd.Series(dtype=object))
    else:
        result = classify_statements(items, model=model, margin=margin)[columns + ["label"]]
    for effort in NAMED_EFFORTS:
        result[effort.id] = result["statement"].map(effort.matches).astype(bool)
    return result


def efforts_per_plan(frame: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per plan: ``plan_id``, the named efforts beside the plan (their titles,
    ``; ``-joined), the sectors of its other efforts, and ``antal_indsatser`` (distinct
    efforts: bostøtte and § 85 support are one)."""
    out = []
    by_plan = dict(tuple(statements.groupby("plan_id", sort=False))) if len(statements) else {}
    for plan_id in frame["plan_id"]:
        part = by_plan.get(plan_id)
        if part is None or part.empty:
            out.append({"plan_id": plan_id, "indsatser": "", "sektorer": "",
                        "antal_indsatser": 0})
            continue
        found = [e for e in NAMED_EFFORTS if part[e.id].any()]
        sectors = [LABEL_TITLES.get(label, label) for label in dict.fromkeys(part["label"])]
        out.append({"plan_id": plan_id, "indsatser": "; ".join(e.title for e in found),
                    "sektorer": "; ".join(sectors),
                    "antal_indsatser": len({e.kind for e in found})})
    return pd.DataFrame(out, columns=["plan_id", "indsatser", "sektorer", "antal_indsatser"])


def efforts_overview(frame: pd.DataFrame, statements: pd.DataFrame, *, min_count: int = 5,
                     suppress_zero: bool = True) -> pd.DataFrame:
    """Plans with each named effort and each sector beside the plan, and plans with two
    or more named efforts ("plan på plan"); ``planer`` and ``andel`` suppressed (a plan
    may have several efforts, so only "some effort" + "none" add up to the total)."""
    n_plans = len(frame)
    plan_sets: list[tuple[str, str, set]] = []
    for effort in NAMED_EFFORTS:
        ids = set(statements.loc[statements[effort.id], "plan_id"]) if len(statements) else set()
        plan_sets.append(("Navngiven indsats", effort.title, ids))
    for label, title in LABEL_TITLES.items():
        ids = set(statements.loc[statements["label"] == label, "plan_id"]) \
            if len(statements) else set()
        plan_sets.append(("Sektor", title, ids))
    per_plan = efforts_per_plan(frame, statements)
    several = set(per_plan.loc[per_plan["antal_indsatser"] >= 2, "plan_id"])
    with_any = set(statements["plan_id"]) if len(statements) else set()
    plan_sets.append(("Plan på plan", "To eller flere navngivne indsatser", several))
    plan_sets.append(("I alt", ANY_EFFORT, with_any))
    plan_sets.append(("I alt", NO_EFFORT, set(frame["plan_id"]) - with_any))
    values = {(group, title): len(ids) for group, title, ids in plan_sets}
    values[("I alt", PLANS_TITLE)] = n_plans
    equation = Equation(("I alt", PLANS_TITLE), (("I alt", ANY_EFFORT), ("I alt", NO_EFFORT)))
    result = suppress_cells(values, [equation], min_count=min_count,
                            suppress_zero=suppress_zero)
    rows = []
    for (group, title), count in values.items():
        key = (group, title)
        hidden = key in result.hidden
        rows.append({"gruppe": group, "indsats": title, "planer": result.display(key, count),
                     "andel": float("nan") if hidden or not n_plans else count / n_plans})
    return pd.DataFrame(rows, columns=["gruppe", "indsats", "planer", "andel"])


def efforts_text_table(overview: pd.DataFrame) -> pd.DataFrame:
    """The overview as people read it (``46 %``)."""
    from auditlib.counts.rates import danish_percent

    return pd.DataFrame({"Gruppe": overview["gruppe"], "Indsats": overview["indsats"],
                         "Planer": overview["planer"],
                         "Andel": [danish_percent(v) for v in overview["andel"]]})
