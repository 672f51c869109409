"""What every recognizer shares: the declared ``Recognizer`` object and text helpers.

Each recognizer holds its compiled patterns, context words, a base score and a Danish
``reason`` (never a value), and a ``validate(match, text)`` hook that returns the
finding's score or None to reject a look-alike. Which kinds run is configuration
(``privacy.kinds``); the registry below lists them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditlib.resources import package_file

DATA_DIR = package_file("privacy", "data")

UPPER = "A-ZÆØÅÄÖÜÉ"
LOWER = "a-zæøåäöüéè"
_SENTENCE_END = re.compile(r"[.!?;\n](?=\s|$)")
_WORD = re.compile(rf"[{UPPER}{LOWER}]+\.?")


@dataclass(frozen=True)
class Recognizer:
    """One kind of identifier: patterns, context words and a validation hook."""

    kind: str
    tag: str
    reason: str
    patterns: tuple[re.Pattern[str], ...]
    base_score: float = 0.8
    context_words: frozenset[str] = field(default_factory=frozenset)
    # A cheap test a text must pass before the patterns run (speed on large registers).
    prefilter: re.Pattern[str] | None = None

    def validate(self, match: re.Match[str], text: str) -> float | None:
        """The score of ``match`` or None when it is a look-alike."""
        return self.base_score

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        """The part of the match that is the identifier (group 'value' when present)."""
        if "value" in match.re.groupindex and match.group("value") is not None:
            return match.span("value")
        return match.span()

    def find(self, text: str) -> list[tuple[int, int, float]]:
        found: list[tuple[int, int, float]] = []
        if self.prefilter is not None and not self.prefilter.search(text):
            return found
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                score = self.validate(match, text)
                if score is not None:
                    start, end = self.span(match)
                    found.append((start, end, score))
        return found


def _words_before(text: str, start: int, count: int = 3, window: int = 60) -> list[str]:
    """Up to ``count`` lowercased words before ``start`` in the same sentence."""
    before = text[max(0, start - window):start]
    cut = 0
    for end in _SENTENCE_END.finditer(before):
        # "hr." and "f." are abbreviations, not sentence ends.
        word = before[:end.end()].rsplit(None, 1)[-1].lower() if before[:end.end()].split() else ""
        if word not in ("hr.", "f.", "dr.", "ca.", "bl.a.", "evt."):
            cut = end.end()
    return [w.lower() for w in _WORD.findall(before[cut:])][-count:]


