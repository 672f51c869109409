"""The missed-plans register's columns and vocabularies, declared once (docs/missed-register.md).

A missed-plans register holds a sample of discharges *without* a rehabilitation plan:
per discharge whether a functional loss is described, whether the need for a plan was
assessed and by whom, and why no plan was made. The loader, the template, the criteria
and the catalogue part all read these tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditlib.register.columns import AGE_BANDS, YES_NO, Column

ID_COLUMN = "udskrivning_id"

CONTACT_TYPES = ("indlaeggelse", "ambulant", "akut")
CONTACT_SYNONYMS = {
    "indlagt": "indlaeggelse", "stationaer": "indlaeggelse", "sengeafsnit": "indlaeggelse",
    "sengeafdeling": "indlaeggelse", "ambulant_behandling": "ambulant",
    "ambulant_forloeb": "ambulant", "ambulatorium": "ambulant", "akut_modtagelse": "akut",
    "akutmodtagelse": "akut", "akut_modtageafsnit": "akut", "pam": "akut",
    "psykiatrisk_akutmodtagelse": "akut", "akut_kontakt": "akut",
}


@dataclass(frozen=True)
class Assessor:
    """Who can assess the need for a plan (SUL §84: the responsible doctor judges it)."""

    key: str
    title: str
    synonyms: tuple[str, ...] = ()


ASSESSORS: tuple[Assessor, ...] = (
    Assessor("laege", "Læge", ("overlaege", "reservelaege", "afdelingslaege", "psykiater",
                               "ansvarlig_laege", "behandlende_laege", "doktor")),
    Assessor("ergoterapeut", "Ergoterapeut", ("ergo", "ergoterapi")),
    Assessor("fysioterapeut", "Fysioterapeut", ("fys", "fysio", "fysioterapi")),
    Assessor("sygeplejerske", "Sygeplejerske", ("spl", "sygeplejen", "kontaktsygeplejerske")),
    Assessor("andet_personale", "Andet sundhedspersonale",
             ("andet", "andre", "sosu", "psykolog", "socialraadgiver", "terapeut")),
)
ASSESSOR_KEYS: tuple[str, ...] = tuple(a.key for a in ASSESSORS)
ASSESSOR_TITLES: dict[str, str] = {a.key: a.title for a in ASSESSORS}
ASSESSOR_SYNONYMS: dict[str, str] = {s: a.key for a in ASSESSORS for s in (a.key, *a.synonyms)}


@dataclass(frozen=True)
class Reason:
    """A reason recorded for not making a plan, and whether it is a lawful one.

    ``legitimate``: True, False or None (the forum must read the free text).
    ``needs_assessment``: the reason is an outcome of the gate assessment (DOMAIN.md §3.1),
    so it only holds when the need was in fact assessed.
    """

    key: str
    title: str
    legitimate: bool | None
    why: str
    synonyms: tuple[str, ...] = ()
    needs_assessment: bool = False


REASONS: tuple[Reason, ...] = (
    Reason("afslaaet_af_patient", "Patienten takkede nej", True,
           "Planen laves sammen med patienten, som skal samtykke (BEK 918 §1 stk. 2; "
           "notatet afsnit 8.1).",
           ("afslaaet", "patienten_afslog", "patienten_takkede_nej", "takkede_nej",
            "oensker_ikke", "patienten_oensker_ikke", "fravalgt_af_patient", "afvist_af_patient")),
    Reason("intet_funktionstab", "Intet funktionstab", True,
           "Retten bygger på et funktionstab relateret til den aktuelle kontakt (notatet "
           "afsnit 7.1); uden funktionstab er der ikke et behov.",
           ("ingen_funktionstab", "intet_funktionstab_relateret_til_kontakten",
            "ingen_funktionsnedsaettelse", "ikke_funktionstab")),
    Reason("klarer_sig_selv", "Kan klare sig lige så godt selv", True,
           "Helhedsvurderingens spørgsmål 2: kan patienten klare sig lige så godt selv, "
           "laves der ingen plan (DOMAIN.md §3.1).",
           ("kan_klare_sig_selv", "klarer_sig_selv_lige_saa_godt", "selvhjulpen"),
           needs_assessment=True),
    Reason("mangler_potentiale", "Mangler motivation eller potentiale", True,
           "Helhedsvurderingens spørgsmål 1: motivation og potentiale, som træning kan "
           "indfri (DOMAIN.md §3.1).",
           ("ikke_motiveret", "manglende_motivation", "intet_potentiale", "ikke_potentiale",
            "manglende_potentiale"),
           needs_assessment=True),
    Reason("anden_kommunal_indsats", "Anden kommunal indsats passer bedre", True,
           "Helhedsvurderingens spørgsmål 3: diffuse behov, som en anden kommunal indsats "
           "dækker bedre (DOMAIN.md §3.1).",
           ("anden_indsats", "anden_kommunal_indsats_passer_bedre", "diffuse_behov",
            "socialpsykiatri", "paragraf_85", "sel_85", "85_stoette"),
           needs_assessment=True),
    Reason("diagnosegruppe", "Diagnosen giver ikke plan", False,
           "Retten til en plan gælder uanset diagnose og alder; behovet tager udgangspunkt i "
           "funktionstab, ikke diagnose (notatet afsnit 7.1).",
           ("diagnose", "forkert_diagnose", "diagnosen", "diagnosen_giver_ikke_plan",
            "ikke_relevant_for_diagnosen", "angst_depression")),
    Reason("kommunen_soerger", "Kommunen sørger for det", False,
           "Kommunen kan kun tilbyde genoptræning efter SUL §140 på grundlag af en plan; "
           "vurderingen af behovet ligger hos psykiatrien (SUL §84, notatet afsnit 1).",
           ("kommunen", "kommunen_soerger_for_det", "overladt_til_kommunen",
            "kommunen_tager_over")),
    Reason("pakkeforloeb", "Afsluttet pakkeforløb", False,
           "Notatet anbefaler at skrive 'vurdering af behov for genoptræning' ind i "
           "pakkeforløbene (afsnit 8.1); et pakkeforløb fritager ikke for vurderingen.",
           ("pakkeforloeb_afsluttet", "afsluttet_pakkeforloeb")),
    Reason("ikke_kendt", "Ikke kendt / ikke overvejet", False,
           "Den manglende vurdering er notatets hovedfund: alle patienter skal have vurderet "
           "deres behov for en plan (afsnit 3 og 8.1).",
           ("ukendt", "ved_ikke", "ikke_vurderet", "ikke_overvejet", "glemt", "ikke_angivet")),
    Reason("andet", "Andet (se fritekst)", None,
           "Forummet vurderer begrundelsen i aarsag_tekst.",
           ("anden", "anden_aarsag", "oevrigt")),
)
REASON_BY_KEY: dict[str, Reason] = {r.key: r for r in REASONS}
REASON_KEYS: tuple[str, ...] = tuple(r.key for r in REASONS)
REASON_SYNONYMS: dict[str, str] = {s: r.key for r in REASONS for s in r.synonyms}

COLUMNS: tuple[Column, ...] = (
    Column(ID_COLUMN, "id", "Udskrivnings-ID",
           "Forummets egen pseudonyme nøgle for udskrivningen, f.eks. MU-2025-07. Kun A-Z, "
           "tal, '-' og '_'. Aldrig CPR-nummer, navn eller journalnummer.", required=True),
    Column("klynge", "text", "Klynge", "Klyngen, der auditerer udskrivningen, f.eks. Midtklyngen.",
           required=True),
    Column("afdeling", "text", "Afdeling", "Den afdeling/det ambulatorium, der udskrev."),
    Column("kommune", "text", "Kommune", "Patientens bopælskommune."),
    Column("udskrevet", "date", "Udskrevet",
           "Udskrivning eller afslutning af det ambulante forløb (dato). Udfyld denne eller "
           "kvartal."),
    Column("kvartal", "quarter", "Kvartal",
           "Kvartalet for udskrivningen, f.eks. 2025-K1, når datoen ikke må stå i registret."),
    Column("kontakttype", "category", "Kontakttype",
           "indlaeggelse, ambulant eller akut (akut modtagelse).", allowed=CONTACT_TYPES,
           synonyms=CONTACT_SYNONYMS),
    Column("diagnose", "diagnosis", "Diagnose(r)",
           "ICD-10-koder fra kapitel F, adskilt med ';', med eller uden D, f.eks. DF32.1."),
    Column("aldersgruppe", "category", "Aldersgruppe",
           "Aldersinterval. Aldrig præcis alder eller fødselsdato.", allowed=AGE_BANDS),
    Column("funktionstab_beskrevet", "category", "Funktionstab beskrevet",
           "ja/nej: journalen beskriver et funktionstab (kropsligt, kognitivt, emotionelt, "
           "socialt, bevægelse eller aktivitet) relateret til kontakten.", allowed=YES_NO,
           anchor="Notatet afsnit 7.1"),
    Column("behov_vurderet", "category", "Behov vurderet",
           "ja/nej: det er dokumenteret, at behovet for en genoptræningsplan blev vurderet.",
           allowed=YES_NO, anchor="SUL §84; notatet afsnit 8.1"),
    Column("vurderet_af", "assessors", "Vurderet af",
           "Hvem vurderede behovet: " + ", ".join(ASSESSOR_KEYS) + ". Flere adskilles med ';'.",
           allowed=ASSESSOR_KEYS, anchor="SUL §84"),
    Column("aarsag_ingen_plan", "category", "Årsag til ingen plan",
           "Hvorfor der ikke blev lavet en plan: " + ", ".join(REASON_KEYS) + ".",
           allowed=REASON_KEYS, synonyms=REASON_SYNONYMS, anchor="Notatet afsnit 7.1 og 8.1"),
    Column("aarsag_tekst", "freetext", "Årsag (fritekst)",
           "Begrundelsen med journalens egne ord (anonymiseret). Skal udfyldes ved 'andet'."),
    Column("bemaerkninger", "freetext", "Bemærkninger", "Andet."),
)

COLUMN_BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
DATE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "date")
FREE_TEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "freetext")
# The plan register's key: a plan register given here is named as such.
PLAN_REGISTER_MARKERS = ("plan_id", "niveau", "genoptraeningsbehov")
