"""Every workbook prints readably: LibreOffice converts it to PDF, and the PDF has no text
below 8 pt and every word of every printed cell (so no wrapped text was cut by a row that
is too low, and no print area left a column out).

Needs LibreOffice (``scripts/install-system-deps.sh``) and pdfminer.six (the ``test``
extra); skips with the reason otherwise.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter, range_boundaries

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pdfminer = pytest.importorskip("pdfminer.high_level",
                               reason="pdfminer.six er ikke installeret (pip install -e '.[test]')")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice er ikke installeret "
                       "(Debian-pakken 'libreoffice-calc'; scripts/install-system-deps.sh)"),
]

MIN_PT = 8.0
WORD = re.compile(r"\w+", re.UNICODE)


def to_pdf(workbook: Path, tmp_path: Path) -> Path:
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profil").as_uri()
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), str(workbook)],
        capture_output=True, text=True, timeout=240, check=False)
    pdf = out / (workbook.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr[-2000:]
    return pdf


def pdf_pages(pdf: Path) -> list[tuple[Counter, list[float]]]:
    """Per page: the words and the size of every character."""
    from pdfminer.layout import LAParams, LTChar, LTTextContainer

    pages = []
    for layout in pdfminer.extract_pages(pdf, laparams=LAParams()):
        words: Counter = Counter()
        sizes: list[float] = []
        for element in layout:
            if not isinstance(element, LTTextContainer):
                continue
            words.update(w.lower() for w in WORD.findall(element.get_text()))
            for line in element:
                for char in getattr(line, "_objs", []):
                    if isinstance(char, LTChar) and char.get_text().strip():
                        sizes.append(char.size)
        pages.append((words, sizes))
    return pages


def printed_words(path: Path) -> Counter:
    """The words of every text cell that prints: visible sheets and columns, inside the
    print area when one is set; formulas (computed on screen) are left out."""
    book = openpyxl.load_workbook(path)
    words: Counter = Counter()
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        last_row, last_col = ws.max_row, ws.max_column
        if ws.print_area:
            area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
            _, _, last_col, last_row = range_boundaries(area.split("!")[-1].replace("$", ""))
        hidden = {i for i in range(1, last_col + 1)
                  if ws.column_dimensions[get_column_letter(i)].hidden}
        for row in ws.iter_rows(min_row=1, max_row=last_row, max_col=last_col):
            for cell in row:
                if (cell.column in hidden or not isinstance(cell.value, str)
                        or cell.value.startswith("=")):
                    continue
                words.update(w.lower() for w in WORD.findall(cell.value))
    return words


def check_printout(workbook: Path, tmp_path: Path, *, max_pages: int | None = None) -> dict:
    pdf = to_pdf(workbook, tmp_path)
    pages = pdf_pages(pdf)
    sizes = [s for _, page in pages for s in page]
    found: Counter = sum((w for w, _ in pages), Counter())
    missing = printed_words(workbook) - found
    report = {"pages": len(pages), "min_pt": min(sizes, default=0.0),
              "missing": sorted(missing.elements())[:40], "n_missing": sum(missing.values())}
    assert sizes, "PDF'en har ingen tekst"
    assert report["min_pt"] >= MIN_PT - 0.25, report
    assert report["n_missing"] == 0, report
    if max_pages is not None:
        assert report["pages"] <= max_pages, report
    return report


# -- the three workbooks ------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_run(tmp_path_factory) -> Path:
    from auditlib.audit import run_audit, write_run
    from auditlib.demo import DEMO_REGISTER
    from auditlib.register import load_register

    run = tmp_path_factory.mktemp("print") / "koersel"
    write_run(run_audit(load_register(DEMO_REGISTER)), run)
    return run


def test_catalogue_workbook_prints_readably(demo_run: Path, tmp_path: Path):
    from auditlib.catalogue import build_catalogue, load_content, load_runs
    from auditlib.catalogue.xlsx import write_catalogue_xlsx

    catalogue = build_catalogue(load_runs([demo_run]), load_content())
    workbook = write_catalogue_xlsx(catalogue, tmp_path / "snitfladekatalog.xlsx")
    check_printout(workbook, tmp_path)


def test_review_workbook_prints_readably(demo_run: Path, tmp_path: Path):
    from auditlib.review import export_review

    workbook = export_review(demo_run, tmp_path / "gennemgang.xlsx")
    check_printout(workbook, tmp_path)


def test_empty_template_prints_on_a_few_pages(tmp_path: Path):
    from auditlib.register.template import write_template

    workbook = write_template(tmp_path / "skabelon.xlsx")
    check_printout(workbook, tmp_path, max_pages=10)  # 16 before issue 18
