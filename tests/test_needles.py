"""The needle shortcuts (auditlib/needles.py) find what the plain searches find (issue 20).

The lexicon markers, the quality criteria's word patterns and the Q03 keywords only try
their regular expressions where a needle or a first word occurs. Each is checked here
against the straightforward search of the whole text, on texts made to trip them: words
inside words ("inden den"), ASCII spellings, odd case, line breaks, hyphens and
characters with case rules of their own ("ſ", the Kelvin sign, "İ", Greek sigma).
"""

from __future__ import annotations

import random

import pytest

from auditlib.classifier.lexicon import _COMPILED, lexicon_markers
from auditlib.criteria import quality
from auditlib.criteria.function_loss import DOMAIN_TITLES, function_loss_terms
from auditlib.needles import StartIndex, matches
from auditlib.register.columns import FREE_TEXT_COLUMNS
from auditlib.text import fold_text
from benchmarks.varied_register import varied_register

TRICKY = [
    "", "før", "FØR indlæggelsen", "Foer indlaeggelsen kunne hun", "inden den ind indenfor",
    "Tidligere-tidligere, tidligere\ntidligere", "Klarede  før\tselv indkøb", "i forhold til før",
    "Handler ind 2 gange om ugen", "går en tur på 20 min. hver dag", "ſtruktur og \u212aondition",
    "İndkøb og Σ", "µ hukommelse", "Hukommelsesproblemer og balancetræning", "SEL § 85, SUL §140",
    "jc og jobcenteret, psykiatrisk ambulatorium", "bostøtte/socialpsykiatri", "egen  læge",
    "støtte- og kontaktperson", "bedre psykiatri og SIND", "§§ 107-108 botilbud", "pt. og pt",
    "Struktur i hverdagen – rutiner • aftaler", "é gang om ugen", "x" * 300 + " før",
]


def _texts() -> list[str]:
    frame = varied_register(300, seed=11)
    texts = [t for column in FREE_TEXT_COLUMNS for t in frame[column].tolist() if t]
    rng = random.Random(5)
    mangled = []
    for text in texts[:600]:
        text = "".join(ch.upper() if rng.random() < 0.15 else ch for ch in text)
        if rng.random() < 0.5:
            text = text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
        if rng.random() < 0.3:
            text = text.replace(" ", " inden den ind ", 2).replace(" ", "\n", 1)
        if rng.random() < 0.2:
            text += rng.choice([" ſ", " \u212a", " İ", " Σ", " µ", " – §"])
        mangled.append(text)
    return TRICKY + texts + mangled


TEXTS = _texts()


def test_lexicon_markers_are_those_of_every_pattern_tried():
    def plain(statement: str) -> list[str]:
        text = fold_text(statement)
        return [entry.feature for entry, pattern in _COMPILED
                if (not entry.needles or any(n in text for n in entry.needles))
                and pattern.search(text)]

    assert [lexicon_markers(t) for t in TEXTS] == [plain(t) for t in TEXTS]


@pytest.mark.parametrize("name", ["COMPARISON", "ACTIVITY"])
def test_word_pattern_finds_what_a_whole_text_search_finds(name):
    pattern = getattr(quality, name)

    def plain(text: str) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for match in pattern.regex.finditer(text):
            seen.setdefault(" ".join(match.group(0).lower().split()), None)
        return tuple(seen)

    assert [pattern.found(t) for t in TEXTS] == [plain(t) for t in TEXTS]


def test_domain_keywords_found_as_by_every_pattern():
    keywords = quality._domain_patterns(function_loss_terms())

    def plain(text: str):
        named: dict[str, dict[str, None]] = {}
        for domain, point, pattern in keywords.patterns:
            for match in pattern.finditer(text):
                named.setdefault(domain, {}).setdefault(
                    f"{' '.join(match.group(0).lower().split())} ({point})")
        return tuple((DOMAIN_TITLES.get(d, d), tuple(w)) for d, w in named.items())

    assert [keywords.scan(t) for t in TEXTS] == [plain(t) if t else () for t in TEXTS]


def test_start_places_are_every_place_a_lead_begins():
    fold = quality._fold_danish
    leads = ["ind", "inden", "den", "foer", "tidligere", "aa"]
    index = StartIndex(leads, fold)
    for text in TEXTS:
        if not quality._plain_case(text):
            continue
        expected: dict[int, list[int]] = {}
        for start in range(len(text)):
            if text[start].isspace():
                continue
            end = start
            while end < len(text) and not text[end].isspace():
                end += 1
            for number, lead in enumerate(leads):
                if fold(text[start:end]).startswith(lead):
                    expected.setdefault(number, []).append(start)
        assert index.starts(text) == expected
        assert index.places(text) == sorted({p for found in expected.values() for p in found})


def test_matches_is_finditer_when_every_match_starts_at_a_place():
    import re

    regex = re.compile(r"\bind\w*")
    text = "inden den ind, indkøb; find"
    places = [m.start() for m in re.finditer(r"ind", text)]
    assert [m.span() for m in matches(regex, text, places)] == \
        [m.span() for m in regex.finditer(text)]
