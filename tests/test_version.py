"""The version is shown by --version and stamped into every export."""

from __future__ import annotations

import subprocess
import sys

import openpyxl

from auditlib import __version__
from auditlib.catalogue import write_catalogue
from auditlib.register.template import write_template
from auditlib.review import export_review
from tests.catalogue_runs import write_run_folder


def test_version_option():
    done = subprocess.run([sys.executable, "-m", "auditlib", "--version"], capture_output=True,
                          text=True)
    assert done.returncode == 0 and done.stdout.strip() == f"auditlib {__version__}"


def test_version_in_every_export(tmp_path):
    run = write_run_folder(tmp_path / "run")
    written = write_catalogue([run], tmp_path / "katalog")
    assert __version__ in written["html"].read_text(encoding="utf-8")
    cover = openpyxl.load_workbook(written["xlsx"]).worksheets[0]
    assert any(__version__ in str(c.value) for row in cover.iter_rows() for c in row if c.value)
    review = openpyxl.load_workbook(export_review(run, tmp_path / "gennemgang.xlsx"))
    assert review.properties.version == __version__
    template = openpyxl.load_workbook(write_template(tmp_path / "skabelon.xlsx"))
    assert template.properties.version == __version__


def test_changelog_names_the_version():
    from pathlib import Path

    changelog = (Path(__file__).resolve().parent.parent / "CHANGELOG.md").read_text("utf-8")
    assert f"## {__version__}" in changelog
