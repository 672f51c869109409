"""A problem found in a register: where it is and what to fix (never the value)."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditlib.messages import msg


@dataclass(frozen=True)
class Problem:
    column: str
    message: str
    plan_id: str | None = None
    row: int | None = None
    file: str | None = None
    # Position of the plan in the loaded table (None for problems of the file as a whole):
    # lets a caller keep only the problems of the rows it will use.
    index: int | None = field(default=None, compare=False, repr=False)

    def where(self) -> str:
        """The plan's id, else its row or file, in Danish."""
        if self.plan_id:
            where = msg("sted_plan", plan_id=self.plan_id)
            if self.row is not None:
                where += f" ({msg('sted_raekke', row=self.row)})"
            elif self.file:
                where += f" ({msg('sted_fil', file=self.file)})"
            return where
        if self.row is not None:
            return msg("sted_raekke", row=self.row)
        if self.file:
            return msg("sted_fil", file=self.file)
        return msg("sted_register")

    def as_row(self) -> dict[str, str]:
        """The ``plan_id,column,problem`` row of ``validate --format csv``."""
        ident = self.plan_id or (f"række {self.row}" if self.row is not None else "") or (
            f"fil {self.file}" if self.file else "")
        return {"plan_id": ident, "column": self.column, "problem": self.message}
