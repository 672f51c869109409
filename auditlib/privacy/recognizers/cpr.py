"""CPR numbers: all written forms, a real date with the century from the 7th digit;
modulus 11 only raises the score (numbers issued since 2007 may fail it)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from auditlib.privacy.recognizers.base import (
    Recognizer,
)


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
