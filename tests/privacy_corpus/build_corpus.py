"""Build the labelled privacy corpus (``corpus.csv``) from public sources.

    python tests/privacy_corpus/build_corpus.py

Each case: ``id, kind, text, value, source``. ``kind`` is the identifier kind the text
holds (``value`` is the identifier, exactly as written in ``text``) or ``ingen`` for a
look-alike that must not be flagged. Deterministic (fixed seed); the numbers, names and
streets come from the sources named in ``source``:

- CPR: python-stdnum's ``stdnum.dk.cpr`` docstring (211062-5629), OS2datascanner's
  ``src/os2datascanner/engine2/tests/test_cprrule.py`` (commit 3b85c52), the
  improbable-cpr tests (0707614285, 2110625624) and the Wikipedia article number
  (231045-0637); rendered in every written form of spec/privacy.md.
- Phone: ``phonenumbers.example_number_for_type("DK", …)`` and the numbering plan's ranges.
- Names: Danmarks Statistik's first-name and surname lists (OS2datascanner datasets,
  commit 09610409), sampled by rank, in Danish clinical sentences.
- Streets: DAWA street names (same datasets), with Danish address formats (house letter,
  floor and side, postcode and town, "DK-").
- Look-alikes: durations, amounts, ICD-10/ATC codes, years, §, institutions, ordinary
  words that are names (written for the corpus; source "look-alike").
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberType

from auditlib.privacy.resources import first_name_ranks, street_names, surname_ranks

OUT = Path(__file__).with_name("corpus.csv")
rng = random.Random(16)
cases: list[tuple[str, str, str, str]] = []


def add(kind: str, text: str, value: str, source: str) -> None:
    assert kind == "ingen" or value in text, (text, value)
    cases.append((kind, text, value, source))


# -- CPR -----------------------------------------------------------------------------
CPR_SOURCES = {
    "2110625629": "python-stdnum stdnum/dk/cpr.py docstring",
    "0101800008": "OS2datascanner engine2/tests/test_cprrule.py@3b85c52",
    "0202800009": "OS2datascanner engine2/tests/test_cprrule.py@3b85c52",
    "0303800018": "OS2datascanner engine2/tests/test_cprrule.py@3b85c52",
    "0404800019": "OS2datascanner engine2/tests/test_cprrule.py@3b85c52",
    "0606800002": "OS2datascanner engine2/tests/test_cprrule.py@3b85c52",
    "0706800018": "OS2datascanner engine2/tests/test_cprrule.py@3b85c52",
    "1412800008": "OS2datascanner engine2/tests/test_cprrule.py@3b85c52",
    "1211800018": "OS2datascanner engine2/tests/test_cprrule.py@3b85c52",
    "0707614285": "improbable-cpr tests/test_cpr.py (modulus 11 valid)",
    "2110625624": "improbable-cpr tests/test_cpr.py (fails modulus 11: still a CPR)",
    "2310450637": "da.wikipedia.org/wiki/231045-0637",
    "1705794487": "spec/privacy.md (cpr.nr.1705794487)",
    "2902964321": "constructed: leap day 1996 (spec: leap days included)",
    "0101584123": "constructed: 7th digit 4, yy 58 -> 1958",
    "0103155123": "constructed: 7th digit 5, yy 15 -> 2015",
}
CPR_FORMS = [
    ("{d}{m}{y}-{s}", "bindestreg"), ("{d}{m}{y}{s}", "uden skilletegn"),
    ("{d}{m}{y} {s}", "mellemrum"), ("{d}.{m}.{y}-{s}", "punktummer"),
    ("{d}{m}{y}\u2013{s}", "tankestreg"), ("{d}{m}{y}\u2014{s}", "lang tankestreg"),
    ("{d}{m}{y} - {s}", "' - '"), ("{d}{m}{y}/{s}", "skråstreg"), ("{d}{m}{y}.{s}", "punktum"),
    ("{d}{m}{y}\u00a0{s}", "hårdt mellemrum"), ("{d}{m}{y}\t{s}", "tabulator"),
]
CPR_SENTENCES = [
    "CPR {v} står i journalen.", "Borgerens cpr-nr. er {v}, jf. henvisningen.",
    "Pt. ({v}) udskrives til eget hjem.", "Henvisning vedr. {v} sendt til kommunen.",
    "cpr.nr.{v}", "Personnummer: {v}", "Oplyst {v} ved indlæggelsen.",
    "{v} – ambulant opfølgning i distriktspsykiatrien.",
]
for digits, source in CPR_SOURCES.items():
    d, m, y, s = digits[0:2], digits[2:4], digits[4:6], digits[6:]
    for form, label in CPR_FORMS:
        value = form.format(d=d, m=m, y=y, s=s)
        sentence = rng.choice(CPR_SENTENCES)
        if sentence == "cpr.nr.{v}" and not value[:6].isdigit():
            sentence = "CPR {v} står i journalen."
        add("cpr", sentence.format(v=value), value, f"{source}; form {label}")

# -- phone ---------------------------------------------------------------------------
numbers = [phonenumbers.national_significant_number(phonenumbers.example_number_for_type("DK", t))
           for t in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE,
                     PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE)]
# More numbers in the ranges phonenumbers' DK metadata declares valid (2-9 first digit).
while len(numbers) < 24:
    candidate = f"{rng.randint(2, 9)}{rng.randint(0, 9_999_999):07d}"
    if phonenumbers.is_valid_number(phonenumbers.parse(candidate, "DK")):
        numbers.append(candidate)
PHONE_FORMS = ["{n}", "{a}{b} {c}{d}", "{a} {b} {c} {d}", "{a}.{b}.{c}.{d}", "{a}{b}-{c}{d}",
               "{a}-{b}-{c}-{d}", "+45 {n}", "+45 {a} {b} {c} {d}", "0045 {a} {b} {c} {d}",
               "(+45) {a} {b} {c} {d}", "{a}\u00a0{b}\u00a0{c}\u00a0{d}", "+45{n}"]
PHONE_SENTENCES = [
    "Ring til datteren på {v} ved behov.", "Tlf. {v}", "Kontaktperson træffes på {v} kl. 9-12.",
    "Borgeren kan kontaktes på mobil {v}.", "Egen læge: tlf. {v}.", "SMS til {v} dagen før.",
    "Bostøtten har nummer {v}.", "Pårørende ({v}) ønsker at blive orienteret.",
]
for i, number in enumerate(numbers):
    a, b, c, d = number[0:2], number[2:4], number[4:6], number[6:8]
    for form in rng.sample(PHONE_FORMS, 5):
        value = form.format(n=number, a=a, b=b, c=c, d=d)
        source = ("phonenumbers example_number_for_type('DK')" if i < 4
                  else "phonenumbers DK metadata (is_valid_number)")
        add("telefon", rng.choice(PHONE_SENTENCES).format(v=value), value, source)

# -- e-mail --------------------------------------------------------------------------
firsts = sorted(first_name_ranks(), key=first_name_ranks().get)
lasts = sorted(surname_ranks(), key=surname_ranks().get)
DOMAINS = ["rm.dk", "regionh.dk", "rsyd.dk", "rn.dk", "regionsjaelland.dk", "aarhus.dk",
           "kk.dk", "gmail.com", "hotmail.com", "outlook.dk", "mail.dk", "live.dk"]
EMAIL_SENTENCES = ["Skriv til {v} for at aftale tid.", "Mail: {v}", "Henvisningen sendes til {v}.",
                   "Kontakt koordinator ({v}) ved spørgsmål.", "Borgerens e-mail er {v}."]
for _ in range(40):
    f, la = rng.choice(firsts[:300]), rng.choice(lasts[:300])
    local = rng.choice([f"{f}.{la}", f"{f[:2]}{la[:2]}", f"{f}{rng.randint(1, 99)}",
                        f"{f}_{la}", f"{f}.{la}+gop"]).lower()
    local = local.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    value = f"{local}@{rng.choice(DOMAINS)}"
    add("email", rng.choice(EMAIL_SENTENCES).format(v=value), value,
        "DST names (OS2datascanner datasets) + Danish public/e-mail domains")

# -- addresses -----------------------------------------------------------------------
TOWNS = ["8000 Aarhus C", "7100 Vejle", "5000 Odense C", "2100 København Ø", "8660 Skanderborg",
         "9000 Aalborg", "6700 Esbjerg", "4000 Roskilde", "3400 Hillerød", "8600 Silkeborg",
         "7400 Herning", "6000 Kolding", "8800 Viborg", "4700 Næstved", "2730 Herlev",
         "8900 Randers C", "5700 Svendborg", "6400 Sønderborg", "7500 Holstebro", "3000 Helsingør"]
# Street names as people write them (the register also holds "Bro 34" and allotment names).
streets = sorted(n for n in street_names()
                 if not any(c.isdigit() for c in n) and all(w[:1].isupper() for w in n.split()))
ADDRESS_SENTENCES = ["Borgeren bor på {v} med sin søn.", "Adresse: {v}", "Flyttet til {v} i foråret.",
                     "Hjemmebesøg på {v} aftalt.", "Opholdsadresse {v}, jf. kommunen.",
                     "Bor alene i lejlighed på {v}."]
for _ in range(90):
    street = rng.choice(streets)
    number = f"{rng.randint(1, 250)}{rng.choice(['', '', 'A', 'B', 'C'])}"
    extra = rng.choice(["", "", ", 2. tv.", ", st. th.", ", 1. sal", " 3. mf.", ", 4.th."])
    town = rng.choice(["", "", f", {rng.choice(TOWNS)}", f", DK-{rng.choice(TOWNS)}"])
    value = f"{street} {number}{extra}{town}"
    add("adresse", rng.choice(ADDRESS_SENTENCES).format(v=value), value,
        "DAWA street names (OS2datascanner datasets) + Danish address format")
for town in TOWNS:
    value = rng.choice([town, town.upper(), "DK-" + town, "DK-" + town.upper()])
    add("adresse", f"Borgeren er flyttet til {value} og har fået ny egen læge.", value,
        "Danish postcodes (PostNord) + address format (spec: any case, DK-)")
for value in ["Dronning Dagmars Vej 200", "Frede Juels Vej 75B, 2. tv.", "Syvvejen 6C",
              "Drosselsti 140A", "H.C. Andersens Boulevard 18", "Sankt Peders Stræde 12, 3. th.",
              "Kong Christian X's Allé 4", "Ny Østergade 7", "Gammel Kongevej 100A"]:
    add("adresse", f"Borgeren bor på {value} sammen med sin kæreste.", value,
        "issue 16 / Danish multi-word street formats")

# -- names ---------------------------------------------------------------------------
NAME_FULL = ["Samtale med {f} {l} om bolig.", "{f} {l} deltog i udskrivningskonferencen.",
             "Kontaktperson er {f} {l}.", "Datteren {f} {l} ønsker at deltage.",
             "Borgeren bor sammen med {f} {l}.", "Plan drøftet med overlæge {f} {l}.",
             "Hjemmevejleder {f} {l} følger op.", "Aftalt med {f} {l}, at hun ringer."]
NAME_ALONE = ["Aftale med {f} i morgen.", "Veninden {f} hjælper med indkøb.",
              "{f} har svært ved at komme ud af lejligheden.", "Kollegaen {f} er en støtte.",
              "Hun hedder {f} og er 30 år.", "Status: {f} sover bedre.",
              "Borgeren og {f} mødes ugentligt.", "Sønnen {f} kommer på besøg."]
for _ in range(70):
    f = rng.choice(firsts[:4000])
    la = rng.choice(lasts[:800])
    add("navn", rng.choice(NAME_FULL).format(f=f, l=la), f"{f} {la}",
        "Danmarks Statistik names (OS2datascanner datasets), rank-sampled")
for _ in range(50):
    f = rng.choice([n for n in firsts[:1500] if "-" not in n])
    add("navn", rng.choice(NAME_ALONE).format(f=f), f,
        "Danmarks Statistik first names (OS2datascanner datasets), rank <= 1500")
for _ in range(40):
    f = rng.choice(firsts[:1000])
    la = rng.choice(lasts[:400])
    form = rng.choice(["{i}. {l}", "{l}, {f}", "{F} {L}", "{f}s", "hr. {l}", "fru {l}"])
    value = form.format(i=f[0], l=la, f=f, F=f.upper(), L=la.upper())
    if form == "{f}s":
        text = f"{value} mor deltog i mødet."
        if f.endswith("s"):
            continue
    elif form in ("hr. {l}", "fru {l}"):
        text = f"Har talt med {value} om forløbet."
        value = la
    else:
        text = f"Samtale med {value} den 3. maj."
    add("navn", text, value, "DST names; forms from issue 16 (initial, 'Efternavn, Fornavn', "
        "all caps, genitive, hr./fru)")

# -- ages and birth dates ------------------------------------------------------------
AGE_FORMS = ["Kvinde, {a} år, henvist fra egen læge.", "Mand {a} år med svær depression.",
             "Den {a}-årige kvinde udskrives.", "{a}-årig mand, enlig.",
             "Borgeren ({a} år) bor alene.", "{n}, {a} år, ønsker job.", "Hun er {a} år gammel.",
             "Patienten er {a} år og bor med sin mor.", "Han fylder {a} år i juni.",
             "En {a}-årig borger med skizofreni.", "Pt. er en kvinde på {a} år."]
for _ in range(60):
    a = rng.randint(18, 95)
    form = rng.choice(AGE_FORMS)
    n = rng.choice(firsts[:500])
    text = form.format(a=a, n=n)
    value = f"{a}-årig" if "-årig" in form else f"{a} år"
    if "-årige" in form:
        value = f"{a}-årige"
    add("dato_foedsel", text, value, "Danish age forms (issue 16); DST names")
for value in ["3. marts 1961", "12. maj", "1961-03-03", "03.03.61", "14. februar 1988"]:
    add("dato_foedsel", f"Borgeren er født {value} i Vejle.", value, "spec/privacy.md birth dates")

# -- look-alikes: must not be flagged ------------------------------------------------
LOOK_ALIKES = [
    "Ventetiden er 2 år.", "Uddannelsen er 4 år lang.", "3 år i behandling i distriktspsykiatrien.",
    "Har været syg i 3 år.", "Sygemeldt gennem 2 år.", "Debuterede for 5 år siden.",
    "Har 3 års erfaring som pædagog.", "Aldersgruppe 60-69.", "aldersgruppe 18-29 år",
    "Kommunen bevilger en 3-årig uddannelse.", "Behandlingen varer 2 år.", "Forløbet er 1 år.",
    "Modtager 35.000 kr om året.", "Huslejen er 5000 Kr. om måneden.", "Beløb kr. 12345678.",
    "Overført kr. 23456789 til kontoen.", "CVR 12345678 på leverandøren.",
    "Kontonummer 1234 5678 9012.", "Journalnummer 1234567890 i systemet.",
    "Sagsnummer 24-123456 i kommunen.", "Journalnr. 87654321.", "Reg.nr. 1234 konto 12345678.",
    "Diagnose DF32.1 og DF41.1.", "ICD-10: F20.0, F33.2 og F60.3.", "Behandles med N06AB06.",
    "ATC N05AH03 (olanzapin) 10 mg.", "Genoptræning efter Sundhedsloven § 140.",
    "Bostøtte efter servicelovens § 85.", "§ 140 og § 85 i samspil.", "Træning i 4-6 uger.",
    "Træner 2 gange om ugen.", "Planen blev skrevet i 2025.", "I 2019 Psykiatrisk Center Glostrup.",
    "2019 Psykiatrisk Center Glostrup overtog behandlingen.", "Fælledparken 3 km fra hjemmet.",
    "Går 5 km om dagen.", "Indlagt på Psykiatrisk Afdeling Vejle.", "Samarbejde med Region Syddanmark.",
    "Henvist til SIND og Psykiatrifonden.", "Indlagt på Niels Steensens Hospital i 2 uger.",
    "Ambulant forløb på Dronning Ingrids Hospital.", "Opfølgning på Sankt Hans Hospital.",
    "Kontakt til Aarhus Universitetshospital, Psykiatrien.", "Silkeborg Kommune bevilger bostøtte.",
    "Region Midtjylland og Vejle Kommune samarbejder.", "Ønsker at bo i egen bolig.",
    "Bo i egen bolig med støtte.", "Det var en stor lise at komme hjem.", "Går tur i sol og storm.",
    "Storm og regn gør det svært at komme ud.", "Sol og frisk luft hver dag.",
    "Tage bussen alene til træning.", "Liv og trivsel i hverdagen.", "Glad for sit nye værksted.",
    "Frank og ærlig dialog med borgeren.", "Ro og hvile efter indlæggelsen.",
    "Lykke er at have et arbejde.", "Tom for energi om aftenen.", "Lise fra Psykiatrifonden ringer.",
    "Forventningen var 3000-4000 planer om året.", "Der er 12 deltagere i gruppen i 2024 og 2025.",
    "Tidsrum 2024-2025 og 2024 2025.", "Mødet er kl. 10.30 den 12.03.2025.",
    "Kontakt 2025-03-14 til 2025-04-01.", "Score 24 på PHQ-9 og GAF 45.", "Uge 12 og uge 14.",
    "3 x 30 min. gåtur dagligt.", "Version 2.1 af planen.", "Afsnit 3 og trin 2 i forløbet.",
    "Se https://www.sundhed.dk og https://www.sst.dk/da/udgivelser.",
    "Bor med 3 personer, 2 gange 4 uger.", "Kolding og Vejle kommuner samarbejder.",
    "Mødes med kontaktpersonen hver mandag.", "Borgeren ønsker at genoptage arbejdet.",
    "Han har svært ved at strukturere hverdagen.", "Hans mor deltager i samtalerne.",
    "Per uge er der to samtaler.", "Dag- og døgntilbud i Region Hovedstaden.",
    "Åben Dialog anvendes i forløbet.", "Recovery-orienteret indsats efter IPS-modellen.",
    "Lovbekendtgørelse nr. 1284 af 17. november 2023.", "Vejledning nr. 9743 af 12. december 2018.",
    "Tallet 320161-1234 er ingen dato.", "Plan 290200-1234 her.", "Nummer 010130-4234 er ufødt.",
    "Ringer 2 gange om ugen.", "Taber 5 kg på 3 måneder.",
    "Postnummer nævnes ikke: 2 gange 3 uger.", "Kørsel 12 km hver vej.",
    "Deltager i SIND Ungdom og LAP.", "Besøgsven fra Røde Kors kommer hjem.",
    "Psykiatrifonden og Bedre Psykiatri tilbyder samtaler.", "Mental Sundhed i Danmark.",
    "Rehabiliteringsteamet i Herning vurderer sagen.", "Fra 1. januar 2026 gælder ny praksis.",
    "Borgeren har haft 4 indlæggelser de sidste 2 år.", "Han har været i behandling i 10 år.",
    "Fik 5000 kr. i hjælp til depositum.", "Medicin: 20 mg sertralin dagligt.",
    "Lithium 0,8 mmol/l.", "Bolig på 45 m2 med altan.", "Over 18 år kræves samtykke.",
    "Unge under 25 år tilbydes mentor.", "Ventelisten er 18 måneder.",
    "Kommunen har 2 år til at tilpasse indsatsen.", "Planen gælder 1 år ad gangen.",
]
for text in LOOK_ALIKES:
    add("ingen", text, "", "look-alike (durations, amounts, codes, years, §, institutions, words)")

with OUT.open("w", encoding="utf-8", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["id", "kind", "text", "value", "source"])
    for i, (kind, text, value, source) in enumerate(cases, start=1):
        writer.writerow([i, kind, text, value, source])
print(f"{len(cases)} cases -> {OUT}")
