"""Classifying a plan's statements: labels, probabilities, explanations and grey zones."""

from __future__ import annotations

import pandas as pd

from auditlib.classifier.greyzone import greyzone_mask, unsettled_mask
from auditlib.classifier.model import GreyzoneModel, load_model
from auditlib.register.columns import GREYZONE_FIELDS


def classify_statements(items: pd.DataFrame, model: GreyzoneModel | None = None,
                        margin: float | None = None) -> pd.DataFrame:
    """``items`` (columns ``field`` and ``statement``, any others kept) with the model's
    ``label, probability, second_label, second_probability, explanation``, ``unsettled``
    (the model cannot place it: shown as "uafklaret" with both labels, never as a sector)
    and ``greyzone`` (unsettled statements in the grey-zone fields are grey zones).

    ``model`` None loads the shipped model; ``margin`` None reads
    ``classifier.greyzone_margin`` from the configuration.
    """
    if margin is None:
        from auditlib.config import load_config

        margin = load_config().classifier.greyzone_margin
    model = model if model is not None else load_model()
    items = items.reset_index(drop=True)
    fields = items["field"].astype("str").tolist() if "field" in items.columns else None
    predicted = model.predict(items["statement"].tolist(), fields)
    result = pd.concat([items, predicted], axis=1)
    result["unsettled"] = unsettled_mask(result, margin)
    result["greyzone"] = greyzone_mask(result, margin) | (
        result["unsettled"] & result["field"].astype(str).isin(GREYZONE_FIELDS))
    return result

