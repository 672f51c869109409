"""Danish-aware text helpers shared by every layer: folding and "is this blank?".

Plans and registers are typed with and without æøå ("træning", "traening"), in any case,
with accents ("idé") and with stray spaces. Everything that compares words, column names,
cluster names or folder names folds them here, so two spellings always meet the same way.
"""

from __future__ import annotations

import re
import unicodedata

# The usual ASCII spellings of the Danish letters, so "træning" and "traening" meet.
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def is_blank(value: object) -> bool:
    """None, NaN, NaT, pd.NA and strings of only whitespace are blank."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:  # NaN, NaT and pd.NA are the only values not equal to themselves (or cannot say)
        return bool(value != value)
    except TypeError:
        return True


def fold_letters(text: str) -> str:
    """Lower case, Danish letters spelt out (æ → ae, ø → oe, å → aa), accents removed."""
    folded = str(text).lower().translate(_DANISH)
    decomposed = unicodedata.normalize("NFKD", folded)
    if decomposed != folded:
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return folded


def fold_token(token: str) -> str:
    """Fold one whitespace-free token; it stays one token."""
    # NFKD can turn a symbol into a space-holding sequence; a token must stay one token.
    return "".join(fold_letters(token).split())


def fold_text(text: str) -> str:
    """Fold a text token by token; whitespace becomes single spaces."""
    return " ".join(folded for token in str(text).split() if (folded := fold_token(token)))


def fold_name(name: object) -> str:
    """A header, heading or cluster name in ASCII snake_case: "Plan ID" → "plan_id",
    "Helhedsvurdéring" → "helhedsvurdering", "Østklyngen" → "oestklyngen"."""
    text = fold_letters(str(name or "").strip())
    text = text.encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("_", text).strip("_")


def same_name(a: object, b: object) -> bool:
    """Two names (clusters, municipalities) are the same regardless of case, spacing and
    æøå spelling."""
    return fold_name(a) == fold_name(b)


def slug(name: object, default: str = "x") -> str:
    """A safe folder name: lower case, æøå as ae/oe/aa, anything else as '-'."""
    return fold_name(name).replace("_", "-") or default


__all__ = ["fold_letters", "fold_name", "fold_text", "fold_token", "is_blank", "same_name",
           "slug"]
