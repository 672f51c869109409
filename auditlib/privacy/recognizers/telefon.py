"""Danish phone numbers: 8 digits, alone or grouped, with an optional +45/0045."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlib.privacy.recognizers.base import (
    Recognizer,
    _words_before,
)

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
