"""The hearing round: two clusters comment on the catalogue, the comments merge into the
next version, and the change log lists every accepted, rejected and conflicting comment."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest

from auditlib.catalogue.content import DEFAULT_CONTENT_DIR, FILES, load_content
from auditlib.catalogue.hearing import (
    CHANGE_LOG_CSV,
    CHANGE_LOG_MD,
    HEARING_NAME,
    HEARING_SHEET,
    HearingError,
    hearing_rows,
    merge_comments,
    write_hearing_workbook,
)
from auditlib.cli import main
from tests.catalogue_runs import write_run_folder

SOUTH_1A = "Funktionstab efter en legemlig skade, fx et brud efter et fald eller en nerveskade."
SOUTH_KH01 = "Opsporing af behovet for genoptræning"
NORTH_KH01 = "Vurdering af genoptræningsbehov ved udskrivning"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    target = tmp_path / "catalogue"
    target.mkdir()
    for name in FILES:
        shutil.copy(DEFAULT_CONTENT_DIR / name, target / name)
    return target


@pytest.fixture
def blank(tmp_path: Path, content_dir: Path) -> Path:
    return write_hearing_workbook(load_content(content_dir), tmp_path / HEARING_NAME)


def fill(source: Path, target: Path, rows: dict[tuple[str, str, str], dict[str, str]],
         edit_header: dict[str, str] | None = None) -> Path:
    """What a cluster does: fill the yellow cells of a few rows, and save under its name."""
    book = openpyxl.load_workbook(source)
    sheet = book[HEARING_SHEET]
    header = {cell.value: cell.column for cell in sheet[1]}
    index = {(sheet.cell(r, 1).value, sheet.cell(r, 2).value, sheet.cell(r, 4).value): r
             for r in range(2, sheet.max_row + 1)}
    for key, values in rows.items():
        for column, value in values.items():
            sheet.cell(index[key], header[column]).value = value
    for old, new in (edit_header or {}).items():
        sheet.cell(1, header[old]).value = new
    book.save(target)
    return target


def comment(cluster: str, text: str, decision: str, proposal: str | None = None) -> dict:
    values = {"klynge": cluster, "kommentar": text, "accept/afvis": decision}
    if proposal is not None:
        values["forslag til ny tekst"] = proposal
    return values


@pytest.fixture
def two_clusters(tmp_path: Path, blank: Path) -> list[Path]:
    south = fill(blank, tmp_path / "syd.xlsx", {
        ("funktionstab", "1a", "beskrivelse"): comment("Sydklyngen", "Kortere, tak.", "accept",
                                                       SOUTH_1A),
        ("kompetencer", "KH01", "titel"): comment("Sydklyngen", "Sig det enkelt.", "accept",
                                                  SOUTH_KH01),
        ("anbefalinger", "A01", "tekst"): comment("Sydklyngen", "Vi er uenige i A01.", "afvis",
                                                  "En helt anden anbefaling."),
    })
    north = fill(blank, tmp_path / "nord.xlsx", {
        ("kompetencer", "KH01", "titel"): comment("Nordklyngen", "Tidspunktet skal med.",
                                                  "accept", NORTH_KH01),
        ("snitflader", "social", "hvornaar"): comment("Nordklyngen", "Godt formuleret.",
                                                      "accept"),
        ("funktionstab", "1a", "beskrivelse"): comment("Nordklyngen", "Enig med Syd.", "accept",
                                                       "  " + SOUTH_1A.replace(" fx", "\nfx")),
    })
    return [south, north]


def _digest(paths: list[Path]) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def test_two_clusters_merge_into_the_next_version_with_a_full_change_log(
        tmp_path: Path, content_dir: Path, two_clusters: list[Path]):
    inputs = _digest([*two_clusters, *(content_dir / n for n in FILES)])
    out = tmp_path / "v2"

    result = merge_comments(two_clusters, out, content_dir=content_dir)

    assert _digest(list(inputs)) == inputs, "inputs are never modified"
    new = load_content(out)
    assert new.version == "2"
    rows = {row.key: row for row in hearing_rows(new)}
    old = {row.key: row for row in hearing_rows(load_content(content_dir))}
    # Accepted (twice, the same text apart from spacing): the new text, version 2, approved.
    assert rows[("funktionstab", "1a", "beskrivelse")].text == SOUTH_1A
    assert rows[("funktionstab", "1a", "beskrivelse")].version == 2
    assert rows[("funktionstab", "1a", "beskrivelse")].status == "godkendt"
    # Conflict: the text stays, the item stays in the hearing, its version does not move.
    assert rows[("kompetencer", "KH01", "titel")].text == old[("kompetencer", "KH01",
                                                                "titel")].text
    assert rows[("kompetencer", "KH01", "titel")].status == "til_hoering"
    assert rows[("kompetencer", "KH01", "titel")].version == 1
    # Rejected: the text stays; the item is approved as it stands.
    assert rows[("anbefalinger", "A01", "tekst")].text == old[("anbefalinger", "A01",
                                                                "tekst")].text
    assert rows[("anbefalinger", "A01", "tekst")].status == "godkendt"
    # Every other field is unchanged.
    for key, row in rows.items():
        if key != ("funktionstab", "1a", "beskrivelse"):
            assert row.text == old[key].text, key

    with (out / CHANGE_LOG_CSV).open(encoding="utf-8") as handle:
        log = list(csv.DictReader(handle))
    logged = sorted((r["udfald"], r["id"], r["felt"], r["klynge"]) for r in log)
    assert logged == sorted([
        ("accepteret", "1a", "beskrivelse", "Sydklyngen"),
        ("accepteret", "1a", "beskrivelse", "Nordklyngen"),
        ("accepteret", "social", "hvornaar", "Nordklyngen"),
        ("afvist", "A01", "tekst", "Sydklyngen"),
        ("konflikt", "KH01", "titel", "Sydklyngen"),
        ("konflikt", "KH01", "titel", "Nordklyngen"),
    ])
    assert {r["konflikt_nr"] for r in log if r["udfald"] == "konflikt"} == {"1"}
    assert (result.count("accepteret"), result.count("afvist"), result.count("konflikt")) == \
        (3, 1, 2)

    text = (out / CHANGE_LOG_MD).read_text(encoding="utf-8")
    assert "version 2" in text
    for heading in ("Accepterede kommentarer", "Afviste kommentarer", "Kommentarer i konflikt",
                    "Konflikterne side om side"):
        assert f"## {heading}" in text
    side_by_side = text.split("## Konflikterne side om side")[1]
    header = next(line for line in side_by_side.splitlines() if "Sydklyngen" in line)
    assert "Nordklyngen" in header, "the conflicting clusters stand in one row"
    assert SOUTH_KH01 in side_by_side and NORTH_KH01 in side_by_side


def test_the_next_version_keeps_the_files_comments_and_changes_only_what_was_decided(
        tmp_path: Path, content_dir: Path, two_clusters: list[Path]):
    merge_comments(two_clusters, tmp_path / "v2", content_dir=content_dir)

    before = (content_dir / "funktionstab.yaml").read_text(encoding="utf-8").splitlines()
    after = (tmp_path / "v2" / "funktionstab.yaml").read_text(encoding="utf-8").splitlines()
    assert [line for line in before if line.startswith("#")] == \
        [line for line in after if line.startswith("#")], "the editing guide survives"
    changed = set(before) ^ set(after)
    assert all(line.strip().startswith(("version:", "status:")) or "legemlig" in line
               or line.strip() in ("beskrivelse: >-",) or line.startswith(" " * 10)
               for line in changed)


def test_the_next_version_can_itself_go_to_a_hearing(tmp_path: Path, content_dir: Path,
                                                      two_clusters: list[Path]):
    merge_comments(two_clusters, tmp_path / "v2", content_dir=content_dir)
    second = write_hearing_workbook(load_content(tmp_path / "v2"), tmp_path / "runde2.xlsx")
    filled = fill(second, tmp_path / "runde2-syd.xlsx", {
        ("kompetencer", "KH01", "titel"): comment("Sydklyngen", "Vi går med Nord.", "accept",
                                                  NORTH_KH01)})

    merge_comments([filled], tmp_path / "v3", content_dir=tmp_path / "v2")

    v3 = {row.key: row for row in hearing_rows(load_content(tmp_path / "v3"))}
    assert v3[("kompetencer", "KH01", "titel")].text == NORTH_KH01
    assert v3[("kompetencer", "KH01", "titel")].status == "godkendt"
    assert v3[("kompetencer", "KH01", "titel")].version == 3
    assert v3[("funktionstab", "1a", "beskrivelse")].version == 2


def test_every_problem_is_reported_at_once_and_nothing_is_written(
        tmp_path: Path, content_dir: Path, blank: Path):
    south = fill(blank, tmp_path / "syd.xlsx", {
        ("funktionstab", "1a", "titel"): {"kommentar": "Uden klynge.", "accept/afvis": "accept"},
        ("funktionstab", "1b", "titel"): {"klynge": "Sydklyngen", "kommentar": "Ikke afgjort."},
        ("funktionstab", "1c", "titel"): {"klynge": "Sydklyngen", "accept/afvis": "accept"},
        ("anbefalinger", "A02", "titel"): comment("Sydklyngen", "Hmm", "måske"),
        ("anbefalinger", "A03", "tekst"): {"nuværende tekst": "Rettet direkte i teksten."},
        ("kompetencer", "KK01", "titel"): comment("Sydklyngen", "Ring til 2345 6789 eller skriv "
                                                  "til anna@example.dk", "accept"),
    })
    north = fill(blank, tmp_path / "nord.xlsx", {}, edit_header={"accept/afvis": "acept/afvis"})
    inputs = _digest([south, north])
    out = tmp_path / "v2"

    with pytest.raises(HearingError) as caught:
        merge_comments([south, north], out, content_dir=content_dir)

    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 7, problems
    joined = "\n".join(problems)
    assert "syd.xlsx, ark 'hoering', række " in joined
    assert "kolonne 'klynge'" in joined
    assert "kolonne 'accept/afvis'" in joined and "ikke afgjort" in joined
    assert "kolonne 'kommentar'" in joined
    assert "kolonne 'nuværende tekst'" in joined
    assert "nord.xlsx, ark 'hoering', række 1, kolonne 'accept/afvis'" in joined
    assert "lignende navn" in joined
    assert "personoplysning" in joined
    assert "2345" not in joined and "anna@" not in joined, "no identifier is echoed"
    assert not out.exists(), "nothing is written until every workbook is valid"
    assert _digest([south, north]) == inputs


def test_a_workbook_of_another_version_is_refused(tmp_path: Path, content_dir: Path,
                                                  two_clusters: list[Path]):
    merge_comments(two_clusters, tmp_path / "v2", content_dir=content_dir)
    with pytest.raises(HearingError) as caught:
        merge_comments(two_clusters[:1], tmp_path / "v3", content_dir=tmp_path / "v2")
    assert "version 1" in str(caught.value.problems[0])


def test_not_a_workbook_and_the_same_workbook_twice(tmp_path: Path, content_dir: Path,
                                                    blank: Path):
    broken = tmp_path / "ikke.xlsx"
    broken.write_text("ikke en arbejdsbog", encoding="utf-8")
    with pytest.raises(HearingError) as caught:
        merge_comments([broken, blank, blank], tmp_path / "v2", content_dir=content_dir)
    joined = "\n".join(str(p) for p in caught.value.problems)
    assert "ikke.xlsx: filen kan ikke læses" in joined
    assert "angivet flere gange" in joined


def test_output_into_the_content_folder_is_refused(tmp_path: Path, content_dir: Path,
                                                    two_clusters: list[Path]):
    before = _digest([content_dir / n for n in FILES])
    with pytest.raises(Exception) as caught:
        merge_comments(two_clusters, content_dir, content_dir=content_dir)
    assert "overskrive" in str(caught.value).lower() or "input" in str(caught.value).lower()
    assert _digest([content_dir / n for n in FILES]) == before


# -- the command line ------------------------------------------------------------------------
def _run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def test_catalogue_hearing_writes_the_workbook_beside_the_catalogue(tmp_path: Path, capsys):
    run = write_run_folder(tmp_path / "koersel")
    out = tmp_path / "hoering"

    code, stdout, err = _run(["catalogue", str(run), "--out", str(out), "--hearing"], capsys)

    assert code == 0, err
    assert (out / "snitfladekatalog.xlsx").is_file()
    book = openpyxl.load_workbook(out / HEARING_NAME)
    sheet = book[HEARING_SHEET]
    header = [cell.value for cell in sheet[1]]
    assert header[-4:] == ["klynge", "kommentar", "forslag til ny tekst", "accept/afvis"]
    ids = {sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)}
    assert {"1a", "social", "A01", "KH04"} <= ids
    assert str(out / HEARING_NAME) in stdout


def test_merge_comments_on_the_command_line(tmp_path: Path, content_dir: Path,
                                            two_clusters: list[Path], capsys):
    out = tmp_path / "v2"
    code, stdout, err = _run(["catalogue", "merge-comments", *map(str, two_clusters),
                              "--content", str(content_dir), "--out", str(out)], capsys)
    assert code == 0, err
    assert "Version 2" in stdout and "1 afvist" in stdout and "2 i konflikt" in stdout
    assert (out / CHANGE_LOG_MD).is_file()


def test_merge_comments_bad_input_exits_2_with_every_problem(tmp_path: Path, content_dir: Path,
                                                            blank: Path, capsys):
    bad = fill(blank, tmp_path / "syd.xlsx", {
        ("funktionstab", "1a", "titel"): {"kommentar": "Uden klynge og afgørelse."}})
    code, stdout, err = _run(["catalogue", "merge-comments", str(bad), "--content",
                              str(content_dir), "--out", str(tmp_path / "v2")], capsys)
    assert code == 2
    assert "Traceback" not in err
    assert err.count("syd.xlsx, ark 'hoering'") == 2
    assert not (tmp_path / "v2").exists()


def test_the_catalogue_command_still_takes_run_folders_first(tmp_path: Path, capsys):
    # spec/cli.md: 'auditlib catalogue RUN_DIR... --out DIR', also with the option first.
    run = write_run_folder(tmp_path / "koersel")
    code, _, err = _run(["catalogue", "--out", str(tmp_path / "k"), str(run)], capsys)
    assert code == 0, err
    code, out, _ = _run(["catalogue", "--help"], capsys)
    assert code == 0 and "merge-comments" in out and "Eksempel:" in out


# -- sharing outside the cluster ---------------------------------------------------------
def test_no_plan_rows_leaves_out_plan_ids_and_statements(tmp_path: Path, capsys):
    from tests.catalogue_runs import STATEMENTS

    run = write_run_folder(tmp_path / "koersel")
    inside, outside = tmp_path / "klyngen", tmp_path / "deles"
    assert _run(["catalogue", str(run), "--out", str(inside)], capsys)[0] == 0
    assert _run(["catalogue", str(run), "--out", str(outside), "--no-plan-rows"], capsys)[0] == 0

    def cells(path: Path) -> str:
        book = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row
                         if c.value is not None)

    statement = STATEMENTS[1][1].lstrip("=")  # a grey-zone statement
    for folder, present in ((inside, True), (outside, False)):
        workbook = cells(folder / "snitfladekatalog.xlsx")
        page = (folder / "snitfladekatalog.html").read_text(encoding="utf-8")
        for text in (workbook, page):
            assert ("MK-2025-01" in text) is present
            assert (statement in text) is present
    assert "Udeladt i denne udgave" in cells(outside / "snitfladekatalog.xlsx")
    assert "audit_kriterier" in openpyxl.load_workbook(outside / "snitfladekatalog.xlsx").sheetnames


@pytest.mark.parametrize("proposal", [
    '- Ny titel: med kolon, #hash og "citat"',
    "Kort titel",
    "Lang tekst " * 30,
    "'Enkelt citat' i starten og æøå ÆØÅ",
    "Linje et\nlinje to i samme afsnit",
])
def test_any_accepted_text_reads_back_exactly(tmp_path: Path, content_dir: Path, blank: Path,
                                              proposal: str):
    filled = fill(blank, tmp_path / "syd.xlsx", {
        ("anbefalinger", "A05", "titel"): comment("Sydklyngen", "Ny tekst.", "accept", proposal),
        ("snitflader", "behandling", "ikke_hvis"): comment("Sydklyngen", "Ny.", "accept",
                                                           proposal)})
    merge_comments([filled], tmp_path / "v2", content_dir=content_dir)
    rows = {row.key: row for row in hearing_rows(load_content(tmp_path / "v2"))}
    expected = " ".join(proposal.split())
    assert rows[("anbefalinger", "A05", "titel")].text == expected
    assert rows[("snitflader", "behandling", "ikke_hvis")].text == expected


def test_the_catalogue_shows_each_items_status_origin_and_version(tmp_path: Path, capsys):
    run = write_run_folder(tmp_path / "koersel")
    assert _run(["catalogue", str(run), "--out", str(tmp_path / "k")], capsys)[0] == 0
    page = (tmp_path / "k" / "snitfladekatalog.html").read_text(encoding="utf-8")
    from auditlib.catalogue.content import hearing_items

    content = load_content()
    items = [item for model in (content.funktionstab, content.snitflader, content.anbefalinger,
                                content.kompetencer) for _, item in hearing_items(model)]
    from auditlib.catalogue.content import STATUS_TITLES

    labels = [f"{STATUS_TITLES[i.status]} · {i.klynge} · version {i.version}" for i in items]
    assert sum(page.count(f'hoering">{label}<') for label in set(labels)) == len(items)
    book = openpyxl.load_workbook(tmp_path / "k" / "snitfladekatalog.xlsx")
    for sheet in ("funktionstab", "snitflader", "anbefalinger", "kompetencer"):
        cells = [c.value for row in book[sheet].iter_rows() for c in row]
        assert "Oprindelse (klynge)" in cells and "Forslag" in cells, sheet
