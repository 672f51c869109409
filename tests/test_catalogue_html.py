"""The catalogue page, parsed with html.parser: every section, Danish, accessible markup,
self-contained (no other host), plan text escaped, and the forum's decision shown."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from auditlib.catalogue import build_catalogue, load_content, load_runs
from auditlib.catalogue.html import write_catalogue_html
from tests.catalogue_runs import write_run_folder

SECTIONS = ["sammenfatning", "funktionstab", "snitflader", "graazoner", "anbefalinger",
            "opfoelgning", "kompetencer", "audit-kriterier", "audit-planer", "optaelling"]
HOSTILE = "<script>alert('x')</script> Træning i at tage bussen."


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag: str) -> list[dict]:
        return [attrs for t, attrs in self.tags if t == tag]

    @property
    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if "id" in attrs}


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[str, PageParser]:
    base = tmp_path_factory.mktemp("html")
    run = write_run_folder(base / "run", decisions=True,
                           extra_statements=[("maal", HOSTILE, "genoptraening", 0.5, True)])
    catalogue = build_catalogue(load_runs([run]), load_content())
    path = write_catalogue_html(catalogue, base / "snitfladekatalog.html")
    html = path.read_text(encoding="utf-8")
    parser = PageParser()
    parser.feed(html)
    return html, parser


def test_every_section_is_present_and_in_the_table_of_contents(page):
    _, parser = page
    assert set(SECTIONS) <= parser.ids
    toc = {a["href"] for a in parser.find("a") if a.get("href", "").startswith("#")}
    assert {f"#{s}" for s in SECTIONS} <= toc
    for label in ("genoptraening", "behandling", "social", "beskaeftigelse", "forebyggelse",
                  "civilsamfund"):
        assert f"snitflade-{label}" in parser.ids


def test_danish_and_accessible(page):
    html, parser = page
    assert parser.find("html")[0]["lang"] == "da"
    assert parser.find("main")[0]["id"] == "indhold"
    assert any(a.get("href") == "#indhold" and "spring" in a.get("class", "")
               for a in parser.find("a")), "skip link"
    assert len(parser.find("h1")) == 1
    assert len(parser.find("caption")) >= 3
    assert all(th.get("scope") in ("col", "row") for th in parser.find("th"))
    charts = [d for d in parser.find("div") if "soejlediagram" in d.get("class", "")]
    assert charts and all(c.get("role") == "figure" and c.get("aria-labelledby")
                          and c.get("aria-describedby") for c in charts)
    described = {c["aria-describedby"] for c in charts}
    assert described <= parser.ids, "charts have a text description"
    assert parser.find("nav")[0].get("aria-label") == "Indholdsfortegnelse"
    assert any(i.get("id") == "soeg" for i in parser.find("input"))
    assert any(label.get("for") == "soeg" for label in parser.find("label"))
    assert "@media print" in html


def test_self_contained_no_other_host(page):
    _, parser = page
    for tag, attrs in parser.tags:
        for name in ("src", "href", "action", "data", "poster"):
            value = attrs.get(name)
            if value is None:
                continue
            assert value.startswith(("#", "data:")), f"<{tag} {name}={value!r}>"
    assert not [a for a in parser.find("link")], "no external stylesheet"
    assert all("src" not in s for s in parser.find("script"))
    assert all(s.get("xmlns", "").startswith("http://www.w3.org/") for s in parser.find("svg"))


def test_no_internal_file_names_or_spec_references(page):
    html, parser = page
    text = " ".join(parser.text)
    for internal in (".yaml", ".csv", "DOMAIN", "§4)", "spec/", "run.json"):
        assert internal not in text, f"'{internal}' i sidens tekst"


def test_chart_labels_are_whole_and_shares_carry_their_n(page):
    html, parser = page
    assert "…" not in " ".join(parser.text), "ingen afkortede etiketter"
    # Every bar of the fulfilment chart says how many plans its share rests on.
    values = re.findall(r'<span class="soejle-vaerdi">([^<]*)</span>', html)
    shares = [v for v in values if "%" in v and "af" in v]
    assert shares and all(re.fullmatch(r"\d+ % \(\d+ af \d+\)", v) for v in shares)
    # The summary's lowest shares too.
    summary = html.split('id="sammenfatning"')[1].split("</section>")[0]
    assert re.search(r"\d+ %</span> \w+.*\(\d+ af \d+ planer\)", summary)


def test_plan_ids_never_wrap(page):
    html, _ = page
    ids = re.findall(r'<span class="plan-id">([^<]*)</span>', html)
    assert ids and all(re.fullmatch(r"MK-2025-\d\d", i) for i in ids)
    assert ".plan-id { white-space: nowrap; }" in html


def test_colours_come_from_the_one_threshold_table(page):
    from auditlib.catalogue.html import share_class
    from auditlib.vocabulary import SHARE_LEVEL_TITLES, SHARE_LEVELS

    html, _ = page
    for limit, level in SHARE_LEVELS[:-1]:
        assert share_class(limit - 0.001) == level
    assert share_class(1.0) == "god" and share_class(None) == "ingen"
    assert all(title in html for title in SHARE_LEVEL_TITLES.values())
