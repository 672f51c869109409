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


def demo_files() -> list[Path]:
    """The demo registers a walkthrough starts from: the cluster in Excel, the region in
    CSV, and three plans as Markdown files."""
    files = [DEMO_REGISTER, REGION_REGISTER]
    if MARKDOWN_DEMO.is_dir():
        files += sorted(p for p in MARKDOWN_DEMO.iterdir() if p.suffix == ".md")
    return [p for p in files if p.is_file()]


def copy_demo(out_dir: str | Path) -> list[Path]:
    """Copy the demo registers into ``out_dir`` (Markdown plans in ``markdown-demo/``), so
    the README's walkthrough runs from an empty folder. A file already there with the same
    content is left as it is; one with other content is never overwritten."""
    import filecmp
    import shutil

    from auditlib.atomic import write_with
    from auditlib.errors import OutputError

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(msg("demo_ud_ikke_mappe", path=out_dir))
    plan = [(source, out_dir / source.relative_to(DEMO_DIR)) for source in demo_files()]
    clashes = [target for source, target in plan
               if target.exists() and not filecmp.cmp(source, target, shallow=False)]
    if clashes:
        raise OutputError(msg("demo_findes_allerede", path=out_dir,
                              names=", ".join(str(c.relative_to(out_dir)) for c in clashes)))
    written = []
    for source, target in plan:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            write_with(target, lambda tmp, source=source: shutil.copyfile(source, tmp))
        written.append(target)
    return written
