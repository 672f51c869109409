"""The report notebooks, papermill runs, the batch over clusters and ``auditlib batch``.

Each papermill run starts a kernel (a few seconds), so the notebook runs are few and
marked slow; the checks on the committed files are fast.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import auditlib.notebooks as nb
from auditlib.demo import DEMO_REGISTER, REGION_REGISTER
from auditlib.errors import NotebookError

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = list(nb.NOTEBOOK_NAMES)
PLANTED = "0102034567"


def _cells_ok(path: Path) -> nbformat.NotebookNode:
    executed = nbformat.read(str(path), as_version=4)
    for cell in executed.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            assert cell.execution_count is not None
    return executed


# -- the committed notebooks -------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_is_stripped_and_parameterised(name):
    notebook = nbformat.read(str(NOTEBOOK_DIR / f"{name}.ipynb"), as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert "parameters" in code[0].metadata.get("tags", [])
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    assert any(c.cell_type == "markdown" for c in notebook.cells)


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_matches_its_builder(name, tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_notebooks",
                                                  NOTEBOOK_DIR / "build_notebooks.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    built = nbformat.writes(builder.build(name)) + "\n"
    assert built == (NOTEBOOK_DIR / f"{name}.ipynb").read_text(encoding="utf-8")


def test_kernel_is_available():
    assert nb.ensure_kernel("python3") == "python3"


def test_unknown_kernel_is_a_danish_error():
    with pytest.raises(NotebookError, match="ipykernel install"):
        nb.ensure_kernel("ingen-saadan-kerne")


# -- library functions the notebooks call (no kernel) -----------------------------------

def test_error_of_a_cell_keeps_no_plan_text():
    from papermill.exceptions import PapermillExecutionError

    error = PapermillExecutionError(cell_index=4, exec_count=5, source="x",
                                    ename="ValueError", evalue=f"bad value {PLANTED}",
                                    traceback=[PLANTED])
    failure = nb.notebook_error(error, "01_audit.ipynb")
    assert PLANTED not in failure.message
    assert "ValueError" in failure.message and "5" in failure.message

    safe = PapermillExecutionError(cell_index=4, exec_count=5, source="x",
                                   ename="PrivacyError", evalue="plan VK-1, kolonne hensyn",
                                   traceback=[])
    failure = nb.notebook_error(safe, "01_audit.ipynb")
    assert "plan VK-1, kolonne hensyn" in failure.message and failure.exit_code == 2


def test_tables_and_charts_from_a_run(tmp_path):
    from auditlib.audit import run_audit, write_run
    from auditlib.config import load_config
    from auditlib.rundir import DECISION_COLUMNS, DECISIONS_FILE
    from auditlib.summary import criteria_summary

    config = load_config()
    register = nb.prepare(DEMO_REGISTER, config)
    result = run_audit(register, config)
    run_dir = tmp_path / "run"
    write_run(result, run_dir)
    summary = criteria_summary(result.criteria)
    html = nb.styled_criteria(summary).to_html()
    assert "background-color" in html
    assert nb.fulfilment_chart(summary).axes
    assert nb.label_chart(result.statements).axes
    grey = nb.greyzone_table(run_dir)
    assert {"udsagn", "vaerktoejets_label", "sandsynlighed", "forklaring"} <= set(grey.columns)
    assert len(grey) == int(result.statements["greyzone"].eq("true").sum())
    first = grey.iloc[0]
    decisions = pd.DataFrame([dict.fromkeys(DECISION_COLUMNS, "") | {
        "plan_id": first["plan_id"], "kind": "udsagn", "field": first["felt"],
        "statement_no": str(first["nr"]), "decision": "social", "decision_reason": "forum"}])
    decisions.to_csv(run_dir / DECISIONS_FILE, index=False)
    with_forum = nb.greyzone_table(run_dir)
    assert with_forum.loc[0, "forum_afgoerelse"] == "social"
    assert with_forum["forum_afgoerelse"].eq("").sum() == len(grey) - 1


def test_cluster_register_keeps_only_its_own_problems(tmp_path):
    source = _region_copy(tmp_path)
    frame = pd.read_csv(source, sep=";", dtype=str, keep_default_na=False)
    row = frame.index[frame["klynge"].eq("Horsensklyngen")][0]
    frame.loc[row, "niveau"] = "ukendt-niveau"
    frame.to_csv(source, sep=";", index=False)
    from auditlib.errors import RegisterInvalidError

    with pytest.raises(RegisterInvalidError, match="niveau"):
        nb.prepare(source, None, "Horsensklyngen")
    assert not nb.prepare(source, None, "Randersklyngen").problems


# -- papermill runs ---------------------------------------------------------------------

@pytest.mark.slow
def test_audit_notebook_runs_and_writes_the_run(tmp_path):
    out = tmp_path / "run"
    executed = nb.execute_notebook("01_audit", tmp_path / "01_audit.ipynb",
                                   {"register": str(DEMO_REGISTER), "out_dir": str(out)},
                                   kernel_name="python3")
    _cells_ok(executed)
    for name in ("criteria.csv", "statements.csv", "run.json"):
        assert (out / name).is_file()
    html = nb.export_html(executed, tmp_path / "rapport.html")
    text = html.read_text(encoding="utf-8")
    assert "Audit af genoptræningsplaner" in text
    assert "nb.styled_criteria" not in text  # no input cells


@pytest.mark.slow
def test_audit_notebook_with_an_identifier_fails_with_a_safe_message(tmp_path):
    source = _region_copy(tmp_path, plant=True)
    with pytest.raises(NotebookError) as error:
        nb.execute_notebook("01_audit", tmp_path / "01_audit.ipynb",
                            {"register": str(source), "cluster": "Vestklyngen",
                             "out_dir": str(tmp_path / "run")})
    assert PLANTED not in error.value.message
    assert "hensyn" in error.value.message
    assert not (tmp_path / "01_audit.ipynb").exists()
    assert not (tmp_path / "run" / "run.json").exists()


@pytest.mark.slow
def test_catalogue_notebook_builds_the_catalogue(tmp_path):
    out = tmp_path / "katalog"
    executed = nb.execute_notebook("02_catalogue", tmp_path / "02.ipynb",
                                   {"out_dir": str(out)}, kernel_name="python3")
    _cells_ok(executed)
    assert (out / "snitfladekatalog.xlsx").is_file()
    assert (out / "snitfladekatalog.html").is_file()
    assert (out / "demo-koersel" / "run.json").is_file()


@pytest.mark.slow
def test_counts_notebook_shows_counts_and_the_notat(tmp_path):
    executed = _cells_ok(nb.execute_notebook(
        "03_counts", tmp_path / "03.ipynb",
        {"register": str(REGION_REGISTER), "cluster": "Horsensklyngen"}, kernel_name="python3"))
    html = " ".join(o.get("data", {}).get("text/html", "") for c in executed.cells
                    if c.cell_type == "code" for o in c.outputs)
    assert "Esbjerg" in html and "Planer i alt" in html
    assert any("image/png" in o.get("data", {}) for c in executed.cells
               if c.cell_type == "code" for o in c.outputs)


@pytest.mark.slow
def test_classifier_notebook_reports_cross_validation(tmp_path):
    executed = _cells_ok(nb.execute_notebook("04_classifier", tmp_path / "04.ipynb",
                                             {"folds": 2}, kernel_name="python3"))
    html = " ".join(o.get("data", {}).get("text/html", "") for c in executed.cells
                    if c.cell_type == "code" for o in c.outputs)
    assert "f1_baseline" in html and "afstand" in html


def test_reference_comparison_beside_the_register():
    from auditlib.register import load_register

    frame = load_register(REGION_REGISTER).frame
    table = nb.reference_comparison(frame, min_count=5)
    assert len(table) == len(nb.reference_figures())
    total = table[table["figur"].eq("planer_fra_psykiatrien")]["register_antal"]
    assert set(total) == {str(len(frame))}
    # "–": the register has no such group (a municipality of another region)
    assert all(v in ("–", "<5", "x") or int(v) >= 5 for v in table["register_antal"])


# -- batch over clusters ------------------------------------------------------------------

def test_cluster_folder_names_are_safe():
    from auditlib.batch import cluster_folder

    assert cluster_folder("Midtklyngen") == "midtklyngen"
    assert cluster_folder("Sønderjylland/Å-klyngen ") == "soenderjylland-aa-klyngen"
    assert cluster_folder("Ærø") == "aeroe"
    assert cluster_folder("../..") == "klynge"


def test_batch_refuses_an_unusable_register(tmp_path):
    from auditlib.batch import run_batch
    from auditlib.errors import RegisterUnusableError

    with pytest.raises(RegisterUnusableError):
        run_batch(tmp_path / "findes-ikke.csv", tmp_path / "ud", jobs=1, progress=False)


@pytest.mark.slow
def test_batch_one_cluster_fails_the_others_are_kept(tmp_path):
    from auditlib.batch import BATCH_FILE, run_batch

    source = _region_copy(tmp_path, plant=True)
    plan_id = _planted_plan(source)
    out = tmp_path / "klynger"

    state = run_batch(source, out, jobs=2, progress=False)

    statuses = {c: o["status"] for c, o in state["clusters"].items()}
    assert statuses == {"Aarhusklyngen": "faerdig", "Midtklyngen": "faerdig",
                        "Randersklyngen": "faerdig",
                        "Horsensklyngen": "faerdig", "Vestklyngen": "fejlet"}
    saved = json.loads((out / BATCH_FILE).read_text(encoding="utf-8"))
    assert saved["clusters"] == state["clusters"]
    reason = saved["clusters"]["Vestklyngen"]["error"]
    assert plan_id in reason and "hensyn" in reason
    assert PLANTED not in (out / BATCH_FILE).read_text(encoding="utf-8")
    for folder in ("aarhusklyngen", "midtklyngen", "randersklyngen", "horsensklyngen"):
        for name in ("01_audit.ipynb", "rapport.html", "criteria.csv", "statements.csv",
                     "run.json"):
            assert (out / folder / name).is_file(), (folder, name)
        _cells_ok(out / folder / "01_audit.ipynb")
    assert not (out / "vestklyngen" / "run.json").exists()
    for path in out.rglob("*"):
        if path.is_file():
            assert PLANTED not in path.read_text(encoding="utf-8", errors="ignore")

    again = run_batch(source, out, jobs=2, progress=False)

    statuses = {c: o["status"] for c, o in again["clusters"].items()}
    assert statuses == {"Aarhusklyngen": "sprunget_over", "Midtklyngen": "sprunget_over",
                        "Randersklyngen": "sprunget_over",
                        "Horsensklyngen": "sprunget_over", "Vestklyngen": "fejlet"}


@pytest.mark.slow
def test_batch_cli_skips_done_clusters_and_force_reruns(tmp_path, capsys):
    from auditlib.cli import main

    source = tmp_path / "nord.csv"
    frame = pd.read_csv(REGION_REGISTER, sep=";", dtype=str, keep_default_na=False)
    frame[frame["klynge"].eq("Randersklyngen")].to_csv(source, sep=";", index=False)
    out = tmp_path / "klynger"
    args = ["batch", str(source), "--by", "klynge", "--out", str(out), "--jobs", "2"]

    assert _exit_code(main, args) == 0
    first = capsys.readouterr().out
    assert "Randersklyngen" in first and "færdig" in first
    stamp = (out / "randersklyngen" / "run.json").stat().st_mtime_ns

    assert _exit_code(main, args) == 0
    assert "sprunget over" in capsys.readouterr().out
    assert (out / "randersklyngen" / "run.json").stat().st_mtime_ns == stamp

    assert _exit_code(main, [*args, "--force"]) == 0
    assert "færdig" in capsys.readouterr().out
    assert (out / "randersklyngen" / "run.json").stat().st_mtime_ns != stamp


def test_batch_cli_exit_codes_for_failures_and_bad_input(tmp_path, capsys, monkeypatch):
    from auditlib.cli import main

    state = {"register": "r.csv", "jobs": 1, "clusters": {
        "Randersklyngen": {"folder": "randersklyngen", "status": "faerdig", "seconds": 1.0,
                        "error": None},
        "Vestklyngen": {"folder": "vestklyngen", "status": "fejlet", "seconds": 1.0,
                        "error": "Notebooken stoppede: plan VK-1, kolonne hensyn"}}}
    monkeypatch.setattr("auditlib.batch.run_batch", lambda *a, **k: state)
    assert _exit_code(main, ["batch", "r.csv", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "fejlet" in out and "kolonne hensyn" in out
    monkeypatch.undo()

    assert _exit_code(main, ["batch", str(tmp_path / "mangler.csv"), "--out",
                             str(tmp_path / "ud")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def _exit_code(main, args) -> int:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    return exit_.value.code


# -- helpers ----------------------------------------------------------------------------

def _region_copy(tmp_path: Path, plant: bool = False) -> Path:
    target = tmp_path / "region.csv"
    shutil.copyfile(REGION_REGISTER, target)
    if plant:
        frame = pd.read_csv(target, sep=";", dtype=str, keep_default_na=False)
        row = frame.index[frame["klynge"].eq("Vestklyngen")][3]
        frame.loc[row, "hensyn"] = f"Ring til borgerens søster, cpr {PLANTED}."
        frame.to_csv(target, sep=";", index=False)
    return target


def _planted_plan(path: Path) -> str:
    frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    return frame.loc[frame["hensyn"].str.contains(PLANTED), "plan_id"].iloc[0]



def test_audit_notebook_shows_the_forums_decisions(tmp_path):
    """A run folder with decisions.csv: the notebook's tables put the forum's decision
    beside the tool's result (issue 9, decisions everywhere)."""
    from auditlib.rundir import DECISION_COLUMNS, DECISIONS_FILE, read_run
    from tests.catalogue_runs import write_run_folder

    run_dir = write_run_folder(tmp_path / "run", n_plans=3)
    first = read_run(run_dir).criteria.iloc[0]
    assert nb.decided_criteria(run_dir).empty
    decisions = pd.DataFrame([dict.fromkeys(DECISION_COLUMNS, "") | {
        "plan_id": first["plan_id"], "kind": "kriterium", "criterion_id": first["criterion_id"],
        "tool_value": first["result"],
        "decision": "ikke_opfyldt" if first["result"] == "opfyldt" else "opfyldt",
        "decision_reason": "Afgjort af forummet."}])
    decisions.to_csv(run_dir / DECISIONS_FILE, index=False)
    table = nb.decided_criteria(run_dir)
    assert table[["criterion_id", "værktøjets_resultat", "forummets_afgørelse"]].values.tolist() \
        == [[first["criterion_id"], first["result"], decisions.loc[0, "decision"]]]
    assert "1 punkter" in nb.decisions_text(decisions) and "i 1 af dem" in \
        nb.decisions_text(decisions)
    assert "ikke gennemgået" in nb.decisions_text(None)
