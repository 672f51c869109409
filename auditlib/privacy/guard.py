"""The gate in front of every audit, export and log line (spec/privacy.md).

Default is to refuse: a register with a suspected identifier stops the work with a
report of where (plan_id, column, kind, offsets), never what.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from auditlib.errors import PrivacyError
from auditlib.messages import msg
from auditlib.privacy.recognizers import REGISTRY
from auditlib.privacy.scan import Finding, scan_register

# A refusal lists at most this many findings; the rest are counted.
MAX_LISTED = 50


def _source_name(register_or_source) -> str:
    name = getattr(register_or_source, "name", None)
    if isinstance(name, str) and name:
        return name
    source = getattr(register_or_source, "source", register_or_source)
    return Path(str(source)).name if source is not None else ""


def finding_lines(findings: Sequence[Finding], limit: int = MAX_LISTED) -> list[str]:
    """One Danish line per finding (capped), never the value."""
    lines = [f"  {finding}" for finding in findings[:limit]]
    if len(findings) > limit:
        lines.append("  " + msg("privat_flere", count=len(findings) - limit))
    return lines


def refusal_message(register_or_source, findings: Sequence[Finding]) -> str:
    """How many suspected identifiers in how many plans, and where each one is."""
    findings = list(findings)
    plans = {f.row if f.row is not None and (f.hide_id or not f.plan_id) else f.plan_id
             for f in findings}
    head = msg("privat_afvist", name=_source_name(register_or_source), count=len(findings),
               plans=len(plans))
    return "\n".join([head, *finding_lines(findings), msg("privat_afvist_hjaelp")])


def guard_register(register, config=None, cluster: str | None = None) -> None:
    """Raise PrivacyError (exit code 2) when the register holds a suspected identifier."""
    findings = scan_register(register, config=config, cluster=cluster)
    if findings:
        raise PrivacyError(refusal_message(register, findings), problems=findings,
                           listed=True)


def redact_frame(frame: pd.DataFrame, findings: Sequence[Finding],
                 cells: dict[str, list[str | None]] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with each finding replaced by its tag (``[CPR]``, ``[NAVN]`` …).

    A finding is placed by its ``row`` (position in the frame) when it has one, else by
    its plan_id. ``cells`` are the texts the scan read (``scanned_cells``): a structured
    cell the loader could not convert is redacted from its text as written. Spans in one
    cell are replaced from the end so offsets stay valid. A flagged plan_id is replaced too.
    """
    out = frame.copy()
    by_cell: dict[tuple[int, str], list[Finding]] = {}
    ids = out["plan_id"].tolist() if "plan_id" in out.columns else []
    for finding in findings:
        if finding.row is not None:
            rows = [finding.row]
        else:
            rows = [i for i, plan_id in enumerate(ids) if plan_id == finding.plan_id]
        for row in rows:
            by_cell.setdefault((row, finding.column), []).append(finding)
    columns: dict[str, list[object]] = {}
    for (row, column), cell_findings in by_cell.items():
        if column not in out.columns:
            continue
        if column not in columns:
            values = out[column].astype(object).tolist()
            if str(out[column].dtype).startswith("datetime"):
                # Dates as plain ISO dates, as the register contract writes them.
                values = [None if pd.isna(v) else v.strftime("%Y-%m-%d") for v in values]
            columns[column] = values
        values = columns[column]
        text = values[row]
        if not isinstance(text, str):
            text = cells[column][row] if cells and column in cells else None
        if not isinstance(text, str):
            continue
        for finding in sorted(cell_findings, key=lambda f: f.start, reverse=True):
            text = text[:finding.start] + REGISTRY[finding.kind].tag + text[finding.end:]
        values[row] = text
    for column, values in columns.items():
        out[column] = pd.Series(values, index=out.index,
                                dtype="string" if str(out[column].dtype) == "string" else object)
    return out
