"""A refused audit never lets a planted identifier out: not on stdout or stderr, not in a
log record, not in any file it leaves behind (issue 4, property test)."""

from __future__ import annotations

import logging

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditlib.cli import main
from auditlib.register.columns import FREE_TEXT_COLUMNS
from tests.conftest import make_row, write_csv
from tests.test_privacy import WORDS, planted


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(identifier=planted, column=st.sampled_from(FREE_TEXT_COLUMNS),
       before=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
       after=st.lists(st.sampled_from(WORDS), min_size=0, max_size=6),
       plan=st.integers(0, 2))
def test_refused_audit_leaks_nothing(tmp_path_factory, capsys, caplog, identifier, column,
                                     before, after, plan):
    kind, value = identifier
    folder = tmp_path_factory.mktemp("leak")
    rows = [make_row(plan_id=f"P-0{i}") for i in range(3)]
    rows[plan][column] = " ".join([*before, value, *after])
    register = write_csv(folder / "planer.csv", rows)
    out = folder / "ud"
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        try:
            main(["audit", str(register), "--out", str(out)])
        except SystemExit as exit_:
            code = exit_.code
        else:
            code = 0
    stdout, stderr = capsys.readouterr()
    assert code == 2
    assert f"P-0{plan}" in stderr and column in stderr
    assert value not in stdout and value not in stderr
    assert all(value not in record.getMessage() for record in caplog.records)
    written = [p for p in folder.rglob("*") if p.is_file() and p != register]
    assert all(value not in p.read_text(encoding="utf-8", errors="replace") for p in written)
    assert not out.exists()
