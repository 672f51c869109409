"""Danish number formats for everything a person reads: ``50,5 s``, ``96 %``, ``1.234``.

Danish writes a decimal comma, a dot (or a space) between thousands, and a space before
the per cent sign and the unit. ``DanishFormatter`` applies the same rules to the format
specs inside the message templates (``{seconds:.1f}``, ``{share:.0%}``), so messages in
``auditlib.messages`` come out Danish without every caller formatting its numbers.
"""

from __future__ import annotations

import math
import string

MISSING = "–"
_SWAP = str.maketrans({".": ",", ",": "."})


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return str(value) in {"", "<NA>"}


def _danish(text: str) -> str:
    """Swap Python's English separators (1,234.5) for Danish ones (1.234,5)."""
    return text.translate(_SWAP)


def fmt_number(value: object, decimals: int = 0, thousands: bool = True) -> str:
    """``1234.5`` → ``1.234,5`` (decimals=1); missing values → ``–``."""
    if _is_missing(value):
        return MISSING
    number = float(value)
    if round(number, decimals) == 0:
        number = 0.0  # no "-0,0"
    return _danish(format(number, f"{',' if thousands else ''}.{decimals}f"))


def fmt_percent(share: object, decimals: int = 0, n: int | None = None, total: int | None = None,
                signed: bool = False) -> str:
    """A share 0-1 as ``96 %``; with ``n`` and ``total`` as ``67 % (2 af 3)``.

    A percentage on a handful of plans says little without the count behind it, so
    callers that know the count always pass it.
    """
    if _is_missing(share):
        text = MISSING
    else:
        value = float(share) * 100
        text = fmt_number(value, decimals, thousands=False) + " %"
        if signed and round(value, decimals) > 0:
            text = "+" + text
    if n is not None and total is not None:
        text += f" ({fmt_number(n)} af {fmt_number(total)})"
    return text


def fmt_points(points: object, decimals: int = 0, unit: bool = True) -> str:
    """A change in percentage points with its sign: ``+50 procentpoint`` (or ``+50``)."""
    if _is_missing(points):
        return MISSING
    text = fmt_number(points, decimals, thousands=False)
    if round(float(points), decimals) > 0:
        text = "+" + text
    return text + (" procentpoint" if unit else "")


def fmt_seconds(seconds: object, decimals: int = 1) -> str:
    """``50.5`` → ``50,5 s``."""
    if _is_missing(seconds):
        return MISSING
    return fmt_number(seconds, decimals, thousands=False) + " s"


class DanishFormatter(string.Formatter):
    """``str.format`` with Danish numbers: ``{x:.1f}`` → ``50,5``, ``{x:.0%}`` → ``96 %``."""

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, float) and not format_spec:
            return _danish(repr(value)) if not math.isnan(value) else MISSING
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not format_spec:
            return super().format_field(value, format_spec)
        kind = format_spec[-1]
        if kind not in "fF%eEgGd" and not format_spec[-1].isdigit():
            return super().format_field(value, format_spec)
        if kind == "%":
            # The width of a padded spec counts the space that Danish puts before "%".
            text = super().format_field(value, format_spec)
            stripped = text.strip()
            body = _danish(stripped[:-1]) + " %"
            if text.startswith(" "):
                return body.rjust(len(text))
            return body.ljust(len(text))
        return _danish(super().format_field(value, format_spec))


DANISH = DanishFormatter()
