"""A statement the tool could not place is never shown as a settled sector (issue 17): the
meeting workbook, the agenda, the notebook's grey-zone table and the catalogue all show it as
"Uafklaret" with the tool's two best sectors, until the forum decides."""

from __future__ import annotations

import openpyxl
import pytest

import auditlib.notebooks as nb
from auditlib.audit import run_audit, write_run
from auditlib.demo import DEMO_REGISTER
from auditlib.rundir import read_run


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("uafklaret") / "run"
    write_run(run_audit(DEMO_REGISTER), folder)
    unsettled = read_run(folder).final_statements()
    assert unsettled["unsettled"].any(), "the demo should hold a vague statement"
    return folder


def _unsettled_texts(run_dir) -> list[str]:
    frame = read_run(run_dir).final_statements()
    return frame.loc[frame["unsettled"] & frame["greyzone"], "statement"].tolist()


def test_meeting_workbook_and_agenda_say_uafklaret(run_dir, tmp_path):
    from auditlib.review.agenda import write_agenda
    from auditlib.review.export import export_review

    workbook = tmp_path / "g.xlsx"
    export_review(run_dir, workbook)
    cells = [str(c.value) for row in openpyxl.load_workbook(workbook)["planer"].iter_rows()
             for c in row if c.value is not None]
    assert any(cell.startswith("Forslag: Uafklaret:") for cell in cells)
    agenda = tmp_path / "dagsorden.html"
    write_agenda(run_dir, agenda)
    assert "Uafklaret:" in agenda.read_text(encoding="utf-8")


def test_notebook_and_catalogue_say_uafklaret(run_dir, tmp_path):
    from auditlib.catalogue import write_catalogue

    texts = _unsettled_texts(run_dir)
    grey = nb.greyzone_table(run_dir)
    shown = grey[grey["udsagn"].isin(texts)]["vaerktoejets_label"]
    assert len(shown) and shown.str.startswith("Uafklaret:").all()
    written = write_catalogue([run_dir], tmp_path / "k")
    html = written["html"].read_text(encoding="utf-8")
    section = html.split('id="uafklarede"', 1)[1].split("Kendte gråzoner", 1)[0]
    assert all(text in section for text in texts)
