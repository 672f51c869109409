"""Birth dates named as such and exact ages in every common Danish form ("Kvinde, 42 år",
"Den 67-årige", "38-årig", "(52 år)", "er 42 år gammel"); never a duration ("ventetiden er
2 år", "4 år lang", "3 år i behandling") and never an age band ("40-49 år")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlib.privacy.recognizers.base import DASH, SPACE, Recognizer, words_after, words_before

_MONTHS = (r"(?:jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|jun[i]?|jul[i]?|"
           r"aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:\d{{1,2}}\.?{SPACE}?{_MONTHS}(?:{SPACE}\d{{2,4}})?|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}"
         r"|\d{4}-\d{2}-\d{2}|(?:i\s)?(?:19|20)\d{2})")
_BIRTH = re.compile(r"[Ff](?<![\w][Ff])(?:ødt|\.|ødselsdato:?|ødselsdag:?|ødselsdagen)"
                    rf"{SPACE}?(?:d\.{SPACE}?|den{SPACE})?"
                    rf"(?P<value>{_DATE})(?![\w]|[./-]\d)")
# "42 år", "42-årig(e)", "42 årig"; not "40-49 år" (a band) nor "42,5 år".
_AGE = re.compile(
    rf"(?P<age>\d(?<![\w.,/]\d)(?<!\d{DASH}\d)(?<!\d{SPACE}{DASH}{SPACE}\d)\d{{0,2}})"
    rf"(?:{SPACE}år(?P<aar>s)?(?![\w])|{DASH}?{SPACE}?årig(?P<e>e|t)?\b)"
    rf"(?!{SPACE}*{DASH}{SPACE}*\d)")
# Who an age belongs to: persons and pronouns; what a duration belongs to.
PERSON_NOUNS = frozenset({
    "kvinde", "kvinden", "mand", "manden", "pige", "pigen", "dreng", "drengen", "borger",
    "borgeren", "patient", "patienten", "pt.", "pt", "hun", "han", "de", "personen", "person",
    "datter", "datteren", "søn", "sønnen", "mor", "moren", "far", "faren", "ægtefælle",
    "ægtefællen", "kæreste", "kæresten", "bror", "broren", "søster", "søsteren", "barn", "barnet",
    "ung", "ungt", "unge", "ældre", "enlig", "gift", "fraskilt", "enke", "enkemand", "hustru",
    "brugeren", "bruger", "klienten", "klient", "beboeren", "beboer", "deltageren", "jeg", "vi"})
_DURATION_AFTER = frozenset({
    "lang", "langt", "lange", "varig", "varigt", "siden", "i", "på", "med", "til", "om", "frem",
    "efter", "før", "tidligere", "senere", "ad", "af", "uden", "inden", "mere",
    "ældre", "yngre", "endnu", "tilbage", "forløb", "fravær", "ventetid", "behandling",
    "uddannelse", "erfaring", "misbrug", "ophold", "sygemelding", "varighed"})
_DURATION_BEFORE = frozenset({
    "i", "gennem", "for", "over", "under", "om", "efter", "siden", "ca.", "ca", "sidste",
    "seneste", "næste", "hvert", "inden", "indenfor", "flere", "mange", "til", "op", "af",
    "ved", "de", "et", "par", "cirka", "knap", "godt", "mindst", "højst", "omkring", "hele",
    "varer", "vare", "varede", "tager", "tog", "tage", "varighed", "periode", "perioden"})
_AGE_WORDS = frozenset({"alder", "alderen", "aldersår", "fylder", "fyldt", "fyldte", "fylde",
                        "blev", "bliver", "alderen:", "alder:", "aged"})
_NOT_PERSON_AFTER = frozenset({
    "uddannelse", "uddannelsen", "forløb", "forløbet", "periode", "perioden", "indsats",
    "projekt", "aftale", "plan", "bevilling", "ophold", "kontrakt", "garanti", "ansættelse",
    "job", "lejemål", "behandling", "behandlingsforløb", "samarbejde", "pause", "sygdom",
    "fravær", "misbrug", "karantæne", "udredning", "indsatsen", "ventetid", "garantien",
    "bindingsperiode", "jubilæum", "mandat", "valgperiode", "program", "projektet"})
_NAME = re.compile(r"[A-ZÆØÅ][a-zæøåéü]+,?$")


@dataclass(frozen=True)
class BirthRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        if "age" not in match.re.groupindex:
            return self.base_score
        age = int(match.group("age"))
        if not 0 <= age <= 115:
            return None
        after = words_after(text, match.end(), 2)
        nxt = after[0] if after else ""
        if "årig" in match.group(0):
            # "-årig(e)": an age unless it describes a thing ("en 3-årig uddannelse").
            return None if nxt in _NOT_PERSON_AFTER else 0.85
        if nxt in ("gammel", "gamle"):
            return 0.9
        if match.group("aar"):
            return None  # "3 års erfaring"
        prefix = text[max(0, match.start() - 40):match.start()]
        before = words_before(text, match.start(), 3)
        last = before[-1] if before else ""
        if last in _AGE_WORDS or (len(before) >= 2 and before[-2:] == ["alder", "af"]):
            return 0.85  # "fyldte 40 år i maj", "i en alder af 42 år"
        # "Kvinde, 42 år", "Mand 28 år", "Sonja, 38 år", "Borgeren (52 år)", "pt. 42 år"
        tail = prefix.rstrip(" \t\u00a0(,:–-")
        head_word = tail.rsplit(None, 1)[-1] if tail.split() else ""
        if last in PERSON_NOUNS and (prefix.rstrip().endswith((",", "(", ":", "–", "-"))
                                     or head_word.lower().rstrip(".,") == last):
            return 0.8
        if len(before) >= 2 and before[-2] in PERSON_NOUNS and (
                (last == "på" and nxt not in ("lang", "langt", "varig", "siden", "tilbage"))
                or (last in ("er", "var") and nxt not in _DURATION_AFTER)):
            return 0.8  # "en kvinde på 42 år med …", "hun er 42 år og …"
        if nxt in _DURATION_AFTER or last in _DURATION_BEFORE:
            return None
        if _NAME.match(head_word) and prefix.rstrip().endswith((",", "(")):
            return 0.75  # "Sonja, 38 år"
        if not tail or tail.endswith(("\n", ".", ";")) and nxt in ("", "gammel"):
            return None
        # A bare "42 år" leaves the decision to a context word before it.
        return 0.3


DATO_FOEDSEL = BirthRecognizer(
    kind="dato_foedsel", tag="[FØDSELSDATO]",
    reason="En fødselsdato nævnt som sådan eller en præcis alder.",
    patterns=(("foedselsdato", _BIRTH), ("alder", _AGE)),
    base_score=0.9,
    needs="digit",
    at_digit_runs=frozenset({"alder"}),
    prefilter=re.compile(r"år|[Ff]ødt|[Ff]\.|[Ff]ødsels"),
    context_words=frozenset({"alder", "alderen", "aldersår", "fylder", "fyldt", "årig", "født",
                             "kvinde", "mand", "patient", "borger", "borgeren", "patienten"}),
    context_boost=0.25,
)
