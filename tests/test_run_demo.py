"""``auditlib run``: the whole demo writes the run folder, the report and the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlib.cli import main
from auditlib.errors import RegisterInvalidError
from tests.conftest import make_row, write_csv

FILES = ["criteria.csv", "statements.csv", "run.json", "01_audit.ipynb", "audit_rapport.html",
         "snitfladekatalog.xlsx", "snitfladekatalog.html"]


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


@pytest.mark.slow
def test_run_writes_every_file(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # from an empty folder, as a new user would
    code, out, err = _run(["run"], capsys)

    assert code == 0, err
    out_dir = tmp_path / "output"
    for name in FILES:
        assert (out_dir / name).is_file(), name
        assert name in out
    assert "planer" in out and "gråzoneudsagn" in out
    html = (out_dir / "snitfladekatalog.html").read_text(encoding="utf-8")
    assert 'lang="da"' in html


def test_a_bad_register_stops_the_demo_before_any_file_is_written(tmp_path: Path):
    """The same gate as the CLI: a bad row stops the demo before a kernel starts."""
    from auditlib.demo_run import run_demo

    register = write_csv(tmp_path / "demo.csv",
                         [make_row(plan_id="MK-2025-01"),
                          make_row(plan_id="MK-2025-02", niveau="ukendt-niveau")])
    with pytest.raises(RegisterInvalidError, match="MK-2025-02"):
        run_demo(tmp_path / "output", register_path=register)
    assert not (tmp_path / "output").exists()


@pytest.mark.slow
def test_a_notebook_that_fails_after_the_run_leaves_no_catalogue(tmp_path: Path, monkeypatch):
    """The catalogue is built while the kernel still draws the charts; when the notebook
    then fails, neither the catalogue nor its staging folder is left behind."""
    import auditlib.notebooks as nb
    from auditlib.demo_run import run_demo
    from auditlib.errors import NotebookError

    real = nb.execute_notebook

    def fails_at_the_end(*args, **kwargs):
        real(*args, **kwargs)  # the run folder is complete, the catalogue may be built
        raise NotebookError("Notebooken fejlede i sidste celle.")

    monkeypatch.setattr(nb, "execute_notebook", fails_at_the_end)
    out = tmp_path / "output"
    with pytest.raises(NotebookError):
        run_demo(out)
    assert (out / "run.json").is_file()
    assert sorted(p.name for p in out.iterdir() if "katalog" in p.name) == []


@pytest.mark.slow
def test_the_demo_catalogue_is_the_catalogue_of_its_run(tmp_path: Path):
    """Built ahead from the run folder, the catalogue equals one built afterwards."""
    from auditlib.catalogue import write_catalogue
    from auditlib.demo import demo_register
    from auditlib.demo_run import run_demo

    out = tmp_path / "output"
    paths = run_demo(out)
    again = write_catalogue([out], tmp_path / "again", register=demo_register())
    assert paths["html"].read_text(encoding="utf-8") == \
        again["html"].read_text(encoding="utf-8")
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
