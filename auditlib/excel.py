"""Shared Excel helpers for every workbook auditlib writes (catalogue, review, template).

``safe_cell``/``put`` keep plan text from ever becoming a formula (OWASP CSV/formula
injection); the styles and ``Col`` give the workbooks one look; ``prepare_for_print``
makes a sheet print readably on A4 landscape in Excel and LibreOffice: column widths that
fit one page width with text at 8 pt or more (otherwise the sheet spills onto more pages
rather than shrinking below 8 pt), row heights that fit wrapped text, repeated header
rows and, where given, a print area.

Widths are in Excel's unit (characters of the default 11 pt font). Text widths are
estimated conservatively, for a wide substitute font (LibreOffice without Calibri uses
DejaVu Sans), so a row is rather a little too tall than cut.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

# -- values -------------------------------------------------------------------------------
# OWASP: a cell starting with one of these can be read as a formula by a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE_PREFIX = "'"


def safe_cell(value: object) -> object:
    """A value as it may go into a cell: text can never become a formula.

    Text starting with ``= + - @`` tab or CR gets the OWASP-recommended leading ``'``;
    characters XML cannot hold are dropped. Numbers, dates and booleans pass unchanged;
    missing values become empty cells.
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return None if isinstance(value, float) and math.isnan(value) else value
    if isinstance(value, dt.datetime | dt.date):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return safe_cell(value.item())
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if text.startswith(FORMULA_TRIGGERS):
        text = ESCAPE_PREFIX + text
    return text


def put(ws: Worksheet, row: int, column: int, value: object):
    """Write one cell through ``safe_cell``; text is stored as a string, never a formula."""
    cell = ws.cell(row=row, column=column)
    safe = safe_cell(value)
    cell.value = safe
    if isinstance(safe, str):
        cell.data_type = "s"
    return cell


# -- the look -----------------------------------------------------------------------------
NAVY = "1F3A5F"
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=16, color=NAVY)
SUBTITLE_FONT = Font(italic=True, size=11, color="404040")
SECTION_FONT = Font(bold=True, size=13, color=NAVY)
WRAP = Alignment(wrap_text=True, vertical="top")
GREEN = PatternFill("solid", fgColor="C6EFCE")
AMBER = PatternFill("solid", fgColor="FFEB9C")
RED = PatternFill("solid", fgColor="FFC7CE")
GREY = PatternFill("solid", fgColor="D9D9D9")
BLUE = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFF2A8")  # yellow: someone types here
TABLE_STYLE = "TableStyleMedium2"

WIDTHS = {"id": 11, "short": 18, "medium": 28, "text": 48, "long": 70, "number": 12}


@dataclass(frozen=True)
class Col:
    """One column of a sheet: its key (for code), its Danish heading and its width
    (a ``WIDTHS`` name or a number of characters). ``input`` marks a yellow column that
    a person fills in."""

    key: str
    title: str
    width: str | float = "short"
    number_format: str | None = None
    input: bool = False

    @property
    def chars(self) -> float:
        return WIDTHS[self.width] if isinstance(self.width, str) else float(self.width)


# -- printing -----------------------------------------------------------------------------
MIN_PRINT_PT = 8.0  # nothing prints smaller than this
MAX_ROW_HEIGHT = 409.0  # Excel's limit, in points
DEFAULT_FONT_PT = 11.0
DEFAULT_WIDTH = 8.43
MARGIN_IN = 0.4
# A4 landscape: 297 mm less the margins, in pixels at 96 dpi. A column of width w is
# about 7 w + 5 pixels in Excel (Calibri's digit) but 9.4 w + 5 in LibreOffice with
# DejaVu Sans as the stand-in font: plan for the wider.
PRINTABLE_PX = (297 / 25.4 - 2 * MARGIN_IN) * 96 * 0.97
PRINTABLE_PX_PORTRAIT = (210 / 25.4 - 2 * MARGIN_IN) * 96 * 0.97
PX_PER_UNIT = 9.4
MIN_COLUMN = 6.0
# A character of text at 11 pt as a share of one width unit (the digit width of Calibri
# 11): generous, so DejaVu Sans, LibreOffice's stand-in for Calibri, also fits.
CHAR_FACTOR = 1.2
BOLD_FACTOR = 1.3
LINE_FACTOR = 1.32  # line height as a multiple of the font size
ROW_PADDING = 4.0
LONGEST_WORD = 28  # a column must hold a word this long on one line before it is narrowed


def _column_px(width: float) -> float:
    return width * PX_PER_UNIT + 5


def _font_pt(cell) -> float:
    size = cell.font.sz if cell.font is not None else None
    return float(size) if size else DEFAULT_FONT_PT


def _char_width(cell) -> float:
    """The width of one character of ``cell``'s text in width units."""
    bold = bool(cell.font is not None and cell.font.b)
    return _font_pt(cell) / DEFAULT_FONT_PT * (BOLD_FACTOR if bold else CHAR_FACTOR)


def _shown_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith("="):
        return ""  # a formula: its result is short (triage letters, averages)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def wrapped_lines(text: str, width_chars: float) -> int:
    """How many lines ``text`` takes wrapped at ``width_chars`` characters (greedy by word,
    like Excel; a word longer than the line is broken)."""
    width = max(int(width_chars), 1)
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size > width:
                lines += 1
                used = 0
            if size > width:
                lines += (size - 1) // width
                size = size % width or width
            used = size if not used else used + 1 + size
        total += lines
    return total


def text_height(text: str, width_units: float, cell) -> float:
    """The row height in points that ``text`` needs in a cell ``width_units`` wide."""
    per_line = max((width_units - 0.6) / _char_width(cell), 1.0)  # a little cell padding
    lines = wrapped_lines(text, per_line)
    return lines * _font_pt(cell) * LINE_FACTOR + ROW_PADDING


def max_lines(cell) -> int:
    """The most lines of ``cell``'s font that fit a row of Excel's maximum height."""
    return max(int((MAX_ROW_HEIGHT - ROW_PADDING) / (_font_pt(cell) * LINE_FACTOR)), 1)


def chunk_text(text: str, width_units: float, font_pt: float = DEFAULT_FONT_PT) -> list[str]:
    """Split ``text`` into pieces that each fit one row of the maximum height, at line
    breaks or else between words, so a long field spreads over several rows uncut."""
    probe = _Probe(font_pt)
    per_line = max((width_units - 0.6) / _char_width(probe), 1.0)
    limit = max_lines(probe) - 1
    chunks: list[str] = []
    current: list[str] = []
    for word in re.split(r"(\n| )", text):
        trial = "".join([*current, word])
        if current and wrapped_lines(trial, per_line) > limit:
            chunks.append("".join(current).strip())
            current = [word] if word.strip() else []
        else:
            current.append(word)
    if "".join(current).strip() or not chunks:
        chunks.append("".join(current).strip())
    return chunks


@dataclass
class _Probe:
    """A stand-in cell for estimating a font's text width."""

    size: float

    @property
    def font(self) -> Font:
        return Font(size=self.size)


def _widths(ws: Worksheet, last_column: int) -> dict[int, float]:
    widths = {}
    for index in range(1, last_column + 1):
        dim = ws.column_dimensions.get(get_column_letter(index))
        if dim is not None and dim.hidden:
            continue
        widths[index] = float(dim.width) if dim is not None and dim.width else DEFAULT_WIDTH
    return widths


def _merged_spans(ws: Worksheet) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, first column) -> (last column, last row) of each merged range."""
    spans = {}
    for merged in ws.merged_cells.ranges:
        min_col, min_row, max_col, max_row = range_boundaries(merged.coord)
        spans[(min_row, min_col)] = (max_col, max_row)
    return spans


def _table_rows(ws: Worksheet) -> set[int]:
    rows: set[int] = set()
    for table in ws.tables.values():
        _, min_row, _, max_row = range_boundaries(table.ref)
        rows.update(range(min_row, max_row + 1))
    return rows


def _spread_long_lines(ws: Worksheet, widths: dict[int, float], last_column: int) -> None:
    """A title or explanation written unwrapped in one cell runs past the page's edge
    when printed: wrap it over the free cells to its right instead."""
    tables = _table_rows(ws)
    spans = _merged_spans(ws)
    merged_cells = {position for merged in ws.merged_cells.ranges for position in merged.cells}
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=last_column):
        for cell in row:
            text = _shown_text(cell)
            if not text or cell.row in tables or (cell.row, cell.column) in merged_cells:
                continue
            if cell.alignment is not None and cell.alignment.wrap_text:
                continue
            own = widths.get(cell.column, DEFAULT_WIDTH)
            if len(text) * _char_width(cell) <= own and "\n" not in text:
                continue
            end = cell.column
            while end < last_column and ws.cell(row=cell.row, column=end + 1).value is None \
                    and (cell.row, end + 1) not in spans:
                end += 1
            if end > cell.column:
                ws.merge_cells(start_row=cell.row, start_column=cell.column, end_row=cell.row,
                               end_column=end)
            old = cell.alignment or Alignment()
            cell.alignment = Alignment(wrap_text=True, vertical=old.vertical or "top",
                                       horizontal=old.horizontal)


def _min_width(ws: Worksheet, column: int, last_row: int) -> float:
    """The narrowest a column can get: its longest word must still fit one line."""
    longest = MIN_COLUMN
    for (cell,) in ws.iter_rows(min_row=1, max_row=last_row, min_col=column, max_col=column):
        text = _shown_text(cell)
        if not text:
            continue
        word = max((len(w) for w in text.split()), default=0)
        # A longer word may break inside (rare in Danish prose; ids and codes are short).
        longest = max(longest, min(word, LONGEST_WORD) * _font_pt(cell) / DEFAULT_FONT_PT + 1.5)
    return longest


def _min_font(ws: Worksheet, last_row: int, last_column: int) -> float:
    sizes = [_font_pt(cell) for row in ws.iter_rows(min_row=1, max_row=last_row,
                                                     max_col=last_column)
             for cell in row if _shown_text(cell)]
    return min(sizes, default=DEFAULT_FONT_PT)


def _chart_overhang(ws: Worksheet, widths: dict[int, float]) -> float:
    """How far (pixels) the sheet's charts reach past its last column: a program fitting
    the page to the width counts them too."""
    overhang = 0.0
    for chart in getattr(ws, "_charts", []):
        anchor = chart.anchor
        if isinstance(anchor, str):  # "X12" until the workbook is saved
            first = column_index_from_string(anchor.rstrip("0123456789"))
        elif getattr(anchor, "_from", None) is not None:
            first = anchor._from.col + 1
        else:
            continue
        under = sum(_column_px(w) for i, w in widths.items() if i >= first)
        chart_px = float(chart.width) / 2.54 * 96
        overhang = max(overhang, chart_px - under)
    return overhang


def _fit_widths(ws: Worksheet, widths: dict[int, float], last_row: int,
                min_font: float, page_px: float) -> bool:
    """Narrow the widest columns so the sheet fits one page width at ≥ 8 pt; False when
    it cannot (then the widths stay as they are)."""
    lowest_scale = MIN_PRINT_PT / min_font
    allowed_px = page_px / lowest_scale
    floors = {i: _min_width(ws, i, last_row) for i in widths}
    for index, floor in floors.items():  # a word must not break inside: widen its column
        if widths[index] < floor:
            widths[index] = math.ceil(floor)
            ws.column_dimensions[get_column_letter(index)].width = widths[index]
    for _ in range(4):  # narrowing the columns under a chart moves its edge: repeat
        total = sum(_column_px(w) for w in widths.values()) + _chart_overhang(ws, widths)
        if total <= allowed_px:
            return True
        floor_px = sum(_column_px(w) for w in floors.values())
        slack = sum(widths[i] - floors[i] for i in widths)
        if floor_px > allowed_px or not slack:
            return False
        # Shrink every column towards its floor by the same share of its slack.
        share = min((total - allowed_px) / PX_PER_UNIT / slack + 0.01, 1.0)
        for index, width in widths.items():
            widths[index] = math.floor((width - (width - floors[index]) * share) * 10) / 10
            ws.column_dimensions[get_column_letter(index)].width = widths[index]
    total = sum(_column_px(w) for w in widths.values()) + _chart_overhang(ws, widths)
    return total <= allowed_px


def fit_row_heights(ws: Worksheet, *, last_row: int | None = None,
                    last_column: int | None = None) -> None:
    """Set every row's height to what its wrapped text needs (never lower than set)."""
    last_row = last_row or ws.max_row
    last_column = last_column or ws.max_column
    widths = _widths(ws, last_column)
    spans = _merged_spans(ws)
    needed: dict[int, float] = {}
    for row in ws.iter_rows(min_row=1, max_row=last_row, max_col=last_column):
        for cell in row:
            if cell.column not in widths:
                continue
            text = _shown_text(cell)
            if not text:
                continue
            wrap = cell.alignment is not None and cell.alignment.wrap_text
            if not wrap and "\n" not in text:
                needed[cell.row] = max(needed.get(cell.row, 0.0),
                                       _font_pt(cell) * LINE_FACTOR + ROW_PADDING)
                continue
            end_col, end_row = spans.get((cell.row, cell.column), (cell.column, cell.row))
            if end_row != cell.row:
                continue  # a block over several rows: its rows keep their heights
            width = sum(widths.get(c, 0.0) for c in range(cell.column, end_col + 1))
            needed[cell.row] = max(needed.get(cell.row, 0.0), text_height(text, width, cell))
    for row, height in needed.items():
        dim = ws.row_dimensions[row]
        current = float(dim.height) if dim.height else 0.0
        dim.height = round(min(max(height, current), MAX_ROW_HEIGHT), 1)


def _chart_text(ws: Worksheet, size_pt: float) -> None:
    """Axis and legend text of the sheet's charts at ``size_pt`` (the programs' default
    of 10 pt falls below 8 pt when the page is scaled to fit)."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import (
        CharacterProperties,
        Paragraph,
        ParagraphProperties,
        RichTextProperties,
    )

    def rich() -> RichText:
        props = CharacterProperties(sz=int(size_pt * 100))
        return RichText(bodyPr=RichTextProperties(),
                        p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])

    def sized(title) -> None:
        rich_text = getattr(getattr(title, "tx", None), "rich", None)
        for paragraph in getattr(rich_text, "p", None) or []:
            props = CharacterProperties(sz=int(size_pt * 100), b=True)
            paragraph.pPr = ParagraphProperties(defRPr=props)
            for run in paragraph.r or []:
                run.rPr = props

    for chart in getattr(ws, "_charts", []):
        sized(chart.title)
        for axis in (chart.x_axis, chart.y_axis):
            axis.txPr = rich()
            sized(axis.title)
        if chart.legend is not None:
            chart.legend.txPr = rich()


def prepare_for_print(ws: Worksheet, *, title_rows: str | None = None,
                      title_columns: str | None = None, print_area: str | None = None,
                      portrait: bool = False) -> None:
    """Lay ``ws`` out for A4 (landscape unless ``portrait``): call after the sheet is
    filled. ``title_rows`` ("4:4") repeat on every page; ``print_area`` ("A1:H30") limits
    what prints (e.g. an empty template's first rows instead of 500 formatted ones)."""
    if print_area:
        min_col, min_row, max_col, max_row = range_boundaries(print_area)
        last_row, last_column = max_row, max_col
    else:
        last_row, last_column = ws.max_row, ws.max_column
    widths = _widths(ws, last_column)
    _spread_long_lines(ws, widths, last_column)
    min_font = _min_font(ws, last_row, last_column)
    page_px = PRINTABLE_PX_PORTRAIT if portrait else PRINTABLE_PX
    fits = _fit_widths(ws, widths, last_row, min_font, page_px)
    fit_row_heights(ws, last_row=last_row, last_column=last_column)
    _chart_text(ws, math.ceil(min_font) + 1)

    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "portrait" if portrait else "landscape"
    ws.page_margins.left = ws.page_margins.right = MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.gridLines = False
    if fits:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth = 1
        setup.fitToHeight = 0
    else:
        # Fitting would print below 8 pt: print at the smallest scale that keeps 8 pt and
        # let the columns run on to the next page (the title columns repeat there).
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        setup.scale = min(100, math.ceil(MIN_PRINT_PT / min_font * 100))
        setup.pageOrder = "overThenDown"
    if title_rows:
        ws.print_title_rows = title_rows
    if title_columns:
        ws.print_title_cols = title_columns
    if print_area:
        ws.print_area = print_area


__all__ = [
    "AMBER", "BLUE", "Col", "ESCAPE_PREFIX", "FORMULA_TRIGGERS", "GREEN", "GREY",
    "HEADER_FILL", "HEADER_FONT", "INPUT_FILL", "MIN_PRINT_PT", "NAVY", "RED",
    "SECTION_FONT", "SUBTITLE_FONT", "TABLE_STYLE", "TITLE_FONT", "WIDTHS", "WRAP",
    "chunk_text", "fit_row_heights", "prepare_for_print", "put", "safe_cell", "text_height",
    "wrapped_lines",
]
