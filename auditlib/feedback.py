"""Feedback pages: one short page per hospital unit or municipality (issue 19, KH04).

Each page shows the unit's plans against the cluster (the run): the share fulfilled per
criterion with n beside every percentage, the sectors its plans' grey-zone statements
border on, two good examples, and what to strengthen (the lowest criteria, linked to the
catalogue's competence needs). No plan text is on a page, only pseudonymous plan ids of
the good examples.

Every count about a unit goes through the suppression function (spec/privacy.md): the
cells of all units of a criterion are suppressed together with their totals, so that a
hidden count cannot be worked out from another unit's page or the catalogue. A share is
shown only when both counts behind it are shown.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from auditlib.errors import AuditlibError
from auditlib.messages import msg

BY = ("afdeling", "kommune")
# Which competence needs a unit can act on: the hospital's own and the shared ones, or
# the municipality's own and the shared ones (kompetencer.yaml, side).
SIDES = {"afdeling": ("hospital", "begge"), "kommune": ("kommune", "begge")}
GOOD_EXAMPLES = 2
STRENGTHEN = 3
NEEDS_PER_CRITERION = 2  # the page must fit one A4 sheet
TEMPLATE = "feedback.html.j2"
UNKNOWN = ""  # plans without a unit: counted in the totals, no page of their own


class FeedbackError(AuditlibError):
    """The run folder cannot give feedback pages (no plans.csv, unknown grouping)."""


@dataclass
class CriterionLine:
    id: str
    titel: str
    alvor: str
    unit_n: str  # the shown count of assessed plans, or a suppression marker
    unit_share: float | None  # None when hidden or nothing assessed
    cluster_n: str
    cluster_share: float | None


@dataclass
class Need:
    id: str
    titel: str
    forslag: str


@dataclass
class Strengthen:
    criterion: CriterionLine
    needs: list[Need]


@dataclass
class GreyZoneLine:
    label: str
    title: str
    count: str  # shown count or marker
    zones: list[str]  # the catalogue's known grey zones with statements of this sector


@dataclass
class FeedbackPage:
    by: str
    unit: str
    cluster: str
    period: str | None
    n_plans: str
    n_cluster: int
    criteria: list[CriterionLine]
    greyzones: list[GreyZoneLine]
    examples: list[tuple[str, int, int, bool]]  # plan_id, met, assessed, forum's example
    strengthen: list[Strengthen]
    small: bool  # the unit's plan count is hidden: no shares, no examples
    # "enhed": the unit's own lowest shares; "klynge": every unit share is hidden, so the
    # cluster's lowest criteria stand in (nothing about the unit is shown).
    strengthen_from: str = "enhed"
    notes: list[str] = field(default_factory=list)


# -- suppression -----------------------------------------------------------------------------
def _suppress(values: Mapping[Hashable, int], sums: Iterable[tuple[Hashable, list]],
              hide: Iterable[Hashable], published: Iterable[Hashable], config) -> dict:
    """key -> marker (hidden) or None (shown), through the privacy package's function."""
    from auditlib.privacy.suppress import Equation, suppress_cells

    result = suppress_cells(values, [Equation(total, tuple(parts)) for total, parts in sums],
                            min_count=config.suppression.min_count,
                            suppress_zero=config.suppression.suppress_zero, hide=hide,
                            published_elsewhere=published)
    return {key: result.marker(key) for key in values}


def _linked_counts(counts: dict[str, int], config) -> dict[str, str | None]:
    """One count per unit and their total (published in the catalogue): unit -> marker."""
    values = {("n", unit): n for unit, n in counts.items()}
    values[("n", "*")] = sum(counts.values())
    markers = _suppress(values, [(("n", "*"), [("n", u) for u in counts])],
                        [("n", UNKNOWN)] if UNKNOWN in counts else [], [("n", "*")], config)
    return {unit: markers[("n", unit)] for unit in counts}


def _criterion_markers(met: dict[str, int], failed: dict[str, int],
                       plan_markers: dict[str, str | None], config) -> dict:
    """Suppress one criterion's met (o), not met (f) and assessed (v = o + f) counts of
    every unit at once, with the cluster's totals (published in the catalogue).

    A unit whose plan count is hidden has its assessed counts hidden too: for a criterion
    assessed on every plan, v is the plan count. (The plans where a criterion could not be
    assessed, n - v, are not treated as a cell: with zeros suppressed they would hide
    every share.)
    """
    units = list(met)
    values: dict[Hashable, int] = {}
    sums = []
    for unit in units:
        values[("o", unit)], values[("f", unit)] = met[unit], failed[unit]
        values[("v", unit)] = met[unit] + failed[unit]
        sums.append((("v", unit), [("o", unit), ("f", unit)]))
    for kind in ("o", "f", "v"):
        values[(kind, "*")] = sum(values[(kind, u)] for u in units)
        sums.append(((kind, "*"), [(kind, u) for u in units]))
    sums.append((("v", "*"), [("o", "*"), ("f", "*")]))
    hide = [(kind, UNKNOWN) for kind in ("o", "f", "v")] if UNKNOWN in units else []
    hide += [("v", u) for u in units if plan_markers.get(u) is not None]
    return _suppress(values, sums, hide, [(k, "*") for k in ("o", "f", "v")], config)


# -- the run ------------------------------------------------------------------------------------
def read_plans(run_path: Path) -> pd.DataFrame:
    """plans.csv of the run, with the columns the pages group by."""
    from auditlib.audit import PLAN_FILE_COLUMNS
    from auditlib.rundir import PLANS_FILE
    from auditlib.rundir import read_plans as read_run_plans

    frame = read_run_plans(run_path)
    if frame is None:
        raise FeedbackError(msg("tilbage_ingen_planer", path=run_path, name=PLANS_FILE))
    missing = [c for c in PLAN_FILE_COLUMNS if c not in frame.columns]
    if missing:
        raise FeedbackError(msg("tilbage_planer_kolonner", path=run_path / PLANS_FILE,
                                missing=", ".join(missing)))
    return frame


def read_good_examples(run_path: Path) -> set[str]:
    """Plans the forum marked "god eksempelplan" at the meeting (verdicts.csv; empty
    before the meeting)."""
    from auditlib.rundir import read_verdicts

    verdicts = read_verdicts(run_path)
    if verdicts is None:
        return set()
    chosen = verdicts["good_example"].map(lambda v: str(v).strip().casefold() == "ja")
    return set(verdicts.loc[chosen, "plan_id"])


def _units(plans: pd.DataFrame, by: str) -> pd.Series:
    from auditlib.text import is_blank

    return plans[by].map(lambda v: UNKNOWN if is_blank(v) else " ".join(str(v).split()))


# -- the pages -------------------------------------------------------------------------------
def build_feedback(run, by: str, *, content=None, config=None,
                   good_examples: set[str] | None = None) -> list[FeedbackPage]:
    """One page per unit (``by``: afdeling or kommune) of the plans in ``run``."""
    from auditlib.catalogue.content import load_content
    from auditlib.config import load_config
    from auditlib.criteria.info import CriterionInfo, criteria_info
    from auditlib.vocabulary import LABEL_TITLES, LABELS

    if by not in BY:
        raise FeedbackError(msg("tilbage_ukendt_gruppe", by=by, allowed=", ".join(BY)))
    config = config or load_config()
    content = content or load_content()
    plans = read_plans(run.path)
    if good_examples is None:
        good_examples = read_good_examples(run.path)
    unit_of = dict(zip(plans["plan_id"], _units(plans, by), strict=True))
    results = run.final_criteria()
    results["unit"] = results["plan_id"].map(unit_of).fillna(UNKNOWN)
    statements = run.final_statements()
    statements["unit"] = statements["plan_id"].map(unit_of).fillna(UNKNOWN)
    units = sorted(set(unit_of.values()) | set(results["unit"]))
    named = [u for u in units if u != UNKNOWN]
    if not named:
        raise FeedbackError(msg("tilbage_ingen_enheder", by=by))

    plan_counts = results.groupby("unit")["plan_id"].nunique().reindex(units, fill_value=0)
    plans_by = {u: int(plan_counts[u]) for u in units}
    n_markers = _linked_counts(plans_by, config)
    info = criteria_info()
    criterion_ids = [c for c in info if c in set(results["criterion_id"])]
    lines: dict[str, list[CriterionLine]] = {u: [] for u in named}
    for cid in criterion_ids:
        rows = results[results["criterion_id"].eq(cid)]
        met = rows[rows["final"].eq("opfyldt")].groupby("unit").size()
        failed = rows[rows["final"].eq("ikke_opfyldt")].groupby("unit").size()
        met_by = {u: int(met.get(u, 0)) for u in units}
        failed_by = {u: int(failed.get(u, 0)) for u in units}
        markers = _criterion_markers(met_by, failed_by, n_markers, config)
        total_met, total_assessed = sum(met_by.values()), sum(met_by.values()) + sum(
            failed_by.values())
        meta = info.get(cid, CriterionInfo(cid, cid, "", ""))
        for unit in named:
            assessed = met_by[unit] + failed_by[unit]
            shown = markers[("o", unit)] is None and markers[("f", unit)] is None
            lines[unit].append(CriterionLine(
                cid, meta.titel, meta.alvor,
                markers[("v", unit)] or str(assessed),
                met_by[unit] / assessed if shown and assessed else None,
                str(total_assessed), total_met / total_assessed if total_assessed else None))

    greyzone = statements[statements["greyzone"].astype(bool)]
    zones_by_label: dict[str, list[str]] = {}
    for zone in content.snitflader.graazoner:
        for label in dict.fromkeys(u.label for u in zone.udsagn):
            zones_by_label.setdefault(label, []).append(f"{zone.id}. {zone.titel}")
    grey_lines: dict[str, list[GreyZoneLine]] = {u: [] for u in named}
    for label in LABELS:
        counts = greyzone[greyzone["final_label"].eq(label)].groupby("unit").size()
        by_unit = {u: int(counts.get(u, 0)) for u in units}
        if not sum(by_unit.values()):
            continue
        markers = _linked_counts(by_unit, config)
        for unit in named:
            if by_unit[unit]:
                grey_lines[unit].append(GreyZoneLine(label, LABEL_TITLES.get(label, label),
                                                     markers[unit] or str(by_unit[unit]),
                                                     zones_by_label.get(label, [])))

    sides = SIDES[by]
    cluster = run.cluster or msg("tilbage_alle_klynger")
    period = _period(run)
    pages = []
    for unit in named:
        # Too few plans for shares and examples; a larger unit whose count is hidden only
        # to protect another unit's ("x") keeps its page.
        small = plans_by[unit] < config.suppression.min_count
        unit_lines = lines[unit]
        strengthen = _strengthen(unit_lines, content, sides, "unit_share")
        strengthen_from = "enhed"
        if not strengthen and not any(line.unit_share is not None for line in unit_lines):
            strengthen, strengthen_from = (
                _strengthen(unit_lines, content, sides, "cluster_share"), "klynge")
        pages.append(FeedbackPage(
            by=by, unit=unit, cluster=cluster, period=period,
            n_plans=n_markers[unit] or str(int(plan_counts[unit])),
            n_cluster=int(plan_counts.sum()), criteria=unit_lines,
            greyzones=grey_lines[unit],
            examples=[] if small else _examples(results[results["unit"].eq(unit)],
                                                good_examples),
            strengthen=strengthen, small=small, strengthen_from=strengthen_from))
    return pages


def _period(run) -> str | None:
    period = run.meta.get("period") or {}
    first, last = period.get("first"), period.get("last")
    if not first:
        return None
    return first if first == last else f"{first} – {last}"


def _examples(results: pd.DataFrame, forum: set[str]) -> list[tuple[str, int, int, bool]]:
    """The forum's "god eksempelplan" plans first, then the plans with most criteria met."""
    met = results[results["final"].eq("opfyldt")].groupby("plan_id").size()
    assessed = results[results["final"].isin(["opfyldt", "ikke_opfyldt"])] \
        .groupby("plan_id").size()
    plans = sorted(set(results["plan_id"]), key=lambda p: (
        p not in forum, -int(met.get(p, 0)), int(assessed.get(p, 0) - met.get(p, 0)), p))
    return [(p, int(met.get(p, 0)), int(assessed.get(p, 0)), p in forum)
            for p in plans[:GOOD_EXAMPLES]]


def _strengthen(lines: list[CriterionLine], content, sides: tuple[str, ...],
                share: str) -> list[Strengthen]:
    """The lowest shown shares below 100 % (``share``: unit_share or cluster_share)."""
    shown = [line for line in lines
             if getattr(line, share) is not None and getattr(line, share) < 1]
    shown.sort(key=lambda line: (getattr(line, share), line.id))
    chosen = []
    for line in shown[:STRENGTHEN]:
        needs = [Need(c.id, c.titel, c.forslag) for c in content.kompetencer.kompetencer
                 if line.id in c.kriterier and c.side in sides]
        chosen.append(Strengthen(line, needs[:NEEDS_PER_CRITERION]))
    return chosen


# -- writing -------------------------------------------------------------------------------------
def render_page(page: FeedbackPage) -> str:
    import jinja2

    from auditlib.formats import fmt_percent

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("auditlib", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined)
    environment.filters["procent"] = fmt_percent
    return environment.get_template(TEMPLATE).render(page=page, words=_words(page))


def _words(page: FeedbackPage) -> dict[str, str]:
    kind = msg("tilbage_afdeling" if page.by == "afdeling" else "tilbage_kommune")
    return {"kind": kind, "title": msg("tilbage_titel", kind=kind, unit=page.unit)}


def page_file_name(unit: str, taken: set[str]) -> str:
    """An ASCII file name for the unit's page, unique in the folder."""
    from auditlib.text import slug

    stem = slug(unit, "enhed")[:60].strip("-") or "enhed"
    name, number = f"{stem}.html", 2
    while name in taken:
        name, number = f"{stem}-{number}.html", number + 1
    taken.add(name)
    return name


def write_feedback(run_dir: str | Path, by: str, out_dir: str | Path, *, content_dir=None,
                   config=None) -> list[Path]:
    """Build every page first, then write each one atomically into ``out_dir``."""
    from auditlib.atomic import write_text_atomic
    from auditlib.catalogue.content import load_content
    from auditlib.rundir import read_run

    run = read_run(run_dir)
    pages = build_feedback(run, by, content=load_content(content_dir), config=config)
    out_dir = Path(out_dir)
    taken: set[str] = set()
    rendered = [(out_dir / page_file_name(page.unit, taken), render_page(page))
                for page in pages]
    for path, html in rendered:
        write_text_atomic(path, html)
    return [path for path, _ in rendered]


__all__ = ["BY", "FeedbackError", "FeedbackPage", "build_feedback", "read_plans",
           "render_page", "write_feedback"]
