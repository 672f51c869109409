"""Small-cell suppression for everything the tool publishes (spec/privacy.md).

One rule, one place: counts, the catalogue, the notebooks and the feedback pages all
call :func:`suppress_cells` (or :func:`suppress_table`, its two-way-table form).

1. **Primary suppression**: a count of 1 to ``min_count - 1`` (and 0 when
   ``suppress_zero``) is hidden and shown as ``"<5"``.
2. **Complementary (secondary) suppression**: a published table carries totals (per row,
   per column, per quarter, the grand total), and every total is an equation
   ``total = part + part + …``. A hidden cell must not be recoverable from the shown cells
   and those equations. Cells are hidden until, for every hidden cell, the equations
   leave it open:

   * as a linear system: the hidden cell is not fixed by the equations (its coordinate
     is non-zero in some vector of the null space of the hidden cells' columns), which
     includes the simple case of a row or column with exactly one hidden cell;
   * with what a reader also knows: counts are whole numbers, not negative, a ``<5`` cell
     lies in 0/1..4 (linear programming gives each hidden cell's range; at least two
     whole values must remain).

   The cell hidden next is the smallest positive shown cell of an equation that fixes a
   hidden cell, a part before a total: the least information is lost.
   A secondarily hidden cell is shown as ``"x"`` (``SECONDARY_MARKER``): "hidden so that a
   small cell cannot be worked out", which says nothing about its size. When every cell
   around a small cell is hidden and the ``<5`` markers alone would still pin it, those
   cells are shown as ``"x"`` too.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.linalg import null_space
from scipy.optimize import linprog

SECONDARY_MARKER = "x"
PRUNE_LIMIT = 40
_TOLERANCE = 1e-7


@dataclass(frozen=True)
class Equation:
    """``total`` is the sum of ``parts`` (all are cell keys)."""

    total: Hashable
    parts: tuple[Hashable, ...]


@dataclass(frozen=True)
class Suppression:
    """Which cells are hidden, and why."""

    primary: frozenset
    secondary: frozenset
    min_count: int = 5

    @property
    def hidden(self) -> frozenset:
        return self.primary | self.secondary

    def marker(self, key: Hashable) -> str | None:
        """``"<5"``, ``"x"`` or None (shown)."""
        if key in self.primary:
            return primary_marker(self.min_count)
        if key in self.secondary:
            return SECONDARY_MARKER
        return None

    def display(self, key: Hashable, value: int) -> str:
        """The text a reader sees for the cell ``key`` holding ``value``."""
        return self.marker(key) or str(int(value))


def primary_marker(min_count: int) -> str:
    return f"<{min_count}"


def suppress_cells(values: Mapping[Hashable, int], equations: Iterable[Equation] = (), *,
                   min_count: int = 5, suppress_zero: bool = True,
                   hide: Iterable[Hashable] = (),
                   published_elsewhere: Iterable[Hashable] = ()) -> Suppression:
    """Primary and complementary suppression of the cells ``values`` (key -> count),
    linked by ``equations``. ``hide``: cells that must be hidden anyway (e.g. a count
    whose rate would give a hidden cell away); they are shown as ``"x"``.
    ``published_elsewhere``: totals the reader knows from another page (a cluster's
    number of plans); they are never chosen to be hidden."""
    values = {key: int(value) for key, value in values.items()}
    equations = [eq for eq in equations if eq.parts]
    low = 0 if suppress_zero else 1
    primary = {key for key, value in values.items() if low <= value < min_count}
    secondary: set = (set(hide) & values.keys()) - primary
    system = _System(values, equations, frozenset(published_elsewhere))
    while True:
        # Cheap first: a row or column with exactly one hidden cell gives it away.
        while (single := system.single_lines(primary | secondary)):
            added = {system.hide_in_line(index, primary | secondary) for _, index in single}
            added.discard(None)
            if not added:
                break
            secondary |= added
        hidden = primary | secondary
        fixed = system.linearly_fixed(hidden)
        if not fixed:
            fixed = system.bound_fixed(primary, secondary, min_count, suppress_zero)
        if not fixed:
            break
        # One complement for every cell the equations pin, then check again (one cell at
        # a time would need one linear-algebra pass per cell; pruning undoes extras).
        chosen = {system.next_to_hide({key}, hidden) for key in sorted(fixed, key=_order)}
        chosen.discard(None)
        if chosen:
            secondary |= chosen
            continue
        # Every cell around is hidden, yet "<5" itself pins them (two "<3" cells under a
        # hidden total of 2 are both 1): show those cells as "x", which says nothing.
        degrade = fixed & primary
        if not degrade:
            break
        primary -= degrade
        secondary |= degrade
    secondary = _prune(system, primary, secondary, set(hide), min_count, suppress_zero)
    return Suppression(frozenset(primary), frozenset(secondary), min_count)


def _prune(system: _System, primary: set, secondary: set, forced: set, min_count: int,
           suppress_zero: bool) -> set:
    """Show again every complementary cell that the others make unnecessary, the
    largest first (the greedy pass hides one cell at a time and can overshoot)."""
    secondary = set(secondary)
    order = sorted(secondary - forced, key=lambda k: (-system.values[k], _order(k)))
    # Each trial is a linear-algebra and LP pass; the largest cells matter most to a reader.
    for key in order[:PRUNE_LIMIT]:
        if system.values[key] < min_count:
            continue  # a degraded small cell stays hidden
        trial = secondary - {key}
        hidden = primary | trial
        near = system.neighbours(key)
        if any(system.single_lines(hidden, near=near)):
            continue
        if system.linearly_fixed(hidden, near=near):
            continue
        if system.bound_fixed(primary, trial, min_count, suppress_zero, near=near):
            continue
        secondary = trial
    return secondary


def recoverable_cells(values: Mapping[Hashable, int], equations: Iterable[Equation],
                      suppression: Suppression, *, suppress_zero: bool = True) -> set:
    """The hidden cells a reader can work out (empty when the suppression holds)."""
    system = _System({k: int(v) for k, v in values.items()}, [e for e in equations if e.parts])
    fixed = system.linearly_fixed(set(suppression.hidden))
    return fixed | system.bound_fixed(set(suppression.primary), set(suppression.secondary),
                                      suppression.min_count, suppress_zero)


@dataclass
class _System:
    values: dict
    equations: list[Equation]
    keep: frozenset = frozenset()
    _by_cell: dict = field(default_factory=dict)
    _totals: set = field(default_factory=set)

    def __post_init__(self) -> None:
        for index, eq in enumerate(self.equations):
            self._totals.add(eq.total)
            for key in (eq.total, *eq.parts):
                self._by_cell.setdefault(key, []).append(index)

    def _coefficients(self, eq: Equation) -> dict:
        row = {eq.total: 1.0}
        for part in eq.parts:
            row[part] = row.get(part, 0.0) - 1.0
        return row

    def neighbours(self, key: Hashable) -> set:
        """Every cell that shares an equation with ``key`` (``key`` included)."""
        found = {key}
        for index in self._by_cell.get(key, []):
            eq = self.equations[index]
            found.update((eq.total, *eq.parts))
        return found

    def single_lines(self, hidden: set, near: set | None = None) -> list[tuple]:
        """``(cell, equation index)`` for every equation with exactly one hidden cell."""
        indexes = (range(len(self.equations)) if near is None else
                   {i for k in near for i in self._by_cell.get(k, [])})
        found = []
        for index in indexes:
            eq = self.equations[index]
            cells = [k for k in (eq.total, *eq.parts) if k in hidden]
            if len(set(cells)) == 1:
                found.append((cells[0], index))
        return found

    def _components(self, hidden: set, near: set | None = None) -> list[tuple[list, list[int]]]:
        """Groups of hidden cells that share equations, with their equations (only the
        groups holding a cell of ``near`` or sharing an equation with one, when given)."""
        groups = self._all_components(hidden)
        if near is None:
            return groups
        touching = {i for k in near for i in self._by_cell.get(k, [])}
        return [(keys, eqs) for keys, eqs in groups
                if set(eqs) & touching or set(keys) & near]

    def _all_components(self, hidden: set) -> list[tuple[list, list[int]]]:
        parent = {key: key for key in hidden}

        def find(key):
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        touching: dict = {}
        for index, eq in enumerate(self.equations):
            cells = [k for k in (eq.total, *eq.parts) if k in hidden]
            for key in cells[1:]:
                parent[find(key)] = find(cells[0])
            if cells:
                touching.setdefault(find(cells[0]), []).append(index)
        groups: dict = {}
        for key in hidden:
            groups.setdefault(find(key), []).append(key)
        eq_groups: dict = {}
        for root, indexes in touching.items():
            eq_groups.setdefault(find(root), []).extend(indexes)
        return [(sorted(keys, key=_order), sorted(set(eq_groups.get(root, []))))
                for root, keys in groups.items()]

    def _matrix(self, keys: list, eq_indexes: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """A x = b over the hidden ``keys``: b holds the shown cells moved to the right."""
        column = {key: i for i, key in enumerate(keys)}
        a = np.zeros((len(eq_indexes), len(keys)))
        b = np.zeros(len(eq_indexes))
        for row, index in enumerate(eq_indexes):
            for key, coef in self._coefficients(self.equations[index]).items():
                if key in column:
                    a[row, column[key]] += coef
                else:
                    b[row] -= coef * self.values.get(key, 0)
        return a, b

    def linearly_fixed(self, hidden: set, near: set | None = None) -> set:
        fixed = set()
        for keys, eq_indexes in self._components(hidden, near):
            if not eq_indexes:
                continue
            a, _ = self._matrix(keys, eq_indexes)
            basis = null_space(a)
            free = (np.abs(basis).max(axis=1) > _TOLERANCE if basis.size
                    else np.zeros(len(keys), dtype=bool))
            fixed |= {key for key, is_free in zip(keys, free, strict=True) if not is_free}
        return fixed

    def bound_fixed(self, primary: set, secondary: set, min_count: int,
                    suppress_zero: bool, near: set | None = None) -> set:
        """Hidden cells that whole, non-negative counts and the "<5" ranges pin to one
        value. The true table is a solution; a cell is open when some other solution
        moves it by at least 1. A few LPs over many cells at once settle most cells;
        the rest get their own maximum and minimum."""
        fixed = set()
        low = 0 if suppress_zero else 1
        for keys, eq_indexes in self._components(primary | secondary, near):
            if not eq_indexes:
                continue
            a, b = self._matrix(keys, eq_indexes)
            truth = np.array([self.values[k] for k in keys], dtype=float)
            bounds = [(low, min_count - 1) if key in primary else (low, None)
                      for key in keys]
            open_ = np.zeros(len(keys), dtype=bool)


            progress = True
            while progress and not open_.all():  # push the unsettled cells up, then down
                progress = False
                for sign in (-1.0, 1.0):
                    todo = ~open_
                    result = linprog(np.where(todo, sign, 0.0), A_eq=a, b_eq=b, bounds=bounds,
                                     method="highs")
                    if result.status == 0:
                        solution = result.x
                        moved = todo & (np.abs(solution - truth) >= 1 - 1e-6)
                        progress |= bool(moved.any())
                        open_ |= moved
            for i in np.flatnonzero(~open_):
                for sign in (-1.0, 1.0):
                    objective = np.zeros(len(keys))
                    objective[i] = sign
                    result = linprog(objective, A_eq=a, b_eq=b, bounds=bounds, method="highs")
                    if result.status == 3:  # unbounded: certainly open
                        open_[i] = True
                        break
                    if result.status == 0 and abs(result.x[i] - truth[i]) >= 1 - 1e-6:
                        open_[i] = True
                        break
                if not open_[i]:
                    fixed.add(keys[i])
        return fixed

    def _candidates(self, index: int, hidden: set) -> set:
        eq = self.equations[index]
        return {k for k in (eq.total, *eq.parts)
                if k not in hidden and k not in self.keep and self.values.get(k, 0) > 0}

    def _best(self, candidates: set) -> Hashable | None:
        if not candidates:
            return None
        return min(candidates, key=lambda k: (k in self._totals, self.values[k], _order(k)))

    def hide_in_line(self, index: int, hidden: set) -> Hashable | None:
        """The cell to hide next in equation ``index``."""
        return self._best(self._candidates(index, hidden))

    def next_to_hide(self, fixed: set, hidden: set) -> Hashable | None:
        candidates = set()
        for key in fixed:
            for index in self._by_cell.get(key, []):
                candidates |= self._candidates(index, hidden)
        return self._best(candidates)


def _order(key: Hashable) -> str:
    return repr(key)


# -- two-way tables with margins -----------------------------------------------------

def table_equations(index: Sequence, columns: Sequence, row_total: Hashable | None,
                    column_total: Hashable | None) -> list[Equation]:
    """The equations of a table whose cells are keyed ``(row, column)``: each row sums
    to its ``row_total`` column, each column to its ``column_total`` row (the corner
    cell is the grand total and closes both)."""
    inner_rows = [r for r in index if r != column_total]
    inner_cols = [c for c in columns if c != row_total]
    equations = []
    if row_total is not None:
        for row in index:
            equations.append(Equation((row, row_total), tuple((row, c) for c in inner_cols)))
    if column_total is not None:
        for column in columns:
            equations.append(Equation((column_total, column),
                                      tuple((r, column) for r in inner_rows)))
    return equations


def suppress_table(table: pd.DataFrame, *, min_count: int = 5, suppress_zero: bool = True,
                   row_total: Hashable | None = None,
                   column_total: Hashable | None = None) -> pd.DataFrame:
    """A text copy of a count table (rows × columns of whole numbers) with primary and
    complementary suppression. ``row_total``: the column holding each row's total;
    ``column_total``: the row (index label) holding each column's total."""
    values = {(r, c): int(table.at[r, c]) for r in table.index for c in table.columns}
    equations = table_equations(list(table.index), list(table.columns), row_total,
                                column_total)
    result = suppress_cells(values, equations, min_count=min_count,
                            suppress_zero=suppress_zero)
    out = pd.DataFrame(index=table.index, columns=table.columns, dtype=object)
    for (r, c), value in values.items():
        out.at[r, c] = result.display((r, c), value)
    return out


def suppress_small(table: pd.DataFrame, min_count: int = 5,
                   columns: Iterable[str] | None = None,
                   suppress_zero: bool = True) -> pd.DataFrame:
    """A copy of a table without totals, its count ``columns`` (default: every integer
    column) suppressed cell by cell. A table with totals goes through
    :func:`suppress_table` or :func:`suppress_cells` instead, which also hide the
    cells a total would give away."""
    from pandas.api import types as ptypes

    out = table.copy()
    if columns is None:
        columns = [c for c in out.columns if ptypes.is_integer_dtype(out[c].dtype)]
    for column in columns:
        values = {i: v for i, v in enumerate(out[column].tolist()) if _is_count(v)}
        result = suppress_cells(values, min_count=min_count, suppress_zero=suppress_zero)
        out[column] = pd.Series([result.display(i, v) if i in values else v
                                 for i, v in enumerate(out[column].tolist())],
                                index=out.index, dtype=object)
    return out


def _is_count(value) -> bool:
    return (isinstance(value, (int, float, np.integer)) and not isinstance(value, bool)
            and not pd.isna(value))
