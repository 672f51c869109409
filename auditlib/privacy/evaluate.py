"""Recall per kind and false alarms of the guard on a labelled corpus (CSV with columns
``kind, text, value``; ``kind`` "ingen" for a look-alike that must not be flagged).

    python benchmarks/privacy_recall.py tests/privacy_corpus/corpus.csv

A case counts as found when a finding of its kind covers the whole identifier and no
more than a few characters beyond it (a name tagged first to last, an address whole).
Used by the test of the corpus, by ``benchmarks/bench_scan.py`` and, through
``benchmarks/privacy_recall.py``, for corpora the project has not seen.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from auditlib.privacy.scan import scan_text

# A finding may reach this many characters past the labelled value (", " or a full stop).
SLACK = 3


@dataclass
class Evaluation:
    cases: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    missed: dict[str, list[int]] = field(default_factory=dict)
    negatives: int = 0
    false_alarms: list[int] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        return self.found.get(kind, 0) / self.cases[kind] if self.cases.get(kind) else 1.0

    def table(self) -> str:
        lines = [f"{'kind':<14}{'cases':>7}{'found':>7}{'recall':>9}"]
        for kind in sorted(self.cases):
            lines.append(f"{kind:<14}{self.cases[kind]:>7}{self.found.get(kind, 0):>7}"
                         f"{self.recall(kind) * 100:>8.1f}%".replace(".", ","))
        lines.append(f"{'look-alikes':<14}{self.negatives:>7}  false alarms: "
                     f"{len(self.false_alarms)}")
        return "\n".join(lines)


def is_found(text: str, kind: str, value: str, findings) -> bool:
    start = text.find(value)
    end = start + len(value)
    return any(f.kind == kind and f.start <= start and f.end >= end
               and (f.end - f.start) <= len(value) + SLACK for f in findings)


def evaluate(rows: Iterable[dict[str, str]], config=None) -> Evaluation:
    result = Evaluation()
    for number, row in enumerate(rows, start=1):
        kind, text, value = row["kind"], row["text"], row.get("value", "")
        findings = scan_text(text, config=config)
        if kind == "ingen":
            result.negatives += 1
            if findings:
                result.false_alarms.append(number)
            continue
        result.cases[kind] = result.cases.get(kind, 0) + 1
        if is_found(text, kind, value, findings):
            result.found[kind] = result.found.get(kind, 0) + 1
        else:
            result.missed.setdefault(kind, []).append(number)
    return result


def read_corpus(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))

