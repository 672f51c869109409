"""``auditlib run``: the whole demo writes the run folder and the catalogue."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

from auditlib.cli import main
from auditlib.demo import DEMO_REGISTER
from tests.catalogue_runs import write_run_folder
from tests.conftest import make_row, write_csv

FILES = ["criteria.csv", "statements.csv", "run.json", "snitfladekatalog.xlsx",
         "snitfladekatalog.html"]
HAVE_AUDIT = importlib.util.find_spec("auditlib.audit") is not None


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def _assert_demo_output(out_dir: Path, out: str) -> None:
    for name in FILES:
        assert (out_dir / name).is_file(), name
        assert name in out
    assert str(out_dir) in out
    assert "planer" in out and "gråzoneudsagn" in out


@pytest.mark.skipif(not HAVE_AUDIT, reason="auditten (auditlib.audit) er ikke installeret")
@pytest.mark.skipif(not DEMO_REGISTER.is_file(),
                    reason=f"demoregistret {DEMO_REGISTER.name} findes ikke endnu")
def test_run_writes_all_five_files(tmp_path: Path, capsys):
    out_dir = tmp_path / "output"

    code, out, err = _run(["run", "--out", str(out_dir)], capsys)

    assert code == 0, err
    _assert_demo_output(out_dir, out)
    html = (out_dir / "snitfladekatalog.html").read_text(encoding="utf-8")
    assert 'lang="da"' in html


def test_run_glue_with_a_stand_in_audit(tmp_path: Path, capsys, monkeypatch):
    """The steps around the audit (register, gate, catalogue, summary) with a fixed audit
    result, so the command's own behaviour is tested whatever the audit finds."""
    register = write_csv(tmp_path / "demo.csv",
                         [make_row(plan_id=f"MK-2025-{i:02d}") for i in range(1, 4)])
    stand_in = types.ModuleType("auditlib.audit")
    stand_in.run_audit = lambda register, config, **_: register
    stand_in.write_run = lambda result, out_dir: write_run_folder(Path(out_dir), n_plans=3)
    monkeypatch.setitem(sys.modules, "auditlib.audit", stand_in)
    monkeypatch.setattr("auditlib.demo.demo_register", lambda: register)
    out_dir = tmp_path / "output"

    code, out, err = _run(["run", "--out", str(out_dir)], capsys)

    assert code == 0, err
    _assert_demo_output(out_dir, out)
    assert "3 planer fra Midtklyngen" in out
