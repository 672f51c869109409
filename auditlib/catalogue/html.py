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
from auditlib.vocabulary import LABEL_TITLES, LABELS, RESULT_TITLES, share_level

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
    return env


MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")


def danish_date(value: dt.date) -> str:
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def percent(value: object) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{float(value) * 100:.0f} %"


def share_class(value: object) -> str:
    if value is None or pd.isna(value):
        return "ingen"
    # The level names of vocabulary.SHARE_LEVELS; "hoej" is styled as "god" in the page.
    level = share_level(float(value))
    return "god" if level == "hoej" else level


# -- inline SVG charts ---------------------------------------------------------------------
BAR_COLOURS = {"god": "#1E7B3C", "middel": "#9A6700", "lav": "#B42318", "ingen": "#6B7280"}


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # the bar's length (0..maximum); None = nothing to show
    text: str  # what is written at the end of the bar
    colour: str
    hint: str = ""  # a longer label for the tooltip


def bar_chart_svg(bars: list[Bar], *, chart_id: str, title: str, description: str,
                  maximum: float, label_width: int = 70, percent_axis: bool = True) -> Markup:
    """A horizontal bar chart as inline SVG with a title and a text description (a11y)."""
    row, top, width = 30, 12, 900
    plot = width - label_width - 110
    height = top + row * len(bars) + 34
    parts = [
        f'<svg class="diagram" id="{escape(chart_id)}" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="{escape(chart_id)}-titel {escape(chart_id)}-beskrivelse" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-titel">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-beskrivelse">{escape(description)}</desc>',
    ]
    x0 = label_width
    for tick in range(0, 5):
        x = x0 + plot * tick / 4
        value = maximum * tick / 4
        tick_text = f"{value * 100:.0f} %" if percent_axis else f"{value:g}"
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" '
                     f'y2="{top + row * len(bars)}" class="gitter"/>')
        parts.append(f'<text x="{x:.1f}" y="{top + row * len(bars) + 20}" '
                     f'class="akse" text-anchor="middle">{escape(tick_text)}</text>')
    for index, bar in enumerate(bars):
        y = top + index * row
        parts.append(f'<g><title>{escape(bar.hint or bar.label)}: {escape(bar.text)}</title>')
        parts.append(f'<text x="{x0 - 8}" y="{y + row / 2 + 5:.1f}" class="etiket" '
                     f'text-anchor="end">{escape(bar.label)}</text>')
        length = 0.0 if bar.value is None or maximum <= 0 else plot * min(bar.value, maximum) \
            / maximum
        if length > 0:
            parts.append(f'<rect x="{x0}" y="{y + 5}" width="{length:.1f}" height="{row - 10}" '
                         f'rx="3" fill="{bar.colour}"/>')
        parts.append(f'<text x="{x0 + length + 6:.1f}" y="{y + row / 2 + 5:.1f}" '
                     f'class="vaerdi">{escape(bar.text)}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def fulfilment_charts(catalogue: Catalogue) -> list[dict]:
    """One chart per cluster: share fulfilled per criterion, coloured by level."""
    charts = []
    for number, (cluster, part) in enumerate(catalogue.fulfilment.groupby("klynge", sort=True)):
        bars = []
        for r in part.itertuples(index=False):
            level = share_class(r.andel_opfyldt)
            text = percent(r.andel_opfyldt) if r.vurderet else "ikke vurderet"
            value = None if pd.isna(r.andel_opfyldt) else float(r.andel_opfyldt)
            bars.append(Bar(_short(f"{r.criterion_id} {r.titel}" if r.titel != r.criterion_id
                                   else r.criterion_id), value, text, BAR_COLOURS[level],
                            f"{r.criterion_id} {r.titel}"))
        lowest = part.dropna(subset=["andel_opfyldt"]).nsmallest(3, "andel_opfyldt")
        low_text = ", ".join(f"{r.criterion_id} {percent(r.andel_opfyldt)}"
                             for r in lowest.itertuples(index=False))
        description = (f"Vandret søjlediagram over andelen af planer i {cluster}, der opfylder "
                       f"hvert af {len(part)} kriterier. Lavest: {low_text or 'ingen'}. "
                       f"Tallene står også i tabellen under diagrammet.")
        charts.append({"cluster": cluster, "svg": bar_chart_svg(
            bars, chart_id=f"diagram-kriterier-{number + 1}",
            title=f"Andel opfyldt pr. kriterium, {cluster}", description=description,
            maximum=1.0, label_width=label_width(b.label for b in bars))})
    return charts


def label_width(labels) -> int:
    """Room for the longest bar label (about 8.5 px per character at the label's size)."""
    longest = max((len(label) for label in labels), default=4)
    return int(min(360, max(60, 8.5 * longest + 16)))


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


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


def label_chart(catalogue: Catalogue) -> Markup | None:
    counts = catalogue.label_counts
    if counts.empty:
        return None
    totals = counts.groupby("label")["antal"].sum().reindex(list(LABELS), fill_value=0)
    total = int(totals.sum())
    if total == 0:
        return None
    colours = {"genoptraening": "#1F4E8C", "behandling": "#6D28D9", "social": "#B45309",
               "beskaeftigelse": "#166534", "forebyggelse": "#0F766E", "civilsamfund": "#7C2D12"}
    bars = [Bar(LABEL_TITLES[label], float(n), f"{n} ({n / total:.0%})".replace("%", " %"),
                colours[label]) for label, n in totals.items()]
    summary = ", ".join(f"{LABEL_TITLES[label]} {n}" for label, n in totals.items())
    return bar_chart_svg(
        bars, chart_id="diagram-sektorer", title="Udsagn i genoptræningsbehov og mål pr. sektor",
        description=f"Vandret søjlediagram over {total} udsagn fordelt på den endelige sektor: "
                    f"{summary}. Tallene står også i tabellen i afsnittet Optælling.",
        maximum=nice_maximum(float(totals.max())), label_width=label_width(b.label for b in bars),
        percent_axis=False)


# -- the page -------------------------------------------------------------------------------
def _records(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None:
        return []
    return [{k: (None if (not isinstance(v, str) and pd.isna(v)) else v) for k, v in row.items()}
            for row in frame.to_dict("records")]


def criterion_shares(catalogue: Catalogue) -> dict[str, float]:
    """Share fulfilled per criterion over all current runs (only assessed criteria)."""
    totals = catalogue.fulfilment.groupby("criterion_id")[["opfyldt", "vurderet"]].sum()
    totals = totals[totals["vurderet"] > 0]
    return {str(cid): float(row.opfyldt / row.vurderet) for cid, row in totals.iterrows()}


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
        "hearing": hearing_labels(content),
        "criterion_shares": criterion_shares(catalogue),
        "missed": missed,
    }


def render_catalogue_html(catalogue: Catalogue) -> str:
    return _environment().get_template(TEMPLATE).render(**page_context(catalogue))


def write_catalogue_html(catalogue: Catalogue, path: str | Path) -> Path:
    """Write the catalogue page atomically; return the path."""
    path = Path(path)
    write_text_atomic(path, render_catalogue_html(catalogue))
    return path
