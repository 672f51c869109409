"""Shared vocabulary: statement labels, criterion results, and their Danish titles."""

from __future__ import annotations

# labels.md: exactly one label per statement.
LABELS: tuple[str, ...] = (
    "genoptraening", "behandling", "social", "beskaeftigelse", "forebyggelse", "civilsamfund",
)
LABEL_TITLES: dict[str, str] = {
    "genoptraening": "Genoptræning",
    "behandling": "Behandling",
    "social": "Social indsats",
    "beskaeftigelse": "Beskæftigelse og uddannelse",
    "forebyggelse": "Forebyggelse og sundhedsfremme",
    "civilsamfund": "Civilsamfund",
}
LABEL_LAW: dict[str, str] = {
    "genoptraening": "Sundhedsloven § 140 (efter udskrivning), § 84",
    "behandling": "Sundhedsloven (regionerne)",
    "social": "Serviceloven (§ 85, § 86 stk. 2, §§ 107-108 m.fl.)",
    "beskaeftigelse": "Beskæftigelses- og uddannelseslovgivningen",
    "forebyggelse": "Sundhedsloven § 119",
    "civilsamfund": "Ingen (frivillige og netværk)",
}

# criteria.md: the five results.
RESULTS: tuple[str, ...] = ("opfyldt", "ikke_opfyldt", "ikke_relevant", "kan_ikke_vurderes", "tjekfejl")
RESULT_TITLES: dict[str, str] = {
    "opfyldt": "Opfyldt",
    "ikke_opfyldt": "Ikke opfyldt",
    "ikke_relevant": "Ikke relevant",
    "kan_ikke_vurderes": "Kan ikke vurderes",
    "tjekfejl": "Tjekfejl",
}
SEVERITIES: dict[str, str] = {"formel": "Formelt krav", "kvalitet": "Kvalitet"}
