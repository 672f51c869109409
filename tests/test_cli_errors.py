"""Every error path a user can meet on the command line: a Danish message, the right exit
code, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlib.cli import main
from auditlib.demo import DEMO_REGISTER


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "noter.txt").write_text("ikke et register", encoding="utf-8")
    (tmp_path / "tom.csv").write_text("", encoding="utf-8")
    (tmp_path / "forkert.yaml").write_text("kriterier:\n  aktive: [K01]\n", encoding="utf-8")
    (tmp_path / "tom_mappe").mkdir()
    (tmp_path / "ikke.xlsx").write_bytes(b"PK\x03\x04 ikke en rigtig projektmappe")
    return {"dir": str(tmp_path), "txt": str(tmp_path / "noter.txt"),
            "empty": str(tmp_path / "tom.csv"), "config": str(tmp_path / "forkert.yaml"),
            "emptydir": str(tmp_path / "tom_mappe"), "badxlsx": str(tmp_path / "ikke.xlsx"),
            "missing": str(tmp_path / "findes-ikke.xlsx"), "demo": str(DEMO_REGISTER),
            "out": str(tmp_path / "ud")}


CASES = [
    ("ukendt kommando", ["frobnicate"]),
    ("ukendt valgmulighed", ["validate", "{demo}", "--hurtigt"]),
    ("manglende argument", ["validate"]),
    ("fil findes ikke", ["validate", "{missing}"]),
    ("forkert filtype", ["validate", "{txt}"]),
    ("tom fil", ["validate", "{empty}"]),
    ("beskadiget xlsx", ["audit", "{badxlsx}", "--out", "{out}"]),
    ("audit uden --out", ["audit", "{demo}"]),
    ("ukendt klynge", ["audit", "{demo}", "--out", "{out}", "--cluster", "Østklyngen"]),
    ("negativ stikprøve", ["audit", "{demo}", "--out", "{out}", "--sample", "-3"]),
    ("seed uden sample", ["audit", "{demo}", "--out", "{out}", "--seed", "3"]),
    ("forkert konfiguration", ["audit", "{demo}", "--out", "{out}", "--config", "{config}"]),
    ("konfiguration findes ikke", ["counts", "{demo}", "--config", "{missing}"]),
    ("scan af manglende fil", ["scan", "{missing}"]),
    ("redact over input", ["scan", "{demo}", "--redact", "{demo}"]),
    ("classify uden tekst", ["classify"]),
    ("classify med manglende fil", ["classify", "--file", "{missing}"]),
    ("katalog uden kørselsmappe", ["catalogue", "{emptydir}", "--out", "{out}"]),
    ("review export uden kørsel", ["review", "export", "{emptydir}", "--out", "{out}.xlsx"]),
    ("review import af manglende fil", ["review", "import", "{missing}", "--run", "{emptydir}"]),
    ("review agreement uden kørsel", ["review", "agreement", "{missing}"]),
    ("compare uden kørsler", ["compare", "{emptydir}", "{missing}"]),
    ("counts af manglende fil", ["counts", "{missing}"]),
    ("batch af manglende fil", ["batch", "{missing}", "--by", "klynge", "--out", "{out}"]),
    ("skabelon til en mappe", ["template", "--out", "{dir}"]),
    ("skabelon med forkert filtype", ["template", "--out", "{out}.csv"]),
    ("train med tom korpusmappe", ["train", "--corpus", "{emptydir}", "--no-eval",
                                   "--out", "{out}.skops"]),
]


@pytest.mark.parametrize(("what", "argv"), CASES, ids=[c[0] for c in CASES])
def test_error_path_is_danish_without_traceback(what, argv, files, capsys):
    args = [a.format(**files) for a in argv]
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = capsys.readouterr()
    assert exit_.value.code == 2, f"{what}: exit {exit_.value.code}\n{out}\n{err}"
    assert "Traceback" not in out + err
    assert err.strip(), f"{what}: ingen besked på stderr"
    assert "Fejl" in err or "Brug:" in err, err
    # said in Danish and points to what to do
    assert any(w in err.lower() for w in ("prøv", "brug", "ret", "se ", "tjek", "lav", "vælg", "udfyld",
                                          "angiv", "kør", "gem", "fjern", "læs")), err
