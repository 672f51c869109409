"""Where the bundled demo data live (packaged resources, see auditlib/resources)."""

from __future__ import annotations

from pathlib import Path

from auditlib.errors import RegisterUnusableError
from auditlib.messages import msg
from auditlib.resources import demo_dir

DEMO_DIR = demo_dir()
DEMO_REGISTER = DEMO_DIR / "midtklyngen-demo.xlsx"
REGION_REGISTER = DEMO_DIR / "region-demo.csv"
MARKDOWN_DEMO = DEMO_DIR / "markdown-demo"


def demo_register() -> Path:
    if not DEMO_REGISTER.is_file():
        raise RegisterUnusableError(msg("fil_findes_ikke", path=DEMO_REGISTER))
    return DEMO_REGISTER
