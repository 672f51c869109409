"""Danish-aware text folding shared by the model, the baseline and the corpus.

Plans are typed with and without æøå ("træning", "traening"), in any case, and with
accents ("idé"). Folding maps them to one form so that the same word is one feature.
"""

from __future__ import annotations

from auditlib.text import fold_text, fold_token

_EDGE_PUNCTUATION = " \t.,:;!?\"'()[]{}«»“”‘’-–—*•/"


def normalise_statement(text: str) -> str:
    """The key under which two statements count as the same (decisions override the corpus)."""
    return fold_text(text).strip(_EDGE_PUNCTUATION)


def strip_edge_punctuation(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


__all__ = ["fold_text", "fold_token", "normalise_statement", "strip_edge_punctuation"]
