"""Turning register problems into the reports of ``auditlib validate``."""

from __future__ import annotations

import csv
import io

from auditlib.messages import msg
from auditlib.register.problems import Problem


def problems_text(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        if p.column.startswith("("):
            lines.append(msg("rapport_linje_fil", where=p.where(), problem=p.message))
        else:
            lines.append(msg("rapport_linje", where=p.where(), column=p.column, problem=p.message))
    return "\n".join(lines)


def problems_csv(problems: list[Problem]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["plan_id", "column", "problem"], lineterminator="\n")
    writer.writeheader()
    for p in problems:
        writer.writerow(p.as_row())
    return out.getvalue()
