"""One papermill run of the audit notebook per cluster, in parallel processes.

``run_batch`` loads the register once (an unusable file stops everything), then runs
``notebooks/01_audit.ipynb`` for every cluster in its own folder ``DIR/<klynge>/`` (the
executed notebook, ``rapport.html`` without input cells, and the run files). One
cluster's failure (bad rows, an identifier, a crash) is recorded in ``DIR/batch.json``
and does not stop the others; a second run skips the clusters already done.

Each of the ``jobs`` worker processes keeps one kernel (``notebooks.kernel.WarmKernel``)
for all the clusters it runs, reset before each notebook, so pandas, scikit-learn and the
model load once per job; the reports are exported in this process while the workers go
on with their next cluster.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import datetime as dt
import json
import multiprocessing
import os
import sys
import threading
import time
from pathlib import Path

from auditlib.atomic import write_text_atomic
from auditlib.errors import AuditlibError
from auditlib.messages import msg
from auditlib.text import slug

BATCH_FILE = "batch.json"
NOTEBOOK_FILE = "01_audit.ipynb"
REPORT_FILE = "rapport.html"
DONE, FAILED, SKIPPED = "faerdig", "fejlet", "sprunget_over"
SUPPORTED_BY = ("klynge",)  # the audit notebook selects plans by cluster


class BatchInputError(AuditlibError):
    """The batch's own options cannot be used (unknown column, no clusters, bad --jobs)."""


def cluster_folder(name: str) -> str:
    """A safe folder name for a cluster (æøå as ae/oe/aa, anything else as '-')."""
    return slug(name, default="klynge")


def _folders(clusters: list[str]) -> dict[str, str]:
    folders: dict[str, str] = {}
    used: set[str] = set()
    for cluster in clusters:
        base = folder = cluster_folder(cluster)
        number = 2
        while folder in used:
            folder, number = f"{base}-{number}", number + 1
        used.add(folder)
        folders[cluster] = folder
    return folders


def _read_previous(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("clusters", {})
    except (OSError, ValueError, AttributeError):
        return {}


# The worker process's kernel, kept for every cluster the worker runs (``_start_worker``).
_kernel = None


def _start_worker() -> None:
    """Start a worker's kernel: it imports pandas, scikit-learn and auditlib and reads the
    model once for all the worker's clusters. A kernel
    that cannot start leaves the worker with papermill's own kernel per cluster, whose
    failure is then reported per cluster."""
    global _kernel
    import atexit

    from auditlib import notebooks
    from auditlib.notebooks.kernel import WarmKernel

    try:
        _kernel = WarmKernel(notebooks.KERNEL_NAME)
    except Exception:  # noqa: BLE001 - reported by the cluster that runs without it
        _kernel = None
    else:
        atexit.register(_kernel.shutdown)


def run_cluster(register: str, cluster: str, folder: str, config_path: str | None,
                report: bool = True) -> dict:
    """Run the audit notebook for one cluster (in a worker process) and export its report
    (``report=False``: the caller exports it with ``export_report``).

    Never raises: the outcome is a status dict with a Danish error free of plan text.
    """
    from auditlib import notebooks

    started = time.perf_counter()
    out = Path(folder)

    def audit() -> None:
        (out / "run.json").unlink(missing_ok=True)  # a run.json means a complete, current run
        executed = notebooks.execute_notebook(
            "01_audit", out / NOTEBOOK_FILE,
            {"register": register, "cluster": cluster, "out_dir": str(out),
             "config": config_path}, kernel_name=notebooks.KERNEL_NAME, kernel=_kernel)
        if report:
            notebooks.export_html(executed, out / REPORT_FILE)

    return _outcome(audit, started)


def export_report(folder: str | Path, outcome: dict) -> dict:
    """Export a cluster's executed notebook as ``rapport.html`` after ``run_cluster(...,
    report=False)``: the outcome with the export's time added, or failed with its error."""
    from auditlib import notebooks

    if outcome["status"] != DONE:
        return outcome
    started = time.perf_counter() - float(outcome["seconds"])
    out = Path(folder)
    return _outcome(lambda: notebooks.export_html(out / NOTEBOOK_FILE, out / REPORT_FILE),
                    started)


def _outcome(step, started: float) -> dict:
    try:
        step()
        status, error = DONE, None
    except AuditlibError as failure:
        status, error = FAILED, failure.message
    except Exception as failure:  # noqa: BLE001 - one cluster's crash must not stop the batch
        status, error = FAILED, msg("batch_ukendt_fejl", kind=type(failure).__name__)
    return {"status": status, "seconds": round(time.perf_counter() - started, 2),
            "error": error}


def _warm_export() -> None:
    from auditlib import notebooks

    with contextlib.suppress(Exception):  # only a head start; a failure shows on export
        notebooks.warm_html_export()


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc=msg("batch_progress"), unit="klynge", file=sys.stderr,
                disable=not (enabled and sys.stderr.isatty()), leave=False)


def run_batch(register: str | Path, out_dir: str | Path, by: str = "klynge",
              jobs: int | None = None, force: bool = False,
              config_path: str | Path | None = None, progress: bool = True) -> dict:
    """Audit every cluster of ``register`` with the audit notebook; returns what
    ``DIR/batch.json`` holds: ``{"register", "by", "jobs", "started", "ended",
    "clusters": {name: {"folder", "status", "seconds", "error"}}}``.

    Raises RegisterUnusableError (the file cannot be read), ConfigError or
    BatchInputError before any cluster runs.
    """
    from auditlib.config import load_config
    from auditlib.register import load_register

    load_config(config_path)  # a bad configuration stops every cluster alike: say so once
    source = Path(register).resolve()
    loaded = load_register(source)
    if by not in SUPPORTED_BY or by not in loaded.frame.columns:
        raise BatchInputError(msg("batch_kolonne_mangler", name=loaded.name, by=by))
    clusters = sorted({str(v).strip() for v in loaded.frame[by].dropna() if str(v).strip()})
    if not clusters:
        raise BatchInputError(msg("batch_ingen_klynger", name=loaded.name, by=by))
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1:
        raise BatchInputError(msg("batch_jobs_ugyldig", jobs=jobs))

    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    batch_path = out / BATCH_FILE
    previous = _read_previous(batch_path)
    folders = _folders(clusters)
    from auditlib import __version__

    state = {"register": loaded.name, "register_sha256": loaded.sha256, "by": by,
             "package_version": __version__,
             "jobs": jobs, "started": _now(), "ended": None, "clusters": {}}
    todo = []
    for cluster in clusters:
        folder = out / folders[cluster]
        before = previous.get(cluster, {})
        if (not force and (folder / "run.json").is_file()
                and before.get("status") in (DONE, SKIPPED)):
            state["clusters"][cluster] = {"folder": folders[cluster], "status": SKIPPED,
                                          "seconds": 0.0, "error": None}
        else:
            todo.append(cluster)

    config = str(Path(config_path).resolve()) if config_path else None
    with _progress_bar(len(todo), progress) as bar:
        if todo:
            context = multiprocessing.get_context("spawn")
            # One worker process per job, each with one kernel for its share of clusters.
            # The reports are exported here, while the workers go on with the next
            # cluster, so nbconvert loads once and not in every worker.
            with futures.ProcessPoolExecutor(max_workers=min(jobs, len(todo)),
                                             mp_context=context,
                                             initializer=_start_worker) as pool:
                running = {pool.submit(run_cluster, str(source), cluster,
                                       str(out / folders[cluster]), config, False): cluster
                           for cluster in todo}
                ahead = threading.Thread(target=_warm_export, daemon=True)
                ahead.start()
                for future in futures.as_completed(running):
                    cluster = running[future]
                    try:
                        outcome = future.result()
                    except Exception as failure:  # noqa: BLE001 - a worker that died
                        outcome = {"status": FAILED, "seconds": 0.0,
                                   "error": msg("batch_ukendt_fejl",
                                                kind=type(failure).__name__)}
                    ahead.join()
                    outcome = export_report(out / folders[cluster], outcome)
                    state["clusters"][cluster] = {"folder": folders[cluster], **outcome}
                    _write_state(batch_path, state, clusters)
                    bar.update(1)
    state["ended"] = _now()
    _write_state(batch_path, state, clusters)
    return _ordered(state, clusters)


def _ordered(state: dict, clusters: list[str]) -> dict:
    done = state["clusters"]
    return {**state, "clusters": {c: done[c] for c in clusters if c in done}}


def _write_state(path: Path, state: dict, clusters: list[str]) -> None:
    text = json.dumps(_ordered(state, clusters), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(path, text)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def batch_exit_code(state: dict) -> int:
    """0: every cluster done or skipped; 1: at least one failed (findings to report)."""
    return 1 if any(c["status"] == FAILED for c in state["clusters"].values()) else 0


__all__ = ["BATCH_FILE", "BatchInputError", "DONE", "FAILED", "NOTEBOOK_FILE", "REPORT_FILE",
           "SKIPPED", "batch_exit_code", "cluster_folder", "export_report", "run_batch",
           "run_cluster"]
