"""Every criterion of criteria.md on small plans: each rule and each outcome it can give."""

from __future__ import annotations

import pandas as pd
import pytest

from auditlib.criteria import CRITERIA, Plan, Settings, Statement
from auditlib.criteria.base import TJEKFEJL, Criterion, Outcome

T = pd.Timestamp
GOOD = {
    "plan_id": "T-01", "klynge": "Testklyngen", "diagnose": "F32.1", "niveau": "almen",
    "udskrevet": T("2025-03-10"), "plan_dato": T("2025-03-10"), "plan_sendt": T("2025-03-11"),
    "opstart_senest": None, "opstart_begrundelse": None,
    "laegefagligt_begrundet": "ja", "patient_inddraget": "ja", "udleveret_patient": "ja",
    "kontakt_angivet": "ja", "samtykke_egen_laege": "ja",
    "helhedsvurdering": "Motiveret for træning og har selv formuleret sine mål.",
    "funktionsevne": "Før indlæggelsen arbejdede borgeren fuld tid. Nu orker borgeren én "
                     "aktivitet om dagen.",
    "genoptraeningsbehov": "- Træning i at strukturere dagen med ugeskema.",
    "maal": "- Handler selv ind to gange om ugen inden for 8 uger.",
    "ressourcer": "Godt netværk og god sygdomsindsigt.",
    "hensyn": "Bliver hurtigt træt; aftaler om formiddagen.",
    "oevrige_indsatser": None, "bemaerkninger": None,
}


def st(field: str, number: int, text: str, label: str = "genoptraening", p: float = 0.9,
       grey: bool = False) -> Statement:
    return Statement(field, number, text, label, p, grey, "")


def plan(statements: list[Statement] | None = None, **changes) -> Plan:
    values = {**GOOD, **changes}
    if statements is None:
        from auditlib.statements import split_statements

        statements = [st("maal", i, s) for i, s in enumerate(split_statements(values["maal"]), 1)]
        statements += [st("genoptraeningsbehov", i, s) for i, s in
                       enumerate(split_statements(values["genoptraeningsbehov"]), 1)]
    return Plan(values, statements, Settings())


def result(cid: str, p: Plan) -> str:
    return CRITERIA[cid].run(p).result


CASES = [
    # K01, K02, K07: ja / nej / blank
    *[(cid, {col: v}, r) for cid, col in (("K01", "laegefagligt_begrundet"),
                                         ("K02", "patient_inddraget"),
                                         ("K07", "kontakt_angivet"))
      for v, r in (("ja", "opfyldt"), ("nej", "ikke_opfyldt"), (None, "kan_ikke_vurderes"))],
    ("K03", {"niveau": "specialiseret"}, "opfyldt"),
    ("K03", {"niveau": "rehabilitering_specialiseret"}, "opfyldt"),
    ("K03", {"niveau": None}, "ikke_opfyldt"),
    ("K04", {}, "opfyldt"),
    ("K04", {"funktionsevne": "se journal"}, "ikke_opfyldt"),
    ("K04", {"funktionsevne": "Træt."}, "ikke_opfyldt"),  # under 3 words
    ("K04", {"funktionsevne": None}, "ikke_opfyldt"),
    ("K05", {"genoptraeningsbehov": "ikke relevant"}, "ikke_opfyldt"),
    ("K05", {"genoptraeningsbehov": "xx"}, "ikke_opfyldt"),
    ("K05", {}, "opfyldt"),
    ("K06", {"niveau": "almen"}, "ikke_relevant"),
    ("K06", {"niveau": "rehabilitering_specialiseret"}, "opfyldt"),
    ("K06", {"niveau": "rehabilitering_specialiseret", "helhedsvurdering": "-"}, "ikke_opfyldt"),
    ("K08", {}, "ikke_relevant"),
    ("K08", {"opstart_senest": T("2025-04-10"),
             "opstart_begrundelse": "Skal først stabiliseres på ny medicin."}, "opfyldt"),
    ("K08", {"opstart_senest": T("2025-04-10"), "opstart_begrundelse": "udfyldes"},
     "ikke_opfyldt"),
    ("K09", {}, "opfyldt"),
    ("K09", {"udleveret_patient": "nej"}, "ikke_opfyldt"),
    ("K09", {"udleveret_patient": None}, "kan_ikke_vurderes"),
    ("K09", {"plan_dato": T("2025-03-12")}, "ikke_opfyldt"),  # written after discharge
    ("K09", {"plan_dato": T("2025-03-09")}, "opfyldt"),
    ("K10", {"plan_sendt": T("2025-03-10")}, "opfyldt"),
    ("K10", {"plan_sendt": T("2025-03-11")}, "opfyldt"),  # within 1 day
    ("K10", {"plan_sendt": T("2025-03-12")}, "ikke_opfyldt"),
    ("K10", {"plan_sendt": None}, "kan_ikke_vurderes"),
    ("K11", {"samtykke_egen_laege": "ja"}, "opfyldt"),
    ("K11", {"samtykke_egen_laege": "nej"}, "opfyldt"),  # asked and answered
    ("K11", {"samtykke_egen_laege": None}, "ikke_opfyldt"),
    ("Q01", {}, "opfyldt"),
    ("Q01", {"funktionsevne": "Vanligvis selvhjulpen, nu træt hele dagen."}, "opfyldt"),
    ("Q01", {"funktionsevne": "Borgeren er træt og uoverskuelig.",
             "helhedsvurdering": "Tidligere i fuldtidsjob, nu sygemeldt."}, "opfyldt"),
    ("Q01", {"funktionsevne": "Borgeren er træt og mister overblikket.",
             "helhedsvurdering": None}, "ikke_opfyldt"),
    ("Q01", {"funktionsevne": "se journal"}, "kan_ikke_vurderes"),
    ("Q02", {}, "opfyldt"),
    ("Q02", {"maal": "Går en tur på 20 minutter."}, "opfyldt"),
    ("Q02", {"maal": "- At få det bedre.\n- Øget livskvalitet."}, "ikke_opfyldt"),
    ("Q02", {"maal": None}, "ikke_opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Træning af koncentration og hukommelse."}, "opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Balancetræning efter fald."}, "opfyldt"),
    ("Q03", {"genoptraeningsbehov": "Har brug for hjælp fra kommunen."}, "ikke_opfyldt"),
    ("Q03", {"genoptraeningsbehov": None}, "ikke_opfyldt"),
    ("Q05", {}, "opfyldt"),
    ("Q05", {"hensyn": "ingen"}, "ikke_opfyldt"),
    ("Q06", {}, "opfyldt"),
    ("Q06", {"niveau": None}, "kan_ikke_vurderes"),
    ("Q06", {"diagnose": "F20.0"}, "ikke_opfyldt"),
    ("Q06", {"diagnose": "F20.0", "niveau": "specialiseret"}, "opfyldt"),
    ("Q06", {"hensyn": "Selvmordstanker under indlæggelsen."}, "ikke_opfyldt"),
    ("Q06", {"hensyn": "Ingen selvmordstanker."}, "opfyldt"),
    ("Q06", {"genoptraeningsbehov": "Kondition, struktur på dagen, koncentration og "
                                    "sociale færdigheder."}, "ikke_opfyldt"),
]


@pytest.mark.parametrize(("cid", "changes", "expected"), CASES,
                         ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_rule(cid, changes, expected):
    assert result(cid, plan(**changes)) == expected


def test_every_criterion_has_a_case_for_pass_and_fail():
    for cid in CRITERIA:
        outcomes = {r for c, _, r in CASES if c == cid} | (
            {"opfyldt", "ikke_opfyldt", "kan_ikke_vurderes"} if cid == "Q04" else set())
        assert {"opfyldt"} <= outcomes, cid
        assert outcomes & {"ikke_opfyldt"} or cid == "K06", cid


def test_k10_note_gives_the_days():
    outcome = CRITERIA["K10"].run(plan(plan_sendt=T("2025-03-16")))
    assert "6 dage" in outcome.note


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
    assert "psykose" in CRITERIA["Q06"].run(plan(diagnose="F25.0")).note


def test_words_without_danish_letters_count_the_same():
    assert result("Q01", plan(funktionsevne="Foer sygdommen klarede borgeren alt selv.")) == \
        "opfyldt"


def test_a_failing_check_gives_tjekfejl_without_plan_text():
    def broken(p: Plan) -> Outcome:
        raise ValueError(p.text("funktionsevne"))

    outcome = Criterion("X01", "x", "kvalitet", "kvalitet", "x", broken).run(plan())
    assert outcome.result == TJEKFEJL
    assert "indlæggelsen" not in outcome.note and "ValueError" in outcome.note
