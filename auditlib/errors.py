"""Every exception the package raises on purpose, in one module.

Each carries a Danish message for the user and an exit code the CLI uses
(see ``spec/cli.md`` and the README's one rule: 0 = done and nothing found, 1 = done with
findings to report, 2 = the input or the command line cannot be used). A command that
*finds* things (validate, scan) exits 1 itself; every error raised here means the work
could not be done, so every class keeps exit code 2.
No message may contain a value from a plan: only plan_id, column, kind and offsets.
"""

from __future__ import annotations


class AuditlibError(Exception):
    """Base class: a problem the user can fix, with a Danish message."""

    exit_code = 2

    def __init__(self, message: str, *, problems: list | None = None,
                 listed: bool = False):
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])
        # True when ``message`` already lists the problems (the CLI then does not repeat them)
        self.listed = listed


class RegisterUnusableError(AuditlibError):
    """The register file cannot be read at all (type, encoding, corrupt, empty, columns)."""


class RegisterInvalidError(AuditlibError):
    """The register was read but has invalid rows; ``problems`` lists every one."""


class PrivacyError(AuditlibError):
    """The register holds text that looks like a direct identifier; ``problems`` are findings."""


class ConfigError(AuditlibError):
    """The configuration file cannot be used."""


class CatalogueContentError(AuditlibError):
    """The curated catalogue YAML does not follow its schema."""


class ModelError(AuditlibError):
    """The classifier model file is missing, untrusted or unusable."""


class RunDirError(AuditlibError):
    """A run folder is missing files or holds files of another format."""


class ReviewError(AuditlibError):
    """The review workbook cannot be imported; ``problems`` lists every row."""


class AuditInputError(AuditlibError):
    """The audit's own options cannot be used (unknown cluster, bad sample size)."""


class NotebookError(AuditlibError):
    """A notebook run failed."""


class OutputError(AuditlibError):
    """An output cannot be written (folder not writable, would overwrite the input)."""


class ExtractInvalidError(AuditlibError):
    """The discharge extract (``counts --discharges``) cannot be used; ``problems`` lists
    every problem found."""


def error_classes() -> dict[str, type[AuditlibError]]:
    """Every package error class by name (AuditlibError and all its subclasses)."""
    found: dict[str, type[AuditlibError]] = {}
    todo: list[type[AuditlibError]] = [AuditlibError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found
