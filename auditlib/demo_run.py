"""The whole demo in one library call: register → audit → run folder → catalogue.

``auditlib run`` is a thin wrapper around ``run_demo``; keeping the steps here means the
audit step goes through the papermill audit notebook without touching the CLI.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# The run folder's and the catalogue's modules (pandas, pydantic, openpyxl) are imported
# where they are used, so that the kernel starts before this process spends a second on
# imports it does not need yet.
CRITERIA_FILE, STATEMENTS_FILE, RUN_FILE = "criteria.csv", "statements.csv", "run.json"
XLSX_NAME = "snitfladekatalog.xlsx"
HTML_NAME = "snitfladekatalog.html"

DEFAULT_OUT = Path("output")
NOTEBOOK_NAME = "01_audit.ipynb"
REPORT_NAME = "audit_rapport.html"


def run_demo(out_dir: str | Path = DEFAULT_OUT, *, config=None,
             register_path: str | Path | None = None,
             timings: dict[str, float] | None = None) -> dict[str, Path]:
    """Validate and privacy-check the demo register, audit it through the audit notebook
    (papermill, as the forum and the batch do), then build its catalogue.

    Returns the files by kind: criteria, statements, run, notebook (the executed
    ``01_audit.ipynb``), report (``audit_rapport.html``, no input cells), xlsx, html.
    ``timings``, when given, gets the seconds from the call at which each step ended
    (``kernel_started``, ``register_checked``, ``kernel_ready``, ``notebook``,
    ``catalogue``, ``report``, ``done``) for benchmarks/bench_demo.py.
    """
    clock = Stopwatch()
    timings = {} if timings is None else timings
    from auditlib.demo import demo_register
    from auditlib.notebooks import KERNEL_NAME, execute_notebook, export_html
    from auditlib.notebooks.kernel import WarmKernel

    out_dir = Path(out_dir)
    source = Path(register_path) if register_path is not None else demo_register()
    # The kernel starts first and imports pandas, scikit-learn and auditlib and reads the
    # model while this process loads its own libraries and checks the register (the two
    # run on two cores). The check stops a bad register with its own error before the
    # notebook runs and before any file is written.
    with WarmKernel(KERNEL_NAME) as kernel:
        timings["kernel_started"] = clock.seconds
        from auditlib.config import load_config
        from auditlib.register import prepare_register

        config = config or load_config()
        register = prepare_register(source, config)
        timings["register_checked"] = clock.seconds
        (out_dir / RUN_FILE).unlink(missing_ok=True)  # run.json appears when the run is written
        ahead = _CatalogueAhead(out_dir, register, config, clock, timings)
        ahead.start()
        try:
            executed = execute_notebook(
                "01_audit", out_dir / NOTEBOOK_NAME,
                {"register": str(source.resolve()), "out_dir": str(out_dir.resolve()),
                 "config": config.source}, kernel_name=KERNEL_NAME, kernel=kernel)
        except BaseException:
            ahead.discard()
            raise
        timings["kernel_ready"] = kernel.ready_at - clock.start
        timings["notebook"] = clock.seconds
    report = export_html(executed, out_dir / REPORT_NAME)
    timings["report"] = clock.seconds
    written = ahead.publish()
    timings["done"] = clock.seconds
    return {
        "criteria": out_dir / CRITERIA_FILE,
        "statements": out_dir / STATEMENTS_FILE,
        "run": out_dir / RUN_FILE,
        "notebook": executed,
        "report": report,
        "xlsx": written["xlsx"],
        "html": written["html"],
    }


class _CatalogueAhead(threading.Thread):
    """The catalogue, built while the kernel still works.

    This process only waits while the kernel runs the notebook, so meanwhile it loads the
    report's and the catalogue's libraries, and as soon as the notebook has written the
    run (run.json comes last) it builds the catalogue into a staging folder while the
    kernel draws the charts. ``publish`` moves the files into the run folder once the
    notebook has finished; ``discard`` removes them when it failed.
    """

    def __init__(self, run_dir: Path, register, config, clock=None,
                 timings: dict | None = None) -> None:
        super().__init__(name="auditlib-catalogue-ahead", daemon=True)
        self.clock = clock or Stopwatch()
        self.timings = {} if timings is None else timings
        self.run_dir = run_dir
        self.register = register
        self.config = config
        self.staging = run_dir / f".snitfladekatalog-{os.getpid()}.tmp"
        self.notebook_ended = threading.Event()
        self.written: dict[str, Path] | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        from auditlib.catalogue import write_catalogue

        _load_ahead()
        run_file = self.run_dir / RUN_FILE
        while not run_file.is_file():
            if self.notebook_ended.wait(0.05) and not run_file.is_file():
                return  # the notebook ended without a run: nothing to build
        try:
            self.staging.mkdir(parents=True, exist_ok=True)
            self.written = write_catalogue([self.run_dir], self.staging,
                                           register=self.register, config=self.config)
            self.timings["catalogue"] = self.clock.seconds
        except BaseException as error:  # noqa: BLE001 - raised again by publish()
            self.error = error

    def publish(self) -> dict[str, Path]:
        """The catalogue's files in the run folder, by kind (xlsx, html)."""
        from auditlib.catalogue import write_catalogue

        self.notebook_ended.set()
        self.join()
        try:
            if self.error is not None:
                raise self.error
            if self.written is None:  # no run.json seen in time: build it now
                return write_catalogue([self.run_dir], self.run_dir,
                                       register=self.register, config=self.config)
            from auditlib.atomic import guard_not_input

            published = {}
            for kind, staged in self.written.items():
                published[kind] = self.run_dir / staged.name
                guard_not_input(published[kind], getattr(self.register, "source", None))
                os.replace(staged, published[kind])
            return published
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)

    def discard(self) -> None:
        self.notebook_ended.set()
        self.join()
        shutil.rmtree(self.staging, ignore_errors=True)


def _load_ahead() -> None:
    """Import and warm up what the HTML report and the catalogue use. Only a head start:
    anything that fails here fails again, with its own error, where it is used."""
    from auditlib.notebooks import warm_html_export

    with contextlib.suppress(Exception):
        warm_html_export()
    with contextlib.suppress(Exception):
        import scipy.linalg  # noqa: F401 - the catalogue's counts are suppressed with SciPy
        import scipy.optimize  # noqa: F401

        import auditlib.catalogue.html  # noqa: F401
        import auditlib.catalogue.xlsx  # noqa: F401


@dataclass(frozen=True)
class DemoSummary:
    cluster: str
    n_plans: int
    n_formal_failures: int  # plans with at least one formal requirement not met
    n_greyzone: int


def summarise_run(run_dir: str | Path) -> DemoSummary:
    """The few numbers ``auditlib run`` prints, read back from the run folder."""
    from auditlib.rundir import read_run

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
