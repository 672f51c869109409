"""The reference lists the guard ships, read once with importlib.resources (they travel
in the wheel; see ``build_data`` for their origin)."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    data = resources.files("auditlib.privacy").joinpath("data", name).read_bytes()
    return [line for line in gzip.decompress(data).decode("utf-8").splitlines()
            if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def first_name_ranks() -> dict[str, int]:
    """Every Danish first name (title case) and its frequency rank, 1 = most common."""
    ranks: dict[str, int] = {}
    for line in _lines("fornavne.txt.gz"):
        name, _, rank = line.partition("\t")
        ranks[name] = int(rank)
    return ranks


@lru_cache(maxsize=1)
def surname_ranks() -> dict[str, int]:
    """Danish surnames (title case) and their rank."""
    return {name: i for i, name in enumerate(_lines("efternavne.txt.gz"), start=1)}


@lru_cache(maxsize=1)
def street_names() -> frozenset[str]:
    """Every Danish street name in the national address register, as written there."""
    return frozenset(_lines("vejnavne.txt.gz"))
