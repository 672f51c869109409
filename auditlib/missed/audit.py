"""The missed-plans audit: the privacy gate, the contract, then every M criterion per discharge.

``run_missed_audit`` is what ``auditlib missed audit`` and the missed-plans notebook call;
``write_missed_run`` writes the run folder (one atomic file at a time, the json last).
The folder holds no free text: the catalogue part reads it without meeting plan prose.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from auditlib import __version__
from auditlib.atomic import guard_not_input, write_text_atomic
from auditlib.criteria.base import Plan, Settings
from auditlib.errors import PrivacyError, RunDirError
from auditlib.messages import msg
from auditlib.missed.columns import FREE_TEXT_COLUMNS, ID_COLUMN
from auditlib.missed.criteria import MISSED_CRITERIA
from auditlib.missed.load import MissedRegister, prepare_missed_register

RESULTS_FILE = "missed.csv"
DISCHARGES_FILE = "missed_discharges.csv"
RUN_FILE = "missed.json"
RESULT_COLUMNS = [ID_COLUMN, "criterion_id", "result", "note"]
# The structured columns the catalogue part counts (never free text).
DISCHARGE_COLUMNS = [ID_COLUMN, "klynge", "afdeling", "kommune", "kvartal", "kontakttype",
                     "diagnosegruppe", "aldersgruppe", "funktionstab_beskrevet",
                     "behov_vurderet", "vurderet_af", "aarsag_ingen_plan"]


@dataclass
class MissedResult:
    results: pd.DataFrame  # RESULT_COLUMNS, one row per discharge and criterion
    discharges: pd.DataFrame  # DISCHARGE_COLUMNS, one row per discharge
    meta: dict = field(default_factory=dict)


@dataclass
class MissedRun:
    path: Path
    results: pd.DataFrame
    discharges: pd.DataFrame
    meta: dict

    @property
    def cluster(self) -> str:
        return str(self.meta.get("cluster") or "")


def scan_missed_register(register: MissedRegister, config=None, cluster: str | None = None):
    """The privacy scan of a missed-plans register (``auditlib.privacy.scan_register``).

    The scan knows the plan register's key ``plan_id``; the discharge id is given to it
    under that name, so it gets the key's own kinds and every finding names the discharge.
    """
    from auditlib.privacy import scan_register

    view = register.frame.rename(columns={ID_COLUMN: "plan_id"})
    return [dataclasses.replace(f, column=ID_COLUMN) if f.column == "plan_id" else f
            for f in scan_register(view, config=config, cluster=cluster)]


def guard_missed_register(register: MissedRegister, config=None,
                          cluster: str | None = None) -> None:
    """Raise PrivacyError (exit code 2) when the register holds a suspected identifier."""
    from auditlib.privacy import refusal_message

    findings = scan_missed_register(register, config, cluster)
    if findings:
        raise PrivacyError(refusal_message(register, findings), problems=findings, listed=True)


def discharge_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The structured columns of each discharge, with the diagnosis group of the notat."""
    from auditlib.counts import diagnosis_group

    table = frame.assign(diagnosegruppe=frame["diagnose"].map(diagnosis_group))
    return table[DISCHARGE_COLUMNS].astype("string")


def run_missed_audit(register, config=None, *, cluster: str | None = None,
                     gate: bool = True) -> MissedResult:
    """Every missed-plans criterion on every discharge of ``register`` (a path or a loaded
    register), after ``prepare_missed_register``: the cluster, the privacy gate, the contract.

    Raises PrivacyError (an identifier; nothing of the text in the message),
    RegisterInvalidError (rows break the contract) or AuditInputError (unknown cluster).
    ``gate=False`` is only for callers that prepared this very register themselves.
    """
    from auditlib.config import load_config

    config = config or load_config()
    started = dt.datetime.now().astimezone()
    clock = time.perf_counter()
    chosen = prepare_missed_register(register, config, cluster, gate=gate)
    frame = chosen.frame.sort_values(ID_COLUMN, kind="stable").reset_index(drop=True)
    settings = Settings(config.criteria.stated_min_words, config.criteria.timely_days,
                        config.criteria.complexity_domains)
    rows = []
    for values in frame.astype(object).where(frame.notna(), None).to_dict("records"):
        row = Plan(values, [], settings)
        for criterion in MISSED_CRITERIA.values():
            outcome = criterion.run(row)
            rows.append((values[ID_COLUMN], criterion.id, outcome.result, outcome.note))
    results = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    quarters = frame["kvartal"].value_counts().sort_index()
    meta = {
        "kind": "missed",
        "register": chosen.source.name,
        "register_sha256": chosen.sha256,
        "n_discharges": int(len(frame)),
        "n_discharges_register": chosen.n_register or int(len(frame)),
        "cluster": cluster or _single(frame["klynge"]),
        "clusters": sorted(frame["klynge"].dropna().unique().tolist()),
        "criteria": list(MISSED_CRITERIA),
        "free_text_columns": list(FREE_TEXT_COLUMNS),
        "config": config.source,
        "package_version": __version__,
        "quarters": {str(q): int(n) for q, n in quarters.items()},
        "started": started.isoformat(timespec="seconds"),
        "ended": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - clock, 3),
    }
    return MissedResult(results, discharge_table(frame), meta)


def _single(values: pd.Series) -> str | None:
    found = values.dropna().unique().tolist()
    return str(found[0]) if len(found) == 1 else None


def write_missed_run(result: MissedResult, out_dir: str | Path, *,
                     inputs: tuple = ()) -> dict[str, Path]:
    """Write missed.csv, missed_discharges.csv and missed.json (each atomically; the json
    last, so a folder with a missed.json is complete)."""
    out_dir = Path(out_dir)
    paths = {"results": out_dir / RESULTS_FILE, "discharges": out_dir / DISCHARGES_FILE,
             "run": out_dir / RUN_FILE}
    for path in paths.values():
        guard_not_input(path, *inputs)
    paths["run"].unlink(missing_ok=True)
    write_text_atomic(paths["results"], result.results.to_csv(index=False, lineterminator="\n"))
    write_text_atomic(paths["discharges"],
                      result.discharges.to_csv(index=False, lineterminator="\n"))
    write_text_atomic(paths["run"], json.dumps(result.meta, ensure_ascii=False, indent=2) + "\n")
    return paths


def read_missed_run(path: str | Path) -> MissedRun:
    """Read a folder written by ``write_missed_run``; RunDirError when it is not one."""
    path = Path(path)
    if not path.is_dir():
        raise RunDirError(msg("koersel_findes_ikke", path=path))
    for name in (RESULTS_FILE, DISCHARGES_FILE, RUN_FILE):
        if not (path / name).is_file():
            raise RunDirError(msg("mu_ikke_en_koersel", path=path, name=name))
    frames = {}
    for name, columns in ((RESULTS_FILE, RESULT_COLUMNS), (DISCHARGES_FILE, DISCHARGE_COLUMNS)):
        try:
            frame = pd.read_csv(path / name, dtype="string", keep_default_na=False,
                                encoding="utf-8")
        except (OSError, UnicodeDecodeError, pd.errors.ParserError,
                pd.errors.EmptyDataError) as exc:
            raise RunDirError(msg("koersel_fil_ulaeselig", name=name, folder=path)) from exc
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise RunDirError(msg("koersel_kolonner_mangler", name=name, folder=path,
                                  missing=", ".join(missing)))
        frames[name] = frame.replace("", pd.NA)
    try:
        meta = json.loads((path / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RunDirError(msg("koersel_runjson_ulaeselig", name=RUN_FILE, path=path)) from exc
    return MissedRun(path, frames[RESULTS_FILE], frames[DISCHARGES_FILE], meta)


__all__ = ["DISCHARGE_COLUMNS", "MissedResult", "MissedRun", "RESULT_COLUMNS",
           "guard_missed_register", "read_missed_run", "run_missed_audit",
           "scan_missed_register", "write_missed_run"]
