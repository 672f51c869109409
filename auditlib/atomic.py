"""Atomic output: write to a temporary file beside the target, then rename.

A crash or Ctrl-C leaves either the old file or the new one, never half a file,
and a user's input is never a target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from auditlib.errors import OutputError
from auditlib.messages import msg


def guard_not_input(target: Path, *inputs: Path | None) -> None:
    """Refuse an output path that is one of the inputs."""
    for source in inputs:
        if source is None:
            continue
        try:
            if target.resolve() == Path(source).resolve():
                raise OutputError(msg("output_overskriver_input", path=target))
        except OSError:
            continue


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``target``."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(msg("output_ikke_skrivbar", path=target)) from exc
    os.close(fd)
    tmp_path = Path(tmp)
    # mkstemp creates the file for the owner only; give it the permissions a normal
    # new file gets (the umask), so colleagues can read the exports.
    with contextlib.suppress(OSError):
        os.chmod(tmp_path, 0o666 & ~_umask())
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text_atomic(target: str | Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")


def write_with(target: str | Path, writer: Callable[[Path], None]) -> None:
    """Call ``writer(tmp_path)`` and move the result into place."""
    with atomic_path(target) as tmp:
        writer(tmp)
