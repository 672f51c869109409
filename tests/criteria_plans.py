"""Small plans for the criterion tests: a complete, good plan and changes to it."""

from __future__ import annotations

import pandas as pd

from auditlib.criteria import CRITERIA, Plan, Settings, Statement

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


