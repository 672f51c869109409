"""Merge the curated content with the evidence of one or more audit runs.

The result, a ``Catalogue``, is plain data (content models and pandas frames) that the
Excel and HTML writers only lay out. Everywhere the forum has decided (``decisions.csv``)
its decision overrides the tool's result or label; the tool's proposal is kept beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from auditlib import __version__
from auditlib.audit import quarter_labels
from auditlib.catalogue.content import CatalogueContent
from auditlib.catalogue.privacy_gate import identifier_mask
from auditlib.catalogue.wording import ALL_CLUSTERS, WHOLE_PERIOD
from auditlib.compare import compare_runs
from auditlib.counts import quarterly_counts, suppress_group_quarters, wide_counts
from auditlib.criteria.info import CriterionInfo, criteria_info
from auditlib.formats import fmt_percent
from auditlib.register.columns import GREYZONE_FIELDS
from auditlib.rundir import Run, fulfilment, read_plans, read_run, read_verdicts
from auditlib.vocabulary import LABEL_TITLES, LABELS, RESULTS, suggestion_text

EXAMPLE_FIELDS = ("funktionsevne", "genoptraeningsbehov", "maal")
GREYZONE_COLUMNS = ["final_label", "klynge", "plan_id", "field", "statement_no", "statement",
                    "tool_label", "second_label", "unsettled", "suggestion", "probability",
                    "forum_label", "decided_by", "decision_reason"]
EXAMPLE_COLUMNS = ["eksempel", "klynge", "niveau", *EXAMPLE_FIELDS, "hvad_fungerer"]
TOP_PLANS = 10  # the HTML lists this many plans; the workbook lists them all
# plan_table: klynge, plan_id, formelle_mangler, kvalitetsmangler, mangler, then one
# column per criterion.
PLAN_FIXED_COLUMNS = 5


@dataclass
class RunInfo:
    name: str
    cluster: str
    n_plans: int
    register: str
    started: str
    model: str


@dataclass
class CoverInfo:
    clusters: list[str]
    period_first: str | None
    period_last: str | None
    n_plans: int
    created: dt.date
    version: str
    content_version: str
    runs: list[RunInfo]

    @property
    def period(self) -> str | None:
        if not self.period_first:
            return None
        if self.period_first == self.period_last:
            return self.period_first
        return f"{self.period_first} – {self.period_last}"


@dataclass
class Catalogue:
    """Everything the catalogue shows. Frames are in display order."""

    content: CatalogueContent
    cover: CoverInfo
    criteria: dict[str, CriterionInfo]
    # One row per cluster and criterion: counts per result and the share fulfilled.
    fulfilment: pd.DataFrame
    # One row per plan: failures and the final result of every criterion (most failures first).
    plans: pd.DataFrame
    # Real grey-zone statements from the runs with the tool's and the forum's label.
    greyzone: pd.DataFrame
    # Final labels of every statement in the grey-zone fields, per cluster.
    label_counts: pd.DataFrame
    # One row per competence need, with what in the audit points to it.
    competence_needs: pd.DataFrame
    # One row per recommendation, with the fulfilment of its criteria.
    recommendations: pd.DataFrame
    # Plans per quarter (and cluster), or per cluster when no quarters are known.
    counts: pd.DataFrame
    counts_source: str  # "register", "run.json" or "koersler"
    # Change per criterion between two runs of the same cluster (None with one run).
    change: pd.DataFrame | None = None
    withheld_statements: int = 0
    notes: list[str] = field(default_factory=list)
    # Part 1's concrete examples: the plans the forum marked "god eksempelplan" at the
    # meeting, anonymised (no plan_id), with the forum's "hvad fungerer".
    example_plans: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=EXAMPLE_COLUMNS))
    # The part "Planer der ikke blev lavet" (auditlib.missed), when missed-plans runs are given.
    missed: object | None = None
    # False: the writers leave out plan-level rows (plan ids, statements), for sharing
    # the catalogue outside the cluster.
    plan_rows: bool = True

    @property
    def top_plans(self) -> pd.DataFrame:
        return self.plans.head(TOP_PLANS)

    @property
    def highlights(self) -> Highlights:
        return highlights(self)


@dataclass
class Highlights:
    """The few numbers the cover and the summary show first."""

    n_plans: int
    formal_ok: int  # plans that meet every formal requirement
    lowest: list[tuple[str, str, float]]  # (criterion id, title, share), lowest first
    n_greyzone: int
    n_forum: int
    outside_training: int  # grey-zone statements whose final sector is not genoptræning
    needs: list[tuple[str, str, int]]  # (id, title, signals), most signals first


def highlights(catalogue: Catalogue, *, lowest: int = 3, needs: int = 3) -> Highlights:
    totals = catalogue.fulfilment.groupby("criterion_id", sort=False)[
        ["opfyldt", "vurderet"]].sum()
    totals = totals[totals["vurderet"] > 0]
    shares = (totals["opfyldt"] / totals["vurderet"]).astype("float64")
    shares = shares[shares < 1].sort_values(kind="stable")
    low = [(cid, catalogue.criteria[cid].titel if cid in catalogue.criteria else cid,
            float(share)) for cid, share in shares.head(lowest).items()]
    pointed = catalogue.competence_needs[catalogue.competence_needs["signaler"] > 0]
    greyzone = catalogue.greyzone
    return Highlights(
        n_plans=len(catalogue.plans),
        formal_ok=int(catalogue.plans["formelle_mangler"].eq(0).sum()),
        lowest=low,
        n_greyzone=len(greyzone),
        n_forum=int(greyzone["decided_by"].eq("forum").sum()) if len(greyzone) else 0,
        outside_training=int(greyzone["final_label"].ne("genoptraening").sum())
        if len(greyzone) else 0,
        needs=[(r.id, r.titel, int(r.signaler))
               for r in pointed.head(needs).itertuples(index=False)],
    )


# -- runs ---------------------------------------------------------------------------------
def _cluster_name(run: Run) -> str:
    return run.cluster or ALL_CLUSTERS


def _run_info(run: Run) -> RunInfo:
    meta = run.meta
    n_plans = meta.get("n_plans")
    if not isinstance(n_plans, int):
        n_plans = len(run.plan_ids)
    register = meta.get("register")
    if isinstance(register, dict):
        register = register.get("name") or register.get("file") or ""
    model = meta.get("model_version") or meta.get("model") or ""
    if isinstance(model, dict):
        model = model.get("version") or ""
    return RunInfo(name=run.path.name, cluster=_cluster_name(run), n_plans=n_plans,
                   register=str(register or meta.get("register_name") or ""),
                   started=str(meta.get("started") or ""), model=str(model))


def _ordered(runs: list[Run]) -> list[Run]:
    """Oldest first, so the last run of a cluster is its current one."""
    return sorted(runs, key=lambda r: str(r.meta.get("started") or ""))


def _current_runs(runs: list[Run]) -> list[Run]:
    latest: dict[str, Run] = {}
    for run in _ordered(runs):
        latest[_cluster_name(run)] = run
    return list(latest.values())


# -- forum decisions ----------------------------------------------------------------------
def final_criteria(run: Run) -> pd.DataFrame:
    """The run's final results (the forum's where it decided; see ``Run.final_criteria``)."""
    return run.final_criteria().assign(klynge=_cluster_name(run))


def final_statements(run: Run) -> pd.DataFrame:
    """The run's statements with the forum's label (see ``Run.final_statements``)."""
    return run.final_statements().assign(klynge=_cluster_name(run))


# -- audit evidence -----------------------------------------------------------------------
def fulfilment_table(results: pd.DataFrame, criteria: dict[str, CriterionInfo]) -> pd.DataFrame:
    """Counts per final result and the share fulfilled, per cluster and criterion.

    The share is opfyldt / (opfyldt + ikke_opfyldt): plans where the criterion does not
    apply or cannot be judged do not count for or against it.
    """
    order = {cid: i for i, cid in enumerate(criteria)}
    table = fulfilment(results, ["klynge", "criterion_id"])
    decided = results.groupby(["klynge", "criterion_id"])["forum_afgjort"].sum()
    table = table.merge(decided.reset_index(), on=["klynge", "criterion_id"], how="left")
    table["titel"] = [criteria.get(c, CriterionInfo(c, c, "", "")).titel
                      for c in table["criterion_id"]]
    table["alvor"] = [criteria.get(c, CriterionInfo(c, c, "", "")).alvor
                      for c in table["criterion_id"]]
    table["kilde"] = [criteria.get(c, CriterionInfo(c, c, "", "")).kilde
                      for c in table["criterion_id"]]
    table["_order"] = [order.get(c, len(order)) for c in table["criterion_id"]]
    table = table.sort_values(["klynge", "_order", "criterion_id"]).drop(columns="_order")
    columns = ["klynge", "criterion_id", "titel", "alvor", "kilde", *RESULTS, "vurderet",
               "andel_opfyldt", "forum_afgjort"]
    return table[columns].reset_index(drop=True)


def plan_table(results: pd.DataFrame, criteria: dict[str, CriterionInfo]) -> pd.DataFrame:
    """One row per plan: failures counted by severity, and the final result per criterion."""
    severity = {cid: info.alvor for cid, info in criteria.items()}
    failed = results[results["final"].eq("ikke_opfyldt")].copy()
    failed["alvor"] = failed["criterion_id"].map(severity).fillna("kvalitet")
    order = {cid: i for i, cid in enumerate(criteria)}
    wide = results.pivot_table(index=["klynge", "plan_id"], columns="criterion_id",
                               values="final", aggfunc="last")
    wide = wide[sorted(wide.columns, key=lambda c: (order.get(c, len(order)), c))]
    wide.columns = [str(c) for c in wide.columns]
    table = wide.reset_index()
    formal = failed[failed["alvor"].eq("formel")].groupby(["klynge", "plan_id"]).size()
    quality = failed[failed["alvor"].ne("formel")].groupby(["klynge", "plan_id"]).size()
    lists = failed.assign(_o=failed["criterion_id"].map(order)).sort_values("_o") \
        .groupby(["klynge", "plan_id"])["criterion_id"].agg(", ".join)
    keys = list(zip(table["klynge"], table["plan_id"], strict=True))
    table.insert(2, "formelle_mangler", [int(formal.get(k, 0)) for k in keys])
    table.insert(3, "kvalitetsmangler", [int(quality.get(k, 0)) for k in keys])
    table.insert(4, "mangler", [lists.get(k, "") for k in keys])
    table = table.sort_values(["formelle_mangler", "kvalitetsmangler", "plan_id"],
                              ascending=[False, False, True], kind="stable")
    return table.reset_index(drop=True)


def greyzone_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Grey-zone statements and every statement the forum decided, under their final label."""
    if statements.empty:
        return _empty_greyzone()
    chosen = statements[statements["greyzone"].astype(bool) | statements["decided_by"].eq("forum")]
    label_order = {label: i for i, label in enumerate(LABELS)}
    # An unsettled statement the forum has not decided has no final label: it sorts last and
    # is shown as "uafklaret" with the tool's two best sectors, never as a sector.
    table = chosen.assign(_label=chosen["final_label"].map(label_order).fillna(len(LABELS)))
    table = table.sort_values(["_label", "klynge", "plan_id", "field", "statement_no"])
    table = table.drop(columns="_label")
    table["suggestion"] = [suggestion_text(r.tool_label, r.second_label, bool(r.unsettled))
                           for r in table.itertuples(index=False)]
    return table[GREYZONE_COLUMNS].reset_index(drop=True)



def _empty_greyzone() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="str") for c in GREYZONE_COLUMNS})


def label_count_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Final labels of the statements in the grey-zone fields, per cluster, in label order."""
    rows = []
    in_fields = statements[statements["field"].isin(GREYZONE_FIELDS)] if len(statements) else \
        statements
    for cluster in sorted(in_fields["klynge"].unique()) if len(in_fields) else []:
        part = in_fields[in_fields["klynge"].eq(cluster)]
        total = len(part)
        for label in LABELS:
            count = int(part["final_label"].eq(label).sum())
            rows.append({"klynge": cluster, "label": label, "antal": count,
                         "andel": count / total if total else float("nan")})
    return pd.DataFrame(rows, columns=["klynge", "label", "antal", "andel"])


def competence_table(content: CatalogueContent, results: pd.DataFrame,
                     greyzone: pd.DataFrame) -> pd.DataFrame:
    """Each competence need with the failing criteria and grey-zone labels that point to it."""
    failed = results[results["final"].eq("ikke_opfyldt")].groupby("criterion_id")["plan_id"] \
        .nunique()
    assessed = results[results["final"].isin(["opfyldt", "ikke_opfyldt"])] \
        .groupby("criterion_id")["plan_id"].nunique()
    zone_counts = greyzone["final_label"].value_counts() if len(greyzone) else pd.Series(dtype=int)
    rows = []
    for position, need in enumerate(content.kompetencer.kompetencer):
        criteria_hits = [(c, int(failed.get(c, 0)), int(assessed.get(c, 0)))
                         for c in need.kriterier if failed.get(c, 0)]
        zone_hits = [(z, int(zone_counts.get(z, 0))) for z in need.graazoner
                     if zone_counts.get(z, 0)]
        rows.append({
            "id": need.id, "side": need.side, "titel": need.titel,
            "beskrivelse": need.beskrivelse, "forslag": need.forslag,
            "kriterier": ", ".join(need.kriterier),
            "graazoner": ", ".join(LABEL_TITLES.get(z, z) for z in need.graazoner),
            "peget_kriterier": "; ".join(f"{c}: {n} af {a} planer" for c, n, a in criteria_hits),
            "peget_graazoner": "; ".join(f"{LABEL_TITLES.get(z, z)}: {n}" for z, n in zone_hits),
            "signaler": sum(n for _, n, _ in criteria_hits) + sum(n for _, n in zone_hits),
            "_order": position,
        })
    table = pd.DataFrame(rows)
    table = table.sort_values(["signaler", "_order"], ascending=[False, True], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)


def recommendation_table(content: CatalogueContent, fulfilment: pd.DataFrame) -> pd.DataFrame:
    """Each recommendation with the share fulfilled of the criteria it addresses."""
    totals = fulfilment.groupby("criterion_id")[["opfyldt", "vurderet"]].sum()
    rows = []
    for rec in content.anbefalinger.anbefalinger:
        status = []
        for criterion in rec.kriterier:
            if criterion in totals.index and totals.loc[criterion, "vurderet"] > 0:
                met, judged = (int(totals.loc[criterion, k]) for k in ("opfyldt", "vurderet"))
                status.append(f"{criterion} {fmt_percent(met / judged, n=met, total=judged)}")
        rows.append({"id": rec.id, "titel": rec.titel, "tekst": rec.tekst,
                     "maalgruppe": rec.maalgruppe, "kriterier": ", ".join(rec.kriterier),
                     "kriterier_status": ", ".join(status)})
    return pd.DataFrame(rows)


# -- counts and period --------------------------------------------------------------------
def _register_counts(register, suppression) -> pd.DataFrame:
    """One row per breakdown (total, level, diagnosis group, municipality) and category,
    one column per quarter; small cells suppressed (auditlib.privacy.suppress)."""
    return wide_counts(quarterly_counts(register.frame, suppression.min_count,
                                        suppress_zero=suppression.suppress_zero))


def _run_counts(runs: list[Run], suppression) -> tuple[pd.DataFrame, str]:
    rows = []
    with_quarters = all(isinstance(r.meta.get("quarters"), dict) and r.meta["quarters"]
                        for r in runs)
    for run in runs:
        if with_quarters:
            for quarter, n in sorted(run.meta["quarters"].items()):
                rows.append({"kvartal": str(quarter), "klynge": _cluster_name(run),
                             "planer": int(n)})
        else:
            rows.append({"kvartal": _period_text(run) or WHOLE_PERIOD,
                         "klynge": _cluster_name(run), "planer": _run_info(run).n_plans})
    table = pd.DataFrame(rows, columns=["kvartal", "klynge", "planer"])
    table = table.sort_values(["kvartal", "klynge"]).reset_index(drop=True)
    if with_quarters:  # plans per quarter are published cells like any other count
        table = suppress_group_quarters(table, "klynge", "planer", suppression.min_count,
                                        suppression.suppress_zero)
    return table, ("run.json" if with_quarters else "koersler")


def _run_period(run: Run) -> tuple[str | None, str | None]:
    period = run.meta.get("period")
    if isinstance(period, dict) and period.get("first"):
        return str(period["first"]), str(period.get("last") or period["first"])
    quarters = run.meta.get("quarters")
    if isinstance(quarters, dict) and quarters:
        keys = sorted(str(k) for k in quarters)
        return keys[0], keys[-1]
    return None, None


def _period_text(run: Run) -> str | None:
    first, last = _run_period(run)
    if not first:
        return None
    return first if first == last else f"{first} – {last}"


def _period(runs: list[Run], register) -> tuple[str | None, str | None]:
    firsts, lasts = [], []
    for run in runs:
        first, last = _run_period(run)
        if first:
            firsts.append(first)
            lasts.append(last)
    if firsts:
        return min(firsts), max(lasts)
    if register is not None:
        quarters = quarter_labels(register.frame["udskrevet"]).dropna()
        if len(quarters):
            return str(quarters.min()), str(quarters.max())
    return None, None


# -- change between runs ------------------------------------------------------------------
def change_table(runs: list[Run]) -> pd.DataFrame | None:
    """Per cluster with two or more runs: the share fulfilled in the first and the last run."""
    by_cluster: dict[str, list[Run]] = {}
    for run in _ordered(runs):
        by_cluster.setdefault(_cluster_name(run), []).append(run)
    frames = []
    for cluster, cluster_runs in by_cluster.items():
        if len(cluster_runs) < 2:
            continue
        compared = compare_runs(cluster_runs[0], cluster_runs[-1], with_counts=True)
        frames.append(compared if "klynge" in compared else compared.assign(klynge=cluster))
    if not frames:
        return None
    return pd.concat(frames, ignore_index=True)


# -- the whole catalogue ------------------------------------------------------------------
def example_plan_table(runs: list[Run], config) -> tuple[pd.DataFrame, int]:
    """The forum's good example plans (EXAMPLE_COLUMNS) and how many were withheld
    because the privacy guard found something in them. The plan_id is left out: the
    examples are published."""
    rows = []
    for run in runs:
        verdicts = read_verdicts(run.path)
        if verdicts is None:
            continue
        good = verdicts[verdicts["good_example"].str.casefold().eq("ja")]
        if good.empty:
            continue
        plans = read_plans(run.path)
        texts = plans.set_index("plan_id") if plans is not None else None
        for verdict in good.itertuples(index=False):
            row = {"klynge": _cluster_name(run), "hvad_fungerer": verdict.works, "niveau": ""}
            if texts is not None and verdict.plan_id in texts.index:
                values = texts.loc[verdict.plan_id]
                row["niveau"] = str(values.get("niveau", "") or "")
                row.update({f: str(values.get(f, "") or "") for f in EXAMPLE_FIELDS})
            else:  # a run without plans.csv: the plan's statements
                mine = run.statements[run.statements["plan_id"].eq(verdict.plan_id)]
                row.update({f: "\n".join(mine.loc[mine["field"].eq(f), "statement"].astype(str))
                            for f in EXAMPLE_FIELDS})
            rows.append(row)
    frame = pd.DataFrame(rows, columns=EXAMPLE_COLUMNS[1:])
    if frame.empty:
        return pd.DataFrame(columns=EXAMPLE_COLUMNS), 0
    texts = frame[[*EXAMPLE_FIELDS, "hvad_fungerer"]].astype(str).agg(" ".join, axis=1)
    flagged = identifier_mask(texts, config)
    frame = frame[~flagged].reset_index(drop=True)
    frame.insert(0, "eksempel", [f"Eksempelplan {i}" for i in range(1, len(frame) + 1)])
    return frame, int(flagged.sum())


def load_runs(paths: list[str | Path]) -> list[Run]:
    return [read_run(p) for p in paths]


def build_catalogue(runs: list[Run], content: CatalogueContent, *, register=None,
                    config=None, created: dt.date | None = None,
                    missed: list | None = None) -> Catalogue:
    """Merge curated content with the audit runs (the forum's decisions override the tool).

    ``register``: an optional loaded, validated and privacy-checked register; when given,
    the counts are plans per quarter of discharge from it. Otherwise the counts come from
    ``run.json`` (``quarters``) or are plans per cluster.
    """
    if config is None:
        from auditlib.config import load_config

        config = load_config()
    criteria = criteria_info()
    current = _current_runs(runs)
    results = pd.concat([final_criteria(r) for r in current], ignore_index=True)
    statements = pd.concat([final_statements(r) for r in current], ignore_index=True)

    fulfilment = fulfilment_table(results, criteria)
    greyzone = greyzone_table(statements)
    withheld = 0
    notes: list[str] = []
    if len(greyzone):
        texts = greyzone["statement"].astype(str) + " " + greyzone["decision_reason"].astype(str)
        flagged = identifier_mask(texts, config)
        withheld = int(flagged.sum())
        if withheld:
            from auditlib.messages import msg

            plan_ids = ", ".join(sorted(greyzone.loc[flagged, "plan_id"].astype(str).unique()))
            notes.append(msg("katalog_udeladte_udsagn", count=withheld, plan_ids=plan_ids))
            greyzone = greyzone[~flagged].reset_index(drop=True)

    examples, withheld_examples = example_plan_table(current, config)
    if withheld_examples:
        from auditlib.messages import msg

        notes.append(msg("meeting_udeladte_eksempler", count=withheld_examples))

    if register is not None:
        counts, counts_source = _register_counts(register, config.suppression), "register"
    else:
        counts, counts_source = _run_counts(current, config.suppression)
    first, last = _period(current, register)
    infos = [_run_info(r) for r in _ordered(runs)]
    cover = CoverInfo(
        clusters=sorted({_cluster_name(r) for r in current}),
        period_first=first, period_last=last,
        n_plans=sum(_run_info(r).n_plans for r in current),
        created=created or dt.date.today(), version=__version__,
        content_version=content.version, runs=infos,
    )
    return Catalogue(
        content=content, cover=cover, criteria=criteria, fulfilment=fulfilment,
        plans=plan_table(results, criteria), greyzone=greyzone,
        label_counts=label_count_table(statements),
        competence_needs=competence_table(content, results, greyzone),
        recommendations=recommendation_table(content, fulfilment),
        counts=counts, counts_source=counts_source, change=change_table(runs),
        withheld_statements=withheld, notes=notes, example_plans=examples,
        missed=_missed_part(missed, config.suppression.min_count),
    )


def _missed_part(missed: list | None, min_count: int):
    """The part "Planer der ikke blev lavet" from missed-plans run folders (or None)."""
    if not missed:
        return None
    from auditlib.missed import missed_part, read_missed_run

    runs = [r if hasattr(r, "discharges") else read_missed_run(r) for r in missed]
    return missed_part(runs, min_count)
