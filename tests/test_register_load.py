"""Loading the plan register: the three forms, normalisation, every bad input of the contract."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from auditlib.cli import main
from auditlib.errors import RegisterUnusableError
from auditlib.register import load_register
from auditlib.register.columns import COLUMN_NAMES
from tests.conftest import GOOD_ROW, make_row, write_csv

DEMO = Path(__file__).resolve().parent.parent / "data" / "anonymized"


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the three forms load into the same table ------------------------------------------


def _markdown(row: dict[str, str]) -> str:
    front = "\n".join(f"{c}: {row[c]}" for c in COLUMN_NAMES if c not in FREE)
    body = "\n\n".join(f"## {c}\n{row[c]}" for c in FREE)
    return f"---\n{front}\n---\n\n{body}\n"


FREE = [c for c in COLUMN_NAMES if c in (
    "helhedsvurdering", "funktionsevne", "genoptraeningsbehov", "maal", "ressourcer", "hensyn",
    "oevrige_indsatser", "bemaerkninger")]


def test_three_forms_load_to_the_same_table(tmp_path: Path) -> None:
    row = make_row()
    csv_path = write_csv(tmp_path / "r.csv", [row], sep=";")
    wb = Workbook()
    ws = wb.active
    ws.title = "planer"
    ws.append(list(COLUMN_NAMES))
    ws.append([dt.date.fromisoformat(row[c]) if c in ("kontakt_start", "udskrevet", "plan_dato",
                                                       "plan_sendt") else (row[c] or None)
               for c in COLUMN_NAMES])
    xlsx_path = tmp_path / "r.xlsx"
    wb.save(xlsx_path)
    folder = tmp_path / "md"
    folder.mkdir()
    (folder / "T-01.md").write_text(_markdown(row), encoding="utf-8")

    frames = [load_register(p) for p in (csv_path, xlsx_path, folder)]
    for loaded in frames:
        assert loaded.problems == []
    first = frames[0].frame
    for other in frames[1:]:
        for column in COLUMN_NAMES:
            a, b = first.at[0, column], other.frame.at[0, column]
            if pd.isna(a) or pd.isna(b):
                assert pd.isna(a) and pd.isna(b), column
            else:
                assert str(a).strip() == str(b).strip(), column


def test_natural_spellings_are_normalised(tmp_path: Path) -> None:
    row = make_row(niveau="Genoptræning på specialiseret niveau", laegefagligt_begrundet="JA",
                   patient_inddraget="Nej", kontakttype="Indlæggelse", koen="K",
                   diagnose="df32.1; F41.1", udskrevet="26-05-2025", plan_sendt="27.05.2025",
                   aldersgruppe="40–49")
    loaded = load_register(write_csv(tmp_path / "r.csv", [row]))
    assert loaded.problems == []
    got = loaded.frame.iloc[0]
    assert got["niveau"] == "specialiseret"
    assert got["laegefagligt_begrundet"] == "ja"
    assert got["patient_inddraget"] == "nej"
    assert got["kontakttype"] == "indlaeggelse"
    assert got["koen"] == "k"
    assert got["diagnose"] == "F32.1; F41.1"
    assert got["aldersgruppe"] == "40-49"
    assert str(got["udskrevet"].date()) == "2025-05-26"
    assert str(got["plan_sendt"].date()) == "2025-05-27"


def test_extra_columns_are_kept(tmp_path: Path) -> None:
    columns = list(COLUMN_NAMES) + ["lokal_note"]
    row = make_row(lokal_note="Drøftes i marts")
    loaded = load_register(write_csv(tmp_path / "r.csv", [row], columns=columns))
    assert loaded.extra_columns == ["lokal_note"]
    assert loaded.frame.at[0, "lokal_note"] == "Drøftes i marts"


def test_blank_niveau_is_not_a_load_error(tmp_path: Path) -> None:
    loaded = load_register(write_csv(tmp_path / "r.csv", [make_row(niveau="")]))
    assert loaded.problems == []


# --- every bad input of the contract: exit code and the message that names plan and column --

ROW_PROBLEMS = [
    # (changes to rows, plan/row named, column, words of the Danish message)
    ([{"plan_id": "T-01"}, {"plan_id": "T-01"}], "plan T-01", "plan_id", "flere gange"),
    ([{"plan_id": ""}], "række 2", "plan_id", "plan_id mangler"),
    ([{"plan_id": "T 01/å"}], "række 2", "plan_id", "kun indeholde"),
    ([{"udskrevet": "2025-02-30"}], "plan T-01", "udskrevet", "findes ikke i kalenderen"),
    ([{"plan_sendt": "i går"}], "plan T-01", "plan_sendt", "kan ikke læses"),
    ([{"kontakt_start": "2025-06-01", "udskrevet": "2025-05-01"}], "plan T-01", "udskrevet",
     "ligger før kontakt_start"),
    ([{"niveau": "avanceret"}], "plan T-01", "niveau", "rehabilitering_specialiseret"),
    ([{"diagnose": "DK35.2"}], "plan T-01", "diagnose", "kapitel F"),
    ([{"aldersgruppe": "67"}], "plan T-01", "aldersgruppe", "præcis alder"),
    ([{"aldersgruppe": "67 år"}], "plan T-01", "aldersgruppe", "præcis alder"),
    ([{"laegefagligt_begrundet": "måske"}], "plan T-01", "laegefagligt_begrundet", "'ja' eller 'nej'"),
    ([{"udskrevet": ""}], "plan T-01", "udskrevet", "skal udfyldes"),
    ([{"klynge": "", "kommune": ""}], "plan T-01", "klynge", "skal udfyldes"),
]


@pytest.mark.parametrize(("changes", "where", "column", "words"), ROW_PROBLEMS)
def test_row_problem_is_reported_with_plan_and_column(tmp_path, capsys, changes, where, column,
                                                      words) -> None:
    rows = [make_row(**c) for c in changes]
    path = write_csv(tmp_path / "r.csv", rows)
    before = digest(path)
    code, out, err = run_cli(capsys, "validate", str(path))
    assert code == 1
    lines = [line for line in out.splitlines() if column in line and words in line]
    assert lines, out
    assert where in lines[0]
    assert "Traceback" not in out + err
    assert digest(path) == before


def test_every_problem_is_reported_at_once(tmp_path, capsys) -> None:
    rows = [make_row(plan_id="A-1", udskrevet="2025-02-30", niveau="x"),
            make_row(plan_id="A-2", diagnose="K20", aldersgruppe="55")]
    code, out, _ = run_cli(capsys, "validate", str(write_csv(tmp_path / "r.csv", rows)))
    assert code == 1
    assert "4 problem" in out
    code, out, _ = run_cli(capsys, "validate", "--format", "csv",
                           str(write_csv(tmp_path / "r.csv", rows)))
    assert out.splitlines()[0] == "plan_id,column,problem"
    assert len(out.splitlines()) == 5
    assert out.splitlines()[1].startswith("A-1,")


def test_identifying_values_are_not_echoed(tmp_path, capsys) -> None:
    rows = [make_row(aldersgruppe="67", plan_sendt="0101-1961", diagnose="0101611234")]
    code, out, err = run_cli(capsys, "validate", str(write_csv(tmp_path / "r.csv", rows)))
    assert code == 1
    for value in ("0101-1961", "0101611234"):
        assert value not in out + err
    assert " 67" not in out


def _missing_column(tmp_path: Path) -> Path:
    columns = [c for c in COLUMN_NAMES if c != "udskrevet"]
    return write_csv(tmp_path / "r.csv", [make_row()], columns=columns)


def _cp1252(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "r.csv", [make_row(hensyn="Træthed og uro – undgå køer")],
                     encoding="cp1252")


def _protected(tmp_path: Path) -> Path:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    return path


def _corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook" * 10)
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "r.csv"
    path.write_bytes(b"")
    return path


def _wrong_type(tmp_path: Path) -> Path:
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF-1.4")
    return path


def _old_xls(tmp_path: Path) -> Path:
    path = tmp_path / "r.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    return path


def _header_only(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "r.csv", [])


def _empty_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "md"
    folder.mkdir()
    return folder


UNUSABLE = [
    (_missing_column, "udskrevet"),
    (_cp1252, "UTF-8"),
    (_protected, "adgangskode"),
    (_corrupt, "beskadiget"),
    (_empty, "tom"),
    (_wrong_type, ".pdf"),
    (_old_xls, ".xls"),
    (_header_only, "ingen planer"),
    (_empty_folder, "ingen Markdown"),
]


@pytest.mark.parametrize(("make", "words"), UNUSABLE)
def test_unusable_file_exits_2_with_a_danish_message(tmp_path, capsys, make, words) -> None:
    path = make(tmp_path)
    before = digest(path) if path.is_file() else None
    code, out, err = run_cli(capsys, "validate", str(path))
    assert code == 2
    assert words in err
    assert err.startswith("Fejl:")
    assert "Traceback" not in out + err
    if before:
        assert digest(path) == before


def test_unusable_raises_the_package_error(tmp_path) -> None:
    with pytest.raises(RegisterUnusableError) as info:
        load_register(_missing_column(tmp_path))
    assert any(p.column == "udskrevet" for p in info.value.problems)


def test_markdown_plan_without_front_matter(tmp_path, capsys) -> None:
    folder = tmp_path / "md"
    folder.mkdir()
    (folder / "T-01.md").write_text(_markdown(make_row()), encoding="utf-8")
    (folder / "T-02.md").write_text("## funktionsevne\nKlarer sig dårligt.\n", encoding="utf-8")
    (folder / "T-03.md").write_text("---\nplan_id: [T-03\n---\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", str(folder))
    assert code == 1
    assert "fil T-02.md" in out and "front matter" in out
    assert "fil T-03.md" in out and "kan ikke læses" in out


def test_markdown_front_matter_types(tmp_path) -> None:
    folder = tmp_path / "md"
    folder.mkdir()
    text = _markdown(make_row()).replace("laegefagligt_begrundet: ja",
                                         "laegefagligt_begrundet: yes")
    (folder / "T-01.md").write_text(text, encoding="utf-8")
    loaded = load_register(folder)
    assert loaded.problems == []
    assert loaded.frame.at[0, "laegefagligt_begrundet"] == "ja"


def test_demo_registers_validate(capsys) -> None:
    for name in ("midtklyngen-demo.xlsx", "region-demo.csv", "markdown-demo"):
        path = DEMO / name
        if not path.exists():
            pytest.skip(f"demo file {name} not generated")
        code, out, err = run_cli(capsys, "validate", str(path))
        assert code == 0, out + err
        assert "i orden" in out


def test_good_row_has_every_contract_column() -> None:
    assert set(GOOD_ROW) == set(COLUMN_NAMES)
