"""Small-cell suppression for aggregated tables (spec/privacy.md, data-contract.md).

Every table that counts plans per municipality, unit or diagnosis shows counts below
``min_count`` as ``"<5"``. Zero is suppressed too: the spec says "below 5", and a visible
0 next to a suppressed cell and a total would let a reader work the small cell out.
Only primary suppression: a table with totals should not publish a total that reveals a
single suppressed cell (callers drop or round such totals).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from pandas.api import types as ptypes


def suppress_small(table: pd.DataFrame, min_count: int = 5,
                   columns: Iterable[str] | None = None) -> pd.DataFrame:
    """A copy of ``table`` with counts below ``min_count`` replaced by ``"<{min_count}"``.

    ``columns``: the count columns; default every integer column. Suppressed columns
    become object columns holding ints and the marker string.
    """
    out = table.copy()
    marker = f"<{min_count}"
    if columns is None:
        columns = [c for c in out.columns if ptypes.is_integer_dtype(out[c].dtype)]
    for column in columns:
        values = out[column].tolist()
        out[column] = pd.Series(
            [marker if _is_count(v) and v < min_count else v for v in values],
            index=out.index, dtype=object)
    return out


def _is_count(value) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and not pd.isna(value))
