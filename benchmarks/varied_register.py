"""A register whose free text varies as real plans do, for the benchmarks.

Plans are composed sentence by sentence from templates with slots (activity, frequency,
timeframe, impairment, resource, actor, ...) and from paraphrases of the same thought, in
the styles plans are written in: full sentences, telegraphic bullets, "Behov for ...",
abbreviations, with and without æøå. Each field gets one to six sentences, so the number
of distinct statements grows with the register instead of repeating a few demo texts
(the per-text caches then cannot do the work for the audit).

``varied_register(n, seed)`` returns a DataFrame in the data contract's columns (text),
reproducible from ``seed``. The structured columns are drawn so that every criterion has
plans that pass and plans that fail.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pandas as pd

from auditlib.register.columns import COLUMN_NAMES

ACTIVITIES = [
    "indkøb", "madlavning", "rengøring", "tøjvask", "at tage bussen", "at gå ture",
    "at passe sin økonomi", "at åbne post", "at holde aftaler", "morgenrutiner",
    "aftenrutiner", "at lave mad til sig selv", "at komme ud af lejligheden",
    "at handle i supermarkedet", "at cykle", "at svømme", "at træne i motionscenter",
    "at besøge familien", "at deltage i fællesspisning", "at ringe til kommunen",
    "at passe sin medicin", "at strukturere dagen", "at gå til frisør", "at tage toget",
    "at holde orden i køkkenet", "at handle ind uden ledsager", "at lave en madplan",
    "at gå på biblioteket", "at møde op til aftaler", "at vaske op",
]
FREQUENCIES = [
    "to gange om ugen", "tre gange om ugen", "dagligt", "hver formiddag", "én gang om ugen",
    "fire dage om ugen", "hver anden dag", "to gange dagligt", "tre dage om ugen",
    "hver mandag og torsdag", "i 20 minutter ad gangen", "i 30 minutter hver dag",
]
TIMEFRAMES = [
    "inden for 8 uger", "inden for 6 uger", "inden for 3 måneder", "i løbet af 10 uger",
    "efter 4 uger", "inden udgangen af forløbet", "inden for 12 uger", "efter 6-8 uger",
    "inden for en måned", "i løbet af 2 måneder",
]
IMPAIRMENTS = [
    "nedsat koncentration", "nedsat hukommelse", "træthed", "manglende overskud",
    "social angst", "undgåelsesadfærd", "nedsat initiativ", "søvnproblemer",
    "svært ved at planlægge", "svært ved at overskue hverdagen", "uro i kroppen",
    "nedsat kondition", "svært ved at færdes blandt mennesker", "tankemylder",
    "nedsat tempo", "svært ved at bevare overblikket", "nedsat udholdenhed",
    "angst i butikker", "vanskeligt ved at strukturere dagen", "svingende stemningsleje",
]
STRATEGIES = [
    "ugeskema", "aktivitetsdagbog", "påmindelser på telefonen", "gradvis eksponering",
    "vejrtrækningsøvelser", "energiforvaltning", "pauser undervejs", "tjeklister",
    "faste rutiner", "kalender på køleskabet", "små delmål", "mindfulness-øvelser",
    "struktureret problemløsning", "aftalekort", "alarm på mobilen",
]
ACTORS = [
    "kommunens træningsenhed", "ergoterapeut", "fysioterapeut", "kontaktperson",
    "bostøttemedarbejder", "jobcenteret", "sagsbehandler", "egen læge",
    "psykiatrisk ambulatorium", "distriktspsykiatrien", "mentor", "frivillig besøgsven",
]
RESOURCES = [
    "god sygdomsindsigt", "motiveret for træning", "støttende familie", "god humor",
    "tidligere erfaring med træning", "har en hund, der skal luftes", "gode venner",
    "ønsker at komme tilbage i arbejde", "interesseret i natur", "kan lide at lave mad",
    "har tidligere klaret sig selv", "god kontakt til søster", "interesse for musik",
]
OTHER_EFFORTS = [
    "Fortsætter samtaler i {actor}.", "Har § 85-støtte to timer om ugen.",
    "Sygedagpengeopfølgning ved jobcenteret.", "Tilknyttet {actor} med kontrol hver {n}. uge.",
    "Medicinsk behandling fortsætter uændret.", "Henvist til {actor}.",
    "Deltager i samtalegruppe hos {actor}.", "Har koordinerende kontaktperson.",
    "Jobplan under udarbejdelse.", "Mentor fra jobcenteret {freq}.",
]
PLAN_TEMPLATES = {
    "helhedsvurdering": [
        "Borgeren har efter indlæggelsen {impairment} og {impairment2}, men er {resource}.",
        "Samlet vurderes behov for genoptræning pga. {impairment} med betydning for {activity}.",
        "Vurderes at have gavn af et tidsafgrænset forløb med fokus på {activity}.",
        "Funktionsniveauet er nedsat efter forløbet; {impairment} fylder mest.",
        "Pt. har {impairment} og ønsker selv at arbejde med {activity}.",
    ],
    "funktionsevne": [
        "Før indlæggelsen klarede borgeren selv {activity}; nu kun med hjælp.",
        "Kan aktuelt ikke {activity_inf} pga. {impairment}.",
        "Orker én aktivitet om dagen og har {impairment}.",
        "Tidligere selvhjulpen, nu {impairment} og {impairment2}.",
        "Klarer {activity} med støtte, men ikke alene.",
        "Nedsat funktion ift. {activity} sammenlignet med tidligere.",
    ],
    "genoptraeningsbehov": [
        "Træning i {activity} {freq} med brug af {strategy}.",
        "- Træning i {activity}\n- Brug af {strategy}",
        "Behov for træning af {activity} pga. {impairment}.",
        "Hjælp til at finde redskaber mod {impairment}, fx {strategy}.",
        "Gradvis træning i {activity} med {actor}.",
        "Struktur i hverdagen: {strategy} og træning i {activity}.",
        "Træne {activity} sammen med {actor} {freq}.",
        "Genoptræning rettet mod {impairment} med fokus på {activity}.",
    ],
    "maal": [
        "Kan selv klare {activity} {freq} {timeframe}.",
        "Borgeren mestrer {activity} uden ledsager {timeframe}.",
        "- {activity_cap} {freq} {timeframe}",
        "Bruger {strategy} {freq} {timeframe}.",
        "Deltager i {activity} {freq} {timeframe}.",
        "At få det bedre.",
        "Øget livskvalitet og mere overskud.",
    ],
    "ressourcer": ["{resource_cap}.", "{resource_cap} og {resource}.", "Er {resource}."],
    "hensyn": [
        "Bliver hurtigt træt; aftaler om formiddagen.", "Tåler ikke støj og mange mennesker.",
        "Brug korte beskeder og skriftlige aftaler.", "Kan ikke tage offentlig transport alene.",
        "Sædvanlig medicin, ingen særlige hensyn.", "Behov for ro før træning.",
    ],
    "bemaerkninger": ["", "", "Se også udskrivningsbrev.", "Opfølgning aftalt med {actor}."],
}
STYLES = ("sentence", "bullet", "lower", "ascii")
UNITS = [
    ("Psykiatrisk Afdeling, ambulatorium", "ambulant"),
    ("Psykiatrisk Afdeling, sengeafsnit", "indlaeggelse"),
    ("Afdeling for Depression og Angst, ambulatorium", "ambulant"),
    ("Afdeling for Psykoser, sengeafsnit", "indlaeggelse"),
    ("Distriktspsykiatrien", "ambulant"),
]
CLUSTERS = {
    "Midtklyngen": ["Viborg", "Silkeborg", "Skive"],
    "Østklyngen": ["Aarhus", "Favrskov", "Odder"],
    "Vestklyngen": ["Herning", "Holstebro", "Ringkøbing-Skjern"],
    "Nordklyngen": ["Randers", "Norddjurs", "Syddjurs"],
}


def _fill(template: str, rng: random.Random) -> str:
    activity = rng.choice(ACTIVITIES)
    values = {
        "activity": activity, "activity_inf": activity.removeprefix("at "),
        "activity_cap": activity[:1].upper() + activity[1:], "freq": rng.choice(FREQUENCIES),
        "timeframe": rng.choice(TIMEFRAMES), "impairment": rng.choice(IMPAIRMENTS),
        "impairment2": rng.choice(IMPAIRMENTS), "strategy": rng.choice(STRATEGIES),
        "actor": rng.choice(ACTORS), "resource": rng.choice(RESOURCES),
        "resource_cap": rng.choice(RESOURCES).capitalize(), "n": rng.choice((4, 6, 8)),
    }
    return template.format(**values)


def _styled(sentence: str, style: str) -> str:
    if style == "bullet" and not sentence.startswith("-"):
        return "- " + sentence.rstrip(".")
    if style == "lower":
        return sentence[:1].lower() + sentence[1:]
    if style == "ascii":
        return sentence.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return sentence


def _field(name: str, rng: random.Random) -> str:
    if name == "oevrige_indsatser":
        templates = OTHER_EFFORTS
    else:
        templates = PLAN_TEMPLATES[name]
    count = 1 if name in ("hensyn", "bemaerkninger", "ressourcer") else rng.randint(1, 6)
    style = rng.choice(STYLES)
    sentences = [_styled(_fill(rng.choice(templates), rng), style) for _ in range(count)]
    joiner = "\n" if style == "bullet" else " "
    return joiner.join(s for s in sentences if s)


def varied_register(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` plans with varied free text (all columns as text, ISO dates)."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        cluster = rng.choice(list(CLUSTERS))
        unit, contact = rng.choice(UNITS)
        discharged = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        start = discharged - timedelta(days=rng.randint(5, 90))
        sent = discharged + timedelta(days=rng.choice((0, 0, 0, 1, 2, 6)))
        row = {column: "" for column in COLUMN_NAMES}
        row.update({
            "plan_id": f"V-{i:07d}", "klynge": cluster, "kommune": rng.choice(CLUSTERS[cluster]),
            "afdeling": unit, "kontakttype": contact,
            "aldersgruppe": rng.choice(["18-29", "30-39", "40-49", "50-59", "60-69"]),
            "koen": rng.choice("km"), "diagnose": rng.choice(
                ["DF32.1", "DF33.1", "DF41.1", "DF20.0", "DF31.3", "DF60.3", "DF43.1"]),
            "kontakt_start": start.isoformat(), "udskrevet": discharged.isoformat(),
            "plan_dato": discharged.isoformat(), "plan_sendt": sent.isoformat(),
            "niveau": rng.choice(["almen"] * 6 + ["specialiseret", "rehabilitering_specialiseret"]),
        })
        for column in ("laegefagligt_begrundet", "patient_inddraget", "udleveret_patient",
                       "kontakt_angivet", "samtykke_egen_laege"):
            row[column] = rng.choice(["ja"] * 8 + ["nej", ""])
        for column in (*PLAN_TEMPLATES, "oevrige_indsatser"):
            row[column] = _field(column, rng)
        rows.append(row)
    return pd.DataFrame(rows, columns=list(COLUMN_NAMES))


def distinct_statements(statements: pd.DataFrame) -> int:
    return int(statements["statement"].nunique())


__all__ = ["distinct_statements", "varied_register"]
