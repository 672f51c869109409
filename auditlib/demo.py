"""Where the bundled demo data live."""

from __future__ import annotations

from pathlib import Path

from auditlib.errors import RegisterUnusableError
from auditlib.messages import msg

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = PROJECT_ROOT / "data" / "anonymized"
DEMO_REGISTER = DEMO_DIR / "midtklyngen-demo.xlsx"
REGION_REGISTER = DEMO_DIR / "region-demo.csv"


def demo_register() -> Path:
    if not DEMO_REGISTER.is_file():
        raise RegisterUnusableError(msg("fil_findes_ikke", path=DEMO_REGISTER))
    return DEMO_REGISTER
