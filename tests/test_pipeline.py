"""One way in (issue 15): the CLI, the audit notebook and the batch load, validate and gate
a register the same way, and give the same criteria for the same register and cluster,
also when another cluster has a bad row. A misspelt column is named, never dropped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import auditlib.notebooks as nb
from auditlib.cli import main
from auditlib.demo import DEMO_REGISTER, REGION_REGISTER
from auditlib.errors import NotebookError


def _cli(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def _region_with_bad_row(tmp_path: Path) -> tuple[Path, str, str, str]:
    """A copy of the region demo where one plan of one cluster has an unknown level.
    Returns the file, the good cluster, the bad cluster and the bad plan's id."""
    frame = pd.read_csv(REGION_REGISTER, sep=";", dtype=str, keep_default_na=False)
    clusters = sorted(frame["klynge"].unique())
    good, bad = clusters[0], clusters[-1]
    row = frame.index[frame["klynge"].eq(bad)][0]
    frame.loc[row, "niveau"] = "ukendt-niveau"
    target = tmp_path / "region.csv"
    frame.to_csv(target, sep=";", index=False)
    return target, good, bad, frame.loc[row, "plan_id"]


def _criteria(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "criteria.csv", dtype=str, keep_default_na=False)


@pytest.mark.slow
def test_cli_notebook_and_batch_agree_on_the_same_register(tmp_path, capsys):
    from auditlib.batch import cluster_folder, run_batch

    source, good, bad, bad_plan = _region_with_bad_row(tmp_path)

    # The good cluster: the CLI, the notebook and the batch give the same criteria.
    code, _, err = _cli(["audit", str(source), "--cluster", good, "--out",
                         str(tmp_path / "cli")], capsys)
    assert code == 0, err
    nb.execute_notebook("01_audit", tmp_path / "nb" / "01_audit.ipynb",
                        {"register": str(source), "cluster": good,
                         "out_dir": str(tmp_path / "nb")})
    state = run_batch(source, tmp_path / "batch", jobs=2, progress=False)
    batch_good = tmp_path / "batch" / cluster_folder(good)
    pd.testing.assert_frame_equal(_criteria(tmp_path / "cli"), _criteria(tmp_path / "nb"))
    pd.testing.assert_frame_equal(_criteria(tmp_path / "cli"), _criteria(batch_good))

    # The bad cluster: every path refuses, naming the same plan and column.
    code, _, err = _cli(["audit", str(source), "--cluster", bad, "--out",
                         str(tmp_path / "cli-bad")], capsys)
    assert code == 2
    problem_lines = [line for line in err.splitlines() if bad_plan in line]
    assert problem_lines and all("niveau" in line for line in problem_lines)
    with pytest.raises(NotebookError) as refused:
        nb.execute_notebook("01_audit", tmp_path / "nb-bad" / "01_audit.ipynb",
                            {"register": str(source), "cluster": bad,
                             "out_dir": str(tmp_path / "nb-bad")})
    assert refused.value.exit_code == 2
    for line in problem_lines:
        assert line.strip() in refused.value.message
    status = state["clusters"][bad]
    assert status["status"] == "fejlet"
    for line in problem_lines:
        assert line.strip() in status["error"]
    assert not (tmp_path / "cli-bad" / "run.json").exists()
    assert not (tmp_path / "nb-bad" / "run.json").exists()


def test_library_and_cli_keep_only_the_chosen_clusters_problems(tmp_path, capsys):
    from auditlib.errors import RegisterInvalidError
    from auditlib.register import prepare_register

    source, good, bad, bad_plan = _region_with_bad_row(tmp_path)
    prepared = prepare_register(source, None, good)
    assert not prepared.problems and len(prepared.frame) < prepared.n_register
    with pytest.raises(RegisterInvalidError) as refused:
        prepare_register(source, None, bad)
    assert [p.plan_id for p in refused.value.problems] == [bad_plan]
    with pytest.raises(RegisterInvalidError):
        prepare_register(source, None)  # the whole register holds the bad row
    code, _, _ = _cli(["counts", str(source), "--cluster", good], capsys)
    assert code == 0
    code, _, err = _cli(["counts", str(source), "--cluster", bad], capsys)
    assert code == 2 and bad_plan in err


def _demo_csv(tmp_path: Path, rename: dict[str, str] | None = None,
              extra: dict[str, str] | None = None) -> Path:
    from auditlib.register import load_register

    frame = load_register(DEMO_REGISTER).frame.astype(object)
    frame = frame.rename(columns=rename or {})
    for column, value in (extra or {}).items():
        frame[column] = value
    target = tmp_path / "demo.csv"
    frame.to_csv(target, index=False)
    return target


def test_a_misspelt_column_is_named_not_dropped(tmp_path, capsys):
    source = _demo_csv(tmp_path, rename={"helhedsvurdering": "helhedsvurdring"})
    code, out, _ = _cli(["validate", str(source)], capsys)
    assert code == 1
    assert "'helhedsvurdring'" in out and "mente du 'helhedsvurdering'" in out
    code, _, err = _cli(["audit", str(source), "--out", str(tmp_path / "k")], capsys)
    assert code == 2 and "mente du 'helhedsvurdering'" in err
    assert not (tmp_path / "k" / "run.json").exists()


def test_an_extra_column_is_a_notice_and_is_carried_through(tmp_path, capsys):
    from auditlib.register import load_register

    source = _demo_csv(tmp_path, extra={"forummets_kommentar": "se referat"})
    code, _, err = _cli(["validate", str(source)], capsys)
    assert code == 0
    assert "forummets_kommentar" in err and "ikke en del af datakontrakten" in err
    assert "forummets_kommentar" in load_register(source).frame.columns


def test_the_input_file_is_never_changed(tmp_path, capsys):
    source = tmp_path / "region.csv"
    shutil.copyfile(REGION_REGISTER, source)
    before = source.read_bytes()
    _cli(["audit", str(source), "--out", str(tmp_path / "k"), "--sample", "5"], capsys)
    assert source.read_bytes() == before


def test_a_plan_id_that_is_an_identifier_is_never_echoed(tmp_path, capsys):
    """A CPR number typed as plan_id, in a register that also fails validation: every
    report names the row, never the value (privacy.md, data-contract.md)."""
    from tests.conftest import make_row, write_csv

    planted = "0102034567"
    source = write_csv(tmp_path / "r.csv", [make_row(plan_id=planted, niveau="ukendt"),
                                            make_row(plan_id="T-02")])
    for args in (["validate", str(source)], ["audit", str(source), "--out", str(tmp_path / "k")],
                 ["scan", str(source)], ["counts", str(source)]):
        code, out, err = _cli(args, capsys)
        assert code in (1, 2), args
        assert planted not in out + err, args
        assert "række 2" in out + err, args
