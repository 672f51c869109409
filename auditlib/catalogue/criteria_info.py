"""What the catalogue needs to know about each audit criterion (id, title, source, severity).

The criteria registry (``auditlib.criteria.base.CRITERIA``) is the one source; the
catalogue only reads the declared metadata, it never runs a check.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CriterionInfo:
    id: str
    titel: str
    kilde: str
    alvor: str  # "formel" or "kvalitet"
    beskrivelse: str = ""


def _from_registry() -> list[CriterionInfo] | None:
    try:
        from auditlib.criteria.base import CRITERIA
    except ImportError:
        return None
    declared = CRITERIA.values() if isinstance(CRITERIA, dict) else CRITERIA
    return [CriterionInfo(id=str(c.id), titel=str(getattr(c, "titel", c.id)),
                          kilde=str(getattr(c, "kilde", "")), alvor=str(getattr(c, "alvor", "")),
                          beskrivelse=str(getattr(c, "beskrivelse", "") or ""))
            for c in declared]


def criteria_info() -> dict[str, CriterionInfo]:
    """Every declared criterion by id, in declaration order."""
    declared = _from_registry()
    if declared is None:
        # Only while the registry is not installed: ids from the default configuration;
        # K = formal requirement, Q = quality (criteria.md).
        ids = _default_ids()
        declared = [CriterionInfo(id=i, titel=i, kilde="",
                                  alvor="formel" if i.startswith("K") else "kvalitet")
                    for i in ids]
    return {c.id: c for c in declared}


def _default_ids() -> list[str]:
    from auditlib.config import DEFAULTS_PATH, _read_yaml

    return list(_read_yaml(DEFAULTS_PATH)["criteria"]["active"])
