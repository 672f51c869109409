"""Street addresses (street word + house number) and postcode + town."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlib.privacy.recognizers.base import (
    LOWER,
    UPPER,
    Recognizer,
    _words_before,
)

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
