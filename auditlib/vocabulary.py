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
SEVERITY_TITLES = SEVERITIES
FORMAL, QUALITY = "formel", "kvalitet"
# The results that count when a share fulfilled is computed: opfyldt / (opfyldt + ikke_opfyldt).
JUDGED_RESULTS: tuple[str, ...] = ("opfyldt", "ikke_opfyldt")

# Levels of a share fulfilled, used by every report (notebook, workbook, HTML): below 0.6 is
# "lav" (red), below 0.9 "middel" (amber), else "hoej" (green). One table, so the same
# criterion has the same colour everywhere.
SHARE_LEVELS: tuple[tuple[float, str], ...] = ((0.6, "lav"), (0.9, "middel"), (float("inf"), "hoej"))
SHARE_COLOURS: dict[str, str] = {"lav": "#f4cccc", "middel": "#fff2cc", "hoej": "#d9ead3"}
SHARE_LEVEL_TITLES: dict[str, str] = {"lav": "under 60 %", "middel": "60-89 %", "hoej": "90 % eller mere"}


def share_level(share: float | None) -> str | None:
    """'lav', 'middel' or 'hoej' for a share 0-1; None when there is no share."""
    if share is None or share != share:  # NaN
        return None
    return next(level for limit, level in SHARE_LEVELS if float(share) < limit)


def _by_title(titles: dict[str, str]) -> dict[str, str]:
    return {title.casefold(): key for key, title in titles.items()}


def result_code(value: object) -> str:
    """A result as its code, from the code or its Danish title ('Opfyldt'); '' if neither."""
    text = "" if value is None or value != value else str(value).strip()
    if text in RESULTS:
        return text
    return _by_title(RESULT_TITLES).get(text.casefold(), "")


def label_code(value: object) -> str:
    """A label as its code, from the code or its Danish title; '' if neither."""
    text = "" if value is None or value != value else str(value).strip()
    if text in LABELS:
        return text
    return _by_title(LABEL_TITLES).get(text.casefold(), "")


UNSETTLED_TITLE = "Uafklaret"


def suggestion_text(label: object, second: object = "", unsettled: object = False) -> str:
    """The tool's proposal as a person reads it: "Social indsats", or, for a statement the
    tool could not place, "Uafklaret: Social indsats / Behandling" (never a sector)."""
    title = LABEL_TITLES.get(str(label or ""), str(label or ""))
    if not (unsettled is True or str(unsettled).strip().lower() in ("true", "1")):
        return title
    second_title = LABEL_TITLES.get(str(second or ""), "")
    return f"{UNSETTLED_TITLE}: {title} / {second_title}" if second_title else \
        f"{UNSETTLED_TITLE}: {title}"
