"""The meeting agenda (``auditlib review agenda``): one page per plan with its text, the
tool's findings and grey zones with suggestion and certainty, and room for both sides."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditlib import __version__
from auditlib.cli import main
from auditlib.review.agenda import plan_pages, render_agenda, write_agenda
from auditlib.rundir import read_run
from tests.catalogue_runs import write_run_folder
from tests.layout_check import CHROMIUM, NO_CHROMIUM, chromium, layout_problems

HOSTILE = "<script>alert('x')</script> Træning i at tage bussen."


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    return write_run_folder(tmp_path / "run", n_plans=3, decisions=True,
                            extra_statements=[("maal", HOSTILE, "social", 0.5, True)])


def _cli(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out = capsys.readouterr()
    return exited.value.code, out.out, out.err


def test_one_page_per_plan_with_text_findings_and_grey_zones(run_dir: Path):
    run = read_run(run_dir)
    pages = plan_pages(run)
    assert [p.plan_id for p in pages] == run.plan_ids
    first = pages[0]
    fields = dict(first.fields)
    assert "Træning i at strukturere dagen med ugeskema." in fields["Genoptræningsbehov"]
    assert "Bemærkninger" in fields  # an empty field is shown as empty, not left out
    assert {f.criterion.split()[0] for f in first.findings} >= {"K10", "Q02", "Q04"}
    assert all(f.result in ("Ikke opfyldt", "Kan ikke vurderes", "Tjekfejl") for f in first.findings)
    grey = {g.text: g for g in first.grey}
    cafe = grey["+Kommer i SINDs café en gang om ugen."]
    assert cafe.subject == "Mål 1" and cafe.suggestion == "Civilsamfund"
    assert cafe.certainty == "48 % sikker"


def test_page_is_danish_self_contained_and_escaped(run_dir: Path):
    html = render_agenda(read_run(run_dir))
    assert HOSTILE not in html and "&lt;script&gt;alert(" in html
    parser = Tags()
    parser.feed(html)
    assert parser.tags[0] == ("html", {"lang": "da"})
    assert not [t for t, _ in parser.tags if t in ("script", "link", "img", "iframe")]
    for _, attrs in parser.tags:
        for name in ("src", "href"):
            assert attrs.get(name) is None or attrs[name].startswith("#")
    sections = [a for t, a in parser.tags if t == "section"]
    assert len(sections) == 3
    for words in ("Hospitalets syn på planen", "Kommunens syn på planen",
                  "Kan der handles på planen?", "Hvad fungerer", "Hvad skal styrkes",
                  "God eksempelplan?", "delvist"):
        assert html.count(words) == 3, words
    assert "break-after: page" in html and "@page { size: A4" in html
    assert re.findall(r'<span class="plan-id">([^<]*)</span>', html)[:1] == ["MK-2025-01"]
    body = html.split("<body>")[1].replace(f"auditlib {__version__}", "")
    assert not re.search(r"\d\.\d", body), "engelsk decimaltegn"


def test_after_the_meeting_the_forums_verdicts_stand_in_the_fields(run_dir: Path):
    import pandas as pd

    from auditlib.rundir import VERDICT_COLUMNS, VERDICTS_FILE

    verdict = dict.fromkeys(VERDICT_COLUMNS, "") | {
        "plan_id": "MK-2025-02", "hospital_view": "Målene er konkrete.", "actionable": "delvist",
        "works": "Tydelige mål med tid.", "good_example": "ja"}
    pd.DataFrame([verdict]).to_csv(run_dir / VERDICTS_FILE, index=False)
    pages = {p.plan_id: p for p in plan_pages(read_run(run_dir))}
    answers = {v.key: v.answer for v in pages["MK-2025-02"].verdicts}
    assert answers["actionable"] == "delvist" and answers["works"] == "Tydelige mål med tid."
    assert not any(v.answer for v in pages["MK-2025-01"].verdicts)
    html = render_agenda(read_run(run_dir))
    assert '<span class="valgt">delvist</span>' in html and "Tydelige mål med tid." in html
    assert "Kan der handles på planen??" not in html


def test_cli_writes_the_agenda_and_rejects_bad_output(run_dir: Path, tmp_path: Path, capsys):
    out = tmp_path / "dagsorden.html"
    code, stdout, err = _cli(["review", "agenda", str(run_dir), "--out", str(out)], capsys)
    assert code == 0, err
    assert out.is_file() and "Dagsordenen er skrevet" in stdout
    code, _, err = _cli(["review", "agenda", str(run_dir), "--out", str(tmp_path / "d.pdf")],
                        capsys)
    assert code == 2 and ".html" in err and "Traceback" not in err
    code, _, err = _cli(["review", "agenda", str(tmp_path / "ingen"), "--out", str(out)], capsys)
    assert code == 2 and "Traceback" not in err


def test_input_files_are_never_overwritten(run_dir: Path):
    from auditlib.errors import AuditlibError

    before = (run_dir / "criteria.csv").read_bytes()
    with pytest.raises(AuditlibError):
        write_agenda(run_dir, run_dir / "criteria.csv")
    assert (run_dir / "criteria.csv").read_bytes() == before


@pytest.fixture(scope="module")
def demo_agenda(tmp_path_factory) -> tuple[Path, int]:
    from auditlib.audit import run_audit, write_run
    from auditlib.config import load_config
    from auditlib.demo import DEMO_REGISTER
    from auditlib.register import load_register

    base = tmp_path_factory.mktemp("agenda")
    result = run_audit(load_register(DEMO_REGISTER), load_config(None))
    write_run(result, base / "run", inputs=(DEMO_REGISTER,))
    return write_agenda(base / "run", base / "dagsorden.html"), int(result.meta["n_plans"])


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
@pytest.mark.parametrize("width", [1400, 1024])
def test_nothing_overflows_on_screen(demo_agenda, tmp_path: Path, width: int):
    inner, problems = layout_problems(demo_agenda[0], width, tmp_path)
    assert inner == width
    assert problems == [], "\n".join(str(p) for p in problems)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_prints_one_a4_page_per_plan(demo_agenda, tmp_path: Path):
    page, n_plans = demo_agenda
    pdf = tmp_path / "dagsorden.pdf"
    result = chromium(tmp_path / "profil", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                      page.as_uri())
    assert pdf.is_file(), result.stderr[-1500:]
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages == n_plans + 1, f"{pages} sider til {n_plans} planer og forsiden"
