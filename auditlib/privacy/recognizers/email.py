"""E-mail addresses (not § references or URLs of public bodies)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlib.privacy.recognizers.base import LOWER, Recognizer


@dataclass(frozen=True)
class EmailRecognizer(Recognizer):
    def validate(self, match: re.Match[str], text: str) -> float | None:
        token_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        if "://" in text[token_start:match.start()]:
            return None  # user@ inside a URL
        return self.base_score


EMAIL = EmailRecognizer(
    kind="email", tag="[EMAIL]",
    reason="Tekst i form som en e-mailadresse (navn@domæne).",
    patterns=(("email", re.compile(
        rf"(?<![\w.%+-])[\w.%+-]*[\w%+-]@[{LOWER}A-Z0-9-]+"
        rf"(?:\.[{LOWER}A-Z0-9-]+)*\.[A-Za-z]{{2,}}(?![\w@])")),),
    base_score=0.95,
    prefilter=re.compile("@"),
    context_words=frozenset({"mail", "e-mail", "email", "mailadresse", "skriv"}),
)
