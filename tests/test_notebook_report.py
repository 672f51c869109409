"""The audit report (notebooks/01_audit.ipynb as HTML) reads as a report: Danish headings
and sector names, no index column, no local paths, n beside every share, every text in
full, no empty decisions table, and nothing overflowing at 1400 and 1024 px."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import auditlib.notebooks as nb
from auditlib.vocabulary import LABEL_TITLES, LABELS
from tests.catalogue_runs import write_run_folder
from tests.layout_check import CHROMIUM, NO_CHROMIUM, layout_problems

SHARE_WITH_N = re.compile(r"\d+ % \(\d+ af \d+\)")
ASCII_HEADINGS = ("formelle_ikke_opfyldt", "kvalitet_ikke_opfyldt", "vaerktoejets_label",
                  "ikke_opfyldte", "plan_id", "criterion_id", "andel_opfyldt", "graazoner",
                  "sandsynlighed", "forum_afgoerelse")


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    from auditlib.audit import run_audit, write_run
    from auditlib.config import load_config
    from auditlib.demo import DEMO_REGISTER

    config = load_config()
    result = run_audit(nb.prepare(DEMO_REGISTER, config), config)
    folder = tmp_path_factory.mktemp("rapport") / "run"
    write_run(result, folder)
    return result, folder


def _cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>",
                                                                     html, re.S)]


def test_criteria_table_has_danish_headings_and_n_beside_each_share(demo_run):
    from auditlib.summary import criteria_summary

    result, _ = demo_run
    html = nb.styled_criteria(criteria_summary(result.criteria)).to_html()
    cells = _cells(html)
    assert cells[:4] == ["Kriterium", "Titel", "Type", "Opfyldt"]
    shares = [c for c in cells if "%" in c]
    assert len(shares) == result.criteria["criterion_id"].nunique()
    assert all(SHARE_WITH_N.fullmatch(c) for c in shares), shares
    assert "Formelt krav" in cells and "formel" not in cells
    assert "row_heading" not in html and "background-color" in html


def test_plan_and_sector_tables_are_danish_without_index(demo_run):
    result, _ = demo_run
    plans = nb.plans_view(result.criteria).to_html()
    assert _cells(plans)[:2] == ["Plan-ID", "Formelle krav ikke opfyldt"]
    sectors = nb.labels_view(result.statements).to_html()
    cells = _cells(sectors)
    assert {LABEL_TITLES[label] for label in result.statements["label"].unique()} <= set(cells)
    assert not set(LABELS) & set(cells), "sektor-id i stedet for navn"
    assert all(SHARE_WITH_N.fullmatch(c) for c in cells if "%" in c)
    for html in (plans, sectors):
        assert "row_heading" not in html
        assert not set(ASCII_HEADINGS) & set(_cells(html))


def test_greyzone_table_shows_every_text_in_full(tmp_path: Path):
    long_text = "Skal have hjælp til at søge job og til at komme i gang med et praktikforløb " * 3
    run_dir = write_run_folder(tmp_path / "run", n_plans=2,
                               extra_statements=[("maal", long_text.strip(), "beskaeftigelse",
                                                  0.5, True)])
    html = nb.greyzone_view(run_dir).to_html()
    cells = _cells(html)
    assert long_text.strip() in cells and "…" not in html
    assert {"Felt", "Værktøjets forslag", "Sikkerhed"} <= set(cells)
    assert "Beskæftigelse og uddannelse" in cells and "Mål" in cells
    assert "Forummets afgørelse" not in cells, "ingen tom kolonne for forummet"
    assert "50 %" in cells


def test_no_decisions_no_table(tmp_path: Path):
    run_dir = write_run_folder(tmp_path / "run", n_plans=2)
    assert nb.decided_view(run_dir) is None


def test_run_files_are_named_without_local_paths(demo_run):
    result, folder = demo_run
    text = nb.run_files_text(result, {"criteria": folder / "criteria.csv"})
    assert "criteria.csv" in text and str(folder) not in text


def test_charts_have_room_above_the_longest_bar_and_n_at_each_bar(demo_run):
    from auditlib.summary import criteria_summary

    result, _ = demo_run
    figure = nb.label_chart(result.statements)
    axis = figure.axes[0]
    longest = max(patch.get_x() + patch.get_width() for patch in axis.patches)
    assert axis.get_xlim()[1] >= longest * 1.2
    labels = [t.get_text() for t in axis.get_yticklabels()]
    assert "Genoptræning" in labels and "genoptraening" not in labels
    chart = nb.fulfilment_chart(criteria_summary(result.criteria)).axes[0]
    texts = [t.get_text() for t in chart.texts]
    assert texts and all(SHARE_WITH_N.fullmatch(t) for t in texts)
    assert all("." not in t.get_text() for t in chart.get_xticklabels())


@pytest.mark.slow
def test_audit_report_reads_as_a_report(tmp_path: Path):
    executed = nb.execute_notebook("01_audit", tmp_path / "01_audit.ipynb",
                                   {"out_dir": str(tmp_path / "koersel")})
    page = nb.export_html(executed, tmp_path / "rapport.html")
    html = page.read_text(encoding="utf-8")
    assert str(tmp_path) not in html, "lokal sti i rapporten"
    assert "…" not in html
    assert "row_heading" not in html and 'class="blank' not in html, "indekskolonne"
    cells = _cells(html)
    assert not set(ASCII_HEADINGS) & set(cells)
    assert not set(LABELS) & set(cells)
    assert not re.search(r"\b\d+%", " ".join(cells)), "procent uden mellemrum"
    assert "ikke gennemgået" in html and "Forummets begrundelse" not in html
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    for width in (1400, 1024):
        inner, problems = layout_problems(page, width, tmp_path)
        assert inner == width and problems == [], problems
