"""Small-cell suppression: primary cells, complementary cells, and a property test that
no hidden cell of a random table with totals can be worked out by a reader."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from auditlib.privacy.suppress import (
    SECONDARY_MARKER,
    Equation,
    suppress_cells,
    suppress_small,
    suppress_table,
    table_equations,
)


def with_totals(inner: list[list[int]], columns=None, index=None) -> pd.DataFrame:
    table = pd.DataFrame(inner, columns=columns, index=index)
    table["I alt"] = table.sum(axis=1)
    table.loc["I alt"] = table.sum(axis=0)
    return table


# -- a reader's view, computed independently of the implementation -------------------

def reader_can_recover(table: pd.DataFrame, shown: pd.DataFrame, min_count: int,
                       suppress_zero: bool) -> list:
    """The hidden cells a reader pins to one value from the row and column equations,
    using rank tests (linear) and linear programming with what the markers say."""
    keys = [(r, c) for r in table.index for c in table.columns]
    hidden = [k for k in keys if shown.at[k] in (f"<{min_count}", SECONDARY_MARKER)]
    if not hidden:
        return []
    column = {k: i for i, k in enumerate(hidden)}
    rows, rhs = [], []
    inner_rows = [r for r in table.index if r != "I alt"]
    inner_cols = [c for c in table.columns if c != "I alt"]
    lines = [[(r, c) for c in inner_cols] + [(r, "I alt")] for r in table.index]
    lines += [[(r, c) for r in inner_rows] + [("I alt", c)] for c in table.columns]
    for line in lines:
        a = np.zeros(len(hidden))
        b = 0.0
        for key in line:
            sign = 1.0 if key == line[-1] else -1.0
            if key in column:
                a[column[key]] += sign
            else:
                b -= sign * int(table.at[key])
        rows.append(a)
        rhs.append(b)
    a_matrix, b_vector = np.array(rows), np.array(rhs)
    rank = np.linalg.matrix_rank(a_matrix)
    recovered = []
    low = 0 if suppress_zero else 1
    bounds = [(low, min_count - 1) if shown.at[k] == f"<{min_count}" else (low, None)
              for k in hidden]
    for i, key in enumerate(hidden):
        unit = np.zeros(len(hidden))
        unit[i] = 1.0
        if np.linalg.matrix_rank(np.vstack([a_matrix, unit])) == rank:
            recovered.append(key)  # e_i lies in the row space: fixed by the equations
            continue
        lo = linprog(unit, A_eq=a_matrix, b_eq=b_vector, bounds=bounds, method="highs")
        hi = linprog(-unit, A_eq=a_matrix, b_eq=b_vector, bounds=bounds, method="highs")
        assert lo.status == 0, "the true table must be feasible for the reader"
        if hi.status == 0 and np.floor(-hi.fun + 1e-6) <= np.ceil(lo.fun - 1e-6):
            recovered.append(key)
    return recovered


def lines_with_one_unknown(shown: pd.DataFrame, min_count: int) -> list:
    markers = {f"<{min_count}", SECONDARY_MARKER}
    found = [("række", r) for r in shown.index
             if sum(v in markers for v in shown.loc[r]) == 1]
    found += [("kolonne", c) for c in shown.columns
              if sum(v in markers for v in shown[c]) == 1]
    return found


# -- examples --------------------------------------------------------------------------

def test_region_demo_row_can_no_longer_be_worked_out():
    # issue 16: "Kerteminde 5 | 0 | 0 | <5 | I alt 7" gave the hidden 2 away.
    table = with_totals([[5, 0, 0, 2], [3, 6, 7, 9]], columns=["K1", "K2", "K3", "K4"],
                        index=["Kerteminde", "Odense"])
    for suppress_zero in (True, False):
        shown = suppress_table(table, row_total="I alt", column_total="I alt",
                               suppress_zero=suppress_zero)
        assert shown.at["Kerteminde", "K4"] == "<5"
        assert lines_with_one_unknown(shown, 5) == []
        assert reader_can_recover(table, shown, 5, suppress_zero) == []


def test_zero_is_shown_only_when_asked():
    table = with_totals([[0, 12], [9, 20]], columns=["K1", "K2"], index=["a", "b"])
    assert suppress_table(table, row_total="I alt", column_total="I alt").at["a", "K1"] == "<5"
    shown = suppress_table(table, row_total="I alt", column_total="I alt", suppress_zero=False)
    assert shown.at["a", "K1"] == "0"
    assert (shown == table.astype(str)).all().all()


def test_nothing_small_nothing_hidden():
    table = with_totals([[10, 12], [9, 20]], columns=["K1", "K2"], index=["a", "b"])
    shown = suppress_table(table, row_total="I alt", column_total="I alt")
    assert (shown == table.astype(str)).all().all()


def test_complement_is_the_smallest_cell_of_the_line():
    table = with_totals([[3, 50, 7, 9]], columns=list("ABCD"), index=["a"])
    values = {("a", c): int(table.at["a", c]) for c in table.columns}
    result = suppress_cells(values, [Equation(("a", "I alt"),
                                              tuple(("a", c) for c in "ABCD"))])
    assert result.primary == {("a", "A")}
    assert result.secondary == {("a", "C")}
    assert result.display(("a", "C"), 7) == SECONDARY_MARKER
    assert result.display(("a", "B"), 50) == "50"


def test_a_bridge_between_two_hidden_cycles_is_protected():
    # Every row and column has two hidden cells, yet a cell linking two closed groups is
    # fixed by the equations; the line rule alone would not see it.
    table = with_totals([[1, 2, 30, 40], [3, 4, 50, 60], [70, 80, 1, 2], [90, 95, 3, 4]],
                        columns=list("ABCD"), index=list("abcd"))
    shown = suppress_table(table, row_total="I alt", column_total="I alt")
    assert reader_can_recover(table, shown, 5, True) == []


def test_primary_markers_follow_min_count():
    table = with_totals([[7, 12, 20]], columns=list("ABC"), index=["a"])
    shown = suppress_table(table, row_total="I alt", column_total="I alt", min_count=10)
    assert shown.at["a", "A"] == "<10"
    assert reader_can_recover(table, shown, 10, True) == []


def test_suppress_small_without_totals_hides_only_small_cells():
    table = pd.DataFrame({"kategori": ["a", "b", "c"], "planer": [3, 0, 17]})
    out = suppress_small(table, columns=["planer"])
    assert out["planer"].tolist() == ["<5", "<5", "17"]
    assert table["planer"].tolist() == [3, 0, 17]  # input untouched


def test_equations_of_a_table():
    eqs = table_equations(["a", "I alt"], ["K1", "I alt"], "I alt", "I alt")
    assert Equation(("a", "I alt"), (("a", "K1"),)) in eqs
    assert Equation(("I alt", "K1"), (("a", "K1"),)) in eqs
    assert Equation(("I alt", "I alt"), (("a", "I alt"),)) in eqs


# -- property ----------------------------------------------------------------------------

small_counts = st.one_of(st.integers(0, 6), st.integers(0, 40))


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 5))
    n_cols = draw(st.integers(1, 5))
    inner = [[draw(small_counts) for _ in range(n_cols)] for _ in range(n_rows)]
    return with_totals(inner, columns=[f"K{i}" for i in range(n_cols)],
                       index=[f"r{i}" for i in range(n_rows)])


@example(with_totals([[1, 1]], columns=["K0", "K1"], index=["r0"]), False, 3)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.booleans(), st.sampled_from([3, 5]))
def test_no_hidden_cell_is_recoverable(table, suppress_zero, min_count):
    shown = suppress_table(table, row_total="I alt", column_total="I alt",
                           min_count=min_count, suppress_zero=suppress_zero)
    low = 0 if suppress_zero else 1
    for key in [(r, c) for r in table.index for c in table.columns]:
        value = int(table.at[key])
        if low <= value < min_count:
            assert shown.at[key] in (f"<{min_count}", SECONDARY_MARKER)  # always hidden
        elif shown.at[key] not in (SECONDARY_MARKER,):
            assert shown.at[key] == str(value)  # shown cells are the true counts
    assert lines_with_one_unknown(shown, min_count) == []
    assert reader_can_recover(table, shown, min_count, suppress_zero) == []


@pytest.mark.parametrize("suppress_zero", [True, False])
def test_single_small_cell_hides_its_whole_table_when_nothing_else_can(suppress_zero):
    table = with_totals([[2]], columns=["K1"], index=["a"])
    shown = suppress_table(table, row_total="I alt", column_total="I alt",
                           suppress_zero=suppress_zero)
    assert set(shown.to_numpy().ravel()) <= {"<5", SECONDARY_MARKER}
