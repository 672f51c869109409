"""The batch exports each cluster's report in its own process (``export_report``), after
the worker ran the notebook: a failed cluster stays failed, and a report that cannot be
written fails its cluster with a Danish error, the time counted in."""

from __future__ import annotations

from pathlib import Path

import nbformat

from auditlib.batch import DONE, FAILED, NOTEBOOK_FILE, REPORT_FILE, export_report


def test_a_failed_cluster_is_left_as_it_is(tmp_path: Path):
    outcome = {"status": FAILED, "seconds": 1.5, "error": "Klyngen fejlede."}
    assert export_report(tmp_path, outcome) == outcome
    assert not (tmp_path / REPORT_FILE).exists()


def test_the_report_is_written_and_its_time_counted(tmp_path: Path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Rapport")])
    nbformat.write(notebook, str(tmp_path / NOTEBOOK_FILE))
    outcome = export_report(tmp_path, {"status": DONE, "seconds": 2.0, "error": None})
    assert outcome["status"] == DONE and outcome["error"] is None
    assert outcome["seconds"] >= 2.0
    assert "Rapport" in (tmp_path / REPORT_FILE).read_text(encoding="utf-8")


def test_a_missing_notebook_fails_the_cluster_without_a_traceback(tmp_path: Path):
    outcome = export_report(tmp_path, {"status": DONE, "seconds": 0.5, "error": None})
    assert outcome["status"] == FAILED
    assert "Traceback" not in outcome["error"] and outcome["error"]
    assert not (tmp_path / REPORT_FILE).exists()
