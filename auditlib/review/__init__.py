"""The forum's review round (issue 9): export a workbook, import decisions, agreement.

``export_review`` writes the meeting workbook, ``import_review`` reads the forum's
decisions back into ``RUN_DIR/decisions.csv`` and ``agreement_tables`` measures how
often hospital and kommune agree.
"""

from __future__ import annotations

from auditlib.review.export import export_review
from auditlib.review.importer import ImportResult, ReviewProblem, import_review

__all__ = ["ImportResult", "ReviewProblem", "export_review", "import_review"]
