"""Street addresses (spec/privacy.md): a street name (a Danish street word ending, or any
name in the national street register, one word or several: "Dronning Dagmars Vej") with
a house number, letter and floor/side ("75B, 2. tv."), optionally followed by postcode
and town; or a postcode with its town in any case, with or without "DK-". The whole
address is one finding. Quantities and years are not house numbers or postcodes."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from auditlib.privacy.recognizers.base import (
    DASH,
    LOWER,
    SPACE,
    UPPER,
    Candidate,
    Recognizer,
    words_before,
)
from auditlib.privacy.resources import street_names

STREET_WORDS = ("vej", "vejen", "gade", "gaden", "allé", "alle", "stræde", "strædet", "vænge",
                "vænget", "plads", "pladsen", "torv", "torvet", "parken", "park", "bakken",
                "bakke", "have", "haven", "boulevard", "stien", "sti", "vang", "vangen",
                "toften", "toft", "høj", "højen", "gyde", "kvarter", "engen", "marken", "lunden",
                "hegn", "dige", "kaj", "kajen", "holm", "agre", "ager", "løkke", "løkken",
                "skov", "skoven", "gård", "gården", "vej.", "bro", "broen", "tværvej", "kvt.",
                "passage", "promenade", "ringen", "dalen")
# After a number these are quantities, not house numbers ("3 km", "4-6 uger", "5000 kr.").
_QUANTITY = frozenset({
    "uger", "uge", "ugen", "gange", "gang", "dage", "dag", "døgn", "timer", "time", "minutter",
    "min", "måneder", "måned", "mdr", "år", "års", "kr", "kroner", "km", "m", "meter", "mg",
    "ml", "g", "kg", "stk", "personer", "pladser", "trin", "sider", "procent", "pct", "x",
    "borgere", "planer", "patienter", "point", "sekunder", "sek", "t", "kcal", "skridt", "mil",
    "cm", "mm", "l", "liter", "timers", "dages", "ugers", "kalorier", "gram", "enheder", "kilo",
    "af", "ud", "til", "gr", "mio", "mia", "tusind", "årig", "årige", "dkk", "euro",
    "genstande", "cigaretter", "kopper", "glas", "øl", "dl", "tabletter", "tbl", "måneders", "minutters", "maaneder", "aar", "og", "eller"})
_QUANTITY_RE = "|".join(sorted((re.escape(q) for q in _QUANTITY), key=len, reverse=True))
_STREET_RE = "|".join(sorted(set(STREET_WORDS), key=len, reverse=True))
_CAP = rf"[{UPPER}][{LOWER}]*(?:-[{UPPER}][{LOWER}]*)?\.?"
# Up to four words before a house number: "Dronning Dagmars Vej", "H.C. Andersens Boulevard".
_NAME_WORDS = (rf"(?:(?:{_CAP}|[{UPPER}]+'s|[{UPPER}]\.(?:[{UPPER}]\.)*|\d{{1,2}}\.|"
               rf"[{LOWER}]{{1,3}}){SPACE}){{0,3}}")
_FLOOR = (rf"(?:,?{SPACE}?(?:st\.?|kl\.?|stuen|\d{{1,2}}\.?{SPACE}?(?:sal\b\.?)?)"
          rf"(?:,?{SPACE}?(?:th|tv|mf|t\.h|t\.v)\b\.?|(?<=\.)|(?<=sal)|(?<=stuen))"
          rf"(?:,?{SPACE}?(?:dør|lejl\.?|lejlighed|værelse){SPACE}?\d{{1,4}})?)?")
_NUMBER = rf"\d{{1,4}}(?:(?:[A-Za-z]|{SPACE}[A-Z])(?![\w]))?(?:{DASH}\d{{1,4}}[A-Za-z]?)?"
_POSTCODE = (rf"[1-9Dd](?<![\w.,§/][1-9Dd])(?:(?<=[Dd])[Kk]{DASH}?[1-9]|(?<=[1-9])"
             rf"(?<!§{SPACE}[1-9])(?<!nr\.{SPACE}[1-9]))\d{{3}}{SPACE}"
             rf"(?:[{UPPER}][{LOWER}{UPPER}]+|[{LOWER}]{{3,}})"
             rf"(?:{SPACE}(?:[{UPPER}]|[{UPPER}][{LOWER}{UPPER}]+|[SNØV]\.?)(?![\w]))?")
# Anchored on the house number (a digit after a letter and a space) so the regex engine
# skips to digits; the street name before it is read backwards (``_STREET_BEFORE``).
_STREET_ADDRESS = re.compile(
    rf"(?P<no>\d(?<=[{UPPER}{LOWER}'.]{SPACE}\d)\d{{0,3}}(?:(?:[A-Za-z]|{SPACE}[A-Z])(?![\w]))?"
    rf"(?:{DASH}\d{{1,4}}[A-Za-z]?)?)"
    rf"(?![\w]|[,.]\d|{DASH}\d|{SPACE}\d\d{SPACE}\d\d|{SPACE}\d{{4}}\b|{SPACE}?{DASH}?(?:{_QUANTITY_RE})\b)"
    rf"(?P<floor>{_FLOOR})"
    rf"(?P<town>,?{SPACE}{_POSTCODE})?")
_STREET_BEFORE = re.compile(
    rf"(?<![\w.])(?P<street>{_NAME_WORDS}(?:[{UPPER}{LOWER}][{LOWER}{UPPER}]*)){SPACE}$")
_POSTCODE_TOWN = re.compile(rf"(?P<value>{_POSTCODE})"
                            r"(?![\w])")
# Capitalised words that follow a number but are no town ("2019 Psykiatrisk Center").
_NOT_TOWNS = frozenset({
    "borgeren", "patienten", "planen", "der", "det", "den", "de", "han", "hun", "kommunen",
    "regionen", "region", "kommune", "se", "jf", "og", "psykiatrisk", "psykiatriske",
    "psykiatrien", "center", "centret", "hospital", "hospitalet", "sygehus", "afdeling",
    "afsnit", "klinik", "ambulatorium", "kr", "kroner", "borgere", "patienter", "planer",
    "personer", "gange", "uger", "dage", "timer", "år", "mg", "km", "stk", "blev", "var",
    "er", "har", "i", "på", "til", "fra", "med", "for", "om", "efter", "siden", "som",
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december", "kl", "ca", "mio", "euro", "dkk", "procent", "pct",
    "sundhedsloven", "serviceloven", "loven", "lov", "bekendtgørelse", "vejledning",
    "genoptræning", "plan", "rapport", "status", "skema", "uge", "version", "eller", "men", "at", "en", "et", "fik", "får", "kan", "skal", "vil", "ved", "under",
    "kvartal", "halvår", "forløb", "indsats", "indsatser", "udgave", "tal", "sager", "mødet",
    "hvor", "hvis", "da", "nu", "så", "efterår", "forår", "sommer", "vinter", "primo", "ultimo",
    "medio", "målet", "mål", "tilbud", "deltagere", "ansatte", "medarbejdere", "elever",
    "sengepladser", "pladser", "senge", "indlæggelser", "henvisninger", "kontakter"})
_YEAR_CONTEXT = frozenset({"i", "år", "året", "siden", "fra", "til", "pr.", "efter", "før",
                           "januar", "februar", "marts", "april", "maj", "juni", "juli",
                           "august", "september", "oktober", "november", "december", "og",
                           "primo", "medio", "ultimo", "foråret", "efteråret", "sommeren",
                           "vinteren", "inden", "indtil", "—", "-", "–", "per"})
# Capitalised words that introduce an address rather than belong to it.
_ADDRESS_LABELS = frozenset({"Adresse", "Adressen", "Opholdsadresse", "Bopæl", "Bopælsadresse",
                             "Hjemmeadresse", "Folkeregisteradresse", "Postadresse", "Borgeren",
                             "Patienten", "Hjemmebesøg", "Bor", "Flyttet", "Ny adresse"})
# Words that make a run of capitalised words a body or a region, not a street.
_NOT_STREET_WORDS = frozenset({"Region", "Regionen", "Kommune", "Kommunen", "Hospital",
                               "Sygehus", "Afdeling", "Afsnit", "Center", "Psykiatrisk",
                               "Klinik", "Uge", "Trin", "Fase", "Niveau", "Modul", "Punkt",
                               "Bilag", "Side", "Kapitel", "Version", "Kl", "Nr", "Stue",
                               "Planen", "Målet", "Status", "Forløbet", "Indsatsen",
                               "Aftalen", "Borgeren", "Patienten", "Dag", "Døgn", "Ugen",
                               "Året", "Runde", "Gruppen", "Holdet", "Samtalen", "Mødet"})
_WORD_SPAN = re.compile(r"\S+")
_STREET_SUFFIX = re.compile(rf"(?:{_STREET_RE})$", re.IGNORECASE)


def _street_part(words: list[str]) -> int | None:
    """How many of the last ``words`` make a street name, or None when none do."""
    streets = street_names()
    words = words[max((i + 1 for i, w in enumerate(words) if w in _ADDRESS_LABELS), default=0):]
    for take in range(len(words), 1, -1):
        if " ".join(words[-take:]) in streets:
            return take
    for take in range(len(words), 0, -1):
        name = " ".join(words[-take:])
        if not name[:1].isupper() and not name[:1].isdigit():
            continue
        if any(w in _NOT_STREET_WORDS for w in words[-take:]):
            continue
        if name in streets:
            return take
        last = words[-1]
        # A street word ending: "Æblevej" alone; several capitalised words only when the
        # last is the street word itself ("Frede Juels Vej", "Sankt Peders Stræde"), so
        # "Opholdsadresse Forbrovej 146" starts at "Forbrovej".
        if _STREET_SUFFIX.search(last) and len(last) >= 3 and last[:1].isupper():
            if take == 1 or (last.lower().rstrip(".") in STREET_WORDS and all(
                    w[:1].isupper() or w[:1].isdigit() for w in words[-take:])):
                return take
    return None


@lru_cache(maxsize=1)
def _street_last_words() -> frozenset[str]:
    return frozenset(name.rsplit(" ", 1)[-1] for name in street_names())


_LETTERS = frozenset(c for c in map(chr, range(0x300)) if re.match(f"[{UPPER}{LOWER}]", c))


def _may_end_street(text: str, space: int) -> bool:
    """Whether the word before ``text[space]`` may end a street name: the last word of a
    name in the street register, or a capitalised word with a street word ending. Every
    address ``_street_part`` accepts passes; most numbers in clinical text ("har 3
    børn") do not, and skip the search for the street name before them."""
    start = space
    while start > 0 and text[start - 1] in _LETTERS:
        start -= 1
    word = text[start:space]
    return word in _street_last_words() or (
        len(word) >= 3 and word[:1].isupper() and _STREET_SUFFIX.search(word) is not None)


# A capitalised word just before a number, or four digits before a letter: every address
# has one, most clinical text ("i 8 uger") has neither.
_PREFILTER = re.compile(rf"[{UPPER}][^\s\d]*{SPACE}\d|\d{{4}}{SPACE}[{UPPER}{LOWER}]")


@dataclass(frozen=True)
class AddressRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        if "floor" in match.re.groupindex:
            return self._street(match, text)
        return self._postcode(match.start("value"), match.group("value"), text)

    def _street(self, match: re.Match[str], text: str) -> float | None:
        after = text[match.end("no"):match.end("no") + 14].lstrip(" \t\u00a0").lower()
        first_after = re.match(r"[a-zæøå]+", after)
        if not match.group("floor") and first_after and first_after.group(0) in _QUANTITY:
            return None
        if text[match.end():match.end() + 1] == "%":
            return None
        return self.base_score

    def _postcode(self, start: int, value: str, text: str) -> float | None:
        code_match = re.search(r"\d{4}", value)
        code = int(code_match.group(0))
        town = value[code_match.end():].strip(" \t\u00a0")
        first = town.split()[0].rstrip(".").lower() if town.split() else ""
        if first in _NOT_TOWNS:
            return None
        before = text[max(0, start - 4):start]
        if "§" in before:
            return None
        prefixed = value[:2].upper() == "DK"
        if not prefixed and town[:1].islower():
            return None  # a lowercase town only with "DK-" ("dk-7100 vejle" is rare but clear)
        prev = words_before(text, start, 1)
        if not prefixed and 1900 <= code <= 2099 and prev and prev[0] in _YEAR_CONTEXT:
            return None  # "i 2025 Kommunen ..."
        if not prefixed and 1900 <= code <= 2099 and re.match(rf"{DASH}", text[start + 4:start + 5]):
            return None
        return 0.8

    def candidates(self, text, allow=frozenset()):
        found = []
        if not self.prefilter.search(text):
            return found
        for match in self.matches("adresse_vej_husnummer", _STREET_ADDRESS, text):
            score = self._street(match, text)
            if score is None:
                continue
            no_start = match.start("no")
            if not _may_end_street(text, no_start - 1):
                continue
            before = _STREET_BEFORE.search(text, max(0, no_start - 70), no_start)
            if before is None:
                continue
            words = list(_WORD_SPAN.finditer(before.group("street")))
            take = _street_part([w.group(0) for w in words])
            if take is None:
                continue
            start = before.start("street") + words[-take].start()
            end = match.end()
            if match.group("town"):
                town = match.group("town").lstrip(", \t\u00a0")
                if self._postcode(match.end() - len(town), town, text) is None:
                    end = match.end("floor") if match.group("floor") else match.end("no")
            while end > start and text[end - 1] in " ,":
                end -= 1
            found.append(Candidate(start, end, score, "adresse_vej_husnummer"))
        # A postcode inside a street address found above is part of it. The addresses as
        # merged sorted intervals: one bisect per postcode, also over a whole register.
        starts, ends = [], []
        for candidate in sorted(found, key=lambda c: c.start):
            if ends and candidate.start <= ends[-1]:
                ends[-1] = max(ends[-1], candidate.end)
            else:
                starts.append(candidate.start)
                ends.append(candidate.end)
        for match in self.matches("adresse_postnummer_by", _POSTCODE_TOWN, text):
            i = bisect.bisect_right(starts, match.start()) - 1
            if i >= 0 and match.start() < ends[i]:
                continue
            score = self._postcode(match.start("value"), match.group("value"), text)
            if score is not None:
                start, end = match.span("value")
                found.append(Candidate(start, end, score, "adresse_postnummer_by"))
        return found


ADRESSE = AddressRecognizer(
    kind="adresse", tag="[ADRESSE]",
    reason="Et vejnavn med husnummer eller et postnummer med bynavn.",
    patterns=(("adresse_vej_husnummer", _STREET_ADDRESS), ("adresse_postnummer_by", _POSTCODE_TOWN)),
    base_score=0.85,
    needs="digit",
    prefilter=_PREFILTER,
    at_digit_runs=frozenset({"adresse_vej_husnummer"}),
    context_words=frozenset({"adresse", "adressen", "bor", "boede", "flyttet", "flytter", "bopæl",
                             "opholdsadresse", "beliggende"}),
)
