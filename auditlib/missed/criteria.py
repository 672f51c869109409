"""The missed-plans criteria M01-M04, declared like K/Q (one object per criterion).

Each check sees one discharge *without* a plan (a row of the missed-plans register) and
answers the notat's question "blev behovet vurderet?". Sources are those of DOMAIN.md:
the right to a plan regardless of diagnosis ([000] afsnit 7.1), the doctor's judgement
(SUL §84) and the gate assessment (DOMAIN.md §3.1).
"""

from __future__ import annotations

from collections.abc import Callable

from auditlib.criteria.base import (
    FORMEL,
    IKKE_OPFYLDT,
    IKKE_RELEVANT,
    KAN_IKKE_VURDERES,
    KVALITET,
    OPFYLDT,
    Criterion,
    Outcome,
    Plan,
)
from auditlib.missed.columns import ASSESSOR_TITLES, REASON_BY_KEY

# Every declared missed-plans criterion by id, in order.
MISSED_CRITERIA: dict[str, Criterion] = {}


def missed_criterion(id: str, titel: str, kilde: str, alvor: str, beskrivelse: str):
    """Decorator: declare a check on one discharge as a missed-plans criterion."""

    def declare(check: Callable[[Plan], Outcome]) -> Callable[[Plan], Outcome]:
        if id in MISSED_CRITERIA:
            raise ValueError(f"criterion {id} declared twice")
        MISSED_CRITERIA[id] = Criterion(id, titel, kilde, alvor, beskrivelse, check)
        return check

    return declare


def _assessors(row: Plan) -> list[str]:
    return [a.strip() for a in row.text("vurderet_af").split(";") if a.strip()]


@missed_criterion(
    "M01", "Behovet vurderet ved beskrevet funktionstab",
    "SUL §84; notatet [000] afsnit 7.1 (retten gælder uanset diagnose og alder) og 8.1",
    FORMEL,
    "Når journalen beskriver et funktionstab, er behovet for en genoptræningsplan vurderet.")
def m01(row: Plan) -> Outcome:
    loss, assessed = row.get("funktionstab_beskrevet"), row.get("behov_vurderet")
    if loss == "nej":
        return Outcome(IKKE_RELEVANT, "funktionstab_beskrevet = nej: intet funktionstab at "
                                      "vurdere et behov ud fra.")
    if assessed == "ja":
        return Outcome(OPFYLDT, "behov_vurderet = ja: behovet for en plan er vurderet.")
    if loss is None:
        return Outcome(KAN_IKKE_VURDERES, "funktionstab_beskrevet er ikke udfyldt, og en "
                                          "vurdering af behovet er ikke dokumenteret.")
    if assessed == "nej":
        return Outcome(IKKE_OPFYLDT, "Funktionstabet er beskrevet, men behovet for en plan er "
                                     "ikke vurderet (behov_vurderet = nej).")
    return Outcome(IKKE_OPFYLDT, "Funktionstabet er beskrevet, men det er ikke dokumenteret, "
                                 "at behovet blev vurderet (behov_vurderet er tom).")


@missed_criterion(
    "M02", "Vurderingen dokumenteret med hvem",
    "SUL §84; notatet [000] afsnit 8.1 (lægen vurderer, sundhedspersonalet udarbejder)",
    KVALITET, "Når behovet er vurderet, står det, hvem der vurderede det.")
def m02(row: Plan) -> Outcome:
    if row.get("behov_vurderet") != "ja":
        return Outcome(IKKE_RELEVANT, "Ingen dokumenteret vurdering (behov_vurderet er ikke ja).")
    who = _assessors(row)
    if who:
        names = ", ".join(ASSESSOR_TITLES.get(a, a).lower() for a in who)
        return Outcome(OPFYLDT, f"Vurderet af: {names}.")
    return Outcome(IKKE_OPFYLDT, "behov_vurderet = ja, men vurderet_af er tom: det fremgår "
                                 "ikke, hvem der vurderede behovet.")


@missed_criterion(
    "M03", "Begrundelsen for ingen plan holder",
    "Notatet [000] afsnit 7.1 (uanset diagnose; funktionstab, ikke diagnose); "
    "helhedsvurderingen DOMAIN.md §3.1; BEK 918 §1 stk. 2 (samtykke)",
    FORMEL,
    "Årsagen til, at der ikke blev lavet en plan, er en gyldig: patienten takkede nej, intet "
    "funktionstab eller et udfald af helhedsvurderingen – ikke diagnosen, 'kommunen sørger' "
    "eller en ukendt årsag.")
def m03(row: Plan) -> Outcome:
    key = row.get("aarsag_ingen_plan")
    if key is None:
        return Outcome(IKKE_OPFYLDT, "aarsag_ingen_plan er tom: årsagen er ikke kendt, og "
                                     "en manglende vurdering er notatets hovedfund.")
    reason = REASON_BY_KEY[key]
    if reason.legitimate is None:
        if row.stated("aarsag_tekst"):
            return Outcome(KAN_IKKE_VURDERES, f"Årsag '{key}': forummet vurderer begrundelsen "
                                              "i aarsag_tekst.")
        return Outcome(IKKE_OPFYLDT, f"Årsag '{key}' uden begrundelse i aarsag_tekst.")
    if not reason.legitimate:
        return Outcome(IKKE_OPFYLDT, f"Årsag '{key}' er ikke en gyldig grund: {reason.why}")
    if key == "intet_funktionstab" and row.get("funktionstab_beskrevet") == "ja":
        return Outcome(IKKE_OPFYLDT, "Årsag 'intet_funktionstab', men funktionstab_beskrevet = "
                                     "ja: journalen beskriver et funktionstab.")
    if reason.needs_assessment and row.get("behov_vurderet") != "ja":
        return Outcome(IKKE_OPFYLDT, f"Årsag '{key}' er et udfald af helhedsvurderingen, men "
                                     "det er ikke dokumenteret, at behovet blev vurderet.")
    return Outcome(OPFYLDT, f"Årsag '{key}' er gyldig: {reason.why}")


@missed_criterion(
    "M04", "Lægen indgik i vurderingen",
    "SUL §84 (den ansvarlige læge vurderer det lægefagligt begrundede behov); "
    "notatet [000] afsnit 8.1",
    FORMEL, "Når behovet er vurderet, indgik lægen i vurderingen.")
def m04(row: Plan) -> Outcome:
    if row.get("behov_vurderet") != "ja":
        return Outcome(IKKE_RELEVANT, "Ingen dokumenteret vurdering (behov_vurderet er ikke ja).")
    who = _assessors(row)
    if not who:
        return Outcome(KAN_IKKE_VURDERES, "vurderet_af er tom, så det kan ikke ses, om lægen "
                                          "indgik.")
    if "laege" in who:
        return Outcome(OPFYLDT, "Lægen indgik i vurderingen.")
    names = ", ".join(ASSESSOR_TITLES.get(a, a).lower() for a in who)
    return Outcome(IKKE_OPFYLDT, f"Vurderet af {names} uden læge; det er lægen, der vurderer "
                                 "behovet og ordinerer planen (SUL §84).")


__all__ = ["MISSED_CRITERIA", "missed_criterion"]
