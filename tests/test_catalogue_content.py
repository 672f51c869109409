"""The curated catalogue content: the shipped YAML passes its schema; broken copies are
refused with every problem at once, each naming file, entry and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditlib.catalogue.content import DEFAULT_CONTENT_DIR, FILES, load_content
from auditlib.cli import main
from auditlib.errors import CatalogueContentError
from auditlib.vocabulary import LABELS


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "catalogue"
    target.mkdir()
    for name in FILES:
        shutil.copy(DEFAULT_CONTENT_DIR / name, target / name)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(directory: Path) -> list[str]:
    with pytest.raises(CatalogueContentError) as caught:
        load_content(directory)
    return [str(p) for p in caught.value.problems]


def test_shipped_content_passes_the_schema():
    content = load_content()
    assert [d.id for d in content.funktionstab.domaener] == [
        "bevaegelse", "aktivitet", "mental", "social"]
    items = [p.id for d in content.funktionstab.domaener for p in d.punkter]
    assert {"1a", "1b", "1c", "2a", "2e", "3a", "3f", "4a"} <= set(items)
    assert [s.id for s in content.snitflader.snitflader] == list(LABELS)
    assert content.snitflader.graazoner, "the known grey zones are part of the catalogue"
    assert content.anbefalinger.opfoelgningsprocedure.trin
    assert {c.side for c in content.kompetencer.kompetencer} >= {"hospital", "kommune"}


def test_every_law_reference_names_its_act():
    # DOMAIN.md: a paragraph is never stored without its act (SUL §140 vs SEL §140).
    content = load_content()
    for interface in content.snitflader.snitflader:
        for ref in interface.lovgrundlag:
            assert ref.lov and ref.tekst


def test_broken_copy_reports_all_problems_with_file_entry_and_key(content_copy: Path):
    _edit(content_copy / "snitflader.yaml", 'paragraf: "140"', "paragraf: 140")
    _edit(content_copy / "snitflader.yaml", "label: civilsamfund", "label: frivillige")
    _edit(content_copy / "anbefalinger.yaml", "maalgruppe: hospital", "maalgruppe: sygehus")
    _edit(content_copy / "kompetencer.yaml", "[K01, K02]", "[K01, K99]")
    _edit(content_copy / "funktionstab.yaml", "    titel: Bevægelsesmæssige",
          "    tittel: Bevægelsesmæssige")

    problems = _problems(content_copy)

    assert len(problems) == 6  # the misspelt key is both unknown and a missing 'titel'
    joined = "\n".join(problems)
    assert "snitflader.yaml, post snitflader 'genoptraening' › lovgrundlag nr. 1, " \
           "nøgle 'paragraf'" in joined
    assert "nøgle 'label'" in joined and "'civilsamfund'" in joined
    assert "anbefalinger.yaml, post anbefalinger 'A01', nøgle 'maalgruppe'" in joined
    assert "kompetencer.yaml, post kompetencer 'KH01'" in joined and "K99" in joined
    assert "funktionstab.yaml, post domaener 'bevaegelse', nøgle 'tittel'" in joined
    assert "funktionstab.yaml, post domaener 'bevaegelse', nøgle 'titel'" in joined


def test_yaml_syntax_error_names_the_line(content_copy: Path):
    path = content_copy / "kompetencer.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("- id: KH02"))
    lines[index] = "\t" + lines[index]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    problems = _problems(content_copy)

    assert len(problems) == 1
    assert problems[0].startswith("kompetencer.yaml: ")
    assert f"linje {index + 1}" in problems[0]


def test_missing_file_duplicate_id_and_removed_interface(content_copy: Path):
    (content_copy / "anbefalinger.yaml").unlink()
    _edit(content_copy / "kompetencer.yaml", "id: KH02", "id: KH01")
    text = (content_copy / "snitflader.yaml").read_text(encoding="utf-8")
    # Rename the last interface: the six sectors must all be there.
    (content_copy / "snitflader.yaml").write_text(
        text.replace("  - id: civilsamfund\n", "  - id: social\n", 1), encoding="utf-8")

    problems = _problems(content_copy)

    joined = "\n".join(problems)
    assert "anbefalinger.yaml: filen mangler" in joined
    assert "kompetencer.yaml, post kompetencer 'KH01', nøgle 'id': id'et findes flere gange" \
        in joined
    assert "posten 'civilsamfund' mangler" in joined


def test_cli_prints_every_problem_and_exits_2(content_copy: Path, tmp_path: Path, capsys):
    from tests.catalogue_runs import write_run_folder

    run = write_run_folder(tmp_path / "run")
    _edit(content_copy / "anbefalinger.yaml", "maalgruppe: hospital", "maalgruppe: sygehus")
    _edit(content_copy / "kompetencer.yaml", "[K01, K02]", "[K01, K99]")

    with pytest.raises(SystemExit) as exit_:
        main(["catalogue", str(run), "--out", str(tmp_path / "ud"),
              "--content", str(content_copy)])

    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "2 problem(er)" in err
    assert "anbefalinger.yaml, post anbefalinger 'A01', nøgle 'maalgruppe'" in err
    assert "kompetencer.yaml, post kompetencer 'KH01'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "ud").exists(), "nothing is written when the content is invalid"


# -- the hearing keys: id, status, origin cluster, version on every item -----------------------
def test_every_item_carries_status_origin_and_version():
    from auditlib.catalogue.content import STATUSES, hearing_items

    content = load_content()
    for model in (content.funktionstab, content.snitflader, content.anbefalinger,
                  content.kompetencer):
        items = hearing_items(model)
        assert items
        for _, item in items:
            assert item.id and item.status in STATUSES and item.klynge
            assert 1 <= item.version <= model.version


def test_bad_hearing_keys_are_reported_with_entry_and_key(content_copy: Path):
    _edit(content_copy / "kompetencer.yaml", "  - id: KH02\n    status: forslag",
          "  - id: KH02\n    status: vedtaget")
    _edit(content_copy / "anbefalinger.yaml", "  - id: A03\n    status: forslag\n"
          "    klynge: Midtklyngen\n", "  - id: A03\n    status: forslag\n")
    _edit(content_copy / "funktionstab.yaml", "      - id: 1b\n        status: forslag\n"
          "        klynge: Midtklyngen\n        version: 1",
          "      - id: 1b\n        status: forslag\n        klynge: Midtklyngen\n        version: 4")
    _edit(content_copy / "snitflader.yaml", "  - id: social\n    status: forslag",
          "  - id: social\n    status: Til høring")

    problems = _problems(content_copy)

    joined = "\n".join(problems)
    assert len(problems) == 3, problems
    assert "kompetencer.yaml, post kompetencer 'KH02', nøgle 'status'" in joined
    assert "'til_hoering'" in joined
    assert "anbefalinger.yaml, post anbefalinger 'A03', nøgle 'klynge': nøglen mangler" in joined
    assert "funktionstab.yaml, post domaener 'bevaegelse' › punkter '1b', nøgle 'version'" \
        in joined


def test_natural_spelling_of_a_status_is_accepted(content_copy: Path):
    _edit(content_copy / "snitflader.yaml", "  - id: social\n    status: forslag",
          "  - id: social\n    status: Til høring")
    assert load_content(content_copy).snitflader.by_label("social").status == "til_hoering"


def test_the_four_files_share_one_version(content_copy: Path):
    _edit(content_copy / "kompetencer.yaml", "\nversion: 1\n", "\nversion: 2\n")
    problems = _problems(content_copy)
    assert len(problems) == 4
    assert all("samme version" in p for p in problems)
