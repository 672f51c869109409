"""Writes the demo registers in ``data/anonymized/``: invented plans, no real person.

    python data/make_demo.py

The demo is set in Region Midtjylland, where the Midtklyngen pilot (prøvehandling) audits
plans: real municipality names in their real clusters (read from the cluster map,
``auditlib/klynger.yaml``), psychiatric units whose contact type fits the unit (an
outpatient clinic or community team gives ``ambulant``, a ward ``indlaeggelse``).

- ``midtklyngen-demo.xlsx``: 25 plans of Midtklyngen (Silkeborg, Skive, Viborg), written one
  by one below (``MIDT``) so that every criterion of criteria.md has plans that pass and
  plans that fail, every plan reads differently, about a third put social, employment,
  treatment or civil-society efforts in the rehabilitation need (grey zones), and eight
  carry the hospital's grades in the 7-parameter model (``p1_selvmordsrisiko`` …).
- ``region-demo.csv``: 100 plans, the region's five clusters over the four quarters of 2025,
  built by recombining the text fragments below with a fixed random seed (``;``-separated,
  as exports from the regions' systems usually are); about a fifth are graded.
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

from auditlib.clusters import read_cluster_map
from auditlib.register.columns import COLUMN_BY_NAME, COLUMN_NAMES, GRADE_COLUMNS

OUT = Path(__file__).resolve().parent / "anonymized"

COLUMNS = list(COLUMN_NAMES)
FREE_TEXT = [c for c in COLUMNS if COLUMN_BY_NAME[c].kind == "freetext"]
STRUCTURED = [c for c in COLUMNS if c not in FREE_TEXT and c not in GRADE_COLUMNS]
CLUSTERS = {cluster: list(towns) for cluster, towns in read_cluster_map().clusters.items()}
PREFIX = {"Aarhusklyngen": "AK", "Horsensklyngen": "HK", "Midtklyngen": "MK",
          "Randersklyngen": "RK", "Vestklyngen": "VK"}
# The psychiatric hospital of each cluster's acute hospital area.
HOSPITAL = {"Aarhusklyngen": "Psykiatrien Aarhus", "Horsensklyngen": "Psykiatrien Horsens",
            "Midtklyngen": "Psykiatrien Midt", "Randersklyngen": "Psykiatrien Randers",
            "Vestklyngen": "Psykiatrien Vest"}
# Units and the contact type they give: wards admit, clinics and teams see outpatients.
UNITS = {
    "sengeafsnit for affektive lidelser": "indlaeggelse",
    "åbent sengeafsnit": "indlaeggelse",
    "sengeafsnit for psykoser": "indlaeggelse",
    "ambulatorium for angst og OCD": "ambulant",
    "lokalpsykiatrien, team for psykoser": "ambulant",
    "ambulatorium for personlighedsforstyrrelser": "ambulant",
    "ambulatorium for depression": "ambulant",
}
UNIT_NAMES = list(UNITS)
# Inhabitants in thousands (approximate): plans are drawn in proportion, so Samsø does not
# send as many plans as Aarhus.
POPULATION = {"Aarhus": 370, "Samsø": 4, "Hedensted": 47, "Horsens": 100, "Odder": 24,
              "Skanderborg": 66, "Silkeborg": 100, "Skive": 46, "Viborg": 98, "Favrskov": 50,
              "Norddjurs": 37, "Randers": 100, "Syddjurs": 44, "Herning": 90, "Holstebro": 59,
              "Ikast-Brande": 42, "Lemvig": 19, "Ringkøbing-Skjern": 56, "Struer": 21}

# --- Text fragments ---------------------------------------------------------------------

FUNKTIONSEVNE_GOOD = [  # compared with the earlier level (Q01)
    "Før indlæggelsen arbejdede borgeren fuld tid som pædagogmedhjælper og klarede selv "
    "husholdningen. Ved udskrivelsen orker borgeren kun én planlagt aktivitet om dagen, "
    "sover uregelmæssigt og mister overblikket ved indkøb.",
    "Tidligere velfungerende studerende med fast døgnrytme. Nu præget af nedsat "
    "koncentration, kan læse i ca. 10 minutter ad gangen og har svært ved at tage "
    "initiativ til måltider og personlig hygiejne.",
    "Vanligvis selvhjulpen i eget hjem og aktiv i en løbeklub. Efter forløbet nedsat "
    "kondition og energi, går kun korte ture og har trukket sig fra socialt samvær.",
    "Habituelt har borgeren klaret indkøb, tøjvask og bus til arbejde. Aktuelt kan borgeren "
    "ikke tage bussen alene pga. angst og har brug for påmindelser om medicin og måltider.",
    "Inden indlæggelsen boede borgeren i egen bolig uden støtte og passede sit arbejde. "
    "Ved udskrivelsen er funktionsniveauet markant lavere: mangler struktur på dagen, "
    "spiser uregelmæssigt og isolerer sig.",
    "Sammenlignet med før sygdommen er hukommelse og koncentration tydeligt nedsat; "
    "borgeren glemmer aftaler og kan ikke følge en samtale i længere tid.",
    "Før sygemeldingen cyklede borgeren dagligt på arbejde. Nu bliver borgeren forpustet "
    "efter få hundrede meter og tør ikke cykle i trafikken.",
    "Tidligere lavede borgeren selv mad til familien hver dag. Efter psykosen kan borgeren "
    "ikke overskue en opskrift og glemmer gryder på komfuret.",
    "Plejede at handle ind og betale regninger selv. Ved udskrivningen åbner borgeren ikke "
    "sin post og har brug for følge i supermarkedet.",
    "Inden forløbet gik borgeren til håndbold to gange om ugen. Nu er balancen usikker "
    "efter et fald på afdelingen, og borgeren går med stok udendørs.",
    "Habituelt social og udadvendt. Efter forløbet undgår borgeren at ringe til andre og "
    "aflyser aftaler med venner og familie.",
    "Før depressionen stod borgeren op kl. 7 og havde faste rutiner. Nu ligger borgeren i "
    "sengen det meste af formiddagen og springer morgenmaden over.",
    "Vanligvis klarer borgeren rengøring og tøjvask selv; nu tager rengøringen flere dage "
    "at komme i gang med og flere dage at komme sig efter.",
    "Tidligere i fleksjob 15 timer om ugen. Ved udskrivelsen er udholdenheden nedsat, og "
    "borgeren kan kun være aktiv i en halv time ad gangen.",
    "Før episoden tog borgeren selv toget til studiet. Aktuelt får borgeren panikanfald på "
    "perronen og vender om.",
    "Sammenlignet med tidligere er tempoet nedsat, og borgeren bruger lang tid på at tage "
    "tøj på og komme i bad.",
]
FUNKTIONSEVNE_PLAIN = [  # stated, but without a comparison (Q01 fails)
    "Borgeren er udtrættelig, har svært ved at strukturere dagen og har brug for "
    "hjælp til at komme i gang med daglige gøremål.",
    "Nedsat energi og initiativ. Klarer personlig hygiejne med påmindelser. Går ikke "
    "ud alene.",
    "Har svært ved at overskue indkøb og madlavning og er meget anspændt i sociale "
    "situationer.",
    "Skal øve sig før møder og bliver let overvældet af mange indtryk på én gang.",
]
FUNKTIONSEVNE_POOR = ["se journal", "-", ""]

HELHED = [
    "Samlet vurderes borgeren at have et komplekst behov: nedsat funktion i både det "
    "mentale, sociale og praktiske, samtidig behandling i regionspsykiatrien og behov for "
    "tæt koordinering mellem sektorerne. Borgeren er motiveret og har selv formuleret mål.",
    "Langvarigt forløb med psykose, tidligere velfungerende i job, nu betydelige kognitive "
    "vanskeligheder. Genoptræningen skal foregå i et tværfagligt team med erfaring i "
    "psykiatri og tæt kontakt til lokalpsykiatrien.",
    "Motiveret for træning og har selv formuleret mål. Klarer sig ikke uden støtte i "
    "opstarten, men forventes at kunne genvinde tidligere funktionsniveau.",
    "Funktionstabet hænger sammen med den aktuelle indlæggelse. Borgeren ønsker selv at "
    "komme videre og har et godt potentiale for at genvinde sine færdigheder.",
    "Borgeren tager imod hjælp og har konkrete ønsker til hverdagen. Træningen bør bygge "
    "på de rutiner, borgeren havde før indlæggelsen.",
    "Første episode. Borgeren er afventende, men vil gerne prøve et forløb i kommunen, "
    "hvis træningen kan foregå tæt på hjemmet.",
    "Behovet er afgrænset til daglige aktiviteter; borgeren forventes at klare sig selv "
    "efter et kort forløb med fokus på struktur.",
    "Borgeren har god indsigt i egen sygdom og ved, hvad der udløser forværring. Kan "
    "arbejde målrettet med egne mål.",
    "Efter flere indlæggelser er borgeren træt af behandling, men motiveret for at træne "
    "konkrete færdigheder i eget hjem.",
    "Borgeren har svært ved at overskue forløbet og har brug for, at terapeuten i starten "
    "kommer hjem til borgeren.",
    "Borgeren har selv bedt om planen og har deltaget aktivt i at formulere målene.",
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
    "Afspændings- og kropsbevidsthedstræning mod indre uro og spændinger.",
    "Træning af sociale færdigheder i små grupper, fx at tage kontakt og håndtere "
    "konflikter.",
    "Træning i at tage initiativ til personlig hygiejne og egenomsorg.",
    "Balancetræning efter langt sengeleje.",
    "Arbejde med strategier mod negative tanker i hverdagssituationer.",
    "Træne brug af huskeliste og påmindelser i telefonen, da hukommelsen er nedsat efter ECT.",
    "Træning i at lave enkle retter efter en opskrift med faste trin.",
    "Træne at åbne og sortere sin post en gang om ugen sammen med terapeuten.",
    "Gradvis optræning af udholdenhed, så borgeren kan gå til købmanden uden pause.",
    "Træning i at ringe og bestille tid, da samtaler med fremmede udløser angst.",
    "Indøve vejrtrækningsøvelser til brug, når uro stopper en aktivitet.",
    "Træning i at tage toget, først uden for myldretiden.",
    "Træning i at komme i bad og tage tøj på om morgenen i eget tempo.",
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
    "Hjemmeplejen skal hjælpe med rengøring hver anden uge.",
    "Kursus i kommunen om at leve med depression.",
]
BEHOV_VAGUE = [
    "Har brug for hjælp fra kommunen efter udskrivelsen.",
    "Genoptræning efter behov, kommunen vurderer.",
    "Angst.",
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
    "Åbner sin post selv hver fredag inden for 6 uger.",
    "Cykler 3 km til træningscentret inden for 12 uger.",
    "Ringer selv til lægen og bestiller tid inden for 4 uger.",
    "Tager toget alene til studiet to dage om ugen efter 10 uger.",
    "Gør rent i køkkenet en gang om ugen uden at skulle hvile dagen efter.",
    "Går i bad og tager tøj på før kl. 10 fem dage om ugen.",
    "Bruger alarmer i telefonen og møder op til alle aftaler i 4 uger i træk.",
    "Går 20 minutter uden pause inden for 8 uger.",
]
MAAL_VAGUE = [
    "At få det bedre.",
    "Øget livskvalitet og mere overskud.",
    "Bedre trivsel i hverdagen.",
    "Få det bedre inden for 8 uger.",
    "Sove bedre.",
    "Træne mere.",
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
    "Har en hund, der skal luftes, og som giver faste tider.",
    "Er god til at sige til, når noget bliver for meget.",
    "Har et fritidsjob, der venter, når formen er bedre.",
    "Kreativ og glad for havearbejde.",
    "Har et par gode venner, der gerne vil gå ture med borgeren.",
    "Er vant til at bruge telefonen til påmindelser.",
    "Har tidligere gennemført et træningsforløb med godt resultat.",
    "Kan lide at lave mad, når overskuddet er der.",
    "",
]
HENSYN_GOOD = [
    "Bliver hurtigt udtrættet; aftaler bør ligge om formiddagen.",
    "Tager sovende medicin og kan være sløv om morgenen; undgå tidlige aftaler.",
    "Tidligere selvmordstanker, aktuelt afstandtagende. Ved forværring kontaktes "
    "psykiatrisk akutmodtagelse.",
    "Angst i store grupper; start gerne individuelt og med kendt kontaktperson.",
    "Har ikke kørekort; træning bør foregå tæt på hjemmet eller med transport.",
    "Faldrisiko på trapper; træning i stueetagen i starten.",
    "Bliver urolig ved ventetid; hold aftalerne præcist.",
    "Medicinen giver vægtøgning og træthed; tag hensyn ved fysisk træning.",
    "Reagerer på høje lyde; vælg et roligt lokale.",
    "Har svært ved at læse lange tekster; giv korte, skriftlige aftaler.",
    "Har haft et selvmordsforsøg for to år siden; selvmordsrisikoen er afklaret inden "
    "udskrivelsen, kriseplan er lagt.",
    "Ryger meget og bliver hurtigt forpustet; start med korte ture.",
]
HENSYN_POOR = ["ingen", "", "-"]
OEVRIGE = [
    "Fortsætter samtaler i psykiatrisk ambulatorium hver 3. uge.",
    "Er tilknyttet lokalpsykiatrien og har kontakt til jobcentret.",
    "Modtager bostøtte efter servicelovens § 85.",
    "Sygemeldt; jobcentret er orienteret.",
    "Kontrol hos egen læge om en måned.",
    "Har en mentor fra jobcentret to gange om ugen.",
    "Deltager i en selvhjælpsgruppe for angst.",
    "Pårørende tilbydes pårørendekursus i kommunen.",
    "",
]
BEMAERK = ["", "", "Planen er gennemgået med borgeren før udskrivelsen.", "xx",
           "Borgeren ønsker at træne i eget hjem i starten.", "",
           "Borgeren vil gerne have en fast terapeut.",
           "Kommunen kontaktes telefonisk ved spørgsmål til planen.",
           "Planen er drøftet på tværfaglig konference."]

DIAGNOSES = [
    "DF32.1", "DF33.1; DF41.1", "DF41.0", "DF20.0", "DF31.3", "DF60.3", "DF32.2; DF41.1",
    "DF25.0", "DF43.1", "DF41.1", "DF33.2", "DF42.0", "DF20.0", "DF43.1",
]


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def grades(*values: int) -> dict:
    """The seven grades p1..p7 in order (DOMAIN.md §4)."""
    return dict(zip(GRADE_COLUMNS, (str(v) for v in values), strict=True))


def unit(cluster: str, name: str) -> dict:
    """A unit and the contact type it gives."""
    return {"afdeling": f"{HOSPITAL[cluster]}, {name}", "kontakttype": UNITS[name]}


# --- Midtklyngen: 25 plans written one by one -------------------------------------------

def _base(no: int, udskrevet: dt.date, **over) -> dict:
    """A good plan with its own texts; ``over`` changes what makes this plan differ."""
    towns = CLUSTERS["Midtklyngen"]
    plan = {c: "" for c in COLUMNS}
    plan.update({
        "plan_id": f"MK-2025-{no:02d}",
        "klynge": "Midtklyngen",
        "kommune": towns[no % len(towns)],
        **unit("Midtklyngen", UNIT_NAMES[no % len(UNIT_NAMES)]),
        "aldersgruppe": ["18-29", "30-39", "40-49", "50-59", "60-69"][no % 5],
        "koen": ["k", "m"][no % 2],
        "diagnose": DIAGNOSES[no % len(DIAGNOSES)] if no % 3 == 0 else "DF32.1",
        "kontakt_start": udskrevet - dt.timedelta(days=14 + 5 * (no % 9)),
        "udskrevet": udskrevet,
        "plan_dato": udskrevet,
        "plan_sendt": udskrevet + dt.timedelta(days=no % 2),
        "niveau": "almen",
        "opstart_senest": None,
        "laegefagligt_begrundet": "ja",
        "patient_inddraget": "ja",
        "udleveret_patient": "ja",
        "kontakt_angivet": "ja",
        "samtykke_egen_laege": "ja",
        "helhedsvurdering": HELHED[no % len(HELHED)],
        "funktionsevne": FUNKTIONSEVNE_GOOD[no % len(FUNKTIONSEVNE_GOOD)],
        "genoptraeningsbehov": bullets([BEHOV_CORE[no % 20], BEHOV_CORE[(no + 7) % 20]]),
        "maal": bullets([MAAL_CONCRETE[no % 16], MAAL_CONCRETE[(no + 5) % 16]]),
        "ressourcer": RESSOURCER[no % len(RESSOURCER)],
        "hensyn": HENSYN_GOOD[no % len(HENSYN_GOOD)],
        "oevrige_indsatser": OEVRIGE[no % len(OEVRIGE)],
        "bemaerkninger": BEMAERK[no % len(BEMAERK)],
    })
    plan.update(over)
    if "afdeling" in over and "kontakttype" not in over:
        name = over["afdeling"].split(", ", 1)[1]
        plan["kontakttype"] = UNITS[name]
    return plan


D = dt.date
WARD, OPEN_WARD, PSYCHOSIS_WARD = "sengeafsnit for affektive lidelser", "åbent sengeafsnit", \
    "sengeafsnit for psykoser"
ANXIETY_CLINIC, PSYCHOSIS_TEAM, PERSONALITY_CLINIC, DEPRESSION_CLINIC = (
    "ambulatorium for angst og OCD", "lokalpsykiatrien, team for psykoser",
    "ambulatorium for personlighedsforstyrrelser", "ambulatorium for depression")
MIDT = [
    # 01: the model plan: everything stated and timely; graded, every cell has A.
    _base(1, D(2025, 1, 13), **unit("Midtklyngen", WARD), **grades(2, 2, 1, 3, 2, 2, 1)),
    # 02: depression + anxiety, good plan with an employment grey zone in the need.
    _base(2, D(2025, 1, 20), diagnose="DF33.1; DF41.1",
          genoptraeningsbehov=bullets([BEHOV_CORE[0], BEHOV_CORE[2], BEHOV_GREY[0]])),
    # 03: sent 6 days late, no GP consent recorded.
    _base(3, D(2025, 2, 3), plan_sendt=D(2025, 2, 9), samtykke_egen_laege=""),
    # 04: psychosis on almen level with grades: motivation 3 (B/S) points away (Q06); goals vague.
    _base(4, D(2025, 2, 17), diagnose="DF20.0", maal="At få det bedre.",
          **unit("Midtklyngen", PSYCHOSIS_TEAM), **grades(2, 2, 3, 3, 2, 3, 3),
          genoptraeningsbehov=bullets([BEHOV_CORE[3], BEHOV_CORE[5]])),
    # 05: "se journal": function and need not described, no sending date.
    _base(5, D(2025, 2, 24), funktionsevne="se journal", genoptraeningsbehov="-",
          maal="", hensyn="", plan_sendt=None, helhedsvurdering="se journal",
          ressourcer="", oevrige_indsatser=""),
    # 06: specialised rehabilitation with a holistic assessment; later start with reason.
    _base(6, D(2025, 3, 10), niveau="rehabilitering_specialiseret", diagnose="DF20.0",
          helhedsvurdering=HELHED[1], **unit("Midtklyngen", PSYCHOSIS_WARD),
          **grades(3, 4, 3, 4, 3, 4, 3), opstart_senest=D(2025, 4, 14),
          opstart_begrundelse="Borgeren skal først stabiliseres på ny medicin i fire uger.",
          genoptraeningsbehov=bullets([BEHOV_CORE[3], BEHOV_CORE[8], BEHOV_CORE[6]]),
          maal=bullets([MAAL_CONCRETE[2], MAAL_CONCRETE[6]])),
    # 07: specialised rehabilitation WITHOUT a holistic assessment (K06 fails).
    _base(7, D(2025, 3, 17), niveau="rehabilitering_specialiseret", diagnose="DF25.0",
          helhedsvurdering="", genoptraeningsbehov=bullets(BEHOV_CORE[5:8]),
          maal=bullets(MAAL_CONCRETE[3:5])),
    # 08: level not stated; not made with the patient.
    _base(8, D(2025, 3, 24), niveau="", patient_inddraget="nej",
          funktionsevne=FUNKTIONSEVNE_PLAIN[0]),
    # 09: later start without a reason (K08 fails); social grey zone.
    _base(9, D(2025, 4, 7), opstart_senest=D(2025, 5, 5), opstart_begrundelse="",
          genoptraeningsbehov=bullets([BEHOV_CORE[5], BEHOV_GREY[1]])),
    # 10: not handed to the patient; plan written after discharge.
    _base(10, D(2025, 4, 14), udleveret_patient="nej", plan_dato=D(2025, 4, 16),
          plan_sendt=D(2025, 4, 16),
          genoptraeningsbehov=bullets([BEHOV_CORE[4], BEHOV_CORE[10]]),
          maal=bullets([MAAL_CONCRETE[3]])),
    # 11: handed over not recorded; medical justification not recorded.
    _base(11, D(2025, 4, 22), udleveret_patient="", laegefagligt_begrundet="",
          diagnose="DF41.0", funktionsevne=FUNKTIONSEVNE_PLAIN[2],
          **unit("Midtklyngen", ANXIETY_CLINIC),
          genoptraeningsbehov=bullets([BEHOV_CORE[2], BEHOV_CORE[16]])),
    # 12: need not medically justified; treatment as a grey zone; vague goal with a time.
    _base(12, D(2025, 5, 5), laegefagligt_begrundet="nej", diagnose="DF60.3",
          **unit("Midtklyngen", PERSONALITY_CLINIC),
          genoptraeningsbehov=bullets([BEHOV_GREY[2], BEHOV_GREY[6]]),
          maal="Få det bedre inden for 8 uger."),
    # 13: contact details missing; GP consent declined (still recorded = fulfilled).
    _base(13, D(2025, 5, 12), kontakt_angivet="nej", samtykke_egen_laege="nej",
          diagnose="DF31.3",
          genoptraeningsbehov=bullets([BEHOV_CORE[3], BEHOV_CORE[9]])),
    # 14: contact details not recorded; civil society in the goals.
    _base(14, D(2025, 5, 19), kontakt_angivet="",
          maal=bullets([MAAL_CONCRETE[7], "Deltager i en frivillig forenings café hver uge."]),
          genoptraeningsbehov=bullets([BEHOV_CORE[8], BEHOV_GREY[3]])),
    # 15: almen level with a current raised suicide risk (Q06 fails).
    _base(15, D(2025, 6, 2), diagnose="DF32.2", **unit("Midtklyngen", WARD),
          hensyn="Fortsat forhøjet selvmordsrisiko ved udskrivelsen; kriseplan er lagt, "
                 "ved forværring kontaktes psykiatrisk akutmodtagelse.",
          helhedsvurdering="Svær depression. Ønsker at komme hjem og i gang med træning, "
                           "men er fortsat præget af håbløshed."),
    # 16: almen level, needs in all four domains: the municipality's advanced level (Q06
    # passes and says so); a past attempt that is afklaret.
    _base(16, D(2025, 6, 9), diagnose="DF33.2", hensyn=HENSYN_GOOD[10],
          genoptraeningsbehov=bullets([BEHOV_CORE[4], BEHOV_CORE[0], BEHOV_CORE[3],
                                       BEHOV_CORE[8]]),
          maal=bullets(MAAL_CONCRETE[0:4])),
    # 17: specialised level, outpatient, plain function text (Q01 fails); every grade 1-2
    # points to almen (Q06 fails).
    _base(17, D(2025, 7, 7), niveau="specialiseret", **unit("Midtklyngen", ANXIETY_CLINIC),
          funktionsevne=FUNKTIONSEVNE_PLAIN[3], diagnose="DF42.0", **grades(1, 2, 2, 2, 1, 2, 2),
          helhedsvurdering="Tvangstanker fylder meget i hverdagen; motiveret for at træne.",
          genoptraeningsbehov=bullets([BEHOV_CORE[2], BEHOV_CORE[11]])),
    # 18: vague need without an impairment (Q03 fails), vague goals, no considerations.
    _base(18, D(2025, 7, 21), genoptraeningsbehov=bullets([BEHOV_VAGUE[0], BEHOV_VAGUE[2]]),
          maal=bullets([MAAL_VAGUE[4], MAAL_VAGUE[5]]), hensyn="ingen",
          funktionsevne=FUNKTIONSEVNE_PLAIN[1], helhedsvurdering=""),
    # 19: sent 3 days late; prevention grey zone.
    _base(19, D(2025, 8, 4), plan_sendt=D(2025, 8, 7), diagnose="DF41.1",
          **unit("Midtklyngen", ANXIETY_CLINIC),
          genoptraeningsbehov=bullets([BEHOV_CORE[4], BEHOV_GREY[4]])),
    # 20: patient involvement not recorded; later start with a reason.
    _base(20, D(2025, 8, 18), patient_inddraget="", opstart_senest=D(2025, 9, 15),
          opstart_begrundelse="Planlagt ECT-behandling afsluttes først om tre uger.",
          diagnose="DF33.2", **unit("Midtklyngen", WARD),
          genoptraeningsbehov=bullets([BEHOV_CORE[12], BEHOV_CORE[5]])),
    # 21: specialised rehabilitation, complex psychosis, grey zones to social and work.
    _base(21, D(2025, 9, 1), niveau="rehabilitering_specialiseret", diagnose="DF20.0",
          helhedsvurdering=HELHED[0], **unit("Midtklyngen", PSYCHOSIS_TEAM),
          **grades(2, 4, 3, 4, 4, 3, 3),
          genoptraeningsbehov=bullets([BEHOV_CORE[0], BEHOV_CORE[9], BEHOV_GREY[7],
                                       BEHOV_GREY[9]]),
          maal=bullets([MAAL_CONCRETE[5], MAAL_GREY[0]]), hensyn=HENSYN_GOOD[4]),
    # 22: specialised level; sent the day after discharge, but written after it.
    _base(22, D(2025, 10, 6), niveau="specialiseret", diagnose="DF43.1",
          plan_dato=D(2025, 10, 7), plan_sendt=D(2025, 10, 7), **grades(3, 3, 2, 3, 3, 4, 2),
          genoptraeningsbehov=bullets([BEHOV_CORE[6], BEHOV_CORE[7]]),
          maal=bullets([MAAL_CONCRETE[2]])),
    # 23: study support and peer groups in the need (grey zones), goals vague.
    _base(23, D(2025, 10, 20), diagnose="DF32.1", aldersgruppe="18-29",
          **unit("Midtklyngen", DEPRESSION_CLINIC),
          genoptraeningsbehov=bullets([BEHOV_CORE[3], BEHOV_GREY[5], BEHOV_GREY[8]]),
          maal=MAAL_VAGUE[1]),
    # 24: function not described at all; late and nothing about handing over.
    _base(24, D(2025, 11, 10), funktionsevne="", plan_sendt=D(2025, 11, 20),
          udleveret_patient="", genoptraeningsbehov=bullets(BEHOV_CORE[17:20])),
    # 25: anxiety, good plan, specialised, consent not recorded.
    _base(25, D(2025, 12, 1), niveau="specialiseret", diagnose="DF41.0",
          samtykke_egen_laege="", **unit("Midtklyngen", ANXIETY_CLINIC),
          **grades(2, 3, 3, 4, 3, 2, 4),
          genoptraeningsbehov=bullets([BEHOV_CORE[6], BEHOV_CORE[18], BEHOV_CORE[16]]),
          maal=bullets([MAAL_CONCRETE[11], MAAL_CONCRETE[10]])),
]


# --- The region: 100 plans recombined from the fragments ---------------------------------

def _region_grades(rng: random.Random, niveau: str) -> dict:
    """About a fifth of the plans are graded: almen mostly 1-2, specialised higher."""
    if rng.random() >= 0.2:
        return {}
    high = niveau in ("specialiseret", "rehabilitering_specialiseret")
    weights = [10, 25, 35, 25, 5] if high else [35, 45, 17, 3, 0]
    return grades(*rng.choices([1, 2, 3, 4, 5], weights=weights, k=7))


def _region_plan(rng: random.Random, cluster: str, no: int, quarter: int) -> dict:
    start = D(2025, 3 * quarter - 2, 1)
    udskrevet = start + dt.timedelta(days=rng.randrange(0, 88))
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
    plan = {c: "" for c in COLUMNS}
    plan.update({
        "plan_id": f"{PREFIX[cluster]}-2025-{no:03d}",
        "klynge": cluster,
        "kommune": rng.choices(CLUSTERS[cluster],
                               weights=[POPULATION.get(t, 30) for t in CLUSTERS[cluster]])[0],
        **unit(cluster, rng.choice(UNIT_NAMES)),
        "aldersgruppe": rng.choice(["18-29", "30-39", "40-49", "50-59", "60-69", "70+"]),
        "koen": rng.choice(["k", "m", "k", "m", "ukendt"]),
        "diagnose": rng.choice(DIAGNOSES),
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
        "helhedsvurdering": rng.choice(HELHED + ["", "se journal"]),
        "funktionsevne": rng.choice(FUNKTIONSEVNE_GOOD + FUNKTIONSEVNE_PLAIN
                                    + FUNKTIONSEVNE_POOR),
        "genoptraeningsbehov": need_text,
        "maal": bullets(rng.sample(MAAL_CONCRETE, rng.randint(1, 3)))
        if rng.random() < 0.7 else rng.choice(MAAL_VAGUE + MAAL_GREY + [""]),
        "ressourcer": rng.choice(RESSOURCER),
        "hensyn": rng.choice(HENSYN_GOOD + HENSYN_POOR),
        "oevrige_indsatser": rng.choice(OEVRIGE),
        "bemaerkninger": rng.choice(BEMAERK),
    })
    plan.update(_region_grades(rng, niveau))
    return plan


def region_plans(seed: int = 2025) -> list[dict]:
    """20 plans per cluster, 5 per quarter of 2025."""
    rng = random.Random(seed)
    plans = []
    for cluster in CLUSTERS:
        no = 0
        for quarter in range(1, 5):
            for _ in range(5):
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
            if column in GRADE_COLUMNS and value:
                value = int(value)  # a number cell, as a coordinator would type it
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
        graded = any(plan.get(c) for c in GRADE_COLUMNS)
        for column in STRUCTURED + (list(GRADE_COLUMNS) if graded else []):
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
    print(f"Skrev {len(midt)} + {len(region_plans())} demoplaner i {OUT}")  # noqa: T201


if __name__ == "__main__":
    main()
