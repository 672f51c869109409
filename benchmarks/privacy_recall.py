"""Recall per kind and false alarms of the privacy guard on any labelled corpus.

The corpus is a CSV with columns ``kind, text, value`` (``kind`` "ingen" for a look-alike
that must not be flagged); scoring is ``auditlib.privacy.evaluate``.

Run: python benchmarks/privacy_recall.py [CORPUS.csv]   (default: the project's corpus)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditlib.privacy.evaluate import evaluate, read_corpus  # noqa: E402

CORPUS = ROOT / "tests" / "privacy_corpus" / "corpus.csv"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else CORPUS
    if not path.is_file():
        print(f"Filen '{path}' findes ikke.", file=sys.stderr)
        return 2
    print(evaluate(read_corpus(path)).table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
