"""criteria.csv and statements.csv of fixed registers, to show that a speed-up changed
no byte of the audit's results.

The registers: every demo register (``auditlib.demo.demo_files``: the cluster workbook,
the region CSV, the Markdown plans) and a varied register of 2,000 plans
(``benchmarks/varied_register.py``, seed 1). Each is audited (privacy gate on, as a user
runs it) and written with ``write_run``; the script prints a SHA-256 per file.

Run: python benchmarks/audit_outputs.py OUT [--against EARLIER_OUT]
With ``--against`` it compares byte for byte with an earlier run's folder (for example
one made on ``main``) and exits 1 when a file differs.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlib.audit import run_audit, write_run  # noqa: E402
from auditlib.classifier import load_model  # noqa: E402
from auditlib.config import load_config  # noqa: E402
from auditlib.demo import demo_files  # noqa: E402
from benchmarks.varied_register import varied_register  # noqa: E402

COMPARED = ("criteria.csv", "statements.csv")


def registers(tmp: Path) -> dict[str, Path]:
    found = {path.name: path for path in demo_files()}
    varied = tmp / "varieret-2000.csv"
    varied_register(2000, seed=1).to_csv(varied, index=False)
    found[varied.name] = varied
    return found


def write_outputs(out: Path) -> None:
    config = load_config()
    model = load_model(config.classifier.model)
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in registers(Path(tmp)).items():
            target = out / name
            target.mkdir(parents=True, exist_ok=True)
            write_run(run_audit(path, config, model=model), target)
            for file in COMPARED:
                digest = hashlib.sha256((target / file).read_bytes()).hexdigest()[:16]
                print(f"{name}/{file}: {digest}")


def compare(out: Path, earlier: Path) -> int:
    differing = []
    for folder in sorted(p for p in earlier.iterdir() if p.is_dir()):
        for file in COMPARED:
            if not filecmp.cmp(folder / file, out / folder.name / file, shallow=False):
                differing.append(f"{folder.name}/{file}")
    print("identical" if not differing else "DIFFERENT: " + ", ".join(differing))
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    write_outputs(args.out)
    return compare(args.out, args.against) if args.against else 0


if __name__ == "__main__":
    raise SystemExit(main())
