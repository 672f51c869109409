"""What the exports need to know about each audit criterion (id, title, source, severity).

The criteria registry (``auditlib.criteria.base.CRITERIA``) is the one source; the
catalogue, the review workbook and the comparison only read the declared metadata here,
they never run a check.
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


def criteria_info() -> dict[str, CriterionInfo]:
    """Every declared criterion by id, in declaration order."""
    from auditlib.criteria import CRITERIA

    return {c.id: CriterionInfo(id=c.id, titel=c.titel, kilde=c.kilde, alvor=c.alvor,
                                beskrivelse=c.beskrivelse)
            for c in CRITERIA.values()}
