"""The formal criteria K01-K11: BEK nr. 918 af 2018 om genoptræningsplaner (criteria.md)."""

from __future__ import annotations

import pandas as pd

from auditlib.criteria.base import (
    FORMEL,
    IKKE_OPFYLDT,
    IKKE_RELEVANT,
    KAN_IKKE_VURDERES,
    OPFYLDT,
    Outcome,
    Plan,
    criterion,
)
from auditlib.register.columns import LEVEL_TITLES


def _yes_no(plan: Plan, column: str, yes: str, no: str) -> Outcome:
    """ja -> opfyldt, nej -> ikke_opfyldt, blank -> kan_ikke_vurderes (the K01 rule)."""
    value = plan.get(column)
    if value == "ja":
        return Outcome(OPFYLDT, f"{column} = ja: {yes}.")
    if value == "nej":
        return Outcome(IKKE_OPFYLDT, f"{column} = nej: {no}.")
    return Outcome(KAN_IKKE_VURDERES, f"{column} er ikke udfyldt, så kriteriet kan ikke vurderes.")


def _stated(plan: Plan, column: str, what: str) -> Outcome:
    if plan.stated(column):
        return Outcome(OPFYLDT, f"{what} er beskrevet i {column}.")
    if plan.text(column):
        return Outcome(IKKE_OPFYLDT, f"{column} indeholder kun en pladsholder eller under "
                                     f"{plan.settings.stated_min_words} ord; {what} mangler.")
    return Outcome(IKKE_OPFYLDT, f"{column} er tom; {what} mangler.")


def _days(later, earlier) -> int:
    """Whole calendar days from ``earlier`` to ``later`` (dates or timestamps)."""
    return pd.Timestamp(later).toordinal() - pd.Timestamp(earlier).toordinal()


@criterion("K01", "Lægefagligt begrundet behov", "SUL §84, BEK 918 §1 stk. 1", FORMEL,
           "Planen angiver, at behovet for genoptræning er lægefagligt begrundet.",
           reads=("laegefagligt_begrundet",))
def k01(plan: Plan) -> Outcome:
    return _yes_no(plan, "laegefagligt_begrundet", "behovet er lægefagligt begrundet",
                   "behovet er ikke angivet som lægefagligt begrundet")


@criterion("K02", "Udarbejdet sammen med patienten", "BEK 918 §1 stk. 2", FORMEL,
           "Planen er udarbejdet i samarbejde med patienten.",
           reads=("patient_inddraget",))
def k02(plan: Plan) -> Outcome:
    return _yes_no(plan, "patient_inddraget", "planen er lavet sammen med patienten",
                   "planen er ikke lavet sammen med patienten")


@criterion("K03", "Niveau angivet", "BEK 918 §2 stk. 1", FORMEL,
           "Planen angiver niveauet: almen, specialiseret eller rehabilitering på "
           "specialiseret niveau.",
           reads=("niveau",))
def k03(plan: Plan) -> Outcome:
    level = plan.get("niveau")
    if level in LEVEL_TITLES:
        return Outcome(OPFYLDT, f"Niveau angivet: {level}.")
    return Outcome(IKKE_OPFYLDT, "niveau er ikke angivet.")


@criterion("K04", "Funktionsevne ved udskrivning beskrevet", "BEK 918 §2 stk. 2", FORMEL,
           "Patientens funktionsevne ved udskrivningen er beskrevet.",
           reads=("funktionsevne",))
def k04(plan: Plan) -> Outcome:
    return _stated(plan, "funktionsevne", "funktionsevnen ved udskrivning")


@criterion("K05", "Genoptræningsbehov beskrevet", "BEK 918 §2 stk. 2", FORMEL,
           "Genoptræningsbehovet er beskrevet.",
           reads=("genoptraeningsbehov",))
def k05(plan: Plan) -> Outcome:
    return _stated(plan, "genoptraeningsbehov", "genoptræningsbehovet")


@criterion("K06", "Samlet vurdering ved rehabilitering på specialiseret niveau",
           "BEK 918 §2 stk. 3", FORMEL,
           "Ved rehabilitering på specialiseret niveau indeholder planen en samlet vurdering.",
           reads=("niveau", "helhedsvurdering"))
def k06(plan: Plan) -> Outcome:
    if plan.get("niveau") != "rehabilitering_specialiseret":
        return Outcome(IKKE_RELEVANT, "Gælder kun rehabilitering på specialiseret niveau.")
    return _stated(plan, "helhedsvurdering", "den samlede (helheds)vurdering")


@criterion("K07", "Kontaktoplysninger til region og kommune", "BEK 918 §2 stk. 4", FORMEL,
           "Planen har kontaktoplysninger til både region og kommune.",
           reads=("kontakt_angivet",))
def k07(plan: Plan) -> Outcome:
    return _yes_no(plan, "kontakt_angivet", "kontaktoplysninger er angivet",
                   "kontaktoplysninger mangler")


@criterion("K08", "Senere opstart begrundet", "BEK 918 §3", FORMEL,
           "Skal træningen starte senere end normalt, er det begrundet.",
           reads=("opstart_senest", "opstart_begrundelse"))
def k08(plan: Plan) -> Outcome:
    if plan.get("opstart_senest") is None:
        return Outcome(IKKE_RELEVANT, "Ingen senere opstart angivet (opstart_senest er tom).")
    if plan.stated("opstart_begrundelse"):
        return Outcome(OPFYLDT, "Senere opstart er angivet og begrundet i opstart_begrundelse.")
    return Outcome(IKKE_OPFYLDT, "opstart_senest er udfyldt, men opstart_begrundelse "
                                 "giver ingen begrundelse.")


@criterion("K09", "Udleveret senest ved udskrivning", "BEK 918 §4", FORMEL,
           "Planen er udleveret til patienten senest ved udskrivningen.",
           reads=("plan_dato", "udskrevet", "udleveret_patient"))
def k09(plan: Plan) -> Outcome:
    written, discharged = plan.get("plan_dato"), plan.get("udskrevet")
    if written is not None and discharged is not None:
        late = _days(written, discharged)
        if late > 0:
            return Outcome(IKKE_OPFYLDT, f"plan_dato ligger {late} dag(e) efter udskrevet, så "
                                         "planen kan ikke være udleveret ved udskrivningen.")
    return _yes_no(plan, "udleveret_patient", "planen er udleveret til patienten",
                   "planen er ikke udleveret til patienten")


@criterion("K10", "Rettidig afsendelse til kommunen", "BEK 918 §4 (national indikator)",
           FORMEL, "Planen er sendt til kommunen senest 1 dag efter udskrivning.",
           reads=("plan_sendt", "udskrevet"))
def k10(plan: Plan) -> Outcome:
    sent, discharged = plan.get("plan_sendt"), plan.get("udskrevet")
    if sent is None or discharged is None:
        return Outcome(KAN_IKKE_VURDERES, "plan_sendt er ikke udfyldt, så rettidigheden kan "
                                          "ikke måles.")
    days = _days(sent, discharged)
    limit = plan.settings.timely_days
    if days <= limit:
        return Outcome(OPFYLDT, f"Sendt {days} dag(e) efter udskrivning (grænse {limit}).")
    return Outcome(IKKE_OPFYLDT, f"Sendt {days} dage efter udskrivning; grænsen er {limit}.")


@criterion("K11", "Samtykke vedr. kopi til egen læge", "BEK 918 §4", FORMEL,
           "Patientens svar på, om egen læge må få en kopi, er noteret.",
           reads=("samtykke_egen_laege",))
def k11(plan: Plan) -> Outcome:
    value = plan.get("samtykke_egen_laege")
    if value == "ja":
        return Outcome(OPFYLDT, "Samtykke givet; egen læge får en kopi.")
    if value == "nej":
        return Outcome(OPFYLDT, "Spørgsmålet er stillet og svaret (nej) noteret; "
                                "der sendes ikke kopi.")
    return Outcome(IKKE_OPFYLDT, "samtykke_egen_laege er ikke udfyldt: det fremgår ikke, at "
                                 "patienten er spurgt.")
