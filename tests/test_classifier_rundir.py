"""statements.csv carries the model's runner-up and the "uafklaret" flag; run folders
written before those columns existed still read (unsettled = False)."""

from __future__ import annotations

import json

import pandas as pd

from auditlib.audit import STATEMENT_FILE_COLUMNS
from auditlib.rundir import CRITERIA_COLUMNS, STATEMENT_COLUMNS, read_run


def _folder(tmp_path, statement_columns, row):
    pd.DataFrame([["MK-01", "Q01", "opfyldt", ""]], columns=CRITERIA_COLUMNS).to_csv(
        tmp_path / "criteria.csv", index=False)
    pd.DataFrame([row], columns=statement_columns).to_csv(tmp_path / "statements.csv",
                                                          index=False)
    (tmp_path / "run.json").write_text(json.dumps({"cluster": "Midtklyngen"}), encoding="utf-8")
    return tmp_path


def test_statement_file_ends_with_the_new_columns():
    assert STATEMENT_FILE_COLUMNS[-3:] == ["second_label", "second_probability", "unsettled"]
    assert STATEMENT_FILE_COLUMNS.index("explanation") == len(STATEMENT_COLUMNS)


def test_new_run_folder_reads_the_unsettled_flag(tmp_path):
    row = ["MK-01", "maal", 1, "At få det bedre.", "forebyggelse", 0.41, "true", "bedre",
           "social", 0.3, "true"]
    run = read_run(_folder(tmp_path, STATEMENT_FILE_COLUMNS, row))
    assert run.statements["unsettled"].tolist() == [True]
    assert run.statements["second_label"].tolist() == ["social"]
    assert run.statements["second_probability"].tolist() == [0.3]


def test_old_run_folder_without_the_columns_still_reads(tmp_path):
    row = ["MK-01", "maal", 1, "Træne at tage bussen.", "genoptraening", 0.9, "false"]
    run = read_run(_folder(tmp_path, STATEMENT_COLUMNS, row))
    assert run.statements["unsettled"].tolist() == [False]
    assert run.statements["second_label"].tolist() == [""]
