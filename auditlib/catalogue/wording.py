"""Danish headings and column titles of the catalogue, shared by the Excel and HTML export.

One place, so the workbook and the web page use the same words and a forum member can
review the wording without reading code.
"""

from __future__ import annotations

TITLE = "Snitfladekatalog"
SUBTITLE = "Genoptræningsplaner fra psykiatrien: funktionstab, snitflader og audit"

# Parts of the catalogue: (id, heading). The id is the Excel sheet name and the HTML anchor.
PARTS: tuple[tuple[str, str], ...] = (
    ("forside", "Forside"),
    ("funktionstab", "Typer af funktionstab"),
    ("snitflader", "Snitflader mellem sektorerne"),
    ("graazoner", "Gråzoner: udsagn fra planerne"),
    ("anbefalinger", "God praksis og opfølgning ved tvivl"),
    ("kompetencer", "Behov for kompetenceudvikling"),
    ("audit_kriterier", "Audit: opfyldelse pr. kriterium"),
    ("audit_planer", "Audit: planer med flest formelle mangler"),
    ("optaelling", "Optælling"),
)
PART_TITLES = dict(PARTS)
CHANGE_PART = ("udvikling", "Udvikling mellem to audits")
SUMMARY_TITLE = "Sammenfatning"

COVER_FIELDS = {
    "klynger": "Klynge(r)",
    "periode": "Periode (kvartal for udskrivning)",
    "planer": "Antal auditerede planer",
    "dato": "Dato",
    "version": "Version",
    "indhold": "Katalogets indhold",
    "koersler": "Auditkørsler",
    "model": "Klassifikatorens model",
}
NOT_STATED = "ikke oplyst"
ALL_CLUSTERS = "alle klynger i registret"
WHOLE_PERIOD = "hele perioden"

SEVERITY_TITLES = {"formel": "Formelt krav", "kvalitet": "Kvalitet"}
DECIDED_BY = {"forum": "Forummet", "vaerktoej": "Værktøjets forslag", "katalog": "Kataloget"}
SIDE_TITLES = {"hospital": "Hospital", "kommune": "Kommune", "begge": "Begge sektorer"}
FIELD_TITLES = {"genoptraeningsbehov": "Genoptræningsbehov", "maal": "Mål"}

# Column titles of the tables (keys are the frames' column names).
COLUMNS: dict[str, str] = {
    "klynge": "Klynge",
    "criterion_id": "Kriterium",
    "titel": "Titel",
    "alvor": "Type",
    "kilde": "Kilde",
    "opfyldt": "Opfyldt",
    "ikke_opfyldt": "Ikke opfyldt",
    "ikke_relevant": "Ikke relevant",
    "kan_ikke_vurderes": "Kan ikke vurderes",
    "tjekfejl": "Tjekfejl",
    "vurderet": "Vurderet",
    "andel_opfyldt": "Andel opfyldt",
    "forum_afgjort": "Afgjort af forummet",
    "plan_id": "Plan-ID",
    "formelle_mangler": "Formelle krav ikke opfyldt",
    "kvalitetsmangler": "Kvalitet ikke opfyldt",
    "mangler": "Ikke opfyldte kriterier",
    "snitflade": "Snitflade (forummets afgørelse, ellers værktøjets forslag)",
    "field": "Felt",
    "statement_no": "Udsagn nr.",
    "statement": "Udsagn",
    "tool_label": "Forslag (værktøj)",
    "suggestion": "Forslag (værktøj)",
    "probability": "Sandsynlighed",
    "forum_label": "Afgjort (forum)",
    "final_label": "Endelig sektor",
    "decided_by": "Afgjort af",
    "decision_reason": "Forummets begrundelse",
    "kilde_udsagn": "Kilde",
    "zone": "Gråzone",
    "label": "Sektor",
    "antal": "Antal udsagn",
    "andel": "Andel",
    "kvartal": "Kvartal",
    "planer": "Planer",
    "id": "Id",
    "side": "Side",
    "beskrivelse": "Beskrivelse",
    "forslag": "Forslag",
    "kriterier": "Kriterier",
    "graazoner": "Gråzoner",
    "peget_kriterier": "Kriterier ikke opfyldt i auditten",
    "peget_graazoner": "Gråzoneudsagn i auditten",
    "signaler": "Signaler i auditten",
    "maalgruppe": "Målgruppe",
    "tekst": "Anbefaling",
    "kriterier_status": "Kriteriernes opfyldelse",
    "foer": "Før",
    "efter": "Efter",
    "aendring": "Ændring (procentpoint)",
    "foer_opfyldt": "Opfyldt før",
    "foer_vurderet": "Vurderet før",
    "efter_opfyldt": "Opfyldt efter",
    "efter_vurderet": "Vurderet efter",
}

# --no-plan-rows: what stands where the plan-level rows would be.
NO_PLAN_ROWS = ("Udeladt i denne udgave, der deles uden for klyngen: planernes udsagn og "
                "plan-ID'er står kun i klyngens egen udgave.")
