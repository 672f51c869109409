"""What the notebooks call: ``views`` (tables, charts, texts) and ``execute`` (papermill
and the HTML report). ``import auditlib.notebooks as nb`` gives both.

The views (and with them pandas) load on first use, so that a caller that only starts a
kernel (``auditlib run``, the batch's workers) starts it without waiting for pandas.
"""

from auditlib.notebooks.execute import (
    KERNEL_NAME,
    NOTEBOOK_NAMES,
    ensure_kernel,
    execute_notebook,
    export_html,
    notebook_error,
    notebook_path,
    safe_errors,
    warm_html_export,
)


def _views():
    import importlib

    return importlib.import_module("auditlib.notebooks.views")


def __getattr__(name: str):
    if name in _views().__all__:
        return getattr(_views(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_views().__all__})


# and every name in views.__all__, loaded on first use (__getattr__)
__all__ = ["KERNEL_NAME", "NOTEBOOK_NAMES", "ensure_kernel", "execute_notebook",
           "export_html", "notebook_error", "notebook_path", "safe_errors",
           "warm_html_export"]
