"""The review round: export workbook, import decisions, agreement, compare, CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from auditlib.cli import main
from auditlib.compare import COMPARE_COLUMNS, compare_runs
from auditlib.errors import ReviewError
from auditlib.review import export_review, import_review
from auditlib.review.agreement import agreement_row, agreement_tables
from auditlib.review.export import (
    COLUMN_TITLES,
    CRITERIA_SHEET,
    MARKER_SHEET,
    STATEMENTS_SHEET,
    TRIAGE_SHEET,
    suggest_level,
    triage_letter,
)
from auditlib.review.importer import ReviewRowsError
from auditlib.rundir import DECISION_COLUMNS, read_run
from tests.catalogue_runs import write_run_folder

N_CRITERIA = 17
STATEMENTS_SHOWN = 5  # per plan: the four of genoptraeningsbehov/maal plus none other grey


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    return write_run_folder(tmp_path / "run")


@pytest.fixture
def workbook(run_dir: Path, tmp_path: Path) -> Path:
    return export_review(run_dir, tmp_path / "gennemgang.xlsx")


KEY_BY_TITLE = {title: key for key, title in COLUMN_TITLES.items()}


def _columns(ws) -> dict[str, int]:
    """Column numbers by key (the sheets show Danish headings)."""
    return {KEY_BY_TITLE.get(str(c.value), str(c.value)): c.column for c in ws[1]
            if c.value is not None}


def _fill(path: Path, fills: dict[str, dict[str, object]], out: Path | None = None,
          edit=None) -> Path:
    """Write reviewer values by item_id: {item_id: {column: value}}."""
    wb = openpyxl.load_workbook(path)
    left = dict(fills)
    for name in (CRITERIA_SHEET, STATEMENTS_SHEET):
        ws = wb[name]
        columns = _columns(ws)
        for row in range(2, ws.max_row + 1):
            item = ws.cell(row=row, column=columns["item_id"]).value
            for key, value in left.pop(item, {}).items():
                ws.cell(row=row, column=columns[key]).value = value
    assert not left, f"unknown items {left}"
    if edit is not None:
        edit(wb)
    out = out or path.with_name("udfyldt.xlsx")
    wb.save(out)
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


K10_01 = "K:MK-2025-01:K10"
K01_02 = "K:MK-2025-02:K01"
U_01_2 = "U:MK-2025-01:genoptraeningsbehov:2"

GOOD = {
    K10_01: {"hospital_vurdering": "uenig", "hospital_begrundelse": "Sendt samme dag.",
             "kommune_vurdering": "enig", "forum_afgoerelse": "opfyldt",
             "forum_begrundelse": "Sendt rettidigt ifølge journalen."},
    K01_02: {"hospital_vurdering": "enig", "kommune_vurdering": "enig",
             "forum_afgoerelse": "opfyldt"},
    U_01_2: {"hospital_vurdering": "social", "kommune_vurdering": "genoptraening",
             "kommune_begrundelse": "Træning i at åbne post er tidsafgrænset.",
             "forum_afgoerelse": "genoptraening", "forum_begrundelse": "Navngiven funktion."},
}


# -- export ---------------------------------------------------------------------------------
def test_export_has_the_sheets_rows_and_hidden_ids(workbook: Path):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames[:6] == ["planer", CRITERIA_SHEET, STATEMENTS_SHEET, "beslutningslog",
                                 TRIAGE_SHEET, "vejledning"]
    assert wb[MARKER_SHEET].sheet_state == "veryHidden"
    criteria, statements = wb[CRITERIA_SHEET], wb[STATEMENTS_SHEET]
    assert criteria.max_row == 1 + 6 * N_CRITERIA
    assert statements.max_row == 1 + 6 * STATEMENTS_SHOWN
    for ws in (criteria, statements):
        columns = _columns(ws)
        for key in ("item_id", "plan_id", "hospital_vurdering", "hospital_begrundelse",
                    "kommune_vurdering", "kommune_begrundelse", "forum_afgoerelse",
                    "forum_begrundelse"):
            assert key in columns
        assert ws.column_dimensions["A"].hidden
        assert ws.freeze_panes == "C2"
        assert ws.auto_filter.ref.startswith("A1:")
    assert criteria["A2"].value == K10_01.replace("K10", "K01")
    assert "udsagn" in _columns(statements)


def test_export_has_dropdowns_for_both_roles_and_the_forum(workbook: Path):
    wb = openpyxl.load_workbook(workbook)
    for name, must in ((CRITERIA_SHEET, ["enig,uenig,kan_ikke_vurdere",
                                         "opfyldt,ikke_opfyldt,ikke_relevant,kan_ikke_vurderes"]),
                       (STATEMENTS_SHEET, ["genoptraening,behandling,social,beskaeftigelse,"
                                           "forebyggelse,civilsamfund,kan_ikke_vurdere",
                                           '"genoptraening,behandling,social,beskaeftigelse,'
                                           'forebyggelse,civilsamfund"'])):
        ws = wb[name]
        columns = _columns(ws)
        validations = [(dv.formula1, str(dv.sqref)) for dv in ws.data_validations.dataValidation]
        for text in must:
            assert any(text in f for f, _ in validations), (name, text, validations)
        covered = " ".join(cells for _, cells in validations)
        for key in ("hospital_vurdering", "kommune_vurdering", "forum_afgoerelse"):
            letter = openpyxl.utils.get_column_letter(columns[key])
            assert f"{letter}2:" in covered


def test_tool_columns_are_locked_and_reviewer_columns_open(workbook: Path):
    wb = openpyxl.load_workbook(workbook)
    for name in (CRITERIA_SHEET, STATEMENTS_SHEET):
        ws = wb[name]
        assert ws.protection.sheet is True
        assert not ws.protection.password
        columns = _columns(ws)
        for key in ("item_id", "plan_id", "note" if name == CRITERIA_SHEET else "udsagn"):
            assert ws.cell(row=2, column=columns[key]).protection.locked
        for key in ("hospital_vurdering", "kommune_begrundelse", "forum_afgoerelse"):
            assert not ws.cell(row=2, column=columns[key]).protection.locked


def test_formula_like_text_is_stored_as_text(workbook: Path):
    wb = openpyxl.load_workbook(workbook)
    ws = wb[STATEMENTS_SHEET]
    column = _columns(ws)["udsagn"]
    texts = [ws.cell(row=r, column=column).value for r in range(2, ws.max_row + 1)]
    assert "'=Bostøtten kommer to gange om ugen og hjælper med post." in texts
    assert "'+Kommer i SINDs café en gang om ugen." in texts
    assert "'@Mentor fra jobcentret hjælper med morgenrutinen." in texts
    for name in (CRITERIA_SHEET, STATEMENTS_SHEET, "vejledning"):
        for row in wb[name].iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_guide_states_the_reason_rule(workbook: Path):
    ws = openpyxl.load_workbook(workbook)["vejledning"]
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "Uenig kræver en begrundelse" in text
    assert "adgangskode" in text


def test_export_never_touches_the_run(run_dir: Path, tmp_path: Path):
    before = {p.name: _digest(p) for p in run_dir.iterdir()}
    export_review(run_dir, tmp_path / "x.xlsx")
    assert {p.name: _digest(p) for p in run_dir.iterdir()} == before


# -- import ---------------------------------------------------------------------------------
def test_import_writes_only_filled_rows(run_dir: Path, workbook: Path):
    before = {n: _digest(run_dir / n) for n in ("criteria.csv", "statements.csv", "run.json")}
    result = import_review(_fill(workbook, GOOD), run_dir)
    assert result.problems == []
    written = pd.read_csv(run_dir / "decisions.csv", dtype=str, keep_default_na=False)
    assert list(written.columns) == DECISION_COLUMNS
    assert len(written) == 3
    k10 = written[written["criterion_id"].eq("K10")].iloc[0]
    assert (k10["plan_id"], k10["kind"], k10["tool_value"]) == ("MK-2025-01", "kriterium",
                                                                "ikke_opfyldt")
    assert (k10["hospital_value"], k10["kommune_value"], k10["decision"]) == (
        "uenig", "enig", "opfyldt")
    assert k10["hospital_reason"] == "Sendt samme dag."
    statement = written[written["kind"].eq("udsagn")].iloc[0]
    assert (statement["field"], statement["statement_no"], statement["tool_value"],
            statement["decision"]) == ("genoptraeningsbehov", "2", "social", "genoptraening")
    assert statement["statement"].startswith("=Bostøtten")  # the run's text, not the cell's
    assert {n: _digest(run_dir / n) for n in before} == before
    run = read_run(run_dir)
    assert run.decisions is not None and len(run.decisions) == 3


def test_titles_and_spaces_are_accepted_as_values(run_dir: Path, workbook: Path):
    fills = {K01_02: {"hospital_vurdering": "Enig", "kommune_vurdering": "kan ikke vurdere",
                      "forum_afgoerelse": "Opfyldt"}}
    result = import_review(_fill(workbook, fills), run_dir)
    row = result.decisions.iloc[0]
    assert (row["hospital_value"], row["kommune_value"], row["decision"]) == (
        "enig", "kan_ikke_vurdere", "opfyldt")


def test_all_problems_are_reported_at_once_and_nothing_written(run_dir: Path,
                                                               workbook: Path):
    bad = {
        K10_01: {"hospital_vurdering": "uenig"},                      # no reason
        K01_02: {"kommune_vurdering": "måske"},                       # unknown value
        "K:MK-2025-03:K02": {"forum_afgoerelse": "ikke_opfyldt"},     # against tool, no reason
        U_01_2: {"hospital_vurdering": "behandling"},                 # other sector, no reason
        "U:MK-2025-02:maal:1": {"forum_afgoerelse": "opfyldt"},       # a result for a statement
    }

    def edit(wb):
        ws = wb[CRITERIA_SHEET]
        columns = _columns(ws)
        # a row whose hidden id was changed, one with another plan_id, one added at the end
        ws.cell(row=5, column=columns["item_id"]).value = "K:XX-9999-01:K04"
        ws.cell(row=5, column=columns["hospital_vurdering"]).value = "enig"
        ws.cell(row=6, column=columns["plan_id"]).value = "MK-2025-99"
        ws.cell(row=6, column=columns["kommune_vurdering"]).value = "enig"
        extra = ws.max_row + 1
        ws.cell(row=extra, column=columns["plan_id"]).value = "Jens Hansen"
        ws.cell(row=extra, column=columns["hospital_vurdering"]).value = "enig"

    path = _fill(workbook, bad, edit=edit)
    with pytest.raises(ReviewRowsError) as caught:
        import_review(path, run_dir)
    error = caught.value
    assert error.exit_code == 1
    assert len(error.problems) == 8
    where = {(p.sheet, p.column) for p in error.problems}
    # The columns as the sheets name them (Danish headings).
    assert (CRITERIA_SHEET, "Hospitalets begrundelse") in where
    assert (CRITERIA_SHEET, "Kommunens vurdering") in where
    assert (CRITERIA_SHEET, "Forummets begrundelse") in where
    assert (STATEMENTS_SHEET, "Hospitalets begrundelse") in where
    assert (STATEMENTS_SHEET, "Forummets afgørelse") in where
    assert (CRITERIA_SHEET, "Plan-ID") in where
    assert sum(p.column == "Nøgle" for p in error.problems) == 2
    text = "\n".join(str(p) for p in error.problems)
    assert "måske" not in text  # what was typed is never echoed
    assert "Jens Hansen" not in text and "MK-2025-99" not in text
    assert "MK-2025-01" in text and "række" in text
    assert not (run_dir / "decisions.csv").exists()


def test_reimport_replaces_earlier_decisions(run_dir: Path, workbook: Path):
    import_review(_fill(workbook, GOOD), run_dir)
    second = {K01_02: {"hospital_vurdering": "enig", "kommune_vurdering": "enig"}}
    import_review(_fill(workbook, second, out=workbook.with_name("anden.xlsx")), run_dir)
    written = pd.read_csv(run_dir / "decisions.csv", dtype=str, keep_default_na=False)
    assert written["criterion_id"].tolist() == ["K01"]
    assert written["decision"].tolist() == [""]


def test_untouched_workbook_keeps_earlier_decisions(run_dir: Path, workbook: Path):
    import_review(_fill(workbook, GOOD), run_dir)
    before = _digest(run_dir / "decisions.csv")
    with pytest.raises(ReviewRowsError):
        import_review(workbook, run_dir)
    assert _digest(run_dir / "decisions.csv") == before


def test_unusable_files_exit_2(run_dir: Path, tmp_path: Path):
    plain = tmp_path / "andet.xlsx"
    openpyxl.Workbook().save(plain)
    corrupt = tmp_path / "defekt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    protected = tmp_path / "kode.xlsx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    for path, words in ((plain, "ikke en arbejdsbog"), (corrupt, "beskadiget"),
                        (protected, "adgangskode"), (tmp_path / "mangler.xlsx", "findes ikke")):
        with pytest.raises(ReviewError) as caught:
            import_review(path, run_dir)
        assert caught.value.exit_code == 2
        assert words in caught.value.message
    assert not (run_dir / "decisions.csv").exists()


def test_workbook_from_another_run_is_refused(run_dir: Path, workbook: Path, tmp_path: Path):
    other = write_run_folder(tmp_path / "other")
    meta = json.loads((other / "run.json").read_text(encoding="utf-8"))
    meta["sha256"] = "1" * 64
    (other / "run.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ReviewError, match="anden auditkørsel"):
        import_review(_fill(workbook, GOOD), other)


# -- agreement ------------------------------------------------------------------------------
def test_kappa_on_a_known_table():
    # 10 items: both enig 6, both uenig 2, one each way. p_o = 0.8;
    # each side says enig 7 times: p_e = 0.7*0.7 + 0.3*0.3 = 0.58; kappa = 0.22/0.42.
    hospital = ["enig"] * 6 + ["uenig"] * 2 + ["enig", "uenig"]
    kommune = ["enig"] * 6 + ["uenig"] * 2 + ["uenig", "enig"]
    row = agreement_row("K10", hospital, kommune)
    assert row["n"] == 10
    assert row["enighed"] == pytest.approx(0.8)
    assert row["kappa"] == pytest.approx(0.22 / 0.42)
    assert row["note"] == ""


def test_kappa_undefined_and_few_items_are_explained():
    one = agreement_row("K01", ["enig"] * 4, ["enig"] * 4)
    assert pd.isna(one["kappa"]) and one["enighed"] == 1.0
    assert "samme kategori" in one["note"] and "Få emner" in one["note"]
    single = agreement_row("K02", ["enig"], ["uenig"])
    assert pd.isna(single["kappa"]) and "færre end 2" in single["note"]


def test_agreement_tables_from_decisions(tmp_path: Path):
    run_dir = write_run_folder(tmp_path / "run", n_plans=10)
    hospital = ["enig"] * 6 + ["uenig"] * 2 + ["enig", "uenig"]
    kommune = ["enig"] * 6 + ["uenig"] * 2 + ["uenig", "enig"]
    rows = []
    for i, (h, k) in enumerate(zip(hospital, kommune, strict=True), start=1):
        rows.append({"plan_id": f"MK-2025-{i:02d}", "kind": "kriterium", "criterion_id": "K10",
                     "tool_value": "opfyldt", "hospital_value": h, "kommune_value": k,
                     "decision": "opfyldt" if i <= 8 else "ikke_opfyldt"})
    rows.append({"plan_id": "MK-2025-01", "kind": "udsagn", "field": "maal",
                 "statement_no": "1", "tool_value": "civilsamfund",
                 "hospital_value": "civilsamfund", "kommune_value": "kan_ikke_vurdere"})
    pd.DataFrame(rows, columns=DECISION_COLUMNS).to_csv(run_dir / "decisions.csv", index=False)
    tables = agreement_tables(run_dir)
    k10 = tables["kriterier"].set_index("omraade").loc["K10"]
    assert k10["n"] == 10 and k10["kappa"] == pytest.approx(0.22 / 0.42)
    assert tables["sektorer"]["n"].sum() == 0  # kan_ikke_vurdere is no judgement
    forum = tables["forum"].set_index("omraade").loc["kriterium"]
    assert forum["n"] == 10 and forum["enighed"] == pytest.approx(0.8)


def test_sector_agreement_counts_grey_zone_statements_only(run_dir: Path, workbook: Path):
    fills = {
        U_01_2: {"hospital_vurdering": "social", "kommune_vurdering": "social"},
        "U:MK-2025-02:genoptraeningsbehov:2": {
            "hospital_vurdering": "social", "kommune_vurdering": "genoptraening",
            "kommune_begrundelse": "Tidsafgrænset."},
        "U:MK-2025-01:maal:1": {"hospital_vurdering": "civilsamfund",
                                "kommune_vurdering": "civilsamfund"},
        # not a grey zone: left out of the sector table
        "U:MK-2025-01:genoptraeningsbehov:1": {"hospital_vurdering": "genoptraening",
                                               "kommune_vurdering": "genoptraening"},
    }
    import_review(_fill(workbook, fills), run_dir)
    sectors = agreement_tables(run_dir)["sektorer"].set_index("omraade")
    assert sectors.loc["social", "n"] == 2 and sectors.loc["social", "enighed"] == 0.5
    assert sectors.loc["civilsamfund", "n"] == 1
    assert sectors.loc["alle", "n"] == 3
    assert "genoptraening" not in sectors.index
    # all: hospital social, social, civilsamfund; kommune social, genoptraening, civilsamfund
    # p_o = 2/3; p_e = (2/3*1/3) + (1/3*1/3) = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.5
    assert sectors.loc["alle", "kappa"] == pytest.approx(0.5)


# -- compare --------------------------------------------------------------------------------
def test_compare_runs_uses_shares_of_applicable_plans_and_decisions(tmp_path: Path):
    before = write_run_folder(tmp_path / "a", failing={"K10": 3, "Q02": 2}, decisions=True)
    after = write_run_folder(tmp_path / "b", failing={"K10": 1}, started="2026-06-01T10:00:00")
    table = compare_runs(before, after).set_index("criterion_id")
    assert list(compare_runs(before, after).columns) == COMPARE_COLUMNS
    # K10: 3 of 6 failed, the forum decided one of them opfyldt -> 4/6 before, 5/6 after.
    assert table.loc["K10", "foer"] == pytest.approx(4 / 6)
    assert table.loc["K10", "efter"] == pytest.approx(5 / 6)
    assert table.loc["K10", "aendring"] == pytest.approx(100 / 6)
    assert table.loc["Q02", "aendring"] == pytest.approx(200 / 6)
    assert pd.isna(table.loc["K06", "foer"])  # ikke_relevant for every plan
    assert table.loc["K01", "aendring"] == 0
    assert set(table["klynge"]) == {"Midtklyngen"}


# -- triage ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("parameter", "grades"), [
    (1, "A A S B B"), (2, "A A B/S B B"), (3, "A A B/S B B"), (4, "A A S/A B B"),
    (5, "A A B/S B B"), (6, "A A S/A B/S B"), (7, "A A S/A B/S B/S"),
])
def test_triage_letters_follow_domain_4(parameter: int, grades: str):
    assert [triage_letter(parameter, g) for g in range(1, 6)] == grades.split()


def test_suggested_level_rule():
    assert suggest_level([1] * 7) == "almen"
    assert suggest_level([3] * 7) == "specialiseret"
    assert suggest_level([4, 1, 1, 1, 1, 1, 1]) == "behandling"
    assert suggest_level([4] * 7) == "behandling"
    assert suggest_level([2] * 6 + [None]) == ""


def test_triage_sheet_has_grades_letters_and_rule(workbook: Path):
    ws = openpyxl.load_workbook(workbook)[TRIAGE_SHEET]
    assert "gennemsnit" in str(ws["A2"].value)
    assert ws["A5"].value == "MK-2025-01"
    assert str(ws["J5"].value).startswith("=IF(ISNUMBER(C5)")
    assert '"S"' in ws["J5"].value  # suicide risk grade 3
    assert "behandling" in ws["S5"].value and "afviger" in ws["T5"].value
    assert not ws["C5"].protection.locked and ws["J5"].protection.locked
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert "whole" in kinds


def test_triage_shows_the_stated_level_from_run_json(tmp_path: Path):
    run_dir = write_run_folder(tmp_path / "run")
    meta = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    meta["niveau"] = {"MK-2025-01": "almen"}
    (run_dir / "run.json").write_text(json.dumps(meta), encoding="utf-8")
    ws = openpyxl.load_workbook(export_review(run_dir, tmp_path / "t.xlsx"))[TRIAGE_SHEET]
    assert ws["B5"].value == "almen" and ws["B6"].value is None


# -- command line ---------------------------------------------------------------------------
def _cli(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def test_cli_export_import_agreement_and_exit_codes(run_dir: Path, tmp_path: Path, capsys):
    out = tmp_path / "g.xlsx"
    code, stdout, err = _cli(["review", "export", str(run_dir), "--out", str(out)], capsys)
    assert code == 0, err
    assert out.is_file() and str(out) in stdout

    bad = _fill(out, {K10_01: {"hospital_vurdering": "uenig"},
                      K01_02: {"kommune_vurdering": "nej"}}, out=tmp_path / "bad.xlsx")
    code, _, err = _cli(["review", "import", str(bad), "--run", str(run_dir)], capsys)
    assert code == 1
    assert "2 problem" in err and "Hospitalets begrundelse" in err
    assert "Kommunens vurdering" in err
    assert "Traceback" not in err
    assert not (run_dir / "decisions.csv").exists()

    good = _fill(out, GOOD, out=tmp_path / "good.xlsx")
    code, stdout, err = _cli(["review", "import", str(good), "--run", str(run_dir)], capsys)
    assert code == 0, err
    assert "3 vurderede rækker" in stdout

    code, stdout, err = _cli(["review", "agreement", str(run_dir), "--format", "csv"], capsys)
    assert code == 0, err
    assert stdout.splitlines()[0] == "tabel,omraade,n,enighed,kappa,note"
    code, stdout, _ = _cli(["review", "agreement", str(run_dir)], capsys)
    assert code == 0 and "Enighed mellem hospital og kommune" in stdout


def test_cli_unusable_input_exits_2_without_traceback(run_dir: Path, tmp_path: Path, capsys):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("ikke en arbejdsbog", encoding="utf-8")
    code, _, err = _cli(["review", "import", str(junk), "--run", str(run_dir)], capsys)
    assert code == 2 and "beskadiget" in err and "Traceback" not in err
    code, _, err = _cli(["review", "export", str(tmp_path / "ingen"), "--out",
                         str(tmp_path / "g.xlsx")], capsys)
    assert code == 2 and "Traceback" not in err
    code, _, err = _cli(["review", "export", str(run_dir), "--out", str(tmp_path / "g.csv")],
                        capsys)
    assert code == 2 and ".xlsx" in err
    code, _, err = _cli(["review", "agreement", str(run_dir)], capsys)
    assert code == 2 and "decisions.csv" in err


def test_cli_compare_csv(tmp_path: Path, capsys):
    a = write_run_folder(tmp_path / "a")
    b = write_run_folder(tmp_path / "b", failing={})
    code, stdout, err = _cli(["compare", str(a), str(b), "--format", "csv"], capsys)
    assert code == 0, err
    lines = stdout.splitlines()
    assert lines[0] == ",".join(COMPARE_COLUMNS)
    k10 = next(line for line in lines if ",K10," in line)
    assert k10.endswith(",0.5000,1.0000,50.0000")


@pytest.mark.parametrize("args", [["review", "--help"], ["review", "export", "--help"],
                                  ["review", "import", "--help"],
                                  ["review", "agreement", "--help"], ["compare", "--help"]])
def test_help_is_danish_with_an_example(args: list[str], capsys):
    code, stdout, _ = _cli(args, capsys)
    assert code == 0
    assert "Eksempel" in stdout and "Brug:" in stdout


def test_real_subprocess_import_of_a_broken_file_exits_2(run_dir: Path, tmp_path: Path):
    import subprocess
    import sys

    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01 ikke en arbejdsbog")
    done = subprocess.run([sys.executable, "-m", "auditlib", "review", "import", str(junk),
                           "--run", str(run_dir)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "beskadiget" in done.stderr and "Traceback" not in done.stderr
