"""The catalogue's use of the privacy guard (spec/privacy.md).

Two gates: a register given for the counts must hold no identifier (refuse, like the
audit), and every plan statement published in the catalogue is looked at once more, so
a run folder edited by hand cannot carry an identifier into the published files.
"""

from __future__ import annotations

import pandas as pd

from auditlib.errors import PrivacyError


def _guard():
    try:
        import auditlib.privacy as guard
    except ImportError:  # HOOK: the guard is a separate part of the package (issue 3)
        return None
    return guard


def require_no_identifiers(register, config) -> None:
    """Raise PrivacyError (findings as problems, never values) when the register has any."""
    guard = _guard()
    if guard is None:
        return
    findings = guard.scan_register(register, config=config)
    if findings:
        raise PrivacyError(guard.refusal_message(register, findings), problems=list(findings))


def identifier_mask(texts: pd.Series, config, cluster: str | None = None) -> pd.Series:
    """True where the guard finds an identifier in a text."""
    guard = _guard()
    if guard is None:
        return pd.Series(False, index=texts.index)
    return texts.map(lambda text: bool(guard.scan_text(str(text), config=config,
                                                       cluster=cluster)))
