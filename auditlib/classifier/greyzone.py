"""The grey-zone rule (labels.md).

A statement in ``genoptraeningsbehov`` or ``maal`` is a grey zone when its label is not
``genoptraening``, or when its two most probable labels are within the margin
(``classifier.greyzone_margin``, default 0.15) of each other: the forum must then decide
which sector the need belongs to.
"""

from __future__ import annotations

import pandas as pd

from auditlib.register.columns import GREYZONE_FIELDS

# Probabilities are compared after rounding, so that 0.60 - 0.45 counts as exactly 0.15
# and not as 0.1499999… (binary floating point): "within the margin" is strictly below it.
_DIGITS = 9


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
