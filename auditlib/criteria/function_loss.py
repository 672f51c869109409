"""The catalogue's functional-loss keywords as Q03 and Q06 read them.

The keywords live in one place, the forum's own ``catalogue/funktionstab.yaml`` (the
``noegleord`` of every point 1a-4a), so the words the catalogue publishes are the words
the audit looks for. This low-layer reader only picks the keywords; the catalogue's own
loader (``auditlib.catalogue.content``) validates the whole file from the same location.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from auditlib.resources import catalogue_dir

FUNCTION_LOSS_FILE = "funktionstab.yaml"

# The domain ids of DOMAIN.md §3.2 as the catalogue spells them, and as a note shows them.
DOMAIN_TITLES = {"bevaegelse": "bevægelse", "aktivitet": "aktivitet", "mental": "mental",
                 "social": "social"}


@dataclass(frozen=True)
class LossTerm:
    domain: str     # bevaegelse, aktivitet, mental, social
    point: str      # 1a-4a
    keyword: str    # lower case, as the forum wrote it


def function_loss_file(directory: Path | None = None) -> Path:
    return (directory or catalogue_dir()) / FUNCTION_LOSS_FILE


@cache
def function_loss_terms(path: Path | None = None) -> tuple[LossTerm, ...]:
    """Every keyword of ``funktionstab.yaml`` with its domain and point, in file order.

    A missing or broken file raises (the criterion then reports ``tjekfejl`` per plan and
    ``auditlib catalogue`` names the file and key to fix).
    """
    data = yaml.safe_load(function_loss_file(path).read_text(encoding="utf-8")) or {}
    terms: list[LossTerm] = []
    for domain in data.get("domaener") or []:
        for point in domain.get("punkter") or []:
            for keyword in point.get("noegleord") or []:
                word = " ".join(str(keyword).lower().split())
                if word:
                    terms.append(LossTerm(str(domain["id"]), str(point["id"]), word))
    if not terms:
        raise ValueError(f"{FUNCTION_LOSS_FILE} has no noegleord")
    return tuple(terms)
