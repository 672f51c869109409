"""The snitfladekatalog: curated content (catalogue/*.yaml) merged with audit runs,
published as an Excel workbook and a self-contained HTML page."""

from __future__ import annotations

from pathlib import Path

from auditlib.catalogue.content import CatalogueContent, load_content
from auditlib.catalogue.merge import Catalogue, build_catalogue, load_runs
from auditlib.rundir import Run

XLSX_NAME = "snitfladekatalog.xlsx"
HTML_NAME = "snitfladekatalog.html"


def write_catalogue(runs: list[str | Path | Run], out_dir: str | Path, *,
                    content_dir: str | Path | None = None, register=None,
                    config=None, missed: list | None = None, plan_rows: bool = True,
                    hearing: bool = False) -> dict[str, Path]:
    """Build the catalogue from run folders and write both files into ``out_dir``.

    ``register``: a path (loaded, validated and privacy-checked here) or a loaded
    ``Register``; it adds plans per quarter. Everything is checked before anything is
    written (content schema, runs, register), and each file is written atomically.
    ``missed``: folders (or runs) of 'auditlib missed audit'; they add the part
    "Planer der ikke blev lavet". ``plan_rows=False`` leaves out the plan-level rows (plan
    ids, statements) for sharing outside the cluster; ``hearing`` also writes the hearing
    workbook (auditlib.catalogue.hearing). Returns {"xlsx": path, "html": path} (and
    "hearing").
    """
    from auditlib.atomic import guard_not_input
    from auditlib.catalogue.html import write_catalogue_html
    from auditlib.catalogue.xlsx import write_catalogue_xlsx
    from auditlib.config import load_config
    from auditlib.register import prepare_register

    config = config or load_config()
    content = load_content(content_dir)
    loaded = [r if isinstance(r, Run) else None for r in runs]
    paths = [Path(r) for r in runs if not isinstance(r, Run)]
    loaded = [r for r in loaded if r is not None] + load_runs(paths)
    register_obj = None if register is None else prepare_register(register, config)
    catalogue = build_catalogue(loaded, content, register=register_obj, config=config,
                                missed=missed)
    catalogue.plan_rows = plan_rows
    out_dir = Path(out_dir)
    targets = {"xlsx": out_dir / XLSX_NAME, "html": out_dir / HTML_NAME}
    if hearing:
        from auditlib.catalogue.hearing import HEARING_NAME

        targets["hearing"] = out_dir / HEARING_NAME
    for target in targets.values():
        guard_not_input(target, getattr(register_obj, "source", None))
    write_catalogue_xlsx(catalogue, targets["xlsx"])
    write_catalogue_html(catalogue, targets["html"])
    if hearing:
        from auditlib.catalogue.hearing import write_hearing_workbook

        write_hearing_workbook(content, targets["hearing"])
    return targets


__all__ = ["Catalogue", "CatalogueContent", "HTML_NAME", "XLSX_NAME", "build_catalogue",
           "load_content", "load_runs", "write_catalogue"]
