"""LibreOffice opens the catalogue workbook and converts it to PDF without error: a check
that the workbook is well-formed for other spreadsheet programs than Excel."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from auditlib.catalogue import build_catalogue, load_content, load_runs
from auditlib.catalogue.xlsx import write_catalogue_xlsx
from tests.catalogue_runs import write_run_folder

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice er ikke installeret "
                       "(Debian-pakken 'libreoffice-calc'; scripts/install-system-deps.sh)"),
]


def test_libreoffice_converts_the_workbook_to_pdf(tmp_path: Path):
    runs = [write_run_folder(tmp_path / "a", decisions=True, started="2025-06-01T08:00:00"),
            write_run_folder(tmp_path / "b", failing={"K10": 1}, started="2026-01-01T08:00:00")]
    catalogue = build_catalogue(load_runs(runs), load_content())
    workbook = write_catalogue_xlsx(catalogue, tmp_path / "ud" / "snitfladekatalog.xlsx")
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profil").as_uri()

    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), str(workbook)],
        capture_output=True, text=True, timeout=180, check=False)

    assert result.returncode == 0, result.stderr[-2000:]
    pdf = out / "snitfladekatalog.pdf"
    assert pdf.is_file(), result.stdout + result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert data.count(b"/Type /Page") + data.count(b"/Type/Page") > 5
