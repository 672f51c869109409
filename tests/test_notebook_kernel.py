"""The kept kernel (``auditlib.notebooks.kernel.WarmKernel``): a notebook run in it gives
what a new kernel gives, nothing of one notebook reaches the next, and a kernel that died
is replaced."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import auditlib.notebooks as nb
from auditlib.demo import REGION_REGISTER
from auditlib.errors import NotebookError
from auditlib.notebooks.kernel import WarmKernel

pytestmark = pytest.mark.slow


def _comparable(path: Path) -> list[tuple]:
    """Each code cell's source, execution count and outputs, without what differs from
    run to run anyway (times, pandas' random table ids, object addresses)."""
    executed = nbformat.read(str(path), as_version=4)
    cells = []
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        outputs = repr([dict(o) for o in cell.outputs])
        outputs = re.sub(r"T_[0-9a-f]{5}", "T_x", outputs)
        outputs = re.sub(r"0x[0-9a-f]+", "0x", outputs)
        cells.append((cell.source, cell.execution_count, outputs))
    return cells


def _tiny_notebook(path: Path, *sources: str) -> Path:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, str(path))
    return path


def test_a_kept_kernel_gives_what_a_new_kernel_gives(tmp_path: Path):
    def params(folder: str) -> dict:
        return {"register": str(REGION_REGISTER), "cluster": "Vestklyngen",
                "out_dir": str(tmp_path / folder)}

    fresh = nb.execute_notebook("01_audit", tmp_path / "fresh.ipynb", params("fresh"))
    with WarmKernel() as kernel:
        # another cluster first, so the second run follows a notebook in the same kernel
        nb.execute_notebook("01_audit", tmp_path / "other.ipynb",
                            {**params("other"), "cluster": "Aarhusklyngen"}, kernel=kernel)
        kept = nb.execute_notebook("01_audit", tmp_path / "kept.ipynb", params("kept"),
                                   kernel=kernel)

    assert _comparable(kept)[2:] == _comparable(fresh)[2:]  # after the parameter cells
    assert [c[1] for c in _comparable(kept)] == list(range(1, len(_comparable(kept)) + 1))
    for name in ("criteria.csv", "statements.csv"):
        assert (tmp_path / "kept" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert (tmp_path / "other" / "criteria.csv").read_bytes() != \
        (tmp_path / "kept" / "criteria.csv").read_bytes()


def test_nothing_of_one_notebook_reaches_the_next(tmp_path: Path):
    (tmp_path / "warns.py").write_text(
        "import warnings\n\ndef warn():\n    warnings.warn('once per process')\n",
        encoding="utf-8")
    load = f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\nimport warns\nwarns.warn()"
    first = _tiny_notebook(tmp_path / "first.ipynb", "leftover = 1", load,
                           "import os\nos.chdir('/')")
    second = _tiny_notebook(
        tmp_path / "second.ipynb",
        "assert 'leftover' not in globals()\nimport os\nprint(os.getcwd())", load)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    with WarmKernel(warm=()) as kernel:
        nb.execute_notebook(first, tmp_path / "first-out.ipynb", kernel=kernel)
        out = nb.execute_notebook(second, tmp_path / "second-out.ipynb", cwd=elsewhere,
                                  kernel=kernel)
    cells = nbformat.read(str(out), as_version=4).cells
    assert [c.execution_count for c in cells] == [1, 2]
    assert cells[0].outputs[0]["text"].strip() == str(elsewhere)
    # a library's warning is shown again, as in a new kernel
    assert "once per process" in cells[1].outputs[0]["text"]


def test_an_error_in_a_kept_kernel_is_reported_and_the_kernel_is_reused(tmp_path: Path):
    failing = _tiny_notebook(tmp_path / "fails.ipynb", "raise ValueError('plan text')")
    fine = _tiny_notebook(tmp_path / "fine.ipynb", "x = 2\nx")
    with WarmKernel(warm=()) as kernel:
        with pytest.raises(NotebookError) as failure:
            nb.execute_notebook(failing, tmp_path / "fails-out.ipynb", kernel=kernel)
        pid = kernel.km.provisioner.pid
        out = nb.execute_notebook(fine, tmp_path / "fine-out.ipynb", kernel=kernel)
        assert kernel.km.provisioner.pid == pid
    assert "plan text" not in failure.value.message and "ValueError" in failure.value.message
    assert not (tmp_path / "fails-out.ipynb").exists()
    assert nbformat.read(str(out), as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "2"


def test_a_kernel_that_died_is_started_again(tmp_path: Path):
    fine = _tiny_notebook(tmp_path / "fine.ipynb", "1 + 1")
    with WarmKernel(warm=()) as kernel:
        nb.execute_notebook(fine, tmp_path / "one.ipynb", kernel=kernel)
        first = kernel.km
        kernel.km.provisioner.process.kill()
        kernel.km.provisioner.process.wait()
        out = nb.execute_notebook(fine, tmp_path / "two.ipynb", kernel=kernel)
        assert kernel.km is not first
    assert nbformat.read(str(out), as_version=4).cells[0].execution_count == 1
