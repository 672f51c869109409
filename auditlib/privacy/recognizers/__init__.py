"""The recognizers of direct identifiers (spec/privacy.md): one module and one declared
object per kind, listed in ``REGISTRY``. Which kinds run is configuration
(``privacy.kinds``), not code."""

from auditlib.privacy.recognizers.adresse import ADRESSE, STREET_WORDS
from auditlib.privacy.recognizers.base import LOWER, UPPER, Candidate, Recognizer
from auditlib.privacy.recognizers.cpr import (
    CPR,
    cpr_birth_date,
    cpr_century,
    cpr_is_real,
    cpr_modulus11,
)
from auditlib.privacy.recognizers.dato_foedsel import DATO_FOEDSEL
from auditlib.privacy.recognizers.email import EMAIL
from auditlib.privacy.recognizers.navn import (
    NAME_WORDS,
    NAVN,
    PERSON_CONTEXT,
    NameRecognizer,
    first_names,
    surnames,
)
from auditlib.privacy.recognizers.telefon import TELEFON

REGISTRY: dict[str, Recognizer] = {r.kind: r for r in (CPR, TELEFON, EMAIL, ADRESSE, NAVN,
                                                       DATO_FOEDSEL)}

__all__ = ["ADRESSE", "CPR", "Candidate", "DATO_FOEDSEL", "EMAIL", "LOWER", "NAME_WORDS",
           "NAVN", "PERSON_CONTEXT", "REGISTRY", "STREET_WORDS", "TELEFON", "UPPER",
           "NameRecognizer", "Recognizer", "cpr_birth_date", "cpr_century", "cpr_is_real",
           "cpr_modulus11", "first_names", "surnames"]
