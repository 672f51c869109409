"""The catalogue's use of the privacy guard (spec/privacy.md).

A register given for the counts goes through ``prepare_register`` like every other
caller; in addition every plan statement published in the catalogue is looked at once
more, so a run folder edited by hand cannot carry an identifier into the published files.
"""

from __future__ import annotations

import pandas as pd

from auditlib.privacy import scan_text


def identifier_mask(texts: pd.Series, config, cluster: str | None = None) -> pd.Series:
    """True where the guard finds an identifier in a text."""
    return texts.map(lambda text: bool(scan_text(str(text), config=config, cluster=cluster)))
