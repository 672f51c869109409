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
_REST = (rf"(?:\d{{7}}|\d(?P<sep>{_S})\d\d(?P=sep)\d\d(?P=sep)\d\d|\d{{3}}{_S}\d{{4}})"
         rf"(?![\w]|[.,/\-–—]\d)")
# The first character comes before the lookbehind so the regex engine can skip to it.
_PHONE = re.compile(rf"(?P<value>(?P<number>\d(?<![\w.,/+\-–—]\d){_REST}))")
_PHONE_CC = re.compile(
    rf"(?P<value>[+(0](?<![\w.,/+\-–—][+(0])"
    rf"(?:(?<=\+)45|(?<=0)045|(?<=\()\+45\)|(?<=\()0045\)){SPACE}?(?P<number>\d{_REST}))")
_GROUP_AFTER = re.compile(rf"{SPACE}\d\d(?!\d|[.,\-–]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A number named as something else ("kr. 12345678", "CVR 12345678", "konto 1234 5678").
_OTHER_NUMBER = frozenset({
    "kr.", "kr", "dkk", "beløb", "beløbet", "cvr", "cvr-nr.", "cvr-nummer", "cvr-nr", "se-nr.",
    "journalnummer", "journalnr.", "journal", "sagsnummer", "sagsnr.", "sag", "konto",
    "kontonummer", "kontonr.", "reg.nr.", "regnr.", "ean", "p-nummer", "p-nr.", "ordre",
    "ordrenummer", "faktura", "fakturanummer", "løbenummer", "id", "nr.", "bilag", "postnummer",
    "patientnummer", "cpr", "cpr-nr.", "personnummer"})
_COUNT_AFTER = re.compile(
    rf"{SPACE}+(?:planer|borgere|patienter|personer|indbyggere|ansatte|deltagere|sager|"
    r"henvisninger|kontakter|besøg|timer|dage|stk|enheder|elever|brugere)\b")
_LABEL = re.compile(rf"[^\W\d_][\w.\-]*[.:#]?{SPACE}*$")
_UNIT_OF_AMOUNT = re.compile(rf"\d{SPACE}*(?:kr\.?|dkk){SPACE}*$", re.IGNORECASE)
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
        if not number.isdigit() and re.search(rf"(?<!\d)\d\d{SPACE}$", text[max(0, match.start() - 4):match.start()]):
            return None  # the tail of a longer run of digit groups
        if not number.isdigit() and _GROUP_AFTER.match(text, match.end()):
            return None  # the head of a longer run ("12 34 56 78 90")
        digits = re.sub(r"\D", "", number)
        parts = re.split(r"\D+", number)
        if len(parts) == 2 and (all(_YEAR.fullmatch(p) for p in parts)
                                or ("-" in number and all(p.endswith("00") for p in parts))):
            return None  # two years or a range of round counts ("2024 2025", "3000-4000")
        if _COUNT_AFTER.match(text, match.end()):
            return None
        if _AMOUNT_AFTER.match(text, match.end()):
            return None
        # Only a word directly before the number labels it ("kr. 12345678"); in
        # "35.000 kr § 140 23456789" the "kr" belongs to another number.
        label = _LABEL.search(text, max(0, match.start() - 30), match.start())
        before = words_before(text, match.start(), 2) if label else []
        if label and _UNIT_OF_AMOUNT.search(text, max(0, match.start() - 30), match.start()):
            before = []  # "35.000 kr 23456789": the unit of an amount, not a label
        if _OTHER_NUMBER.intersection(before[-1:]) or (
                len(before) == 2 and before[0] in _OTHER_NUMBER and before[1] in ("nr.", "nummer")):
            return None
        if _phonenumbers_valid(match.group("value")):
            return self.base_score
        # Outside the Danish numbering plan (starts with 0 or 1): only with a context word.
        return 0.3 if digits[0] in "01" else 0.5


TELEFON = PhoneRecognizer(
    kind="telefon", tag="[TELEFON]",
    reason="Otte cifre i form som et dansk telefonnummer (phonenumbers, region DK).",
    patterns=(("telefon_otte_cifre", _PHONE), ("telefon_landekode", _PHONE_CC)),
    base_score=0.75,
    needs="digit",
    at_digit_runs=frozenset({"telefon_otte_cifre"}),
    prefilter=re.compile(r"\d{4}|\d\d\D\d\d\D\d\d"),
    context_words=frozenset({"tlf.", "tlf", "telefon", "mobil", "telefonnummer", "ring", "sms",
                             "mobilnummer", "nummer", "tlf.nr.", "telefonnr.", "ringes", "kontakt",
                             "træffes", "opkald", "mob.", "fastnet", "på"}),
    context_boost=0.3,
)
