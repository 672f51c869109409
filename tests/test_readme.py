"""The README is the manual: every command is in it, and its walkthrough runs as written."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import openpyxl
import pandas as pd
import pytest

from auditlib.cli import cli
from auditlib.review.export import COLUMN_TITLES, CRITERIA_SHEET, STATEMENTS_SHEET

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    for name, command in cli.commands.items():
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for sub_name, sub in subcommands.items():
                yield f"{name} {sub_name}", sub, command
        else:
            yield name, command, None


@pytest.mark.parametrize(("name", "command", "group"), list(_commands()),
                         ids=[n for n, _, _ in _commands()])
def test_every_command_is_in_the_readme_with_an_example(name, command, group):
    assert f"auditlib {name}" in README, f"'auditlib {name}' mangler i README.md"
    examples = (command.epilog or "") + ((group.epilog or "") if group else "")
    assert f"auditlib {name}" in examples, f"'auditlib {name}' har intet eksempel i --help"
    help_text = command.get_help(click.Context(command, info_name=name))
    assert help_text.startswith("Brug:") and "Eksempel:" in help_text


def test_readme_starts_with_the_two_commands():
    blocks = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    assert blocks[0].strip() == "pip install -e . && auditlib run"
    assert blocks[1].strip() == 'pip install -e ".[test]" && python -m pytest'


def _walkthrough() -> list[str]:
    block = README.split("<!-- walkthrough:start -->")[1].split("<!-- walkthrough:end -->")[0]
    return [line.strip() for line in re.search(r"```bash\n(.*?)```", block, re.S).group(1)
            .splitlines() if line.strip()]


def _fill_review(workbook: Path) -> None:
    """What the meeting does: both reviewers fill a few yellow cells, saved in place."""
    book = openpyxl.load_workbook(workbook)
    for sheet_name, values in ((CRITERIA_SHEET, ("enig", "enig", "")),
                               (STATEMENTS_SHEET, None)):
        sheet = book[sheet_name]
        keys = {title: key for key, title in COLUMN_TITLES.items()}  # Danish headings
        header = {keys.get(cell.value, cell.value): cell.column for cell in sheet[1]}
        for row in range(2, 5):
            if values is None:
                tool = sheet.cell(row=row, column=header["label"] if "label" in header else 6)
                label = tool.value
                values = (label, label, "")
            sheet.cell(row=row, column=header["hospital_vurdering"]).value = values[0]
            sheet.cell(row=row, column=header["kommune_vurdering"]).value = values[1]
    book.save(workbook)


def _outputs(args: list[str]) -> list[str]:
    return [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--out"]


def test_walkthrough_runs_from_an_empty_folder_outside_the_checkout(tmp_path: Path):
    """The walkthrough as a forum member pastes it: in a new, empty folder (not the
    checkout, no data/ beside it), the installed command, one line after the other."""
    work = tmp_path / "forum"
    work.mkdir()
    assert not work.resolve().is_relative_to(ROOT.resolve())
    commands = _walkthrough()
    names = [c.split()[1] for c in commands]
    assert names[0] == "demo", "gennemgangen starter med demodata i en tom mappe"
    assert names[1:5] == ["template", "validate", "scan", "audit"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for line in commands:
        args = shlex.split(line)
        assert args[0] == "auditlib"
        if args[1:3] == ["review", "import"]:
            _fill_review(work / args[3])
        done = subprocess.run([sys.executable, "-m", "auditlib", *args[1:]], cwd=work,
                              capture_output=True, text=True, env=env)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr
        for out in _outputs(args):
            assert (work / out).exists(), f"{line}: {out} blev ikke skrevet"
    imports = [shlex.split(c) for c in commands if c.split()[1:3] == ["review", "import"]]
    runs = [args[args.index("--run") + 1] for args in imports]
    assert runs, "gennemgangen læser forummets afgørelser ind"
    decisions = pd.read_csv(work / runs[0] / "decisions.csv", dtype=str)
    assert len(decisions) >= 3
    catalogue = next(_outputs(shlex.split(c))[0] for c in commands if c.split()[1] == "catalogue")
    assert (work / catalogue / "snitfladekatalog.html").is_file()
    assert (work / catalogue / "snitfladekatalog.xlsx").is_file()
    assert "review agenda" in " ".join(commands)
