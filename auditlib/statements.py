"""Splitting a plan's free text into statements (labels.md: a sentence, or one list item).

Plans are written in Excel cells with one item per line, bullets and numbered lists, or
as prose. A line break always ends a statement (the register's column help asks for one
item per line). Within a line a sentence ends at ``.``, ``!`` or ``?`` followed by
whitespace, except after Danish abbreviations ("f.eks.", "jf.", "kl." …), after numbers
("3. uge", "3. marts", "efter § 85 stk. 2") and inside decimals and dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from auditlib.register.columns import FREE_TEXT_COLUMNS

# Abbreviations that never end a sentence: what follows still belongs to it.
# Stored without the final dot and in lower case ("f.eks." -> "f.eks").
NEVER_FINAL = frozenset({
    "f.eks", "feks", "f.ex", "bl.a", "bla", "jf", "jvf", "cf", "ca", "kl", "evt", "pt", "p.t",
    "mht", "m.h.t", "dvs", "d.v.s", "inkl", "ift", "i.f.t", "iht", "i.h.t", "nr", "stk", "pga",
    "p.g.a", "vedr", "ang", "hhv", "ml", "el", "tlf", "f.t", "ifm", "i.f.m", "bl", "sml",
    "henh", "bek", "lbk", "sul", "sel", "kap", "pkt", "afs", "dr", "hr", "fr", "gl",
    "t.o.m", "f.o.m", "a.h.t", "ekskl", "excl", "incl", "vha", "v.h.a",
})
# Abbreviations that often close a sentence ("… indkøb mv. Han …"): they end one only
# when the next word starts with a capital letter or a digit.
MAY_BE_FINAL = frozenset({
    "mv", "m.v", "osv", "o.s.v", "o.l", "ol", "m.fl", "mfl", "m.m", "etc", "mdr", "md", "mdl",
    "min", "max", "gns", "uge", "ugl", "dgl", "dagl", "årl", "aarl", "ugtl", "t",
})

# Words after "3." that make it an ordinal ("3. uge", "3. marts"), not a list number.
_ORDINAL_NOUNS = (
    "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec|uge|gang|dag|døgn|doegn|time|måned|"
    "maaned|kvartal|klasse|sal|tv|th|mf|halvår|halvaar|år|aar|behandling|samtale|kontrol|"
    "forløb|forloeb|stk|pkt|led"
)
# Markers that open a list item at the start of a line: bullets and numbered items.
_ITEM_MARKER = re.compile(
    r"^\s*(?:[-–—•*·▪◦●○■□➢➤→>]+\s+|[-–•*·▪◦●]+(?=\S)(?![\d-])|"
    rf"\(?\d{{1,2}}[.)]\s+(?!(?:{_ORDINAL_NOUNS})\b)(?=\D)|\(?[a-hA-H]\)\s+|[ivx]{{1,4}}\)\s+)",
    re.IGNORECASE,
)
# A bullet inside a line ("… • …") starts a new item too; hyphens inside a line do not
# ("3-4 gange", "kalender-app", "– men kun om formiddagen").
_INLINE_BULLET = re.compile(r"\s[•▪●◦]\s")
_BULLET = re.compile(r"[•▪●◦]")
# A candidate sentence end: terminal punctuation, optional closing quotes/brackets,
# whitespace, then the next character.
_SENTENCE_END = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=(\S))")
# "… 8 uger.Derefter …": a missing space after a full stop between two words.
# (The dot comes first so that a search jumps from dot to dot; the look-behind then
# checks the three letters before it.)
_MISSING_SPACE = re.compile(r"\.(?<=[a-zæøå]{3}\.)(?=[A-ZÆØÅ][a-zæøå]{2})")
_NUMBER_LIKE = re.compile(r"[\d.,/-]+")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…]")

# Text that says nothing (criteria.md: placeholders), compared in lower case without
# punctuation at the ends.
PLACEHOLDERS = frozenset({
    "", "-", "--", "---", "ingen", "intet", "ikke relevant", "ej relevant", "ikke aktuelt",
    "ikke aktuel", "irrelevant", "se journal", "se journalen", "jf journal", "jf. journal",
    "se ovenfor", "se ovf", "se tidligere", "se plan", "xx", "xxx", "x", "...", "…",
    "udfyldes", "udfyldes senere", "følger", "n/a", "na", "nej", "ved ikke", "?", "??",
    "ingen bemærkninger", "ingen bemaerkninger", "ingen kommentarer", "tom", "0",
})


def is_placeholder(text: str) -> bool:
    """True for text that carries no content: placeholders, punctuation, no letters."""
    core = " ".join(str(text).split()).lower()
    stripped = core.strip(" .,:;!?-–—*•()[]\"'")
    if stripped in PLACEHOLDERS or core in PLACEHOLDERS:
        return True
    return not any(ch.isalpha() for ch in core)


def _clean(text: str) -> str:
    # str.split and the regex \s agree on what whitespace is (both Py_UNICODE_ISSPACE).
    return " ".join(text.split())


def _ends_sentence(before: str, punct: str, following: str) -> bool:
    """Decide whether ``punct`` after the text ``before`` closes a sentence."""
    if "!" in punct or "?" in punct or "…" in punct or len(punct) > 1:
        return True
    last = _last_word(before)
    if last is None:
        return False
    return _ends_after(last, punct, following)


@lru_cache(maxsize=1 << 16)
def _ends_after(last: str, punct: str, following: str) -> bool:
    # Only the last word and the next character decide, and plans repeat their words.
    word = last.lstrip("(\"'«“").lower()
    bare = word.rstrip(".")
    starts_upper = following.isupper() or following.isdigit() or following in "\"'“«(§"
    if bare in NEVER_FINAL or word.startswith("§"):
        return False
    if bare in MAY_BE_FINAL:
        return starts_upper
    if bare.isdigit() or _NUMBER_LIKE.fullmatch(bare):
        # "3. uge", "d. 3. marts", "§ 85 stk. 2. pkt": an ordinal unless a capital follows.
        return starts_upper and following != "§"
    if len(bare) == 1 and bare.isalpha():
        return False  # an initial or a list letter
    if "." in bare and len(bare) <= 6:
        return starts_upper  # unknown dotted abbreviation such as "o.a."
    if following.islower():
        # Lower-case after a full word: sloppy casing ("har angst. skal trænes …"), but a
        # short word may be an abbreviation we do not know ("sygepl. kommer").
        return len(bare) >= 4
    return True


def _last_word(before: str) -> str | None:
    """What ``(\\S+)$`` finds in ``before``: the run of non-space characters at its end
    (``$`` also matches before a final line break), without scanning from the start."""
    if before.endswith("\n"):
        before = before[:-1]
    if not before or before[-1].isspace():
        return None
    return before.rsplit(None, 1)[-1]


def _split_sentences(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        punct, closing, _space, following = match.groups()
        before = line[start:match.start(1)]
        if _ends_sentence(before, punct, following):
            pieces.append(line[start:match.start(3)])
            start = match.end(3)
    pieces.append(line[start:])
    return pieces


def _strip_marker(line: str) -> str:
    # The marker pattern is anchored at the start and never matches empty.
    marker = _ITEM_MARKER.match(line)
    return line[marker.end():] if marker else line


def split_statements(text: object) -> list[str]:
    """Split free text into statements: lines, list items and sentences.

    Whitespace is collapsed, bullet and number markers are removed, and statements
    that are only a placeholder ("-", "ingen", "se journal" …) are dropped.
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return []
    return list(_split_cached(str(text)))


def split_column(values: Iterable[object]) -> list[tuple[str, ...]]:
    """``split_statements`` of every value of a column, in one pass: each distinct text
    is split once (registers repeat standard phrases), blanks give no statements."""
    done: dict[str, tuple[str, ...]] = {}
    pieces_cache = _Pieces()
    result: list[tuple[str, ...]] = []
    for value in values:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            result.append(())
            continue
        text = str(value)
        pieces = done.get(text)
        if pieces is None:
            pieces = done[text] = _split(text, pieces_cache)
        result.append(pieces)
    return result


@lru_cache(maxsize=1 << 16)
def _split_cached(text: str) -> tuple[str, ...]:
    # Registers repeat standard phrases; each distinct text is split once.
    return _split(text, _Pieces())


class _Pieces:
    """What one batch of texts has already split: lines, and sentences as found.

    Texts that differ share lines and sentences (plans are written from the same
    phrases), so each distinct line is split, and each distinct sentence cleaned and
    tested for a placeholder, once per batch."""

    def __init__(self) -> None:
        self.lines: dict[str, tuple[str, ...]] = {}
        self.sentences: dict[str, str] = {}  # sentence -> statement ("" when dropped)

    def line(self, raw_line: str) -> tuple[str, ...]:
        found = self.lines.get(raw_line)
        if found is None:
            found = self.lines[raw_line] = self._split_line(raw_line)
        return found

    def _split_line(self, raw_line: str) -> tuple[str, ...]:
        statements: list[str] = []
        sentences = self.sentences
        items = (_INLINE_BULLET.split(f" {raw_line} ") if _BULLET.search(raw_line)
                 else (raw_line,))
        for item in items:
            item = _strip_marker(_clean(item))
            item = _MISSING_SPACE.sub(". ", item)
            if not _SENTENCE_PUNCTUATION.search(item):
                pieces = [item]
            else:
                pieces = _split_sentences(item)
            for sentence in pieces:
                statement = sentences.get(sentence)
                if statement is None:
                    statement = _clean(_strip_marker(sentence))
                    if statement and is_placeholder(statement):
                        statement = ""
                    sentences[sentence] = statement
                if statement:
                    statements.append(statement)
        return tuple(statements)


def _split(text: str, pieces: _Pieces) -> tuple[str, ...]:
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    statements: list[str] = []
    for raw_line in text.split("\n"):
        statements.extend(pieces.line(raw_line))
    return tuple(statements)


def statements_of_plan(row: Mapping[str, object] | pd.Series,
                       fields: tuple[str, ...] = FREE_TEXT_COLUMNS) -> list[tuple[str, int, str]]:
    """``(field, statement_no, statement)`` for every free-text field of one plan.

    ``statement_no`` counts from 1 within each field, in reading order.
    """
    result: list[tuple[str, int, str]] = []
    for field in fields:
        value = row.get(field) if hasattr(row, "get") else None
        for number, statement in enumerate(split_statements(value), start=1):
            result.append((field, number, statement))
    return result
