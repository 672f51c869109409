"""Feedback pages per hospital unit and municipality: the unit against the cluster with n
beside every share, small counts suppressed, good examples, what to strengthen."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from auditlib.audit import PLAN_FILE_COLUMNS, PLANS_FILE, AuditResult, write_run
from auditlib.cli import main
from auditlib.config import load_config
from auditlib.feedback import build_feedback, write_feedback
from auditlib.rundir import VERDICT_COLUMNS, VERDICTS_FILE, read_run
from tests.catalogue_runs import write_run_folder

# 30 plans: MK-2025-01..12 Afdeling A, 13..24 Afdeling B, 25..27 Afdeling C, 28..30 blank.
# write_run_folder fails a criterion for the first N plans: K10 fails 01-08 (8 in A),
# Q02 fails 01-14 (12 in A, 2 in B), K02 fails 01-20 (A all 12, B 8).
FAILING = {"K10": 8, "Q02": 14, "K02": 20}


def _unit(number: int) -> str:
    if number <= 12:
        return "Afdeling A"
    if number <= 24:
        return "Afdeling B"
    return "Afdeling C" if number <= 27 else ""


def _run(tmp_path: Path) -> Path:
    run = write_run_folder(tmp_path / "koersel", n_plans=30, failing=FAILING)
    with (run / PLANS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PLAN_FILE_COLUMNS)
        for number in range(1, 31):
            writer.writerow([f"MK-2025-{number:02d}", "Midtklyngen", _unit(number),
                             "Horsens" if number % 2 else "Skanderborg", "indlaeggelse",
                             "almen", "2025-K3"])
    return run


@pytest.fixture
def pages(tmp_path: Path):
    return {p.unit: p for p in build_feedback(read_run(_run(tmp_path)), "afdeling")}


def _line(page, criterion: str):
    return next(line for line in page.criteria if line.id == criterion)


def test_one_page_per_unit_and_the_unit_against_the_cluster(pages):
    assert sorted(pages) == ["Afdeling A", "Afdeling B", "Afdeling C"], \
        "plans without a unit get no page"
    a, b = pages["Afdeling A"], pages["Afdeling B"]
    assert (a.n_plans, a.n_cluster) == ("12", 30)
    # K10: A has 4 met of 12; B has 12 of 12 -> A's 4 and B's 0 failures are small cells.
    assert _line(a, "K10").unit_share is None and _line(b, "K10").unit_share is None
    # K02: A 0 of 12 met (0 is suppressed by default), B 4 of 12 met: both hidden.
    assert _line(b, "K02").unit_share is None
    # K03 is met by every plan: 12 of 12, 0 failed (suppressed with suppress_zero).
    line = _line(a, "K03")
    assert (line.cluster_n, line.cluster_share) == ("30", 1.0)


def test_shares_are_shown_with_n_when_no_count_is_small(tmp_path: Path):
    run = write_run_folder(tmp_path / "koersel", n_plans=30, failing={"Q02": 18})
    with (run / PLANS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PLAN_FILE_COLUMNS)
        for number in range(1, 31):
            unit = "Afdeling A" if number % 2 else "Afdeling B"
            writer.writerow([f"MK-2025-{number:02d}", "Midtklyngen", unit, "", "", "", ""])
    pages = {p.unit: p for p in build_feedback(read_run(run), "afdeling")}
    # Q02 fails plans 01-18: A (odd) fails 9 of 15, B (even) fails 9 of 15.
    line = _line(pages["Afdeling A"], "Q02")
    assert (line.unit_n, round(line.unit_share, 3)) == ("15", round(6 / 15, 3))
    assert (line.cluster_n, round(line.cluster_share, 3)) == ("30", 0.4)
    html = (write_feedback(run, "afdeling", tmp_path / "ud")[0]).read_text(encoding="utf-8")
    assert re.search(r">40 %</td>\s*<td class=\"tal smaa\">15</td>", html)
    strengthen = pages["Afdeling A"].strengthen
    assert strengthen[0].criterion.id == "Q02" and pages["Afdeling A"].strengthen_from == "enhed"
    assert strengthen[0].needs, "the lowest criterion is linked to a competence need"
    assert all(need.id.startswith(("KH", "KB")) for item in strengthen for need in item.needs)


def test_no_count_of_one_to_four_about_a_unit_is_published(pages):
    config = load_config()
    for page in pages.values():
        shown = [page.n_plans] + [line.unit_n for line in page.criteria] + \
                [zone.count for zone in page.greyzones]
        for value in shown:
            if value.isdigit():
                assert int(value) >= config.suppression.min_count or int(value) == 0 and \
                    not config.suppression.suppress_zero, value


def test_a_small_unit_gets_no_shares_and_no_examples(pages):
    c = pages["Afdeling C"]
    assert c.small and c.n_plans.startswith("<")
    assert c.examples == []
    assert all(line.unit_share is None for line in c.criteria)


def test_good_examples_most_criteria_met_or_the_forums_choice(tmp_path: Path):
    run = _run(tmp_path)
    pages = {p.unit: p for p in build_feedback(read_run(run), "afdeling")}
    b = pages["Afdeling B"]
    # B: 13-20 fail K02, 21-24 fail nothing -> 21 and 22 have most met (ties by plan_id).
    assert [e[0] for e in b.examples] == ["MK-2025-21", "MK-2025-22"]
    verdict = {"plan_id": "MK-2025-15", "actionable": "ja", "good_example": "ja"}
    pd.DataFrame([{c: verdict.get(c, "") for c in VERDICT_COLUMNS}]).to_csv(
        run / VERDICTS_FILE, index=False)
    pages = {p.unit: p for p in build_feedback(read_run(run), "afdeling")}
    assert [e[0] for e in pages["Afdeling B"].examples] == ["MK-2025-15", "MK-2025-21"]
    assert pages["Afdeling B"].examples[0][3] is True


def test_by_municipality_links_to_the_municipalitys_competence_needs(tmp_path: Path):
    pages = build_feedback(read_run(_run(tmp_path)), "kommune")
    assert sorted(p.unit for p in pages) == ["Horsens", "Skanderborg"]
    for page in pages:
        for item in page.strengthen:
            assert all(need.id.startswith(("KK", "KB")) for need in item.needs)


def test_pages_are_single_offline_files_without_plan_text(tmp_path: Path):
    from tests.catalogue_runs import STATEMENTS

    paths = write_feedback(_run(tmp_path), "afdeling", tmp_path / "ud")
    assert sorted(p.name for p in paths) == ["afdeling-a.html", "afdeling-b.html",
                                             "afdeling-c.html"]
    for path in paths:
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?(https?:|//|[^"'#])""", html), \
            "nothing is loaded from outside the file"
        assert "@page" in html and "A4" in html
        for _, text, *_ in STATEMENTS:
            assert text.lstrip("-=+@ ") not in html


def test_feedback_on_the_command_line(tmp_path: Path, capsys):
    run = _run(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["feedback", str(run), "--by", "kommune", "--out", str(tmp_path / "ud")])
    out, err = capsys.readouterr()
    assert exit_.value.code == 0, err
    assert "horsens.html" in out and (tmp_path / "ud" / "skanderborg.html").is_file()


def test_a_run_without_plans_csv_exits_2_in_danish(tmp_path: Path, capsys):
    run = write_run_folder(tmp_path / "gammel")
    with pytest.raises(SystemExit) as exit_:
        main(["feedback", str(run), "--by", "afdeling", "--out", str(tmp_path / "ud")])
    _, err = capsys.readouterr()
    assert exit_.value.code == 2
    assert "plans.csv" in err and "auditlib audit" in err and "Traceback" not in err
    assert not (tmp_path / "ud").exists()


def test_unknown_grouping_is_a_usage_error(tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["feedback", str(_run(tmp_path)), "--by", "region", "--out", str(tmp_path)])
    assert exit_.value.code == 2


def test_write_run_writes_the_columns_the_pages_group_by(tmp_path: Path):
    frame = pd.DataFrame({"plan_id": ["MK-1", "MK-2"], "klynge": ["Midtklyngen"] * 2,
                          "afdeling": ["Afd. A", None], "kommune": ["Horsens", "Odder"],
                          "udskrevet": pd.to_datetime(["2025-02-03", "2025-11-30"]),
                          "funktionsevne": ["Fritekst", "Fritekst"]})
    criteria = pd.DataFrame({"plan_id": ["MK-1"], "criterion_id": ["K01"],
                             "result": ["opfyldt"], "note": [""]})
    statements = pd.DataFrame(columns=["plan_id", "field", "statement_no", "statement",
                                       "label", "probability", "greyzone", "explanation"])
    paths = write_run(AuditResult(criteria, statements, {"n_plans": 2}, frame), tmp_path)
    written = pd.read_csv(paths["plans"], dtype=str, keep_default_na=False)
    assert set(PLAN_FILE_COLUMNS) <= set(written.columns)
    assert written["kvartal"].tolist() == ["2025-K1", "2025-K4"]
    assert written["afdeling"].tolist() == ["Afd. A", ""]


@pytest.mark.slow
def test_a_page_prints_on_one_a4_sheet(tmp_path: Path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or \
        shutil.which("google-chrome")
    if browser is None:
        pytest.skip("Chromium is not installed")
    run = write_run_folder(tmp_path / "koersel", n_plans=30, failing={"Q02": 18, "K10": 12,
                                                                     "Q04": 16, "K04": 10})
    with (run / PLANS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PLAN_FILE_COLUMNS)
        for number in range(1, 31):
            unit = "Psykiatrisk afdeling, sengeafsnit for affektive lidelser" if number % 2 \
                else "Distriktspsykiatrien"
            writer.writerow([f"MK-2025-{number:02d}", "Midtklyngen", unit, "", "", "", ""])
    page = write_feedback(run, "afdeling", tmp_path / "ud")[0]
    pdf = tmp_path / "side.pdf"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", str(page)],
                   capture_output=True, timeout=120, check=False)
    if not pdf.is_file():
        pytest.skip("Chromium could not print in this environment")
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
    assert len(pages) == 1


def test_a_hidden_count_cannot_be_worked_out_from_another_units_page(tmp_path: Path):
    run = write_run_folder(tmp_path / "koersel", n_plans=30, failing={"Q02": 12})
    unit_a = {1, 2, 3, *range(16, 28)}
    with (run / PLANS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PLAN_FILE_COLUMNS)
        for number in range(1, 31):
            writer.writerow([f"MK-2025-{number:02d}", "Midtklyngen",
                             "A" if number in unit_a else "B", "", "", "", ""])
    pages = {p.unit: p for p in build_feedback(read_run(run), "afdeling")}
    # Q02: A fails 3 of 15 (hidden); B fails 9 of 15, but the cluster's 12 failures are
    # in the catalogue, so B's 9 would give A's 3 away: B's share is hidden too.
    assert _line(pages["A"], "Q02").unit_share is None
    assert _line(pages["B"], "Q02").unit_share is None
    # K03 (met by all, nothing failed) stays as it is for both.
    assert _line(pages["B"], "K03").cluster_share == 1.0
