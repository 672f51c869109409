"""The quality criteria Q01-Q06 (criteria.md) on small plans: every rule, every outcome,
and notes that name what decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlib.criteria import CRITERIA
from auditlib.criteria.quality import GRADE_COLUMNS as GRADES
from tests.criteria_plans import plan, result, st
from tests.test_criteria_formal import CASES as FORMAL_CASES

CASES = [
    ("Q01", {}, "opfyldt"),
    ("Q01", {"funktionsevne": "Vanligvis selvhjulpen, nu træt hele dagen."}, "opfyldt"),
    ("Q01", {"funktionsevne": "Borgeren er træt og uoverskuelig.",
             "helhedsvurdering": "Tidligere i fuldtidsjob, nu sygemeldt."}, "opfyldt"),
    ("Q01", {"funktionsevne": "Habituelt selvhjulpen; kan nu kun handle med følge."}, "opfyldt"),
    ("Q01", {"funktionsevne": "Klarede før selv indkøb og rengøring, nu ikke."}, "opfyldt"),
    ("Q01", {"funktionsevne": "Borgeren er træt og mister overblikket.",
             "helhedsvurdering": None}, "ikke_opfyldt"),
    # "før" about time, not about the earlier level
    ("Q01", {"funktionsevne": "Skal øve sig før møder og bliver hurtigt træt.",
             "helhedsvurdering": None}, "ikke_opfyldt"),
    ("Q01", {"funktionsevne": "Er urolig før aftaler og spiser før kl. 10.",
             "helhedsvurdering": "Motiveret for træning."}, "ikke_opfyldt"),
    ("Q01", {"funktionsevne": "Skal hvile før det næste møde og før han går i seng.",
             "helhedsvurdering": None}, "ikke_opfyldt"),
    ("Q01", {"funktionsevne": "Før hun blev syg, passede hun selv sit hjem."}, "opfyldt"),
    ("Q01", {"funktionsevne": "se journal"}, "kan_ikke_vurderes"),
    ("Q02", {}, "opfyldt"),
    ("Q02", {"maal": "Går en tur på 20 minutter."}, "opfyldt"),
    ("Q02", {"maal": "Tager bussen alene til byen inden for 6 uger."}, "opfyldt"),
    ("Q02", {"maal": "Laver selv aftensmad fire dage om ugen."}, "opfyldt"),
    ("Q02", {"maal": "- At få det bedre.\n- Øget livskvalitet."}, "ikke_opfyldt"),
    # vague aims also when they carry a time (criteria.md)
    ("Q02", {"maal": "Få det bedre inden for 8 uger."}, "ikke_opfyldt"),
    ("Q02", {"maal": "Sove bedre."}, "ikke_opfyldt"),
    ("Q02", {"maal": "Træne mere."}, "ikke_opfyldt"),
    ("Q02", {"maal": "Mere overskud i løbet af 3 måneder."}, "ikke_opfyldt"),
    ("Q02", {"maal": "Bedre struktur i hverdagen i løbet af foråret."}, "ikke_opfyldt"),
    ("Q02", {"maal": "Handle ind i løbet af 4 uger."}, "opfyldt"),
    ("Q02", {"maal": None}, "ikke_opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Træning af koncentration og hukommelse."}, "opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Balancetræning efter fald."}, "opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Hukommelsen er svært nedsat efter ECT."}, "opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Har svært ved at holde faste rutiner."}, "opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Har brug for hjælp fra kommunen."}, "ikke_opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Angst."}, "ikke_opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Hjælp til økonomi."}, "ikke_opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Depression og angst, hjælp til økonomi og bolig."},
     "ikke_opfyldt"),
    ("Q03", {"genoptraeningsbehov": None}, "ikke_opfyldt"),
    ("Q05", {}, "opfyldt"),
    ("Q05", {"hensyn": "ingen"}, "ikke_opfyldt"),
    ("Q06", {}, "opfyldt"),
    ("Q06", {"niveau": None}, "kan_ikke_vurderes"),
    ("Q06", {"niveau": None, **{c: 5 for c in GRADES}}, "kan_ikke_vurderes"),
    # without grades: psychosis and several life areas do not point away from almen
    ("Q06", {"diagnose": "F20.0"}, "opfyldt"),
    ("Q06", {"diagnose": "F20.0", "niveau": "specialiseret"}, "opfyldt"),
    ("Q06", {"genoptraeningsbehov": "Kondition, struktur på dagen, koncentration og "
                                    "sociale færdigheder."}, "opfyldt"),
    # without grades: only a current raised suicide risk does
    ("Q06", {"hensyn": "Fortsat forhøjet selvmordsrisiko; kriseplan er lagt."}, "ikke_opfyldt"),
    ("Q06", {"helhedsvurdering": "Er aktuelt selvmordstruet."}, "ikke_opfyldt"),
    ("Q06", {"hensyn": "Har selvmordstanker, som stadig er til stede."}, "ikke_opfyldt"),
    ("Q06", {"hensyn": "Selvmordsrisikoen vurderes fortsat forhøjet."}, "ikke_opfyldt"),
    ("Q06", {"hensyn": "Selvmordstanker under indlæggelsen."}, "opfyldt"),
    ("Q06", {"hensyn": "Ingen selvmordstanker."}, "opfyldt"),
    ("Q06", {"hensyn": "Tidligere selvmordsforsøg, aktuelt afstandtagende."}, "opfyldt"),
    ("Q06", {"hensyn": "Har haft flere selvmordsforsøg."}, "opfyldt"),
    ("Q06", {"hensyn": "Selvmordsrisiko er afklaret inden udskrivelsen."}, "opfyldt"),
    ("Q06", {"hensyn": "Ikke aktuelt selvmordstruet."}, "opfyldt"),
    ("Q06", {"hensyn": "Selvmordsrisikoen vurderes ikke forhøjet."}, "opfyldt"),
    ("Q06", {"helhedsvurdering": "Indlagt på grund af massive selvmordstanker."}, "opfyldt"),
    ("Q06", {"hensyn": "Indlagt efter selvmordsforsøg."}, "opfyldt"),
    ("Q06", {"hensyn": "Selvmordstanker er aftaget."}, "opfyldt"),
    ("Q06", {"hensyn": "Pårørende er bekymrede for selvmord."}, "opfyldt"),
    ("Q06", {"hensyn": "Nyligt selvmordsforsøg, stadig selvmordstruet."}, "ikke_opfyldt"),
    ("Q06", {"hensyn": "Høj selvmordsrisiko."}, "ikke_opfyldt"),
    ("Q06", {"helhedsvurdering": "Indlagt pga. selvmordstanker; fortsat forhøjet risiko for "
                                 "selvmord ved udskrivelsen."}, "ikke_opfyldt"),
    # with grades: almen with a cell without A
    ("Q06", {**{c: 2 for c in GRADES}, "p1_selvmordsrisiko": 3}, "ikke_opfyldt"),
    ("Q06", {**{c: 1 for c in GRADES}, "p2_indsigt": 4}, "ikke_opfyldt"),
    ("Q06", {**{c: 2 for c in GRADES}, "p5_tidligere_forloeb": 3}, "ikke_opfyldt"),
    ("Q06", {**{c: 2 for c in GRADES}, "p7_aarsag": 5}, "ikke_opfyldt"),
    # grade 3 of parameters 4, 6 and 7 is S/A: almen is possible
    ("Q06", {**{c: 2 for c in GRADES}, "p4_symptommestring": 3, "p6_affektregulering": 3,
             "p7_aarsag": 3}, "opfyldt"),
    ("Q06", {c: 2 for c in GRADES}, "opfyldt"),
    # grades decide the suicide question: p1 = 2 with a current-risk sentence stays grades
    ("Q06", {**{c: 2 for c in GRADES}, "hensyn": "Fortsat forhøjet selvmordsrisiko."},
     "opfyldt"),
    # only some grades, p1 missing: the text rule still applies for suicide
    ("Q06", {"p2_indsigt": 2, "hensyn": "Fortsat forhøjet selvmordsrisiko."}, "ikke_opfyldt"),
    ("Q06", {"p2_indsigt": 2}, "opfyldt"),
    # with grades: specialised while every grade is 1-2
    ("Q06", {**{c: 2 for c in GRADES}, "niveau": "specialiseret"}, "ikke_opfyldt"),
    ("Q06", {**{c: 1 for c in GRADES}, "niveau": "rehabilitering_specialiseret"},
     "ikke_opfyldt"),
    ("Q06", {**{c: 2 for c in GRADES}, "p6_affektregulering": 4, "niveau": "specialiseret"},
     "opfyldt"),
    ("Q06", {"p1_selvmordsrisiko": 1, "niveau": "specialiseret"}, "opfyldt"),
    # grades arrive as text from a register ("3")
    ("Q06", {**{c: "2" for c in GRADES}, "p3_motivation": "4"}, "ikke_opfyldt"),
]


@pytest.mark.parametrize(("cid", "changes", "expected"), CASES,
                         ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_rule(cid, changes, expected):
    assert result(cid, plan(**changes)) == expected


def test_every_criterion_has_a_case_for_pass_and_fail():
    for cid in CRITERIA:
        outcomes = {r for c, _, r in CASES + FORMAL_CASES if c == cid} | (
            {"opfyldt", "ikke_opfyldt", "kan_ikke_vurderes"} if cid == "Q04" else set())
        assert {"opfyldt"} <= outcomes, cid
        assert outcomes & {"ikke_opfyldt"} or cid == "K06", cid


def test_q04_lists_statements_of_other_sectors():
    statements = [st("genoptraeningsbehov", 1, "Træning i at strukturere dagen."),
                  st("genoptraeningsbehov", 2, "Hjælp til at søge fleksjob.", "beskaeftigelse",
                     0.8, True),
                  st("maal", 1, "Følger ugeskemaet.", "genoptraening", 0.5, True)]
    outcome = CRITERIA["Q04"].run(plan(statements))
    assert outcome.result == "ikke_opfyldt"
    assert "genoptraeningsbehov 2: beskaeftigelse" in outcome.note
    assert "1 tæt løb" in outcome.note
    only_training = CRITERIA["Q04"].run(plan(statements[:1]))
    assert only_training.result == "opfyldt"
    assert CRITERIA["Q04"].run(plan([st("ressourcer", 1, "Godt netværk.")])).result == \
        "kan_ikke_vurderes"


def test_notes_name_the_deciding_words():
    assert "før" in CRITERIA["Q01"].run(plan()).note
    assert "koncentration" in CRITERIA["Q03"].run(
        plan(genoptraeningsbehov="Træning af koncentration.")).note
    assert "psykose" in CRITERIA["Q06"].run(plan(diagnose="F25.0")).note.lower()


def test_words_without_danish_letters_count_the_same():
    assert result("Q01", plan(funktionsevne="Foer sygdommen klarede borgeren alt selv.")) == \
        "opfyldt"


def test_q06_notes_name_parameters_cells_and_the_advanced_level():
    graded = CRITERIA["Q06"].run(plan(**{**{c: 2 for c in GRADES}, "p1_selvmordsrisiko": 3,
                                         "p2_indsigt": 5})).note
    assert "p1_selvmordsrisiko = 3 (S)" in graded and "p2_indsigt = 5 (B)" in graded
    assert "kombinationsregel" in graded  # the model's weak point stays visible
    assert "p4_symptommestring" not in graded
    several = CRITERIA["Q06"].run(plan(genoptraeningsbehov="Kondition, struktur på dagen, "
                                       "koncentration og sociale færdigheder.")).note
    assert "avancerede niveau inden for almen" in several
    past = CRITERIA["Q06"].run(plan(hensyn="Har haft flere selvmordsforsøg.")).note
    assert "tidligere" in past
    current = CRITERIA["Q06"].run(plan(hensyn="Fortsat forhøjet selvmordsrisiko.")).note
    assert "hensyn" in current and "aktuel" in current


def test_q06_cells_without_a_are_those_criteria_md_names():
    from auditlib.criteria.quality import MODEL_CELLS

    without_a = {(c, g) for c, cells in MODEL_CELLS.items() for g, letters in cells.items()
                 if "A" not in letters}
    expected = {(c, g) for c in GRADES for g in (5, 4)} | {
        (GRADES[n - 1], 3) for n in (1, 2, 3, 5)}
    assert without_a == expected


def test_q02_in_the_course_of_is_not_running():
    outcome = CRITERIA["Q02"].run(plan(maal="Mere overskud i løbet af 3 måneder."))
    assert outcome.result == "ikke_opfyldt"
    assert "løbe" not in outcome.note.replace("i løbet af", "")


def test_q03_reads_the_catalogue_keywords_from_one_source(tmp_path):
    """Q03's words are the catalogue's noegleord: the same file the catalogue publishes."""
    from auditlib.catalogue.content import load_content
    from auditlib.criteria.function_loss import function_loss_terms

    content = load_content()
    published = [(d.id, p.id, w.lower()) for d in content.funktionstab.domaener
                 for p in d.punkter for w in p.noegleord]
    assert [(t.domain, t.point, t.keyword) for t in function_loss_terms()] == published
    note = CRITERIA["Q03"].run(plan(genoptraeningsbehov="Nedsat hukommelse efter ECT.")).note
    assert "(3c)" in note


BILAG2 = Path(__file__).parent / "fixtures" / "bilag2.csv"


def test_the_notats_bilag2_cases_get_q06_fulfilled():
    """The regional notat's two cases (Bilag 2), typed as plans: both rightly got an almen
    plan, though one was admitted for suicidal thoughts and the other has had attempts."""
    from auditlib.audit import run_audit
    from auditlib.register import load_register

    register = load_register(BILAG2)
    assert register.ok, register.problems
    result = run_audit(register)
    q06 = result.criteria[result.criteria["criterion_id"].eq("Q06")].set_index("plan_id")
    assert q06["result"].to_dict() == {"BILAG2-CASE1": "opfyldt", "BILAG2-CASE2": "opfyldt"}
    assert "tidligere" in q06.at["BILAG2-CASE2", "note"]
    q03 = result.criteria[result.criteria["criterion_id"].eq("Q03")]
    assert q03["result"].eq("opfyldt").all()


def test_the_catalogues_7_parameter_table_has_the_cells_q06_uses():
    from auditlib.catalogue.content import load_content
    from auditlib.criteria.quality import MODEL_CELLS

    model = load_content().snitflader.parametermodel
    assert [p.kolonne for p in model.parametre] == list(GRADES)
    assert {p.kolonne: {c.grad: c.celle for c in p.trin} for p in model.parametre} == MODEL_CELLS
    assert any("kombinationsregel" in w.titel.lower() for w in model.svagheder)


def test_the_7_parameter_model_is_published_in_both_catalogue_formats(tmp_path):
    from openpyxl import load_workbook

    from auditlib.catalogue import build_catalogue, load_content, load_runs
    from auditlib.catalogue.html import write_catalogue_html
    from auditlib.catalogue.xlsx import write_catalogue_xlsx
    from tests.catalogue_runs import write_run_folder

    catalogue = build_catalogue(load_runs([write_run_folder(tmp_path / "run")]),
                                load_content())
    html = write_catalogue_html(catalogue, tmp_path / "k.html").read_text(encoding="utf-8")
    assert 'id="parametermodel"' in html and "Ingen kombinationsregel" in html
    assert "p7_aarsag" in html and "Grad 5" in html
    sheet = load_workbook(write_catalogue_xlsx(catalogue, tmp_path / "k.xlsx"))["snitflader"]
    assert {"Syv_parametre", "Modellens_svagheder"} <= set(sheet.tables)
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "p1_selvmordsrisiko" in cells and any(c.startswith("S: Let forhøjet") for c in cells)
