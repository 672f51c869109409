"""One exit-code rule for every command (README, "Exitkoder"):

0  done, and nothing to report;
1  done, with findings to report: invalid rows (validate, review import), suspected
   identifiers (scan), a cluster that failed (batch);
2  the input or the command line cannot be used: nothing was done (a Danish message on
   stderr, never a traceback).

Every command of the CLI has its cases here; a new command fails the meta-test below until
its cases are added.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest

from auditlib.cli import cli, main
from auditlib.demo import DEMO_REGISTER
from tests.catalogue_runs import write_run_folder
from tests.conftest import make_row, write_csv

PLANTED = "0102034567"


def _commands(group: click.Group = cli, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            if getattr(command, "default", None) is not None:  # e.g. catalogue RUN...
                names.append(f"{prefix}{name}")
            names += _commands(command, f"{prefix}{name} ")
        else:
            names.append(f"{prefix}{name}")
    return names


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("exitkoder")
    good = write_csv(base / "god.csv", [make_row(plan_id=f"T-{i:02d}") for i in range(1, 4)])
    invalid = write_csv(base / "ugyldig.csv", [make_row(plan_id="T-01"),
                                                make_row(plan_id="T-02", niveau="ukendt")])
    identifier = write_csv(base / "cpr.csv", [make_row(plan_id="T-01",
                                                       hensyn=f"Cpr {PLANTED}.")])
    run_a = write_run_folder(base / "run_a")
    run_b = write_run_folder(base / "run_b", started="2026-04-10T10:00:00")
    reviewed = write_run_folder(base / "reviewed", decisions=True)
    workbook = base / "gennemgang.xlsx"
    assert _code(["review", "export", str(run_a), "--out", str(workbook)]) == 0
    (base / "ikke_en_mappe.txt").write_text("x", encoding="utf-8")
    from tests.missed_rows import row as missed_row
    from tests.missed_rows import write_register as write_missed

    missed_invalid = write_missed(base / "ikke-lavet-ugyldig.csv", [missed_row(kvartal="2025-K9")])
    missed_identifier = write_missed(base / "ikke-lavet-cpr.csv",
                                     [missed_row(aarsag_tekst=f"Cpr {PLANTED}.")])
    from auditlib.catalogue.content import load_content
    from auditlib.catalogue.hearing import write_hearing_workbook

    hearing = write_hearing_workbook(load_content(), base / "hoering.xlsx")
    units = write_run_folder(base / "units", units=[("Afdeling A", "Horsens")] * 6)
    return {"good": str(good), "invalid": str(invalid), "identifier": str(identifier),
            "run_a": str(run_a), "run_b": str(run_b), "reviewed": str(reviewed), "workbook": str(workbook),
            "missing": str(base / "findes-ikke.csv"), "file": str(base / "ikke_en_mappe.txt"),
            "demo": str(DEMO_REGISTER), "base": str(base),
            "missed_demo": str(DEMO_REGISTER.with_name("missed-demo.csv")),
            "missed_invalid": str(missed_invalid), "missed_identifier": str(missed_identifier),
            "hearing": str(hearing), "units": str(units)}


def _code(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    return exit_.value.code


# command → [(arguments with {placeholders}, expected exit code)]
CASES: dict[str, list[tuple[list[str], int]]] = {
    "validate": [(["{good}"], 0), (["{invalid}"], 1), (["{missing}"], 2)],
    "template": [(["--out", "{out}/skabelon.xlsx"], 0), (["--out", "{base}"], 2)],
    "scan": [(["{good}"], 0), (["{identifier}"], 1), (["{missing}"], 2)],
    "classify": [(["--text", "Træning i at handle ind to gange om ugen."], 0),
                 (["--text", f"Ring på cpr {PLANTED}"], 2), ([], 2)],
    "train": [(["--out", "{out}/model.txt"], 2)],
    "audit": [(["{good}", "--out", "{out}/k"], 0), (["{invalid}", "--out", "{out}/k"], 2),
              (["{identifier}", "--out", "{out}/k"], 2), (["{good}"], 2)],
    "counts": [(["{good}"], 0), (["{invalid}"], 2), (["{identifier}"], 2)],
    "catalogue": [(["{run_a}", "--out", "{out}/kat"], 0), (["{missing}", "--out", "{out}/k"], 2)],
    "review export": [(["{run_a}", "--out", "{out}/g.xlsx"], 0),
                      (["{missing}", "--out", "{out}/g.xlsx"], 2)],
    "review import": [(["{workbook}", "--run", "{run_a}"], 1),
                      (["{missing}", "--run", "{run_a}"], 2)],
    "review agreement": [(["{reviewed}"], 0), (["{run_a}"], 2), (["{file}"], 2)],
    "compare": [(["{run_a}", "{run_b}"], 0), (["{run_a}", "{missing}"], 2)],
    "batch": [(["{missing}", "--out", "{out}/b"], 2), (["{good}", "--out", "{out}/b",
                                                        "--jobs", "0"], 2)],
    "run": [(["--out", "{file}"], 2)],
    "demo": [(["--out", "{out}/demo"], 0), (["--out", "{file}"], 2)],
    "review agenda": [(["{run_a}", "--out", "{out}/d.html"], 0),
                      (["{missing}", "--out", "{out}/d.html"], 2),
                      (["{run_a}", "--out", "{out}/d.pdf"], 2)],
    "missed template": [(["--out", "{out}/u.xlsx"], 0), (["--out", "{base}"], 2)],
    "missed validate": [(["{missed_demo}"], 0), (["{missed_invalid}"], 1),
                        (["{missed_identifier}"], 1), (["{good}"], 2), (["{missing}"], 2)],
    "missed audit": [(["{missed_demo}", "--out", "{out}/m"], 0),
                     (["{missed_invalid}", "--out", "{out}/m"], 2),
                     (["{missed_identifier}", "--out", "{out}/m"], 2),
                     (["{missed_demo}"], 2)],
    "catalogue merge-comments": [(["{hearing}", "--out", "{out}/v2"], 0),
                                 (["{workbook}", "--out", "{out}/v2"], 2),
                                 (["{missing}", "--out", "{out}/v2"], 2)],
    "feedback": [(["{units}", "--by", "afdeling", "--out", "{out}/t"], 0),
                 (["{run_a}", "--by", "kommune", "--out", "{out}/t"], 2),
                 (["{units}", "--by", "region", "--out", "{out}/t"], 2)],
}


def test_every_command_has_exit_code_cases():
    assert sorted(_commands()) == sorted(CASES)


@pytest.mark.parametrize(("command", "case"), [(c, i) for c, cases in CASES.items()
                                               for i in range(len(cases))])
def test_exit_code(command, case, inputs, tmp_path, capsys):
    args, expected = CASES[command][case]
    values = {**inputs, "out": str(tmp_path)}
    argv = [*command.split(), *(a.format(**values) for a in args)]
    assert _code(argv) == expected, argv
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert PLANTED not in err
    if expected == 2:
        assert err.strip(), "exit 2 must say why on stderr"


def test_help_exits_zero_for_every_command(capsys):
    for command in _commands():
        assert _code([*command.split(), "--help"]) == 0, command
    capsys.readouterr()


def test_the_readme_states_the_rule():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "## Exitkoder" in readme
    section = readme.split("## Exitkoder", 1)[1].split("\n## ", 1)[0]
    for code in ("`0`", "`1`", "`2`"):
        assert code in section


def test_input_files_are_unchanged_by_every_case(inputs):
    # Each case above ran on these files; they must be exactly as written.
    for key in ("good", "invalid", "identifier"):
        assert Path(inputs[key]).stat().st_size > 0
    copy = Path(inputs["base"]) / "kopi.csv"
    shutil.copyfile(inputs["good"], copy)
    assert copy.read_bytes() == Path(inputs["good"]).read_bytes()
