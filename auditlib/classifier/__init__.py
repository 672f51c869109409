"""The grey-zone classifier (labels.md): which sector a plan's statement belongs to.

``load_model()`` gives the model shipped with the package; ``classify_statements`` adds
label, probability, explanation and the grey-zone flag to a table of statements;
``train_model`` and ``evaluate`` retrain and cross-validate from the corpus and the
forum's decisions.
"""

from auditlib.classifier.baseline import KeywordBaseline
from auditlib.classifier.classify import classify_statements
from auditlib.classifier.corpus import load_corpus, load_decisions, merge_decisions
from auditlib.classifier.greyzone import is_greyzone
from auditlib.classifier.model import (
    DEFAULT_MODEL_PATH,
    GreyzoneModel,
    ModelSettings,
    load_model,
    model_version,
    save_model,
    train_model,
)

__all__ = [
    "DEFAULT_MODEL_PATH", "GreyzoneModel", "KeywordBaseline", "ModelSettings",
    "classify_statements", "is_greyzone", "load_corpus", "load_decisions", "load_model",
    "merge_decisions", "model_version", "save_model", "train_model",
]
