"""Speed of the privacy guard: ``scan_register`` over 10,000 plans of varied free text.

Target (issue 16): at least 10 MB/s of free text. Every plan's free-text fields are
composed from fragments of the classifier corpus (data/statements/*.csv) and the labelled
privacy corpus, cut and joined at random (fixed seed), so the texts are distinct and no
per-text cache flatters the figure; about one plan in twenty carries an identifier. The
same text is also scanned by a single combined regular expression (every recognizer's
patterns as one alternation, one ``finditer`` per cell): the ratio says what the context
rules, validation and name lookups cost on top of one regex pass. Then the recall table
of the labelled corpus (tests/privacy_corpus/corpus.csv).
Run: python benchmarks/bench_scan.py [N_PLANS]
"""

from __future__ import annotations

import csv
import os
import platform
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from auditlib.privacy import REGISTRY, scan_register  # noqa: E402
from auditlib.privacy.evaluate import evaluate, read_corpus  # noqa: E402
from auditlib.privacy.recognizers.navn import _TOKEN  # noqa: E402
from auditlib.register.columns import FREE_TEXT_COLUMNS  # noqa: E402

N_PLANS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
CORPUS = ROOT / "tests" / "privacy_corpus" / "corpus.csv"


def fragments() -> tuple[list[list[str]], list[str]]:
    statements = []
    for path in sorted((ROOT / "data" / "statements").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            statements += [row["statement"].split() for row in csv.DictReader(handle)]
    rows = read_corpus(CORPUS)
    ordinary = [row["text"].split() for row in rows if row["kind"] == "ingen"]
    identifying = [row["text"] for row in rows if row["kind"] != "ingen"]
    return statements + ordinary, identifying


def plans(n: int, seed: int = 16) -> pd.DataFrame:
    rng = random.Random(seed)
    pieces, identifying = fragments()
    data: dict[str, list[str]] = {"plan_id": [f"P-{i:05d}" for i in range(n)],
                                  "klynge": ["Midtklyngen"] * n,
                                  "niveau": [rng.choice(["almen", "specialiseret"]) for _ in range(n)]}
    for column in FREE_TEXT_COLUMNS:
        texts = []
        for _ in range(n):
            sentences = []
            for _ in range(rng.randint(1, 4)):
                a, b = rng.choice(pieces), rng.choice(pieces)
                sentences.append(" ".join(a[:rng.randint(1, len(a))] + b[rng.randint(0, len(b) - 1):]))
            if rng.random() < 0.05 / len(FREE_TEXT_COLUMNS) * 4:
                sentences.insert(rng.randint(0, len(sentences)), rng.choice(identifying))
            texts.append(" ".join(sentences))
        data[column] = texts
    return pd.DataFrame(data).astype("string")


def combined_regex() -> re.Pattern[str]:
    parts = [p.pattern for r in REGISTRY.values() for _, p in r.patterns] + [_TOKEN.pattern]
    # Named groups may repeat across recognizers: strip names so one alternation compiles.
    parts = [re.sub(r"\(\?P<\w+>", "(?:", re.sub(r"\(\?P=\w+\)", "", p)) for p in parts]
    return re.compile("|".join(f"(?:{p})" for p in parts))


def main() -> None:
    frame = plans(N_PLANS)
    texts = [t for c in frame.columns for t in frame[c].tolist() if isinstance(t, str)]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    distinct = len(set(texts)) / len(texts)
    print(f"machine: {platform.machine()} {platform.processor() or ''}, cores: {os.cpu_count()}, "
          f"python {platform.python_version()}")
    print(f"{N_PLANS} plans, {megabytes:.1f} MB of text, {distinct * 100:.1f} % distinct cells")

    scan_register(frame.head(50))  # load the name and street lists outside the timing
    # CPU time of this process: the machine is shared, so wall time also counts the
    # other processes' turns (printed beside it).
    wall, cpu = time.perf_counter(), time.process_time()
    findings = scan_register(frame)
    guard_wall, guard = time.perf_counter() - wall, time.process_time() - cpu

    pattern = combined_regex()
    wall, cpu = time.perf_counter(), time.process_time()
    matches = sum(1 for t in texts for _ in pattern.finditer(t))
    single_wall, single = time.perf_counter() - wall, time.process_time() - cpu

    print(f"scan_register:        {guard:6.2f} s CPU  {megabytes / guard:6.1f} MB/s  "
          f"(wall {guard_wall:.2f} s; {len(findings)} findings)")
    print(f"one combined regex:   {single:6.2f} s CPU  {megabytes / single:6.1f} MB/s  "
          f"(wall {single_wall:.2f} s; {matches} matches)")
    print(f"guard / one regex pass: {guard / single:.2f} x the time")
    print(f"target >= 10 MB/s: {'met' if megabytes / guard >= 10 else 'NOT met'}")
    # Other processes share the machine's cores: their load slows this one's CPU too.
    print("load average (1, 5, 15 min) after the timing: "
          + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    print()
    result = evaluate(read_corpus(CORPUS))
    print(f"labelled corpus ({CORPUS.relative_to(ROOT)}):")
    print(result.table())


if __name__ == "__main__":
    main()
