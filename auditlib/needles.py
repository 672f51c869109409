"""Which of many word patterns can match a text, found after one tokenisation.

The lexicon markers and the quality criteria each hold dozens to hundreds of patterns,
and each pattern has a literal piece (a *needle*, in folded spelling) that every match
of it contains. A pattern whose needle is absent from a text cannot match there, so only
the patterns whose needles occur need to run.

A needle without whitespace lies inside one whitespace-free token of the folded text, so
each distinct token as written is folded and searched for needles once (a register
repeats its words thousands of times); a text's candidates are the union over its
tokens. Needles holding whitespace are looked for in the whole folded text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

# Distinct tokens kept before the cache starts again; a register's vocabulary is smaller.
MAX_TOKENS = 1 << 20
_TOKEN = re.compile(r"\S+")  # \s and str.split agree on whitespace


class NeedleIndex:
    """``needles`` maps a needle (folded spelling) to the keys of the patterns it stands
    for; ``fold`` folds one whitespace-free token and must keep it free of whitespace."""

    def __init__(self, needles: Mapping[str, Iterable[int]], fold: Callable[[str], str],
                 always: Iterable[int] = ()):
        self.fold = fold
        self.always = frozenset(always)
        self.keys = {needle: frozenset(keys) for needle, keys in needles.items()}
        self.word_needles = tuple(n for n in self.keys if n and not _has_space(n))
        self.text_needles = tuple(n for n in self.keys if n and _has_space(n))
        if any(not n for n in self.keys):  # an empty needle occurs in every text
            self.always |= self.keys[""]
        self._tokens: dict[str, tuple[str, frozenset[int]]] = {}
        self._holding: set[str] = set()  # the tokens that hold a needle

    def token(self, written: str) -> tuple[str, frozenset[int]]:
        """The folded token and the keys of the needles inside it."""
        known = self._tokens.get(written)
        if known is not None:
            return known
        if len(self._tokens) >= MAX_TOKENS:
            self._tokens.clear()
            self._holding.clear()
        folded = self.fold(written)
        keys: set[int] = set()
        for needle in self.word_needles:
            if needle in folded:
                keys |= self.keys[needle]
        known = self._tokens[written] = (folded, frozenset(keys))
        if keys:
            self._holding.add(written)
        return known

    def candidates(self, tokens: list[str]) -> set[int]:
        """The keys of the patterns that may match the text of ``tokens`` (its
        whitespace-free tokens as written, in order)."""
        distinct = set(tokens)
        for written in [w for w in distinct if w not in self._tokens]:
            self.token(written)
        candidates = set(self.always)
        for written in distinct & self._holding:
            candidates |= self._tokens[written][1]
        if self.text_needles:
            joined = self.folded(tokens)
            for needle in self.text_needles:
                if needle in joined:
                    candidates |= self.keys[needle]
        return candidates

    def folded(self, tokens: list[str]) -> str:
        """The folded text of ``tokens``: ``fold`` per token, empty ones left out."""
        token = self.token
        return " ".join(folded for folded in (token(w)[0] for w in tokens) if folded)


def _has_space(text: str) -> bool:
    return any(ch.isspace() for ch in text)




class StartIndex:
    """Where matches of many patterns can start in a text.

    Every match of pattern ``i`` begins with text whose folded spelling is ``leads[i]``
    (its first literal word: "før …" begins with "før" or "foer", any case). ``fold``
    folds character by character, so a match can start only at a place in a
    whitespace-free token whose folded remainder begins with the lead; each distinct
    token is examined once. Trying a pattern at those places only, left to right and
    each after the end of the last match, finds what ``finditer`` finds (``matches``).
    The caller makes sure the text is one that ``fold`` folds character by character.
    """

    def __init__(self, leads: list[str], fold: Callable[[str], str]):
        self.fold = fold
        self.by_lead: dict[str, list[int]] = {}
        for number, lead in enumerate(leads):
            self.by_lead.setdefault(lead, []).append(number)
        if "" in self.by_lead:
            raise ValueError("a pattern without a lead can start anywhere")
        # Per token as written: (pattern, offsets) pairs, and all offsets together.
        self._tokens: dict[str, tuple[tuple[tuple[int, tuple[int, ...]], ...],
                                      tuple[int, ...]]] = {}
        self._holding: set[str] = set()  # the tokens where a pattern may start

    def _token(self, written: str):
        if len(self._tokens) >= MAX_TOKENS:
            self._tokens.clear()
            self._holding.clear()
        folded = self.fold(written)
        found: list[tuple[int, tuple[int, ...]]] = []
        for lead, numbers in self.by_lead.items():
            if lead in folded:
                offsets = tuple(offset for offset in range(len(written))
                                if self.fold(written[offset:]).startswith(lead))
                if offsets:
                    found.extend((number, offsets) for number in numbers)
        union = tuple(sorted({offset for _, offsets in found for offset in offsets}))
        known = self._tokens[written] = (tuple(found), union)
        if union:
            self._holding.add(written)
        return known

    def _found(self, text: str) -> list[tuple[int, tuple]]:
        """(position, cached reading) of the tokens of ``text`` where a pattern may start."""
        tokens = text.split()
        cache = self._tokens
        distinct = set(tokens)
        for written in [w for w in distinct if w not in cache]:
            self._token(written)
        holding = self._holding
        if holding.isdisjoint(distinct):
            return []
        hits = [number for number, written in enumerate(tokens) if written in holding]
        known = {written: cache[written] for written in distinct & holding}
        found = []
        cursor = 0
        at = 0
        for number in hits:
            # A token's place: the first occurrence of it after the previous token (only
            # whitespace lies between two tokens, and a token holds none).
            while at < number:
                cursor = text.find(tokens[at], cursor) + len(tokens[at])
                at += 1
            cursor = text.find(tokens[number], cursor)
            found.append((cursor, known[tokens[number]]))
            cursor += len(tokens[number])
            at = number + 1
        return found

    def starts(self, text: str) -> dict[int, list[int]]:
        """Per pattern number, the positions in ``text`` where a match of it may start."""
        places: dict[int, list[int]] = {}
        for base, (by_pattern, _) in self._found(text):
            for number, offsets in by_pattern:
                into = places.setdefault(number, [])
                for offset in offsets:
                    into.append(base + offset)
        return places

    def places(self, text: str) -> list[int]:
        """The positions in ``text`` where a match of any of the patterns may start."""
        return [base + offset for base, (_, union) in self._found(text) for offset in union]


def matches(regex: re.Pattern[str], text: str, places: Iterable[int]) -> list[re.Match[str]]:
    """``list(regex.finditer(text))`` when every match starts at one of ``places``
    (ascending) and none is empty: ``regex`` is tried there only."""
    found = []
    end = 0
    for place in places:
        if place >= end:
            match = regex.match(text, place)
            if match is not None:
                found.append(match)
                end = match.end()
    return found


__all__ = ["MAX_TOKENS", "NeedleIndex", "StartIndex", "matches"]
