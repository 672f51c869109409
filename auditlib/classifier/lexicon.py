"""Named actors and laws (DOMAIN.md sections 2 and 7) as explicit features.

Plans name the provider or the paragraph that decides a sector: "SEL § 85", "JC",
"psykiater", "SIND", "SUL § 119". Words alone carry these only partly ("§" is no word, "85"
is a number, "JC" is two letters), so each entry below adds one marker feature when its
pattern occurs. The marker is shown in the explanation under its readable name
("[SEL § 85]"), so the forum sees that the law or the actor decided the label.

Patterns run on folded text (``fold_text``: lower case, æ → ae, ø → oe, å → aa).
A bare "§ 85" is read as Serviceloven and a bare "§ 140" as Sundhedsloven, because those
are the acts adult rehabilitation plans cite them from (DOMAIN.md §2); "SEL § 140" (children)
and "SUL § 141" (alcohol) have their own entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlib.classifier.text import fold_token
from auditlib.needles import NeedleIndex

MARKER_PREFIX = "lex_"
_SEL = r"(?:sel|serviceloven?s?)\s*"
_SUL = r"(?:sul|sundhedsloven?s?)\s*"
_PARA = r"§{1,2}\s*"


@dataclass(frozen=True)
class LexiconEntry:
    feature: str  # the marker token, MARKER_PREFIX + a name without spaces
    display: str  # how the explanation shows it
    pattern: str  # regular expression on folded text
    # Literal pieces of which at least one occurs in every match: a cheap test that spares
    # the regular expression on most statements (a register has 100,000s of them).
    needles: tuple[str, ...] = ()


def _law(name: str, display: str, pattern: str, needles: str) -> LexiconEntry:
    return LexiconEntry(MARKER_PREFIX + name, f"[{display}]", pattern, tuple(needles.split()))


LEXICON: tuple[LexiconEntry, ...] = (
    # Laws: act and paragraph together (DOMAIN.md §2).
    _law("sul140", "SUL § 140", rf"(?:{_SUL}{_PARA}140\b|(?<!sel )(?<!serviceloven )(?<!servicelovens )"
                                rf"{_PARA}140\b)",
         "140"),
    _law("sul84", "SUL § 84", rf"{_SUL}{_PARA}84\b",
         "84"),
    _law("sul119", "SUL § 119", rf"(?:{_SUL})?{_PARA}119\b",
         "119"),
    _law("sul141", "SUL § 141", rf"(?:{_SUL}{_PARA}141\b|alkoholbehandling)",
         "141 alkoholbehandling"),
    _law("sel140", "SEL § 140", rf"{_SEL}{_PARA}140\b",
         "140"),
    _law("sel85", "SEL § 85", rf"(?:{_SEL})?{_PARA}85\b",
         "85"),
    _law("sel83", "SEL § 83", rf"(?:{_SEL})?{_PARA}83a?\b",
         "83"),
    _law("sel86", "SEL § 86", rf"(?:{_SEL})?{_PARA}86\b",
         "86"),
    _law("sel99", "SEL § 99", rf"(?:{_SEL})?{_PARA}99\b|\bskp\b|stoette-? og kontaktperson",
         "99 skp kontaktperson"),
    _law("sel101", "SEL § 101", rf"(?:{_SEL})?{_PARA}101\b|misbrugsbehandling",
         "101 misbrugsbehandling"),
    _law("sel103", "SEL § 103", rf"(?:{_SEL})?{_PARA}103\b|beskyttet beskaeftigelse",
         "103 beskyttet"),
    _law("sel104", "SEL § 104", rf"(?:{_SEL})?{_PARA}104\b|vaerested",
         "104 vaerested"),
    _law("sel107", "SEL §§ 107-108", rf"(?:{_SEL})?{_PARA}10[78]\b|botilbud",
         "107 108 botilbud"),
    _law("sel112", "SEL §§ 112-113", rf"(?:{_SEL})?{_PARA}11[23]\b|hjaelpemiddel",
         "112 113 hjaelpemiddel"),
    _law("serviceloven", "Serviceloven", r"\bsel\b|serviceloven",
         "sel serviceloven"),
    _law("sundhedsloven", "Sundhedsloven", r"\bsul\b|sundhedsloven",
         "sul sundhedsloven"),
    _law("lab", "beskæftigelseslov", r"\blab\b|sygedagpengelov|beskaeftigelsesindsats",
         "lab sygedagpengelov beskaeftigelsesindsats"),
    # Actors (DOMAIN.md §1.1, §5, §7).
    _law("jobcenter", "jobcenter", r"\bjobcent\w*|\bjc\b|\bjobkonsulent|\bips\b",
         "jobcent jc jobkonsulent ips"),
    _law("arbejdsgiver", "arbejdsgiver", r"arbejdsgiver|arbejdsplads|\bleder(?:en)?\b",
         "arbejdsgiver arbejdsplads leder"),
    _law("uddannelse", "uddannelsessted", r"\bsps\b|\bsu\b|\bstu\b|studievejled|\buu\b",
         "sps su stu studievejled uu"),
    _law("psykiatri", "psykiatrien", r"psykiater|(?<!bedre )\b(?!socialpsyk)\w*psykiatri"
                                    r"|ambulatori|\bopus\b|\bpam\b",
         "psykiat ambulatori opus pam"),
    _law("psykolog", "psykolog", r"psykolog(?!isk)",
         "psykolog"),
    _law("egen_laege", "egen læge", r"egen laege|praktiserende laege|\begen lge\b",
         "laege lge"),
    _law("sygepleje", "sygeplejen", r"sygeplej",
         "sygeplej"),
    _law("traeningsenhed", "kommunal træning", r"ergoterap|fysioterap|\bot\b|\bpt\b(?!\.)|\bfys\b"
                                              r"|traeningsenhed|traeningscent|traeningsafdeling",
         "ergoterap fysioterap ot pt fys traening"),
    _law("bostoette", "bostøtte/socialpsykiatri", r"bostoett|socialpsykiatri|socialpaedagog"
                                                  r"|hjemmepleje",
         "bostoett socialpsykiatri socialpaedagog hjemmepleje"),
    _law("sagsbehandler", "sagsbehandler", r"sagsbehandler|socialraadgiv|visitation",
         "sagsbehandler socialraadgiv visitation"),
    _law("sundhedscenter", "sundhedscenter", r"sundhedscent|sundhedshus|forebyggelseskonsulent"
                                             r"|psykinfo",
         "sundhedscent sundhedshus forebyggelseskonsulent psykinfo"),
    _law("forening", "forening/frivillige", r"\bsind\w*|bedre psykiatri|depressionsforening"
                                            r"|angstforening|roede kors|frivillig|forening",
         "sind bedre depressionsforening angstforening roede frivillig forening"),
)
_COMPILED = tuple((entry, re.compile(entry.pattern)) for entry in LEXICON)
DISPLAY: dict[str, str] = {entry.feature: entry.display for entry in LEXICON}


def lexicon_markers(statement: str) -> list[str]:
    """The marker tokens of the entries whose pattern occurs in ``statement``."""
    tokens = str(statement).split()
    candidates = _NEEDLES.candidates(tokens)
    if not candidates:
        return []
    text = _NEEDLES.folded(tokens)  # fold_text(statement), from the tokens already folded
    return [_COMPILED[number][0].feature for number in sorted(candidates)
            if _COMPILED[number][1].search(text)]


def field_marker(field: str | None) -> str:
    """The optional plan-field feature ("felt_maal"); empty when no field is known."""
    return f"felt_{field}" if field else ""


def _needle_index(compiled: tuple[tuple[LexiconEntry, re.Pattern[str]], ...]) -> NeedleIndex:
    """The entries by needle. An entry is tried when one of its needles occurs in the
    folded text (or it has none), as the needles' comment says; ``NeedleIndex`` finds
    them after one tokenisation instead of testing every needle of every entry."""
    needles: dict[str, set[int]] = {}
    for number, (entry, _) in enumerate(compiled):
        for needle in entry.needles:
            needles.setdefault(needle, set()).add(number)
    always = [number for number, (entry, _) in enumerate(compiled) if not entry.needles]
    return NeedleIndex(needles, fold_token, always)


_NEEDLES = _needle_index(_COMPILED)
