"""Danish-aware text folding shared by the model, the baseline and the corpus.

Plans are typed with and without æøå ("træning", "traening"), in any case, and with
accents ("idé"). Folding maps them to one form so that the same word is one feature.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from auditlib.text import fold_text, fold_token

_EDGE_PUNCTUATION = " \t.,:;!?\"'()[]{}«»“”‘’-–—*•/"


def normalise_statement(text: str) -> str:
    """The key under which two statements count as the same (decisions override the corpus)."""
    return fold_text(text).strip(_EDGE_PUNCTUATION)


def strip_edge_punctuation(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


_STEMMER = snowballstemmer.stemmer("danish")
_WORD = re.compile(r"\w+")


def analyse_token(token: str, stem: bool) -> str:
    """One whitespace-free token as the model sees it: words stemmed (Danish Snowball, on
    the spelling as written, so "træning" and "træne" meet), then folded. Stemming comes
    first because the stemmer knows æ, ø and å, not their ASCII spellings."""
    if not stem:
        return fold_token(token)
    return fold_token(_WORD.sub(lambda m: _stem(m.group()), token.lower()))


__all__ = ["analyse_token", "fold_text", "fold_token", "normalise_statement",
           "strip_edge_punctuation"]
