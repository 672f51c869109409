"""Danish-aware text folding shared by the model, the baseline and the corpus.

Plans are typed with and without æøå ("træning", "traening"), in any case, and with
accents ("idé"). Folding maps them to one form so that the same word is one feature.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# The usual ASCII spellings of the Danish letters, so "træning" and "traening" meet.
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})
_EDGE_PUNCTUATION = " \t.,:;!?\"'()[]{}«»“”‘’-–—*•/"
_WHITESPACE = re.compile(r"\s+")


def fold_token(token: str) -> str:
    """Fold one whitespace-free token: lower case, Danish letters spelt out, accents off."""
    text = token.lower().translate(_DANISH)
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed != text:
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    # NFKD can turn a symbol into a space-holding sequence; a token must stay one token.
    return "".join(text.split())


def fold_text(text: str) -> str:
    """Fold a statement token by token; whitespace becomes single spaces."""
    return " ".join(folded for token in str(text).split() if (folded := fold_token(token)))


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
