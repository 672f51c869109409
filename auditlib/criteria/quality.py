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
from auditlib.criteria.function_loss import DOMAIN_TITLES, LossTerm, function_loss_terms
from auditlib.needles import StartIndex, matches
from auditlib.text import fold_text

_LETTERS = {"æ": "(?:æ|ae)", "ø": "(?:ø|oe)", "å": "(?:å|aa)"}


def _danish(word: str) -> str:
    """A regex for ``word`` that also matches the ASCII spelling of æ, ø and å."""
    return "".join(_LETTERS.get(ch) or re.escape(ch) for ch in word.lower())


_FOLD_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
# Text of these characters matches a case-insensitive pattern exactly when its lower case
# does, one character for one: ASCII, the Latin-1 letters (æøå, "é") and characters
# without case ("§", "–", "•"). Others ("ſ", the Kelvin sign, "İ", Greek sigma) have case
# rules of their own in ``re`` or in ``str.lower``; a text holding one is searched whole.
_PLAIN_CASE = re.compile(r"[\x00-\x7f\xc0-\xd6\xd8-\xf6\xf8-\xff]*")


def _plain_case(text: str) -> bool:
    return _PLAIN_CASE.fullmatch(text) is not None or all(map(_plain_char, set(text)))


@lru_cache(maxsize=4096)
def _plain_char(char: str) -> bool:
    return ("\xc0" <= char <= "\xff" and char not in "×÷") or (
        char.lower() == char == char.upper() and char.casefold() == char)


def _fold_danish(text: str) -> str:
    return text.lower().translate(_FOLD_DANISH)


class WordPattern:
    """Words and phrases as one regular expression (``regex``) and, per phrase, its first
    word folded: a match of the phrase begins with that word, so ``found`` tries the
    expression only where one of them begins in the text (``auditlib.needles``), which
    finds what a search of the whole text finds."""

    def __init__(self, parts: list[str], leads: list[str]):
        self.regex = re.compile(r"\b(?:" + "|".join(parts) + ")", re.UNICODE | re.IGNORECASE)
        self.starts = StartIndex(leads, _fold_danish) if all(leads) else None
        self._found: dict[str, tuple[str, ...]] = {}

    def found(self, text: str) -> tuple[str, ...]:
        """The distinct matches (as written in the plan, lower case) in reading order."""
        # Registers repeat standard phrases ("se journal", a unit's usual wording): each
        # distinct text is searched once.
        known = self._found.get(text)
        if known is not None:
            return known
        if len(self._found) >= _MAX_CACHED:
            self._found.clear()
        if self.starts is not None and _plain_case(text):
            hits = matches(self.regex, text, self.starts.places(text))
        else:  # case rules of their own: the whole text is searched
            hits = self.regex.finditer(text)
        seen: dict[str, None] = {}
        for match in hits:
            seen.setdefault(" ".join(match.group(0).lower().split()), None)
        known = self._found[text] = tuple(seen)
        return known


_MAX_CACHED = 1 << 16


def _pattern(words: list[str]) -> WordPattern:
    """Words and phrases at word boundaries, any case, with or without æøå; ``*`` after a
    word allows an ending ("indkøb*" also finds "indkøbene"), otherwise the word ends there."""
    parts, leads = [], []
    for phrase in words:
        tokens = [_danish(token.rstrip("*")) + (r"\w*" if token.endswith("*") else "")
                  for token in phrase.split()]
        parts.append(r"\s+".join(tokens) + ("" if phrase.endswith("*") else r"\b"))
        leads.append(_fold_danish(phrase.split()[0].rstrip("*")) if phrase.split() else "")
    return WordPattern(parts, leads)


def _found(pattern: WordPattern, text: str) -> list[str]:
    """The distinct matches (as written in the plan, lower case) in reading order."""
    return list(pattern.found(text))


def _quote(words: list[str], limit: int = 5) -> str:
    shown = ", ".join(f"'{w}'" for w in words[:limit])
    return shown + (" …" if len(words) > limit else "")


# -- Q01 ----------------------------------------------------------------------------------
# "før" alone is also "before" in time ("øve sig før møder"): it compares with the earlier
# level only when it points back to the time before the illness or is used as "formerly".
_ILLNESS_TIME = ("indlæggelse*", "sygdom*", "syg", "forløb*", "debut*", "episode*",
                 "depression*", "psykose*", "sygemelding*", "kontakt*", "krise*",
                 "tilbagefald*", "symptom*", "dette forløb", "hun blev*", "han blev*",
                 "borgeren blev*", "i tiden", "sin*", "sit", "behandling*")
COMPARISON = _pattern([
    "tidligere", "vanligvis", "vanlig*", "habituel*", "sædvanlig*", "normalt",
    "plejede", "plejer", "inden indlæggelse*", "inden sygdom*", "inden forløb*",
    "inden hun", "inden han", "præmorbid*", "premorbid*", "sammenlignet med",
    "i forhold til før", "end før", "som før", "før i tiden", "indtil for", "op til indlæggelse*",
    "forud for", "engang", "førhen", "i modsætning til",
    *[f"før {word}" for word in _ILLNESS_TIME],
    # "før" as "formerly" next to the verb: "klarede før selv", "før kunne hun"
    *[f"{verb} før" for verb in ("kunne", "klarede", "var", "havde", "har", "gik", "arbejdede",
                                  "boede", "passede")],
    *[f"før {verb}" for verb in ("kunne", "klarede", "var", "havde", "har", "gik",
                                  "arbejdede", "boede", "passede")],
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
                                 "funktionen før sygdommen (fx 'før indlæggelsen', "
                                 "'tidligere', 'vanligvis', 'habituelt').")


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
    r"|hver\s+(?:dag|uge|morgen|aften|nat|anden|hverdag|maaned)\w*"
    r"|dagli\w*|ugentli\w*"
    rf"|{_NUM}\s*(?:-\s*{_NUM}\s*)?(?:minut\w*|min|timer?|km|kilometer|meter|m|sider|skridt"
    r"|dage|uger|maaneder|aktivitet\w*|maaltider|maaltid)\b"
    rf"|(?:inden|indenfor|inden\s+for|efter|om|paa|i\s+loebet\s+af|over)\s+{_NUM}\s+"
    r"(?:dage|uger|uge|maaneder|maaned|aar)\b"
    r"|senest\s+(?:kl|om|den|i|ved|\d)\w*"
    r"|kl\.?\s*\d"
    r"|(?:mandag|tirsdag|onsdag|torsdag|fredag|loerdag|soendag)\w*"
    r")"), re.UNICODE | re.IGNORECASE)
# Activities a person can be seen doing (criteria.md: handle ind, tage bussen, gå en tur,
# lave mad). Feelings and states ("få det bedre", "sove bedre", "trives") are not here;
# "løbe" is listed by its forms so that "i løbet af" is not an activity.
ACTIVITY = _pattern([
    "handle* ind", "handler", "handle", "indkøb*", "tage bussen", "tager bussen", "toget",
    "tage toget", "cykle*", "cykler", "gå en tur", "går en tur", "gå tur*", "går tur*",
    "gåtur*", "gå ture", "går ture", "gå til", "går til", "lave mad", "laver mad",
    "madlavning", "aftensmad*", "frokost*", "madpakke*", "morgenmad", "støvsug*", "vaske tøj",
    "vasker tøj", "tøjvask", "vaske op", "vasker op", "rydde op", "rydder op", "ugeskema*",
    "ugeplan*", "kalender*", "står op", "stå op", "spise", "spiser", "deltage* i",
    "deltager i", "møde op", "møder op", "mødes med", "komme ud", "kommer ud", "læse",
    "læser", "ringe til", "ringer til", "ringe og", "svømme", "svømmer", "løbe", "løber",
    "løbetur*", "træne", "træner", "gøre rent", "gør rent", "rengøring", "betale regning*",
    "betaler regning*", "åbne post*", "åbner post*", "tage bad", "tager bad", "komme i bad",
    "kommer i bad", "i bad", "tage tøj på", "tager tøj på", "børste tænder", "gå i seng",
    "går i seng", "sove", "sover", "besøge*", "besøger", "tage medicin*", "tager medicin*",
    "følge* sit", "følger sin", "bruge* sin", "bruger sin", "skrive*", "skriver",
    "køre", "kører", "køre bil", "kører bil", "cykel*",
])
VAGUE_ONLY = ("en aktivitet, borgeren kan ses gøre, sammen med en hyppighed, "
              "mængde eller tidsramme")


def _measures(text: str) -> list[str]:
    return list(_measures_cached(text))


@lru_cache(maxsize=1 << 16)
def _measures_cached(text: str) -> tuple[str, ...]:
    # A register's goals repeat ("2 gange om ugen"): each distinct statement is read once.
    return tuple(dict.fromkeys(" ".join(m.group(0).lower().split())
                               for m in MEASURE.finditer(text)))


@criterion("Q02", "Konkrete og målbare mål", "kvalitet", KVALITET,
           "Mindst ét mål er en aktivitet, borgeren kan ses gøre, med hyppighed, mængde "
           "eller tidsramme.")
def q02(plan: Plan) -> Outcome:
    goals = plan.statements_in("maal")
    if not goals:
        return Outcome(IKKE_OPFYLDT, "maal er tomt eller en pladsholder; der er ingen mål.")
    half = []
    for goal in goals:
        measures = _measures(goal.text)
        activities = _found(ACTIVITY, goal.text)
        if measures and activities:
            return Outcome(OPFYLDT, f"Konkret mål i maal, udsagn {goal.number}: aktivitet "
                                    f"{_quote(activities, 2)} med {_quote(measures, 2)}.")
        if measures:
            half.append(f"udsagn {goal.number} har {_quote(measures, 1)} men ingen aktivitet")
        elif activities:
            half.append(f"udsagn {goal.number} har aktiviteten {_quote(activities, 1)} men "
                        "hverken hyppighed, mængde eller tidsramme")
    which = "Målet i maal" if len(goals) == 1 else f"Ingen af de {len(goals)} mål i maal"
    note = f"{which} {'angiver ikke' if len(goals) == 1 else 'angiver'} {VAGUE_ONLY} " \
           "(fx 'handler selv ind 2 gange om ugen')."
    if half:
        note += " " + "; ".join(half).capitalize() + "."
    return Outcome(IKKE_OPFYLDT, note)


# -- Q03 / Q06: the four domains of DOMAIN.md §3.2, from the catalogue's keywords -----------
# A keyword counts with its Danish endings ("hukommelsen", "rutinerne") and as the first
# part of a compound about the impairment ("hukommelsesproblemer", "balancetræning").
_ENDING = r"(?:e|en|er|et|ene|erne|ens|ers|es|s|r|n|t|ede|ere|ne)?"
_COMPOUND = (r"(?:s?(?:træning\w*|træne\w*|øvelse\w*|problem\w*|besvær\w*|vanskelighed\w*"
             r"|nedsættelse\w*|tab\w*|svigt\w*|forstyrrel\w*|udfordring\w*|niveau\w*))?")


def _keyword_regex(keyword: str) -> str:
    tokens = [_danish(token) + _ENDING for token in keyword.split()]
    return r"\s+".join(tokens) + _danish_pattern(_COMPOUND) + r"\b"


def _danish_pattern(pattern: str) -> str:
    return "".join(_LETTERS.get(ch) or ch for ch in pattern)


class _DomainKeywords:
    """The keyword patterns, domain by domain in catalogue order, each with its point and
    its first word folded: every match begins with that word, so a pattern is tried only
    where the word begins in the text (``auditlib.needles``)."""

    def __init__(self, terms: tuple[LossTerm, ...]):
        by_domain: dict[str, list[tuple[str, re.Pattern[str], str]]] = {}
        for term in terms:
            pattern = re.compile(r"\b" + _keyword_regex(term.keyword),
                                 re.IGNORECASE | re.UNICODE)
            first = _fold_danish(term.keyword.split()[0]) if term.keyword.split() else ""
            by_domain.setdefault(term.domain, []).append((term.point, pattern, first))
        self.patterns = [(domain, point, pattern) for domain, found in by_domain.items()
                         for point, pattern, _ in found]
        leads = [first for found in by_domain.values() for _, _, first in found]
        self.starts = StartIndex(leads, _fold_danish) if all(leads) else None

    def scan(self, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if not text:
            return ()
        if self.starts is not None and _plain_case(text):
            places = self.starts.starts(text)
            found = ((number, matches(self.patterns[number][2], text, places[number]))
                     for number in sorted(places))
        else:  # case rules of their own: every pattern searches the whole text
            found = ((number, pattern.finditer(text))
                     for number, (_, _, pattern) in enumerate(self.patterns))
        named: dict[str, dict[str, None]] = {}
        for number, hits in found:
            domain, point, _ = self.patterns[number]
            for match in hits:
                named.setdefault(domain, {}).setdefault(
                    f"{' '.join(match.group(0).lower().split())} ({point})")
        return tuple((DOMAIN_TITLES.get(domain, domain), tuple(words))
                     for domain, words in named.items())


@lru_cache(maxsize=8)
def _domain_patterns(terms: tuple[LossTerm, ...]) -> _DomainKeywords:
    return _DomainKeywords(terms)


def domains_named(text: str) -> dict[str, list[str]]:
    """The domains whose catalogue keywords occur in ``text``, with the words (and the
    catalogue point, e.g. '3c') that showed them, in catalogue order."""
    # Q03 and Q06 both ask about the same genoptraeningsbehov: the keyword patterns run
    # once per text (a copy is returned, so a caller cannot change the cached one). The
    # cache belongs to one keyword list, compared by identity: hashing 150 terms on every
    # call cost more than the scan it saved.
    terms = function_loss_terms()
    if _NAMED_FOR[0] is not terms or len(_NAMED) > 1 << 16:
        _NAMED.clear()
        _NAMED_FOR[:] = [terms, _domain_patterns(terms)]
    named = _NAMED.get(text)
    if named is None:
        named = _NAMED[text] = _NAMED_FOR[1].scan(text)
    return {domain: list(words) for domain, words in named}


_NAMED: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}  # by text
_NAMED_FOR: list = [None, None]  # the keyword list _NAMED is for, and its patterns


def _describe(named: dict[str, list[str]]) -> str:
    return "; ".join(f"{domain}: {_quote(words, 3)}" for domain, words in named.items())


@criterion("Q03", "Målrettede funktionsnedsættelser", "kvalitet", KVALITET,
           "Genoptræningsbehovet nævner mindst én funktionsnedsættelse i et af de fire "
           "domæner (bevægelse, aktivitet, mental, social), efter katalogets nøgleord.")
def q03(plan: Plan) -> Outcome:
    if not plan.stated("genoptraeningsbehov"):
        return Outcome(IKKE_OPFYLDT, "genoptraeningsbehov er ikke beskrevet, så ingen "
                                     "funktionsnedsættelse er nævnt.")
    named = domains_named(plan.text("genoptraeningsbehov"))
    if named:
        return Outcome(OPFYLDT, f"genoptraeningsbehov nævner funktionsnedsættelser i "
                                f"{len(named)} domæne(r): {_describe(named)}.")
    return Outcome(IKKE_OPFYLDT, "genoptraeningsbehov nævner ingen funktionsnedsættelse med "
                                 "katalogets nøgleord for de fire domæner (fx struktur, "
                                 "hukommelse, kondition, sociale færdigheder); en diagnose "
                                 "eller et ønske om hjælp alene er ikke en målrettet "
                                 "funktionsnedsættelse.")


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
# The 7-parameter model (DOMAIN.md §4): the letters of each parameter's cells, grades 5..1.
# B = behandling, S = specialiseret, A = almen. The model has no combination rule; Q06
# follows criteria.md: almen with any grade in a cell without A is worth discussing, and
# specialised with every grade 1-2 is too.
GRADE_COLUMNS = ("p1_selvmordsrisiko", "p2_indsigt", "p3_motivation", "p4_symptommestring",
                 "p5_tidligere_forloeb", "p6_affektregulering", "p7_aarsag")
MODEL_CELLS: dict[str, dict[int, str]] = {
    "p1_selvmordsrisiko": {5: "B", 4: "B", 3: "S", 2: "A", 1: "A"},
    "p2_indsigt": {5: "B", 4: "B", 3: "B/S", 2: "A", 1: "A"},
    "p3_motivation": {5: "B", 4: "B", 3: "B/S", 2: "A", 1: "A"},
    "p4_symptommestring": {5: "B", 4: "B", 3: "S/A", 2: "A", 1: "A"},
    "p5_tidligere_forloeb": {5: "B", 4: "B", 3: "B/S", 2: "A", 1: "A"},
    "p6_affektregulering": {5: "B", 4: "B/S", 3: "S/A", 2: "A", 1: "A"},
    "p7_aarsag": {5: "B/S", 4: "B/S", 3: "S/A", 2: "A", 1: "A"},
}


def recorded_grades(plan: Plan) -> dict[str, int]:
    """The 7-parameter grades the plan records (1-5), by column, in parameter order."""
    grades = {}
    for column in GRADE_COLUMNS:
        value = plan.get(column)
        if value is None:
            continue
        try:
            grade = int(float(str(value).strip().replace(",", ".")))
        except ValueError:
            continue
        if grade in MODEL_CELLS[column]:
            grades[column] = grade
    return grades


def _cell(column: str, grade: int) -> str:
    return f"{column} = {grade} ({MODEL_CELLS[column][grade]})"


# -- Q06 without grades: a *current* raised suicide risk ------------------------------------
# criteria.md: only a current raised risk points away from almen; a past attempt, a risk
# that is "afklaret", negated or only named as the reason for the admission does not.
# The text is folded (æ → ae) before these patterns run.
SUICIDE = re.compile(r"\b(?:selvmord\w*|suicid\w*|tage\s+sit\s+(?:eget\s+)?liv|doedsoensk\w*"
                     r"|doedstank\w*|livstraet\w*)")
_NEGATION_BEFORE = re.compile(r"\b(?:ingen|ikke|uden|aldrig|intet|afkraefte\w*|benaegte\w*|"
                              r"negere\w*)\b(?:\s+\S+){0,3}\s*$")
_NEGATION_AFTER = re.compile(r"^\S*(?:\s+(?:er|vurderes|skoennes|findes|vurderet|nu|"
                             r"aktuelt|fortsat))*\s+(?:ikke|lav|lavt|minimal|lille|ingen|"
                             r"negativ|afkraeftet)\b")
_RESOLVED = re.compile(r"\b(?:afklare\w*|afklaret|aftage\w*|aftaget|ophoert|forsvundet|"
                       r"afstandtag\w*|tager\s+afstand|ikke\s+laengere|ikke\s+mere)\b")
_CURRENT = re.compile(r"\b(?:fortsat|fortsaetter|aktuelt|aktuel|stadig|stadigvaek|vedvarende|"
                      r"nu|p\.?t\.?|for\s+tiden|i\s+oejeblikket|ved\s+udskrivel\w*|"
                      r"ved\s+udskrivning\w*|nyopstaa\w*)\b")
_PAST = re.compile(r"\b(?:tidligere|har\s+haft|havde|hav\s+haft|haft|var|blev|anamnestisk\w*|"
                   r"under\s+indlaeggelsen|ved\s+indlaeggelsen|foer\s+indlaeggelsen|"
                   r"indlagt\s+(?:\S+\s+){0,4}(?:pga\.?|paa\s+grund\s+af|grundet|efter|med|"
                   r"for)|indlaeggelse\w*\s+(?:pga\.?|paa\s+grund\s+af|grundet|efter)|"
                   r"i\s+(?:19|20)\d\d|for\s+\S+\s+(?:aar|maaneder|uger)\s+siden|"
                   r"forsoeg\w*|selvmordsforsoeg\w*)\b")
_RAISED = re.compile(r"\b(?:forhoej\w*|oeget|oegede|hoej|akut\w*|selvmordstruet|suicidal\w*|"
                     r"selvmordsfare\w*|moderat\w*|betydelig\w*)\b")
# The patient "has" or "voices" the thoughts now ("har selvmordstanker", "oplever …");
# "er bekymrede for selvmord" (someone's worry) is not itself a described risk.
_PRESENT_HAS = re.compile(r"\b(?:har|oplever|udtrykker|beskriver|angiver)\s+(?:\S+\s+){0,2}$")
_SENTENCE = re.compile(r"[.;!?\n]+")
FREE_TEXT = ("helhedsvurdering", "funktionsevne", "genoptraeningsbehov", "maal", "ressourcer",
             "hensyn", "oevrige_indsatser", "bemaerkninger")


def _clauses(text: str) -> list[str]:
    """Sentences split at commas, a relative clause ("…, som fortsat …") kept with its head."""
    clauses = []
    for sentence in _SENTENCE.split(text):
        parts = [p.strip() for p in sentence.split(",")]
        merged: list[str] = []
        for part in parts:
            if merged and re.match(r"(?:som|der|hvilket|hvor)\b", part):
                merged[-1] += ", " + part
            elif part:
                merged.append(part)
        clauses += merged
    return clauses


def suicide_mention(clause: str) -> str | None:
    """How a folded clause speaks of suicide: ``aktuel`` (a current raised risk),
    ``tidligere``, ``afklaret``, ``benaegtet`` or ``uden tid``; None without a mention."""
    match = SUICIDE.search(clause)
    if not match:
        return None
    before, after = clause[:match.start()], clause[match.end():]
    if _NEGATION_BEFORE.search(before) or _NEGATION_AFTER.search(after):
        return "benaegtet"
    if _RESOLVED.search(clause):
        return "afklaret"
    if _CURRENT.search(clause):
        return "aktuel"
    if _PAST.search(clause):
        return "tidligere"
    if _RAISED.search(clause) or _PRESENT_HAS.search(before):
        return "aktuel"
    return "uden tid"


def suicide_mentions(plan: Plan) -> list[tuple[str, str]]:
    """(column, kind) for every clause of the free text that speaks of suicide."""
    found = []
    for column in FREE_TEXT:
        text = plan.text(column)
        if not _SUICIDE_HINT.search(text.lower()):
            continue
        for clause in _clauses(fold_text_keep_breaks(text)):
            kind = suicide_mention(clause)
            if kind:
                found.append((column, kind))
    return found


_SUICIDE_HINTS = ("selvmord", "suicid", "sit liv", "sit eget liv", "dødsønsk", "doedsoensk",
                  "dødstank", "doedstank", "livstræt", "livstraet")
# One search for any of them (a plain substring test, as ``in``).
_SUICIDE_HINT = re.compile("|".join(map(re.escape, _SUICIDE_HINTS)))
_MENTION_WORDS = {"tidligere": "tidligere (ikke aktuel)", "afklaret": "afklaret",
                  "benaegtet": "benægtet", "uden tid": "nævnt uden en aktuel risiko"}


def fold_text_keep_breaks(text: str) -> str:
    """Folded text with its sentence breaks (line breaks end a bullet)."""
    return "\n".join(fold_text(line) for line in str(text).splitlines())


def _complexity_note(plan: Plan) -> str:
    notes = []
    named = domains_named(plan.text("genoptraeningsbehov"))
    if len(named) >= plan.settings.complexity_domains:
        notes.append(f"Behovet spænder over {len(named)} domæner ({', '.join(named)}): det "
                     "peger på kommunens avancerede niveau inden for almen genoptræning, "
                     "ikke på specialiseret niveau.")
    if PSYCHOSIS.search(plan.text("diagnose")):
        notes.append("En psykosediagnose peger ikke i sig selv væk fra almen.")
    return (" " + " ".join(notes)) if notes else ""


PSYCHOSIS = re.compile(r"\bF2\d")


@criterion("Q06", "Niveau passer til kompleksitet", "kvalitet", KVALITET,
           "Niveauet passer til 7-parametermodellen: almen, når ingen gradering ligger i en "
           "celle uden A, og uden gradering ingen aktuel forhøjet selvmordsrisiko.")
def q06(plan: Plan) -> Outcome:
    level = plan.get("niveau")
    if level is None:
        return Outcome(KAN_IKKE_VURDERES, "niveau er ikke angivet.")
    grades = recorded_grades(plan)
    if grades:
        return _q06_graded(plan, str(level), grades)
    return _q06_text(plan, str(level), "Planen har ingen gradering i 7-parametermodellen. ")


def _q06_graded(plan: Plan, level: str, grades: dict[str, int]) -> Outcome:
    away = [c for c, g in grades.items() if "A" not in MODEL_CELLS[c][g]]
    toward = [c for c, g in grades.items() if g <= 2]
    missing = [c for c in GRADE_COLUMNS if c not in grades]
    graded = f"{len(grades)} af 7 parametre er graderet" + (
        f" ({', '.join(missing)} mangler)." if missing else ".")
    conflict = ("Graderingerne peger i forskellige retninger; modellen har ingen "
                "kombinationsregel, så forummet afgør." if away and len(away) < len(grades)
                else "")

    def note(*parts: str) -> str:
        return " ".join(part for part in parts if part)

    if level == "almen":
        if away:
            cells = ", ".join(_cell(c, grades[c]) for c in away)
            return Outcome(IKKE_OPFYLDT, note(f"Niveau almen, men {cells} ligger i celler "
                                              "uden A (almen) i 7-parametermodellen.",
                                              graded, conflict))
        if "p1_selvmordsrisiko" not in grades:
            return _q06_text(plan, level, graded + " ")
        return Outcome(OPFYLDT, note("Niveau almen passer til graderingen: alle graderede "
                                     "parametre ligger i celler med A.", graded)
                       + _complexity_note(plan))
    if len(toward) == len(GRADE_COLUMNS):
        return Outcome(IKKE_OPFYLDT, f"Niveau {level}, men alle syv parametre er graderet "
                                     "1-2 og peger på A (almen genoptræning).")
    reason = (", ".join(_cell(c, grades[c]) for c in away) + " peger væk fra almen" if away
              else "ikke alle syv parametre er graderet 1-2")
    return Outcome(OPFYLDT, note(f"Niveau {level}: {reason}.", graded, conflict))


def _q06_text(plan: Plan, level: str, prefix: str) -> Outcome:
    if level != "almen":
        return Outcome(OPFYLDT, f"{prefix}Niveau {level}; uden gradering vurderer Q06 kun, "
                                "om almen er valgt trods en aktuel forhøjet selvmordsrisiko.")
    mentions = suicide_mentions(plan)
    current = sorted({column for column, kind in mentions if kind == "aktuel"},
                     key=FREE_TEXT.index)
    if current:
        return Outcome(IKKE_OPFYLDT, f"{prefix}Niveau almen, men {', '.join(current)} "
                                     "beskriver en aktuel forhøjet selvmordsrisiko: overvej "
                                     "specialiseret niveau eller fortsat behandling (celle B/S "
                                     "for parameter 1).")
    note = f"{prefix}Niveau almen passer: ingen aktuel forhøjet selvmordsrisiko beskrevet."
    other = [f"{column}: {_MENTION_WORDS[kind]}" for column, kind in mentions]
    if other:
        note += " Selvmord nævnes (" + "; ".join(dict.fromkeys(other)) + ")."
    return Outcome(OPFYLDT, note + _complexity_note(plan))
