"""E-mail addresses (not § references or URLs of public bodies)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlib.privacy.recognizers.base import LOWER, Candidate, Recognizer


@dataclass(frozen=True)
class EmailRecognizer(Recognizer):
    def candidates(self, text, allow=frozenset()):
        # Anchored on "@": the pattern runs only in a window around each one.
        found, at = [], text.find("@")
        while at != -1:
            for name, pattern in self.patterns:
                for match in pattern.finditer(text, max(0, at - 80), at + 260):
                    if match.start() <= at < match.end() and self.validate(match, text):
                        found.append(Candidate(match.start(), match.end(), self.base_score,
                                               name))
            at = text.find("@", at + 1)
        return found

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
    needs="@",
    context_words=frozenset({"mail", "e-mail", "email", "mailadresse", "skriv"}),
)
