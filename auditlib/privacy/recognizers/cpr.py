"""CPR numbers in every written form (spec/privacy.md). The date and century rules and
the refusal of future birth dates are python-stdnum's (``stdnum.dk.cpr``); modulus 11
only raises the score, since numbers issued after 2007 may fail it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from stdnum.dk import cpr as stdnum_cpr
from stdnum.exceptions import ValidationError

from auditlib.privacy.recognizers.base import DASH, SPACE, Recognizer, words_before

_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def cpr_birth_date(digits: str) -> dt.date | None:
    """The birth date encoded in ten CPR digits, or None when it is no real date."""
    try:
        return stdnum_cpr.get_birth_date(digits)
    except (ValidationError, ValueError):
        return None


def cpr_century(yy: int, seventh: int) -> int:
    """The century of a CPR birth year from the 7th digit (via stdnum's rule)."""
    # 0101 is a real day in every century: the year stdnum picks tells the century.
    born = cpr_birth_date(f"0101{yy:02d}{seventh}000")
    return born.year - yy if born else 1900


def cpr_is_real(digits: str, today: dt.date | None = None) -> bool:
    """A real birth date that is not in the future (stdnum.dk.cpr.validate)."""
    if today is None:
        try:
            stdnum_cpr.validate(digits)
            return True
        except ValidationError:
            return False
    born = cpr_birth_date(digits)
    return born is not None and born <= today


def cpr_modulus11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11 == 0


_SEP = rf"(?:{SPACE}*{DASH}{SPACE}*|{SPACE}+|/|\.)?"
# DDMMYY, DD.MM.YY, DD MM YY or DD-MM-YY, then the four serial digits.
# The first digit comes before the lookbehinds so the regex engine can skip to digits.
_FIRST = (r"\d(?:(?<=[Cc][Pp][Rr]\d)|(?<=[Cc][Pp][Rr][.:]\d)|(?<=nr[.:]\d)"
          r"|(?<![\w.,/+\-–—]\d))")
# DDMMYY, DD.MM.YY, DD MM YY or DD-MM-YY, then the four serial digits.
_DATE6 = rf"{_FIRST}(?:\d{{5}}|\d(?P<dsep>[.{SPACE[1:-1]}]|{DASH})\d\d(?P=dsep)\d\d)"
_CPR = re.compile(rf"(?P<value>{_DATE6}{_SEP}\d{{4}})(?![\w]|[.,/\-–—]\d)")
_CONTEXT = frozenset({"cpr", "cpr-nr", "cpr-nr.", "cpr.nr.", "cpr-nummer", "cprnr",
                      "personnummer", "cpr.", "personnr", "personnr.", "cpr-nummeret", "cpr:"})
# A number named as something else is not a CPR number ("journalnummer 1234567890").
_OTHER_NUMBER = frozenset({"journalnummer", "journalnr.", "journal", "sagsnummer", "sagsnr.",
                           "kontonummer", "konto", "kontonr.", "cvr", "cvr-nr.", "cvr-nummer",
                           "reg.nr.", "ordrenummer", "ean", "p-nummer", "p-nr.", "løbenummer"})


@dataclass(frozen=True)
class CprRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        digits = re.sub(r"\D", "", match.group("value"))
        if len(digits) != 10 or not cpr_is_real(digits):
            return None
        before = words_before(text, match.start(), 2)
        if _OTHER_NUMBER.intersection(before) and not self.context_words.intersection(before):
            return None
        return 1.0 if cpr_modulus11(digits) else self.base_score


CPR = CprRecognizer(
    kind="cpr", tag="[CPR]",
    reason="Ti cifre, hvor de første seks er en gyldig, ikke fremtidig fødselsdato (CPR-form).",
    patterns=(("cpr_ti_cifre", _CPR),),
    base_score=0.75,
    needs="digit",
    at_digit_runs=frozenset({"cpr_ti_cifre"}),
    prefilter=re.compile(r"\d{6}|\d\d\D{1,3}\d\d\D\d\d"),
    context_words=_CONTEXT,
)
