"""Danish phone numbers: eight digits alone or grouped by any space kind, dots or
dashes, with an optional +45/0045/(+45). phonenumbers (its matcher, region DK) decides
whether the digits are a number in the Danish plan; our context rules keep out amounts,
years, postcodes and numbers named as something else."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from auditlib.privacy.recognizers.base import DASH, SPACE, Recognizer, words_before

_S = rf"(?:{SPACE}|\.|{DASH})"
_PHONE = re.compile(
    rf"(?<![\w.,/+\-–—])(?<!\d{SPACE})"
    rf"(?P<value>(?:(?:\+45|0045|\(\+45\)|\(0045\)){SPACE}?)?"
    rf"(?P<number>\d{{8}}|\d\d(?P<sep>{_S})\d\d(?P=sep)\d\d(?P=sep)\d\d|\d{{4}}{_S}\d{{4}}"
    rf"|\d\d{_S}\d\d{_S}\d{{4}}|\d{{4}}{_S}\d\d{_S}\d\d))"
    rf"(?![\w]|[.,/\-–—]\d|{SPACE}\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A number named as something else ("kr. 12345678", "CVR 12345678", "konto 1234 5678").
_OTHER_NUMBER = frozenset({
    "kr.", "kr", "dkk", "beløb", "beløbet", "cvr", "cvr-nr.", "cvr-nummer", "cvr-nr", "se-nr.",
    "journalnummer", "journalnr.", "journal", "sagsnummer", "sagsnr.", "sag", "konto",
    "kontonummer", "kontonr.", "reg.nr.", "regnr.", "ean", "p-nummer", "p-nr.", "ordre",
    "ordrenummer", "faktura", "fakturanummer", "løbenummer", "id", "nr.", "bilag", "postnummer",
    "patientnummer", "cpr", "cpr-nr.", "personnummer"})
_AMOUNT_AFTER = re.compile(rf"{SPACE}*(?:kr\b|kroner|,-|%|dkk|mio|euro|€)", re.IGNORECASE)


def _phonenumbers_valid(candidate: str) -> bool:
    """phonenumbers' matcher (region DK, leniency VALID) finds the whole candidate."""
    matches = list(phonenumbers.PhoneNumberMatcher(candidate, "DK",
                                                   leniency=phonenumbers.Leniency.VALID))
    return any(m.start == 0 and m.end == len(candidate) for m in matches)


@dataclass(frozen=True)
class PhoneRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        number = match.group("number")
        digits = re.sub(r"\D", "", number)
        parts = re.split(r"\D+", number)
        if len(parts) == 2 and all(_YEAR.fullmatch(p) for p in parts):
            return None  # two years, "2024 2025"
        if _AMOUNT_AFTER.match(text, match.end()):
            return None
        before = words_before(text, match.start(), 2)
        if _OTHER_NUMBER.intersection(before[-1:]) or (
                len(before) == 2 and before[0] in _OTHER_NUMBER and before[1] in ("nr.", "nummer")):
            return None
        if _phonenumbers_valid(match.group("value")):
            return self.base_score
        # Outside the Danish numbering plan (starts with 0 or 1): only with a context word.
        return 0.3 if digits[0] in "01" else 0.45


TELEFON = PhoneRecognizer(
    kind="telefon", tag="[TELEFON]",
    reason="Otte cifre i form som et dansk telefonnummer (phonenumbers, region DK).",
    patterns=(("telefon_otte_cifre", _PHONE),),
    base_score=0.75,
    prefilter=re.compile(r"\d\d"),
    context_words=frozenset({"tlf.", "tlf", "telefon", "mobil", "telefonnummer", "ring", "sms",
                             "mobilnummer", "nummer", "tlf.nr.", "telefonnr.", "ringes", "kontakt",
                             "træffes", "opkald", "mob.", "fastnet", "på"}),
    context_boost=0.3,
)
