"""Converting raw register values to the contract's canonical values.

Every conversion failure becomes a Problem that names plan and column and
says what to write instead; the offending value is never repeated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

from auditlib.messages import join_allowed, msg
from auditlib.register.columns import AGE_BANDS, COLUMN_BY_NAME, GRADES, YES_NO, Column
from auditlib.text import fold_name

YES = {"ja", "j", "yes", "y", "true", "x", "1"}
NO = {"nej", "n", "no", "false", "0"}

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
DK_DATE = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
DIAGNOSIS = re.compile(r"^D?F(\d{2})(?:\.?(\d{1,3}[A-Z]?))?$")
EXACT_AGE = re.compile(r"^\d{1,3}(?:[.,]\d+)?(?:\s*(?:år|aar|years?))?$")
PLAN_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
# Excel counts days from 1899-12-30; serials in this range are dates 1954-2119.
EXCEL_EPOCH = dt.date(1899, 12, 30)


class Invalid(Exception):
    """A value that cannot be converted; ``key`` names the message."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values


def to_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def convert_plan_id(value: object) -> str:
    text = to_text(value)
    if not PLAN_ID.match(text):
        raise Invalid("plan_id_format")
    return text


def convert_date(value: object, *, allow_serial: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if allow_serial and 20000 <= value <= 80000:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise Invalid("dato_ugyldig")
    text = str(value).strip()
    match = ISO_DATE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = DK_DATE.match(text)
        if not match:
            raise Invalid("dato_ugyldig")
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise Invalid("dato_findes_ikke") from exc


def convert_category(column: Column, value: object) -> str:
    if column.allowed == YES_NO:
        if isinstance(value, bool):
            return "ja" if value else "nej"
        key = fold_name(to_text(value))
        if key in YES:
            return "ja"
        if key in NO:
            return "nej"
        raise Invalid("ja_nej")
    if column.allowed == AGE_BANDS:
        return convert_age_band(value)
    if column.allowed == GRADES:
        return convert_grade(value)
    key = fold_name(to_text(value))
    key = column.synonyms.get(key, key)
    if key in column.allowed:
        return key
    raise Invalid("kategori_ukendt", allowed=join_allowed(column.allowed))


def convert_grade(value: object) -> str:
    """A 7-parameter grade: a whole number 1-5 (Excel gives 3.0, people write "3")."""
    text = to_text(value).replace(",", ".")
    if re.fullmatch(r"[1-5](?:\.0+)?", text):
        return text[0]
    raise Invalid("kategori_ukendt", allowed=join_allowed(GRADES))


def convert_age_band(value: object) -> str:
    allowed = join_allowed(AGE_BANDS)
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        raise Invalid("alder_eksakt", allowed=allowed)
    text = to_text(value).replace("–", "-").replace("—", "-").replace(" ", "")
    text = re.sub(r"(?i)(år|aar)$", "", text)
    if text in AGE_BANDS:
        return text
    if EXACT_AGE.match(to_text(value)):
        raise Invalid("alder_eksakt", allowed=allowed)
    raise Invalid("kategori_ukendt", allowed=allowed)


def convert_diagnosis(value: object) -> str:
    codes = []
    for token in re.split(r"[;,]", to_text(value)):
        token = token.strip().upper().replace(" ", "")
        if not token:
            continue
        match = DIAGNOSIS.match(token)
        if not match:
            raise Invalid("diagnose_ugyldig")
        main, sub = match.groups()
        codes.append(f"F{main}.{sub}" if sub else f"F{main}")
    if not codes:
        raise Invalid("diagnose_ugyldig")
    return "; ".join(codes)


# One converter per column kind: the plan register's kinds. Another register (the
# missed plans) passes its own table built on this one to ``convert_with``.
Converter = Callable[..., object]
CONVERTERS: dict[str, Converter] = {
    "id": lambda column, value, allow_serial: convert_plan_id(value),
    "date": lambda column, value, allow_serial: convert_date(value, allow_serial=allow_serial),
    "category": lambda column, value, allow_serial: convert_category(column, value),
    "diagnosis": lambda column, value, allow_serial: convert_diagnosis(value),
}


def convert_with(converters: Mapping[str, Converter], column: object | None, value: object,
                 *, allow_serial: bool) -> object:
    """Convert one non-blank cell of ``column`` (None: not in the contract) by its kind."""
    if column is not None:
        converter = converters.get(column.kind)
        if converter is not None:
            return converter(column, value, allow_serial)
    return to_text(value)


def convert_value(column_name: str, value: object, *, allow_serial: bool) -> object:
    """Convert one non-blank cell of ``column_name``; raises Invalid."""
    return convert_with(CONVERTERS, COLUMN_BY_NAME.get(column_name), value,
                        allow_serial=allow_serial)


def invalid_message(column_name: str, error: Invalid) -> str:
    return msg(error.key, column=column_name, **error.values)
