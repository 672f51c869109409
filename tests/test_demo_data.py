"""The demo registers are a believable Region Midtjylland: real municipalities in their
clusters, contact types that fit the units, plans that read differently, some graded in
the 7-parameter model, and a generator that gives the same files every time."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from auditlib.clusters import load_cluster_map
from auditlib.demo import DEMO_REGISTER, MARKDOWN_DEMO, REGION_REGISTER
from auditlib.register import load_register
from auditlib.register.columns import FREE_TEXT_COLUMNS, GRADE_COLUMNS
from auditlib.statements import is_placeholder

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    register = load_register(DEMO_REGISTER)
    assert register.ok, register.problems
    return register.frame


@pytest.fixture(scope="module")
def region() -> pd.DataFrame:
    register = load_register(REGION_REGISTER)
    assert register.ok, register.problems
    return register.frame


@pytest.mark.parametrize("which", ["demo", "region"])
def test_every_municipality_is_real_and_in_the_plans_cluster(which, request):
    frame = request.getfixturevalue(which)
    cluster_map = load_cluster_map()
    assert frame["kommune"].notna().all()
    assert (frame["kommune"].map(cluster_map.cluster_of) == frame["klynge"]).all()


def test_midtklyngen_is_silkeborg_skive_and_viborg(demo):
    assert set(demo["klynge"]) == {"Midtklyngen"}
    assert set(demo["kommune"]) == {"Silkeborg", "Skive", "Viborg"}


def test_the_region_has_all_five_clusters_in_every_quarter(region):
    quarters = region.groupby("klynge")["udskrevet"].apply(lambda d: set(d.dt.quarter))
    assert set(quarters.index) == set(load_cluster_map().clusters)
    assert all(q == {1, 2, 3, 4} for q in quarters)


@pytest.mark.parametrize("which", ["demo", "region"])
def test_contact_type_fits_the_unit(which, request):
    frame = request.getfixturevalue(which)
    outpatient = frame["afdeling"].str.contains("ambulatori|lokalpsykiatri", case=False)
    ward = frame["afdeling"].str.contains("sengeafsnit", case=False)
    assert (outpatient | ward).all()
    assert frame.loc[outpatient, "kontakttype"].eq("ambulant").all()
    assert frame.loc[ward, "kontakttype"].eq("indlaeggelse").all()


def test_demo_plans_read_differently(demo):
    """No stated free text is copied into many plans (a forum notices at once)."""
    for column in FREE_TEXT_COLUMNS:
        texts = demo[column].dropna()
        texts = texts[~texts.map(is_placeholder)]
        assert texts.value_counts().max() <= 4, column
    assert demo[list(FREE_TEXT_COLUMNS)].fillna("").drop_duplicates().shape[0] == len(demo)


def test_region_plans_read_differently(region):
    key = region[["funktionsevne", "genoptraeningsbehov", "maal"]].fillna("")
    assert not key.duplicated().any()


@pytest.mark.parametrize(("which", "at_least"), [("demo", 6), ("region", 10)])
def test_some_plans_carry_the_7_parameter_grades(which, at_least, request):
    frame = request.getfixturevalue(which)
    graded = frame[list(GRADE_COLUMNS)].notna().all(axis=1)
    assert graded.sum() >= at_least
    assert set(frame.loc[graded, "niveau"]) >= {"almen", "specialiseret"}


def test_the_markdown_demo_loads_like_the_workbook():
    frame = load_register(MARKDOWN_DEMO).frame.set_index("plan_id")
    workbook = load_register(DEMO_REGISTER).frame.set_index("plan_id").loc[frame.index]
    pd.testing.assert_frame_equal(frame[list(GRADE_COLUMNS) + ["kommune", "kontakttype"]],
                                  workbook[list(GRADE_COLUMNS) + ["kommune", "kontakttype"]])


def test_the_generator_gives_the_committed_files(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("make_demo", ROOT / "data" / "make_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    module.main()
    assert (tmp_path / "region-demo.csv").read_bytes() == REGION_REGISTER.read_bytes()
    for path in sorted(MARKDOWN_DEMO.glob("*.md")):
        assert (tmp_path / "markdown-demo" / path.name).read_bytes() == path.read_bytes()
    fresh = load_register(tmp_path / "midtklyngen-demo.xlsx").frame
    pd.testing.assert_frame_equal(fresh, load_register(DEMO_REGISTER).frame)
