"""The whole demo in one library call: register → audit → run folder → catalogue.

``auditlib run`` is a thin wrapper around ``run_demo``; keeping the steps here means the
audit step goes through the papermill audit notebook without touching the CLI.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from auditlib.catalogue import HTML_NAME, XLSX_NAME, write_catalogue
from auditlib.rundir import CRITERIA_FILE, RUN_FILE, STATEMENTS_FILE, read_run

DEFAULT_OUT = Path("output")
NOTEBOOK_NAME = "01_audit.ipynb"
REPORT_NAME = "audit_rapport.html"


def run_demo(out_dir: str | Path = DEFAULT_OUT, *, config=None,
             register_path: str | Path | None = None) -> dict[str, Path]:
    """Validate and privacy-check the demo register, audit it through the audit notebook
    (papermill, as the forum and the batch do), then build its catalogue.

    Returns the files by kind: criteria, statements, run, notebook (the executed
    ``01_audit.ipynb``), report (``audit_rapport.html``, no input cells), xlsx, html.
    """
    from auditlib.config import load_config
    from auditlib.demo import demo_register
    from auditlib.notebooks import KERNEL_NAME, execute_notebook, export_html
    from auditlib.notebooks.kernel import WarmKernel
    from auditlib.register import prepare_register

    config = config or load_config()
    out_dir = Path(out_dir)
    source = Path(register_path) if register_path is not None else demo_register()
    # The kernel imports pandas, scikit-learn and auditlib and reads the model while the
    # register is checked here (the two run on two cores). The check stops a bad register
    # with its own error before the notebook runs and before any file is written.
    with WarmKernel(KERNEL_NAME) as kernel:
        register = prepare_register(source, config)
        # This process waits while the kernel works: it loads the report's and the
        # catalogue's libraries meanwhile.
        ahead = threading.Thread(target=_load_ahead, name="auditlib-load-ahead", daemon=True)
        ahead.start()
        executed = execute_notebook(
            "01_audit", out_dir / NOTEBOOK_NAME,
            {"register": str(source.resolve()), "out_dir": str(out_dir.resolve()),
             "config": config.source}, kernel_name=KERNEL_NAME, kernel=kernel)
    ahead.join()
    report = export_html(executed, out_dir / REPORT_NAME)
    written = write_catalogue([out_dir], out_dir, register=register, config=config)
    return {
        "criteria": out_dir / CRITERIA_FILE,
        "statements": out_dir / STATEMENTS_FILE,
        "run": out_dir / RUN_FILE,
        "notebook": executed,
        "report": report,
        "xlsx": written["xlsx"],
        "html": written["html"],
    }


def _load_ahead() -> None:
    """Import and warm up what the HTML report and the catalogue use. Only a head start:
    anything that fails here fails again, with its own error, where it is used."""
    from auditlib.notebooks import warm_html_export

    with contextlib.suppress(Exception):
        warm_html_export()
    with contextlib.suppress(Exception):
        import auditlib.catalogue.html  # noqa: F401
        import auditlib.catalogue.xlsx  # noqa: F401
        import scipy.linalg  # noqa: F401 - the catalogue's counts are suppressed with SciPy
        import scipy.optimize  # noqa: F401


@dataclass(frozen=True)
class DemoSummary:
    cluster: str
    n_plans: int
    n_formal_failures: int  # plans with at least one formal requirement not met
    n_greyzone: int


def summarise_run(run_dir: str | Path) -> DemoSummary:
    """The few numbers ``auditlib run`` prints, read back from the run folder."""
    run = read_run(run_dir)
    return DemoSummary(cluster=run.cluster or "", n_plans=len(run.plan_ids),
                       n_formal_failures=run.n_plans_failing("formel"),
                       n_greyzone=run.n_greyzone())


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start


__all__ = ["DEFAULT_OUT", "DemoSummary", "HTML_NAME", "NOTEBOOK_NAME", "REPORT_NAME", "Stopwatch", "XLSX_NAME", "run_demo",
           "summarise_run"]
