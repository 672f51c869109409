"""The hearing round: the other clusters comment on the catalogue, and the next version.

``write_hearing_workbook`` lays out one row per text field of every item the clusters
refine together (functional-loss type, interface, recommendation, competence need), with
yellow columns for the commenting cluster: klynge, kommentar, forslag til ny tekst,
accept/afvis (the workshop's decision on the comment). ``merge_comments`` reads the
filled workbooks back, checks all of them before anything is written (every problem with
file, sheet, row and column; the workbooks are only read), and writes the next version of
the four YAML files plus a change log listing every accepted, rejected and conflicting
comment. Two accepted comments that propose different texts for the same field are a
conflict: the text stays, the item stays "til høring", and the proposals are listed side
by side.

The YAML files are edited in place as text (only the values that change), so the
forum's comments and editing guide in the files survive the round.
"""

from __future__ import annotations

import csv
import io
import tempfile
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from auditlib.catalogue.content import (
    FILES,
    STATUS_TITLES,
    CatalogueContent,
    hearing_items,
    load_content,
)
from auditlib.errors import AuditlibError
from auditlib.messages import msg

HEARING_SHEET = "hoering"
GUIDE_SHEET = "vejledning"
INFO_SHEET = "om"
CHANGE_LOG_MD = "aendringslog.md"
CHANGE_LOG_CSV = "aendringslog.csv"
HEARING_NAME = "hoeringsark.xlsx"

# Per part of the catalogue: its file and the text fields a cluster may propose new text for.
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "funktionstab": ("funktionstab.yaml", ("titel", "beskrivelse")),
    "snitflader": ("snitflader.yaml", ("titel", "hvornaar", "ikke_hvis",
                                       "afgoerende_spoergsmaal")),
    "anbefalinger": ("anbefalinger.yaml", ("titel", "tekst")),
    "kompetencer": ("kompetencer.yaml", ("titel", "beskrivelse", "forslag")),
}
PART_BY_FILE = {file: part for part, (file, _) in PARTS.items()}

# The workbook's columns: (key, heading). The first eight are the catalogue's, the last
# four the commenting cluster's.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("del", "del"),
    ("id", "id"),
    ("post", "post"),
    ("felt", "felt"),
    ("tekst", "nuværende tekst"),
    ("status", "status"),
    ("oprindelse", "oprindelse (klynge)"),
    ("version", "version"),
    ("klynge", "klynge"),
    ("kommentar", "kommentar"),
    ("forslag", "forslag til ny tekst"),
    ("beslutning", "accept/afvis"),
)
HEADINGS = dict(COLUMNS)
INPUT_COLUMNS = ("klynge", "kommentar", "forslag", "beslutning")
DECISIONS = {"accept": "accept", "accepter": "accept", "accepteret": "accept",
             "afvis": "afvis", "afvist": "afvis"}
OUTCOMES = ("accepteret", "afvist", "konflikt")
OUTCOME_HEADINGS = {"accepteret": "hoering_log_afsnit_accepteret",
                    "afvist": "hoering_log_afsnit_afvist",
                    "konflikt": "hoering_log_afsnit_konflikt"}
CHANGE_LOG_COLUMNS = ("udfald", "del", "id", "felt", "klynge", "kommentar", "forslag",
                      "tekst_aendret", "konflikt_nr", "fil", "raekke")


class HearingError(AuditlibError):
    """The filled hearing workbooks cannot be merged; ``problems`` lists every one."""


@dataclass(frozen=True)
class HearingProblem:
    """One problem in a filled workbook: file, sheet, row, column and what to fix."""

    file: str
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(msg("hoering_sted_ark", sheet=self.sheet))
        if self.row:
            where.append(msg("hoering_sted_raekke", row=self.row))
        if self.column:
            where.append(msg("hoering_sted_kolonne", column=self.column))
        return ", ".join(where) + ": " + self.message


@dataclass(frozen=True)
class HearingRow:
    """One text field of one item, as the hearing workbook shows it."""

    part: str
    item_id: str
    title: str
    field: str
    text: str
    status: str
    origin: str
    version: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.part, self.item_id, self.field)


@dataclass(frozen=True)
class Comment:
    """One filled row of one cluster's workbook."""

    part: str
    item_id: str
    field: str
    cluster: str
    comment: str
    proposal: str
    decision: str  # "accept" or "afvis"
    file: str
    row: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.part, self.item_id, self.field)


@dataclass
class MergeResult:
    """What merge_comments decided: the log rows, the conflicts and the files written."""

    version: int
    entries: list[tuple[str, Comment, bool, int | None]] = field(default_factory=list)
    conflicts: list[tuple[tuple[str, str, str], list[Comment]]] = field(default_factory=list)
    changed: list[tuple[str, str, str]] = field(default_factory=list)
    statuses: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    # (part, id, field) -> the accepted new text
    new_texts: dict[tuple[str, str, str], str] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)

    def count(self, outcome: str) -> int:
        return sum(1 for entry in self.entries if entry[0] == outcome)


# -- the rows of the hearing -----------------------------------------------------------
def _models(content: CatalogueContent) -> dict[str, object]:
    return {"funktionstab": content.funktionstab, "snitflader": content.snitflader,
            "anbefalinger": content.anbefalinger, "kompetencer": content.kompetencer}


def hearing_rows(content: CatalogueContent) -> list[HearingRow]:
    """Every text field of every item the clusters refine together, in catalogue order."""
    rows = []
    for part, model in _models(content).items():
        for _, item in hearing_items(model):
            for name in PARTS[part][1]:
                rows.append(HearingRow(part, str(item.id), item.titel, name,
                                       getattr(item, name), item.status, item.klynge,
                                       item.version))
    return rows


def _same_text(a: str, b: str) -> bool:
    return " ".join(str(a).split()) == " ".join(str(b).split())


# -- writing the workbook -----------------------------------------------------------------
def write_hearing_workbook(content: CatalogueContent, path: str | Path) -> Path:
    """Write the hearing workbook for ``content`` atomically; return the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    from auditlib.atomic import write_with
    from auditlib.excel import HEADER_FILL, HEADER_FONT, INPUT_FILL, WRAP, put

    widths = {"del": 14, "id": 14, "post": 28, "felt": 16, "tekst": 70, "status": 12,
              "oprindelse": 16, "version": 9, "klynge": 16, "kommentar": 45, "forslag": 60,
              "beslutning": 13}
    wb = Workbook()
    ws = wb.active
    ws.title = HEARING_SHEET
    for column, (key, heading) in enumerate(COLUMNS, start=1):
        cell = put(ws, 1, column, heading)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        ws.column_dimensions[cell.column_letter].width = widths[key]
    rows = hearing_rows(content)
    for number, row in enumerate(rows, start=2):
        values = (row.part, row.item_id, row.title, row.field, row.text,
                  STATUS_TITLES.get(row.status, row.status), row.origin, row.version)
        for column, value in enumerate(values, start=1):
            put(ws, number, column, value).alignment = WRAP
        for column in range(len(values) + 1, len(COLUMNS) + 1):
            cell = ws.cell(row=number, column=column)
            cell.fill = INPUT_FILL
            cell.alignment = WRAP
    last = len(rows) + 1
    decision = ws.cell(row=1, column=len(COLUMNS)).column_letter
    rule = DataValidation(type="list", formula1='"accept,afvis"', allow_blank=True,
                          showErrorMessage=True, errorTitle=msg("hoering_dv_titel"),
                          error=msg("hoering_dv_fejl"))
    rule.add(f"{decision}2:{decision}{last}")
    ws.add_data_validation(rule)
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{decision}{last}"

    guide = wb.create_sheet(GUIDE_SHEET)
    for number, line in enumerate(msg("hoering_vejledning").split("\n"), start=1):
        put(guide, number, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    guide.column_dimensions["A"].width = 110

    info = wb.create_sheet(INFO_SHEET)
    for number, (key, value) in enumerate((("katalogversion", int(content.version)),
                                           ("poster", len({r.key[:2] for r in rows})),
                                           ("felter", len(rows))), start=1):
        put(info, number, 1, key)
        put(info, number, 2, value)
    info.sheet_state = "hidden"
    wb.properties.title = msg("hoering_titel")
    wb.properties.language = "da-DK"
    path = Path(path)
    write_with(path, lambda tmp: wb.save(tmp))
    return path


# -- reading the workbooks back -------------------------------------------------------------
def _fold(text: object) -> str:
    return " ".join(str(text or "").casefold().split())


def _cell_text(value: object) -> str:
    from auditlib.excel import ESCAPE_PREFIX, FORMULA_TRIGGERS

    if value is None:
        return ""
    text = str(value).strip() if not isinstance(value, float) or not value.is_integer() \
        else str(int(value))
    if text.startswith(ESCAPE_PREFIX) and text[1:].startswith(FORMULA_TRIGGERS):
        text = text[1:]
    return text


def _open(path: Path) -> tuple[object | None, list[HearingProblem]]:
    from openpyxl import load_workbook

    name = path.name
    if not path.is_file():
        return None, [HearingProblem(name, "", None, "", msg("hoering_fil_findes_ikke"))]
    try:
        return load_workbook(path, read_only=True, data_only=True), []
    except Exception:  # noqa: BLE001 - any unreadable file gets the same Danish sentence
        return None, [HearingProblem(name, "", None, "", msg("hoering_fil_ulaeselig"))]


def _header(ws, name: str) -> tuple[dict[str, int], list[HearingProblem]]:
    """Column positions by key; a missing or misspelt heading is named."""
    import difflib

    first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    found = {_fold(value): index for index, value in enumerate(first) if value is not None}
    positions, problems = {}, []
    for key, heading in COLUMNS:
        if _fold(heading) in found:
            positions[key] = found[_fold(heading)]
            continue
        close = difflib.get_close_matches(_fold(heading), list(found), n=1, cutoff=0.75)
        text = (msg("hoering_kolonne_stavet", column=heading) if close
                else msg("hoering_kolonne_mangler", column=heading))
        problems.append(HearingProblem(name, HEARING_SHEET, 1, heading, text))
    return positions, problems


def _info_version(wb) -> int | None:
    if INFO_SHEET not in wb.sheetnames:
        return None
    for row in wb[INFO_SHEET].iter_rows(values_only=True):
        if row and row[0] == "katalogversion":
            try:
                return int(row[1])
            except (TypeError, ValueError):
                return None
    return None


def read_hearing_workbook(path: str | Path, content: CatalogueContent, config=None
                          ) -> tuple[list[Comment], list[HearingProblem]]:
    """The filled rows of one workbook and every problem in it (nothing is raised)."""
    path = Path(path)
    name = path.name
    wb, problems = _open(path)
    if wb is None:
        return [], problems
    try:
        if HEARING_SHEET not in wb.sheetnames:
            return [], [HearingProblem(name, "", None, "",
                                       msg("hoering_ark_mangler", sheet=HEARING_SHEET))]
        version = _info_version(wb)
        if version is not None and version != int(content.version):
            return [], [HearingProblem(name, INFO_SHEET, None, "", msg(
                "hoering_anden_version", version=version, current=content.version))]
        ws = wb[HEARING_SHEET]
        positions, problems = _header(ws, name)
        if problems:
            return [], problems
        known = {row.key: row for row in hearing_rows(content)}
        comments, seen = [], {}
        for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
            cells = {key: _cell_text(values[i] if i < len(values) else None)
                     for key, i in positions.items()}
            if not any(cells.values()):
                continue
            comment, row_problems = _read_row(cells, number, name, known, seen, config)
            problems += row_problems
            if comment is not None:
                comments.append(comment)
        return comments, problems
    finally:
        wb.close()


def _read_row(cells: dict[str, str], number: int, name: str, known: dict, seen: dict,
              config) -> tuple[Comment | None, list[HearingProblem]]:
    def problem(column_key: str, key: str, **values) -> HearingProblem:
        return HearingProblem(name, HEARING_SHEET, number, HEADINGS.get(column_key, ""),
                              msg(key, **values))

    problems = []
    key = (cells["del"], cells["id"], cells["felt"])
    row = known.get(key)
    if row is None:
        return None, [problem("id", "hoering_post_ukendt", part=cells["del"][:30],
                              id=cells["id"][:20], field=cells["felt"][:30])]
    if key in seen:
        problems.append(problem("id", "hoering_post_dublet", first=seen[key]))
    seen.setdefault(key, number)
    if not _same_text(cells["tekst"], row.text):
        problems.append(problem("tekst", "hoering_tekst_aendret",
                                column=HEADINGS["forslag"]))
    has_text = bool(cells["kommentar"] or cells["forslag"])
    decision = DECISIONS.get(_fold(cells["beslutning"]))
    if cells["beslutning"] and decision is None:
        problems.append(problem("beslutning", "hoering_beslutning_ukendt"))
    if has_text and not cells["beslutning"]:
        problems.append(problem("beslutning", "hoering_beslutning_mangler"))
    if cells["beslutning"] and not has_text:
        problems.append(problem("kommentar", "hoering_kommentar_mangler",
                                column=HEADINGS["forslag"]))
    if (has_text or cells["beslutning"]) and not cells["klynge"]:
        problems.append(problem("klynge", "hoering_klynge_mangler"))
    problems += _privacy_problems(cells, number, name, config)
    if not has_text or problems:
        return None, problems
    return Comment(row.part, row.item_id, row.field, " ".join(cells["klynge"].split()),
                   cells["kommentar"], cells["forslag"], decision or "", name, number), []


def _privacy_problems(cells: dict[str, str], number: int, name: str,
                      config) -> list[HearingProblem]:
    # The proposals become catalogue text that is shared outside the cluster.
    from auditlib.privacy import scan_text

    problems = []
    for key in INPUT_COLUMNS:
        kinds = sorted({finding.kind for finding in scan_text(cells[key], config)})
        if kinds:
            problems.append(HearingProblem(name, HEARING_SHEET, number, HEADINGS[key],
                                           msg("hoering_identifikator", kinds=", ".join(kinds))))
    return problems


# -- merging ----------------------------------------------------------------------------
def decide(comments: list[Comment], content: CatalogueContent) -> MergeResult:
    """Accepted, rejected and conflicting comments; the new text and status of each item."""
    result = MergeResult(version=int(content.version) + 1)
    rows = {row.key: row for row in hearing_rows(content)}
    by_key: dict[tuple[str, str, str], list[Comment]] = defaultdict(list)
    for comment in comments:
        by_key[comment.key].append(comment)
    conflicted_items: set[tuple[str, str]] = set()
    new_texts: dict[tuple[str, str, str], str] = {}
    for key in rows:
        group = by_key.get(key, [])
        proposing = [c for c in group if c.decision == "accept" and c.proposal]
        distinct = {" ".join(c.proposal.split()) for c in proposing}
        conflict = len(distinct) > 1
        number = None
        if conflict:
            result.conflicts.append((key, proposing))
            number = len(result.conflicts)
            conflicted_items.add(key[:2])
        elif distinct and not _same_text(rows[key].text, proposing[0].proposal):
            # One paragraph, like every text in the catalogue (line breaks from Excel go).
            new_texts[key] = " ".join(proposing[0].proposal.split())
        for comment in group:
            if comment.decision == "afvis":
                result.entries.append(("afvist", comment, False, None))
            elif conflict and comment.proposal:
                result.entries.append(("konflikt", comment, False, number))
            else:
                result.entries.append(("accepteret", comment, key in new_texts, None))
    result.changed = list(new_texts)
    result.new_texts = new_texts
    for part, item_id in dict.fromkeys(k[:2] for k in rows):
        old = next(r.status for r in rows.values() if r.key[:2] == (part, item_id))
        new = "til_hoering" if (part, item_id) in conflicted_items else "godkendt"
        result.statuses[(part, item_id)] = (old, new)
    return result


def _scalar(text: str, indent: int) -> str:
    """A YAML value for one paragraph: plain when it is short and reads back unchanged,
    else a folded block (the style of the forum's files)."""
    width = max(40, 88 - indent)
    if len(text) + indent <= width and "#" not in text:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    return ">-\n" + "\n".join(" " * indent + line for line in lines)


def _item_nodes(root, part: str) -> dict[str, object]:
    def child(node, key):
        for k, v in node.value:
            if k.value == key:
                return v
        return None

    if part == "funktionstab":
        items = [p for d in child(root, "domaener").value for p in child(d, "punkter").value]
    else:
        items = child(root, part).value
    return {str(child(item, "id").value): item for item in items}


def next_version_text(text: str, part: str, version: int, result: MergeResult) -> str:
    """The YAML text of one file in the next version: only the changing values are edited."""
    root = yaml.compose(text)
    edits: list[tuple[int, int, str]] = []

    def replace(node, value: str) -> None:
        start, end = node.start_mark.index, node.end_mark.index
        original = text[start:end]
        trailing = original[len(original.rstrip("\n")):]
        edits.append((start, end, value + trailing))

    top = next(v for k, v in root.value if k.value == "version")
    replace(top, str(version))
    new_texts = result.new_texts
    for item_id, item in _item_nodes(root, part).items():
        values = {k.value: (k, v) for k, v in item.value}
        changed = False
        for name in PARTS[part][1]:
            if (part, item_id, name) in new_texts:
                key_node, value_node = values[name]
                replace(value_node, _scalar(new_texts[(part, item_id, name)],
                                            key_node.start_mark.column + 2))
                changed = True
        old, new = result.statuses.get((part, item_id), (None, None))
        if new is not None and new != old:
            replace(values["status"][1], new)
        if changed:
            replace(values["version"][1], str(version))
    for start, end, value in sorted(edits, reverse=True):
        text = text[:start] + value + text[end:]
    return text


def _change_log_rows(result: MergeResult) -> list[dict[str, object]]:
    rows = []
    for outcome, c, changed, number in result.entries:
        rows.append({"udfald": outcome, "del": c.part, "id": c.item_id, "felt": c.field,
                     "klynge": c.cluster, "kommentar": c.comment, "forslag": c.proposal,
                     "tekst_aendret": "ja" if changed else "nej",
                     "konflikt_nr": number or "", "fil": c.file, "raekke": c.row})
    order = {o: i for i, o in enumerate(OUTCOMES)}
    return sorted(rows, key=lambda r: (order[r["udfald"]], r["del"], r["id"], r["felt"],
                                       r["klynge"]))


def _md_cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|") or "–"


def change_log_markdown(result: MergeResult, files: list[str]) -> str:
    """The change log a forum member reads: counts, every comment by outcome, conflicts."""
    lines = [f"# {msg('hoering_log_titel', version=result.version)}", "",
             msg("hoering_log_grundlag", files=", ".join(files)), "",
             msg("hoering_log_antal", accepted=result.count("accepteret"),
                 rejected=result.count("afvist"), conflicts=result.count("konflikt"),
                 changed=len(result.changed)), ""]
    moved = defaultdict(int)
    for old, new in result.statuses.values():
        moved[(old, new)] += 1
    for (old, new), count in sorted(moved.items()):
        lines.append("- " + msg("hoering_log_status", count=count,
                                old=STATUS_TITLES.get(old, old), new=STATUS_TITLES.get(new, new)))
    lines.append("")
    rows = _change_log_rows(result)
    headings = (msg("hoering_log_kol_post"), HEADINGS["klynge"], HEADINGS["kommentar"],
                HEADINGS["forslag"], msg("hoering_log_kol_aendret"), msg("hoering_log_kol_kilde"))
    for outcome in OUTCOMES:
        lines += [f"## {msg(OUTCOME_HEADINGS[outcome])}", ""]
        chosen = [r for r in rows if r["udfald"] == outcome]
        if not chosen:
            lines += [msg("hoering_log_ingen"), ""]
            continue
        lines += ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
        for r in chosen:
            post = f"{r['del']} {r['id']} › {r['felt']}"
            lines.append("| " + " | ".join(_md_cell(v) for v in (
                post, r["klynge"], r["kommentar"], r["forslag"], r["tekst_aendret"],
                f"{r['fil']} række {r['raekke']}")) + " |")
        lines.append("")
    if result.conflicts:
        lines += [f"## {msg('hoering_log_konflikter')}", "", msg("hoering_log_konflikt_intro"), ""]
        for number, (key, group) in enumerate(result.conflicts, start=1):
            lines += [f"### {number}. {key[0]} {key[1]} › {key[2]}", ""]
            lines += ["| " + " | ".join(_md_cell(c.cluster) for c in group) + " |",
                      "|" + "---|" * len(group),
                      "| " + " | ".join(_md_cell(c.proposal) for c in group) + " |",
                      "| " + " | ".join(_md_cell(c.comment) for c in group) + " |", ""]
    return "\n".join(lines).rstrip() + "\n"


def change_log_csv(result: MergeResult) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CHANGE_LOG_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_change_log_rows(result))
    return buffer.getvalue()


def merge_comments(workbooks: list[str | Path], out_dir: str | Path, *,
                   content_dir: str | Path | None = None, config=None) -> MergeResult:
    """Read the filled workbooks, decide every comment and write the next version.

    Writes the four YAML files, ``aendringslog.md`` and ``aendringslog.csv`` into
    ``out_dir``. Every workbook is checked first; any problem raises HearingError with all
    of them and nothing is written. The workbooks and the content folder are only read.
    """
    from auditlib.atomic import guard_not_input, write_text_atomic

    content = load_content(content_dir)
    paths = [Path(p) for p in workbooks]
    if not paths:
        raise HearingError(msg("hoering_ingen_ark"))
    problems: list[HearingProblem] = []
    comments: list[Comment] = []
    seen: dict[Path, str] = {}
    for path in paths:
        resolved = path.resolve()
        if resolved in seen:
            problems.append(HearingProblem(path.name, "", None, "", msg("hoering_fil_dublet")))
            continue
        seen[resolved] = path.name
        found, found_problems = read_hearing_workbook(path, content, config)
        comments += found
        problems += found_problems
    if problems:
        raise HearingError(msg("hoering_ugyldig", count=len(problems)), problems=problems)
    result = decide(comments, content)
    texts = {}
    for name in FILES:
        original = (content.source / name).read_text(encoding="utf-8")
        texts[name] = next_version_text(original, PART_BY_FILE[name], result.version, result)
    _verify(texts, result)
    out_dir = Path(out_dir)
    targets = {name: out_dir / name for name in FILES}
    targets["md"] = out_dir / CHANGE_LOG_MD
    targets["csv"] = out_dir / CHANGE_LOG_CSV
    inputs = [*paths, *(content.source / name for name in FILES)]
    for target in targets.values():
        guard_not_input(target, *inputs)
    for name in FILES:
        write_text_atomic(targets[name], texts[name])
    write_text_atomic(targets["csv"], change_log_csv(result))
    write_text_atomic(targets["md"], change_log_markdown(result, [p.name for p in paths]))
    result.paths = targets
    return result


def _verify(texts: dict[str, str], result: MergeResult) -> None:
    """The edited files load, and hold exactly the new texts, versions and statuses."""
    with tempfile.TemporaryDirectory() as folder:
        for name, text in texts.items():
            Path(folder, name).write_text(text, encoding="utf-8")
        try:
            new = load_content(folder)
        except AuditlibError as error:
            raise HearingError(msg("hoering_yaml_intern"), problems=error.problems) from error
    rows = {row.key: row for row in hearing_rows(new)}
    new_texts = result.new_texts
    for key, row in rows.items():
        expected = new_texts.get(key)
        status = result.statuses[key[:2]][1]
        if (expected is not None and row.text != expected) or row.status != status \
                or int(new.version) != result.version:
            raise HearingError(msg("hoering_yaml_intern"))


def write_hearing(content_dir: str | Path | None, out_dir: str | Path) -> Path:
    """The hearing workbook of the curated content, written into ``out_dir``."""
    content = load_content(content_dir)
    return write_hearing_workbook(content, Path(out_dir) / HEARING_NAME)


__all__ = ["CHANGE_LOG_CSV", "CHANGE_LOG_MD", "COLUMNS", "Comment", "HEARING_NAME",
           "HEARING_SHEET", "HearingError", "HearingProblem", "MergeResult", "decide",
           "hearing_rows", "merge_comments", "read_hearing_workbook", "write_hearing",
           "write_hearing_workbook"]
