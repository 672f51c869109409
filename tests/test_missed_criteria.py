"""The missed-plans criteria M01-M04: a table of discharges and the expected results."""

from __future__ import annotations

import pytest

from auditlib.criteria.base import Plan
from auditlib.missed.columns import REASONS
from auditlib.missed.criteria import MISSED_CRITERIA

OPF, IKKE, IR, KIV = "opfyldt", "ikke_opfyldt", "ikke_relevant", "kan_ikke_vurderes"


def discharge(**values):
    return Plan(values)


CASES = [
    # M01: a described functional loss needs an assessment.
    ("M01", dict(funktionstab_beskrevet="ja", behov_vurderet="ja"), OPF),
    ("M01", dict(funktionstab_beskrevet="ja", behov_vurderet="nej"), IKKE),
    ("M01", dict(funktionstab_beskrevet="ja"), IKKE),
    ("M01", dict(funktionstab_beskrevet="nej", behov_vurderet="nej"), IR),
    ("M01", dict(behov_vurderet="ja"), OPF),
    ("M01", dict(), KIV),
    # M02: who assessed.
    ("M02", dict(behov_vurderet="ja", vurderet_af="ergoterapeut"), OPF),
    ("M02", dict(behov_vurderet="ja"), IKKE),
    ("M02", dict(behov_vurderet="nej", vurderet_af="laege"), IR),
    ("M02", dict(), IR),
    # M03: the reason for no plan.
    ("M03", dict(aarsag_ingen_plan="afslaaet_af_patient"), OPF),
    ("M03", dict(aarsag_ingen_plan="intet_funktionstab", funktionstab_beskrevet="nej"), OPF),
    ("M03", dict(aarsag_ingen_plan="intet_funktionstab", funktionstab_beskrevet="ja"), IKKE),
    ("M03", dict(aarsag_ingen_plan="klarer_sig_selv", behov_vurderet="ja"), OPF),
    ("M03", dict(aarsag_ingen_plan="klarer_sig_selv", behov_vurderet="nej"), IKKE),
    ("M03", dict(aarsag_ingen_plan="anden_kommunal_indsats"), IKKE),
    ("M03", dict(aarsag_ingen_plan="mangler_potentiale", behov_vurderet="ja"), OPF),
    ("M03", dict(aarsag_ingen_plan="diagnosegruppe", behov_vurderet="ja"), IKKE),
    ("M03", dict(aarsag_ingen_plan="kommunen_soerger", behov_vurderet="ja"), IKKE),
    ("M03", dict(aarsag_ingen_plan="pakkeforloeb"), IKKE),
    ("M03", dict(aarsag_ingen_plan="ikke_kendt"), IKKE),
    ("M03", dict(), IKKE),
    ("M03", dict(aarsag_ingen_plan="andet", aarsag_tekst="Overflyttet til andet sygehus."), KIV),
    ("M03", dict(aarsag_ingen_plan="andet", aarsag_tekst="-"), IKKE),
    # M04: the doctor judges the need (SUL §84).
    ("M04", dict(behov_vurderet="ja", vurderet_af="laege; ergoterapeut"), OPF),
    ("M04", dict(behov_vurderet="ja", vurderet_af="ergoterapeut; sygeplejerske"), IKKE),
    ("M04", dict(behov_vurderet="ja"), KIV),
    ("M04", dict(behov_vurderet="nej"), IR),
]


@pytest.mark.parametrize(("cid", "values", "expected"), CASES,
                         ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_criterion_result(cid, values, expected):
    outcome = MISSED_CRITERIA[cid].run(discharge(**values))
    assert outcome.result == expected, outcome.note
    assert outcome.note


def test_every_criterion_is_declared_with_a_source():
    assert list(MISSED_CRITERIA) == ["M01", "M02", "M03", "M04"]
    for criterion in MISSED_CRITERIA.values():
        assert criterion.kilde and criterion.titel and criterion.beskrivelse
        assert criterion.alvor in ("formel", "kvalitet")
    assert "uanset diagnose" in MISSED_CRITERIA["M01"].kilde
    assert "helhedsvurderingen" in MISSED_CRITERIA["M03"].kilde


def test_every_reason_is_judged_by_m03():
    for reason in REASONS:
        outcome = MISSED_CRITERIA["M03"].run(discharge(
            aarsag_ingen_plan=reason.key, behov_vurderet="ja", funktionstab_beskrevet="nej",
            aarsag_tekst="Overflyttet til andet sygehus før udskrivning."))
        expected = {True: OPF, False: IKKE, None: KIV}[reason.legitimate]
        assert outcome.result == expected, reason.key


def test_an_unknown_value_makes_a_check_error_not_a_crash():
    outcome = MISSED_CRITERIA["M03"].run(discharge(aarsag_ingen_plan="noget_helt_andet"))
    assert outcome.result == "tjekfejl"
    assert "noget_helt_andet" not in outcome.note
