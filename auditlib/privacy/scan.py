"""Scanning texts and registers for direct identifiers (spec/privacy.md).

The engine asks every active recognizer for candidates, raises a candidate's score when
one of the recognizer's context words stands just before it, keeps what reaches the
recognizer's ``min_score`` and resolves overlaps. A finding says where (plan_id or row,
column, character offsets), what kind and why (pattern, context word, score); it never
holds the text it found, so a finding can be printed, logged or raised safely.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from auditlib.privacy.recognizers import REGISTRY, Recognizer
from auditlib.privacy.recognizers.base import (
    LOWER,
    UPPER,
    Candidate,
    forget_digit_runs,
    words_before,
)


@dataclass(frozen=True)
class Finding:
    """One suspected identifier: where, what kind, how sure and why (never the value).

    ``row`` is the row's position in the register's frame (None for ``scan_text``); it lets
    ``redact_frame`` find the cell when plan_id is missing, repeated or itself flagged.
    ``line`` is the row's line in the source file (header = line 1) when known.
    ``hide_id``: the plan's id is itself an identifier, so the finding names the row.
    """

    plan_id: str
    column: str
    kind: str
    start: int
    end: int
    score: float
    reason: str
    row: int | None = None
    pattern: str = ""
    context: str = ""
    line: int | None = None
    hide_id: bool = False

    @property
    def where(self) -> str:
        """The plan's id, or "række N" when the id may not be shown or is missing."""
        from auditlib.messages import msg

        if self.plan_id and not self.hide_id:
            return self.plan_id
        if self.row is not None:
            return msg("sted_raekke", row=self.line if self.line is not None else self.row + 2)
        return "-"

    def __str__(self) -> str:
        from auditlib.messages import msg

        if self.plan_id and not self.hide_id:
            return msg("privat_fund_linje", plan_id=self.plan_id, column=self.column or "-",
                       kind=self.kind, start=self.start, end=self.end)
        return msg("privat_fund_linje_sted", where=self.where, column=self.column or "-",
                   kind=self.kind, start=self.start, end=self.end)

    def explain(self) -> str:
        """Why this was found, in Danish: pattern, context word and score (never the value)."""
        from auditlib.messages import msg

        context = (msg("privat_forklaring_kontekst", word=self.context) if self.context
                   else msg("privat_forklaring_ingen_kontekst"))
        return msg("privat_forklaring", reason=self.reason, pattern=self.pattern,
                   context=context, score=f"{self.score:.2f}".replace(".", ","))

    def as_row(self) -> dict[str, object]:
        """The ``plan_id,column,kind,start,end`` row of ``scan --format csv``."""
        return {"plan_id": self.where if self.row is not None or self.plan_id else "",
                "column": self.column, "kind": self.kind, "start": self.start,
                "end": self.end}


def _active_kinds(config, kinds: Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        kinds = config.privacy.kinds if config is not None else REGISTRY
    return tuple(k for k in kinds if k in REGISTRY)


def _allow_words(config, cluster: str | None) -> frozenset[str]:
    if config is None:
        return frozenset()
    return frozenset(w.casefold().strip() for w in config.privacy.allow_for(cluster) if w.strip())


def apply_context(recognizer: Recognizer, text: str, candidate: Candidate) -> Candidate:
    """Raise the score when a declared context word stands just before the candidate."""
    if not recognizer.context_words:
        return candidate
    before = words_before(text, candidate.start, recognizer.context_window)
    for word in reversed(before):
        if word in recognizer.context_words or word.rstrip(".:") in recognizer.context_words:
            return replace(candidate, score=min(1.0, candidate.score + recognizer.context_boost),
                           context=word)
    return candidate


_DIGIT = re.compile(r"\d")
Span = tuple[int, int, float, str, str, str]  # start, end, score, kind, pattern, context


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the highest-scoring finding of every group of overlapping ones."""
    if len(spans) < 2:
        return spans
    ordered = sorted(spans, key=lambda s: (-s[2], -(s[1] - s[0]), s[0]))
    kept: list[Span] = []
    for span in ordered:
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def scan_spans(text: str, kinds: tuple[str, ...], allow: frozenset[str]) -> list[Span]:
    """Every finding in one text as plain tuples."""
    return _resolve_overlaps(_spans(text, kinds, allow))


def _needs_met(text: str) -> dict[str, bool]:
    """Which of the recognizers' ``needs`` one text meets."""
    return {"": True, "digit": _DIGIT.search(text) is not None, "@": "@" in text,
            "word": True}


def _spans(text: str, kinds: tuple[str, ...], allow: frozenset[str],
           has: dict[str, bool] | None = None) -> list[Span]:
    """The engine's inner loop: candidates, context, threshold, allow list."""
    spans: list[Span] = []
    if has is None:
        has = _needs_met(text)
    for kind in kinds:
        recognizer = REGISTRY[kind]
        if not has[recognizer.needs]:
            continue
        for candidate in recognizer.candidates(text, allow):
            if candidate.score < recognizer.min_score or recognizer.context_words:
                candidate = apply_context(recognizer, text, candidate)
            if candidate.score < recognizer.min_score:
                continue
            if allow and text[candidate.start:candidate.end].casefold().strip() in allow:
                continue
            spans.append((candidate.start, candidate.end, round(candidate.score, 2), kind,
                          candidate.pattern, candidate.context))
    return spans


# Cells are joined with this between them for the recognizers that run on many cells at
# once: a line break ends every context window and no pattern crosses NUL.
SEPARATOR = "\n\0\n"
_ALL_MET = {"": True, "digit": True, "@": True, "word": True}
# The marks one pass over all joined cells collects: capitalised words (what a name
# needs), digits and "@" one character each, and the NUL of each separator (which ends a
# cell). One character class leads, so the regex engine skips other text at C speed; a
# word goes on only after a capital, so "3Mette" gives "3" and "Mette".
_MARKS = re.compile(rf"[\0@\d{UPPER}](?:(?<=[{UPPER}])[{LOWER}{UPPER}]*)?")
_CAPITALISED = re.compile(rf"[{UPPER}][{LOWER}{UPPER}]*")


def _cells_meeting(joined: str, texts: list[str], kinds: tuple[str, ...]) -> dict[str, list[int]]:
    """For each ``needs`` of the recognizers in ``kinds``, the texts that meet it.

    One regex pass over the texts joined by ``SEPARATOR`` and set operations per text,
    instead of a regex per text and recognizer: the speed of large registers, where most
    cells hold no digit and no word that could be a name. A text holding NUL itself
    would shift the texts, so then each text is tested on its own (slower, same result).
    """
    count = len(texts)
    everyone = list(range(count))
    needs = {REGISTRY[k].needs for k in kinds} | {""}
    if needs == {""}:
        return {"": everyone}
    word_lists = [REGISTRY[k].key_words() for k in kinds if REGISTRY[k].needs == "word"]
    keys = word_lists[0] if len(word_lists) == 1 else frozenset().union(*word_lists)
    met: dict[str, list[int]] = {"": everyone, "digit": [], "@": [], "word": []}
    if joined.count("\0") != count - 1:
        for i, text in enumerate(texts):
            if _DIGIT.search(text):
                met["digit"].append(i)
            if "@" in text:
                met["@"].append(i)
            if not keys.isdisjoint(_CAPITALISED.findall(text)):
                met["word"].append(i)
        return {need: met[need] for need in needs}
    tokens = _MARKS.findall(joined)
    tokens.append("\0")  # the last cell ends like the others
    no_key = keys.isdisjoint
    no_digit = frozenset(token for token in set(tokens) if token.isdecimal()).isdisjoint
    check_at = "@" in joined
    word, digit, at = met["word"], met["digit"], met["@"]
    start, index = 0, tokens.index
    for cell in everyone:
        end = index("\0", start)
        if end > start:
            marks = tokens[start:end]
            if not no_key(marks):
                word.append(cell)
            if not no_digit(marks):
                digit.append(cell)
            if check_at and "@" in marks:
                at.append(cell)
        start = end + 1
    return {need: met[need] for need in needs}


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one scan of many texts.

    The scan makes and drops a million small objects (marks, matches, spans) that form
    no reference cycles; meanwhile the collector would walk the whole heap (pandas
    included) several times, a fifth of the scan's time. Reference counting still frees
    everything at once; the collector runs again afterwards as before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def scan_many(texts: list[str], kinds: tuple[str, ...], allow: frozenset[str]) -> list[list[Span]]:
    """The findings of every text, as ``scan_spans`` would give them one by one.

    One pass over all texts tells which texts meet each recognizer's ``needs``; a
    recognizer sees only those. Recognizers marked ``batch`` run once over their texts
    joined by ``SEPARATOR`` (one regex pass instead of one per cell: the speed of large
    registers); the others run per text. Spans are mapped back to their text by offset.
    """
    if not texts:
        return []
    with _no_cycle_collection():
        try:
            return _scan_many(texts, kinds, allow)
        finally:
            forget_digit_runs()


def _scan_many(texts: list[str], kinds: tuple[str, ...], allow: frozenset[str]) -> list[list[Span]]:
    joined = SEPARATOR.join(texts)
    meeting = _cells_meeting(joined, texts, kinds)
    per_text: dict[int, list[Span]] = {}
    batch = tuple(k for k in kinds if REGISTRY[k].batch)
    single = tuple(k for k in kinds if not REGISTRY[k].batch)
    for need in dict.fromkeys(REGISTRY[k].needs for k in batch):
        chosen = meeting[need]
        if not chosen:
            continue
        text = joined if len(chosen) == len(texts) else SEPARATOR.join(texts[i] for i in chosen)
        starts, position = [], 0
        for i in chosen:
            starts.append(position)
            position += len(texts[i]) + len(SEPARATOR)
        need_kinds = tuple(k for k in batch if REGISTRY[k].needs == need)
        for span in _spans(text, need_kinds, allow, _ALL_MET):
            j = bisect.bisect_right(starts, span[0]) - 1
            offset, i = starts[j], chosen[j]
            if span[1] <= offset + len(texts[i]):
                per_text.setdefault(i, []).append((span[0] - offset, span[1] - offset,
                                                   *span[2:]))
    for kind in single:
        for i in meeting[REGISTRY[kind].needs]:
            spans = _spans(texts[i], (kind,), allow, _ALL_MET)
            if spans:
                per_text.setdefault(i, []).extend(spans)
    # Spans in the order of ``kinds`` (stable), as one text scanned alone gives them:
    # ties in the overlap rule go to the same recognizer either way.
    order = {kind: n for n, kind in enumerate(kinds)}
    for spans in per_text.values():
        if len(spans) > 1:
            spans.sort(key=lambda span: order[span[3]])
    return [_resolve_overlaps(per_text[i]) if i in per_text else [] for i in range(len(texts))]


def scan_text(text: str, config=None, cluster: str | None = None,
              kinds: Iterable[str] | None = None) -> list[Finding]:
    """Every suspected identifier in ``text`` (plan_id and column left empty)."""
    if not isinstance(text, str) or not text:
        return []
    return [Finding("", "", kind, start, end, score, REGISTRY[kind].reason, pattern=pattern,
                    context=context)
            for start, end, score, kind, pattern, context
            in scan_spans(text, _active_kinds(config, kinds), _allow_words(config, cluster))]


def cell_text(value) -> str | None:
    """The text of a cell as the guard reads it: strings as they are, numbers and dates as
    written ("1705794487", not "1705794487.0"); None for a blank cell."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value and not value.isspace() else ""
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return None if pd.isna(value) else ""  # a date the loader read: no identifier
    if pd.isna(value):
        return None
    return str(value)


def _texts(values: list[object]) -> list[str | None]:
    """``cell_text`` of every value; strings (nearly every cell) without a call each."""
    return [(value if value and not value.isspace() else "") if type(value) is str
            else cell_text(value) for value in values]


def scanned_cells(register) -> tuple[dict[str, list[str | None]], list[int | None]]:
    """Every column's cell texts, and each row's line in the source file when known.

    Every column is scanned, structured ones too (spec/privacy.md). A structured cell the
    loader could not convert (a CPR typed into ``udskrevet``, an e-mail in ``niveau``) is
    blank in the typed frame, so its text is taken from the file as written.
    """
    frame = register.frame if hasattr(register, "frame") else register
    cells = {column: _texts(frame[column].tolist()) for column in frame.columns}
    lines: list[int | None] = [None] * len(frame)
    source = getattr(register, "source", None)
    if source is not None and Path(source).exists():
        from auditlib.register.read import read_raw

        try:
            raw = read_raw(Path(source))
        except Exception:  # the loader already reported an unreadable file  # noqa: BLE001
            raw = None
        if raw is not None and len(raw.rows) == len(frame):
            lines = [location[0] for location in raw.locations]
            for column in raw.columns:
                if column not in cells:
                    continue
                texts = cells[column]
                for i, row in enumerate(raw.rows):
                    if texts[i] is None:
                        texts[i] = cell_text(row.get(column))
    return cells, lines


def scan_register(register, config=None, cluster: str | None = None) -> list[Finding]:
    """Every finding in every cell of every column, sorted by row, column and start.

    The allow list is the one of ``cluster``, or of each plan's own ``klynge`` when no
    cluster is given. A plan whose plan_id is itself flagged is named by its row only.
    """
    with _no_cycle_collection():
        return _scan_register(register, config, cluster)


def _scan_register(register, config, cluster: str | None) -> list[Finding]:
    frame = register.frame if hasattr(register, "frame") else register
    kinds = _active_kinds(config, None)
    cells, lines = scanned_cells(register)
    plan_ids = cells.get("plan_id", [None] * len(frame))
    clusters = (cells["klynge"] if cluster is None and "klynge" in cells
                else [cluster] * len(frame))
    allow_cache: dict[str | None, frozenset[str]] = {}
    row_allow: list[frozenset[str]] = []
    for row_cluster in clusters:
        if row_cluster not in allow_cache:
            allow_cache[row_cluster] = _allow_words(config, row_cluster)
        row_allow.append(allow_cache[row_cluster])
    # Cells grouped by the allow list that applies to them, scanned group by group.
    groups: dict[frozenset[str], list[tuple[str, int, str]]] = {}
    if len(set(allow_cache.values())) == 1:
        groups[row_allow[0]] = [(column, row, text) for column, texts in cells.items()
                                for row, text in enumerate(texts) if text]
    else:
        for column, texts in cells.items():
            for row, text in enumerate(texts):
                if text:
                    groups.setdefault(row_allow[row], []).append((column, row, text))
    findings: list[Finding] = []
    for allow, group in groups.items():
        # A text repeated in many cells (a cluster's name, a stock phrase) is scanned once.
        texts = [text for _, _, text in group]
        distinct = list(dict.fromkeys(texts))
        results = scan_many(distinct, kinds, allow)
        if len(distinct) < len(texts):
            position = {text: i for i, text in enumerate(distinct)}
            results = [results[position[text]] for text in texts]
        for (column, row, _), spans in zip(group, results, strict=True):
            for start, end, score, kind, pattern, context in spans:
                findings.append(Finding(plan_ids[row] or "", column, kind, start, end, score,
                                        REGISTRY[kind].reason, row=row, pattern=pattern,
                                        context=context, line=lines[row]))
    flagged_rows = {f.row for f in findings if f.column == "plan_id"}
    if flagged_rows:
        findings = [replace(f, plan_id="", hide_id=True) if f.row in flagged_rows else f
                    for f in findings]
    findings.sort(key=lambda f: (f.row if f.row is not None else -1, f.column, f.start))
    return findings
