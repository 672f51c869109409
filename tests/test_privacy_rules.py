"""Issue 16's forms, one table per recognizer, and the engine rules: context words are
used, findings explain themselves, every column is scanned, a flagged plan_id is never
shown, the name lists travel in the package."""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlib.cli import cli
from auditlib.errors import PrivacyError
from auditlib.privacy import REGISTRY, guard_register, scan_register, scan_text
from auditlib.register import load_register

from .conftest import make_row, write_csv


def spans(text: str, kind: str) -> list[str]:
    return [text[f.start:f.end] for f in scan_text(text) if f.kind == kind]


FOUND = [
    ("cpr", "Nummer 170579\u20134487 i journalen.", "170579\u20134487"),
    ("cpr", "Nummer 170579 - 4487 i journalen.", "170579 - 4487"),
    ("cpr", "Nummer 170579/4487 i journalen.", "170579/4487"),
    ("cpr", "Nummer 170579.4487 i journalen.", "170579.4487"),
    ("cpr", "Nummer 170579\u00a04487 i journalen.", "170579\u00a04487"),
    ("cpr", "Nummer 170579\t4487 i journalen.", "170579\t4487"),
    ("cpr", "cpr.nr.1705794487", "1705794487"),
    ("telefon", "Ring 78.11.69.52 i dag.", "78.11.69.52"),
    ("telefon", "Ring 23\u00a045\u00a067\u00a089 i dag.", "23\u00a045\u00a067\u00a089"),
    ("telefon", "Ring 7757-6793 i dag.", "7757-6793"),
    ("telefon", "Ring (+45) 23 45 67 89 i dag.", "(+45) 23 45 67 89"),
    ("adresse", "Bor på Dronning Dagmars Vej 200.", "Dronning Dagmars Vej 200"),
    ("adresse", "Bor på Frede Juels Vej 75B, 2. tv. nu.", "Frede Juels Vej 75B, 2. tv."),
    ("adresse", "Bor på Syvvejen 6C nu.", "Syvvejen 6C"),
    ("adresse", "Bor på Drosselsti 140A nu.", "Drosselsti 140A"),
    ("adresse", "Flyttet til DK-8660 SKANDERBORG.", "DK-8660 SKANDERBORG"),
    ("navn", "Samtale med Tinna Andersen.", "Tinna Andersen"),
    ("navn", "Snorre Jørgensen deltog.", "Snorre Jørgensen"),
    ("navn", "Aftale med Ida i morgen.", "Ida"),
    ("navn", "Mikkel har svært ved at sove.", "Mikkel"),
    ("navn", "M. Jensen ringede.", "M. Jensen"),
    ("navn", "Deltager: Jensen, Mette.", "Jensen, Mette"),
    ("navn", "Deltager: METTE JENSEN.", "METTE JENSEN"),
    ("navn", "Mettes mor deltog.", "Mettes"),
    ("navn", "Kollegaen Mikkel hjælper.", "Mikkel"),
    ("navn", "Veninden Lise hjælper.", "Lise"),
    ("navn", "Bente Singh deltog.", "Bente Singh"),
    ("dato_foedsel", "Kvinde, 42 år, henvist.", "42 år"),
    ("dato_foedsel", "Mand 28 år, henvist.", "28 år"),
    ("dato_foedsel", "Den 67-årige kvinde udskrives.", "67-årige"),
    ("dato_foedsel", "38-årig, enlig.", "38-årig"),
    ("dato_foedsel", "Borgeren (52 år) bor alene.", "52 år"),
    ("dato_foedsel", "Sonja, 38 år, ønsker job.", "38 år"),
]

NOT_FOUND = [
    ("cpr", "Nummer 010130-4234 er i fremtiden."),
    ("telefon", "Beløb kr. 12345678 udbetalt."),
    ("telefon", "CVR 12345678 på firmaet."),
    ("telefon", "Journalnummer 12345678 i EPJ."),
    ("telefon", "Kontonummer 1234 5678 i banken."),
    ("telefon", "CPR 0101801234 er et cpr-nummer."),
    ("adresse", "Huslejen er 5000 Kr. om måneden."),
    ("adresse", "Fælledparken 3 km væk."),
    ("adresse", "I 2019 Psykiatrisk Center Glostrup."),
    ("adresse", "Sundhedsloven § 140."),
    ("adresse", "Træning i 4-6 uger."),
    ("navn", "Ønsker at bo i egen bolig."),
    ("navn", "Det var en stor lise."),
    ("navn", "Indlagt på Niels Steensens Hospital."),
    ("navn", "Samarbejde med Region Syddanmark, SIND og Psykiatrifonden."),
    ("dato_foedsel", "Ventetiden er 2 år."),
    ("dato_foedsel", "Uddannelsen er 4 år lang."),
    ("dato_foedsel", "3 år i behandling."),
    ("dato_foedsel", "Aldersgruppe 40-49 år."),
]


@pytest.mark.parametrize(("kind", "text", "value"), FOUND)
def test_issue_16_forms_are_found_whole(kind: str, text: str, value: str) -> None:
    assert value in spans(text, kind)


@pytest.mark.parametrize(("kind", "text"), NOT_FOUND)
def test_issue_16_look_alikes_are_not_found(kind: str, text: str) -> None:
    assert spans(text, kind) == []


def test_context_words_are_used_by_the_engine() -> None:
    # Outside the numbering plan: a phone number only when a context word says so.
    assert spans("Tlf. 12 34 56 78.", "telefon") == ["12 34 56 78"]
    assert spans("Koden 12 34 56 78.", "telefon") == []
    finding = scan_text("Tlf. 12 34 56 78.")[0]
    assert finding.context == "tlf." and "tlf." in REGISTRY["telefon"].context_words
    # Without its context words the same recognizer no longer finds it.
    bare = dataclasses.replace(REGISTRY["telefon"], context_words=frozenset())
    assert all(c.score < bare.min_score for c in bare.candidates("Tlf. 12 34 56 78."))


def test_finding_explains_pattern_context_and_score_without_value() -> None:
    finding = scan_text("Hun hedder Ida Hansen.")[0]
    text = finding.explain()
    assert finding.pattern == "navn_fuldt" and finding.context == "hedder"
    assert "navn_fuldt" in text and "hedder" in text and "Ida" not in text


def test_structured_columns_are_scanned(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "planer.csv", [make_row(plan_id="P-1", udskrevet="1705794487",
                                                        niveau="a.b@c.dk")])
    kinds = {(f.column, f.kind) for f in scan_register(load_register(path))}
    assert {("udskrevet", "cpr"), ("niveau", "email")} <= kinds
    result = CliRunner().invoke(cli, ["scan", str(path)])
    assert result.exit_code == 1


def test_flagged_plan_id_is_never_echoed(tmp_path: Path) -> None:
    secret = "0102611234"
    path = write_csv(tmp_path / "planer.csv", [make_row(plan_id="P-1"),
                                               make_row(plan_id=secret,
                                                        hensyn="Ring 23 45 67 89.")])
    register = load_register(path)
    with pytest.raises(PrivacyError) as info:
        guard_register(register)
    assert secret not in info.value.message and "række 3" in info.value.message
    runner = CliRunner()
    for args in (["scan", str(path)], ["scan", str(path), "--format", "csv"],
                 ["scan", str(path), "--explain"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and secret not in result.output, args
    out = tmp_path / "kopi.csv"
    runner.invoke(cli, ["scan", str(path), "--redact", str(out)])
    assert secret not in out.read_text(encoding="utf-8")
    assert secret in path.read_text(encoding="utf-8")  # the original is untouched


def test_name_and_street_lists_travel_in_the_package() -> None:
    data = resources.files("auditlib.privacy").joinpath("data")
    for name in ("fornavne.txt.gz", "efternavne.txt.gz", "vejnavne.txt.gz"):
        assert data.joinpath(name).is_file()
    import gzip

    head = gzip.decompress(data.joinpath("fornavne.txt.gz").read_bytes()).decode()[:300]
    assert "OS2datascanner" in head and "MPL-2.0" in head and "09610409" in head
    # setup.py's package data carries every *.gz under auditlib/ into the wheel
    setup = (Path(__file__).parents[1] / "setup.py").read_text(encoding="utf-8")
    assert '"**/*.gz"' in setup
