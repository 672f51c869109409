"""The recognizers of direct identifiers (spec/privacy.md), one declared object per kind.

Each recognizer holds its compiled patterns, context words, a base score and a Danish
``reason`` (never a value), and a ``validate(match, text)`` hook that returns the
finding's score or None to reject a look-alike. Which kinds run is configuration
(``privacy.kinds``); the registry below lists them all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")

UPPER = "A-ZÆØÅÄÖÜÉ"
LOWER = "a-zæøåäöüéè"
_SENTENCE_END = re.compile(r"[.!?;\n](?=\s|$)")
_WORD = re.compile(rf"[{UPPER}{LOWER}]+\.?")


@dataclass(frozen=True)
class Recognizer:
    """One kind of identifier: patterns, context words and a validation hook."""

    kind: str
    tag: str
    reason: str
    patterns: tuple[re.Pattern[str], ...]
    base_score: float = 0.8
    context_words: frozenset[str] = field(default_factory=frozenset)
    # A cheap test a text must pass before the patterns run (speed on large registers).
    prefilter: re.Pattern[str] | None = None

    def validate(self, match: re.Match[str], text: str) -> float | None:
        """The score of ``match`` or None when it is a look-alike."""
        return self.base_score

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        """The part of the match that is the identifier (group 'value' when present)."""
        if "value" in match.re.groupindex and match.group("value") is not None:
            return match.span("value")
        return match.span()

    def find(self, text: str) -> list[tuple[int, int, float]]:
        found: list[tuple[int, int, float]] = []
        if self.prefilter is not None and not self.prefilter.search(text):
            return found
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                score = self.validate(match, text)
                if score is not None:
                    start, end = self.span(match)
                    found.append((start, end, score))
        return found


def _words_before(text: str, start: int, count: int = 3, window: int = 60) -> list[str]:
    """Up to ``count`` lowercased words before ``start`` in the same sentence."""
    before = text[max(0, start - window):start]
    cut = 0
    for end in _SENTENCE_END.finditer(before):
        # "hr." and "f." are abbreviations, not sentence ends.
        word = before[:end.end()].rsplit(None, 1)[-1].lower() if before[:end.end()].split() else ""
        if word not in ("hr.", "f.", "dr.", "ca.", "bl.a.", "evt."):
            cut = end.end()
    return [w.lower() for w in _WORD.findall(before[cut:])][-count:]


# -- CPR ------------------------------------------------------------------

def cpr_century(yy: int, seventh: int) -> int | None:
    """The century of a CPR birth year from the 7th digit (CPR-kontoret's table)."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800  # 5-8


def cpr_birth_date(digits: str) -> dt.date | None:
    """The birth date encoded in ten CPR digits, or None when it is no real date."""
    day, month, yy, seventh = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
    century = cpr_century(yy, seventh)
    try:
        return dt.date(century + yy, month, day)
    except ValueError:
        return None


def cpr_modulus11(digits: str) -> bool:
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


@dataclass(frozen=True)
class CprRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        digits = re.sub(r"\D", "", match.group(0))
        if cpr_birth_date(digits) is None:
            return None
        # Modulus 11 is not required since 2007; passing it only raises confidence.
        return 1.0 if cpr_modulus11(digits) else self.base_score


CPR = CprRecognizer(
    kind="cpr", tag="[CPR]",
    reason="Ti cifre, hvor de første seks er en gyldig fødselsdato (CPR-form).",
    patterns=(re.compile(
        r"(?<![\w.,/-])(?:\d{6}[- ]?\d{4}|\d{2}\.\d{2}\.\d{2}-\d{4})(?![\w]|[.,/-]\d)"),),
    base_score=0.9,
    prefilter=re.compile(r"\d\d"),
    context_words=frozenset({"cpr", "cpr-nr", "cpr-nummer", "personnummer"}),
)


# -- telephone -------------------------------------------------------------

_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class PhoneRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        number = match.group("number")
        digits = re.sub(r"\D", "", number)
        if len(digits) != 8:
            return None
        parts = re.split(r"[ -]", number)
        if len(parts) == 2 and all(_YEAR.fullmatch(p) for p in parts):
            return None  # two years, "2024 2025"
        after = text[match.end():match.end() + 4].lower()
        if re.match(r"\s*(?:kr|,-|%)", after):
            return None  # an amount
        before = _words_before(text, match.start(), 2)
        score = self.base_score
        if match.group(0).startswith(("+", "00")) or self.context_words & set(before):
            score = 1.0
        elif digits[0] in "01":
            score = 0.6  # Danish eight-digit numbers start with 2-9: less sure
        return score


TELEFON = PhoneRecognizer(
    kind="telefon", tag="[TELEFON]",
    reason="Otte cifre i form som et dansk telefonnummer.",
    patterns=(re.compile(
        r"(?<![\w.,+/-])(?:(?:\+45|0045)[ -]?)?"
        # "1234 5678" but not "3000-4000" or "2020-2025" (ranges of counts or years)
        r"(?P<number>\d{8}|\d{2}([ -])\d{2}\2\d{2}\2\d{2}|\d{4} \d{4})"
        r"(?![\w]|[.,/-]\d|[ -]\d\d(?![.,]\d))"),),
    base_score=0.7,
    prefilter=re.compile(r"\d\d"),
    context_words=frozenset({"tlf.", "tlf", "telefon", "mobil", "telefonnummer", "ring", "sms"}),
)


# -- e-mail ----------------------------------------------------------------

@dataclass(frozen=True)
class EmailRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        token_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        if "://" in text[token_start:match.start()]:
            return None  # user@ inside a URL
        return self.base_score


EMAIL = EmailRecognizer(
    kind="email", tag="[EMAIL]",
    reason="Tekst i form som en e-mailadresse (navn@domæne).",
    patterns=(re.compile(
        rf"(?<![\w.%+-])[\w.%+-]*[\w%+-]@[{LOWER}A-Z0-9-]+(?:\.[{LOWER}A-Z0-9-]+)*\.[A-Za-z]{{2,}}"
        r"(?![\w@])"),),
    base_score=0.95,
    prefilter=re.compile("@"),
)


# -- address ---------------------------------------------------------------

STREET_WORDS = ("vej", "gade", "allé", "alle", "stræde", "vænge", "vænget", "plads", "torv",
                "parken", "bakken", "have", "haven", "boulevard", "stien", "vang", "vangen",
                "toften", "høj", "højen", "bjerg", "gyde", "kvarter", "engen", "marken",
                "lunden", "hegn", "vej", "dige", "kaj", "holm", "park", "skov", "agre")
# After a number these are quantities, not house numbers ("4-6 uger", "2 gange om ugen").
_QUANTITY = (r"(?:uger?|ugen|gange?|dage?|døgn|timer?|minutter|måneder|mdr|år|kr|%|x|mg|"
             r"personer|pladser|trin|sider)\b")


@dataclass(frozen=True)
class AddressRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        if match.groupdict().get("street"):
            return self.base_score
        # postcode + town
        before = text[max(0, match.start() - 4):match.start()]
        if "§" in before or "nr" in before.lower():
            return None
        code = int(match.group("code"))
        prev = _words_before(text, match.start(), 1)
        if prev and prev[0] in _YEAR_CONTEXT and 1900 <= code <= 2099:
            return None  # "i 2025 Kommunen ..."
        if match.group("town").split()[0] in _NOT_TOWNS:
            return None
        return 0.75


_YEAR_CONTEXT = frozenset({"i", "år", "året", "siden", "fra", "til", "pr.", "efter", "før",
                           "januar", "februar", "marts", "april", "maj", "juni", "juli",
                           "august", "september", "oktober", "november", "december", "og",
                           "primo", "medio", "ultimo", "foråret", "efteråret", "sommeren"})
_NOT_TOWNS = frozenset({"Borgeren", "Patienten", "Planen", "Der", "Det", "Den", "De", "Han",
                        "Hun", "Kommunen", "Regionen", "Region", "Kommune", "Se", "Jf", "Og"})

_STREET = "|".join(sorted(set(STREET_WORDS), key=len, reverse=True))
_FLOOR = r"(?:,?\s(?:st\.?|kl\.?|\d{1,2}\.)(?:\s?(?:th|tv|mf|sal)\.?)?(?=\s|$|,))?"
_TOWN = rf"[{UPPER}][{LOWER}]+(?:\s[{UPPER}]\b|\s[{UPPER}][{LOWER}]+)?"

ADRESSE = AddressRecognizer(
    kind="adresse", tag="[ADRESSE]",
    reason="Et vejnavn med husnummer eller et postnummer med bynavn.",
    patterns=(
        re.compile(
            rf"(?P<street>\b[{UPPER}][{LOWER}]{{2,}}?(?:{_STREET})(?:\s[{UPPER}][{LOWER}]+)?)"
            r"\s(?P<no>\d{1,4}(?:[-–]\d{1,4})?(?:(?:[A-Za-z]|\s[A-Z])(?!\w))?)"
            rf"(?![\d,.]?\d|[-–]\d|\s*{_QUANTITY})" + _FLOOR),
        re.compile(rf"(?<![\w.,§-])(?<!§ )(?<!\d )(?P<code>[1-9]\d{{3}})\s(?P<town>{_TOWN})"
                   r"(?!\w)"),
    ),
    base_score=0.85,
    prefilter=re.compile(r"\d"),
)


# -- person names ----------------------------------------------------------

def _read_names(name: str) -> frozenset[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _read_names("fornavne.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _read_names("efternavne.txt")


@lru_cache(maxsize=1)
def _all_names() -> frozenset[str]:
    return first_names() | surnames()


_SURNAME_SHAPE = re.compile(
    r"(?:sen|søn|gaard|gård|strup|rup|holm|berg|lund|bæk|bech|toft|skov|feldt|kjær|kær|borg|"
    r"mose|dorf|mann|høj|sted)$")
# Capitalised words that are never part of a person's name here.
_INSTITUTION = frozenset({"Region", "Regionen", "Kommune", "Kommunen", "Hospital", "Hospitalet",
                          "Psykiatri", "Psykiatrien", "Afdeling", "Sygehus", "Klinik",
                          "Center", "Centret", "Bornholm", "Lolland", "Vejle", "Herning"})
_NAME_TOKEN = re.compile(rf"\b[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?\b")
PERSON_CONTEXT = frozenset({
    "hedder", "kaldet", "navn", "navnet", "datter", "datteren", "søn", "sønnen", "mor",
    "moren", "moderen", "far", "faren", "faderen", "ægtefælle", "ægtefællen", "kæreste",
    "kæresten", "kontaktperson", "kontaktpersonen", "hr.", "hr", "fru", "frk.", "læge", "lægen",
    "overlæge", "sygeplejerske", "sygeplejersken", "bror", "broren", "søster", "søsteren",
    "mand", "manden", "kone", "konen", "hustru", "barn", "barnet", "veninde", "ven", "nabo",
    "psykolog", "terapeut", "pædagog", "bostøtte", "mentor", "sagsbehandler", "dr.", "v.",
})


# First names that are also ordinary Danish words (or pronouns): never flagged alone.
NAME_WORDS = frozenset({"Bo", "Lise", "Storm", "Sol", "Hans", "Per", "Max", "Kim", "Ask", "Eg",
                        "Dag", "Glad", "Frank", "Vilde", "Mai", "Maj", "Ulv", "Bjørn", "Birk",
                        "Sten", "Ro", "Tue", "Mikkel", "Kaj", "Ane", "Ulla", "Fie", "Ida",
                        "Alma", "Vera", "Karl", "Knud", "Frede", "Tage", "Trine",
                        # added with the broadened name lists (words, months, pronouns)
                        "August", "Tom", "Rene", "Sine", "Line", "Lykke", "Liv", "Saga", "Gry",
                        "Rosa", "Flora", "Silke", "Aske", "Anker", "Aksel", "Ebbe", "Lærke",
                        "Tilde", "Viola"})
# Verbs that follow a person's name at the start of a sentence ("Lars har svært ved …").
_PERSON_VERBS = frozenset({
    "har", "er", "var", "bor", "siger", "sagde", "fortæller", "fortalte", "ønsker", "går",
    "gik", "kan", "kunne", "vil", "ville", "skal", "skulle", "kommer", "kom", "ringer",
    "arbejder", "føler", "oplever", "tager", "tog", "hjælper", "mener", "bliver", "blev",
    "får", "fik", "sover", "spiser", "deltager", "ønskede", "beskriver", "virker",
})
_SENTENCE_MARKS = ".!?:;\n•*-–—(\"'«"


def _used_as_person(text: str, token: re.Match) -> bool:
    """A listed first name alone: a person when it stands mid-sentence with a capital
    letter, or starts a sentence followed by a verb ("Lars har …")."""
    before = text[:token.start()].rstrip()
    if before and before[-1] not in _SENTENCE_MARKS and before[-1].isalpha():
        return True
    after = text[token.end():].lstrip().split(maxsplit=1)
    return bool(after) and after[0].lower().strip(",.") in _PERSON_VERBS


@dataclass(frozen=True)
class NameRecognizer(Recognizer):
    def find(self, text: str, allow: frozenset[str] = frozenset()) -> list[tuple[int, int, float]]:
        # Cheap test first: a text without a listed name cannot hold a name finding.
        if _all_names().isdisjoint(_NAME_TOKEN.findall(text)):
            return []
        firsts, lasts = first_names(), surnames()
        tokens = list(_NAME_TOKEN.finditer(text))
        found: list[tuple[int, int, float]] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            word = token.group(0)
            if word.casefold() in allow:
                i += 1
                continue
            is_first = word in firsts or all(p in firsts for p in word.split("-"))
            is_last = word in lasts
            if not (is_first or is_last):
                i += 1
                continue
            # Extend over following capitalised words separated by one space.
            j = i
            surname_found = False
            while j + 1 < len(tokens):
                nxt = tokens[j + 1]
                gap = text[tokens[j].end():nxt.start()]
                nxt_word = nxt.group(0)
                if gap != " " or nxt_word.casefold() in allow or nxt_word in _INSTITUTION:
                    break
                if nxt_word in lasts or _SURNAME_SHAPE.search(nxt_word):
                    surname_found = True
                    j += 1
                    continue
                if nxt_word in firsts and j + 2 < len(tokens):
                    j += 1  # a middle name; kept only if a surname follows
                    continue
                break
            if surname_found and is_first:
                # trim trailing middle names that were not followed by a surname
                while j > i and not (tokens[j].group(0) in lasts
                                     or _SURNAME_SHAPE.search(tokens[j].group(0))):
                    j -= 1
                found.append((token.start(), tokens[j].end(), 0.85))
                i = j + 1
                continue
            if self.context_words & set(_words_before(text, token.start(), 3)):
                end = tokens[j].end() if surname_found else token.end()
                found.append((token.start(), end, 0.8))
                i = (j if surname_found else i) + 1
                continue
            if is_first and word not in NAME_WORDS and _used_as_person(text, token):
                found.append((token.start(), token.end(), 0.6))
            i += 1
        return found


NAVN = NameRecognizer(
    kind="navn", tag="[NAVN]",
    reason="Et fornavn fulgt af et efternavn, eller et navn i en sammenhæng om en person.",
    patterns=(),
    base_score=0.85,
    context_words=PERSON_CONTEXT,
)


# -- birth date and exact age ----------------------------------------------

_MONTHS = (r"(?:jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|jun[i]?|jul[i]?|"
           r"aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:\d{{1,2}}\.?\s?{_MONTHS}\s\d{{2,4}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}"
         r"|\d{4}-\d{2}-\d{2}|(?:i\s)?(?:19|20)\d{2})")
_NOT_AGE_BEFORE = frozenset({"i", "gennem", "for", "over", "under", "på", "om", "efter",
                             "siden", "ca.", "ca", "de", "sidste", "seneste", "næste", "hvert",
                             "inden", "indenfor", "flere", "mange", "til", "op", "af", "ved"})
_AGE_CONTEXT = frozenset({"er", "en", "alder", "alderen", "aldersår", "var", "blev", "fylder",
                          "fyldt", "fyldte"})
_NOT_PERSON_AFTER = frozenset({"uddannelse", "uddannelsen", "forløb", "forløbet", "periode",
                               "perioden", "indsats", "projekt", "aftale", "plan", "bevilling",
                               "ophold", "kontrakt", "garanti", "ansættelse", "job", "lejemål"})


@dataclass(frozen=True)
class BirthRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        if "age" not in match.re.groupindex:
            return self.base_score
        age = int(match.group("age"))
        if not 1 <= age <= 110:
            return None
        before = _words_before(text, match.start(), 2)
        after = text[match.end():match.end() + 30].split()
        next_word = after[0].strip(".,;").lower() if after else ""
        if next_word == "gammel" or next_word == "gamle":
            return 0.9
        if not before or before[-1] in _NOT_AGE_BEFORE:
            return None
        if before[-1] not in _AGE_CONTEXT:
            return None
        if next_word in _NOT_PERSON_AFTER:
            return None
        return 0.75


DATO_FOEDSEL = BirthRecognizer(
    kind="dato_foedsel", tag="[FØDSELSDATO]",
    reason="En fødselsdato nævnt som sådan eller en præcis alder.",
    patterns=(
        re.compile(r"(?:\b[Ff]ødt|\b[Ff]\.|\b[Ff]ødselsdato:?|\b[Ff]ødselsdag:?)"
                   r"\s?(?:d\.\s?|den\s)?"
                   rf"(?P<value>{_DATE})(?![\w]|[./-]\d)"),
        re.compile(r"(?<![\w.,/-])(?P<age>\d{1,3})(?:\sår(?![\w])|-årig(?:e)?\b)"
                   r"(?!\s*(?:-|–)\s*\d)"),
    ),
    base_score=0.9,
    prefilter=re.compile(r"\d"),
    context_words=_AGE_CONTEXT,
)


REGISTRY: dict[str, Recognizer] = {r.kind: r for r in (CPR, TELEFON, EMAIL, ADRESSE, NAVN,
                                                       DATO_FOEDSEL)}
