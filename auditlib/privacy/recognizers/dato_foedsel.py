"""Birth dates named as such and exact ages ("67 år"), not durations or age bands."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlib.privacy.recognizers.base import (
    Recognizer,
    _words_before,
)

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
