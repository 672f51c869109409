"""What the notebooks show, so each notebook cell is one or two lines.

The notebooks in ``notebooks/`` read like reports: a ``parameters`` cell, then calls into
this module (tables, styled tables, charts, short Danish texts). Running them is in
``auditlib.notebooks.execute``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from auditlib.messages import msg
from auditlib.resources import reference_dir
from auditlib.vocabulary import SHARE_COLOURS, share_level, suggestion_text

# -- paths and defaults ---------------------------------------------------------------

def resolve(path: str | Path | None, default: Path) -> Path:
    """A notebook parameter as a path: ``default`` when None or empty, else the path as
    given (relative to the notebook's working directory)."""
    if path is None or str(path) == "":
        return default
    return Path(path)


# -- register, validation and privacy gate ---------------------------------------------

def prepare(register: str | Path | None = None, config=None, cluster: str | None = None):
    """``auditlib.register.prepare_register`` with the demo register as the default: the
    same validation and privacy gate as the CLI and the batch (raises on the first that
    fails, naming every problem's plan and column, never a value)."""
    from auditlib.demo import DEMO_REGISTER
    from auditlib.register import prepare_register

    return prepare_register(resolve(register, DEMO_REGISTER), config, cluster or None)


_MODELS: dict[tuple, object] = {}


def audit_model(config=None):
    """The classifier model the audit uses (``classifier.model`` in the configuration, or
    the shipped one), read with ``load_model`` and its type check, and kept for the
    kernel's next notebook while the file is unchanged (same path, size and time)."""
    from auditlib.classifier import DEFAULT_MODEL_PATH, load_model

    configured = getattr(getattr(config, "classifier", None), "model", None)
    path = Path(configured) if configured else DEFAULT_MODEL_PATH
    try:
        stat = path.resolve().stat()
    except OSError:
        return load_model(path)  # its own Danish error for a missing file
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _MODELS:
        _MODELS.clear()
        _MODELS[key] = load_model(path)
    return _MODELS[key]


def prepared_summary(prepared) -> str:
    """Danish all-clear: how many plans, that they follow the data contract and hold no
    identifier, and any notice (extra columns carried through)."""
    lines = [msg("rapport_ok", name=prepared.name, n=len(prepared.frame)),
             msg("privat_rent", name=prepared.name, n=len(prepared.frame))]
    return "\n\n".join(lines + prepared.notices)


def run_files_text(result, paths: dict) -> str:
    """Markdown: how many plans and statements were audited, and where the files are."""
    meta = result.meta
    lines = [msg("notebook_koersel_resume", n_plans=meta.get("n_plans", 0),
                 n_statements=meta.get("n_statements", 0),
                 n_greyzone=meta.get("n_greyzone", 0)), ""]
    lines += [f"- `{Path(path).name}`" for path in paths.values()]
    return "\n".join(lines)


def files_text(paths: dict) -> str:
    """The files written, by name only: a report never shows a local folder."""
    return "\n".join(f"- `{Path(path).name}`" for path in paths.values())


def demo_or(register: str | Path | None) -> Path:
    from auditlib.demo import DEMO_REGISTER

    return resolve(register, DEMO_REGISTER)


# -- tables ----------------------------------------------------------------------------

def _share_colour(value) -> str:
    level = share_level(None if value is None or pd.isna(value) else float(value))
    return f"background-color: {SHARE_COLOURS[level]}" if level else ""


# Every report table: no index, headings left over text columns, plan ids whole.
_TABLE_STYLES = [
    {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
    {"selector": "td", "props": "vertical-align: top;"},
]


def report_table(table: pd.DataFrame, *, numbers: tuple[str, ...] = (),
                 nowrap: tuple[str, ...] = ()):
    """A table as the report shows it: no index column, Danish headings as given, every
    text in full (a Styler, so pandas never cuts a long text with '…')."""
    styler = (table.style.hide(axis="index").set_table_styles(_TABLE_STYLES)
              .set_properties(**{"text-align": "left"}))
    shown = [c for c in numbers if c in table.columns]
    if shown:
        styler = styler.set_properties(subset=shown, **{"text-align": "right",
                                                        "white-space": "nowrap"})
    kept = [c for c in nowrap if c in table.columns]
    if kept:
        styler = styler.set_properties(subset=kept, **{"white-space": "nowrap"})
    return styler.format(na_rep="–")


def share_levels_text() -> str:
    """The colours' meaning, from the one threshold table (``vocabulary.SHARE_LEVELS``)."""
    from auditlib.vocabulary import SHARE_LEVEL_TITLES

    colours = {"lav": "rød", "middel": "gul", "hoej": "grøn"}
    parts = [f"{colours.get(level, level)}: {title}" for level, title in SHARE_LEVEL_TITLES.items()]
    return "Farverne: " + ", ".join(parts) + "."


def styled_criteria(summary: pd.DataFrame):
    """The criteria summary (``auditlib.summary.criteria_summary``) as the report shows
    it: Danish headings, the share with the plans behind it ("67 % (2 af 3)"), coloured
    by the one threshold table (``vocabulary.SHARE_LEVELS``)."""
    from auditlib.formats import fmt_percent
    from auditlib.vocabulary import SEVERITIES

    table = summary.reset_index(drop=True)
    shown = pd.DataFrame({title: table[key] for key, title in CRITERIA_DISPLAY.items()
                          if key in table.columns and key != "andel_opfyldt"})
    if "alvor" in table.columns:
        shown[CRITERIA_DISPLAY["alvor"]] = [SEVERITIES.get(v, v) for v in table["alvor"]]
    share = CRITERIA_DISPLAY["andel_opfyldt"]
    if "andel_opfyldt" in table.columns:
        judged = table["opfyldt"] + table["ikke_opfyldt"]
        shown[share] = [fmt_percent(v, n=int(n), total=int(t)) for v, n, t in
                        zip(table["andel_opfyldt"], table["opfyldt"], judged, strict=True)]
    counts = [title for key, title in CRITERIA_DISPLAY.items()
              if key not in ("criterion_id", "titel", "alvor") and title in shown.columns]
    styler = report_table(shown, numbers=tuple(counts))
    if share in shown.columns:
        colours = [_share_colour(v) for v in table["andel_opfyldt"]]
        styler = styler.apply(lambda _: colours, subset=[share])
    return styler


# The columns of the criteria table as the forum reads them.
CRITERIA_DISPLAY = {
    "criterion_id": "Kriterium", "titel": "Titel", "alvor": "Type", "andel_opfyldt": "Andel opfyldt",
    "opfyldt": "Opfyldt", "ikke_opfyldt": "Ikke opfyldt", "ikke_relevant": "Ikke relevant",
    "kan_ikke_vurderes": "Kan ikke vurderes", "tjekfejl": "Tjekfejl",
}
PLAN_DISPLAY = {
    "plan_id": "Plan-ID", "formelle_ikke_opfyldt": "Formelle krav ikke opfyldt",
    "kvalitet_ikke_opfyldt": "Kvalitetskrav ikke opfyldt",
    "kan_ikke_vurderes": "Kan ikke vurderes", "ikke_opfyldte": "Kriterier ikke opfyldt",
}


def plans_view(criteria: pd.DataFrame):
    """Findings per plan (``auditlib.summary.plan_summary``) with Danish headings; plans
    with most formal failures first."""
    from auditlib.summary import plan_summary

    table = plan_summary(criteria).rename(columns=PLAN_DISPLAY)
    return report_table(table, numbers=tuple(PLAN_DISPLAY[k] for k in (
        "formelle_ikke_opfyldt", "kvalitet_ikke_opfyldt", "kan_ikke_vurderes")),
        nowrap=(PLAN_DISPLAY["plan_id"],))


def labels_view(statements: pd.DataFrame):
    """Statements per sector (Danish names), each share with its n, and the grey zones."""
    from auditlib.formats import fmt_percent
    from auditlib.summary import label_summary
    from auditlib.vocabulary import LABEL_TITLES

    table = label_summary(statements)
    total = int(table["udsagn"].sum())
    shown = pd.DataFrame({
        "Sektor": [LABEL_TITLES.get(v, v) for v in table["label"]],
        "Udsagn": table["udsagn"].astype(int),
        "Andel af alle udsagn": [fmt_percent(n / total if total else None, n=int(n), total=total)
                                 for n in table["udsagn"]],
        "Heraf gråzoner": table["graazoner"].astype(int),
    })
    return report_table(shown, numbers=("Udsagn", "Andel af alle udsagn", "Heraf gråzoner"))


def greyzone_table(run) -> pd.DataFrame:
    """The grey-zone statements of a run (a Run or its folder): statement, the tool's
    suggestion, probability and explanation, with the forum's decision beside it where
    the forum has decided (``Run.final_statements``)."""
    from auditlib.rundir import Run, read_run

    run = run if isinstance(run, Run) else read_run(run)
    statements = run.final_statements()
    grey = statements["greyzone"].astype(bool) | statements["decided_by"].eq("forum")
    statements = statements.assign(tool_label=[
        suggestion_text(r.tool_label, r.second_label, r.unsettled)
        for r in statements.itertuples(index=False)])
    columns = ["plan_id", "field", "statement_no", "statement", "tool_label", "probability",
               "explanation", "forum_label", "decision_reason"]
    table = statements.loc[grey, [c for c in columns if c in statements.columns]]
    return table.reset_index(drop=True).rename(columns={
        "field": "felt", "statement_no": "nr", "statement": "udsagn",
        "tool_label": "vaerktoejets_label", "probability": "sandsynlighed",
        "explanation": "forklaring", "forum_label": "forum_afgoerelse",
        "decision_reason": "forum_begrundelse"})


GREYZONE_DISPLAY = {
    "plan_id": "Plan-ID", "felt": "Felt", "nr": "Nr.", "udsagn": "Udsagn",
    "vaerktoejets_label": "Værktøjets forslag", "sandsynlighed": "Sikkerhed",
    "forklaring": "Ord, der talte mest", "forum_afgoerelse": "Forummets afgørelse",
    "forum_begrundelse": "Forummets begrundelse",
}


def greyzone_view(run):
    """The grey-zone statements as the report shows them: Danish field and sector names,
    the tool's certainty in per cent, every text in full; the forum's columns only once
    it has decided something."""
    from auditlib.formats import fmt_percent
    from auditlib.register.columns import COLUMNS
    from auditlib.vocabulary import LABEL_TITLES

    fields = {c.name: c.title for c in COLUMNS}
    table = greyzone_table(run)
    shown = table.copy()
    shown["felt"] = [fields.get(v, v) for v in table["felt"]]
    shown["nr"] = [("" if pd.isna(v) else str(int(v))) for v in table["nr"]]
    for column in ("vaerktoejets_label", "forum_afgoerelse"):
        if column in shown.columns:
            shown[column] = [LABEL_TITLES.get(v, v) if isinstance(v, str) else "" for v in
                             table[column]]
    shown["sandsynlighed"] = [fmt_percent(v) for v in table["sandsynlighed"]]
    for column in ("forum_afgoerelse", "forum_begrundelse"):
        if column in shown.columns and not shown[column].fillna("").astype(str).str.strip().any():
            shown = shown.drop(columns=column)
    shown = shown.rename(columns=GREYZONE_DISPLAY)
    return report_table(shown, numbers=("Nr.", "Sikkerhed"), nowrap=("Plan-ID",))


def decided_view(run):
    """The criteria the forum decided, with Danish headings and result names; None (no
    table at all) before the forum has decided any."""
    from auditlib.vocabulary import RESULT_TITLES

    table = decided_criteria(run)
    if table.empty:
        return None
    shown = table.copy()
    for column in ("værktøjets_resultat", "forummets_afgørelse"):
        shown[column] = [RESULT_TITLES.get(v, v) for v in table[column]]
    shown = shown.rename(columns={
        "plan_id": "Plan-ID", "criterion_id": "Kriterium",
        "værktøjets_resultat": "Værktøjets resultat", "forummets_afgørelse": "Forummets afgørelse",
        "begrundelse": "Forummets begrundelse", "note": "Værktøjets note"})
    return report_table(shown, nowrap=("Plan-ID",))


# -- charts ----------------------------------------------------------------------------

def _pyplot():
    import matplotlib

    if matplotlib.get_backend().lower() not in ("agg",) and not _in_kernel():
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None


def _wrapped(text: str, width: int = 34) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _danish_percent_axis(axis) -> None:
    from auditlib.formats import fmt_percent

    axis.set_major_formatter(lambda x, _: fmt_percent(x))


def fulfilment_chart(summary: pd.DataFrame):
    """Horizontal bars: share fulfilled per criterion (of the plans that could be judged),
    the criterion's title wrapped beside its bar and the plans behind each share at its end."""
    from auditlib.formats import fmt_percent

    plt = _pyplot()
    data = summary.dropna(subset=["andel_opfyldt"]).reset_index(drop=True)
    labels = [_wrapped(f"{c} {t}" if "titel" in data and t != c else c)
              for c, t in zip(data["criterion_id"], data.get("titel", data["criterion_id"]),
                              strict=True)]
    rows = sum(label.count("\n") + 1 for label in labels)
    fig, ax = plt.subplots(figsize=(9, 0.28 * max(rows, 4) + 1.2))
    shares = data["andel_opfyldt"].astype(float).tolist()
    colours = [SHARE_COLOURS[share_level(s)] for s in shares]
    positions = range(len(labels))
    ax.barh(list(positions), shares, color=colours, edgecolor="#666666")
    ax.set_yticks(list(positions), labels, fontsize=8)
    judged = (data["opfyldt"] + data["ikke_opfyldt"]).astype(int)
    for y, share, n, total in zip(positions, shares, data["opfyldt"].astype(int), judged,
                                  strict=True):
        ax.text(share + 0.01, y, fmt_percent(share, n=int(n), total=int(total)),
                va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.3)  # room for "100 % (25 af 25)" after the longest bar
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    _danish_percent_axis(ax.xaxis)
    ax.set_xlabel(msg("notebook_akse_andel_opfyldt"))
    ax.set_title(msg("notebook_titel_opfyldelse"))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def label_chart(statements: pd.DataFrame):
    """Horizontal bars: statements per sector (Danish names), the grey-zone part marked,
    the count at the end of each bar and room above the longest."""
    from auditlib.summary import label_summary
    from auditlib.vocabulary import LABEL_TITLES

    plt = _pyplot()
    table = label_summary(statements)
    labels = [_wrapped(LABEL_TITLES.get(v, v), 22) for v in table["label"]]
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(labels), 3) + 1.2))
    sure = (table["udsagn"] - table["graazoner"]).astype(int)
    positions = list(range(len(labels)))
    ax.barh(positions, sure, color="#6fa8dc", label=msg("notebook_signatur_sikker"))
    ax.barh(positions, table["graazoner"], left=sure, color="#f6b26b",
            label=msg("notebook_signatur_graazone"))
    for y, total, grey in zip(positions, table["udsagn"].astype(int),
                              table["graazoner"].astype(int), strict=True):
        ax.text(total, y, f"  {total}" + (f" (heraf {grey} gråzone)" if grey else ""),
                va="center", fontsize=8)
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    largest = float(table["udsagn"].max()) if len(table) else 1.0
    ax.set_xlim(0, largest * 1.35 + 1)  # the longest bar never touches the edge
    ax.set_xlabel(msg("notebook_akse_udsagn"))
    ax.set_title(msg("notebook_titel_labels"))
    ax.legend(loc="lower right")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def counts_chart(long_counts: pd.DataFrame):
    """Plans per quarter from ``auditlib.counts.quarterly_counts`` (the total row only,
    which is never suppressed)."""
    from auditlib.counts import ALL_QUARTERS, DIMENSIONS

    plt = _pyplot()
    total = long_counts[long_counts["opdeling"].eq(DIMENSIONS["kvartal"])
                        & ~long_counts["kvartal"].eq(ALL_QUARTERS)]
    values = pd.to_numeric(total["planer"], errors="coerce").fillna(0)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.bar(total["kvartal"].astype(str), values.to_numpy(), color="#6fa8dc")
    ax.set_ylim(0, float(values.max() or 1) * 1.15)  # the tallest bar never touches the top
    ax.set_ylabel(msg("notebook_akse_planer"))
    ax.set_title(msg("notebook_titel_kvartal"))
    ax.tick_params(axis="x", labelrotation=30)
    fig.tight_layout()
    plt.close(fig)
    return fig


def confusion_chart(matrix: pd.DataFrame):
    """A confusion matrix (rows: true label, columns: predicted) as a heat map."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.imshow(matrix.to_numpy(dtype=float), cmap="Blues")
    ax.set_xticks(range(len(matrix.columns)), matrix.columns, rotation=45, ha="right")
    ax.set_yticks(range(len(matrix.index)), matrix.index)
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            ax.text(j, i, str(matrix.iat[i, j]), ha="center", va="center", fontsize=8)
    ax.set_xlabel(msg("notebook_akse_forudsagt"))
    ax.set_ylabel(msg("notebook_akse_sand"))
    fig.tight_layout()
    plt.close(fig)
    return fig


# -- catalogue --------------------------------------------------------------------------

def catalogue_runs(run_dirs, out: Path, config=None) -> list[Path]:
    """The run folders for the catalogue; without any, a fresh audit of the demo register
    in ``out/demo-koersel``."""
    if run_dirs:
        folders = [run_dirs] if isinstance(run_dirs, (str, Path)) else list(run_dirs)
        return [resolve(folder, Path(folder)) for folder in folders]
    from auditlib.audit import run_audit, write_run

    folder = Path(out) / "demo-koersel"
    write_run(run_audit(prepare(None, config), config), folder)
    return [folder]


def decisions_in(run_dir: str | Path) -> pd.DataFrame | None:
    """The forum's decisions in a run folder (``decisions.csv``), or None before the
    review round."""
    from auditlib.rundir import read_run

    return read_run(run_dir).decisions


def decisions_text(decisions: pd.DataFrame | None) -> str:
    if decisions is None or decisions.empty:
        return ("Forummet har ikke gennemgået denne kørsel endnu. Lav arbejdsbogen med "
                "`auditlib review export` og læs den udfyldte ind med `auditlib review import`.")
    decided = decisions[decisions["decision"].fillna("").ne("")]
    changed = decided[decided["decision"] != decided["tool_value"]]
    return (f"Forummet har afgjort {len(decided)} punkter; i {len(changed)} af dem er "
            "afgørelsen en anden end værktøjets forslag. Afgørelserne har forrang i kataloget.")


def decided_criteria(run) -> pd.DataFrame:
    """The criteria the forum decided: the tool's result and note beside the decision."""
    from auditlib.rundir import Run, read_run

    run = run if isinstance(run, Run) else read_run(run)
    final = run.final_criteria()
    table = final[final["forum_afgjort"]].rename(columns={
        "result": "værktøjets_resultat", "final": "forummets_afgørelse",
        "decision_reason": "begrundelse"})
    return table[["plan_id", "criterion_id", "værktøjets_resultat", "forummets_afgørelse",
                  "begrundelse", "note"]].reset_index(drop=True)


def runs_table(runs: list) -> pd.DataFrame:
    """One row per run: cluster, plans, statements, grey zones, forum decisions."""
    from auditlib.rundir import read_run

    rows = []
    for folder in runs:
        run = read_run(folder)
        rows.append({"kørsel": Path(folder).name, "klynge": run.cluster,
                     "planer": len(run.plan_ids), "udsagn": len(run.statements),
                     "gråzoner": int(run.statements["greyzone"].sum()),
                     "forummets_afgørelser": 0 if run.decisions is None else len(run.decisions)})
    return pd.DataFrame(rows)


def combined_criteria(runs: list) -> pd.DataFrame:
    from auditlib.rundir import read_run

    return pd.concat([read_run(folder).criteria for folder in runs], ignore_index=True)


# -- counts and the regional notat ------------------------------------------------------

REFERENCE_FILE = "regional-notat-2019.csv"


def reference_figures(path: str | Path | None = None) -> pd.DataFrame:
    """The published figures (``figur, aar, gruppe, antal, kilde``), from
    ``auditlib.counts.reference``."""
    from auditlib.counts.reference import reference_figures as figures

    return figures(resolve(path, reference_dir() / REFERENCE_FILE) if path else None)


def reference_comparison(frame: pd.DataFrame, min_count: int = 5,
                         path: str | Path | None = None,
                         suppress_zero: bool = True) -> pd.DataFrame:
    """The published figures beside the register's (``auditlib.counts.count_report``:
    suppressed in one system with the breakdowns)."""
    from auditlib.counts.rates import count_report

    return count_report(frame, reference=reference_figures(path), min_count=min_count,
                        suppress_zero=suppress_zero).reference


# -- classifier -------------------------------------------------------------------------

def corpus_overview(corpus: pd.DataFrame) -> pd.DataFrame:
    """Statements per label, and how many of them are borderline cases."""
    table = (corpus.assign(graensetilfaelde=corpus["borderline"].astype(bool))
             .groupby("label").agg(udsagn=("statement", "size"),
                                   graensetilfaelde=("graensetilfaelde", "sum"))
             .reset_index())
    return table.sort_values("udsagn", ascending=False, kind="stable").reset_index(drop=True)


def scores_table(report: dict) -> pd.DataFrame:
    """Cross-validated F1 per label, the model beside the keyword baseline."""
    rows = []
    for label in report["labels"]:
        model = report["per_label"][label]
        baseline = report["baseline_per_label"][label]
        rows.append({"label": label, "antal": model["support"],
                     "praecision": round(model["precision"], 3),
                     "genkaldelse": round(model["recall"], 3), "f1": round(model["f1"], 3),
                     "f1_baseline": round(baseline["f1"], 3)})
    rows.append({"label": "makro", "antal": report["n"], "praecision": None,
                 "genkaldelse": None, "f1": round(report["macro_f1"], 3),
                 "f1_baseline": round(report["baseline_macro_f1"], 3)})
    return pd.DataFrame(rows)


def confusion_table(report: dict, baseline: bool = False) -> pd.DataFrame:
    """The confusion matrix (rows: the corpus's label, columns: the predicted one)."""
    key = "baseline_confusion_matrix" if baseline else "confusion_matrix"
    labels = report["labels"]
    return pd.DataFrame(report[key], index=pd.Index(labels, name="korpus"),
                        columns=pd.Index(labels, name="forudsagt"))


def hardest_statements(corpus: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The ``n`` statements with the smallest gap between the model's two likeliest labels
    (a model trained on the whole corpus)."""
    from auditlib.classifier.model import train_model

    model = train_model(corpus)
    predicted = model.predict(corpus["statement"].astype(str).tolist())
    table = pd.DataFrame({
        "udsagn": corpus["statement"].to_numpy(), "korpus_label": corpus["label"].to_numpy(),
        "model_label": predicted["label"].to_numpy(),
        "sandsynlighed": predicted["probability"].astype(float).round(3).to_numpy(),
        "afstand": (predicted["probability"] - predicted["second_probability"])
        .astype(float).round(3).to_numpy()})
    return table.nsmallest(n, "afstand").reset_index(drop=True)


__all__ = ["CRITERIA_DISPLAY", "audit_model", "GREYZONE_DISPLAY", "PLAN_DISPLAY", "decided_view",
           "greyzone_view", "labels_view", "plans_view", "report_table", "share_levels_text", "REFERENCE_FILE", "catalogue_runs", "combined_criteria", "confusion_chart", "confusion_table", "corpus_overview", "counts_chart", "decided_criteria", "decisions_in", "decisions_text", "demo_or", "files_text", "fulfilment_chart", "greyzone_table", "hardest_statements", "label_chart", "prepare", "prepared_summary", "reference_comparison", "reference_figures", "resolve", "run_files_text", "runs_table", "scores_table", "styled_criteria"]
