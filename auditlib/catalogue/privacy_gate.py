"""The catalogue's use of the privacy guard (spec/privacy.md).

Two gates: a register given for the counts must hold no identifier (refuse, like the
audit), and every plan statement published in the catalogue is looked at once more, so
a run folder edited by hand cannot carry an identifier into the published files.
"""

from __future__ import annotations

import pandas as pd

from auditlib.privacy import guard_register, scan_text


def require_no_identifiers(register, config) -> None:
    """Raise PrivacyError (findings as problems, never values) when the register has any."""
    guard_register(register, config)


def identifier_mask(texts: pd.Series, config, cluster: str | None = None) -> pd.Series:
    """True where the guard finds an identifier in a text."""
    return texts.map(lambda text: bool(scan_text(str(text), config=config, cluster=cluster)))
