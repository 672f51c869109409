"""Done when: the missed-plans audit runs end to end from its template to its catalogue
part, through the CLI and a papermill notebook, with bad input reported like the plan
register (every problem at once, Danish, exit 1 for invalid rows and 2 for unusable input,
never a traceback, never a cell value)."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from auditlib.cli import main
from auditlib.demo import DEMO_REGISTER
from auditlib.missed.columns import COLUMN_NAMES
from tests.missed_rows import row, write_register

PLANTED_CPR = "0102034567"
# What coordinators write by hand: natural spellings, a quarter instead of a date.
FILLED = [
    row(udskrivning_id="MU-01", funktionstab_beskrevet="Ja", behov_vurderet="Nej",
        vurderet_af="", aarsag_ingen_plan="Kommunen sørger for det", aarsag_tekst=""),
    row(udskrivning_id="MU-02", behov_vurderet="ja", vurderet_af="Læge og ergoterapeut",
        aarsag_ingen_plan="Klarer sig selv"),
    row(udskrivning_id="MU-03", udskrevet="", kvartal="2025 K3", kontakttype="Akut modtagelse",
        funktionstab_beskrevet="ja", behov_vurderet="", aarsag_ingen_plan="Ved ikke",
        aarsag_tekst=""),
    *[row(udskrivning_id=f"MU-{i:02d}", diagnose="DF41.1", aarsag_ingen_plan="diagnosegruppe",
          behov_vurderet="nej", vurderet_af="", funktionstab_beskrevet="ja")
      for i in range(4, 10)],
]


def run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return exit_.value.code, out, err


def fill_template(template: Path, rows: list[dict[str, str]]) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    for r, values in enumerate(rows, start=2):
        for c, column in enumerate(COLUMN_NAMES, start=1):
            sheet.cell(row=r, column=c).value = values.get(column) or None
    book.save(template)


def test_end_to_end_from_template_to_catalogue_part(tmp_path, capsys):
    register = tmp_path / "udskrivninger.xlsx"
    code, out, _ = run(["missed", "template", "--out", register], capsys)
    assert code == 0 and "udskrivninger" in out
    fill_template(register, FILLED)
    before = hashlib.sha256(register.read_bytes()).hexdigest()

    code, out, _ = run(["missed", "validate", register], capsys)
    assert code == 0, out
    assert "9 udskrivninger" in out

    missed_dir = tmp_path / "ikke-lavet"
    code, out, _ = run(["missed", "audit", register, "--out", missed_dir], capsys)
    assert code == 0, out
    results = list(csv.DictReader((missed_dir / "missed.csv").open(encoding="utf-8")))
    by_key = {(r["udskrivning_id"], r["criterion_id"]): r["result"] for r in results}
    assert len(results) == 9 * 4
    assert by_key[("MU-01", "M01")] == "ikke_opfyldt"
    assert by_key[("MU-01", "M03")] == "ikke_opfyldt"
    assert by_key[("MU-02", "M03")] == "opfyldt" and by_key[("MU-02", "M04")] == "opfyldt"
    assert by_key[("MU-03", "M01")] == "ikke_opfyldt"
    meta = json.loads((missed_dir / "missed.json").read_text(encoding="utf-8"))
    assert meta["n_discharges"] == 9 and meta["criteria"] == ["M01", "M02", "M03", "M04"]
    assert meta["quarters"] == {"2025-K2": 8, "2025-K3": 1}
    # The run folder carries no free text.
    discharges = (missed_dir / "missed_discharges.csv").read_text(encoding="utf-8")
    assert "Patienten ønskede" not in discharges and "aarsag_tekst" not in discharges

    plan_run = tmp_path / "koersel"
    code, _, _ = run(["audit", DEMO_REGISTER, "--out", plan_run], capsys)
    assert code == 0
    catalogue = tmp_path / "katalog"
    code, _, _ = run(["catalogue", plan_run, "--missed", missed_dir, "--out", catalogue], capsys)
    assert code == 0
    book = openpyxl.load_workbook(catalogue / "snitfladekatalog.xlsx")
    assert "ikke_lavet" in book.sheetnames
    cells = [v for r in book["ikke_lavet"].iter_rows(values_only=True) for v in r if v]
    assert "Planer der ikke blev lavet" in cells
    # Six discharges give the diagnosis as the reason: shown; the others are below 5.
    reasons = {r[0]: r[2] for r in book["ikke_lavet"].iter_rows(values_only=True)
               if r[0] and r[1] in ("ja", "nej", "forummet vurderer")}
    assert reasons["Diagnosen giver ikke plan"] == 6
    assert reasons["Kommunen sørger for det"] == "<5"
    html = (catalogue / "snitfladekatalog.html").read_text(encoding="utf-8")
    assert 'id="ikke-lavet"' in html and "Planer der ikke blev lavet" in html
    assert "href=\"#ikke-lavet\"" in html
    assert hashlib.sha256(register.read_bytes()).hexdigest() == before


def test_invalid_rows_exit_1_on_validate_and_stop_the_audit(tmp_path, capsys):
    path = write_register(tmp_path / "u.csv", [row(aldersgruppe="42"), row(kontakttype="tlf")])
    code, out, _ = run(["missed", "validate", path], capsys)
    assert code == 1
    assert "udskrivning MU-01 (række 2), kolonne aldersgruppe" in out
    assert "række 3, kolonne udskrivning_id" in out and "kolonne kontakttype" in out
    code, out, _ = run(["missed", "validate", path, "--format", "csv"], capsys)
    assert code == 1 and out.splitlines()[0] == "udskrivning_id,column,problem"
    code, _, err = run(["missed", "audit", path, "--out", tmp_path / "ud"], capsys)
    assert code == 2 and "Fejl:" in err and "problem" in err
    assert not (tmp_path / "ud" / "missed.json").exists()


def test_identifiers_stop_the_audit_without_showing_them(tmp_path, capsys):
    path = write_register(tmp_path / "u.csv", [
        row(aarsag_tekst=f"Se cpr {PLANTED_CPR} i journalen"),
        row(udskrivning_id="MU-02", aldersgruppe="42")])
    code, out, _ = run(["missed", "validate", path], capsys)
    assert code == 1 and "type cpr" in out and PLANTED_CPR not in out
    code, out, err = run(["missed", "audit", path, "--out", tmp_path / "ud"], capsys)
    assert code == 2 and "personhenførbar" in err
    assert PLANTED_CPR not in out + err and "MU-01" in err
    assert not (tmp_path / "ud").exists()


@pytest.mark.parametrize(("what", "args", "words"), [
    ("plan register", ["missed", "validate", DEMO_REGISTER.with_name("region-demo.csv")],
     "planregister"),
    ("missing file", ["missed", "validate", "findes-ikke.csv"], "findes ikke"),
    ("template as csv", ["missed", "template", "--out", "s.csv"], ".xlsx"),
    ("audit without --out", ["missed", "audit", "x.csv"], "--out"),
    ("unknown cluster", ["missed", "audit", DEMO_REGISTER.with_name("missed-demo.csv"),
                         "--cluster", "Atlantis", "--out", "ud"], "Atlantis"),
    ("catalogue with a plan run as --missed", ["catalogue", DEMO_REGISTER.parent,
                                               "--missed", DEMO_REGISTER.parent, "--out", "k"],
     "Fejl"),
])
def test_unusable_input_exits_2_in_danish(tmp_path, capsys, monkeypatch, what, args, words):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(args, capsys)
    assert code == 2, what
    assert "Fejl:" in err or "Brug:" in err
    assert words in err


def test_misspelt_required_column_is_named_through_the_cli(tmp_path, capsys):
    columns = ["udskrivning_id", "klyngen", *COLUMN_NAMES[2:]]
    data = row()
    data["klyngen"] = data.pop("klynge")
    path = write_register(tmp_path / "u.csv", [data], columns)
    code, _, err = run(["missed", "validate", path], capsys)
    assert code == 2 and "mente du 'klynge'" in err


def test_the_command_runs_as_a_real_process(tmp_path):
    demo = DEMO_REGISTER.with_name("missed-demo.csv")
    done = subprocess.run([sys.executable, "-m", "auditlib", "missed", "audit", str(demo),
                           "--cluster", "midtklyngen", "--out", str(tmp_path / "ud")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "20 udskrivninger uden plan fra midtklyngen" in done.stdout
    assert (tmp_path / "ud" / "missed.json").is_file()


@pytest.mark.slow
def test_the_notebook_runs_end_to_end_and_stops_on_bad_input(tmp_path):
    import nbformat

    import auditlib.notebooks as nb
    from auditlib.errors import NotebookError

    register = write_register(tmp_path / "u.csv", FILLED)
    executed = nb.execute_notebook("05_missed", tmp_path / "05.ipynb",
                                   {"register": register, "out_dir": tmp_path / "ud"})
    notebook = nbformat.read(str(executed), as_version=4)
    text = json.dumps([c.get("outputs", []) for c in notebook.cells], ensure_ascii=False)
    assert "Diagnosen giver ikke plan" in text and "Andel vurderet" in text
    assert (tmp_path / "ud" / "missed.csv").is_file()

    bad = write_register(tmp_path / "bad.csv", [row(aldersgruppe="42")])
    with pytest.raises(NotebookError) as raised:
        nb.execute_notebook("05_missed", tmp_path / "bad.ipynb",
                            {"register": bad, "out_dir": tmp_path / "bad-ud"})
    assert "udskrivning MU-01" in raised.value.message and "aldersgruppe" in raised.value.message
    assert raised.value.exit_code == 2  # the report could not be made (as the audit notebook)
    planted = write_register(tmp_path / "cpr.csv", [row(aarsag_tekst=f"cpr {PLANTED_CPR}")])
    with pytest.raises(NotebookError) as raised:
        nb.execute_notebook("05_missed", tmp_path / "cpr.ipynb",
                            {"register": planted, "out_dir": tmp_path / "cpr-ud"})
    assert PLANTED_CPR not in raised.value.message and raised.value.exit_code == 2
    assert not (tmp_path / "cpr-ud").exists()
