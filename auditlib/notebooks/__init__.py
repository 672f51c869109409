"""What the notebooks call: ``views`` (tables, charts, texts) and ``execute`` (papermill
and the HTML report). ``import auditlib.notebooks as nb`` gives both."""

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
from auditlib.notebooks.views import *  # noqa: F403
from auditlib.notebooks.views import __all__ as _views_all

__all__ = ["KERNEL_NAME", "NOTEBOOK_NAMES", "ensure_kernel", "execute_notebook",
           "export_html", "notebook_error", "notebook_path", "safe_errors", "warm_html_export", *_views_all]
