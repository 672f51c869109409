"""A transparent keyword baseline: sector words per label, counted.

It shows what the trained model adds: the evaluation report puts the baseline's scores
next to the model's. The word lists follow DOMAIN.md section 7 (each label's definition,
its typical providers and laws); they were written from the domain text, not tuned on
the corpus. A keyword is a word stem: it matches at the start of a word, after folding
(æ → ae, ø → oe, å → aa), so "træn" finds "træning", "genoptræne" does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from auditlib.classifier.text import fold_text, fold_token
from auditlib.vocabulary import LABELS

KEYWORDS: dict[str, tuple[str, ...]] = {
    "genoptraening": (
        "træn", "genoptræn", "optræn", "indøv", "øve", "øvelse", "lære at", "strategi",
        "ugeplan", "ugeskema", "dagsstruktur", "rutine", "eksponer", "gradvis", "gradueret",
        "trinvis", "kognitiv træning", "ergoterap", "fysioterap", "adl", "balance",
        "kondition", "udholdenhed", "energiforvaltning", "selvstændig", "funktionsevne",
        "§ 140", "§140", "kalender", "huskeliste",
    ),
    "behandling": (
        "medicin", "psykiat", "ambulat", "kontrol", "terapi", "psykolog", "behandl",
        "opus", "læge", "dosis", "blodprøve", "diagnos", "udredning", "kriseplan", "akut",
        "ect", "hjemmesygepl", "sygeplej", "internetpsykiatri", "psykoedukation",
        "antidepress", "antipsyk", "indlæggelse", "distriktspsykiatri", "lokalpsykiatri",
    ),
    "social": (
        "bostøtte", "socialpædagog", "§ 85", "§85", "serviceloven", "hjemmepleje",
        "praktisk hjælp", "botilbud", "bolig", "økonomi", "gæld", "kontaktperson", "skp",
        "værested", "aflastning", "familie", "børn", "hjælpemiddel", "vedligehold",
        "misbrugsbehandling", "bevilg", "visiter", "socialrådgiv", "sagsbehandler",
        "beskyttet beskæftigelse", "§ 103", "§ 107", "§ 108", "værge", "støtte",
    ),
    "beskaeftigelse": (
        "job", "arbejd", "sygemeld", "sygedagpeng", "praktik", "fleksjob", "ressourceforløb",
        "løntilskud", "uddannelse", "studie", "studere", "su ", "sps", "mentor", "ips",
        "arbejdsgiver", "skole", "stu", "eksamen", "kollega", "revalidering", "virksomhed",
        "raskmeld", "kontanthjælp", "afklaringsforløb",
    ),
    "forebyggelse": (
        "rygestop", "ryge", "rygning", "alkoholvane", "kost", "vægt", "motion",
        "søvnhygiejne", "søvn", "sundhedscent", "forebyg", "kursus", "patientskole",
        "stresshåndtering", "mindfulness", "livsstil", "sundhedsfremme", "tackle",
        "pårørendekursus", "§ 119", "sundhedsprofil", "hold",
    ),
    "civilsamfund": (
        "frivillig", "forening", "klub", "sind", "bedre psykiatri", "depressionsforening",
        "angstforening", "psykiatrifond", "røde kors", "selvhjælp", "peer", "netværk",
        "fællesspisning", "café", "medlem", "venner", "vejviser", "besøgsven", "kor ",
        "menighed", "spejder", "idræt", "fritid", "hobby", "ligestillet",
    ),
}
# Ties (and statements without any keyword) go to the first label in this order: the
# plan's own subject first, then the sectors in the order of labels.md.
TIE_ORDER: tuple[str, ...] = LABELS


@dataclass
class KeywordBaseline:
    """Predict the label with the most keyword hits; expose which keywords matched."""

    keywords: dict[str, tuple[str, ...]] | None = None

    def __post_init__(self) -> None:
        keywords = self.keywords or KEYWORDS
        self._patterns = {
            label: re.compile(
                r"(?<!\w)(" + "|".join(re.escape(_fold_keyword(k)) for k in words) + ")")
            for label, words in keywords.items()
        }

    def matches(self, statement: str) -> dict[str, list[str]]:
        """The keywords (folded) found in ``statement``, per label."""
        text = f" {fold_text(statement)} "
        return {label: pattern.findall(text) for label, pattern in self._patterns.items()}

    def predict_one(self, statement: str) -> tuple[str, list[str]]:
        found = self.matches(statement)
        best = max(TIE_ORDER, key=lambda label: (len(found.get(label, [])),
                                                 -TIE_ORDER.index(label)))
        return best, found.get(best, [])

    def predict(self, statements: list[str]) -> pd.DataFrame:
        """``label`` and ``keywords`` (the matched words, '; '-separated) per statement."""
        results = [self.predict_one(str(s)) for s in statements]
        return pd.DataFrame({
            "label": pd.Series([label for label, _ in results], dtype="str"),
            "keywords": pd.Series(["; ".join(words) for _, words in results], dtype="str"),
        })


def _fold_keyword(keyword: str) -> str:
    # Keep a trailing space ("su ", "kor "): it marks a whole word, not a stem.
    folded = " ".join(fold_token(part) for part in keyword.split())
    return folded + (" " if keyword.endswith(" ") else "")
