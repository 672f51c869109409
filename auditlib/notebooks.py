"""What the notebooks call, so each notebook cell is one or two lines.

The notebooks in ``notebooks/`` read like reports: a ``parameters`` cell, then calls into
this module (tables, styled tables, charts). ``execute_notebook`` runs one with papermill
in a fresh kernel and turns a failed cell into a ``NotebookError`` whose message never
holds plan text; ``export_html`` writes the report without input cells.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import sys
from pathlib import Path

import pandas as pd

from auditlib.errors import AuditlibError, NotebookError, OutputError
from auditlib.messages import msg

KERNEL_NAME = "python3"
NOTEBOOK_NAMES = ("01_audit", "02_catalogue", "03_counts", "04_classifier",
                  "05_missed")

# Errors whose message is safe to show as it is: the package's own, which by construction
# name only plan_id, column, kind and offsets (auditlib/errors.py). Anything else raised in a
# notebook cell could quote plan text, so only its type and cell are reported.
SAFE_ERRORS = {
    "RegisterUnusableError": 2, "RegisterInvalidError": 1, "PrivacyError": 2,
    "ConfigError": 2, "CatalogueContentError": 2, "ModelError": 2, "RunDirError": 2,
    "ReviewError": 2, "OutputError": 2, "AuditInputError": 2, "NotebookError": 2,
}

# Result share → background colour of the criteria table (red below 50 %, amber below 80 %).
SHARE_COLOURS = ((0.5, "#f4cccc"), (0.8, "#fff2cc"), (1.01, "#d9ead3"))


# -- paths and defaults ---------------------------------------------------------------

def project_root() -> Path:
    from auditlib.demo import PROJECT_ROOT

    return PROJECT_ROOT


def notebook_dir() -> Path:
    return project_root() / "notebooks"


def notebook_path(name: str) -> Path:
    """``notebooks/<name>.ipynb`` (``name`` with or without the suffix)."""
    stem = name.removesuffix(".ipynb")
    path = notebook_dir() / f"{stem}.ipynb"
    if not path.is_file():
        raise NotebookError(msg("notebook_findes_ikke", name=f"{stem}.ipynb", path=path.parent))
    return path


def resolve(path: str | Path | None, default: Path) -> Path:
    """A notebook parameter as a path: ``default`` when None, relative paths from the
    project root when they do not exist from the working directory."""
    if path is None or str(path) == "":
        return default
    path = Path(path)
    if path.is_absolute() or path.exists():
        return path
    candidate = project_root() / path
    return candidate if candidate.exists() else path


# -- register, validation and privacy gate ---------------------------------------------

def load_cluster_register(register: str | Path | None = None, cluster: str | None = None):
    """Load the register (default: the demo register) and keep one cluster's plans, with
    the problems that belong to them (a bad row in another cluster does not stop this one).
    """
    from auditlib.audit import select_cluster
    from auditlib.demo import DEMO_REGISTER
    from auditlib.register import load_register

    loaded = load_register(resolve(register, DEMO_REGISTER))
    if not cluster:
        return loaded
    chosen = select_cluster(loaded, cluster)
    ids = set(chosen.frame["plan_id"].dropna().astype(str))
    problems = [p for p in loaded.problems if p.plan_id is None or str(p.plan_id) in ids]
    return dataclasses.replace(chosen, problems=problems)


def validation_table(register) -> pd.DataFrame:
    """The register's problems as ``plan_id, kolonne, problem`` (empty when none)."""
    rows = [p.as_row() for p in register.problems]
    table = pd.DataFrame(rows, columns=["plan_id", "column", "problem"])
    return table.rename(columns={"column": "kolonne"})


def validation_summary(register) -> str:
    """One Danish sentence: how many plans and whether they follow the data contract."""
    if register.problems:
        return msg("rapport_problemer", name=register.name, count=len(register.problems),
                   n=len(register.frame))
    return msg("rapport_ok", name=register.name, n=len(register.frame))


def privacy_gate(register, config=None, cluster: str | None = None) -> str:
    """Raise PrivacyError when the register holds an identifier; else a Danish all-clear."""
    from auditlib.privacy import guard_register

    guard_register(register, config, cluster=cluster)
    return msg("privat_rent", name=register.name, n=len(register.frame))


def require_valid(register) -> None:
    """Raise RegisterInvalidError naming each problem's plan (or row) and column, so a
    batch's status says where to look (problems never carry the value)."""
    from auditlib.errors import RegisterInvalidError

    if not register.problems:
        return
    lines = [f"{p.where()}, kolonne {p.column}: {p.message}" for p in register.problems[:10]]
    if len(register.problems) > 10:
        lines.append(msg("privat_flere", count=len(register.problems) - 10))
    raise RegisterInvalidError(validation_summary(register) + " " + "; ".join(lines),
                               problems=register.problems)


def run_files_text(result, paths: dict) -> str:
    """Markdown: how many plans and statements were audited, and where the files are."""
    meta = result.meta
    lines = [msg("notebook_koersel_resume", n_plans=meta.get("n_plans", 0),
                 n_statements=meta.get("n_statements", 0),
                 n_greyzone=meta.get("n_greyzone", 0)), ""]
    lines += [f"- `{path}`" for path in paths.values()]
    return "\n".join(lines)


def files_text(paths: dict) -> str:
    return "\n".join(f"- `{path}`" for path in paths.values())


def demo_or(register: str | Path | None) -> Path:
    from auditlib.demo import DEMO_REGISTER

    return resolve(register, DEMO_REGISTER)


# -- tables ----------------------------------------------------------------------------

def _share_colour(value) -> str:
    if value is None or pd.isna(value):
        return ""
    for limit, colour in SHARE_COLOURS:
        if float(value) < limit:
            return f"background-color: {colour}"
    return ""


def styled_criteria(summary: pd.DataFrame):
    """The criteria summary (``auditlib.summary.criteria_summary``) as a Styler, the
    shares coloured red/amber/green and shown as percentages."""
    shown = [c for c in CRITERIA_DISPLAY if c in summary.columns]
    table = summary[shown].rename(columns=CRITERIA_DISPLAY)
    share = CRITERIA_DISPLAY["andel_opfyldt"]
    styler = table.style.hide(axis="index")
    if share in table.columns:
        styler = styler.map(_share_colour, subset=[share])
        styler = styler.format("{:.0%}", subset=[share], na_rep="–")
    return styler.set_properties(subset=[CRITERIA_DISPLAY["titel"]], **{"text-align": "left"})


# The columns of the criteria table as the forum reads them.
CRITERIA_DISPLAY = {
    "criterion_id": "Kriterium", "titel": "titel", "alvor": "alvor", "opfyldt": "opfyldt",
    "ikke_opfyldt": "ikke opfyldt", "ikke_relevant": "ikke relevant",
    "kan_ikke_vurderes": "kan ikke vurderes", "tjekfejl": "tjekfejl",
    "andel_opfyldt": "andel opfyldt",
}


def greyzone_table(statements: pd.DataFrame, decisions: pd.DataFrame | None = None
                   ) -> pd.DataFrame:
    """The grey-zone statements: statement, label, probability and explanation, with the
    forum's decision beside the tool's label where the forum has decided."""
    grey = statements["greyzone"].astype(str).str.lower().eq("true")
    columns = ["plan_id", "field", "statement_no", "statement", "label", "probability"]
    if "explanation" in statements.columns:
        columns.append("explanation")
    table = statements.loc[grey, columns].reset_index(drop=True)
    if decisions is not None and not decisions.empty:
        decided = decisions[decisions["kind"].eq("udsagn")][
            ["plan_id", "field", "statement_no", "decision", "decision_reason"]].copy()
        decided["statement_no"] = pd.to_numeric(decided["statement_no"], errors="coerce")
        table["statement_no"] = pd.to_numeric(table["statement_no"], errors="coerce")
        table = table.merge(decided, on=["plan_id", "field", "statement_no"], how="left")
        table = table.rename(columns={"decision": "forum_afgoerelse",
                                      "decision_reason": "forum_begrundelse"})
    return table.rename(columns={"field": "felt", "statement_no": "nr", "statement": "udsagn",
                                 "label": "vaerktoejets_label", "probability": "sandsynlighed",
                                 "explanation": "forklaring"})


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


def fulfilment_chart(summary: pd.DataFrame):
    """Horizontal bars: share fulfilled per criterion (of the plans that could be judged)."""
    plt = _pyplot()
    data = summary.dropna(subset=["andel_opfyldt"])
    fig, ax = plt.subplots(figsize=(7, 0.35 * max(len(data), 3) + 1))
    labels = data["criterion_id"].astype(str).tolist()
    shares = data["andel_opfyldt"].astype(float).tolist()
    colours = [next(c for limit, c in SHARE_COLOURS if s < limit) for s in shares]
    ax.barh(labels, shares, color=colours, edgecolor="#666666")
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel(msg("notebook_akse_andel_opfyldt"))
    ax.set_title(msg("notebook_titel_opfyldelse"))
    fig.tight_layout()
    plt.close(fig)
    return fig


def label_chart(statements: pd.DataFrame):
    """Bars: statements per label, the grey-zone part marked."""
    from auditlib.summary import label_summary

    plt = _pyplot()
    table = label_summary(statements)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    sure = table["udsagn"] - table["graazoner"]
    ax.bar(table["label"], sure, color="#6fa8dc", label=msg("notebook_signatur_sikker"))
    ax.bar(table["label"], table["graazoner"], bottom=sure, color="#f6b26b",
           label=msg("notebook_signatur_graazone"))
    ax.set_ylabel(msg("notebook_akse_udsagn"))
    ax.set_title(msg("notebook_titel_labels"))
    ax.legend()
    ax.tick_params(axis="x", labelrotation=30)
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
    write_run(run_audit(load_cluster_register(None), config), folder)
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


def decided_criteria(criteria: pd.DataFrame, decisions: pd.DataFrame | None) -> pd.DataFrame:
    """The criteria the forum decided: the tool's result and note beside the decision."""
    columns = ["plan_id", "criterion_id", "værktøjets_resultat", "forummets_afgørelse",
               "begrundelse", "note"]
    if decisions is None or decisions.empty:
        return pd.DataFrame(columns=columns)
    decided = decisions[decisions["kind"].eq("kriterium") & decisions["decision"].fillna("").ne("")]
    table = criteria.merge(decided[["plan_id", "criterion_id", "decision", "decision_reason"]],
                           on=["plan_id", "criterion_id"], how="inner")
    table = table.rename(columns={"result": "værktøjets_resultat",
                                  "decision": "forummets_afgørelse",
                                  "decision_reason": "begrundelse"})
    return table[columns].reset_index(drop=True)


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

REFERENCE_FILE = Path("data") / "reference" / "regional-notat-2019.csv"


def reference_figures(path: str | Path | None = None) -> pd.DataFrame:
    """The published figures of the regional notat (``figur, aar, gruppe, antal, kilde``)."""
    path = resolve(path, project_root() / REFERENCE_FILE)
    return pd.read_csv(path, dtype={"aar": "Int64", "antal": "Int64"})


def reference_comparison(frame: pd.DataFrame, min_count: int = 5,
                         path: str | Path | None = None) -> pd.DataFrame:
    """The notat's figures beside the register's (all its years), by the same groups;
    the register's small counts shown as ``<min_count``."""
    from auditlib.counts import ANXIETY, DEPRESSION, diagnosis_group

    reference = reference_figures(path)
    groups = frame["diagnose"].map(diagnosis_group)
    anxiety_depression = int(groups.isin([ANXIETY, DEPRESSION]).sum())
    municipalities = frame["kommune"].fillna("").astype(str).value_counts()

    def register_count(figure: str, group: str) -> int:
        if figure == "planer_fra_psykiatrien":
            return len(frame)
        if figure == "planer_efter_diagnose":
            return anxiety_depression if group.startswith("angst") else \
                len(frame) - anxiety_depression
        return int(municipalities.get(group, 0))

    counts = [register_count(f, g) for f, g in zip(reference["figur"], reference["gruppe"],
                                                   strict=True)]
    shown = [str(n) if n == 0 or n >= min_count else f"<{min_count}" for n in counts]
    return pd.DataFrame({"figur": reference["figur"], "gruppe": reference["gruppe"],
                         "notat_aar": reference["aar"], "notat_antal": reference["antal"],
                         "register_antal": shown})


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


# -- running notebooks -----------------------------------------------------------------

def ensure_kernel(kernel_name: str = KERNEL_NAME) -> str:
    """Check the Jupyter kernel exists. jupyter_client supplies ``python3`` from ipykernel
    (the current interpreter) when it is not installed as a kernel spec, so a clean
    ``pip install -e .`` works without ``python -m ipykernel install``."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel as exc:
        raise NotebookError(msg("notebook_kerne_mangler", kernel=kernel_name)) from exc
    return kernel_name


def notebook_error(error: Exception, name: str) -> NotebookError:
    """A Danish NotebookError for a failed papermill run, without plan text."""
    ename = getattr(error, "ename", type(error).__name__)
    evalue = str(getattr(error, "evalue", "") or "")
    cell = getattr(error, "exec_count", None) or getattr(error, "cell_index", None)
    if ename in SAFE_ERRORS and evalue:
        failure = NotebookError(msg("notebook_fejl_auditlib", name=name, message=evalue))
        failure.exit_code = SAFE_ERRORS[ename]
    else:
        failure = NotebookError(msg("notebook_fejl_celle", name=name, kind=ename,
                                    cell=cell if cell is not None else "?"))
    failure.ename = ename
    return failure


def execute_notebook(name: str | Path, out_path: str | Path, parameters: dict | None = None,
                     kernel_name: str = KERNEL_NAME, cwd: str | Path | None = None,
                     quiet: bool = True) -> Path:
    """Run a notebook with papermill into ``out_path`` (written atomically).

    ``name`` is one of NOTEBOOK_NAMES or a path. A failing cell raises NotebookError: the
    package's own errors keep their (safe) Danish message; any other only its type and cell.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    source = Path(name) if str(name).endswith(".ipynb") and Path(name).is_file() \
        else notebook_path(str(name))
    ensure_kernel(kernel_name)
    out_path = Path(out_path)
    cwd = Path(cwd) if cwd is not None else Path.cwd()
    params = {k: (str(v) if isinstance(v, Path) else v) for k, v in (parameters or {}).items()}
    # The temporary file keeps the .ipynb suffix papermill expects; it replaces out_path
    # only when every cell ran.
    tmp = out_path.with_name(f".{out_path.stem}.{os.getpid()}.tmp.ipynb")
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with _quiet_stderr(quiet):
            papermill.execute_notebook(
                str(source), str(tmp), parameters=params, kernel_name=kernel_name,
                progress_bar=False, log_output=False, cwd=str(cwd), language="python")
        os.replace(tmp, out_path)
    except OSError as error:
        raise OutputError(msg("output_ikke_skrivbar", path=out_path)) from error
    except PapermillExecutionError as error:
        raise notebook_error(error, source.name) from None
    except AuditlibError:
        raise
    except Exception as error:  # a kernel that dies or cannot start: type only
        raise notebook_error(error, source.name) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return out_path


@contextlib.contextmanager
def _quiet_stderr(quiet: bool):
    """Silence the kernel's start-up chatter (it inherits file descriptor 2)."""
    if not quiet:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def export_html(executed: str | Path, html_path: str | Path) -> Path:
    """The executed notebook as an HTML report without input cells (written atomically)."""
    import nbformat
    from nbconvert import HTMLExporter

    from auditlib.atomic import write_text_atomic

    notebook = nbformat.read(str(executed), as_version=4)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    # nbconvert warns that chart images have no alt text; the report is still complete.
    level = exporter.log.level
    exporter.log.setLevel(logging.ERROR)
    try:
        body, _ = exporter.from_notebook_node(notebook)
    finally:
        exporter.log.setLevel(level)
    html_path = Path(html_path)
    write_text_atomic(html_path, body)
    return html_path


__all__ = ["KERNEL_NAME", "NOTEBOOK_NAMES", "confusion_chart", "counts_chart", "ensure_kernel",
           "execute_notebook", "export_html", "fulfilment_chart", "greyzone_table",
           "label_chart", "load_cluster_register", "notebook_error", "notebook_path",
           "privacy_gate", "resolve", "styled_criteria", "validation_summary",
           "validation_table"]
