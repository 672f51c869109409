"""The quality criteria Q01-Q06 (criteria.md) on small plans: every rule, every outcome,
and notes that name what decided."""

from __future__ import annotations

import pytest

from auditlib.criteria import CRITERIA
from tests.criteria_plans import plan, result, st
from tests.test_criteria_formal import CASES as FORMAL_CASES

CASES = [
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
    assert "psykose" in CRITERIA["Q06"].run(plan(diagnose="F25.0")).note


def test_words_without_danish_letters_count_the_same():
    assert result("Q01", plan(funktionsevne="Foer sygdommen klarede borgeren alt selv.")) == \
        "opfyldt"
