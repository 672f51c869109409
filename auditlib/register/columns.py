"""The plan register's columns, declared once (spec/data-contract.md).

The loader, the validation schema, the registration template and the
privacy scan all read this table, so a column is described in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

AGE_BANDS = ("0-17", "18-29", "30-39", "40-49", "50-59", "60-69", "70+")
YES_NO = ("ja", "nej")
LEVELS = ("almen", "specialiseret", "rehabilitering_specialiseret")
CONTACT_TYPES = ("indlaeggelse", "ambulant")
SEXES = ("k", "m", "ukendt")
# The 7-parameter model's grades (DOMAIN.md §4): 5 = most impaired, 1 = least.
GRADES = ("1", "2", "3", "4", "5")

LEVEL_TITLES = {
    "almen": "Almen genoptræning",
    "specialiseret": "Genoptræning på specialiseret niveau",
    "rehabilitering_specialiseret": "Rehabilitering på specialiseret niveau",
}


@dataclass(frozen=True)
class Column:
    """One column of the register.

    kind: ``id``, ``text`` (short structured text), ``category``, ``date``,
    ``diagnosis`` or ``freetext`` (the plan's prose, scanned and classified).
    """

    name: str
    kind: str
    title: str
    help: str
    required: bool = False
    allowed: tuple[str, ...] = ()
    anchor: str = ""
    synonyms: dict[str, str] = field(default_factory=dict)


COLUMNS: tuple[Column, ...] = (
    Column("plan_id", "id", "Plan-ID",
           "Forummets egen pseudonyme nøgle, f.eks. MK-2025-07. Kun A-Z, tal, '-' og '_'. "
           "Aldrig CPR-nummer eller navn.", required=True),
    Column("klynge", "text", "Klynge", "Klyngen, der auditerer planen, f.eks. Midtklyngen.",
           required=True),
    Column("kommune", "text", "Kommune", "Den modtagende kommune (bopælskommune)."),
    Column("afdeling", "text", "Afdeling", "Den afdeling/det ambulatorium, der skrev planen."),
    Column("aldersgruppe", "category", "Aldersgruppe",
           "Aldersinterval. Aldrig præcis alder eller fødselsdato.", allowed=AGE_BANDS),
    Column("koen", "category", "Køn", "k = kvinde, m = mand, ukendt.", allowed=SEXES,
           synonyms={"kvinde": "k", "mand": "m", "kvindelig": "k", "mandlig": "m",
                     "f": "k", "ukendt_koen": "ukendt", "": ""}),
    Column("diagnose", "diagnosis", "Diagnose(r)",
           "ICD-10-koder fra kapitel F, adskilt med ';', med eller uden D, f.eks. DF32.1; DF41.1.",
           anchor="BEK 918 (planens indhold)"),
    Column("kontakttype", "category", "Kontakttype", "indlaeggelse eller ambulant.",
           allowed=CONTACT_TYPES,
           synonyms={"indlagt": "indlaeggelse", "indlaeggelse": "indlaeggelse",
                     "stationaer": "indlaeggelse", "ambulant_behandling": "ambulant",
                     "ambulant_forloeb": "ambulant"}),
    Column("kontakt_start", "date", "Kontakt start", "Start på hospitalskontakten (dato)."),
    Column("udskrevet", "date", "Udskrevet",
           "Udskrivning eller afslutning af det ambulante forløb (dato).", required=True),
    Column("plan_dato", "date", "Plan dato", "Datoen, planen blev skrevet."),
    Column("plan_sendt", "date", "Plan sendt", "Datoen, planen blev sendt til kommunen.",
           anchor="BEK 918 §4"),
    Column("niveau", "category", "Niveau",
           "almen, specialiseret eller rehabilitering_specialiseret. Tom = ikke angivet.",
           required=True, allowed=LEVELS, anchor="BEK 918 §2 stk. 1",
           synonyms={"almen_genoptraening": "almen", "almindelig": "almen",
                     "genoptraening_paa_specialiseret_niveau": "specialiseret",
                     "specialiseret_genoptraening": "specialiseret",
                     "specialiseret_niveau": "specialiseret",
                     "rehabilitering_paa_specialiseret_niveau": "rehabilitering_specialiseret",
                     "specialiseret_rehabilitering": "rehabilitering_specialiseret"}),
    Column("opstart_senest", "date", "Opstart senest",
           "Seneste opstart – kun når opstart af sundhedsfaglige grunde skal ske senere end normalt.",
           anchor="BEK 918 §3"),
    Column("opstart_begrundelse", "text", "Begrundelse for senere opstart",
           "Hvorfor opstarten skal ske senere.", anchor="BEK 918 §3"),
    Column("laegefagligt_begrundet", "category", "Lægefagligt begrundet",
           "ja/nej: behovet er angivet som lægefagligt begrundet.", allowed=YES_NO,
           anchor="SUL §84 / BEK 918 §1"),
    Column("patient_inddraget", "category", "Patient inddraget",
           "ja/nej: planen er lavet sammen med patienten.", allowed=YES_NO, anchor="BEK 918 §1"),
    Column("udleveret_patient", "category", "Udleveret til patient",
           "ja/nej: udleveret til patienten senest ved udskrivning.", allowed=YES_NO,
           anchor="BEK 918 §4"),
    Column("kontakt_angivet", "category", "Kontaktoplysninger angivet",
           "ja/nej: kontaktoplysninger for region og kommune står på planen.", allowed=YES_NO,
           anchor="BEK 918 §2 stk. 4"),
    Column("samtykke_egen_laege", "category", "Samtykke til kopi til egen læge",
           "ja/nej: patientens svar på, om egen læge må få en kopi. Tom = ikke spurgt.",
           allowed=YES_NO, anchor="BEK 918 §4"),
    Column("helhedsvurdering", "freetext", "Helhedsvurdering",
           "Borgerens samlede funktionsevne og samlede behov for rehabilitering. Skal "
           "udfyldes ved rehabilitering på specialiseret niveau (kriterium K06). Det er ikke "
           "den overordnede helhedsvurdering, der afgør, om der skal laves en plan.",
           anchor="BEK 918 §2 stk. 3"),
    Column("funktionsevne", "freetext", "Funktionsevne",
           "Funktionsevne ved udskrivning – gerne sammenlignet med tidligere funktionsniveau."),
    Column("genoptraeningsbehov", "freetext", "Genoptræningsbehov",
           "Hvilke funktionsnedsættelser træningen skal rette sig mod. Ét punkt pr. linje."),
    Column("maal", "freetext", "Mål", "Konkrete, målbare mål for træningen. Ét mål pr. linje."),
    Column("ressourcer", "freetext", "Ressourcer", "Patientens ressourcer og potentiale."),
    Column("hensyn", "freetext", "Hensyn", "Sikkerhed og praktiske hensyn (risiko, medicin, transport …)."),
    Column("oevrige_indsatser", "freetext", "Øvrige indsatser",
           "Andre indsatser sideløbende (behandling, socialt, beskæftigelse, civilsamfund)."),
    Column("bemaerkninger", "freetext", "Bemærkninger", "Andet."),
    # Optional: the hospital's grades in the 7-parameter model (data-contract.md); Q06 uses
    # them when present. Parameters are keyed by number, as the model's names vary.
    *(Column(name, "category", title, f"Valgfri. Gradering 1-5 i 7-parametermodellen "
             f"(5 = mest påvirket): {help}", allowed=GRADES, anchor="7-parametermodellen")
      for name, title, help in (
          ("p1_selvmordsrisiko", "P1 Selvmordsrisiko", "selvmordsrisiko."),
          ("p2_indsigt", "P2 Psykologisk indsigt", "psykologisk indsigt."),
          ("p3_motivation", "P3 Motivation", "motivation for at arbejde med sig selv."),
          ("p4_symptommestring", "P4 Symptommestring", "symptommestring."),
          ("p5_tidligere_forloeb", "P5 Tidligere forløb", "tidligere behandlingsforløb."),
          ("p6_affektregulering", "P6 Affektregulering",
           "affektregulering og hverdagens opgaver."),
          ("p7_aarsag", "P7 Årsag til funktionsnedsættelsen",
           "årsag til funktionsnedsættelsen (psykisk/somatisk)."))),
)

COLUMN_BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
DATE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "date")
CATEGORY_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "category")
GRADE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.allowed == GRADES)
FREE_TEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "freetext")
# Text the privacy guard scans: every text-like column, structured or free.
SCANNED_KINDS = ("text", "freetext")
# Fields whose statements decide grey zones (labels.md).
GREYZONE_FIELDS: tuple[str, ...] = ("genoptraeningsbehov", "maal")
