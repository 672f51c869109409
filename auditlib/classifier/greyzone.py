"""The grey-zone rule (labels.md) and the "uafklaret" outcome.

A statement in ``genoptraeningsbehov`` or ``maal`` is a grey zone when its label is not
``genoptraening``, or when its two most probable labels are within the margin
(``classifier.greyzone_margin``, default 0.15) of each other: the forum must then decide
which sector the need belongs to.

A statement in any field is **unsettled** (*uafklaret*) when the model cannot place it:
its most probable label is below ``UNSETTLED_BELOW``, or the top two are within the margin,
or no word of it carries weight for its label (explanation empty: "At få det bedre.",
"Hjælp."). An unsettled statement is shown with its two most probable sectors and never
published as a sector; in the grey-zone fields it is always a grey zone.
"""

from __future__ import annotations

import pandas as pd

from auditlib.register.columns import GREYZONE_FIELDS

# Probabilities are compared after rounding, so that 0.60 - 0.45 counts as exactly 0.15
# and not as 0.1499999… (binary floating point): "within the margin" is strictly below it.
_DIGITS = 9
# Calibrated probabilities: a 0.6 comes true about 60 % of the time. Below that the guess
# is wrong too often (two in five or more) to stand as a sector in the catalogue.
UNSETTLED_BELOW = 0.6


def is_greyzone(field: str, label: str, probability: float, second_probability: float,
                margin: float) -> bool:
    """labels.md: field in GREYZONE_FIELDS and (label != genoptraening or gap < margin)."""
    if field not in GREYZONE_FIELDS:
        return False
    if label != "genoptraening":
        return True
    return round(float(probability) - float(second_probability), _DIGITS) < round(margin, _DIGITS)


def greyzone_mask(result: pd.DataFrame, margin: float) -> pd.Series:
    """``is_greyzone`` for every row of a classified table at once (the same rule)."""
    gap = (result["probability"].astype(float) - result["second_probability"].astype(float)
           ).round(_DIGITS)
    in_field = result["field"].astype(str).isin(GREYZONE_FIELDS)
    other = result["label"].astype(str).ne("genoptraening")
    return (in_field & (other | gap.lt(round(margin, _DIGITS)))).astype(bool)


def unsettled_mask(result: pd.DataFrame, margin: float) -> pd.Series:
    """Which rows of a classified table the model cannot place (see the module text)."""
    probability = result["probability"].astype(float)
    gap = (probability - result["second_probability"].astype(float)).round(_DIGITS)
    no_evidence = result["explanation"].fillna("").astype(str).str.strip().eq("")
    return (probability.lt(UNSETTLED_BELOW) | gap.lt(round(margin, _DIGITS))
            | no_evidence).astype(bool)
