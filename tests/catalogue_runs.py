"""Small synthetic run folders for the catalogue tests (the contract's files and columns)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from auditlib.rundir import CRITERIA_COLUMNS, DECISION_COLUMNS, STATEMENT_COLUMNS

CRITERIA = ["K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10", "K11",
            "Q01", "Q02", "Q03", "Q04", "Q05", "Q06"]

# Statements as a plan writes them: a bullet, a formula-looking line, a plain sentence.
STATEMENTS = [
    ("genoptraeningsbehov", "- Træning i at strukturere dagen med ugeskema.", "genoptraening",
     0.91, False),
    ("genoptraeningsbehov", "=Bostøtten kommer to gange om ugen og hjælper med post.", "social",
     0.55, True),
    ("maal", "+Kommer i SINDs café en gang om ugen.", "civilsamfund", 0.48, True),
    ("maal", "@Mentor fra jobcentret hjælper med morgenrutinen.", "beskaeftigelse", 0.51, True),
    ("maal", "- Handler selv ind to gange om ugen inden for 8 uger.", "genoptraening", 0.52, True),
    ("oevrige_indsatser", "Fortsat ambulant kontrol i lokalpsykiatrien.", "behandling", 0.97,
     False),
]


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def write_run_folder(path: Path, *, cluster: str = "Midtklyngen", n_plans: int = 6,
                     prefix: str = "MK", failing: dict[str, int] | None = None,
                     decisions: bool = False, started: str = "2026-01-10T10:00:00",
                     quarters: dict[str, int] | None = None,
                     extra_statements: list[tuple] | None = None,
                     units: list[tuple[str, str]] | None = None) -> Path:
    """A run folder; ``failing`` maps criterion id -> how many plans fail it.
    ``units``: (afdeling, kommune) per plan, written to plans.csv (none without it)."""
    failing = {"K10": 3, "Q02": 4, "Q04": 3, "K02": 1} if failing is None else failing
    path.mkdir(parents=True, exist_ok=True)
    plan_ids = [f"{prefix}-2025-{i:02d}" for i in range(1, n_plans + 1)]
    criteria_rows = []
    for index, plan_id in enumerate(plan_ids):
        for criterion in CRITERIA:
            result = "ikke_opfyldt" if index < failing.get(criterion, 0) else "opfyldt"
            if criterion in ("K06", "K08"):
                result = "ikke_relevant"
            criteria_rows.append({"plan_id": plan_id, "criterion_id": criterion,
                                  "result": result, "note": "Syntetisk note."})
    _write(path / "criteria.csv", CRITERIA_COLUMNS, criteria_rows)
    statement_rows = []
    for plan_id in plan_ids:
        numbers: dict[str, int] = {}
        for field, text, label, probability, greyzone in STATEMENTS + (extra_statements or []):
            numbers[field] = numbers.get(field, 0) + 1
            statement_rows.append({"plan_id": plan_id, "field": field,
                                   "statement_no": numbers[field], "statement": text,
                                   "label": label, "probability": probability,
                                   "greyzone": "true" if greyzone else "false"})
    _write(path / "statements.csv", STATEMENT_COLUMNS, statement_rows)
    meta = {"register": "syntetisk.csv", "sha256": "0" * 64, "n_plans": n_plans,
            "cluster": cluster, "sample": None, "seed": None, "criteria": CRITERIA,
            "model_version": "test-1", "version": "0.1.0", "started": started,
            "ended": started}
    if quarters:
        meta["quarters"] = quarters
        keys = sorted(quarters)
        meta["period"] = {"first": keys[0], "last": keys[-1]}
    (path / "run.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    if decisions:
        first = plan_ids[0]
        rows = [
            {"plan_id": first, "kind": "udsagn", "criterion_id": "", "field": "genoptraeningsbehov",
             "statement_no": "2", "statement": STATEMENTS[1][1], "tool_value": "social",
             "hospital_value": "social", "hospital_reason": "", "kommune_value": "genoptraening",
             "kommune_reason": "", "decision": "genoptraening",
             "decision_reason": "Tidsafgrænset træning af en navngiven funktion."},
            {"plan_id": first, "kind": "kriterium", "criterion_id": "K10", "field": "",
             "statement_no": "", "statement": "", "tool_value": "ikke_opfyldt",
             "hospital_value": "uenig", "hospital_reason": "", "kommune_value": "enig",
             "kommune_reason": "", "decision": "opfyldt", "decision_reason": "Sendt rettidigt."},
        ]
        _write(path / "decisions.csv", DECISION_COLUMNS, rows)
    if units is not None:
        from auditlib.audit import PLAN_FILE_COLUMNS, PLANS_FILE

        plans = [{"plan_id": plan_id, "klynge": cluster, "afdeling": unit, "kommune": town,
                  "kontakttype": "", "niveau": "", "kvartal": ""}
                 for plan_id, (unit, town) in zip(plan_ids, units, strict=True)]
        _write(path / PLANS_FILE, PLAN_FILE_COLUMNS, plans)
    return path
