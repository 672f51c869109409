"""Person names: listed first names and surnames, with context rules so ordinary words,
sentence starts, laws, places and organisations are not flagged."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditlib.privacy.recognizers.base import (
    DATA_DIR,
    LOWER,
    UPPER,
    Recognizer,
    _words_before,
)


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
