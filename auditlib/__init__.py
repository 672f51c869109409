"""auditlib: audit of rehabilitation plans (genoptræningsplaner) from psychiatry
and the snitfladekatalog between health and social care."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("auditlib")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+ukendt"

__all__ = ["__version__"]
