"""The grey-zone model: TF-IDF over stemmed words, character n-grams inside word boundaries
and marker features for named actors and laws (``lexicon.py``), then a linear classifier
(a linear SVM by default) whose scores become calibrated probabilities.

The classifier is linear: every feature has one weight per label, so a prediction is
explained by the words that carried it. Calibration is temperature scaling: one
temperature T (and a fitted extra for short statements), chosen on out-of-fold scores of
grouped cross-validation inside ``train_model``, divides the scores before the softmax, so
that a 0.8 comes true about 80 % of the time. It is the multi-class counterpart of
``CalibratedClassifierCV(method="sigmoid")``, which the ablation
(``benchmarks/tune_classifier.py``) uses for comparison; unlike it, the model stays one
linear map, which keeps explanations and the fast prediction path exact. Short statements
are then shrunk towards the uniform distribution (``SHORT_SHRINK``), so a lone word never
looks near-certain. The model is saved with skops, never pickle, and loaded only when the
file holds nothing but the scikit-learn and NumPy types listed in ``TRUSTED_TYPES``.

Prediction repeats the pipeline's own arithmetic on cached per-word features: a plan
register repeats the same words thousands of times, and analysing each character n-gram
again in Python is what makes ``Pipeline.predict_proba`` slow on 100,000 statements.
``tests/test_classifier.py`` checks that both give the same probabilities.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from auditlib.atomic import write_with
from auditlib.classifier.corpus import DECISION_SOURCE, training_fingerprint
from auditlib.classifier.lexicon import DISPLAY as LEXICON_DISPLAY
from auditlib.classifier.lexicon import MARKER_PREFIX, field_marker, lexicon_markers
from auditlib.classifier.text import analyse_token, fold_token, strip_edge_punctuation
from auditlib.errors import ModelError
from auditlib.messages import msg
from auditlib.resources import package_file
from auditlib.vocabulary import LABELS

MODEL_DIR = package_file("models")
DEFAULT_MODEL_PATH = MODEL_DIR / "greyzone.skops"
PREDICTION_COLUMNS = ["label", "probability", "second_label", "second_probability", "explanation"]
EXPLANATION_SEPARATOR = "; "
_WORD_PATTERN = r"(?u)\b\w\w+\b"

# Types a model file may hold beyond those skops trusts by default. Current skops trusts
# scikit-learn, NumPy and SciPy types itself; the list names the pipeline's own types so
# that our models still load if skops grows stricter. Any other type is refused unread.
TRUSTED_TYPES: frozenset[str] = frozenset({
    "builtins.slice",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "numpy.ndarray",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.svm._classes.LinearSVC",
})

# Function words never shown as an explanation: they carry weight only together with
# the content words around them, and "at" or "i" tells the forum nothing.
DISPLAY_STOPWORDS = frozenset(fold_token(w) for w in (
    "og i at en et til på med af for om den det de er som har skal kan vil hun han der sig "
    "sin sit sine hans hendes hende ham ved fra efter så men eller ikke være blive bliver "
    "også hvor når samt ud op ind over under mod mellem hver gang gange hans deres dem man "
    "nu her da hvis jf evt ca bl.a f.eks kl pt borger borgeren patient patienten pt. selv "
    "sammen få fået være været blev får mere meget mindre noget nogle alle andre anden andet "
    "min mit mine din dit dine vores jeres ny nye to tre fire fem seks syv otte ni ti "
    "pga p.g.a ift mht dvs inkl vedr iht bla feks eks mv osv før bør obs kunne komme "
    "kommer søges gå går søndag forlænget"
).split())


@dataclass(frozen=True)
class ModelSettings:
    """The model's features and hyperparameters.

    The feature set, the classifier and C were compared on the held-out table of
    ``benchmarks/tune_classifier.py`` (sentences from the sources, not from the corpus);
    the variants lie within one or two sentences of each other, and the simplest of the
    best is the default (README, "Gråzoneklassifikatoren").
    """

    C: float = 10.0
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    stem: bool = True  # Danish Snowball stems for the word and character features
    lexicon: bool = True  # marker features for named actors and laws (lexicon.py)
    field: bool = False  # the plan field as a feature (off: a statement reads the same anywhere)
    classifier: str = "svm"  # "svm" (LinearSVC) or "logreg"; both linear
    calibration_folds: int = 3
    # How much a forum decision weighs against one corpus statement. It replaces corpus rows
    # with the same text anyway; a weight above 1 also pulls similar statements along,
    # which one mistaken decision should not do, so the default is neutral.
    decision_weight: float = 1.0
    max_iter: int = 5000


DEFAULT_SETTINGS = ModelSettings()


CLASSIFIERS = ("logreg", "svm")


def build_classifier(settings: ModelSettings):
    if settings.classifier == "logreg":
        return LogisticRegression(C=settings.C, max_iter=settings.max_iter, random_state=0)
    if settings.classifier == "svm":
        # LinearSVC's C works on hinge loss; a tenth of the logistic C regularises alike.
        return LinearSVC(C=settings.C / 10, max_iter=settings.max_iter, random_state=0)
    raise ValueError(f"unknown classifier {settings.classifier!r}; one of {CLASSIFIERS}")


def build_pipeline(settings: ModelSettings = DEFAULT_SETTINGS) -> Pipeline:
    """The untrained pipeline. Its input is ``fold_statement`` text."""
    words = TfidfVectorizer(lowercase=False, token_pattern=_WORD_PATTERN,
                            ngram_range=tuple(settings.word_ngrams))
    chars = TfidfVectorizer(lowercase=False, analyzer="char_wb",
                            ngram_range=tuple(settings.char_ngrams))
    return Pipeline([
        ("features", FeatureUnion([("words", words), ("chars", chars)])),
        ("classifier", build_classifier(settings)),
    ])


def prepare_statement(statement: str, settings: ModelSettings = DEFAULT_SETTINGS,
                      field: str | None = None) -> str:
    """The statement with its marker tokens appended (lexicon, optionally the field)."""
    markers = lexicon_markers(statement) if settings.lexicon else []
    if settings.field and field_marker(field):
        markers.append(field_marker(field))
    return " ".join([str(statement), *markers]) if markers else str(statement)


def _is_marker(token: str) -> bool:
    return token.startswith(MARKER_PREFIX) or token.startswith("felt_")


# Words every sector's needs are phrased with ("hjælp til …", "behov for …", "brug for …"):
# the sector lies in what follows them, so they are no feature at all. Otherwise "hjælp",
# common in social statements, decides "Hjælp til at finde redskaber til at huske aftaler".
NEED_WORDS = frozenset(fold_token(w) for w in (
    "hjælp hjælpe hjælper hjælpes hjælpen behov behovet brug").split())


def analyse(token: str, settings: ModelSettings) -> str:
    """One token as the pipeline sees it; marker tokens pass unchanged, need words vanish."""
    if _is_marker(token):
        return token
    if strip_edge_punctuation(fold_token(token)) in NEED_WORDS:
        return ""
    return analyse_token(token, settings.stem)


def fold_statement(statement: str, settings: ModelSettings = DEFAULT_SETTINGS,
                   field: str | None = None) -> str:
    """The text the pipeline sees: analysed tokens (and markers) joined by single spaces."""
    prepared = prepare_statement(statement, settings, field)
    return " ".join(t for t in (analyse(o, settings) for o in prepared.split()) if t)


def softmax(scores: np.ndarray, temperature: float | np.ndarray = 1.0) -> np.ndarray:
    """Row-wise softmax of ``scores / temperature`` (a number or one per row)."""
    temperature = np.asarray(temperature, dtype=float)
    scaled = scores / (temperature[:, None] if temperature.ndim == 1 else temperature)
    scaled = scaled - scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


def content_words(prepared: str) -> int:
    """How many content words a statement has (markers, function words, numbers and
    one-letter tokens do not count); at least 1."""
    known = _CONTENT_WORD
    count = 0
    for token in prepared.split():
        counts = known.get(token)
        if counts is None:
            counts = known[token] = _is_content_word(token)
        count += counts
    return max(count, 1)


# Whether a token counts as a content word, per token as written: a register repeats the
# same words, and folding each one again is most of the time ``content_words`` takes.
_CONTENT_WORD: dict[str, bool] = {}


def _is_content_word(token: str) -> bool:
    if _is_marker(token):
        return False
    key = strip_edge_punctuation(fold_token(token))
    return len(key) >= 2 and any(ch.isalpha() for ch in key) and key not in DISPLAY_STOPWORDS


def statement_temperature(words: np.ndarray, temperature: float, short_penalty: float
                          ) -> np.ndarray:
    """T * (1 + a / content words): a statement of one or two words is less evidence than a
    sentence, whatever its tf-idf vector says (l2 normalisation makes a lone word a unit
    vector, as strong as a whole sentence). T and a are fitted together on out-of-fold
    scores (``fit_temperature``)."""
    return temperature * (1.0 + short_penalty / np.asarray(words, dtype=float))


# A statement of n content words keeps (1 - SHORT_SHRINK / n) of its probabilities and
# spreads the rest evenly over the labels: a lone word ("Træning", "Støtte", "Struktur")
# names a topic, not the purpose or provider that decide the sector (DOMAIN.md §6), so it
# can reach at most 0.75, two words 0.875. This is a stated prior, not fitted: the corpus's
# short bullets were written to be clear, so out-of-fold scores cannot show how ambiguous a
# lone word in a real plan is. The order of the labels never changes.
SHORT_SHRINK = 0.3


def shrink_short(proba: np.ndarray, words: np.ndarray) -> np.ndarray:
    share = np.minimum(SHORT_SHRINK / np.asarray(words, dtype=float), 1.0)[:, None]
    return (1.0 - share) * proba + share / proba.shape[1]


def _linear_parameters(classifier) -> tuple[np.ndarray, np.ndarray]:
    """Weights and intercepts with one row per label (a binary model's single row is
    split into two opposite halves, whose softmax is the model's sigmoid)."""
    coef, intercept = np.asarray(classifier.coef_), np.asarray(classifier.intercept_)
    if coef.shape[0] == 1:
        coef = np.vstack([-coef / 2, coef / 2])
        intercept = np.concatenate([-intercept / 2, intercept / 2])
    return coef, intercept


class _Features:
    """Cached per-token features that reproduce the fitted FeatureUnion exactly.

    A statement's TF-IDF is the sum over its whitespace tokens of their counts times idf,
    l2-normalised per block (``char_wb`` n-grams never cross whitespace; word bigrams
    across two tokens are added separately). Each distinct token is analysed once, into a
    row of a token x feature matrix; a batch of statements is then a sparse document x
    token matrix times that matrix, which runs in compiled code.
    """

    def __init__(self, pipeline: Pipeline, settings: ModelSettings):
        self.settings = settings
        union = pipeline.named_steps["features"]
        words, chars = (t for _, t in union.transformer_list)
        self.word_vocab = words.vocabulary_
        self.word_idf = words.idf_
        self.char_vocab = chars.vocabulary_
        self.char_idf = chars.idf_
        self.char_analyzer = chars.build_analyzer()
        self.word_regex = re.compile(words.token_pattern)
        self.pairs = {tuple(term.split(" ")): index for term, index in self.word_vocab.items()
                      if term.count(" ") == 1} if words.ngram_range[1] >= 2 else {}
        coef, self.intercept = _linear_parameters(pipeline.named_steps["classifier"])
        self.coef = coef
        n_words = len(self.word_idf)
        self.coef_words = coef[:, :n_words]
        self.coef_chars = coef[:, n_words:]
        # Token registry: id per token as written; -1 when it folds to nothing.
        self.ids: dict[str, int] = {}
        self.first_word: list[str | None] = []
        self.last_word: list[str | None] = []
        self.display: list[str] = []  # as written, without punctuation at the ends
        self.key: list[int] = []  # id of the folded display: one term for two spellings
        self.key_ids: dict[str, int] = {}
        self.key_shown: list[bool] = []  # may the term appear in an explanation?
        self._rows: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._built = 0
        self.char_matrix = sp.csr_matrix((0, len(self.char_idf)))
        self.word_matrix = sp.csr_matrix((0, n_words))
        self.char_weight = np.zeros((0, coef.shape[0]))
        self.word_weight = np.zeros((0, coef.shape[0]))

    def _add(self, written: str) -> int:
        folded = analyse(written, self.settings)
        if not folded:
            self.ids[written] = -1
            return -1
        words = self.word_regex.findall(folded)
        word_ids = [self.word_vocab.get(w, -1) for w in words]
        # Bigrams inside one token ("kalender-app") belong to the token's own row.
        word_ids += [self.pairs.get(pair, -1) for pair in zip(words, words[1:], strict=False)]
        grams: dict[int, int] = {}
        for gram in self.char_analyzer(folded):
            index = self.char_vocab.get(gram)
            if index is not None:
                grams[index] = grams.get(index, 0) + 1
        known = np.asarray([i for i in word_ids if i >= 0], dtype=np.int64)
        self._rows.append((known, np.fromiter(grams.keys(), dtype=np.int64, count=len(grams)),
                           np.fromiter(grams.values(), dtype=np.float64, count=len(grams))))
        token_id = len(self.display)
        self.ids[written] = token_id
        self.first_word.append(words[0] if words else None)
        self.last_word.append(words[-1] if words else None)
        marker = _is_marker(written)
        display = LEXICON_DISPLAY.get(written, written) if marker else strip_edge_punctuation(
            written)
        # Two spellings of one word are one term: the key is the folded word, unstemmed.
        key = written if marker else strip_edge_punctuation(fold_token(written))
        self.display.append(display)
        if key not in self.key_ids:
            self.key_ids[key] = len(self.key_shown)
            self.key_shown.append(len(key) >= 2 and any(ch.isalpha() for ch in key)
                                  and key not in DISPLAY_STOPWORDS)
        self.key.append(self.key_ids[key])
        return token_id

    def _build(self) -> None:
        """Append the rows of tokens seen since the last build to the token matrices."""
        new = self._rows[self._built:]
        if not new:
            return
        lengths = [len(w) for w, _, _ in new], [len(c) for _, c, _ in new]
        words = sp.csr_matrix(
            (np.concatenate([self.word_idf[w] for w, _, _ in new]),
             np.concatenate([w for w, _, _ in new]),
             np.concatenate([[0], np.cumsum(lengths[0])])),
            shape=(len(new), len(self.word_idf)))
        chars = sp.csr_matrix(
            (np.concatenate([n * self.char_idf[c] for _, c, n in new]),
             np.concatenate([c for _, c, _ in new]),
             np.concatenate([[0], np.cumsum(lengths[1])])),
            shape=(len(new), len(self.char_idf)))
        words.sum_duplicates()
        self.word_matrix = sp.vstack([self.word_matrix, words], format="csr")
        self.char_matrix = sp.vstack([self.char_matrix, chars], format="csr")
        # Each token's unnormalised contribution to each label's score.
        self.word_weight = np.vstack([self.word_weight, words @ self.coef_words.T])
        self.char_weight = np.vstack([self.char_weight, chars @ self.coef_chars.T])
        self._built = len(self._rows)

    def token_ids(self, prepared: str) -> list[int]:
        ids = self.ids
        found = [ids[w] if w in ids else self._add(w) for w in prepared.split()]
        return [i for i in found if i >= 0]

    def transform(self, docs: list[list[int]]):
        """Both TF-IDF blocks (l2-normalised), their norms, and the word bigrams that cross
        two tokens as ``(doc, first token, second token, feature)`` arrays."""
        self._build()
        pairs, first_word, last_word = self.pairs, self.first_word, self.last_word
        flat: list[int] = []
        indptr = [0]
        bigram_rows: list[tuple[int, int, int, int]] = []
        for number, tokens in enumerate(docs):
            flat.extend(tokens)
            indptr.append(len(flat))
            if pairs:
                previous = None
                for token in tokens:
                    word = first_word[token]
                    if word is None:
                        continue
                    if previous is not None:
                        index = pairs.get((last_word[previous], word))
                        if index is not None:
                            bigram_rows.append((number, previous, token, index))
                    previous = token
        n_docs = len(docs)
        documents = sp.csr_matrix(
            (np.ones(len(flat)), np.asarray(flat, dtype=np.int64),
             np.asarray(indptr, dtype=np.int64)), shape=(n_docs, len(self.display)))
        bigrams = (np.asarray(bigram_rows, dtype=np.int64).reshape(-1, 4))
        crossing = sp.csr_matrix(
            (self.word_idf[bigrams[:, 3]], (bigrams[:, 0], bigrams[:, 3])),
            shape=(n_docs, len(self.word_idf)))
        raw_words = documents @ self.word_matrix + crossing
        raw_chars = documents @ self.char_matrix
        blocks, norms = [], []
        for matrix in (raw_words, raw_chars):
            norm = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
            safe = np.where(norm > 0, norm, 1.0)
            blocks.append(sp.csr_matrix(sp.diags(1.0 / safe) @ matrix))
            norms.append(safe)
        return blocks, norms, documents, bigrams


class GreyzoneModel:
    """A trained pipeline with its metadata (version, labels, training data, settings)."""

    def __init__(self, pipeline: Pipeline, metadata: dict):
        self.pipeline = pipeline
        self.metadata = dict(metadata)
        self._features: _Features | None = None
        known = {k: v for k, v in self.metadata.get("settings", {}).items()
                 if k in ModelSettings.__dataclass_fields__}
        self.settings = ModelSettings(**{k: tuple(v) if isinstance(v, list) else v
                                         for k, v in known.items()})
        self.temperature = float(self.metadata.get("temperature", 1.0))
        self.short_penalty = float(self.metadata.get("short_penalty", 0.0))

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.pipeline.named_steps["classifier"].classes_]

    @property
    def features(self) -> _Features:
        if self._features is None:
            self._features = _Features(self.pipeline, self.settings)
        return self._features

    def _calibrated(self, scores: np.ndarray, prepared: list[str]) -> np.ndarray:
        """Scores to probabilities: temperature, then the short-statement shrink."""
        words = np.fromiter((content_words(p) for p in prepared), dtype=float,
                            count=len(prepared))
        temperature = statement_temperature(words, self.temperature, self.short_penalty)
        return shrink_short(softmax(scores, temperature), words)

    def _proba(self, blocks: list[sp.csr_matrix], prepared: list[str]) -> np.ndarray:
        features = self.features
        scores = sp.hstack(blocks, format="csr") @ features.coef.T + features.intercept
        return self._calibrated(np.asarray(scores), prepared)

    def _prepared(self, statements: list[str], fields: list[str] | None) -> list[str]:
        fields = fields if fields is not None else [None] * len(statements)
        return [prepare_statement(s, self.settings, f) for s, f in
                zip(statements, fields, strict=True)]

    def predict_proba(self, statements: list[str], fields: list[str] | None = None
                      ) -> np.ndarray:
        """Calibrated probabilities per label (columns in the order of ``labels``)."""
        features = self.features
        prepared = self._prepared([str(s) for s in statements], fields)
        blocks = features.transform([features.token_ids(p) for p in prepared])[0]
        return self._proba(blocks, prepared)

    def reference_proba(self, statements: list[str], fields: list[str] | None = None
                        ) -> np.ndarray:
        """The same probabilities through the scikit-learn pipeline (slow; for tests)."""
        fields = fields if fields is not None else [None] * len(statements)
        texts = [fold_statement(str(s), self.settings, f) for s, f in
                 zip(statements, fields, strict=True)]
        scores = self.pipeline.named_steps["features"].transform(texts) @ self.features.coef.T
        return self._calibrated(np.asarray(scores) + self.features.intercept,
                                self._prepared([str(s) for s in statements], fields))

    def predict(self, statements: list[str], fields: list[str] | None = None) -> pd.DataFrame:
        """Label, probability, runner-up and explanation for every statement.

        ``explanation`` holds the 3-5 words of the statement that weighed most for the
        predicted label (coefficient x tf-idf; a word's character n-grams and half of each
        word pair it is part of are added to it), separated by ``EXPLANATION_SEPARATOR``.
        """
        statements = ["" if s is None or (not isinstance(s, str) and pd.isna(s)) else str(s)
                      for s in statements]
        if not statements:
            return pd.DataFrame({c: pd.Series(dtype="float64" if "probability" in c else "str")
                                 for c in PREDICTION_COLUMNS})
        # A register repeats the same statements ("Fortsat kontrol i ambulatoriet"): each
        # distinct (statement, field) is prepared once, and each distinct prepared text once
        # predicted.
        fields = fields if fields is not None else [None] * len(statements)
        pair_codes: dict[tuple[str, str | None], int] = {}
        pair_of = np.fromiter((pair_codes.setdefault(pair, len(pair_codes)) for pair in
                               zip(statements, fields, strict=True)),
                              dtype=np.int64, count=len(statements))
        prepared = self._prepared([s for s, _ in pair_codes], [f for _, f in pair_codes])
        codes, unique = pd.factorize(pd.Series(prepared, dtype=object), sort=False)
        codes = codes[pair_of]
        features = self.features
        docs = [features.token_ids(str(u)) for u in unique]
        blocks, norms, documents, bigrams = features.transform(docs)
        proba = self._proba(blocks, [str(u) for u in unique])
        order = np.argsort(-proba, axis=1, kind="stable")
        rows = np.arange(len(docs))
        first = order[:, 0]
        second = order[:, 1] if proba.shape[1] > 1 else order[:, 0]
        labels = np.asarray(self.labels, dtype=object)
        frame = pd.DataFrame({
            "label": labels[first],
            "probability": proba[rows, first],
            "second_label": labels[second],
            "second_probability": proba[rows, second],
            "explanation": self._explain(first, documents, bigrams, norms),
        })
        frame = frame.iloc[codes].reset_index(drop=True)
        for column in ("label", "second_label", "explanation"):
            frame[column] = frame[column].astype("str")
        return frame

    def _explain(self, predicted: np.ndarray, documents: sp.csr_matrix, bigrams: np.ndarray,
                 norms: list[np.ndarray], most: int = 5, least: int = 3) -> list[str]:
        """Per document, the terms with the largest positive contribution to its label."""
        features = self.features
        word_norm, char_norm = norms
        doc = np.repeat(np.arange(documents.shape[0]), np.diff(documents.indptr))
        token = documents.indices
        label = predicted[doc]
        score = (features.word_weight[token, label] / word_norm[doc]
                 + features.char_weight[token, label] / char_norm[doc])
        if len(bigrams):
            b_doc, b_first, b_second, b_feature = bigrams.T
            half = (features.coef_words[predicted[b_doc], b_feature]
                    * features.word_idf[b_feature] / word_norm[b_doc] / 2)
            doc = np.concatenate([doc, b_doc, b_doc])
            token = np.concatenate([token, b_first, b_second])
            score = np.concatenate([score, half, half])
        keys = np.asarray(features.key, dtype=np.int64)[token]
        terms = pd.DataFrame({"doc": doc, "key": keys, "token": token, "score": score})
        # The same word twice in a statement is one term; it is shown as first written.
        terms = terms.groupby(["doc", "key"], sort=False).agg(
            score=("score", "sum"), token=("token", "first")).reset_index()
        shown = np.asarray(features.key_shown, dtype=bool)[terms["key"].to_numpy()]
        terms = terms[shown & (terms["score"].to_numpy() > 0)]
        score = terms["score"].to_numpy()
        doc = terms["doc"].to_numpy()
        order = np.lexsort((-score, doc))
        score, doc, token = score[order], doc[order], terms["token"].to_numpy()[order]
        # Sorted by document, best term first: a term's rank is its distance from the
        # start of its document's run, and the top score is the run's first.
        starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]]) if len(doc) else doc
        first = np.repeat(starts, np.diff(np.r_[starts, len(doc)]))
        rank = np.arange(len(doc)) - first
        top = score[first]
        # Three terms at least; up to five while a term still weighs a quarter of the top.
        keep = (rank < least) | ((rank < most) & (score >= 0.25 * top))
        doc, token = doc[keep], token[keep]
        display = np.asarray(features.display, dtype=object)[token].tolist()
        explanations = [""] * documents.shape[0]
        bounds = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1], True]).tolist() \
            if len(doc) else []
        for start, end in zip(bounds, bounds[1:], strict=False):
            explanations[doc[start]] = EXPLANATION_SEPARATOR.join(display[start:end])
        return explanations


def train_model(corpus: pd.DataFrame, settings: ModelSettings = DEFAULT_SETTINGS, *,
                margin: float | None = None) -> GreyzoneModel:
    """Fit the pipeline on ``corpus`` (columns ``statement``, ``label``, optional ``source``).

    Rows whose ``source`` is a forum decision weigh ``settings.decision_weight``.
    Deterministic: the same rows give the same model.
    """
    data = corpus.reset_index(drop=True)
    labels = sorted(set(data["label"]))
    if len(labels) < 2:
        raise ModelError(msg("klassifikation_for_faa_labels", count=len(labels)))
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        raise ModelError(msg("klassifikation_ukendt_label", labels=", ".join(LABELS)))
    fields = (data["field"].astype("str").tolist() if "field" in data.columns
              else [None] * len(data))
    texts = [fold_statement(s, settings, f) for s, f in zip(data["statement"], fields,
                                                              strict=True)]
    if "source" in data.columns:
        from_decision = data["source"].astype("str").str.startswith(DECISION_SOURCE)
    else:
        from_decision = pd.Series(False, index=data.index)
    weights = np.where(from_decision.to_numpy(dtype=bool), settings.decision_weight, 1.0)
    truth = data["label"].astype("str").to_numpy(dtype=object)
    pipeline = build_pipeline(settings)
    pipeline.fit(texts, truth, classifier__sample_weight=weights)
    words = np.asarray([content_words(prepare_statement(s, settings, f))
                        for s, f in zip(data["statement"], fields, strict=True)], dtype=float)
    temperature, short_penalty = fit_temperature(texts, truth, weights, words, settings)
    fingerprint = training_fingerprint(data)
    trained = dt.datetime.now(dt.UTC).replace(microsecond=0)
    metadata = {
        "version": f"{fingerprint[:12]}-sklearn{sklearn.__version__}-{trained:%Y%m%d}",
        "training_sha256": fingerprint,
        "sklearn_version": sklearn.__version__,
        "trained": trained.isoformat(),
        "labels": [str(c) for c in pipeline.named_steps["classifier"].classes_],
        "n_statements": int(len(data)),
        "n_decisions": int(from_decision.sum()),
        "temperature": temperature,
        "short_penalty": short_penalty,
        "settings": {k: list(v) if isinstance(v, tuple) else v
                     for k, v in asdict(settings).items()},
    }
    if margin is not None:
        metadata["greyzone_margin"] = float(margin)
    return GreyzoneModel(pipeline, metadata)


TEMPERATURES = np.geomspace(0.05, 8.0, 81)
SHORT_PENALTIES = (0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0)


def fit_temperature(texts: list[str], truth: np.ndarray, weights: np.ndarray,
                    words: np.ndarray, settings: ModelSettings) -> tuple[float, float]:
    """Temperature T and short-statement penalty a that minimise log loss on out-of-fold
    scores (see ``statement_temperature``).

    Folds are grouped by near-duplicates (as in ``evaluate``), so a statement's score comes
    from a model that saw neither it nor its paraphrases: the scores are as confident as
    they will be on new text, not as on the training rows. (1.0, 0.0) when a label has too
    few statements to fold.
    """
    from sklearn.model_selection import StratifiedGroupKFold

    from auditlib.classifier.evaluate import near_duplicate_groups

    folds = settings.calibration_folds
    counts = pd.Series(truth).value_counts()
    if folds < 2 or counts.min() < folds:
        return 1.0, 0.0
    groups = near_duplicate_groups(texts)
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=0)
    labels = sorted(counts.index)
    scores = np.zeros((len(texts), len(labels)))
    for train, test in splitter.split(texts, truth, groups):
        part = build_pipeline(settings)
        part.fit([texts[i] for i in train], truth[train],
                 classifier__sample_weight=weights[train])
        coef, intercept = _linear_parameters(part.named_steps["classifier"])
        columns = [labels.index(str(c)) for c in part.named_steps["classifier"].classes_]
        block = part.named_steps["features"].transform([texts[i] for i in test])
        fold_scores = np.full((len(test), len(labels)), -1e9)
        fold_scores[:, columns] = np.asarray(block @ coef.T) + intercept
        scores[test] = fold_scores
    truth_index = np.asarray([labels.index(t) for t in truth])
    rows = np.arange(len(texts))

    def loss(pair: tuple[float, float]) -> float:
        proba = shrink_short(softmax(scores, statement_temperature(words, *pair)), words)
        return float(-np.log(proba[rows, truth_index] + 1e-12).mean())

    best = min(((float(t), float(a)) for t in TEMPERATURES for a in SHORT_PENALTIES), key=loss)
    return best


def model_version(model: GreyzoneModel) -> str:
    """The version string stored in run.json: training data hash, sklearn version, date."""
    return str(model.metadata.get("version", "ukendt"))


def _without_vocabularies(pipeline: Pipeline) -> tuple[Pipeline, dict[str, np.ndarray]]:
    """A shallow copy of ``pipeline`` whose vectorizers hold no ``vocabulary_``, and the
    vocabularies as arrays of terms in feature order.

    skops writes a dict entry by entry into its JSON schema (some 900 bytes per term, 30 MB
    for this model); an array of strings is stored as one small .npy file instead.
    """
    union = pipeline.named_steps["features"]
    vocabularies, stripped = {}, []
    for name, vectorizer in union.transformer_list:
        terms = [""] * len(vectorizer.vocabulary_)
        for term, index in vectorizer.vocabulary_.items():
            terms[index] = term
        vocabularies[name] = np.asarray(terms, dtype=str)
        light = copy.copy(vectorizer)
        del light.vocabulary_
        stripped.append((name, light))
    light_union = copy.copy(union)
    light_union.transformer_list = stripped
    light_pipeline = copy.copy(pipeline)
    light_pipeline.steps = [("features", light_union),
                            ("classifier", pipeline.named_steps["classifier"])]
    return light_pipeline, vocabularies


def _restore_vocabularies(pipeline: Pipeline, vocabularies: dict) -> None:
    for name, vectorizer in pipeline.named_steps["features"].transformer_list:
        terms = vocabularies.get(name)
        if not isinstance(terms, np.ndarray) or len(terms) != len(vectorizer.idf_):
            raise ValueError(f"vocabulary of {name} does not fit its idf")
        vectorizer.vocabulary_ = {str(term): index for index, term in enumerate(terms.tolist())}


def save_model(model: GreyzoneModel, path: str | Path = DEFAULT_MODEL_PATH) -> Path:
    """Write the model with skops (no pickle), compressed and atomically."""
    import skops.io as sio

    path = Path(path)
    pipeline, vocabularies = _without_vocabularies(model.pipeline)
    payload = {"pipeline": pipeline, "vocabularies": vocabularies, "metadata": model.metadata}
    write_with(path, lambda tmp: sio.dump(payload, tmp, compression=zipfile.ZIP_DEFLATED))
    return path


def load_model(path: str | Path | None = None) -> GreyzoneModel:
    """Read a model file written by ``save_model``; refuse any type not in TRUSTED_TYPES.

    ``path`` None means the model shipped with the package. Types that skops does not
    trust by default are listed before anything is loaded; the file is refused when one
    of them is not in ``TRUSTED_TYPES``, and the error names only the types.
    """
    import skops.io as sio

    path = Path(path) if path is not None else DEFAULT_MODEL_PATH
    if not path.is_file():
        raise ModelError(msg("klassifikation_model_mangler", path=path))
    try:
        present = sio.get_untrusted_types(file=path)
    except Exception as exc:  # a damaged zip or schema: nothing was executed
        raise ModelError(msg("klassifikation_model_defekt", path=path.name)) from exc
    untrusted = sorted(set(present) - TRUSTED_TYPES)
    if untrusted:
        raise ModelError(msg("klassifikation_model_utrovaerdig", path=path.name,
                             types=", ".join(untrusted)))
    try:
        payload = sio.load(path, trusted=list(present))
        pipeline = payload["pipeline"]
        if (not isinstance(pipeline, Pipeline) or not isinstance(payload["metadata"], dict)
                or list(pipeline.named_steps) != ["features", "classifier"]):
            raise ValueError("not a grey-zone model")
        _restore_vocabularies(pipeline, payload["vocabularies"])
    except Exception as exc:
        raise ModelError(msg("klassifikation_model_defekt", path=path.name)) from exc
    return GreyzoneModel(pipeline, payload["metadata"])
