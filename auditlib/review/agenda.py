"""The forum meeting's agenda: one page per plan, in HTML for a projector or for paper.

The same content as the meeting workbook's plan sheet (``auditlib.review.export``: its text
fields, findings and verdict questions): the plan's text fields in full, the tool's findings
(criteria not fulfilled or not assessable), the grey-zone statements with the tool's
suggestion and how sure it is, and then room for the hospital's and the municipality's view
and the forum's judgement. Once the filled workbook is read back (``verdicts.csv``), the
answers stand in those fields, and the page is the meeting's report. The page is one self-contained file (inline
styles, no script, nothing from another host); the print styles put each plan on its own
A4 page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from auditlib import __version__
from auditlib.atomic import guard_not_input, write_text_atomic
from auditlib.errors import OutputError
from auditlib.formats import fmt_percent
from auditlib.messages import msg
from auditlib.review.export import (
    FIELD_TITLES,
    FINDINGS,
    PLAN_TEXT_FIELDS,
    VERDICT_FIELDS,
    plan_texts,
    shown_text,
    subject,
)
from auditlib.rundir import DECISIONS_FILE, Run, read_run, read_verdicts
from auditlib.vocabulary import LABEL_TITLES, RESULT_TITLES, suggestion_text

TEMPLATE = "agenda.html.j2"
SUMMARY_FIELDS: tuple[tuple[str, str], ...] = (("niveau", "niveau"), ("kontakttype", "kontakt"),
                                               ("diagnose", "diagnose"))


@dataclass(frozen=True)
class Verdict:
    """One of the forum's questions (the workbook's VERDICT_FIELDS) and, once the filled
    workbook is read back, its answer."""

    key: str
    title: str
    choices: tuple[str, ...]  # empty: free text
    answer: str = ""


@dataclass(frozen=True)
class Finding:
    criterion: str  # "K06 Samlet vurdering ..."
    result: str  # Danish title of the result
    note: str


@dataclass(frozen=True)
class GreyStatement:
    subject: str  # "Mål 2"
    text: str
    suggestion: str  # Danish title of the tool's sector
    certainty: str  # "55 % sikker"
    decision: str  # the forum's label, when it has decided; else ""


@dataclass
class PlanPage:
    plan_id: str
    summary: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    grey: list[GreyStatement] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)


def _summary(values: dict[str, str]) -> str:
    parts = [str(values.get(key) or "").strip() for key in ("klynge", "kommune", "afdeling")]
    for key, title in SUMMARY_FIELDS:
        value = str(values.get(key) or "").strip()
        if value:
            parts.append(f"{title}: {value}")
    return " · ".join(p for p in parts if p)


def _question(title: str, allowed: tuple[str, ...] | None) -> str:
    """'God eksempelplan (ja / nej)' → 'God eksempelplan?': the choices are shown as boxes."""
    title = title.split(" (")[0]
    return title + "?" if allowed and not title.endswith("?") else title


def _certainty(probability: object) -> str:
    if probability is None or pd.isna(probability):
        return "uden sandsynlighed"
    return f"{fmt_percent(probability)} sikker"


def _decided_labels(run: Run) -> dict[tuple[str, str, int], str]:
    decisions = run.decisions
    if decisions is None or not len(decisions):
        return {}
    decided = decisions[decisions["kind"].eq("udsagn") & decisions["decision"].ne("")]
    numbers = pd.to_numeric(decided["statement_no"], errors="coerce")
    return {(str(r.plan_id), str(r.field), int(n)): str(r.decision)
            for r, n in zip(decided.itertuples(index=False), numbers, strict=True)
            if not pd.isna(n)}


def plan_pages(run: Run) -> list[PlanPage]:
    """One page per audited plan, in plan-id order."""
    from auditlib.criteria.info import criteria_info

    titles = {key: info.titel for key, info in criteria_info().items()}
    texts = plan_texts(run)
    decided = _decided_labels(run)
    verdicts = read_verdicts(run.path)
    answers = {} if verdicts is None else verdicts.set_index("plan_id").to_dict("index")
    findings = run.criteria[run.criteria["result"].isin(FINDINGS)]
    grey = run.statements[run.statements["greyzone"]]
    pages = []
    for plan_id in run.plan_ids:
        values = texts.loc[plan_id].to_dict() if plan_id in texts.index else {}
        page = PlanPage(plan_id=plan_id, summary=_summary(values))
        for name in PLAN_TEXT_FIELDS:
            text = str(values.get(name) or "").strip()
            if name == "opstart_begrundelse" and not text:
                continue
            page.fields.append((FIELD_TITLES.get(name, name), shown_text(text)))
        for r in findings[findings["plan_id"].eq(plan_id)].itertuples(index=False):
            page.findings.append(Finding(
                criterion=f"{r.criterion_id} {titles.get(r.criterion_id, '')}".strip(),
                result=RESULT_TITLES.get(r.result, r.result), note=str(r.note or "")))
        for r in grey[grey["plan_id"].eq(plan_id)].itertuples(index=False):
            number = None if pd.isna(r.statement_no) else int(r.statement_no)
            decision = decided.get((plan_id, str(r.field), number), "") if number is not None else ""
            page.grey.append(GreyStatement(
                subject=FIELD_TITLES.get(r.field, r.field) if number is None
                else subject(r.field, number), text=str(r.statement),
                suggestion=suggestion_text(r.label, getattr(r, "second_label", ""),
                                           getattr(r, "unsettled", False)), certainty=_certainty(r.probability),
                decision=LABEL_TITLES.get(decision, decision)))
        answered = answers.get(plan_id, {})
        page.verdicts = [Verdict(key, _question(title, allowed), tuple(allowed or ()),
                                 str(answered.get(key) or "").strip())
                         for key, title, allowed in VERDICT_FIELDS]
        pages.append(page)
    return pages


def _environment() -> Environment:
    return Environment(loader=PackageLoader("auditlib", "templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_agenda(run: Run, *, created: dt.date | None = None) -> str:
    from auditlib.catalogue.html import danish_date

    pages = plan_pages(run)
    return _environment().get_template(TEMPLATE).render(
        pages=pages, cluster=run.cluster, n_plans=len(pages),
        n_findings=sum(len(p.findings) for p in pages),
        n_grey=sum(len(p.grey) for p in pages),
        created=danish_date(created or dt.date.today()), version=__version__,
        decided=any(v.answer for p in pages for v in p.verdicts))


def write_agenda(run_dir: str | Path, out_path: str | Path) -> Path:
    """Write the meeting agenda for ``run_dir`` atomically to ``out_path`` (.html)."""
    out_path = Path(out_path)
    if out_path.is_dir():
        raise OutputError(msg("output_er_mappe", path=out_path, example="dagsorden.html"))
    if out_path.suffix.lower() not in (".html", ".htm"):
        raise OutputError(msg("output_filtype", suffix=".html", example="dagsorden.html"))
    run = read_run(run_dir)
    guard_not_input(out_path, *(Path(run_dir) / n for n in (
        "criteria.csv", "statements.csv", "run.json", "plans.csv", "verdicts.csv",
        DECISIONS_FILE)))
    write_text_atomic(out_path, render_agenda(run))
    return out_path
