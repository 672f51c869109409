"""``auditlib catalogue`` on the command line: files, messages and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlib.cli import main
from tests.catalogue_runs import write_run_folder


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def test_catalogue_writes_both_files_and_says_where(tmp_path: Path, capsys):
    a = write_run_folder(tmp_path / "a", decisions=True)
    b = write_run_folder(tmp_path / "b", cluster="Sydklyngen", prefix="SK")
    out_dir = tmp_path / "katalog"

    code, out, err = _run(["catalogue", str(a), str(b), "--out", str(out_dir)], capsys)

    assert code == 0, err
    assert (out_dir / "snitfladekatalog.xlsx").is_file()
    assert (out_dir / "snitfladekatalog.html").is_file()
    assert str(out_dir / "snitfladekatalog.xlsx") in out
    assert str(out_dir / "snitfladekatalog.html") in out
    assert not list(out_dir.glob(".*.tmp")), "no temporary files are left behind"


def test_not_a_run_folder_exits_2_in_danish(tmp_path: Path, capsys):
    (tmp_path / "tom").mkdir()
    code, _, err = _run(["catalogue", str(tmp_path / "tom"), "--out", str(tmp_path / "k")],
                        capsys)
    assert code == 2
    assert "er ikke en kørselsmappe" in err and "Traceback" not in err
    assert not (tmp_path / "k").exists()


def test_same_run_twice_is_refused(tmp_path: Path, capsys):
    run = write_run_folder(tmp_path / "a")
    code, _, err = _run(["catalogue", str(run), str(run), "--out", str(tmp_path / "k")], capsys)
    assert code == 2
    assert "flere gange" in err


def test_missing_run_argument_is_a_usage_error(tmp_path: Path, capsys):
    code, _, err = _run(["catalogue", "--out", str(tmp_path / "k")], capsys)
    assert code == 2
    assert "KØRSELSMAPPE" in err


def test_help_is_danish_with_an_example(capsys):
    code, out, _ = _run(["catalogue", "--help"], capsys)
    assert code == 0
    assert "Brug: auditlib catalogue" in out and "Eksempel" in out and "--register" in out


def test_register_adds_quarterly_counts(tmp_path: Path, capsys):
    import openpyxl

    from tests.conftest import make_row, write_csv

    rows = [make_row(plan_id=f"MK-2025-{i:02d}", udskrevet=d, plan_dato=d, plan_sendt=d)
            for i, d in enumerate(["2025-05-26", "2025-06-02", "2025-08-11"], start=1)]
    register = write_csv(tmp_path / "planer.csv", rows)
    run = write_run_folder(tmp_path / "run", n_plans=3)
    out_dir = tmp_path / "katalog"

    code, _, err = _run(["catalogue", str(run), "--out", str(out_dir), "--register",
                         str(register)], capsys)

    assert code == 0, err
    sheet = openpyxl.load_workbook(out_dir / "snitfladekatalog.xlsx")["optaelling"]
    header = [sheet.cell(row=4, column=c).value for c in range(1, 6)]
    assert header[2:] == ["2025-K2", "2025-K3", "I alt"]


def test_invalid_register_stops_before_writing(tmp_path: Path, capsys):
    from tests.conftest import make_row, write_csv

    register = write_csv(tmp_path / "planer.csv", [make_row(plan_id="A"), make_row(plan_id="A")])
    run = write_run_folder(tmp_path / "run", n_plans=2)

    code, _, err = _run(["catalogue", str(run), "--out", str(tmp_path / "k"), "--register",
                         str(register)], capsys)

    assert code == 2
    assert "plan_id" in err
    assert not (tmp_path / "k").exists()
