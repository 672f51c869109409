"""The audit's fast paths give what the plain, per-plan ones give (issue 20).

The audit splits each free-text column in one pass over its distinct texts, runs the
formal criteria once per distinct combination of the columns they read, and writes CSV
with the csv module. Each is checked here against the straightforward way, on the demo
register and on a varied register whose texts differ from plan to plan.
"""

from __future__ import annotations

import pandas as pd
import pytest

from auditlib.audit import _csv_text, _records, classify_plans, run_audit
from auditlib.config import load_config
from auditlib.criteria import Plan, Settings, active_criteria
from auditlib.criteria.base import run_criteria
from auditlib.demo import DEMO_REGISTER
from auditlib.register import load_register, prepare_register
from auditlib.register.columns import FREE_TEXT_COLUMNS
from auditlib.statements import split_column, split_statements, statements_of_plan
from benchmarks.varied_register import varied_register


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    path = tmp_path_factory.mktemp("varied") / "register.csv"
    varied_register(120, seed=7).to_csv(path, index=False)
    return prepare_register(load_register(path), load_config()).frame


@pytest.fixture(scope="module", params=["demo", "varied"])
def frame(request, varied):
    if request.param == "demo":
        return prepare_register(load_register(DEMO_REGISTER), load_config()).frame
    return varied


def test_split_column_is_split_statements_per_value():
    values = ["Træning i f.eks. indkøb. Hun vil gå.", None, float("nan"), pd.NA, "",
              "- ingen", "Træning i f.eks. indkøb. Hun vil gå.", "1. Gå ture\n2. Cykle"]
    assert split_column(values) == [tuple(split_statements(v)) for v in values]


def test_statements_laid_out_as_statements_of_plan(frame):
    expected = [(row["plan_id"], field, number, text) for row in _records(frame)
                for field, number, text in statements_of_plan(row, FREE_TEXT_COLUMNS)]
    got = classify_plans(frame)
    assert list(got[["plan_id", "field", "statement_no", "statement"]].itertuples(
        index=False, name=None)) == expected


def test_memoised_criteria_match_each_plan_run_in_full(frame):
    config = load_config()
    criteria = active_criteria(config)
    assert any(c.reads for c in criteria)
    settings = Settings()
    records = _records(frame)
    plain = [(str(values["plan_id"]), c.id, *_outcome(c.run(Plan(values, [], settings))))
             for values in records for c in criteria]
    assert run_criteria(criteria, records, {}, settings) == plain


def _outcome(outcome):
    return outcome.result, outcome.note


def test_csv_text_is_what_to_csv_writes():
    result = run_audit(load_register(DEMO_REGISTER), load_config())
    for table in (result.criteria, result.statements):
        assert _csv_text(table) == table.to_csv(index=False, lineterminator="\n")
    odd = pd.DataFrame({"a": ["x,y", 'sagde "ja"', None, "linje\nto"], "b": [1.5, None, 2.0, 3],
                        "c": pd.array(["u", pd.NA, "w", ""], dtype="string")})
    assert _csv_text(odd) == odd.to_csv(index=False, lineterminator="\n")
