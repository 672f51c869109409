"""Classifying a plan's statements: labels, probabilities, explanations and grey zones."""

from __future__ import annotations

import pandas as pd

from auditlib.classifier.greyzone import greyzone_mask
from auditlib.classifier.model import GreyzoneModel, load_model


def classify_statements(items: pd.DataFrame, model: GreyzoneModel | None = None,
                        margin: float | None = None) -> pd.DataFrame:
    """``items`` (columns ``field`` and ``statement``, any others kept) with the model's
    ``label, probability, second_label, second_probability, explanation`` and ``greyzone``.

    ``model`` None loads the shipped model; ``margin`` None reads
    ``classifier.greyzone_margin`` from the configuration.
    """
    if margin is None:
        from auditlib.config import load_config

        margin = load_config().classifier.greyzone_margin
    model = model if model is not None else load_model()
    items = items.reset_index(drop=True)
    predicted = model.predict(items["statement"].tolist())
    result = pd.concat([items, predicted], axis=1)
    result["greyzone"] = greyzone_mask(result, margin)
    return result

