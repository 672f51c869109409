"""One Jupyter kernel kept warm for several notebook runs.

papermill starts a new kernel for every notebook, and that kernel then imports pandas,
scikit-learn, matplotlib and auditlib and loads the model: most of the time of a run on a
cluster's few hundred plans. A ``WarmKernel`` starts one kernel and lets it import what the
notebooks need while the caller goes on with its own work (checking the register, the
next cluster's bookkeeping). Before each notebook the kernel's namespace, execution count,
working directory and warning registry are reset, so every notebook runs as in a new
kernel: the same cells, the same outputs, the same execution counts. Only modules stay
imported, and a model already read from an unchanged file is not read again
(``views.audit_model``).

papermill runs the notebook against the kept kernel through the engine ``auditlib-warm``,
which closes the connection papermill's client opened and leaves the kernel running.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from auditlib.notebooks.execute import KERNEL_NAME

ENGINE_NAME = "auditlib-warm"
START_TIMEOUT = 120  # seconds for start-up and warm-up, generous on a busy machine

# Run in the kernel with store_history=False, so the execution count stays where it was.
_WARM_UP = "__import__('auditlib.notebooks.kernel', fromlist=['x']).warm_up({names!r})"
_RESET = "__import__('auditlib.notebooks.kernel', fromlist=['x']).reset_namespace({cwd!r})"


def warm_up(names: tuple[str, ...] = ("01_audit",)) -> None:
    """In the kernel: import what the notebooks ``names`` import and read the shipped
    model, so the first cells find them loaded. Nothing is left in the namespace."""
    import IPython.display  # noqa: F401 - every notebook's first import
    import matplotlib_inline.backend_inline  # noqa: F401 - `%matplotlib inline`

    import auditlib.notebooks as nb

    if "01_audit" in names:
        import matplotlib.pyplot  # noqa: F401 - the charts

        import auditlib.audit  # noqa: F401
        import auditlib.summary  # noqa: F401
        from auditlib.config import load_config

        with contextlib.suppress(Exception):  # a broken model fails in the notebook instead
            nb.audit_model(load_config())


def reset_namespace(cwd: str) -> None:
    """In the kernel: what a new kernel would have, short of re-importing modules."""
    import os
    import warnings

    from IPython import get_ipython

    get_ipython().reset(new_session=True)  # empty namespace, execution count 1
    os.chdir(cwd)
    # Warnings shown by the previous notebook are shown again, as in a new process.
    filters = warnings.filters[:]
    warnings.resetwarnings()
    warnings.filters[:] = filters


class WarmKernel:
    """A kernel started at once and warmed up in the background; ``prepare(cwd)`` before
    each notebook. A kernel that died is started again. Use as a context manager or call
    ``shutdown()``."""

    def __init__(self, kernel_name: str = KERNEL_NAME, warm: tuple[str, ...] = ("01_audit",),
                 quiet: bool = True) -> None:
        from auditlib.notebooks.execute import ensure_kernel

        self.kernel_name = ensure_kernel(kernel_name)
        self.warm = tuple(warm)
        self.quiet = quiet
        self.km = None
        self._client = None
        self.ready_at: float | None = None  # perf_counter() when the last prepare() ended
        self._start()

    # -- life cycle ------------------------------------------------------------------

    def _start(self) -> None:
        from jupyter_client import AsyncKernelManager, BlockingKernelClient
        from jupyter_core.utils import run_sync

        from auditlib.notebooks.execute import quiet_stderr

        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        with quiet_stderr(self.quiet):  # the kernel inherits file descriptor 2
            run_sync(self.km.start_kernel)()
        client = BlockingKernelClient()
        client.load_connection_info(self.km.get_connection_info())
        client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        self._client = client
        if self.warm:
            self._send(_WARM_UP.format(names=self.warm))  # runs while the caller works

    def alive(self) -> bool:
        from jupyter_core.utils import run_sync

        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def shutdown(self) -> None:
        from jupyter_core.utils import run_sync

        if self._client is not None:
            self._client.stop_channels()
            self._client = None
        if self.km is not None:
            km, self.km = self.km, None
            with contextlib.suppress(Exception):
                run_sync(km.shutdown_kernel)(now=True)
            with contextlib.suppress(Exception):
                run_sync(km.cleanup_resources)()

    def __enter__(self) -> WarmKernel:
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()

    # -- before each notebook --------------------------------------------------------

    def prepare(self, cwd: str | Path) -> None:
        """Reset the kernel for the next notebook (waits for the warm-up to finish); a
        kernel that died or cannot reset is replaced by a new one."""
        if not self.alive() or not self._run(_RESET.format(cwd=str(cwd))):
            self.shutdown()
            self._start()
            if not self._run(_RESET.format(cwd=str(cwd))):
                from auditlib.errors import NotebookError
                from auditlib.messages import msg

                raise NotebookError(msg("notebook_kerne_mangler", kernel=self.kernel_name))
        self.ready_at = time.perf_counter()

    def _send(self, code: str) -> str:
        return self._client.execute(code, silent=True, store_history=False,
                                    allow_stdin=False)

    def _run(self, code: str) -> bool:
        """Run ``code`` and wait for its reply: True when it ran without error."""
        msg_id = self._send(code)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                reply = self._client.get_shell_msg(timeout=1)
            except Exception:  # noqa: BLE001 - queue.Empty: no reply yet
                if not self.alive():
                    return False
                continue
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return reply["content"].get("status") == "ok"
        return False


def register_engine() -> str:
    """Register the papermill engine that runs a notebook against a kept kernel."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    class KeptKernelEngine(NBClientEngine):
        """NBClientEngine with the caller's kernel manager (``km``); the client's channels
        are closed after the run and the kernel is left running for the next notebook."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                     stdout_file=None, stderr_file=None, start_timeout=60,
                                     execution_timeout=None, **kwargs):
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs,
                timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                startup_timeout=start_timeout, kernel_name=kernel_name, log=logger,
                log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file)
            client = PapermillNotebookClient(nb_man, **final_kwargs)
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()
                    client.kc = None

    papermill_engines.register(ENGINE_NAME, KeptKernelEngine)
    return ENGINE_NAME


__all__ = ["ENGINE_NAME", "WarmKernel", "register_engine", "reset_namespace", "warm_up"]
