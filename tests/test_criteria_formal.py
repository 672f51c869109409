"""The formal criteria K01-K11 (BEK 918/2018, criteria.md) on small plans: every rule and
every outcome it can give."""

from __future__ import annotations

import pytest

from auditlib.criteria import CRITERIA, Plan
from auditlib.criteria.base import TJEKFEJL, Criterion, Outcome
from tests.criteria_plans import T, plan, result

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
]


@pytest.mark.parametrize(("cid", "changes", "expected"), CASES,
                         ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_rule(cid, changes, expected):
    assert result(cid, plan(**changes)) == expected


def test_k10_note_gives_the_days():
    outcome = CRITERIA["K10"].run(plan(plan_sendt=T("2025-03-16")))
    assert "6 dage" in outcome.note


def test_a_failing_check_gives_tjekfejl_without_plan_text():
    def broken(p: Plan) -> Outcome:
        raise ValueError(p.text("funktionsevne"))

    outcome = Criterion("X01", "x", "kvalitet", "kvalitet", "x", broken).run(plan())
    assert outcome.result == TJEKFEJL
    assert "indlæggelsen" not in outcome.note and "ValueError" in outcome.note
