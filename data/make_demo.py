"""Writes the demo registers in ``data/anonymized/``: invented plans, no real person.

    python data/make_demo.py

- ``midtklyngen-demo.xlsx``: 25 plans of one cluster, written by hand below (``MIDT``) so
  that every criterion of criteria.md has plans that pass and plans that fail, and about
  a third of the plans put social, employment, treatment or civil-society efforts in the
  rehabilitation need (grey zones).
- ``region-demo.csv``: 100 plans, four clusters over the four quarters of 2025, built by
  recombining the text fragments below with a fixed random seed (``;``-separated, as
  exports from the regions' systems usually are).
- ``markdown-demo/``: the first three Midtklyngen plans as Markdown files with YAML front
  matter (the third form of the data contract).

Every text was written for this project. There are no names, addresses, CPR numbers or
exact ages: the privacy scan of each register finds nothing (a test checks it). Running
the script again gives byte-identical CSV and Markdown files.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent / "anonymized"

COLUMNS = [
    "plan_id", "klynge", "kommune", "afdeling", "aldersgruppe", "koen", "diagnose",
    "kontakttype", "kontakt_start", "udskrevet", "plan_dato", "plan_sendt", "niveau",
    "opstart_senest", "opstart_begrundelse", "laegefagligt_begrundet", "patient_inddraget",
    "udleveret_patient", "kontakt_angivet", "samtykke_egen_laege", "helhedsvurdering",
    "funktionsevne", "genoptraeningsbehov", "maal", "ressourcer", "hensyn",
    "oevrige_indsatser", "bemaerkninger",
]
FREE_TEXT = COLUMNS[20:]

# --- Text fragments ---------------------------------------------------------------------

FUNKTIONSEVNE_GOOD = [
    "Før indlæggelsen arbejdede borgeren fuld tid som pædagogmedhjælper og klarede selv "
    "husholdningen. Ved udskrivelsen orker borgeren kun én planlagt aktivitet om dagen, "
    "sover uregelmæssigt og mister overblikket ved indkøb.",
    "Tidligere velfungerende studerende med fast døgnrytme. Nu præget af nedsat "
    "koncentration, kan læse i ca. 10 minutter ad gangen og har svært ved at tage "
    "initiativ til måltider og personlig hygiejne.",
    "Vanligvis selvhjulpen i eget hjem og aktiv i en løbeklub. Efter forløbet nedsat "
    "kondition og energi, går kun korte ture, og har trukket sig fra socialt samvær.",
    "Habituelt har borgeren klaret indkøb, tøjvask og bus til arbejde. Aktuelt kan borgeren "
    "ikke tage bussen alene pga. angst og har brug for påmindelser om medicin og måltider.",
    "Inden indlæggelsen boede borgeren i egen bolig uden støtte og passede sit arbejde. "
    "Ved udskrivelsen er funktionsniveauet markant lavere: mangler struktur på dagen, "
    "spiser uregelmæssigt og isolerer sig.",
    "Sammenlignet med før sygdommen er hukommelse og koncentration tydeligt nedsat; "
    "borgeren glemmer aftaler og kan ikke følge en samtale i længere tid.",
]
FUNKTIONSEVNE_PLAIN = [
    "Borgeren er udtrættelig, har svært ved at strukturere dagen og har brug for "
    "hjælp til at komme i gang med daglige gøremål.",
    "Nedsat energi og initiativ. Klarer personlig hygiejne med påmindelser. Går ikke "
    "ud alene.",
    "Har svært ved at overskue indkøb og madlavning og er meget anspændt i sociale "
    "situationer.",
]
FUNKTIONSEVNE_POOR = ["se journal", "-", ""]

HELHED_GOOD = [
    "Samlet vurderes borgeren at have et komplekst behov: nedsat funktion i både det "
    "mentale, sociale og praktiske, samtidig behandling i regionspsykiatrien og behov for "
    "tæt koordinering mellem sektorerne. Borgeren er motiveret og har selv formuleret mål.",
    "Helhedsvurdering: langvarigt forløb med psykose, tidligere velfungerende i job, nu "
    "betydelige kognitive vanskeligheder. Genoptræningen skal foregå i et tværfagligt "
    "team med erfaring i psykiatri og tæt kontakt til distriktspsykiatrien.",
    "Motiveret for træning og har selv formuleret mål. Klarer sig ikke uden støtte i "
    "opstarten, men forventes at kunne genvinde tidligere funktionsniveau.",
]

BEHOV_CORE = [
    "Træning i at planlægge og strukturere dagen med ugeskema.",
    "Strategier til at spare på energien ved husligt arbejde.",
    "Gradvis eksponering for indkøb i supermarkedet.",
    "Træning af koncentration og hukommelse med konkrete hjælpemidler som kalender og "
    "alarmer.",
    "Fysisk træning to gange om ugen for at genopbygge kondition og styrke.",
    "Træning i at genoptage faste rutiner omkring søvn og måltider.",
    "Træning i at tage bussen alene, først med følge og derefter selvstændigt.",
    "Afspændings- og kropsbevidsthedstræning mod indre uro og spænding.",
    "Træning af sociale færdigheder i små grupper, fx at tage kontakt og håndtere "
    "konflikter.",
    "Træning i at tage initiativ til personlig hygiejne og egenomsorg.",
    "Balancetræning efter langt sengeleje.",
    "Arbejde med strategier mod negative tanker i hverdagssituationer.",
]
BEHOV_GREY = [
    "Hjælp til at søge fleksjob via jobcentret.",
    "Bostøtte efter servicelovens § 85 til økonomi og post.",
    "Fortsat medicinsk behandling og kontrol i psykiatrisk ambulatorium.",
    "Deltagelse i et samværstilbud hos en frivillig forening.",
    "Henvisning til rygestopkursus i kommunen.",
    "Støtte til at komme tilbage på studiet med SPS-støtte.",
    "Samtaleterapi hos psykolog for traumer.",
    "Hjælp til boligsituationen og kontakt til boligforeningen.",
    "Deltagelse i en gå-gruppe i en lokal frivillig forening.",
    "Afklaring af arbejdsevne og sygedagpengeopfølgning.",
]
BEHOV_VAGUE = [
    "Har brug for hjælp fra kommunen efter udskrivelsen.",
    "Genoptræning efter behov, kommunen vurderer.",
]

MAAL_CONCRETE = [
    "Handler selv ind i det lokale supermarked to gange om ugen inden for 8 uger.",
    "Følger sit ugeskema fem dage om ugen.",
    "Tager bussen alene til og fra aktivitetscentret inden for 6 uger.",
    "Går en tur på 30 minutter tre gange om ugen.",
    "Laver selv aftensmad fire dage om ugen efter 2 måneder.",
    "Står op senest kl. 8 på hverdage og spiser morgenmad.",
    "Læser og forstår et brev fra kommunen uden hjælp inden for 10 uger.",
    "Deltager i en holdaktivitet en gang om ugen.",
]
MAAL_VAGUE = [
    "At få det bedre.",
    "Øget livskvalitet og mere overskud.",
    "Bedre trivsel i hverdagen.",
]
MAAL_GREY = [
    "Kommer i gang med et praktikforløb via jobcentret inden for 3 måneder.",
    "Har fået bostøtte bevilget.",
]

RESSOURCER = [
    "Velfungerende netværk og god indsigt i egen sygdom.",
    "Motiveret og humoristisk, har tidligere haft glæde af motion.",
    "God støtte fra familien; ønsker selv at komme videre.",
    "Stærk vilje og erfaring med at bruge kalender.",
    "",
]
HENSYN_GOOD = [
    "Bliver hurtigt udtrættet; aftaler bør ligge om formiddagen.",
    "Tager sovende medicin og kan være sløv om morgenen; undgå tidlige aftaler.",
    "Tidligere selvmordstanker, aktuelt afstandtagende. Ved forværring kontaktes "
    "psykiatrisk akutmodtagelse.",
    "Angst i store grupper; start gerne individuelt og med kendt kontaktperson.",
    "Har ikke kørekort; træning bør foregå tæt på hjemmet eller med transport.",
]
HENSYN_POOR = ["ingen", "", "-"]
OEVRIGE = [
    "Fortsætter samtaler i psykiatrisk ambulatorium hver 3. uge.",
    "Er tilknyttet distriktspsykiatrien og har kontakt til jobcentret.",
    "Modtager bostøtte efter servicelovens § 85.",
    "Sygemeldt; jobcentret er orienteret.",
    "",
]
BEMAERK = ["", "", "Planen er gennemgået med borgeren før udskrivelsen.", "xx"]

AFDELINGER = [
    "Psykiatrisk afdeling, sengeafsnit for affektive lidelser",
    "Psykiatrisk ambulatorium for angst og OCD",
    "Distriktspsykiatrien, team for psykoser",
    "Psykiatrisk afdeling, åbent sengeafsnit",
    "Ambulatorium for personlighedsforstyrrelser",
]
DIAGNOSES = [
    "DF32.1", "DF33.1; DF41.1", "DF41.0", "DF20.0", "DF31.3", "DF60.3", "DF32.2; DF41.1",
    "DF25.0", "DF43.1", "DF41.1", "DF33.2", "DF42.0",
]
CLUSTERS = {
    "Midtklyngen": ["Vejle", "Fredericia", "Kolding", "Middelfart", "Billund"],
    "Nordklyngen": ["Odense", "Nordfyn", "Kerteminde", "Nyborg"],
    "Sydklyngen": ["Aabenraa", "Sønderborg", "Tønder", "Haderslev"],
    "Vestklyngen": ["Esbjerg", "Varde", "Vejen", "Fanø"],
}
PREFIX = {"Midtklyngen": "MK", "Nordklyngen": "NK", "Sydklyngen": "SK", "Vestklyngen": "VK"}


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


# --- Midtklyngen: 25 plans written one by one -------------------------------------------

def _base(no: int, udskrevet: dt.date, **over) -> dict:
    """A good plan; ``over`` changes what makes this plan differ."""
    kommuner = CLUSTERS["Midtklyngen"]
    plan = {
        "plan_id": f"MK-2025-{no:02d}",
        "klynge": "Midtklyngen",
        "kommune": kommuner[no % len(kommuner)],
        "afdeling": AFDELINGER[no % len(AFDELINGER)],
        "aldersgruppe": ["18-29", "30-39", "40-49", "50-59", "60-69"][no % 5],
        "koen": ["k", "m"][no % 2],
        "diagnose": "DF32.1",
        "kontakttype": "indlaeggelse" if no % 3 else "ambulant",
        "kontakt_start": udskrevet - dt.timedelta(days=14 + 5 * (no % 9)),
        "udskrevet": udskrevet,
        "plan_dato": udskrevet,
        "plan_sendt": udskrevet + dt.timedelta(days=no % 2),
        "niveau": "almen",
        "opstart_senest": None,
        "opstart_begrundelse": "",
        "laegefagligt_begrundet": "ja",
        "patient_inddraget": "ja",
        "udleveret_patient": "ja",
        "kontakt_angivet": "ja",
        "samtykke_egen_laege": "ja",
        "helhedsvurdering": HELHED_GOOD[2],
        "funktionsevne": FUNKTIONSEVNE_GOOD[0],
        "genoptraeningsbehov": bullets(BEHOV_CORE[0:3]),
        "maal": bullets(MAAL_CONCRETE[0:2]),
        "ressourcer": RESSOURCER[0],
        "hensyn": HENSYN_GOOD[0],
        "oevrige_indsatser": OEVRIGE[0],
        "bemaerkninger": "",
    }
    plan.update(over)
    return plan


D = dt.date
MIDT = [
    # 01: the model plan: everything stated and timely.
    _base(1, D(2025, 1, 13)),
    # 02: depression + anxiety, good plan with an employment grey zone in the need.
    _base(2, D(2025, 1, 20), diagnose="DF33.1; DF41.1",
          genoptraeningsbehov=bullets([BEHOV_CORE[0], BEHOV_CORE[2], BEHOV_GREY[0]]),
          funktionsevne=FUNKTIONSEVNE_GOOD[3]),
    # 03: sent 6 days late, no GP consent recorded.
    _base(3, D(2025, 2, 3), plan_sendt=D(2025, 2, 9), samtykke_egen_laege="",
          funktionsevne=FUNKTIONSEVNE_GOOD[1], genoptraeningsbehov=bullets(BEHOV_CORE[3:5])),
    # 04: psychosis on almen level (Q06), goals vague.
    _base(4, D(2025, 2, 17), diagnose="DF20.0", maal="At få det bedre.",
          afdeling=AFDELINGER[2], funktionsevne=FUNKTIONSEVNE_GOOD[1],
          genoptraeningsbehov=bullets([BEHOV_CORE[3], BEHOV_CORE[5]])),
    # 05: "se journal": function and need not described, no sending date.
    _base(5, D(2025, 2, 24), funktionsevne="se journal", genoptraeningsbehov="-",
          maal="", hensyn="", plan_sendt=None, helhedsvurdering="se journal",
          ressourcer="", oevrige_indsatser=""),
    # 06: specialised rehabilitation with a holistic assessment; later start with reason.
    _base(6, D(2025, 3, 10), niveau="rehabilitering_specialiseret", diagnose="DF20.0",
          helhedsvurdering=HELHED_GOOD[1], afdeling=AFDELINGER[2],
          opstart_senest=D(2025, 4, 14),
          opstart_begrundelse="Borgeren skal først stabiliseres på ny medicin i fire uger.",
          genoptraeningsbehov=bullets([BEHOV_CORE[3], BEHOV_CORE[8], BEHOV_CORE[6]]),
          maal=bullets([MAAL_CONCRETE[2], MAAL_CONCRETE[6]]), hensyn=HENSYN_GOOD[2]),
    # 07: specialised rehabilitation WITHOUT a holistic assessment (K06 fails).
    _base(7, D(2025, 3, 17), niveau="rehabilitering_specialiseret", diagnose="DF25.0",
          helhedsvurdering="", genoptraeningsbehov=bullets(BEHOV_CORE[5:8]),
          maal=bullets(MAAL_CONCRETE[3:5])),
    # 08: level not stated; not made with the patient.
    _base(8, D(2025, 3, 24), niveau="", patient_inddraget="nej",
          funktionsevne=FUNKTIONSEVNE_PLAIN[0]),
    # 09: later start without a reason (K08 fails); social grey zone.
    _base(9, D(2025, 4, 7), opstart_senest=D(2025, 5, 5), opstart_begrundelse="",
          genoptraeningsbehov=bullets([BEHOV_CORE[5], BEHOV_GREY[1]]),
          funktionsevne=FUNKTIONSEVNE_GOOD[4]),
    # 10: not handed to the patient; plan written after discharge.
    _base(10, D(2025, 4, 14), udleveret_patient="nej", plan_dato=D(2025, 4, 16),
          plan_sendt=D(2025, 4, 16), funktionsevne=FUNKTIONSEVNE_GOOD[2],
          genoptraeningsbehov=bullets([BEHOV_CORE[4], BEHOV_CORE[10]]),
          maal=bullets([MAAL_CONCRETE[3]])),
    # 11: handed over not recorded; medical justification not recorded.
    _base(11, D(2025, 4, 22), udleveret_patient="", laegefagligt_begrundet="",
          diagnose="DF41.0", funktionsevne=FUNKTIONSEVNE_PLAIN[2],
          genoptraeningsbehov=bullets([BEHOV_CORE[2], BEHOV_CORE[8]])),
    # 12: need not medically justified; treatment as a grey zone.
    _base(12, D(2025, 5, 5), laegefagligt_begrundet="nej", diagnose="DF60.3",
          afdeling=AFDELINGER[4],
          genoptraeningsbehov=bullets([BEHOV_GREY[2], BEHOV_GREY[6]]),
          maal="Øget livskvalitet og mere overskud."),
    # 13: contact details missing; GP consent declined (still recorded = fulfilled).
    _base(13, D(2025, 5, 12), kontakt_angivet="nej", samtykke_egen_laege="nej",
          diagnose="DF31.3", funktionsevne=FUNKTIONSEVNE_GOOD[5],
          genoptraeningsbehov=bullets([BEHOV_CORE[3], BEHOV_CORE[9]])),
    # 14: contact details not recorded; civil society in the goals.
    _base(14, D(2025, 5, 19), kontakt_angivet="",
          maal=bullets([MAAL_CONCRETE[7], "Deltager i en frivillig forenings café hver uge."]),
          genoptraeningsbehov=bullets([BEHOV_CORE[8], BEHOV_GREY[3]])),
    # 15: almen level, suicide risk named (Q06 fails).
    _base(15, D(2025, 6, 2), diagnose="DF32.2", hensyn=HENSYN_GOOD[2],
          helhedsvurdering="Svær depression med selvmordsrisiko under indlæggelsen; "
                           "aktuelt afstandtagende og motiveret for træning."),
    # 16: almen level, needs in all four domains (Q06 fails); excellent otherwise.
    _base(16, D(2025, 6, 9), diagnose="DF33.2",
          genoptraeningsbehov=bullets([BEHOV_CORE[4], BEHOV_CORE[0], BEHOV_CORE[3],
                                       BEHOV_CORE[8]]),
          maal=bullets(MAAL_CONCRETE[0:4])),
    # 17: specialised level, outpatient, plain function text (no comparison).
    _base(17, D(2025, 7, 7), niveau="specialiseret", kontakttype="ambulant",
          funktionsevne=FUNKTIONSEVNE_PLAIN[1], diagnose="DF42.0",
          helhedsvurdering="Tvangstanker fylder meget i hverdagen; motiveret for at træne.",
          genoptraeningsbehov=bullets([BEHOV_CORE[2], BEHOV_CORE[11]])),
    # 18: vague need without an impairment (Q03 fails), vague goals, no considerations.
    _base(18, D(2025, 7, 21), genoptraeningsbehov=BEHOV_VAGUE[0], maal=MAAL_VAGUE[2],
          hensyn="ingen", funktionsevne=FUNKTIONSEVNE_PLAIN[0], helhedsvurdering=""),
    # 19: sent 3 days late; prevention grey zone.
    _base(19, D(2025, 8, 4), plan_sendt=D(2025, 8, 7), diagnose="DF41.1",
          genoptraeningsbehov=bullets([BEHOV_CORE[4], BEHOV_GREY[4]])),
    # 20: patient involvement not recorded; later start with a reason.
    _base(20, D(2025, 8, 18), patient_inddraget="", opstart_senest=D(2025, 9, 15),
          opstart_begrundelse="Planlagt ECT-behandling afsluttes først om tre uger.",
          diagnose="DF33.2"),
    # 21: specialised rehabilitation, complex psychosis, grey zones to social and work.
    _base(21, D(2025, 9, 1), niveau="rehabilitering_specialiseret", diagnose="DF20.0",
          helhedsvurdering=HELHED_GOOD[0], afdeling=AFDELINGER[2],
          genoptraeningsbehov=bullets([BEHOV_CORE[0], BEHOV_CORE[9], BEHOV_GREY[7],
                                       BEHOV_GREY[9]]),
          maal=bullets([MAAL_CONCRETE[5], MAAL_GREY[0]]), hensyn=HENSYN_GOOD[4]),
    # 22: specialised level; sent the day after discharge, but written after it.
    _base(22, D(2025, 10, 6), niveau="specialiseret", diagnose="DF43.1",
          plan_dato=D(2025, 10, 7),
          plan_sendt=D(2025, 10, 7), funktionsevne=FUNKTIONSEVNE_GOOD[3],
          genoptraeningsbehov=bullets([BEHOV_CORE[6], BEHOV_CORE[7]]),
          maal=bullets([MAAL_CONCRETE[2]]), hensyn=HENSYN_GOOD[3]),
    # 23: study support and peer groups in the need (grey zones), goals vague.
    _base(23, D(2025, 10, 20), diagnose="DF32.1", aldersgruppe="18-29",
          genoptraeningsbehov=bullets([BEHOV_CORE[3], BEHOV_GREY[5], BEHOV_GREY[8]]),
          maal=MAAL_VAGUE[1]),
    # 24: function not described at all; late and nothing about handing over.
    _base(24, D(2025, 11, 10), funktionsevne="", plan_sendt=D(2025, 11, 20),
          udleveret_patient="", genoptraeningsbehov=bullets(BEHOV_CORE[5:7])),
    # 25: anxiety, good plan, specialised, consent not recorded.
    _base(25, D(2025, 12, 1), niveau="specialiseret", diagnose="DF41.0",
          samtykke_egen_laege="", funktionsevne=FUNKTIONSEVNE_GOOD[3],
          genoptraeningsbehov=bullets([BEHOV_CORE[6], BEHOV_CORE[2], BEHOV_CORE[7]]),
          maal=bullets([MAAL_CONCRETE[2], MAAL_CONCRETE[7]]), hensyn=HENSYN_GOOD[3]),
]


# --- The region: 100 plans recombined from the fragments ---------------------------------

def _region_plan(rng: random.Random, cluster: str, no: int, quarter: int) -> dict:
    start = D(2025, 3 * quarter - 2, 1)
    udskrevet = start + dt.timedelta(days=rng.randrange(0, 88))
    kommuner = CLUSTERS[cluster]
    niveau = rng.choices(["almen", "specialiseret", "rehabilitering_specialiseret", ""],
                         weights=[60, 25, 10, 5])[0]
    sent_after = rng.choices([0, 1, 2, 5, 12, None], weights=[45, 30, 8, 7, 5, 5])[0]
    grey = rng.random() < 0.35
    need = rng.sample(BEHOV_CORE, rng.randint(1, 4))
    if grey:
        need.insert(rng.randrange(len(need) + 1), rng.choice(BEHOV_GREY))
    quality = rng.random()
    if quality < 0.1:
        need_text = rng.choice(BEHOV_VAGUE)
    else:
        need_text = bullets(need) if rng.random() < 0.8 else " ".join(need)
    later = rng.random() < 0.12
    return {
        "plan_id": f"{PREFIX[cluster]}-2025-{no:03d}",
        "klynge": cluster,
        "kommune": rng.choice(kommuner),
        "afdeling": rng.choice(AFDELINGER),
        "aldersgruppe": rng.choice(["18-29", "30-39", "40-49", "50-59", "60-69", "70+"]),
        "koen": rng.choice(["k", "m", "k", "m", "ukendt"]),
        "diagnose": rng.choice(DIAGNOSES),
        "kontakttype": rng.choice(["indlaeggelse", "indlaeggelse", "ambulant"]),
        "kontakt_start": iso(udskrevet - dt.timedelta(days=rng.randrange(7, 120))),
        "udskrevet": iso(udskrevet),
        "plan_dato": iso(udskrevet - dt.timedelta(days=rng.choice([0, 0, 0, 1, -2]))),
        "plan_sendt": iso(udskrevet + dt.timedelta(days=sent_after)) if sent_after is not None
        else "",
        "niveau": niveau,
        "opstart_senest": iso(udskrevet + dt.timedelta(days=28)) if later else "",
        "opstart_begrundelse": rng.choice([
            "Afventer afslutning af medicinomlægning.",
            "", "Borgeren er først klar efter planlagt operation.",
        ]) if later else "",
        "laegefagligt_begrundet": rng.choices(["ja", "nej", ""], weights=[88, 6, 6])[0],
        "patient_inddraget": rng.choices(["ja", "nej", ""], weights=[85, 7, 8])[0],
        "udleveret_patient": rng.choices(["ja", "nej", ""], weights=[85, 7, 8])[0],
        "kontakt_angivet": rng.choices(["ja", "nej", ""], weights=[85, 7, 8])[0],
        "samtykke_egen_laege": rng.choices(["ja", "nej", ""], weights=[75, 10, 15])[0],
        "helhedsvurdering": rng.choice(HELHED_GOOD + ["", "se journal"]),
        "funktionsevne": rng.choice(FUNKTIONSEVNE_GOOD * 2 + FUNKTIONSEVNE_PLAIN
                                    + FUNKTIONSEVNE_POOR),
        "genoptraeningsbehov": need_text,
        "maal": bullets(rng.sample(MAAL_CONCRETE, rng.randint(1, 3)))
        if rng.random() < 0.7 else rng.choice(MAAL_VAGUE + MAAL_GREY + [""]),
        "ressourcer": rng.choice(RESSOURCER),
        "hensyn": rng.choice(HENSYN_GOOD + HENSYN_POOR),
        "oevrige_indsatser": rng.choice(OEVRIGE),
        "bemaerkninger": rng.choice(BEMAERK),
    }


def region_plans(seed: int = 2025) -> list[dict]:
    rng = random.Random(seed)
    plans = []
    for cluster in CLUSTERS:
        no = 0
        for quarter in range(1, 5):
            for _ in range(25 // 4 + (1 if quarter == 1 else 0)):
                no += 1
                plans.append(_region_plan(rng, cluster, no, quarter))
    return plans


# --- Writing ----------------------------------------------------------------------------

def write_xlsx(plans: list[dict], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "planer"
    sheet.append(COLUMNS)
    for plan in plans:
        row = []
        for column in COLUMNS:
            value = plan[column]
            row.append(value if value not in ("", None) else None)
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = "dd-mm-yyyy"
    sheet.freeze_panes = "B2"
    book.properties.creator = "auditlib demo"
    book.properties.created = dt.datetime(2026, 1, 1)
    book.properties.modified = dt.datetime(2026, 1, 1)
    book.save(path)


def write_csv(plans: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter=";")
        writer.writeheader()
        for plan in plans:
            writer.writerow({k: iso(v) if isinstance(v, dt.date) else (v or "")
                             for k, v in plan.items()})


def write_markdown(plans: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for plan in plans:
        lines = ["---"]
        for column in COLUMNS[:20]:
            value = plan[column]
            value = iso(value) if isinstance(value, dt.date) else (value or "")
            lines.append(f"{column}: {value}".rstrip())
        lines.append("---")
        for column in FREE_TEXT:
            if plan[column]:
                lines += ["", f"## {column}", plan[column]]
        (folder / f"{plan['plan_id']}.md").write_text("\n".join(lines) + "\n",
                                                      encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    midt = [{k: (v if v is not None else "") for k, v in plan.items()} for plan in MIDT]
    write_xlsx(midt, OUT / "midtklyngen-demo.xlsx")
    write_csv(region_plans(), OUT / "region-demo.csv")
    write_markdown(midt[:3], OUT / "markdown-demo")
    print(f"Skrev {len(midt)} + {len(region_plans())} demoplaner i {OUT}")


if __name__ == "__main__":
    main()
