"""The whole demo in one library call: register → audit → run folder → catalogue.

``auditlib run`` is a thin wrapper around ``run_demo``; keeping the steps here means the
audit step can later go through the papermill audit notebook without touching the CLI.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from auditlib.catalogue import HTML_NAME, XLSX_NAME, write_catalogue
from auditlib.rundir import CRITERIA_FILE, RUN_FILE, STATEMENTS_FILE, read_run

DEFAULT_OUT = Path("output")


def run_demo(out_dir: str | Path = DEFAULT_OUT, *, config=None,
             register_path: str | Path | None = None) -> dict[str, Path]:
    """Validate, privacy-check and audit the demo register, then build its catalogue.

    Returns the five files by kind: criteria, statements, run, xlsx, html.
    """
    from auditlib.audit import run_audit, write_run
    from auditlib.catalogue import load_gated_register
    from auditlib.config import load_config
    from auditlib.demo import demo_register

    config = config or load_config()
    out_dir = Path(out_dir)
    source = Path(register_path) if register_path is not None else demo_register()
    register = load_gated_register(source, config)
    result = run_audit(register, config)
    write_run(result, out_dir)
    written = write_catalogue([out_dir], out_dir, register=register, config=config)
    return {
        "criteria": out_dir / CRITERIA_FILE,
        "statements": out_dir / STATEMENTS_FILE,
        "run": out_dir / RUN_FILE,
        "xlsx": written["xlsx"],
        "html": written["html"],
    }


@dataclass(frozen=True)
class DemoSummary:
    cluster: str
    n_plans: int
    n_formal_failures: int  # plans with at least one formal requirement not met
    n_greyzone: int


def summarise_run(run_dir: str | Path) -> DemoSummary:
    """The few numbers ``auditlib run`` prints, read back from the run folder."""
    from auditlib.catalogue.criteria_info import criteria_info

    run = read_run(run_dir)
    formal = {cid for cid, info in criteria_info().items() if info.alvor == "formel"}
    failed = run.criteria[run.criteria["result"].eq("ikke_opfyldt")
                          & run.criteria["criterion_id"].isin(formal)]
    return DemoSummary(cluster=run.cluster or "", n_plans=len(run.plan_ids),
                       n_formal_failures=int(failed["plan_id"].nunique()),
                       n_greyzone=int(run.statements["greyzone"].sum()))


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start


__all__ = ["DEFAULT_OUT", "DemoSummary", "HTML_NAME", "Stopwatch", "XLSX_NAME", "run_demo",
           "summarise_run"]
