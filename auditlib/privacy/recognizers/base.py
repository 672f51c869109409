"""What every recognizer shares: the declared ``Recognizer`` object, its ``Candidate``
results and the context rule the engine applies.

Each recognizer holds its compiled patterns (named, so a finding can say which one
fired), context words, a base score, a Danish ``reason`` (never a value) and a
``validate(match, text)`` hook that returns the candidate's score or None to reject a
look-alike. The engine (``auditlib.privacy.scan``) raises the score of a candidate when
one of the recognizer's ``context_words`` stands just before it (Presidio's context
enhancer) and keeps what reaches ``min_score``: a context word changes decisions, it is
not decoration.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

UPPER = "A-ZÆØÅÄÖÜÉ"
LOWER = "a-zæøåäöüéèáíóúñçëï"
# Any horizontal space a plan may hold: space, tab, no-break and thin spaces.
SPACE = "[ \t\u00a0\u202f\u2009\u2007]"
DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"
_WORD = re.compile(rf"[{UPPER}{LOWER}]+\.?|[{UPPER}{LOWER}]+(?:[-.][{UPPER}{LOWER}]+)+\.?")
# The first digit of every run of digits.
_RUN_START = re.compile(r"\d(?<!\d\d)")
_last_runs: tuple[str, list[int]] = ("", [])


def digit_runs(text: str) -> list[int]:
    """Where each run of digits in ``text`` starts. Several recognizers ask about the
    same (joined) text in a row, so the last answer is kept (``forget_digit_runs``)."""
    global _last_runs
    last_text, last_runs = _last_runs
    if last_text is text:
        return last_runs
    runs = [m.start() for m in _RUN_START.finditer(text)]
    _last_runs = (text, runs)
    return runs


def forget_digit_runs() -> None:
    """Let go of the last text ``digit_runs`` kept (a register's joined cells)."""
    global _last_runs
    _last_runs = ("", [])


def finditer_at_runs(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at the first
    digit of a run of digits (a leading ``\\d`` that no digit may precede).

    The pattern is tried only there, not at every character: on a register most text
    is words, and a regex scan over it is what a large register's scan costs.
    """
    end = 0
    match = pattern.match
    for position in digit_runs(text):
        if position >= end:
            found = match(text, position)
            if found is not None:
                yield found
                end = found.end()


@dataclass(frozen=True)
class Candidate:
    """A span a recognizer proposes: where, how sure, which pattern and why."""

    start: int
    end: int
    score: float
    pattern: str
    context: str = ""


@dataclass(frozen=True)
class Recognizer:
    """One kind of identifier: named patterns, context words and a validation hook."""

    kind: str
    tag: str
    reason: str
    patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    base_score: float = 0.8
    context_words: frozenset[str] = field(default_factory=frozenset)
    # How much a context word just before a candidate adds, how far back it may stand
    # (in words) and the score a candidate needs to become a finding.
    context_boost: float = 0.35
    context_window: int = 4
    min_score: float = 0.5
    # What every match holds: "digit", "@", "word" (one of ``key_words()``, capitalised)
    # or "" for nothing known. The engine finds the texts that hold it in one pass over
    # all cells, so a recognizer never sees a text it cannot match.
    needs: str = ""
    # Whether the engine may run it once over many cells joined by a line break and NUL
    # (its patterns and context rules never cross a line) or must run it cell by cell.
    batch: bool = True
    prefilter: re.Pattern[str] | None = None
    # Names of the patterns whose every match starts at the first digit of a run of
    # digits: they are tried only there (``finditer_at_runs``). A test checks each one
    # against a plain scan.
    at_digit_runs: frozenset[str] = frozenset()

    def matches(self, name: str, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """Every match of one of the recognizer's patterns, left to right, not overlapping."""
        if name in self.at_digit_runs:
            return finditer_at_runs(pattern, text)
        return pattern.finditer(text)

    def validate(self, match: re.Match[str], text: str) -> float | None:
        """The score of ``match`` or None when it is a look-alike."""
        return self.base_score

    def key_words(self) -> frozenset[str]:
        """For ``needs == "word"``: the capitalised words one of which every match holds."""
        return frozenset()

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        """The part of the match that is the identifier (group 'value' when present)."""
        if "value" in match.re.groupindex and match.group("value") is not None:
            return match.span("value")
        return match.span()

    def candidates(self, text: str, allow: frozenset[str] = frozenset()) -> list[Candidate]:
        """Every validated pattern match in ``text`` before context is applied."""
        found: list[Candidate] = []
        if self.prefilter is not None and not self.prefilter.search(text):
            return found
        for name, pattern in self.patterns:
            for match in self.matches(name, pattern, text):
                score = self.validate(match, text)
                if score is not None:
                    start, end = self.span(match)
                    found.append(Candidate(start, end, score, name))
        return found


def sentence_start(text: str, start: int, window: int = 80) -> int:
    """Where the sentence holding ``start`` begins (abbreviations do not end one, nor
    does a full stop before a digit: "Journalnr. 87654321")."""
    lo = max(0, start - window)
    cut = lo
    for end in _SENTENCE_MARK.finditer(text, lo, start):
        mark, after = end.group(0), text[end.end():end.end() + 2]
        if mark == "\n":
            cut = end.end()
            continue
        if after[:1] not in ("", " ", "\t", "\n", "\u00a0"):
            continue  # "bl.a", "2.5"
        if mark == ".":
            if after[1:2].isdigit():
                continue
            word = text[max(lo, end.start() - 8):end.start() + 1].split()
            if word and word[-1].lower() in _ABBREVIATIONS:
                continue
        cut = end.end()
    return cut


_SENTENCE_MARK = re.compile(r"[.!?;•\n]")
_ABBREVIATIONS = frozenset({"hr.", "f.", "dr.", "ca.", "bl.a.", "evt.", "fru.", "frk.", "nr.",
                            "tlf.", "kr.", "pt.", "jf.", "mv.", "mht.", "vedr.", "cpr.nr.",
                            "st.", "sal.", "tv.", "th.", "mf.", "kl.", "d.", "ds.", "v."})


def words_before(text: str, start: int, count: int = 3, window: int = 60) -> list[str]:
    """Up to ``count`` lowercased words before ``start`` in the same sentence."""
    cut = sentence_start(text, start, window)
    return [w.lower() for w in _WORD.findall(text, cut, start)][-count:]


def words_after(text: str, end: int, count: int = 2, window: int = 40) -> list[str]:
    """Up to ``count`` lowercased words after ``end`` (punctuation stripped)."""
    return [w.lower().rstrip(".") for w in _WORD.findall(text[end:end + window])][:count]


# Kept for modules that import the old private name.
_words_before = words_before
