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

# The one threshold table for colouring a share fulfilled (catalogue HTML and Excel, audit
# report): at least 90 % is good, at least 60 % fair, below that low. Highest first.
SHARE_LEVELS: tuple[tuple[float, str], ...] = ((0.9, "god"), (0.6, "middel"), (0.0, "lav"))
SHARE_LEVEL_TITLES: dict[str, str] = {
    "god": "mindst 90 %", "middel": "60-89 %", "lav": "under 60 %", "ingen": "ikke vurderet",
}
# Bar colours (text on white passes WCAG AA) and light cell backgrounds per level.
SHARE_LEVEL_COLOURS: dict[str, str] = {
    "god": "#1E7B3C", "middel": "#9A6700", "lav": "#B42318", "ingen": "#6B7280",
}
SHARE_LEVEL_BACKGROUNDS: dict[str, str] = {
    "god": "#DCF1E2", "middel": "#FDF0C4", "lav": "#FBDCDC", "ingen": "#E6E9EE",
}


def share_level(share: object) -> str:
    """``god``, ``middel``, ``lav`` for a share 0-1; ``ingen`` when nothing was judged."""
    try:
        value = float(share)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "ingen"
    if value != value:  # NaN
        return "ingen"
    return next(level for threshold, level in SHARE_LEVELS if value >= threshold or threshold == 0.0)
