"""The snitfladekatalog as one self-contained HTML page (Jinja2, autoescape on).

Styles, the search script and the charts (inline SVG drawn here) are all inside the
file, so the page works offline and can be mailed or put on an intranet as it is.
Nothing refers to another host.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from auditlib.atomic import write_text_atomic
from auditlib.catalogue.merge import PLAN_FIXED_COLUMNS, Catalogue
from auditlib.catalogue.wording import (
    CHANGE_PART,
    COLUMNS,
    COVER_FIELDS,
    DECIDED_BY,
    FIELD_TITLES,
    NO_PLAN_ROWS,
    NOT_STATED,
    PART_TITLES,
    SEVERITY_TITLES,
    SIDE_TITLES,
    SUBTITLE,
    SUMMARY_TITLE,
    TITLE,
)
from auditlib.formats import fmt_number, fmt_percent, fmt_points
from auditlib.vocabulary import LABEL_TITLES, LABELS, RESULT_TITLES, SHARE_LEVEL_TITLES, share_level

TEMPLATE = "catalogue.html.j2"


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("auditlib", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["procent"] = percent
    env.filters["label"] = lambda v: LABEL_TITLES.get(str(v), str(v))
    env.filters["resultat"] = lambda v: RESULT_TITLES.get(str(v), str(v))
    env.filters["side"] = lambda v: SIDE_TITLES.get(str(v), str(v))
    env.filters["felt"] = lambda v: FIELD_TITLES.get(str(v), str(v))
    env.filters["alvor"] = lambda v: SEVERITY_TITLES.get(str(v), str(v))
    env.filters["niveau_klasse"] = share_class
    env.filters["dansk_dato"] = danish_date
    env.filters["point"] = lambda v: fmt_points(v, unit=False)  # the heading says the unit
    return env


MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")


def danish_date(value: dt.date) -> str:
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def percent(value: object, n: object = None, total: object = None) -> str:
    """``96 %``; with the counts behind it ``67 % (2 af 3)``."""
    if n is None or total is None:
        return fmt_percent(value)
    return fmt_percent(value, n=int(n), total=int(total))


def share_class(value: object) -> str:
    if value is None or pd.isna(value):
        return "ingen"
    # The level names of vocabulary.SHARE_LEVELS; "hoej" is styled as "god" in the page.
    level = share_level(float(value))
    return "god" if level == "hoej" else level


# -- bar charts (HTML and CSS) -------------------------------------------------------------
# Bar colours per level of share_class (the thresholds are vocabulary.SHARE_LEVELS).
BAR_COLOURS = {"god": "#1E7B3C", "middel": "#9A6700", "lav": "#B42318", "ingen": "#6B7280"}
# The bars are HTML, not SVG: a label of any length wraps in its own column instead of
# being cut at the chart's edge, and the chart narrows with the page.


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # the bar's length (0..maximum); None = nothing to show
    text: str  # what is written beside the bar
    colour: str
    hint: str = ""  # a longer label for the tooltip


def bar_chart_html(bars: list[Bar], *, chart_id: str, title: str, description: str,
                   maximum: float, percent_axis: bool = True) -> Markup:
    """A horizontal bar chart with wrapped labels, a title and a text description (a11y)."""
    ident = escape(chart_id)
    ticks = [maximum * tick / 4 for tick in range(5)]
    tick_texts = [fmt_percent(v) if percent_axis else fmt_number(v) for v in ticks]
    parts = [
        f'<div class="soejlediagram" id="{ident}" role="figure" '
        f'aria-labelledby="{ident}-titel" aria-describedby="{ident}-beskrivelse">',
        f'<p class="diagram-titel" id="{ident}-titel">{escape(title)}</p>',
        f'<p class="skjult" id="{ident}-beskrivelse">{escape(description)}</p>',
    ]
    for bar in bars:
        share = 0.0 if bar.value is None or maximum <= 0 else min(bar.value, maximum) / maximum
        parts.append(
            f'<div class="soejle-raekke" title="{escape(bar.hint or bar.label)}: {escape(bar.text)}">'
            f'<span class="soejle-etiket">{escape(bar.label)}</span>'
            f'<span class="soejle-spor"><span class="soejle" style="width:{share * 100:.1f}%;'
            f'background:{escape(bar.colour)}"></span></span>'
            f'<span class="soejle-vaerdi">{escape(bar.text)}</span></div>')
    parts.append('<div class="soejle-raekke akse" aria-hidden="true"><span></span>'
                 '<span class="soejle-spor">')
    for tick, text in enumerate(tick_texts):
        parts.append(f'<span class="akse-maerke" style="left:{tick * 25}%">{escape(text)}</span>')
    parts.append("</span><span></span></div></div>")
    return Markup("".join(parts))


def fulfilment_charts(catalogue: Catalogue) -> list[dict]:
    """One chart per cluster: share fulfilled per criterion, coloured by level, with n."""
    charts = []
    for number, (cluster, part) in enumerate(catalogue.fulfilment.groupby("klynge", sort=True)):
        bars = []
        for r in part.itertuples(index=False):
            level = share_class(r.andel_opfyldt)
            text = percent(r.andel_opfyldt, r.opfyldt, r.vurderet) if r.vurderet \
                else "ikke vurderet"
            value = None if pd.isna(r.andel_opfyldt) else float(r.andel_opfyldt)
            label = f"{r.criterion_id} {r.titel}" if r.titel != r.criterion_id else r.criterion_id
            bars.append(Bar(label, value, text, BAR_COLOURS[level], label))
        lowest = part.dropna(subset=["andel_opfyldt"]).nsmallest(3, "andel_opfyldt")
        low_text = ", ".join(f"{r.criterion_id} {percent(r.andel_opfyldt, r.opfyldt, r.vurderet)}"
                             for r in lowest.itertuples(index=False))
        description = (f"Vandret søjlediagram over andelen af planer i {cluster}, der opfylder "
                       f"hvert af {len(part)} kriterier. Lavest: {low_text or 'ingen'}. "
                       f"Tallene står også i tabellen under diagrammet.")
        charts.append({"cluster": cluster, "svg": bar_chart_html(
            bars, chart_id=f"diagram-kriterier-{number + 1}",
            title=f"Andel opfyldt pr. kriterium, {cluster}", description=description,
            maximum=1.0)})
    return charts


def nice_maximum(value: float) -> float:
    """The smallest 'round' axis maximum (1, 2, 4 or 5 times a power of ten, in four steps)."""
    if value <= 0:
        return 4.0
    step = value / 4
    power = 10 ** math.floor(math.log10(step))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= step:
            nice = factor * power
            if nice < 1:
                nice = 1.0
            return nice * 4
    return value


LABEL_COLOURS = {"genoptraening": "#1F4E8C", "behandling": "#6D28D9", "social": "#B45309",
                 "beskaeftigelse": "#166534", "forebyggelse": "#0F766E", "civilsamfund": "#7C2D12"}


def label_chart(catalogue: Catalogue) -> Markup | None:
    counts = catalogue.label_counts
    if counts.empty:
        return None
    totals = counts.groupby("label")["antal"].sum().reindex(list(LABELS), fill_value=0)
    total = int(totals.sum())
    if total == 0:
        return None
    bars = [Bar(LABEL_TITLES[label], float(n), f"{n} ({fmt_percent(n / total)})",
                LABEL_COLOURS[label]) for label, n in totals.items()]
    summary = ", ".join(f"{LABEL_TITLES[label]} {n}" for label, n in totals.items())
    return bar_chart_html(
        bars, chart_id="diagram-sektorer", title="Udsagn i genoptræningsbehov og mål pr. sektor",
        description=f"Vandret søjlediagram over {total} udsagn fordelt på den endelige sektor: "
                    f"{summary}. Tallene står også i tabellen i afsnittet Optælling.",
        maximum=nice_maximum(float(totals.max())), percent_axis=False)


# -- the page -------------------------------------------------------------------------------
def _records(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None:
        return []
    return [{k: (None if (not isinstance(v, str) and pd.isna(v)) else v) for k, v in row.items()}
            for row in frame.to_dict("records")]


def criterion_shares(catalogue: Catalogue) -> dict[str, float]:
    """Share fulfilled per criterion over all current runs (only assessed criteria)."""
    return {cid: share for cid, (share, _, _) in criterion_totals(catalogue).items()}


def criterion_totals(catalogue: Catalogue) -> dict[str, tuple[float, int, int]]:
    """Per assessed criterion over all current runs: (share, opfyldt, vurderet)."""
    totals = catalogue.fulfilment.groupby("criterion_id")[["opfyldt", "vurderet"]].sum()
    totals = totals[totals["vurderet"] > 0]
    return {str(cid): (float(row.opfyldt / row.vurderet), int(row.opfyldt), int(row.vurderet))
            for cid, row in totals.iterrows()}


def hearing_labels(content) -> dict[str, str]:
    """'part:id' -> "Forslag · Midtklyngen · version 1" for every item in the hearing round."""
    from auditlib.catalogue.content import STATUS_TITLES, hearing_items

    labels = {}
    for part, model in (("funktionstab", content.funktionstab),
                        ("snitflader", content.snitflader),
                        ("anbefalinger", content.anbefalinger),
                        ("kompetencer", content.kompetencer)):
        for _, item in hearing_items(model):
            labels[f"{part}:{item.id}"] = (f"{STATUS_TITLES.get(item.status, item.status)} · "
                                           f"{item.klynge} · version {item.version}")
    return labels


def page_context(catalogue: Catalogue) -> dict:
    content = catalogue.content
    greyzone = _records(catalogue.greyzone)
    by_label: dict[str, list[dict]] = {label: [] for label in LABELS}
    for row in greyzone:
        by_label.setdefault(row["final_label"], []).append(row)
    sections = [("sammenfatning", SUMMARY_TITLE),
                ("funktionstab", PART_TITLES["funktionstab"]),
                ("snitflader", PART_TITLES["snitflader"]),
                ("graazoner", PART_TITLES["graazoner"]),
                ("anbefalinger", PART_TITLES["anbefalinger"]),
                ("opfoelgning", content.anbefalinger.opfoelgningsprocedure.titel),
                ("kompetencer", PART_TITLES["kompetencer"]),
                ("audit-kriterier", PART_TITLES["audit_kriterier"]),
                ("audit-planer", PART_TITLES["audit_planer"]),
                ("optaelling", PART_TITLES["optaelling"])]
    if not catalogue.plan_rows:  # shared outside the cluster: no plan-level rows
        sections.remove(("audit-planer", PART_TITLES["audit_planer"]))
    if catalogue.change is not None:
        sections.append(("udvikling", CHANGE_PART[1]))
    from auditlib.catalogue.missed import missed_context

    missed = missed_context(catalogue.missed)
    if missed is not None:
        sections.append((missed["id"], missed["title"]))
    criteria_ids = [str(c) for c in catalogue.plans.columns[PLAN_FIXED_COLUMNS:]]
    failing = catalogue.fulfilment[catalogue.fulfilment["ikke_opfyldt"] > 0]
    return {
        "title": TITLE, "subtitle": SUBTITLE, "cover": catalogue.cover,
        "cover_fields": COVER_FIELDS, "not_stated": NOT_STATED, "columns": COLUMNS,
        "sections": sections, "heading": dict(sections), "content": content, "labels": LABELS,
        "label_titles": LABEL_TITLES, "decided_by": DECIDED_BY,
        "greyzone_by_label": by_label, "n_greyzone": len(greyzone),
        "n_forum": sum(1 for r in greyzone if r["decided_by"] == "forum"),
        "fulfilment": _records(catalogue.fulfilment),
        "fulfilment_charts": fulfilment_charts(catalogue),
        "label_chart": label_chart(catalogue),
        "plans": _records(catalogue.top_plans), "n_plans_total": len(catalogue.plans),
        "criteria_ids": criteria_ids, "criteria": catalogue.criteria,
        "competences": _records(catalogue.competence_needs),
        "recommendations": _records(catalogue.recommendations),
        "counts": _records(catalogue.counts), "count_columns": list(catalogue.counts.columns),
        "counts_source": catalogue.counts_source,
        "label_counts": _records(catalogue.label_counts),
        "change": _records(catalogue.change),
        "change_columns": [] if catalogue.change is None else list(catalogue.change.columns),
        "notes": catalogue.notes, "n_failing_criteria": len(failing),
        "highlights": catalogue.highlights,
        "plan_rows": catalogue.plan_rows, "no_plan_rows": NO_PLAN_ROWS,
        "example_plans": _records(catalogue.example_plans),
        "hearing": hearing_labels(content),
        "criterion_shares": criterion_shares(catalogue),
        "criterion_totals": criterion_totals(catalogue),
        "level_titles": SHARE_LEVEL_TITLES,
        "missed": missed,
    }


def render_catalogue_html(catalogue: Catalogue) -> str:
    return _environment().get_template(TEMPLATE).render(**page_context(catalogue))


def write_catalogue_html(catalogue: Catalogue, path: str | Path) -> Path:
    """Write the catalogue page atomically; return the path."""
    path = Path(path)
    write_text_atomic(path, render_catalogue_html(catalogue))
    return path
