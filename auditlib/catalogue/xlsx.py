"""The snitfladekatalog as an Excel workbook (openpyxl).

Every sheet has a title, a short explanation and a real Excel table (style, autofilter,
frozen header), wrapped text and fitted column widths; results get conditional colours
and the audit sheet a bar chart. Every value goes through ``safe_cell``: plan text that
starts like a formula is stored as text, never as a formula (OWASP CSV/formula injection).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule, DataBarRule, FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.table import Table, TableStyleInfo

from auditlib.atomic import write_with
from auditlib.catalogue.content import STATUS_TITLES, hearing_items
from auditlib.catalogue.merge import EXAMPLE_COLUMNS, PLAN_FIXED_COLUMNS, Catalogue
from auditlib.catalogue.wording import (
    CHANGE_PART,
    COLUMNS,
    COVER_FIELDS,
    DECIDED_BY,
    FIELD_TITLES,
    NO_PLAN_ROWS,
    NOT_STATED,
    PART_TITLES,
    PARTS,
    SEVERITY_TITLES,
    SIDE_TITLES,
    SUBTITLE,
    TITLE,
)
from auditlib.excel import (  # noqa: F401  (safe_cell, FORMULA_TRIGGERS: part of this API)
    AMBER,
    BLUE,
    FORMULA_TRIGGERS,
    GREEN,
    GREY,
    HEADER_FILL,
    HEADER_FONT,
    NAVY,
    RED,
    SECTION_FONT,
    SUBTITLE_FONT,
    TABLE_STYLE,
    TITLE_FONT,
    WIDTHS,
    WRAP,
    Col,
    prepare_for_print,
    put,
    safe_cell,
)
from auditlib.messages import msg
from auditlib.vocabulary import LABEL_TITLES, RESULT_TITLES, SHARE_LEVELS

# A statement the tool could not place and the forum has not decided: no sector yet.
UNSETTLED_ZONE = "Uafklaret – forummet afgør"
HEADER_ROW = 4  # title, explanation, blank line, then the main table's header

# The colour levels of vocabulary.SHARE_LEVELS, as Excel rules need the numbers.
LOW_SHARE, HIGH_SHARE = SHARE_LEVELS[0][0], SHARE_LEVELS[1][0]


def _col(key: str, width: str = "short", number_format: str | None = None,
         title: str | None = None) -> Col:
    return Col(key, title or COLUMNS.get(key, key), width, number_format)


class SheetWriter:
    """Lays out one sheet: title, explanation, tables and sections, top to bottom."""

    def __init__(self, workbook: Workbook, name: str, title: str, intro: str,
                 table_names: set[str]):
        self.ws = workbook.create_sheet(name)
        self.row = 1
        self._names = table_names
        self.widths: dict[int, float] = {}
        put(self.ws, 1, 1, title).font = TITLE_FONT
        put(self.ws, 2, 1, intro).font = SUBTITLE_FONT
        self.ws.row_dimensions[2].height = 32
        self.row = HEADER_ROW
        self.ws.sheet_view.zoomScale = 110

    def section(self, heading: str, text: str | None = None) -> None:
        self.row += 1
        put(self.ws, self.row, 1, heading).font = SECTION_FONT
        self.row += 1
        if text:
            cell = put(self.ws, self.row, 1, text)
            cell.alignment = Alignment(wrap_text=False, vertical="top")
            self.row += 1

    def table(self, name: str, columns: Sequence[Col], rows: Iterable[Sequence[object]],
              *, freeze: bool = False) -> tuple[int, int]:
        """Write a header and rows as an Excel table; return (first data row, last data row)."""
        ws = self.ws
        header_row = self.row
        for index, column in enumerate(columns, start=1):
            cell = put(ws, header_row, index, column.title)
            cell.fill = HEADER_FILL
            cell.font = HEADER_FONT
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            width = column.chars
            self.widths[index] = max(self.widths.get(index, 0), width)
        row = header_row
        for values in rows:
            row += 1
            for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
                cell = put(ws, row, index, value)
                cell.alignment = WRAP
                if column.number_format:
                    cell.number_format = column.number_format
        if row == header_row:  # an Excel table needs at least one data row
            row += 1
            put(ws, row, 1, "(ingen)")
        ref = f"A{header_row}:{get_column_letter(len(columns))}{row}"
        unique = name
        while unique in self._names:
            unique += "_"
        self._names.add(unique)
        table = Table(displayName=unique, ref=ref)
        table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True,
                                              showColumnStripes=False)
        ws.add_table(table)
        ws.row_dimensions[header_row].height = 30
        if freeze:
            ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
        self.row = row + 2
        return header_row + 1, row

    def text_rows(self, pairs: Iterable[tuple[str, object]]) -> None:
        for key, value in pairs:
            put(self.ws, self.row, 1, key).font = Font(bold=True)
            cell = put(self.ws, self.row, 2, value)
            cell.alignment = WRAP
            self.row += 1
        self.row += 1

    def finish(self) -> None:
        for index, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(index)].width = width
        prepare_for_print(self.ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


# Where each item stands in the hearing round (auditlib.catalogue.hearing).
HEARING_COLUMNS = [Col("status", "Status", "short"), Col("oprindelse", "Oprindelse (klynge)",
                                                        "short"),
                   Col("version", "Version", "id")]


def _hearing_cells(item) -> tuple[object, ...]:
    if item is None:
        return (None, None, None)
    return (STATUS_TITLES.get(item.status, item.status), item.klynge, item.version)


def _items_by_id(model) -> dict[str, object]:
    return {str(item.id): item for _, item in hearing_items(model)}


def _lines(items: Iterable[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def _share(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _result_title(value: object) -> str:
    return RESULT_TITLES.get(str(value), "" if pd.isna(value) else str(value))


def _letter(columns: Sequence[Col], key: str) -> str:
    return get_column_letter([c.key for c in columns].index(key) + 1)


# -- the sheets ----------------------------------------------------------------------------
def _cover(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    cover = catalogue.cover
    sheet = SheetWriter(wb, "forside", f"{TITLE}", SUBTITLE, names)
    ws = sheet.ws
    ws.sheet_properties.tabColor = NAVY
    sheet.row = HEADER_ROW
    sheet.text_rows([
        (COVER_FIELDS["klynger"], ", ".join(cover.clusters)),
        (COVER_FIELDS["periode"], cover.period or NOT_STATED),
        (COVER_FIELDS["planer"], cover.n_plans),
        (COVER_FIELDS["dato"], cover.created),
        (COVER_FIELDS["version"], f"auditlib {cover.version}"),
        (COVER_FIELDS["indhold"], f"version {cover.content_version}"),
    ])
    ws.cell(row=HEADER_ROW + 3, column=2).number_format = "yyyy-mm-dd"
    ws.cell(row=HEADER_ROW + 3, column=2).alignment = Alignment(horizontal="left")
    ws.cell(row=HEADER_ROW + 2, column=2).alignment = Alignment(horizontal="left")
    sheet.section("Indhold")
    parts = [p for p in PARTS if p[0] != "forside"]
    if catalogue.change is not None:
        parts.append(CHANGE_PART)
    for sheet_name, heading in parts:
        cell = put(ws, sheet.row, 1, sheet_name)
        cell.hyperlink = f"#{quote_sheetname(sheet_name)}!A1"
        cell.font = Font(color="0B5394", underline="single")
        put(ws, sheet.row, 2, heading)
        sheet.row += 1
    sheet.section("Auditkørsler",
                  "Kørslerne, kataloget bygger på. Har en klynge flere, bruges den seneste.")
    columns = [_col("name", "medium", title="Kørsel"), _col("klynge", "medium"),
               _col("planer", "number"), _col("register", "text", title="Register"),
               _col("started", "medium", title="Startet"),
               _col("model", "short", title=COVER_FIELDS["model"])]
    sheet.table("Koersler", columns, [(r.name, r.cluster, r.n_plans, r.register, r.started,
                                      r.model) for r in cover.runs])
    sheet.section("Om kataloget")
    notes = [
        "Katalogets tekster skrives af forummet i catalogue/*.yaml. Auditresultaterne kommer "
        "fra auditlib; hvor forummet har truffet en beslutning, har den forrang for "
        "værktøjets forslag, og værktøjets forslag står ved siden af.",
        "Udsagnene fra planerne er anonymiserede og kontrolleret af privatlivsværnet. Tekst, "
        "der begynder med =, +, - eller @, er gemt som tekst og vises med et foranstillet '.",
        *catalogue.notes,
    ]
    for note in notes:
        cell = put(ws, sheet.row, 1, note)
        ws.merge_cells(start_row=sheet.row, start_column=1, end_row=sheet.row, end_column=6)
        cell.alignment = WRAP
        ws.row_dimensions[sheet.row].height = 45
        sheet.row += 1
    sheet.widths[1] = 34
    sheet.widths[2] = 44
    sheet.finish()
    ws.freeze_panes = None
    ws.print_title_rows = None


def _function_loss(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    loss = catalogue.content.funktionstab
    sheet = SheetWriter(wb, "funktionstab", PART_TITLES["funktionstab"],
                        "Funktionstab, der kan begrunde en genoptræningsplan, i de fire domæner. "
                        "Ét funktionstab i ét domæne er nok, når helhedsvurderingen er positiv.",
                        names)
    columns = [_col("domaene", "medium", title="Domæne"), _col("punkt", "id", title="Punkt"),
               _col("titel", "medium"), _col("beskrivelse", "long"),
               _col("eksempler", "long", title="Eksempler"),
               _col("noegleord", "text", title="Nøgleord"), *HEARING_COLUMNS]
    rows = [(d.titel, p.id, p.titel, p.beskrivelse, _lines(p.eksempler), ", ".join(p.noegleord),
             *_hearing_cells(p))
            for d in loss.domaener for p in d.punkter]
    sheet.table("Funktionstab", columns, rows, freeze=True)
    sheet.section("De fire domæner")
    sheet.table("Domaener", [_col("id", "medium"), _col("titel", "medium"),
                             _col("beskrivelse", "long")],
                [(d.id, d.titel, d.beskrivelse) for d in loss.domaener])
    examples = catalogue.example_plans
    if len(examples):
        # Part 1's concrete examples: plans the forum marked "god eksempelplan" (no plan_id).
        sheet.section("Konkrete eksempler: planer, forummet har valgt som gode eksempler")
        sheet.table("Eksempelplaner", [
            _col("eksempel", "short", title="Eksempel"), _col("klynge", "short"),
            _col("niveau", "short", title="Niveau"),
            _col("funktionsevne", "long", title="Funktionsevne"),
            _col("genoptraeningsbehov", "long", title="Genoptræningsbehov"),
            _col("maal", "long", title="Mål"),
            _col("hvad_fungerer", "text", title="Hvad fungerer (forummet)")],
            [tuple(row) for row in examples[EXAMPLE_COLUMNS].itertuples(index=False)])
    sheet.finish()


def _interfaces(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    content = catalogue.content.snitflader
    found = catalogue.greyzone["final_label"].value_counts() if len(catalogue.greyzone) else {}
    sheet = SheetWriter(wb, "snitflader", PART_TITLES["snitflader"],
                        "Hvilken sektor og lov et behov hører til, og det spørgsmål, der afgør det. "
                        "Sidste kolonne: hvor mange gråzoneudsagn auditten har lagt her.", names)
    columns = [_col("sektor_label", "medium", title="Sektor"), _col("titel", "medium"),
               _col("sektor", "medium", title="Udføres af"),
               _col("lov", "text", title="Lovgrundlag"),
               _col("hvornaar", "long", title="Hvornår"), _col("ikke_hvis", "text",
                                                               title="Ikke når"),
               _col("spoergsmaal", "text", title="Afgørende spørgsmål"),
               _col("eksempler", "long", title="Eksempler"),
               _col("graense", "long", title="Grænsetilfælde"),
               _col("antal", "number", title="Gråzoneudsagn i auditten"), *HEARING_COLUMNS]
    rows = []
    for s in content.snitflader:
        borders = "\n".join(f"• Mod {LABEL_TITLES.get(b.mod, b.mod)}: {b.beskrivelse} "
                            f"Eksempel: »{b.eksempel}«" for b in s.graensetilfaelde)
        rows.append((LABEL_TITLES.get(s.id, s.id), s.titel, s.sektor,
                     _lines(ref.tekst for ref in s.lovgrundlag), s.hvornaar, s.ikke_hvis,
                     s.afgoerende_spoergsmaal, _lines(s.eksempler), borders,
                     int(found.get(s.id, 0)) if len(found) else 0, *_hearing_cells(s)))
    sheet.table("Snitflader", columns, rows, freeze=True)
    sheet.section("De afgørende spørgsmål", "Stilles i denne rækkefølge.")
    sheet.table("Afgoerende_spoergsmaal",
                [_col("nr", "id", title="Nr."), _col("spoergsmaal", "medium", title="Spørgsmål"),
                 _col("forklaring", "text", title="Forklaring")],
                [(i, q.spoergsmaal, q.forklaring)
                 for i, q in enumerate(content.afgoerende_spoergsmaal, start=1)])
    if content.parametermodel is not None:
        _parameter_model(sheet, content.parametermodel)
    sheet.finish()


def _parameter_model(sheet, model) -> None:
    """The 7-parameter model: one row per parameter, grades 5..1 as cells 'B: text'."""
    sheet.section(model.titel, f"{model.forklaring} {model.kilde}")
    grades = [_col(f"grad{g}", "text", title=f"Grad {g}") for g in range(5, 0, -1)]
    sheet.table("Syv_parametre", [_col("nr", "id", title="Nr."),
                                  _col("kolonne", "medium", title="Kolonne i registret"),
                                  _col("navn", "medium", title="Parameter"), *grades],
                [(p.nr, p.kolonne, p.navn,
                  *(f"{c.celle}: {c.beskrivelse}" for c in sorted(p.trin, key=lambda c: -c.grad)))
                 for p in model.parametre])
    if model.svagheder:
        sheet.section("Modellens svage punkter", "Hold dem synlige, når modellen bruges.")
        sheet.table("Modellens_svagheder", [_col("titel", "medium"), _col("tekst", "long")],
                    [(w.titel, w.tekst) for w in model.svagheder])


def _greyzones(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    content = catalogue.content.snitflader
    sheet = SheetWriter(wb, "graazoner", PART_TITLES["graazoner"],
                        "Udsagn fra planernes felter for genoptræningsbehov og mål, som "
                        "værktøjet eller forummet har placeret uden for genoptræning eller "
                        "tæt på grænsen, ordnet efter den endelige sektor. Forummets beslutning "
                        "har forrang; værktøjets forslag står ved siden af.", names)
    if catalogue.plan_rows:
        _greyzone_statements(sheet, catalogue)
    else:
        sheet.text_rows([(COLUMNS.get("statement", "Udsagn"), NO_PLAN_ROWS)])
    sheet.section("Kendte gråzoner",
                  "Katalogets opdigtede eksempler på de kendte gråzoner med den rette sektor.")
    zone_rows = [(f"{z.id}. {z.titel}", z.beskrivelse, u.tekst, LABEL_TITLES.get(u.label, u.label))
                 for z in content.graazoner for u in z.udsagn]
    sheet.table("Kendte_graazoner", [_col("zone", "medium"), _col("beskrivelse", "text"),
                                     _col("statement", "long"), _col("label", "medium")],
                zone_rows)
    sheet.finish()


def _greyzone_statements(sheet: SheetWriter, catalogue: Catalogue) -> None:
    columns = [_col("snitflade", "medium"), _col("statement", "long"),
               _col("suggestion", "medium"), _col("probability", "number", "0%"),
               _col("forum_label", "medium"), _col("decided_by", "medium"),
               _col("decision_reason", "text"), _col("klynge", "short"),
               _col("plan_id", "short"), _col("field", "short")]
    rows = []
    for r in catalogue.greyzone.itertuples(index=False):
        zone = LABEL_TITLES.get(r.final_label, r.final_label) or UNSETTLED_ZONE
        rows.append((zone, r.statement, r.suggestion, _share(r.probability),
                     LABEL_TITLES.get(r.forum_label, r.forum_label),
                     DECIDED_BY.get(r.decided_by, r.decided_by), r.decision_reason, r.klynge,
                     r.plan_id, FIELD_TITLES.get(r.field, r.field)))
    first, last = sheet.table("Graazoneudsagn", columns, rows, freeze=True)
    decided = _letter(columns, "decided_by")
    sheet.ws.conditional_formatting.add(
        f"A{first}:{get_column_letter(len(columns))}{last}",
        FormulaRule(formula=[f'${decided}{first}="{DECIDED_BY["forum"]}"'], fill=BLUE))


def _recommendations(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    procedure = catalogue.content.anbefalinger.opfoelgningsprocedure
    sheet = SheetWriter(wb, "anbefalinger", PART_TITLES["anbefalinger"],
                        "Anbefalinger til at skrive og modtage planer, hver koblet til de "
                        "auditkriterier, den retter sig mod, med kriteriernes opfyldelse i "
                        "denne audit. Nederst: proceduren ved tvivl eller uenighed.", names)
    columns = [_col("id", "id"), _col("titel", "medium"), _col("tekst", "long"),
               _col("maalgruppe", "short"), _col("kriterier", "short"),
               _col("kriterier_status", "medium"), *HEARING_COLUMNS]
    items = _items_by_id(catalogue.content.anbefalinger)
    rows = [(r.id, r.titel, r.tekst, SIDE_TITLES.get(r.maalgruppe, r.maalgruppe), r.kriterier,
             r.kriterier_status, *_hearing_cells(items.get(str(r.id))))
            for r in catalogue.recommendations.itertuples(index=False)]
    sheet.table("Anbefalinger", columns, rows, freeze=True)
    sheet.section(procedure.titel, procedure.formaal)
    sheet.table("Opfoelgningsprocedure",
                [_col("nr", "id", title="Trin"), _col("titel", "medium"),
                 _col("hvem", "text", title="Hvem"), _col("frist", "medium", title="Frist"),
                 _col("handling", "long", title="Handling"),
                 _col("registreres", "medium", title="Registreres")],
                [(t.nr, t.titel, t.hvem, t.frist, t.handling, t.registreres)
                 for t in procedure.trin])
    sheet.text_rows([("Eskalering", procedure.eskalering),
                     ("Ansvar imens", procedure.ansvar_imens)])
    sheet.finish()


def _competences(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    sheet = SheetWriter(wb, "kompetencer", PART_TITLES["kompetencer"],
                        "Kompetencebehov på hospitalet og i kommunerne. Behov, som auditten "
                        "peger på (ikke opfyldte kriterier, gråzoneudsagn), står øverst.", names)
    columns = [_col("id", "id"), _col("side", "short"), _col("titel", "medium"),
               _col("beskrivelse", "long"), _col("forslag", "long"),
               _col("peget_kriterier", "medium"), _col("peget_graazoner", "medium"),
               _col("signaler", "number"), _col("kriterier", "short"),
               _col("graazoner", "medium"), *HEARING_COLUMNS]
    items = _items_by_id(catalogue.content.kompetencer)
    rows = [(r.id, SIDE_TITLES.get(r.side, r.side), r.titel, r.beskrivelse, r.forslag,
             r.peget_kriterier, r.peget_graazoner, r.signaler, r.kriterier, r.graazoner,
             *_hearing_cells(items.get(str(r.id))))
            for r in catalogue.competence_needs.itertuples(index=False)]
    first, last = sheet.table("Kompetencer", columns, rows, freeze=True)
    letter = _letter(columns, "signaler")
    sheet.ws.conditional_formatting.add(
        f"{letter}{first}:{letter}{last}",
        DataBarRule(start_type="num", start_value=0, end_type="max", color="5B9BD5"))
    sheet.finish()


def _criteria(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    sheet = SheetWriter(wb, "audit_kriterier", PART_TITLES["audit_kriterier"],
                        "Andel opfyldt = opfyldt / (opfyldt + ikke opfyldt). Ikke relevant og "
                        "kan ikke vurderes tæller hverken for eller imod. Forummets beslutninger "
                        "har forrang for værktøjets resultat.", names)
    columns = [_col("klynge", "short"), _col("criterion_id", "id"), _col("titel", "text"),
               _col("alvor", "short"), _col("kilde", "medium"), _col("opfyldt", "number"),
               _col("ikke_opfyldt", "number"), _col("ikke_relevant", "number"),
               _col("kan_ikke_vurderes", "number"), _col("tjekfejl", "number"),
               _col("vurderet", "number"), _col("andel_opfyldt", "number", "0%"),
               _col("forum_afgjort", "number")]
    table = catalogue.fulfilment
    rows = [(r.klynge, r.criterion_id, r.titel, SEVERITY_TITLES.get(r.alvor, r.alvor), r.kilde,
             r.opfyldt, r.ikke_opfyldt, r.ikke_relevant, r.kan_ikke_vurderes, r.tjekfejl,
             r.vurderet, _share(r.andel_opfyldt), r.forum_afgjort)
            for r in table.itertuples(index=False)]
    first, last = sheet.table("Kriterier", columns, rows, freeze=True)
    share = _letter(columns, "andel_opfyldt")
    cells = f"{share}{first}:{share}{last}"
    rules = sheet.ws.conditional_formatting
    # Blank shares (nothing assessed) stay uncoloured: the rules test for a number first.
    rules.add(cells, FormulaRule(formula=[f"AND(ISNUMBER({share}{first}),{share}{first}>={HIGH_SHARE})"],
                                 fill=GREEN, stopIfTrue=True))
    rules.add(cells, FormulaRule(formula=[f"AND(ISNUMBER({share}{first}),{share}{first}<{LOW_SHARE})"],
                                 fill=RED, stopIfTrue=True))
    rules.add(cells, FormulaRule(formula=[f"ISNUMBER({share}{first})"], fill=AMBER))
    failed = _letter(columns, "ikke_opfyldt")
    rules.add(f"{failed}{first}:{failed}{last}",
              CellIsRule(operator="greaterThan", formula=["0"], font=Font(bold=True,
                                                                           color="9C0006")))
    _fulfilment_chart(sheet, table, len(columns) + 2)
    sheet.finish()


def _fulfilment_chart(sheet: SheetWriter, table: pd.DataFrame, column: int) -> None:
    """A horizontal bar chart of the share fulfilled per criterion (one series per cluster)."""
    ws = sheet.ws
    wide = table.pivot_table(index="criterion_id", columns="klynge", values="andel_opfyldt",
                             aggfunc="first", dropna=False, sort=False)
    order = list(dict.fromkeys(table["criterion_id"]))
    wide = wide.reindex(order)
    top = HEADER_ROW
    put(ws, top, column, COLUMNS["criterion_id"]).font = Font(bold=True)
    for offset, cluster in enumerate(wide.columns, start=1):
        put(ws, top, column + offset, str(cluster)).font = Font(bold=True)
    for row_offset, (criterion, values) in enumerate(wide.iterrows(), start=1):
        put(ws, top + row_offset, column, str(criterion))
        for offset, value in enumerate(values, start=1):
            cell = put(ws, top + row_offset, column + offset, _share(value))
            cell.number_format = "0%"
    sheet.widths[column] = WIDTHS["id"]
    for offset in range(1, len(wide.columns) + 1):
        sheet.widths[column + offset] = WIDTHS["short"]
    last = top + len(wide)
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = "Andel opfyldt pr. kriterium"
    chart.y_axis.title = "Andel opfyldt"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0%"
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # K01 at the top, as in the table
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    data = Reference(ws, min_col=column + 1, max_col=column + len(wide.columns), min_row=top,
                     max_row=last)
    categories = Reference(ws, min_col=column, min_row=top + 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.height = max(8.0, 0.55 * len(wide) + 2)
    chart.width = 16
    chart.legend.position = "b"
    ws.add_chart(chart, ws.cell(row=last + 2, column=column).coordinate)


def _plans(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    if not catalogue.plan_rows:  # shared outside the cluster: no plan-level rows
        return
    sheet = SheetWriter(wb, "audit_planer", PART_TITLES["audit_planer"],
                        "Alle auditerede planer, flest formelle mangler først (kun plan_id, "
                        "aldrig personoplysninger). Resultatet pr. kriterium er forummets, hvor "
                        "det har besluttet, ellers værktøjets.", names)
    plans = catalogue.plans
    criteria = [str(c) for c in plans.columns[PLAN_FIXED_COLUMNS:]]
    columns = [_col("plan_id", "short"), _col("klynge", "short"),
               _col("formelle_mangler", "number"), _col("kvalitetsmangler", "number"),
               _col("mangler", "medium"),
               *[Col(c, c, "id") for c in criteria]]
    rows = []
    for record in plans.to_dict("records"):
        rows.append((record["plan_id"], record["klynge"], record["formelle_mangler"],
                     record["kvalitetsmangler"], record["mangler"],
                     *[_result_title(record.get(c)) for c in criteria]))
    first, last = sheet.table("Planer", columns, rows, freeze=True)
    sheet.ws.freeze_panes = sheet.ws.cell(row=first, column=2).coordinate
    rules = sheet.ws.conditional_formatting
    formal = _letter(columns, "formelle_mangler")
    rules.add(f"{formal}{first}:{formal}{last}",
              CellIsRule(operator="greaterThan", formula=["0"], fill=RED))
    if criteria:
        cells = f"{get_column_letter(6)}{first}:{get_column_letter(5 + len(criteria))}{last}"
        colours = {"ikke_opfyldt": RED, "opfyldt": GREEN, "kan_ikke_vurderes": AMBER,
                   "tjekfejl": GREY}
        for result, fill in colours.items():
            rules.add(cells, CellIsRule(operator="equal", formula=[f'"{RESULT_TITLES[result]}"'],
                                        fill=fill))
    sheet.finish()


def _counts(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    source = {
        "register": "Planer pr. kvartal for udskrivning, optalt i registret.",
        "run.json": "Planer pr. kvartal for udskrivning, som auditkørslen optalte dem.",
        "koersler": "Planer pr. klynge i auditkørslerne. Angiv registret med --register "
                    "for at få optællingen pr. kvartal.",
    }[catalogue.counts_source]
    if catalogue.counts_source != "koersler":
        source += " " + msg("counts_tegn_kort")
    sheet = SheetWriter(wb, "optaelling", PART_TITLES["optaelling"], source, names)
    counts = catalogue.counts
    columns = [_col(str(c), "short") for c in counts.columns]
    sheet.table("Optaelling", columns, counts.itertuples(index=False, name=None), freeze=True)
    sheet.section("Udsagn pr. sektor",
                  "Den endelige sektor for alle udsagn i felterne genoptræningsbehov og mål.")
    label_rows = [(r.klynge, LABEL_TITLES.get(r.label, r.label), r.antal, _share(r.andel))
                  for r in catalogue.label_counts.itertuples(index=False)]
    sheet.table("Udsagn_pr_sektor", [_col("klynge", "short"), _col("label", "medium"),
                                     _col("antal", "number"), _col("andel", "number", "0%")],
                label_rows)
    sheet.finish()


def _change(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    change = catalogue.change
    if change is None:
        return
    name, heading = CHANGE_PART
    sheet = SheetWriter(wb, name, heading,
                        "Andel opfyldt i den første og den seneste audit af samme klynge.", names)
    formats = {"foer": "0%", "efter": "0%", "aendring": "+0;-0;0"}
    columns = [_col(str(c), "number" if c in formats else "short", formats.get(c))
               for c in change.columns]
    first, last = sheet.table("Udvikling", columns, change.itertuples(index=False, name=None),
                              freeze=True)
    if "aendring" in change.columns:
        letter = _letter(columns, "aendring")
        rules = sheet.ws.conditional_formatting
        rules.add(f"{letter}{first}:{letter}{last}",
                  CellIsRule(operator="greaterThan", formula=["0"], fill=GREEN))
        rules.add(f"{letter}{first}:{letter}{last}",
                  CellIsRule(operator="lessThan", formula=["0"], fill=RED))
    sheet.finish()


def _missed(wb: Workbook, catalogue: Catalogue, names: set[str]) -> None:
    if catalogue.missed is None:
        return
    from auditlib.catalogue.missed import write_missed_sheet

    write_missed_sheet(wb, catalogue.missed, names)


SHEETS: tuple[Callable[[Workbook, Catalogue, set[str]], None], ...] = (
    _cover, _function_loss, _interfaces, _greyzones, _recommendations, _competences,
    _criteria, _plans, _counts, _change,
    _missed,
)


def build_workbook(catalogue: Catalogue) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    names: set[str] = set()
    for build in SHEETS:
        build(wb, catalogue, names)
    wb.properties.title = TITLE
    wb.properties.creator = f"auditlib {catalogue.cover.version}"
    wb.properties.language = "da-DK"
    return wb


def write_catalogue_xlsx(catalogue: Catalogue, path: str | Path) -> Path:
    """Write the catalogue workbook atomically; return the path."""
    path = Path(path)
    workbook = build_workbook(catalogue)
    write_with(path, lambda tmp: workbook.save(tmp))
    return path

