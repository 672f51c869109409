"""Scanning texts and registers for direct identifiers (spec/privacy.md).

A finding says where (plan_id, column, character offsets), what kind and why; it never
holds the text it found, so a finding can be printed, logged or raised safely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from auditlib.privacy.recognizers import REGISTRY, NameRecognizer
from auditlib.register.columns import COLUMN_BY_NAME, SCANNED_KINDS

# plan_id is the forum's pseudonym: only the kinds that could hide in a key are looked for.
PLAN_ID_KINDS = ("cpr", "telefon", "email")


@dataclass(frozen=True)
class Finding:
    """One suspected identifier: where, what kind, how sure and why (never the value).

    ``row`` is the row's position in the register's frame (None for ``scan_text``); it lets
    ``redact_frame`` find the cell when plan_id is missing or repeated.
    """

    plan_id: str
    column: str
    kind: str
    start: int
    end: int
    score: float
    reason: str
    row: int | None = None

    def __str__(self) -> str:
        from auditlib.messages import msg

        return msg("privat_fund_linje", plan_id=self.plan_id or "-", column=self.column or "-",
                   kind=self.kind, start=self.start, end=self.end)

    def as_row(self) -> dict[str, object]:
        """The ``plan_id,column,kind,start,end`` row of ``scan --format csv``."""
        return {"plan_id": self.plan_id, "column": self.column, "kind": self.kind,
                "start": self.start, "end": self.end}


def _active_kinds(config, kinds: Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        kinds = config.privacy.kinds if config is not None else REGISTRY
    return tuple(k for k in kinds if k in REGISTRY)


def _allow_words(config, cluster: str | None) -> frozenset[str]:
    if config is None:
        return frozenset()
    return frozenset(w.casefold().strip() for w in config.privacy.allow_for(cluster) if w.strip())


Span = tuple[int, int, float, str]  # start, end, score, kind


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the highest-scoring finding of every group of overlapping ones."""
    # Highest score first, then the longer span, then the earlier one.
    ordered = sorted(spans, key=lambda s: (-s[2], -(s[1] - s[0]), s[0]))
    kept: list[Span] = []
    for span in ordered:
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def _scan(text: str, kinds: tuple[str, ...], allow: frozenset[str]) -> list[Span]:
    spans: list[Span] = []
    for kind in kinds:
        recognizer = REGISTRY[kind]
        if isinstance(recognizer, NameRecognizer):
            found = recognizer.find(text, allow)
        else:
            found = recognizer.find(text)
        for start, end, score in found:
            if allow and text[start:end].casefold().strip() in allow:
                continue
            spans.append((start, end, score, kind))
    return _resolve_overlaps(spans)


def scan_text(text: str, config=None, cluster: str | None = None,
              kinds: Iterable[str] | None = None) -> list[Finding]:
    """Every suspected identifier in ``text`` (plan_id and column left empty)."""
    if not isinstance(text, str) or not text:
        return []
    return [Finding("", "", kind, start, end, score, REGISTRY[kind].reason)
            for start, end, score, kind in _scan(text, _active_kinds(config, kinds),
                                                 _allow_words(config, cluster))]


def scanned_columns(frame: pd.DataFrame) -> list[str]:
    """The columns that can hold an identifier: text, free text and unknown extra columns."""
    return [c for c in frame.columns
            if c == "plan_id" or c not in COLUMN_BY_NAME
            or COLUMN_BY_NAME[c].kind in SCANNED_KINDS]


def scan_register(register, config=None, cluster: str | None = None) -> list[Finding]:
    """Every finding in every scanned cell, sorted by plan_id, column and start.

    The allow list is the one of ``cluster``, or of each plan's own ``klynge`` when no
    cluster is given.
    """
    frame = register.frame if hasattr(register, "frame") else register
    kinds = _active_kinds(config, None)
    id_kinds = tuple(k for k in kinds if k in PLAN_ID_KINDS)
    # Registers repeat text (templates, "-", unit names): scan each distinct text once.
    cache: dict[tuple[str, bool, frozenset[str]], list] = {}
    allow_cache: dict[str | None, frozenset[str]] = {}
    plan_ids = frame["plan_id"].tolist() if "plan_id" in frame.columns else [None] * len(frame)
    clusters = (frame["klynge"].tolist() if cluster is None and "klynge" in frame.columns
                else [cluster] * len(frame))
    findings: list[Finding] = []
    for column in scanned_columns(frame):
        is_id = column == "plan_id"
        for row, value in enumerate(frame[column].tolist()):
            if not isinstance(value, str) or not value.strip():
                continue
            row_cluster = clusters[row] if isinstance(clusters[row], str) else None
            if row_cluster not in allow_cache:
                allow_cache[row_cluster] = _allow_words(config, row_cluster)
            allow = allow_cache[row_cluster]
            key = (value, is_id, allow)
            if key not in cache:
                cache[key] = _scan(value, id_kinds if is_id else kinds, allow)
            plan_id = plan_ids[row]
            plan_id = plan_id if isinstance(plan_id, str) else ""
            for start, end, score, kind in cache[key]:
                findings.append(Finding(plan_id, column, kind, start, end, score,
                                        REGISTRY[kind].reason, row=row))
    findings.sort(key=lambda f: (f.plan_id, f.column, f.start, f.row or 0))
    return findings
