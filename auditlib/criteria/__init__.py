"""The audit criteria of spec/criteria.md as declared objects in a registry."""

from auditlib.criteria import formal, quality  # noqa: F401  (declare K01-K11, Q01-Q06)
from auditlib.criteria.base import (
    CRITERIA,
    RESULTS,
    Criterion,
    Outcome,
    Plan,
    Settings,
    Statement,
    is_stated,
)
from auditlib.criteria.custom import custom_criteria


def active_criteria(config) -> list[Criterion]:
    """The criteria a configuration switches on, in registry order, then its own rules."""
    from auditlib.errors import ConfigError
    from auditlib.messages import msg

    wanted = list(config.criteria.active)
    unknown = [cid for cid in wanted if cid not in CRITERIA]
    if unknown:
        raise ConfigError(msg("audit_ukendte_kriterier", unknown=", ".join(unknown),
                              known=", ".join(CRITERIA)))
    chosen = [c for cid, c in CRITERIA.items() if cid in wanted]
    return chosen + custom_criteria(config.criteria.custom)


__all__ = ["CRITERIA", "RESULTS", "Criterion", "Outcome", "Plan", "Settings", "Statement",
           "active_criteria", "custom_criteria", "is_stated"]
