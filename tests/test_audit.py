"""The audit on the demo register and on small registers: files, rows, known results."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from auditlib.audit import run_audit, sample_plans, write_run
from auditlib.config import load_config
from auditlib.criteria import CRITERIA
from auditlib.demo import DEMO_REGISTER, REGION_REGISTER
from auditlib.errors import AuditlibError, PrivacyError
from auditlib.register import load_register
from auditlib.rundir import CRITERIA_COLUMNS, STATEMENT_COLUMNS, read_run
from tests.conftest import make_row, write_csv


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    result = run_audit(load_register(DEMO_REGISTER))
    write_run(result, out)
    return out


def test_demo_audit_writes_the_three_files(demo_run):
    criteria = pd.read_csv(demo_run / "criteria.csv", dtype=str, keep_default_na=False)
    statements = pd.read_csv(demo_run / "statements.csv", dtype=str, keep_default_na=False)
    meta = json.loads((demo_run / "run.json").read_text(encoding="utf-8"))
    assert list(criteria.columns) == CRITERIA_COLUMNS
    assert list(statements.columns)[:len(STATEMENT_COLUMNS)] == STATEMENT_COLUMNS
    assert set(statements["greyzone"]) <= {"true", "false"}
    assert meta["n_plans"] == 25 and meta["cluster"] == "Midtklyngen"
    assert meta["criteria"] == list(CRITERIA)
    for key in ("register", "register_sha256", "model_version", "package_version", "started",
                "ended", "sample", "seed"):
        assert key in meta
    # every plan has one row per active criterion, in plan_id then criterion order
    assert len(criteria) == 25 * len(CRITERIA)
    assert criteria.groupby("plan_id").size().eq(len(CRITERIA)).all()
    assert criteria["plan_id"].tolist() == sorted(criteria["plan_id"])
    assert criteria["criterion_id"].tolist()[:17] == list(CRITERIA)
    assert not criteria["result"].eq("tjekfejl").any()
    assert read_run(demo_run).plan_ids[0] == "MK-2025-01"


KNOWN = [
    ("MK-2025-01", "K10", "opfyldt"),
    ("MK-2025-03", "K10", "ikke_opfyldt"),  # sent 6 days after discharge
    ("MK-2025-03", "K11", "ikke_opfyldt"),
    ("MK-2025-04", "Q06", "ikke_opfyldt"),  # almen, but motivation graded 3 (B/S)
    ("MK-2025-04", "Q02", "ikke_opfyldt"),
    ("MK-2025-05", "K04", "ikke_opfyldt"),  # "se journal"
    ("MK-2025-05", "K10", "kan_ikke_vurderes"),
    ("MK-2025-06", "K06", "opfyldt"),
    ("MK-2025-06", "K08", "opfyldt"),
    ("MK-2025-07", "K06", "ikke_opfyldt"),
    ("MK-2025-08", "K03", "ikke_opfyldt"),
    ("MK-2025-09", "K08", "ikke_opfyldt"),
    ("MK-2025-09", "Q04", "ikke_opfyldt"),  # bostøtte § 85 in the need
    ("MK-2025-10", "K09", "ikke_opfyldt"),
    ("MK-2025-12", "K01", "ikke_opfyldt"),
    ("MK-2025-13", "K11", "opfyldt"),  # consent declined, answer recorded
    ("MK-2025-15", "Q06", "ikke_opfyldt"),  # a current raised suicide risk on almen level
    ("MK-2025-16", "Q06", "opfyldt"),  # four domains: the advanced level within almen
    ("MK-2025-17", "Q06", "ikke_opfyldt"),  # specialised, every grade 1-2
    ("MK-2025-01", "Q06", "opfyldt"),  # graded, every cell has A
    ("MK-2025-18", "Q02", "ikke_opfyldt"),  # "Sove bedre", "Træne mere"
    ("MK-2025-17", "Q01", "ikke_opfyldt"),
    ("MK-2025-18", "Q03", "ikke_opfyldt"),
    ("MK-2025-22", "K09", "ikke_opfyldt"),  # written the day after discharge
]


@pytest.mark.parametrize(("plan_id", "cid", "expected"), KNOWN)
def test_known_results_for_named_demo_plans(demo_run, plan_id, cid, expected):
    criteria = pd.read_csv(demo_run / "criteria.csv", dtype=str)
    row = criteria[(criteria["plan_id"] == plan_id) & (criteria["criterion_id"] == cid)]
    assert row["result"].tolist() == [expected], row["note"].tolist()


def test_every_criterion_passes_and_fails_somewhere_in_the_demo(demo_run):
    criteria = pd.read_csv(demo_run / "criteria.csv", dtype=str)
    for cid, results in criteria.groupby("criterion_id")["result"]:
        assert {"opfyldt", "ikke_opfyldt"} <= set(results), cid


def test_about_a_third_of_demo_plans_have_grey_zones(demo_run):
    statements = pd.read_csv(demo_run / "statements.csv", dtype=str)
    need = statements[statements["field"].isin(["genoptraeningsbehov", "maal"])]
    grey_plans = need[need["greyzone"] == "true"]["plan_id"].nunique()
    assert 6 <= grey_plans <= 16


def test_sample_is_reproducible_and_stratified_by_quarter():
    frame = load_register(REGION_REGISTER).frame
    first = sample_plans(frame, 20, seed=7)
    again = sample_plans(frame, 20, seed=7)
    other = sample_plans(frame, 20, seed=8)
    assert first["plan_id"].tolist() == again["plan_id"].tolist()
    assert first["plan_id"].tolist() != other["plan_id"].tolist()
    quarters = first["udskrevet"].dt.quarter.value_counts()
    assert set(quarters.index) == {1, 2, 3, 4} and quarters.max() - quarters.min() <= 2


def test_cluster_and_sample_in_run_json():
    result = run_audit(load_register(REGION_REGISTER), cluster="horsensklyngen", sample=10, seed=3)
    assert result.meta["n_plans"] == 10 and result.meta["seed"] == 3
    assert set(result.criteria["plan_id"].str[:2]) == {"HK"}


def test_unknown_cluster_is_a_clear_error():
    with pytest.raises(AuditlibError, match="ingen planer for klyngen"):
        run_audit(load_register(REGION_REGISTER), cluster="Østklyngen")


def test_config_switches_criteria_and_adds_one(tmp_path):
    config_file = tmp_path / "auditlib.yaml"
    config_file.write_text(
        "criteria:\n  active: [K01, K10]\n  timely_days: 3\n  custom:\n"
        "    - {id: M01, titel: Tidspunkt nævnt, felt: hensyn, ord: [formiddag*]}\n",
        encoding="utf-8")
    config = load_config(config_file)
    result = run_audit(load_register(DEMO_REGISTER), config)
    assert result.criteria["criterion_id"].unique().tolist() == ["K01", "K10", "M01"]
    k10 = result.criteria[(result.criteria["criterion_id"] == "K10")
                          & (result.criteria["plan_id"] == "MK-2025-19")]
    assert k10["result"].item() == "opfyldt"  # 3 days late is on time with timely_days 3
    assert set(result.criteria[result.criteria["criterion_id"] == "M01"]["result"]) == \
        {"opfyldt", "ikke_opfyldt", "kan_ikke_vurderes"}


def test_planted_identifier_is_refused_with_its_location(tmp_path):
    secret = "0102034567"  # a CPR-shaped number on a real date
    row = make_row(plan_id="P-01", funktionsevne=f"Borgeren med cpr {secret} er træt.")
    path = write_csv(tmp_path / "planer.csv", [row, make_row(plan_id="P-02")])
    with pytest.raises(PrivacyError) as caught:
        run_audit(load_register(path))
    assert "P-01" in caught.value.message and "funktionsevne" in caught.value.message
    assert secret not in caught.value.message and secret not in repr(caught.value.problems)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditlib", *args], capture_output=True,
                          text=True, cwd=cwd)


def test_cli_audit_refuses_identifiers_and_writes_nothing(tmp_path):
    secret = "anne.jensen@example.dk"
    path = write_csv(tmp_path / "planer.csv",
                     [make_row(plan_id="P-01", hensyn=f"Skriv til {secret} ved aflysning.")])
    out = tmp_path / "koersel"
    done = run_cli("audit", str(path), "--out", str(out))
    assert done.returncode == 2
    assert "P-01" in done.stderr and "hensyn" in done.stderr
    assert secret not in done.stdout + done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_cli_audit_on_a_register_with_problems(tmp_path):
    path = write_csv(tmp_path / "planer.csv", [make_row(plan_id="P-01", udskrevet="2025-02-30")])
    done = run_cli("audit", str(path), "--out", str(tmp_path / "ud"))
    assert done.returncode == 2 and "udskrevet" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_audit_and_counts_on_demo(tmp_path):
    done = run_cli("audit", str(DEMO_REGISTER), "--out", str(tmp_path / "k"))
    assert done.returncode == 0, done.stderr
    assert "K10 Rettidig afsendelse" in done.stdout
    counts = run_cli("counts", str(REGION_REGISTER), "--format", "csv")
    assert counts.returncode == 0, counts.stderr
    table = pd.read_csv(__import__("io").StringIO(counts.stdout), dtype=str)
    assert list(table.columns) == ["opdeling", "kategori", "kvartal", "planer"]
    total = table[(table["opdeling"] == "Planer i alt") & (table["kvartal"] == "I alt")]
    assert total["planer"].item() == "100"
    municipal = table[table["opdeling"] == "Kommune"]["planer"]
    assert municipal.eq("<5").any()
    assert not municipal[municipal != "<5"].astype(int).lt(5).any()


def test_register_with_only_the_required_columns_goes_all_the_way(tmp_path):
    """No optional column at all: every criterion still gives a result, and counts,
    catalogue and review workbook are made (missing values are 'Ikke angivet')."""
    path = tmp_path / "minimal.csv"
    path.write_text("plan_id;klynge;udskrevet;niveau;ekstra\n"
                    "A-1;Testklyngen;2025-03-01;almen;x\nA-2;Testklyngen;01.04.2025;;y\n",
                    encoding="utf-8")
    out = tmp_path / "koersel"
    assert run_cli("audit", str(path), "--out", str(out)).returncode == 0
    criteria = pd.read_csv(out / "criteria.csv", dtype=str)
    assert len(criteria) == 2 * len(CRITERIA) and not criteria["result"].eq("tjekfejl").any()
    counts = run_cli("counts", str(path), "--format", "csv")
    assert counts.returncode == 0, counts.stderr
    assert "Ikke angivet" in counts.stdout
    done = run_cli("catalogue", str(out), "--out", str(tmp_path / "k"), "--register", str(path))
    assert done.returncode == 0, done.stderr
    done = run_cli("review", "export", str(out), "--out", str(tmp_path / "g.xlsx"))
    assert done.returncode == 0, done.stderr
