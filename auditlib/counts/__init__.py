"""Counts for the analyst: plans per quarter and breakdown, plans per 100 discharges from
an optional extract, the published reference figures beside the register, and the other
efforts that run beside the plans. Every published cell goes through
``auditlib.privacy.suppress``."""

from auditlib.counts.breakdowns import (
    ALL_QUARTERS,
    ANXIETY,
    BREAKDOWNS,
    DEFAULT_BREAKDOWNS,
    DEPRESSION,
    DIAGNOSIS_GROUPS,
    DIMENSIONS,
    OTHER,
    UNKNOWN,
    diagnosis_group,
    plan_dimensions,
    quarterly_counts,
    suppress_group_quarters,
    wide_counts,
)

__all__ = ["ALL_QUARTERS", "ANXIETY", "BREAKDOWNS", "DEFAULT_BREAKDOWNS", "DEPRESSION",
           "DIAGNOSIS_GROUPS", "DIMENSIONS", "OTHER", "UNKNOWN", "diagnosis_group",
           "plan_dimensions", "quarterly_counts", "suppress_group_quarters", "wide_counts"]
