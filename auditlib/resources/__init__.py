"""The data that travel with the package: demo registers, the statement corpus, reference
figures, the curated catalogue content and the notebooks.

They live at the top of the repository (``data/anonymized/``, ``data/statements/``,
``data/reference/``, ``catalogue/``, ``notebooks/``), where people edit them, and are
mapped into the package as ``auditlib.resources.<name>`` by ``setup.py``. They are read
through ``importlib.resources`` only, so an installed wheel works the same as a checkout.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

# resource name → the repository folder it is built from (see setup.py)
RESOURCE_DIRS: dict[str, str] = {
    "demo": "data/anonymized",
    "corpus": "data/statements",
    "reference": "data/reference",
    "catalogue": "catalogue",
    "notebooks": "notebooks",
    "heldout": "data/heldout",
}


@cache
def resource_dir(name: str) -> Path:
    """The folder of one resource package, as a file-system path (wheels are never zipped
    by pip, so the resources are plain files)."""
    if name not in RESOURCE_DIRS:
        raise KeyError(name)
    try:
        return Path(str(files(f"auditlib.resources.{name}")))
    except ModuleNotFoundError as exc:  # an install older than the mapping in setup.py
        raise ModuleNotFoundError(
            f"auditlib.resources.{name} ({RESOURCE_DIRS[name]}/) is not installed: "
            "reinstall the package (pip install -e . or pip install auditlib-*.whl)") from exc


def package_file(*parts: str) -> Path:
    """A file shipped inside the ``auditlib`` package itself (models, name lists, templates)."""
    return Path(str(files("auditlib").joinpath(*parts)))


def demo_dir() -> Path:
    return resource_dir("demo")


def corpus_dir() -> Path:
    return resource_dir("corpus")


def heldout_dir() -> Path:
    return resource_dir("heldout")


def reference_dir() -> Path:
    return resource_dir("reference")


def catalogue_dir() -> Path:
    return resource_dir("catalogue")


def notebook_dir() -> Path:
    return resource_dir("notebooks")


__all__ = ["RESOURCE_DIRS", "catalogue_dir", "corpus_dir", "demo_dir", "heldout_dir", "notebook_dir",
           "package_file", "reference_dir", "resource_dir"]
