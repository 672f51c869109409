"""The cluster map (municipality → klynge): Region Midtjylland by default, editable, and
it never rejects a plan."""

from __future__ import annotations

import pytest

from auditlib.clusters import load_cluster_map, read_cluster_map
from auditlib.config import load_config
from auditlib.counts import quarterly_counts
from auditlib.errors import ConfigError
from auditlib.register import load_register
from tests.conftest import make_row, write_csv

MIDTJYLLAND = {
    "Aarhusklyngen": {"Aarhus", "Samsø"},
    "Horsensklyngen": {"Hedensted", "Horsens", "Odder", "Skanderborg"},
    "Midtklyngen": {"Silkeborg", "Skive", "Viborg"},
    "Randersklyngen": {"Favrskov", "Norddjurs", "Randers", "Syddjurs"},
    "Vestklyngen": {"Herning", "Holstebro", "Ikast-Brande", "Lemvig", "Ringkøbing-Skjern",
                    "Struer"},
}


def test_the_default_map_is_region_midtjyllands_19_municipalities_in_five_clusters():
    cluster_map = load_cluster_map()
    assert cluster_map.region == "Region Midtjylland"
    assert {c: set(m) for c, m in cluster_map.clusters.items()} == MIDTJYLLAND
    assert sum(len(m) for m in cluster_map.clusters.values()) == 19


@pytest.mark.parametrize(("name", "cluster"), [
    ("Viborg", "Midtklyngen"), ("viborg kommune", "Midtklyngen"),
    ("Ringkoebing-Skjern", "Vestklyngen"), ("RINGKØBING-SKJERN", "Vestklyngen"),
    ("Samsø Kommune", "Aarhusklyngen"), ("Vejle", None), ("", None), (None, None),
])
def test_cluster_of_folds_case_letters_and_the_word_kommune(name, cluster):
    assert load_cluster_map().cluster_of(name) == cluster


def test_a_blank_klynge_is_filled_from_the_municipality_and_an_unknown_one_is_kept(tmp_path):
    rows = [make_row(plan_id="A-1", klynge="", kommune="Skive"),
            make_row(plan_id="A-2", klynge="Egen klynge", kommune="Vejle"),
            make_row(plan_id="A-3", klynge="Sydklyngen", kommune="Viborg")]
    register = load_register(write_csv(tmp_path / "r.csv", rows))
    assert register.ok, register.problems
    assert register.frame["klynge"].tolist() == ["Midtklyngen", "Egen klynge", "Sydklyngen"]
    assert register.filled_clusters == 1
    from auditlib.register.prepare import prepare_register

    notices = prepare_register(register, gate=False).notices
    assert any("1 plan(er)" in n and "klynger.yaml" in n for n in notices)


def test_a_blank_klynge_from_an_unknown_municipality_stays_a_blank_required_field(tmp_path):
    register = load_register(write_csv(tmp_path / "r.csv",
                                       [make_row(klynge="", kommune="Vejle")]))
    assert [p.column for p in register.problems] == ["klynge"]


def test_counts_group_by_cluster(tmp_path):
    rows = [make_row(plan_id=f"A-{i}", klynge="", kommune=k)
            for i, k in enumerate(["Skive"] * 6 + ["Horsens"] * 2)]
    frame = load_register(write_csv(tmp_path / "r.csv", rows)).frame
    counts = quarterly_counts(frame)
    clusters = counts[(counts["opdeling"] == "Klynge") & (counts["kvartal"] == "I alt")]
    # Horsens' 2 plans are hidden; with the total of 8 shown, Midtklyngen's 6 would give
    # them away, so it is hidden too (complementary suppression, privacy.md).
    assert dict(zip(clusters["kategori"], clusters["planer"], strict=True)) == {
        "Horsensklyngen": "<5", "Midtklyngen": "x"}


def test_a_region_names_its_own_map_in_its_config(tmp_path):
    (tmp_path / "syd.yaml").write_text(
        "region: Region Syddanmark\nklynger:\n  Sydklyngen: [Aabenraa, Sønderborg]\n",
        encoding="utf-8")
    (tmp_path / "auditlib.yaml").write_text("klynger: syd.yaml\n", encoding="utf-8")
    cluster_map = load_cluster_map(load_config(tmp_path / "auditlib.yaml"))
    assert cluster_map.cluster_of("Soenderborg") == "Sydklyngen"
    assert cluster_map.cluster_of("Viborg") is None
    rows = [make_row(klynge="", kommune="Aabenraa")]
    register = load_register(write_csv(tmp_path / "r.csv", rows), cluster_map)
    assert register.frame["klynge"].tolist() == ["Sydklyngen"]


@pytest.mark.parametrize(("text", "words"), [
    ("klynger:\n  A: [Skive]\n  B: [skive kommune]\n", ["skive kommune", "både", "'A'", "'B'"]),
    ("klynger: [Skive]\n", ["klynger"]),
    ("klynger:\n  A: Skive\n", ["'A'", "liste"]),
    ("klynger:\n\tA: [Skive]\n", ["YAML"]),
])
def test_a_broken_map_is_a_danish_config_error(tmp_path, text, words):
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        read_cluster_map(path)
    for word in words:
        assert word in str(error.value)


def test_a_missing_map_is_named(tmp_path):
    with pytest.raises(ConfigError, match="findes ikke"):
        read_cluster_map(tmp_path / "nope.yaml")
