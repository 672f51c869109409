"""The quality criteria Q01-Q06 (criteria.md): transparent word rules, not decisions.

Each rule looks for words in the plan's text after folding (lower case, æ/ø/å spelt
ae/oe/aa), so "før" and "foer" count the same. The note names the words or statements
that decided, so the forum can see when a heuristic is wrong, and the forum's decision in
the review round overrides it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditlib.criteria.base import (
    IKKE_OPFYLDT,
    KAN_IKKE_VURDERES,
    KVALITET,
    OPFYLDT,
    Outcome,
    Plan,
    criterion,
)
from auditlib.text import fold_text

_LETTERS = {"æ": "(?:æ|ae)", "ø": "(?:ø|oe)", "å": "(?:å|aa)"}


def _danish(word: str) -> str:
    """A regex for ``word`` that also matches the ASCII spelling of æ, ø and å."""
    return "".join(_LETTERS.get(ch) or re.escape(ch) for ch in word.lower())


def _pattern(words: list[str]) -> re.Pattern[str]:
    """Words and phrases at word boundaries, any case, with or without æøå; ``*`` after a
    word allows an ending ("indkøb*" also finds "indkøbene"), otherwise the word ends there."""
    parts = []
    for phrase in words:
        tokens = [_danish(token.rstrip("*")) + (r"\w*" if token.endswith("*") else "")
                  for token in phrase.split()]
        parts.append(r"\s+".join(tokens) + ("" if phrase.endswith("*") else r"\b"))
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.UNICODE | re.IGNORECASE)


def _found(pattern: re.Pattern[str], text: str) -> list[str]:
    """The distinct matches (as written in the plan, lower case) in reading order."""
    return list(_found_cached(pattern, text))


@lru_cache(maxsize=1 << 16)
def _found_cached(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    # Registers repeat standard phrases ("se journal", a unit's usual wording): each
    # distinct text is searched once.
    seen: dict[str, None] = {}
    for match in pattern.finditer(text):
        seen.setdefault(" ".join(match.group(0).lower().split()), None)
    return tuple(seen)


def _quote(words: list[str], limit: int = 5) -> str:
    shown = ", ".join(f"'{w}'" for w in words[:limit])
    return shown + (" …" if len(words) > limit else "")


# -- Q01 ----------------------------------------------------------------------------------
COMPARISON = _pattern([
    "før", "tidligere", "vanligvis", "vanlig*", "habituel*", "sædvanlig*", "normalt",
    "plejede", "plejer", "inden indlæggelsen", "inden sygdommen", "inden forløbet",
    "præmorbid*", "premorbid*", "sammenlignet med", "i forhold til før", "end før",
    "tidligere funktionsniveau", "indtil for", "op til indlæggelsen", "forud for",
])


@criterion("Q01", "Tidligere funktionsniveau sammenlignet", "kvalitet", KVALITET,
           "Funktionsevnen sammenlignes med det tidligere funktionsniveau.")
def q01(plan: Plan) -> Outcome:
    if not plan.stated("funktionsevne"):
        return Outcome(KAN_IKKE_VURDERES, "funktionsevne er ikke beskrevet, så der er intet "
                                          "at sammenligne.")
    for column in ("funktionsevne", "helhedsvurdering"):
        words = _found(COMPARISON, plan.text(column))
        if words:
            return Outcome(OPFYLDT, f"{column} sammenligner med tidligere funktion "
                                    f"(ordene {_quote(words)}).")
    return Outcome(IKKE_OPFYLDT, "funktionsevne er beskrevet, men uden sammenligning med "
                                 "funktionen før sygdommen (fx 'før', 'tidligere', "
                                 "'vanligvis').")


# -- Q02 ----------------------------------------------------------------------------------
_ASCII = {"ae": "æ", "oe": "ø", "aa": "å"}
_ASCII_LETTERS = re.compile("ae|oe|aa")
NUMBER_WORDS = ("en", "et", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti",
                "tolv", "femten", "tyve", "halv", "halvanden")
_NUM = r"(?:\d+(?:[,.]\d+)?|" + "|".join(NUMBER_WORDS) + r")"
MEASURE = re.compile(_ASCII_LETTERS.sub(lambda m: _LETTERS[_ASCII[m.group(0)]],
    r"\b(?:"
    rf"{_NUM}\s+gang(?:e)?\b"                                        # 2 gange, to gange
    r"|gang(?:e)?\s+(?:om|pr\.?|per|i)\s+(?:dagen|ugen|maaneden|uge|dag|maaned)"
    r"|hver\s+(?:dag|uge|morgen|aften|anden|hverdag|maaned)\w*"
    r"|dagli\w*|ugentli\w*"
    rf"|{_NUM}\s*(?:-\s*{_NUM}\s*)?(?:minut\w*|min|timer?|km|kilometer|meter|m|sider|skridt"
    r"|dage|uger|maaneder|aktivitet\w*|maaltider|maaltid)\b"
    rf"|(?:inden|indenfor|inden\s+for|efter|om|paa|i\s+loebet\s+af|over)\s+{_NUM}\s+"
    r"(?:dage|uger|uge|maaneder|maaned|aar)\b"
    r"|senest\s+(?:kl|om|den|i|ved|\d)\w*"
    r"|kl\.?\s*\d"
    r"|(?:mandag|tirsdag|onsdag|torsdag|fredag|loerdag|soendag)\w*"
    r")"), re.UNICODE | re.IGNORECASE)
ACTIVITY = _pattern([
    "handle* ind", "handler", "indkøb*", "tage bussen", "tager bussen", "toget", "cykle*",
    "gå en tur", "går en tur", "går tur*", "gåtur*", "lave mad", "laver mad", "madlavning",
    "støvsug*", "vaske tøj", "vasker tøj", "tøjvask", "ugeskema*", "kalender*", "står op",
    "stå op", "spise*", "spiser", "morgenmad", "deltage* i", "deltager i", "møde op",
    "møder op", "læse*", "læser", "ringe*", "ringer", "svømme*", "løbe*", "løber",
    "træne*", "træner", "gøre rent", "gør rent", "rengøring", "betale regning*",
    "åbne post", "åbner post", "bad", "tage bad", "børste tænder", "gå i seng", "sove*",
])
VAGUE_ONLY = "angiver hverken en aktivitet med hyppighed, mængde, tidsramme eller en navngiven aktivitet"


@criterion("Q02", "Konkrete og målbare mål", "kvalitet", KVALITET,
           "Målene er konkrete: en aktivitet borgeren kan gøre, med hyppighed, mængde, "
           "tidsramme eller en navngiven aktivitet.")
def q02(plan: Plan) -> Outcome:
    goals = plan.statements_in("maal")
    if not goals:
        return Outcome(IKKE_OPFYLDT, "maal er tomt eller en pladsholder; der er ingen mål.")
    for goal in goals:
        measures = [" ".join(m.group(0).lower().split()) for m in MEASURE.finditer(goal.text)]
        activities = _found(ACTIVITY, goal.text)
        if measures and activities:
            return Outcome(OPFYLDT, f"Konkret mål i maal, udsagn {goal.number}: aktivitet "
                                    f"{_quote(activities, 2)} med {_quote(measures, 2)}.")
        if measures or activities:
            found = measures or activities
            return Outcome(OPFYLDT, f"Konkret mål i maal, udsagn {goal.number}: "
                                    f"{_quote(found, 3)}.")
    return Outcome(IKKE_OPFYLDT, f"Ingen af de {len(goals)} mål i maal {VAGUE_ONLY} "
                                 "(fx 'handler selv ind 2 gange om ugen').")


# -- Q03 / Q06: the four domains of DOMAIN.md §3.2 ------------------------------------------
DOMAINS: dict[str, re.Pattern[str]] = {
    "bevægelse": _pattern([
        "balance*", "kondition*", "styrke*", "muskel*", "muskul*", "uro", "indre uro",
        "spænding*", "anspænd*", "motori*", "fysisk aktiv*", "fysisk træning", "gangfunktion",
        "udholdenhed*", "smerte*",
    ]),
    "aktivitet": _pattern([
        "struktur*", "strukturere", "rutine*", "egenomsorg*", "personlig hygiejne", "hygiejne*",
        "transport*", "bussen", "offentlig transport", "husførelse*", "husholdning*",
        "husligt*", "huslige*", "indkøb*", "madlavning*", "lave mad", "rengøring*", "tøjvask*",
        "døgnrytme*", "planlægge*", "planlægning*", "ugeskema*", "måltid*", "økonomi",
        "hverdagens opgaver", "daglige gøremål", "dagligdags*",
    ]),
    "mental": _pattern([
        "hukommelse*", "koncentration*", "koncentrere*", "initiativ*", "energi*",
        "negative tanker", "tankemønstr*", "kropsopfattelse*", "kropsbevidsthed*",
        "opmærksomhed*", "overblik*", "overskud*", "udtrætt*", "træthed*", "angst*",
        "bekymring*", "motivation*", "kognitiv*", "mestring*", "stress*",
    ]),
    "social": _pattern([
        "social* færdighed*", "sociale relationer", "social kontakt", "sociale kontakter",
        "tage kontakt", "kontakt med andre", "konflikt*", "samvær*", "isolation",
        "isoler*", "sociale sammenhænge", "sociale situationer", "socialt", "relationer",
        "kommunikation*", "samspil*",
    ]),
}


def domains_named(text: str) -> dict[str, list[str]]:
    """The domains whose words occur in ``text``, with the words that showed them."""
    named = {}
    for domain, pattern in DOMAINS.items():
        words = _found(pattern, text)
        if words:
            named[domain] = words
    return named


def _describe(named: dict[str, list[str]]) -> str:
    return "; ".join(f"{domain}: {_quote(words, 3)}" for domain, words in named.items())


@criterion("Q03", "Målrettede funktionsnedsættelser", "kvalitet", KVALITET,
           "Genoptræningsbehovet nævner mindst én funktionsnedsættelse i et af de fire "
           "domæner (bevægelse, aktivitet, mental, social).")
def q03(plan: Plan) -> Outcome:
    named = domains_named(plan.text("genoptraeningsbehov"))
    if named:
        return Outcome(OPFYLDT, f"genoptraeningsbehov nævner funktionsnedsættelser i "
                                f"{len(named)} domæne(r): {_describe(named)}.")
    if not plan.stated("genoptraeningsbehov"):
        return Outcome(IKKE_OPFYLDT, "genoptraeningsbehov er ikke beskrevet, så ingen "
                                     "funktionsnedsættelse er nævnt.")
    return Outcome(IKKE_OPFYLDT, "genoptraeningsbehov nævner ingen funktionsnedsættelse i de "
                                 "fire domæner (fx struktur, koncentration, kondition, "
                                 "sociale færdigheder).")


# -- Q04 ----------------------------------------------------------------------------------
@criterion("Q04", "Gråzone mellem sundhed og andre sektorer", "kvalitet", KVALITET,
           "Alle udsagn i genoptræningsbehov og mål hører til genoptræning efter "
           "sundhedsloven; andre sektorers indsatser er gråzoner, som forummet afgør.")
def q04(plan: Plan) -> Outcome:
    statements = plan.statements_in("genoptraeningsbehov", "maal")
    if not statements:
        return Outcome(KAN_IKKE_VURDERES, "genoptraeningsbehov og maal har ingen udsagn at "
                                          "klassificere.")
    other = [s for s in statements if s.label != "genoptraening"]
    close = [s for s in statements if s.label == "genoptraening" and s.greyzone]
    if other:
        listed = "; ".join(f"{s.field} {s.number}: {s.label} ({s.probability:.0%})"
                           for s in other)
        note = f"{len(other)} af {len(statements)} udsagn hører til en anden sektor: {listed}."
        if close:
            note += f" Desuden {len(close)} tæt løb, som forummet bør se på."
        return Outcome(IKKE_OPFYLDT, note)
    note = f"Alle {len(statements)} udsagn klassificeret som genoptræning."
    if close:
        listed = "; ".join(f"{s.field} {s.number}" for s in close)
        note += (f" {len(close)} udsagn er tæt løb mellem to sektorer ({listed}) og står "
                 "som gråzone i udsagnslisten.")
    return Outcome(OPFYLDT, note)


# -- Q05 ----------------------------------------------------------------------------------
@criterion("Q05", "Sikkerhed og praktiske hensyn", "kvalitet", KVALITET,
           "Planen beskriver sikkerhed og praktiske hensyn (risiko, medicin, transport …).")
def q05(plan: Plan) -> Outcome:
    if plan.stated("hensyn"):
        return Outcome(OPFYLDT, "Hensyn er beskrevet i hensyn.")
    return Outcome(IKKE_OPFYLDT, "hensyn er tom eller en pladsholder; sikkerhed og praktiske "
                                 "hensyn er ikke beskrevet.")


# -- Q06 ----------------------------------------------------------------------------------
PSYCHOSIS = re.compile(r"\bF2\d")
SUICIDE = _pattern(["selvmord*", "suicid*", "selvskade*", "selvskadende"])
NEGATION = re.compile(r"\b(?:ingen|ikke|uden|afkraeft\w*|benaegt\w*)\s+(?:\w+\s+){0,2}$")
FREE_TEXT = ("helhedsvurdering", "funktionsevne", "genoptraeningsbehov", "maal", "ressourcer",
             "hensyn", "oevrige_indsatser", "bemaerkninger")


_SUICIDE_HINTS = ("selvmord", "suicid", "selvskad")


def names_suicide_risk(plan: Plan) -> str | None:
    """The column that names suicide risk (not negated: "ingen selvmordstanker")."""
    for column in FREE_TEXT:
        text = plan.text(column)
        lowered = text.lower()
        if not any(hint in lowered for hint in _SUICIDE_HINTS):
            continue
        folded = fold_text(text)
        for match in SUICIDE.finditer(folded):
            if not NEGATION.search(folded[:match.start()]):
                return column
    return None


@criterion("Q06", "Niveau passer til kompleksitet", "kvalitet", KVALITET,
           "Almen genoptræning er ikke valgt til komplekse behov (mange domæner, psykose "
           "eller selvmordsrisiko).")
def q06(plan: Plan) -> Outcome:
    level = plan.get("niveau")
    if level is None:
        return Outcome(KAN_IKKE_VURDERES, "niveau er ikke angivet.")
    if level != "almen":
        return Outcome(OPFYLDT, f"Niveau {level} er ikke almen.")
    reasons = []
    named = domains_named(plan.text("genoptraeningsbehov"))
    if len(named) >= plan.settings.complexity_domains:
        reasons.append(f"behovet spænder over {len(named)} domæner ({', '.join(named)})")
    diagnoses = plan.text("diagnose")
    if PSYCHOSIS.search(diagnoses):
        reasons.append("diagnosen er en psykose (F20-F29)")
    column = names_suicide_risk(plan)
    if column:
        reasons.append(f"{column} nævner selvmordsrisiko")
    if reasons:
        return Outcome(IKKE_OPFYLDT, "Niveau almen, men " + " og ".join(reasons)
                       + ": overvej specialiseret niveau.")
    return Outcome(OPFYLDT, f"Niveau almen passer: {len(named)} domæne(r), ingen psykose, "
                            "ingen selvmordsrisiko nævnt.")
