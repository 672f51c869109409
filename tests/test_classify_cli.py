"""`auditlib classify` and `auditlib train` as users run them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import types
from dataclasses import dataclass

import pytest
import skops.io as sio
from click.testing import CliRunner

from auditlib.classifier import load_corpus, load_model
from auditlib.cli import cli, main
from auditlib.rundir import DECISION_COLUMNS
from auditlib.vocabulary import LABELS


def run_main(capsys, args: list[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(args)
    out, err = capsys.readouterr()
    return caught.value.code, out, err


def test_classify_text_splits_and_labels():
    result = CliRunner().invoke(cli, [
        "classify", "--text",
        "- Træning i at tage bussen alene, først med terapeut.\n"
        "- Bostøtte to gange om ugen jf. § 85.\n"
        "Vil gerne med i SINDs café. Jobcentret holder samtale i 3. uge."])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "1. Træning i at tage bussen alene, først med terapeut." in out
    assert "4. Jobcentret holder samtale i 3. uge." in out
    for label in ("genoptraening", "social", "civilsamfund", "beskaeftigelse"):
        assert f"({label})" in out
    assert "Vægtige ord:" in out


def test_classify_csv_has_exactly_the_contract_columns():
    result = CliRunner().invoke(cli, ["classify", "--format", "csv", "--text",
                                      "Rygestop i sundhedscentret. Henvist til psykolog."])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["statement", "label", "probability", "explanation"]
    assert [r[0] for r in rows[1:]] == ["Rygestop i sundhedscentret.", "Henvist til psykolog."]
    assert [r[1] for r in rows[1:]] == ["forebyggelse", "behandling"]
    assert all(0 <= float(r[2]) <= 1 and len(r[2].split(".")[-1]) <= 3 for r in rows[1:])
    assert "psykolog" in rows[2][3]


def test_classify_file_is_one_statement_per_line(tmp_path):
    path = tmp_path / "udsagn.txt"
    path.write_text("Bostøtte hver uge. Hjælp med post.\n\n  Frivillig besøgsven fra Røde Kors.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["classify", "--file", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["statement"] for r in rows] == ["Bostøtte hver uge. Hjælp med post.",
                                              "Frivillig besøgsven fra Røde Kors."]
    assert all(r["label"] in LABELS for r in rows)


@pytest.mark.parametrize("args", [[], ["--text", "Bostøtte", "--file", "x.txt"]])
def test_classify_needs_text_or_file(capsys, args):
    code, out, err = run_main(capsys, ["classify", *args])
    assert code == 2
    assert "--text" in err and "--file" in err and "Traceback" not in err


def test_classify_missing_file(capsys, tmp_path):
    code, _out, err = run_main(capsys, ["classify", "--file", str(tmp_path / "ingen.txt")])
    assert code == 2 and "findes ikke" in err


def test_classify_only_placeholders(capsys):
    code, _out, err = run_main(capsys, ["classify", "--text", "-\ningen\nse journal"])
    assert code == 2 and "ingen udsagn" in err


def test_classify_missing_model(capsys, tmp_path):
    code, _out, err = run_main(capsys, ["classify", "--text", "Bostøtte hver uge.",
                                        "--model", str(tmp_path / "ingen.skops")])
    assert code == 2 and "auditlib train" in err


class Untrusted:
    pass


def test_classify_refuses_an_untrusted_model(capsys, tmp_path):
    path = tmp_path / "evil.skops"
    sio.dump({"pipeline": Untrusted(), "metadata": {}}, path)
    code, _out, err = run_main(capsys, ["classify", "--text", "Bostøtte hver uge.",
                                        "--model", str(path)])
    assert code == 2
    assert "tests.test_classify_cli.Untrusted" in err and "stoler" in err


def test_classify_model_from_config(tmp_path):
    config = tmp_path / "auditlib.yaml"
    config.write_text(f"classifier:\n  model: {tmp_path / 'ingen.skops'}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["classify", "--text", "Bostøtte hver uge.",
                                      "--config", str(config)])
    assert result.exit_code != 0
    assert "ingen.skops" in str(result.exception)


@dataclass
class _Finding:
    kind: str
    start: int
    end: int


def test_classify_refuses_text_with_identifiers(capsys, monkeypatch):
    secret = "Hemmeligsen"
    fake = types.ModuleType("auditlib.privacy.scan")
    fake.scan_text = lambda text: ([_Finding("navn", text.index(secret), text.index(secret) + 11)]
                                   if secret in text else [])
    monkeypatch.setitem(sys.modules, "auditlib.privacy", types.ModuleType("auditlib.privacy"))
    monkeypatch.setitem(sys.modules, "auditlib.privacy.scan", fake)
    code, out, err = run_main(capsys, ["classify", "--text",
                                       f"Bostøtte hver uge.\nRing til {secret} i morgen."])
    assert code == 2
    assert "navn" in err and "linje 2, tegn 9-20" in err
    assert secret not in err and secret not in out


def test_classify_refuses_a_cpr_number_with_the_real_guard(capsys):
    pytest.importorskip("auditlib.privacy.scan")
    code, out, err = run_main(capsys, ["classify", "--text", "Borger med cpr 010203-1234 har "
                                                             "brug for bostøtte."])
    assert code == 2
    assert "010203" not in err and "010203" not in out


def test_classify_help_is_danish():
    result = CliRunner().invoke(cli, ["classify", "--help"], prog_name="auditlib")
    assert result.exit_code == 0
    assert "Brug: auditlib classify" in result.output and "Eksempel" in result.output


# -- train ---------------------------------------------------------------------------------

def _small_corpus_dir(tmp_path, per_label: int = 25):
    corpus = load_corpus()
    folder = tmp_path / "korpus"
    folder.mkdir()
    small = corpus.groupby("label").head(per_label)
    small.assign(statement_id=[f"t{i}" for i in range(len(small))],
                 borderline=small["borderline"].map({True: "true", False: "false"}))[
        ["statement_id", "statement", "label", "field", "borderline"]
    ].to_csv(folder / "korpus.csv", index=False)
    return folder, small


def test_train_prints_the_report_and_writes_model_and_json(tmp_path):
    folder, small = _small_corpus_dir(tmp_path)
    model_path, report = tmp_path / "model.skops", tmp_path / "tal.json"
    result = CliRunner().invoke(cli, ["train", "--corpus", str(folder), "--out", str(model_path),
                                      "--report", str(report)])
    assert result.exit_code == 0, result.output
    out = result.output
    for heading in ("Resultat pr. sektor", "Præcision", "Genkaldelse", "Forvekslingsmatrix",
                    "Makro-F1: model", "nøgleordsliste", "Grænsetilfælde", "fold 5 af 5"):
        assert heading in out
    numbers = json.loads(report.read_text(encoding="utf-8"))
    for key in ("macro_f1", "baseline_macro_f1", "per_label", "borderline", "n", "folds",
                "seconds", "confusion_matrix", "model_version"):
        assert key in numbers
    assert numbers["n"] == len(small) and numbers["folds"] == 5
    assert load_model(model_path).metadata["n_statements"] == len(small)


def test_train_with_decisions_and_no_eval(tmp_path):
    folder, small = _small_corpus_dir(tmp_path, 15)
    decisions = tmp_path / "decisions.csv"
    with decisions.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=DECISION_COLUMNS)
        writer.writeheader()
        writer.writerow({"plan_id": "MK-01", "kind": "udsagn", "field": "maal",
                         "statement_no": "1", "statement": "Struktur i hverdagen.",
                         "decision": "social"})
    model_path, report = tmp_path / "model.skops", tmp_path / "tal.json"
    result = CliRunner().invoke(cli, ["train", "--corpus", str(folder), "--decisions",
                                      str(decisions), "--out", str(model_path), "--report",
                                      str(report), "--no-eval"])
    assert result.exit_code == 0, result.output
    assert "Makro-F1" not in result.output and not report.exists()
    assert load_model(model_path).metadata["n_decisions"] == 1


def test_train_refuses_a_wrong_model_suffix(capsys, tmp_path):
    code, _out, err = run_main(capsys, ["train", "--out", str(tmp_path / "model.pkl"),
                                        "--no-eval"])
    assert code == 2 and ".skops" in err


def test_train_refuses_a_bad_corpus(capsys, tmp_path):
    (tmp_path / "k.csv").write_text("statement_id,statement,label,field,borderline\n"
                                    "a,Tekst,ukendt,maal,false\n", encoding="utf-8")
    code, _out, err = run_main(capsys, ["train", "--corpus", str(tmp_path), "--out",
                                        str(tmp_path / "m.skops"), "--no-eval"])
    assert code == 2 and "række 2" in err and "Tekst" not in err


def test_classify_as_a_real_subprocess():
    done = subprocess.run(["auditlib", "classify", "--format", "csv", "--text",
                           "Virksomhedspraktik tre dage om ugen."],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].split(",")[1] == "beskaeftigelse"


def test_classify_shows_an_unsettled_statement_with_both_sectors():
    result = CliRunner().invoke(cli, ["classify", "--text", "Hjælp."])
    assert result.exit_code == 0, result.output
    assert "Uafklaret:" in result.output and " / " in result.output


def test_train_report_prints_the_most_influential_words_per_sector(tmp_path):
    folder, _small = _small_corpus_dir(tmp_path)
    model_path = tmp_path / "model.skops"
    result = CliRunner().invoke(cli, ["train", "--corpus", str(folder), "--out", str(model_path),
                                      "--report", str(tmp_path / "tal.json")])
    assert result.exit_code == 0, result.output
    assert "mest vægtige ord pr. sektor" in result.output
    assert "Genoptræning: " in result.output
