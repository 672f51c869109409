"""Speed of the grey-zone classifier: training from scratch and classifying 100,000 statements.

Targets (issue 5): training < 30 s and 100,000 statements < 20 s on 2 cores. The 100,000
statements are built by joining the first half of one corpus statement to the second half
of another (fixed seed), so almost all are distinct and the per-text cache of
``GreyzoneModel.predict`` does not flatter the number. Also prints the rate of plain
``Pipeline.decision_function`` (no explanations) on 10,000 of them for comparison.
Run: python benchmarks/bench_classify.py
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlib.classifier.corpus import load_corpus  # noqa: E402
from auditlib.classifier.model import fold_statement, train_model  # noqa: E402

N_STATEMENTS = 100_000
N_PIPELINE = 10_000


def synthetic_statements(corpus_statements: list[str], n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    words = [s.split() for s in corpus_statements]
    result = []
    for _ in range(n):
        first, second = rng.choice(words), rng.choice(words)
        result.append(" ".join(first[: len(first) // 2 + 1] + second[len(second) // 2:]))
    return result


def main() -> None:
    corpus = load_corpus()
    print(f"cores: {os.cpu_count()}, corpus: {len(corpus)} statements")
    started = time.perf_counter()
    model = train_model(corpus)
    train_seconds = time.perf_counter() - started
    print(f"training from scratch: {train_seconds:.1f} s (target < 30 s)")

    statements = synthetic_statements(corpus["statement"].tolist(), N_STATEMENTS)
    distinct = len(set(statements))
    started = time.perf_counter()
    result = model.predict(statements)
    seconds = time.perf_counter() - started
    assert len(result) == N_STATEMENTS and result["explanation"].ne("").mean() > 0.9
    print(f"classifying {N_STATEMENTS:,} statements ({distinct:,} distinct) with explanations: "
          f"{seconds:.1f} s = {N_STATEMENTS / seconds:,.0f} statements/s (target < 20 s)")

    sample = statements[:N_PIPELINE]
    started = time.perf_counter()
    model.pipeline.decision_function([fold_statement(s, model.settings) for s in sample])
    pipeline_rate = N_PIPELINE / (time.perf_counter() - started)
    print(f"plain Pipeline.decision_function (no explanations): {pipeline_rate:,.0f} "
          "statements/s; "
          f"predict() is {N_STATEMENTS / seconds / pipeline_rate:.1f}x that rate")


if __name__ == "__main__":
    main()
