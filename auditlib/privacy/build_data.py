"""Build the compact reference lists the guard ships (``auditlib/privacy/data/*.txt.gz``)
from OS2datascanner's datasets (one JSON string a line; see the origin header).

    python -m auditlib.privacy.build_data /work/shared/data

Run by a maintainer when the source lists change, never at scan time.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ORIGIN = ("# Origin: OS2datascanner datasets (github.com/os2datascanner/os2datascanner, folder "
          "datasets/), MPL-2.0, commit 09610409cbad0e4e1be86eaf6dfa3c42ce4b49a5.\n")
DATA = Path(__file__).resolve().parent / "data"


def _read(path: Path) -> list[str]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _write(name: str, what: str, lines: list[str]) -> None:
    text = ORIGIN + f"# {what}\n" + "\n".join(lines) + "\n"
    # mtime=0: the same input gives the same bytes (reproducible wheels).
    (DATA / name).write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))


def _title(name: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in name.split("-"))


def build(source: Path) -> None:
    women = _read(source / "names/fornavne_kvinder.jsonl")
    men = _read(source / "names/fornavne_maend.jsonl")
    rank: dict[str, int] = {}
    for names in (women, men):
        for position, name in enumerate(names, start=1):
            key = _title(name.strip())
            if not key[:1].isalpha():
                continue
            rank[key] = min(rank.get(key, position), position)
    firsts = sorted(rank, key=lambda n: (rank[n], n))
    _write("fornavne.txt.gz", "Danmarks Statistik, first names (women and men) 1 January 2014; "
           "one a line, most frequent first (rank = best line in either list).",
           [f"{name}\t{rank[name]}" for name in firsts])
    _write("efternavne.txt.gz", "Danmarks Statistik, surnames 1 January 2014; most frequent "
           "first.", [_title(n.strip()) for n in _read(source / "names/efternavne.jsonl")
                       if n.strip()[:1].isalpha()])
    _write("vejnavne.txt.gz", "Danish street names (DAWA, the national address register).",
           sorted(set(_read(source / "streets/vejnavne.jsonl"))))


if __name__ == "__main__":
    build(Path(sys.argv[1]))
