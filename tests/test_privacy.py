"""The privacy guard: one table per recognizer, look-alikes, property test, demo, CLI."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditlib.config import load_config
from auditlib.errors import PrivacyError
from auditlib.privacy import (
    REGISTRY,
    Finding,
    guard_register,
    redact_frame,
    refusal_message,
    scan_register,
    scan_text,
)
from auditlib.privacy.recognizers import cpr_birth_date, cpr_century
from auditlib.register import load_register

from .conftest import make_row, write_csv

ROOT = Path(__file__).resolve().parents[1]
DEMOS = [ROOT / "data/anonymized/midtklyngen-demo.xlsx", ROOT / "data/anonymized/region-demo.csv",
         ROOT / "data/anonymized/markdown-demo"]


def spans(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    """(kind, matched text) of every finding, for readable tables."""
    return [(f.kind, text[f.start:f.end]) for f in scan_text(text)
            if kind is None or f.kind == kind]


def found(text: str, value: str, kind: str) -> None:
    start = text.index(value)
    hits = [(f.kind, f.start, f.end) for f in scan_text(text)]
    assert (kind, start, start + len(value)) in hits, (hits, kind, value)


# -- positive tables: (text, the identifier in it) -----------------------------

CPR_CASES = [
    ("CPR 010261-1234 i journalen.", "010261-1234"),
    ("Nummer 0102611234.", "0102611234"),
    ("Nummer 010261 1234 her", "010261 1234"),
    ("Nummer 01.02.61-1234 her", "01.02.61-1234"),
    ("skudår 290296-1234 ok", "290296-1234"),      # 1996 is a leap year
    ("skudår 290200-4234 ok", "290200-4234"),      # 7th digit 4, yy 00 -> 2000, leap
    ("født 1858: 010158-5234", "010158-5234"),     # 7th digit 5, yy 58 -> 1858
]

TELEFON_CASES = [
    ("Ring på 23456789 i dag", "23456789"),
    ("Ring på 23 45 67 89 i dag", "23 45 67 89"),
    ("Ring på 2345 6789 i dag", "2345 6789"),
    ("Ring på 23-45-67-89 i dag", "23-45-67-89"),
    ("Ring på +45 23456789 i dag", "+45 23456789"),
    ("Ring på 0045 23 45 67 89 i dag", "0045 23 45 67 89"),
    ("Tlf. 12 34 56 78.", "12 34 56 78"),
]

EMAIL_CASES = [
    ("Skriv til kontakt@eksempel.dk, tak.", "kontakt@eksempel.dk"),
    ("mail: anne.hansen+plan@region-x.dk.", "anne.hansen+plan@region-x.dk"),
]

ADRESSE_CASES = [
    ("Bor på Æblevej 12 med sin hund.", "Æblevej 12"),
    ("Adresse: Nørregade 4, 2. tv. i byen", "Nørregade 4, 2. tv."),
    ("Flyttet til Kirkestræde 7B sidste år", "Kirkestræde 7B"),
    ("Bor i 7100 Vejle nu.", "7100 Vejle"),
    ("Flyttet til Rosenvænget 3 i foråret", "Rosenvænget 3"),
    ("Bor på Vejlevej 12-14 med bostøtte", "Vejlevej 12-14"),
    ("Kirkevej 4 st. tv. er adressen", "Kirkevej 4 st. tv."),
]

NAVN_CASES = [
    ("Borgerens datter Lise Hansen deltager.", "Lise Hansen"),
    ("Samtale med Mette Frederiksen i går.", "Mette Frederiksen"),
    ("Kontakt Anders Østergaard ved behov.", "Anders Østergaard"),
    ("Hun hedder Ida og er glad.", "Ida"),
    ("Aftale med kontaktperson Bo om bolig.", "Bo"),
    ("Har talt med fru Jensen om det.", "Jensen"),
]

DATO_CASES = [
    ("Borgeren er født 3. marts 1961 i Vejle.", "3. marts 1961"),
    ("Patient, f. 03.03.61, ambulant.", "03.03.61"),
    ("fødselsdato 1961-03-03 står i journalen", "1961-03-03"),
    ("Borgeren er 67 år og bor alene.", "67 år"),
    ("Hun er en 67-årig kvinde med depression.", "67-årig"),
]

POSITIVE = ([("cpr", *c) for c in CPR_CASES] + [("telefon", *c) for c in TELEFON_CASES]
            + [("email", *c) for c in EMAIL_CASES] + [("adresse", *c) for c in ADRESSE_CASES]
            + [("navn", *c) for c in NAVN_CASES] + [("dato_foedsel", *c) for c in DATO_CASES])


@pytest.mark.parametrize(("kind", "text", "value"), POSITIVE)
def test_recognizer_finds_with_exact_offsets(kind: str, text: str, value: str) -> None:
    found(text, value, kind)


# -- look-alikes that must not be flagged (spec/privacy.md) -------------------

NEGATIVE = [
    "Diagnose DF32.1 og DF41.1.",
    "Behandles med N06AB06 dagligt.",
    "Modtager 35.000 kr om året.",
    "Bostøtte efter servicelovens § 85.",
    "Genoptræning efter Sundhedsloven § 140.",
    "Træning i 4-6 uger.",
    "Træner 2 gange om ugen.",
    "Planen blev skrevet i 2025.",
    "Journalnummer 1234567890 i systemet.",
    "Indlagt på Psykiatrisk Afdeling Vejle.",
    "Ønsker at bo i egen bolig.",
    "Bo i egen bolig med støtte.",
    "Samarbejde med Region Syddanmark.",
    "Henvist til SIND og Psykiatrifonden.",
    "Har været syg i 3 år.",
    "Aldersgruppe 60-69.",
    "aldersgruppe 60-69",
    "Har 3 års erfaring som pædagog.",
    "Sygemeldt gennem 2 år.",
    "Debuterede for 5 år siden.",
    "Det var en stor lise at komme hjem.",
    "Går tur i sol og storm.",
    "Se https://www.sundhed.dk og https://www.sst.dk/da/udgivelser.",
    "Plan 290200-1234 her",       # 7th digit 1: 1900, not a leap year
    "Tallet 320161-1234 er ingen dato.",
    "Der er 12 deltagere i gruppen i 2024 og 2025.",
    "Postnummer nævnes ikke: 2 gange 3 uger.",
    "Lise fra Psykiatrifonden ringer.",
    "Kommunen bevilger en 3-årig uddannelse.",
    "Borgeren er i 3 år i forløbet.",
    "Han Jensen-agtig stil.",
    "Tidsrum 2024-2025 og 2024 2025.",
    "Arbejdsplads 4-6 uger om året.",
    "Snakker med sin mor. Bo i egen bolig er målet.",
    "Bor med 3 personer, 2 gange 4 uger.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_look_alikes_are_not_flagged(text: str) -> None:
    assert spans(text) == []


def test_institutions_without_number_are_no_address() -> None:
    assert spans("Psykiatrisk Center Nordvang og Klinik Stien", "adresse") == []


@pytest.mark.parametrize("text", ["Lars har svært ved at komme ud.",
                                  "Borgeren og Lars går tur hver dag.",
                                  "Mødet med Sofie blev aflyst."])
def test_first_name_alone_used_as_a_person_is_found(text: str) -> None:
    assert [f.kind for f in scan_text(text)] == ["navn"]


@pytest.mark.parametrize("text", ["Forventningen var 3000-4000 planer om året.",
                                  "Data fra perioden 2020-2025 er brugt."])
def test_number_ranges_are_not_phone_numbers(text: str) -> None:
    assert scan_text(text) == []


@pytest.mark.parametrize("text", ["Hans hjælper ham med indkøb.", "Bo i egen bolig.",
                                  "Storm og regn gør ham urolig."])
def test_name_words_that_are_ordinary_words_are_not_found(text: str) -> None:
    assert scan_text(text) == []


def test_capitalised_sentence_start_is_not_a_name() -> None:
    assert spans("Bo alene er svært. Storm over hovedet. Sol og varme.", "navn") == []


def test_lowercase_name_word_is_not_a_name_even_with_context() -> None:
    assert spans("datter lise hansen", "navn") == []


# -- CPR dates and centuries ---------------------------------------------------

@pytest.mark.parametrize(("yy", "seventh", "century"), [
    (61, 0, 1900), (61, 3, 1900), (20, 4, 2000), (37, 4, 1900), (36, 9, 2000), (80, 9, 1900),
    (57, 5, 2000), (58, 8, 1800),
])
def test_cpr_century(yy: int, seventh: int, century: int) -> None:
    assert cpr_century(yy, seventh) == century


@pytest.mark.parametrize(("digits", "date"), [
    ("2902961234", dt.date(1996, 2, 29)),
    ("2902004234", dt.date(2000, 2, 29)),
    ("2902001234", None),   # 1900 was no leap year
    ("3104611234", None),
    ("0013611234", None),
])
def test_cpr_birth_date(digits: str, date: dt.date | None) -> None:
    assert cpr_birth_date(digits) == date


def test_modulus11_only_raises_score() -> None:
    # 0707614285 passes modulus 11; 0707614286 does not but is still found.
    good = scan_text("nr 070761-4285")
    other = scan_text("nr 070761-4286")
    assert good[0].score == 1.0 and 0.5 < other[0].score < 1.0


def test_every_recognizer_is_declared() -> None:
    assert set(REGISTRY) == {"cpr", "telefon", "email", "adresse", "navn", "dato_foedsel"}
    for recognizer in REGISTRY.values():
        assert recognizer.reason and recognizer.tag.startswith("[")


# -- property test: planted identifiers in random Danish plan text --------------

WORDS = ("borgeren", "ønsker", "at", "genoptage", "træning", "i", "eget", "hjem", "med",
         "støtte", "fra", "kommunen", "og", "plan", "for", "angst", "depression", "mål",
         "uger", "gange", "om", "ugen", "§ 140", "4-6 uger", "DF32.1", "35.000 kr",
         "Borgeren", "Planen", "bo", "egen", "bolig", "Region Syddanmark", "i 3 år", "samtaler",
         "aftaler", "netværk", "struktur", "dagen", "hverdagen", "indkøb", "sygdomsindsigt.")


@st.composite
def cpr_numbers(draw) -> str:
    day = draw(st.dates(min_value=dt.date(1858, 1, 1), max_value=dt.date.today()))
    yy = day.year % 100
    if day.year < 1900:
        sevenths = [5, 6, 7, 8]
    elif day.year < 2000:
        sevenths = [0, 1, 2, 3] + ([4, 9] if yy > 36 else [])
    else:
        sevenths = ([4, 9] if yy <= 36 else []) + ([5, 6, 7, 8] if yy <= 57 else [])
    serial = f"{draw(st.sampled_from(sevenths))}{draw(st.integers(0, 999)):03d}"
    dd, mm, y2 = f"{day.day:02d}", f"{day.month:02d}", f"{yy:02d}"
    form = draw(st.sampled_from(["{d}{m}{y}-{s}", "{d}{m}{y}{s}", "{d}{m}{y} {s}",
                                 "{d}.{m}.{y}-{s}"]))
    return form.format(d=dd, m=mm, y=y2, s=serial)


@st.composite
def phone_numbers(draw) -> str:
    digits = str(draw(st.integers(20_000_000, 99_999_999)))
    form = draw(st.sampled_from(["{a}{b}{c}{d}", "{a} {b} {c} {d}", "{a}{b} {c}{d}",
                                 "{a}-{b}-{c}-{d}", "+45 {a}{b}{c}{d}", "0045 {a} {b} {c} {d}"]))
    return form.format(a=digits[0:2], b=digits[2:4], c=digits[4:6], d=digits[6:8])


emails = st.builds(lambda local, domain, tld: f"{local}@{domain}.{tld}",
                   st.from_regex(r"[a-z][a-z0-9]{0,8}(\.[a-z0-9]{1,6})?", fullmatch=True),
                   st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True),
                   st.sampled_from(["dk", "com", "org", "net"]))

planted = st.one_of(cpr_numbers().map(lambda v: ("cpr", v)),
                    phone_numbers().map(lambda v: ("telefon", v)),
                    emails.map(lambda v: ("email", v)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), planted),
                min_size=1, max_size=4),
       st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
def test_planted_identifiers_are_found_with_exact_offsets(chunks, tail) -> None:
    text, expected = "", []
    for words, (kind, value) in chunks:
        text += " ".join(words) + " "
        expected.append((kind, len(text), len(text) + len(value)))
        text += value + " "
    text += " ".join(tail)
    hits = {(f.kind, f.start, f.end) for f in scan_text(text)}
    for item in expected:
        assert item in hits


# -- registers ---------------------------------------------------------------------

@pytest.mark.parametrize("path", DEMOS, ids=lambda p: p.name)
def test_demo_registers_scan_clean(path: Path) -> None:
    register = load_register(path)
    assert scan_register(register) == []
    guard_register(register)  # does not raise


def _bad_register(tmp_path: Path) -> Path:
    rows = [make_row(plan_id="T-01", bemaerkninger="Ring til datter Lise Hansen på 23 45 67 89."),
            make_row(plan_id="T-02"),
            make_row(plan_id="T-03", hensyn="CPR 010261-1234 står i journalen.")]
    return write_csv(tmp_path / "planer.csv", rows)


def test_scan_register_finds_plan_column_and_offsets(tmp_path: Path) -> None:
    register = load_register(_bad_register(tmp_path))
    findings = scan_register(register)
    assert [(f.plan_id, f.column, f.kind, f.start, f.end) for f in findings] == [
        ("T-01", "bemaerkninger", "navn", 16, 27),
        ("T-01", "bemaerkninger", "telefon", 31, 42),
        ("T-03", "hensyn", "cpr", 4, 15),
    ]
    assert all(isinstance(f, Finding) for f in findings)


def test_plan_id_is_scanned_for_every_kind_and_never_shown() -> None:
    frame = pd.DataFrame({"plan_id": ["010261-1234", "Lise Hansen", "P-3"],
                          "klynge": ["X", "X", "X"],
                          "hensyn": ["Ring 23 45 67 89.", "-", "Ring 23 45 67 89."]})
    findings = scan_register(frame)
    assert [(f.row, f.column, f.kind) for f in findings] == [
        (0, "hensyn", "telefon"), (0, "plan_id", "cpr"), (1, "plan_id", "navn"),
        (2, "hensyn", "telefon")]
    shown = [str(f) for f in findings] + [str(f.as_row()) for f in findings]
    assert not any("010261" in line or "Lise" in line for line in shown)
    assert "række 2" in str(findings[0]) and "række 3" in str(findings[2])
    assert "P-3" in str(findings[3])


def test_guard_refuses_without_values(tmp_path: Path) -> None:
    register = load_register(_bad_register(tmp_path))
    with pytest.raises(PrivacyError) as info:
        guard_register(register)
    error = info.value
    assert error.exit_code == 2
    assert len(error.problems) == 3
    text = error.message + "".join(str(p) for p in error.problems) + repr(error.problems)
    for secret in ("Lise", "Hansen", "23 45 67 89", "010261"):
        assert secret not in text
    assert "3 sted(er) i 2 plan(er)" in error.message
    assert "T-03" in error.message and "hensyn" in error.message


def test_refusal_message_caps_listing() -> None:
    findings = [Finding(f"P-{i}", "maal", "cpr", 0, 11, 0.9, "x") for i in range(60)]
    message = refusal_message("planer.xlsx", findings)
    assert "… og 10 flere" in message
    assert message.count("type cpr") == 50


def test_redact_frame_replaces_with_tags(tmp_path: Path) -> None:
    register = load_register(_bad_register(tmp_path))
    redacted = redact_frame(register.frame, scan_register(register))
    assert redacted.loc[0, "bemaerkninger"] == "Ring til datter [NAVN] på [TELEFON]."
    assert redacted.loc[2, "hensyn"] == "CPR [CPR] står i journalen."
    assert "Lise Hansen" in register.frame.loc[0, "bemaerkninger"]  # input frame untouched
    assert scan_register(redacted) == []


def test_allow_list_per_cluster(tmp_path: Path) -> None:
    # Holm is a surname and, in this cluster, a town: after "kontaktperson" it looks like
    # a person unless the cluster allows the word.
    text = "Kontaktperson i Holm er udpeget."
    config_path = tmp_path / "auditlib.yaml"
    config_path.write_text("privacy:\n  allow_by_cluster:\n    Midtklyngen: [Holm]\n",
                           encoding="utf-8")
    config = load_config(config_path)
    assert [f.kind for f in scan_text(text, config=config)] == ["navn"]
    assert scan_text(text, config=config, cluster="Midtklyngen") == []
    assert [f.kind for f in scan_text(text, config=config, cluster="Sydklyngen")] == ["navn"]
    frame = pd.DataFrame({"plan_id": ["A", "B"], "klynge": ["Midtklyngen", "Sydklyngen"],
                          "maal": [text, text]})
    assert [f.plan_id for f in scan_register(frame, config=config)] == ["B"]


def test_config_kinds_switch_recognizers_off(tmp_path: Path) -> None:
    config_path = tmp_path / "auditlib.yaml"
    config_path.write_text("privacy:\n  kinds: [cpr]\n", encoding="utf-8")
    config = load_config(config_path)
    assert [f.kind for f in scan_text("010261-1234 og 23456789", config=config)] == ["cpr"]


# -- suppression -----------------------------------------------------------------

# -- command line ------------------------------------------------------------------

def _run(args: list[str]):
    from auditlib.cli import cli

    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.mark.parametrize("path", DEMOS, ids=lambda p: p.name)
def test_cli_clean_register_exit_0(path: Path) -> None:
    result = _run(["scan", str(path)])
    assert result.exit_code == 0
    assert "ingen personhenførbare" in result.output


def test_cli_findings_exit_1_csv_without_values(tmp_path: Path) -> None:
    register = _bad_register(tmp_path)
    result = subprocess.run([sys.executable, "-m", "auditlib", "scan", str(register),
                             "--format", "csv"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "plan_id,column,kind,start,end"
    assert lines[1:] == ["T-01,bemaerkninger,navn,16,27", "T-01,bemaerkninger,telefon,31,42",
                         "T-03,hensyn,cpr,4,15"]
    for secret in ("Lise", "Hansen", "23 45 67 89", "010261"):
        assert secret not in result.stdout + result.stderr


def test_cli_text_report(tmp_path: Path) -> None:
    result = _run(["scan", str(_bad_register(tmp_path))])
    assert result.exit_code == 1
    assert "plan T-03, kolonne hensyn, type cpr, tegn 4–15" in result.output
    assert "010261" not in result.output


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_cli_redact_writes_tags_and_keeps_input(tmp_path: Path, suffix: str) -> None:
    register = _bad_register(tmp_path)
    before = register.read_bytes()
    out = tmp_path / f"redigeret{suffix}"
    result = _run(["scan", str(register), "--redact", str(out)])
    assert result.exit_code == 1
    assert register.read_bytes() == before
    assert str(out) in result.output
    copy = load_register(out)
    assert copy.frame.loc[0, "bemaerkninger"] == "Ring til datter [NAVN] på [TELEFON]."
    assert scan_register(copy) == []


def test_cli_redact_refuses_to_overwrite_input(tmp_path: Path) -> None:
    register = _bad_register(tmp_path)
    before = register.read_bytes()
    result = subprocess.run([sys.executable, "-m", "auditlib", "scan", str(register),
                             "--redact", str(register)], capture_output=True, text=True)
    assert result.returncode == 2
    assert register.read_bytes() == before
    assert "Traceback" not in result.stderr


def test_cli_unusable_register_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "planer.txt"
    bad.write_text("x", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "auditlib", "scan", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_cli_cluster_allow_list(tmp_path: Path) -> None:
    register = write_csv(tmp_path / "planer.csv",
                         [make_row(plan_id="T-01",
                                   bemaerkninger="Kontaktperson i Holm er udpeget.")])
    config = tmp_path / "cfg.yaml"
    config.write_text("privacy:\n  allow_by_cluster:\n    Midtklyngen: [Holm]\n", encoding="utf-8")
    assert _run(["scan", str(register)]).exit_code == 1
    assert _run(["scan", str(register), "--config", str(config)]).exit_code == 0
    assert _run(["scan", str(register), "--config", str(config),
                 "--cluster", "Sydklyngen"]).exit_code == 1


def test_catalogue_gate_uses_the_guard(tmp_path: Path) -> None:
    from auditlib.catalogue import write_catalogue
    from auditlib.catalogue.privacy_gate import identifier_mask
    from tests.catalogue_runs import write_run_folder

    config = load_config(None)
    run = write_run_folder(tmp_path / "run")
    with pytest.raises(PrivacyError):
        write_catalogue([run], tmp_path / "ud", register=_bad_register(tmp_path), config=config)
    assert not (tmp_path / "ud").exists()
    mask = identifier_mask(pd.Series(["Ring 23456789", "Træning i 4-6 uger"]), config)
    assert mask.tolist() == [True, False]


# -- broadened name lists (issue 4 follow-up) ----------------------------------

LIST_NAMES = [
    ("Freja", "Østergaard"), ("Noah", "Iversen"), ("Fatima", "Hussein"), ("Mohammed", "Ahmed"),
    ("Inger", "Holm"), ("Poul", "Kjær"), ("Yusuf", "Yilmaz"), ("Zainab", "Khan"),
    ("Mette", "Lauridsen"), ("Jesper", "Friis"), ("Oscar", "Dahl"), ("William", "Bach"),
    ("Svend", "Berg"), ("Kirsten", "Schmidt"), ("Aisha", "Mohamed"), ("Henrik", "Nørgaard"),
    ("Alberte", "Thygesen"), ("Halfdan", "Kromann"), ("Ahmad", "Rahimi"), ("Hatice", "Demir"),
]


@pytest.mark.parametrize(("first", "last"), LIST_NAMES)
def test_listed_full_name_after_person_word(first: str, last: str) -> None:
    found(f"Kontaktperson er {first} {last}.", f"{first} {last}", "navn")


@pytest.mark.parametrize(("first", "last"), LIST_NAMES)
def test_listed_first_name_starting_a_sentence(first: str, last: str) -> None:
    found(f"Status: {first} har svært ved at komme ud af lejligheden.", first, "navn")


@pytest.mark.parametrize(("first", "last"), LIST_NAMES)
def test_listed_first_name_mid_sentence(first: str, last: str) -> None:
    found(f"Aftale med {first} i morgen.", first, "navn")


@pytest.mark.parametrize("text", [
    "Tage bussen alene til træning.",
    "Storm og regn gør det svært at komme ud.",
    "Bo i egen bolig med bostøtte.",
    "Liv og trivsel i hverdagen.",
    "Lykke er at have et arbejde.",
    "Tom for energi om aftenen.",
    "Rene hænder og rent tøj hver dag.",
    "Ro og hvile efter indlæggelsen.",
    "Sol og frisk luft hver dag.",
    "August er der opfølgende møde i netværket.",
    "Lise for de pårørende er vigtig.",
    "Glad for sit nye værksted.",
    "Ask om hjælp, når behovet opstår.",
    "Indlagt på Psykiatrisk Afdeling Lund i to uger.",
    "Lægen i Psykiatrisk Afdeling Lund vurderer behandlingen.",
    "Frank og ærlig dialog med borgeren.",
])
def test_ambiguous_name_words_in_ordinary_sentences(text: str) -> None:
    assert spans(text, "navn") == []


def test_name_lists_are_broad_and_capitalised() -> None:
    from auditlib.privacy.recognizers import NAME_WORDS, first_names, surnames

    # Danmarks Statistik's full lists, shipped in the package (OS2datascanner datasets)
    assert len(first_names()) >= 100_000
    assert len(surnames()) >= 3_000
    for name in first_names() | surnames():
        assert name[0].isupper(), name
    assert {"Inger", "Jesper", "Freja", "Mohammed", "Fatima"} <= first_names()
    assert {"Jensen", "Møller", "Vestergaard", "Ahmed", "Yilmaz"} <= surnames()
    # ordinary words that are also names are never flagged alone
    assert {"Bo", "Storm", "Tage", "Liv", "Lykke", "August"} <= NAME_WORDS
