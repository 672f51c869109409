"""The missed-plans register: natural spellings normalised, every problem reported with
the discharge (or row) and column, typos named, unusable files refused, inputs untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from auditlib.errors import RegisterInvalidError, RegisterUnusableError
from auditlib.missed import load_missed_register, load_valid_missed_register
from auditlib.missed.columns import COLUMN_NAMES
from auditlib.missed.load import convert_quarter
from auditlib.missed.template import SHEET, write_missed_template
from auditlib.register.normalise import Invalid
from tests.missed_rows import GOOD, row, write_register

DEMO = Path(__file__).resolve().parent.parent / "data" / "anonymized" / "missed-demo.csv"


@pytest.mark.parametrize(("column", "written", "expected"), [
    ("funktionstab_beskrevet", "Ja", "ja"),
    ("behov_vurderet", "NEJ", "nej"),
    ("kontakttype", "Akut modtagelse", "akut"),
    ("kontakttype", "PAM", "akut"),
    ("kontakttype", "Indlagt", "indlaeggelse"),
    ("vurderet_af", "Læge og ergoterapeut", "laege; ergoterapeut"),
    ("vurderet_af", "ergo; Overlæge", "laege; ergoterapeut"),
    ("vurderet_af", "Sygeplejerske", "sygeplejerske"),
    ("aarsag_ingen_plan", "Kommunen sørger for det", "kommunen_soerger"),
    ("aarsag_ingen_plan", "Patienten takkede nej", "afslaaet_af_patient"),
    ("aarsag_ingen_plan", "Ved ikke", "ikke_kendt"),
    ("aarsag_ingen_plan", "Pakkeforløb", "pakkeforloeb"),
    ("aarsag_ingen_plan", "Anden kommunal indsats", "anden_kommunal_indsats"),
    ("aldersgruppe", "40–49 år", "40-49"),
    ("diagnose", "df32.1; F41", "F32.1; F41"),
])
def test_natural_spellings_are_normalised(tmp_path, column, written, expected):
    loaded = load_missed_register(write_register(tmp_path / "u.csv", [row(**{column: written})]))
    assert loaded.problems == []
    assert loaded.frame.at[0, column] == expected


@pytest.mark.parametrize(("written", "expected"), [
    ("2025-K1", "2025-K1"), ("2025K2", "2025-K2"), ("2025 k3", "2025-K3"),
    ("K4 2025", "2025-K4"), ("2025-Q2", "2025-K2"), ("1. kvartal 2025", "2025-K1"),
    ("2025-3", "2025-K3"),
])
def test_quarters_in_common_spellings(written, expected):
    assert convert_quarter(written) == expected


@pytest.mark.parametrize("written", ["2025-K5", "K1", "første kvartal", "2025-13"])
def test_unreadable_quarters_are_refused(written):
    with pytest.raises(Invalid):
        convert_quarter(written)


def test_the_quarter_is_filled_from_the_discharge_date(tmp_path):
    loaded = load_missed_register(write_register(tmp_path / "u.csv", [
        row(udskrevet="2025-08-14", kvartal=""),
        row(udskrivning_id="MU-02", udskrevet="", kvartal="2025 K1")]))
    assert loaded.problems == []
    assert loaded.frame["kvartal"].tolist() == ["2025-K3", "2025-K1"]


def test_every_problem_at_once_with_discharge_or_row_and_column(tmp_path):
    rows = [
        row(udskrevet="2025-02-30", aldersgruppe="42", behov_vurderet="måske"),
        row(udskrivning_id="MU-02", kontakttype="telefon", vurderet_af="tandlæge",
            diagnose="K35", udskrevet="2025-03-01", kvartal="2025-K3"),
        row(udskrivning_id="MU 03", aarsag_ingen_plan="bla bla"),
        row(udskrivning_id="MU-02", klynge="", udskrevet="", kvartal=""),
    ]
    loaded = load_missed_register(write_register(tmp_path / "u.csv", rows))
    found = {(p.plan_id, p.row, p.column) for p in loaded.problems}
    assert found == {
        ("MU-01", 2, "udskrevet"), ("MU-01", 2, "kvartal"), ("MU-01", 2, "aldersgruppe"),
        ("MU-01", 2, "behov_vurderet"),
        (None, 3, "udskrivning_id"), ("MU-02", 3, "kontakttype"), ("MU-02", 3, "vurderet_af"),
        ("MU-02", 3, "diagnose"), ("MU-02", 3, "kvartal"),
        (None, 4, "udskrivning_id"), (None, 4, "aarsag_ingen_plan"),
        (None, 5, "udskrivning_id"), ("MU-02", 5, "klynge"), ("MU-02", 5, "kvartal"),
    }
    where = [p.where() for p in loaded.problems]
    assert "udskrivning MU-01 (række 2)" in where and "række 4" in where
    assert all(p.message and "Traceback" not in p.message for p in loaded.problems)
    # The exact age is never repeated back, nor any other cell value.
    assert not any("42" in p.message or "tandlæge" in p.message for p in loaded.problems)
    with pytest.raises(RegisterInvalidError) as raised:
        load_valid_missed_register(tmp_path / "u.csv")
    assert raised.value.exit_code == 2 and len(raised.value.problems) == len(loaded.problems)


def test_a_misspelt_optional_column_is_named_with_the_intended_one(tmp_path):
    columns = [c if c != "funktionstab_beskrevet" else "funktionstab_beskevet"
               for c in COLUMN_NAMES]
    data = row()
    data["funktionstab_beskevet"] = data.pop("funktionstab_beskrevet")
    loaded = load_missed_register(write_register(tmp_path / "u.csv", [data], columns))
    [problem] = loaded.problems
    assert problem.column == "funktionstab_beskevet"
    assert "mente du 'funktionstab_beskrevet'?" in problem.message


def test_an_unrelated_extra_column_is_kept_without_a_problem(tmp_path):
    columns = [*COLUMN_NAMES, "lokal_note"]
    loaded = load_missed_register(write_register(tmp_path / "u.csv", [row(lokal_note="x")],
                                                 columns))
    assert loaded.problems == [] and loaded.extra_columns == ["lokal_note"]


def test_a_misspelt_required_column_makes_the_file_unusable_and_is_named(tmp_path):
    columns = ["udskrivnings_id", *COLUMN_NAMES[1:]]
    data = row()
    data["udskrivnings_id"] = data.pop("udskrivning_id")
    with pytest.raises(RegisterUnusableError) as raised:
        load_missed_register(write_register(tmp_path / "u.csv", [data], columns))
    missing, misspelt = raised.value.problems
    assert missing.column == "udskrivning_id" and "mangler" in missing.message
    assert misspelt.column == "udskrivnings_id"
    assert "mente du 'udskrivning_id'" in misspelt.message
    assert raised.value.exit_code == 2


def test_a_plan_register_is_named_as_one(tmp_path):
    region = DEMO.with_name("region-demo.csv")
    with pytest.raises(RegisterUnusableError) as raised:
        load_missed_register(region)
    assert "planregister" in raised.value.message and "auditlib validate" in raised.value.message


@pytest.mark.parametrize(("name", "content", "words"), [
    ("u.xls", b"x", ".xls"), ("u.txt", b"x", "Filtypen"), ("u.csv", b"", "tom"),
    ("u.csv", b"udskrivning_id;klynge\n", "ingen udskrivninger"),
    ("u.csv", "udskrivning_id;klynge\nA;æ\n".encode("cp1252"), "UTF-8"),
    ("u.xlsx", b"not a zip", "beskadiget"),
])
def test_unusable_files_get_a_danish_reason(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RegisterUnusableError) as raised:
        load_missed_register(path)
    assert words in raised.value.message


def test_loading_never_modifies_the_input(tmp_path):
    path = write_register(tmp_path / "u.csv", [row(), row(aldersgruppe="42")])
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    load_missed_register(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_the_template_loads_back_once_filled(tmp_path):
    path = write_missed_template(tmp_path / "skabelon.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == SHEET and "ark_vejledning" in book.sheetnames
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]] == list(COLUMN_NAMES)
    for index, column in enumerate(COLUMN_NAMES, start=1):
        sheet.cell(row=2, column=index).value = GOOD[column] or None
    book.save(path)
    loaded = load_missed_register(path)
    assert loaded.problems == [] and len(loaded.frame) == 1
    assert loaded.frame.at[0, "kvartal"] == "2025-K2"


def test_the_template_has_dropdowns_for_the_categories(tmp_path):
    sheet = openpyxl.load_workbook(write_missed_template(tmp_path / "s.xlsx"))[SHEET]
    guide = "\n".join(str(c.value) for r in sheet.parent["ark_vejledning"].iter_rows()
                      for c in r if c.value)
    assert "uanset diagnose" in guide and "kommunen_soerger" in guide
    assert "ikke en gyldig grund" in guide and "udskrivning_id" in guide
    lists = [dv.formula1 for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert any("kommunen_soerger" in f for f in lists)
    assert any("akut" in f for f in lists)


def test_the_demo_register_is_valid_and_free_of_identifiers():
    from auditlib.missed import scan_missed_register

    loaded = load_missed_register(DEMO)
    assert loaded.problems == [] and len(loaded.frame) == 80
    assert scan_missed_register(loaded) == []


def test_the_demo_generator_is_reproducible(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_missed_demo",
                                                  DEMO.parent.parent / "make_missed_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(tmp_path / "m.csv").read_bytes() == DEMO.read_bytes()
