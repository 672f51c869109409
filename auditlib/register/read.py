"""Reading the three forms of the plan register into one raw table.

Raw means: column names folded to the contract's spelling, values as read
(str, numbers, dates, None), plus where each plan came from (row or file) so
problems can be located. Conversion and checks happen in ``normalise``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from auditlib.errors import RegisterUnusableError
from auditlib.messages import msg
from auditlib.text import fold_name, is_blank

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # encrypted .xlsx and old .xls are OLE2 containers


@dataclass
class RawTable:
    """Rows of a register before conversion."""

    columns: list[str]
    rows: list[dict[str, object]]
    locations: list[tuple[int | None, str | None]]  # (spreadsheet row, markdown file)
    problems: list  # Problem objects found while reading (markdown files)


def _unusable(key: str, **values: object) -> RegisterUnusableError:
    return RegisterUnusableError(msg(key, **values))


def read_raw(path: Path) -> RawTable:
    """Read ``path`` (.xlsx, .csv, a .md file or a folder of .md files)."""
    if not path.exists():
        raise _unusable("fil_findes_ikke", path=path)
    if path.is_dir():
        return _read_markdown_folder(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _unusable("filtype_xls")
    if suffix not in (".xlsx", ".xlsm", ".csv", ".md"):
        raise _unusable("filtype_ukendt", suffix=path.suffix or "(ingen)")
    data = path.read_bytes()
    if not data.strip():
        raise _unusable("fil_tom")
    if suffix == ".csv":
        return _read_csv(data)
    if suffix == ".md":
        return _read_markdown_files([path])
    return _read_xlsx(path, data)


def _header(names: list[object]) -> list[str]:
    folded: list[str] = []
    for i, name in enumerate(names, start=1):
        col = fold_name(name) or f"kolonne_{i}"
        if col in folded:
            raise _unusable("kolonne_dublet", column=col)
        folded.append(col)
    return folded


def _read_xlsx(path: Path, data: bytes) -> RawTable:
    from openpyxl import load_workbook

    if data[:4] == OLE_SIGNATURE:
        raise _unusable("xlsx_beskyttet")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise _unusable("xlsx_defekt") from exc
    except Exception as exc:  # openpyxl raises its own InvalidFileException and more
        raise _unusable("xlsx_defekt") from exc
    try:
        ws = wb["planer"] if "planer" in wb.sheetnames else wb.worksheets[0]
        rows_iter = ws.iter_rows(values_only=True)
        header_row = next(rows_iter, None)
        if header_row is None or all(is_blank(v) for v in header_row):
            raise _unusable("ark_tomt", sheet=ws.title)
        width = max(i for i, v in enumerate(header_row, 1) if not is_blank(v))
        columns = _header(list(header_row[:width]))
        rows: list[dict[str, object]] = []
        locations: list[tuple[int | None, str | None]] = []
        for excel_row, values in enumerate(rows_iter, start=2):
            values = list(values[:width]) + [None] * max(0, width - len(values))
            if all(is_blank(v) for v in values):
                continue
            rows.append(dict(zip(columns, values, strict=True)))
            locations.append((excel_row, None))
    finally:
        wb.close()
    return RawTable(columns, rows, locations, [])


def _read_csv(data: bytes) -> RawTable:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _unusable("csv_kodning") from exc
    first_line = text.split("\n", 1)[0]
    sep = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise _unusable("csv_defekt", line=reader.line_num) from exc
    records = [r for r in records if any(cell.strip() for cell in r)]
    if not records:
        raise _unusable("fil_tom")
    columns = _header(records[0])
    width = len(columns)
    rows: list[dict[str, object]] = []
    locations: list[tuple[int | None, str | None]] = []
    for number, record in enumerate(records[1:], start=2):
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            raise _unusable("csv_defekt", line=number)
        record = record[:width] + [""] * (width - len(record))
        rows.append(dict(zip(columns, record, strict=True)))
        locations.append((number, None))
    return RawTable(columns, rows, locations, [])


FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)
HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)


def _read_markdown_folder(folder: Path) -> RawTable:
    files = sorted(p for p in folder.glob("*.md") if p.name.lower() != "readme.md")
    if not files:
        raise _unusable("mappe_uden_md", path=folder)
    return _read_markdown_files(files)


def _read_markdown_files(files: list[Path]) -> RawTable:
    from auditlib.register.problems import Problem

    columns: list[str] = []
    rows: list[dict[str, object]] = []
    locations: list[tuple[int | None, str | None]] = []
    problems: list[Problem] = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            problems.append(Problem("(fil)", msg("csv_kodning").replace("CSV", "Markdown"),
                                    file=file.name))
            continue
        match = FRONT_MATTER.match(text)
        if not match:
            problems.append(Problem("(front matter)", msg("md_ingen_frontmatter", file=file.name),
                                    file=file.name))
            continue
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
            problems.append(Problem("(front matter)",
                                    msg("md_frontmatter_defekt", file=file.name, line=line),
                                    file=file.name))
            continue
        if not isinstance(meta, dict):
            problems.append(Problem("(front matter)",
                                    msg("md_frontmatter_ikke_tabel", file=file.name),
                                    file=file.name))
            continue
        row: dict[str, object] = {fold_name(k): v for k, v in meta.items()}
        body = text[match.end():]
        headings = list(HEADING.finditer(body))
        for i, heading in enumerate(headings):
            end = headings[i + 1].start() if i + 1 < len(headings) else len(body)
            row[fold_name(heading.group(1))] = body[heading.end():end].strip()
        for col in row:
            if col not in columns:
                columns.append(col)
        rows.append(row)
        locations.append((None, file.name))
    rows = [{c: r.get(c) for c in columns} for r in rows]
    return RawTable(columns, rows, locations, problems)
