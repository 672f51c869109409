"""Running a notebook with papermill and exporting its report.

``execute_notebook`` runs one notebook of the package in a fresh kernel and turns a failed
cell into a ``NotebookError`` whose message never holds plan text; ``export_html`` writes
the report without input cells.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
from pathlib import Path

from auditlib.errors import AuditlibError, NotebookError, OutputError, error_classes
from auditlib.messages import msg
from auditlib.resources import notebook_dir

KERNEL_NAME = "python3"
NOTEBOOK_NAMES = ("01_audit", "02_catalogue", "03_counts", "04_classifier",
                  "05_missed")

# Errors whose message is safe to show as it is: the package's own, which by construction
# name only plan_id, column, kind and offsets (auditlib/errors.py). Anything else raised in a
# notebook cell could quote plan text, so only its type and cell are reported.


def safe_errors() -> dict[str, int]:
    """The package's error classes by name, with their exit code (the same as on the
    command line); looked up when a notebook fails, so every module's classes are known."""
    return {name: cls.exit_code for name, cls in error_classes().items()}


def notebook_path(name: str) -> Path:
    """The packaged notebook ``<name>.ipynb`` (``name`` with or without the suffix)."""
    stem = name.removesuffix(".ipynb")
    path = notebook_dir() / f"{stem}.ipynb"
    if not path.is_file():
        raise NotebookError(msg("notebook_findes_ikke", name=f"{stem}.ipynb", path=path.parent))
    return path


# -- running notebooks -----------------------------------------------------------------

def ensure_kernel(kernel_name: str = KERNEL_NAME) -> str:
    """Check the Jupyter kernel exists. jupyter_client supplies ``python3`` from ipykernel
    (the current interpreter) when it is not installed as a kernel spec, so a clean
    ``pip install -e .`` works without ``python -m ipykernel install``."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel as exc:
        raise NotebookError(msg("notebook_kerne_mangler", kernel=kernel_name)) from exc
    return kernel_name


def notebook_error(error: Exception, name: str) -> NotebookError:
    """A Danish NotebookError for a failed papermill run, without plan text."""
    ename = getattr(error, "ename", type(error).__name__)
    evalue = str(getattr(error, "evalue", "") or "")
    cell = getattr(error, "exec_count", None) or getattr(error, "cell_index", None)
    safe = safe_errors()
    if ename in safe and evalue:
        failure = NotebookError(msg("notebook_fejl_auditlib", name=name, message=evalue))
        failure.exit_code = safe[ename]
    else:
        failure = NotebookError(msg("notebook_fejl_celle", name=name, kind=ename,
                                    cell=cell if cell is not None else "?"))
    failure.ename = ename
    return failure


def _skip_slow_iri_checker() -> None:
    """Import jsonschema (nbformat's validator) without its "iri" format checker.

    jsonschema loads rfc3987-syntax when it is installed, and that package builds a
    grammar at import: 2-5 s of every papermill or nbconvert start
    (python-jsonschema/jsonschema#1392). The notebook schema has no "iri" formats, so
    the package is hidden while jsonschema imports and then made importable again.
    """
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # an import of it now raises ImportError
    try:
        import jsonschema  # noqa: F401 - imported here, without the checker
    finally:
        if sys.modules.get("rfc3987_syntax", ...) is None:
            del sys.modules["rfc3987_syntax"]


def execute_notebook(name: str | Path, out_path: str | Path, parameters: dict | None = None,
                     kernel_name: str = KERNEL_NAME, cwd: str | Path | None = None,
                     quiet: bool = True, kernel=None) -> Path:
    """Run a notebook with papermill into ``out_path`` (written atomically).

    ``name`` is one of NOTEBOOK_NAMES or a path. ``kernel`` is a ``WarmKernel`` to run in
    (reset first, so the notebook sees a new kernel's namespace); without it papermill
    starts and stops a kernel of its own. A failing cell raises NotebookError: the
    package's own errors keep their (safe) Danish message; any other only its type and cell.
    """
    _skip_slow_iri_checker()
    import papermill
    from papermill.exceptions import PapermillExecutionError

    source = Path(name) if str(name).endswith(".ipynb") and Path(name).is_file() \
        else notebook_path(str(name))
    ensure_kernel(kernel_name)
    out_path = Path(out_path)
    cwd = Path(cwd) if cwd is not None else Path.cwd()
    params = {k: (str(v) if isinstance(v, Path) else v) for k, v in (parameters or {}).items()}
    # The temporary file keeps the .ipynb suffix papermill expects; it replaces out_path
    # only when every cell ran.
    tmp = out_path.with_name(f".{out_path.stem}.{os.getpid()}.tmp.ipynb")
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        engine = {}
        if kernel is not None:
            from auditlib.notebooks.kernel import register_engine

            kernel.prepare(cwd)
            engine = {"engine_name": register_engine(), "km": kernel.km}
        with quiet_stderr(quiet):
            # Saved once at the end: it replaces out_path whole, so a save after every
            # cell (papermill's default, each one validating the notebook) buys nothing.
            papermill.execute_notebook(
                str(source), str(tmp), parameters=params, kernel_name=kernel_name,
                progress_bar=False, log_output=False, cwd=str(cwd), language="python",
                request_save_on_cell_execute=False, **engine)
        os.replace(tmp, out_path)
    except OSError as error:
        raise OutputError(msg("output_ikke_skrivbar", path=out_path)) from error
    except PapermillExecutionError as error:
        raise notebook_error(error, source.name) from None
    except AuditlibError:
        raise
    except Exception as error:  # a kernel that dies or cannot start: type only
        raise notebook_error(error, source.name) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return out_path


@contextlib.contextmanager
def quiet_stderr(quiet: bool):
    """Silence the kernel's start-up chatter (it inherits file descriptor 2)."""
    if not quiet:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@functools.cache
def _html_exporter():
    """One exporter per process: its templates and filters load on first use (about a
    second), and every report after that reuses them."""
    _skip_slow_iri_checker()
    from nbconvert import HTMLExporter

    return HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def _html_body(notebook) -> str:
    exporter = _html_exporter()
    # nbconvert warns that chart images have no alt text; the report is still complete.
    level = exporter.log.level
    exporter.log.setLevel(logging.ERROR)
    try:
        body, _ = exporter.from_notebook_node(notebook)
    finally:
        exporter.log.setLevel(level)
    return body


def warm_html_export() -> None:
    """Load nbconvert and the report template now (e.g. while a kernel runs the audit),
    so that ``export_html`` afterwards only renders."""
    import nbformat

    _html_body(nbformat.v4.new_notebook())


def export_html(executed: str | Path, html_path: str | Path) -> Path:
    """The executed notebook as an HTML report without input cells (written atomically)."""
    _skip_slow_iri_checker()
    import nbformat

    from auditlib.atomic import write_text_atomic

    notebook = nbformat.read(str(executed), as_version=4)
    body = _html_body(notebook)
    html_path = Path(html_path)
    write_text_atomic(html_path, body)
    return html_path


__all__ = ["KERNEL_NAME", "NOTEBOOK_NAMES", "safe_errors", "ensure_kernel", "execute_notebook",
           "export_html", "notebook_error", "notebook_path", "quiet_stderr", "warm_html_export"]
