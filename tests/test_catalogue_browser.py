"""The catalogue page in headless Chromium: it renders, its script runs without errors,
and the search (given as ?q= in the address) hides the rows that do not match."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from auditlib.catalogue import build_catalogue, load_content, load_runs
from auditlib.catalogue.html import write_catalogue_html
from tests.catalogue_runs import write_run_folder
from tests.layout_check import CHROMIUM, NO_CHROMIUM

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)]
UNIQUE = "Zebrakursus i at handle ind om formiddagen."


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
               "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line and re.search(r"Uncaught|Error|error", line)]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("browser")
    run = write_run_folder(base / "run", decisions=True, n_plans=3,
                           extra_statements=[("maal", UNIQUE, "social", 0.5, True)])
    catalogue = build_catalogue(load_runs([run]), load_content())
    return write_catalogue_html(catalogue, base / "snitfladekatalog.html")


class RowParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root: dict = {}
        self.rows: list[tuple[dict, list[str]]] = []
        self._row: tuple[dict, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root = attrs
        if tag == "tr" and "soegbar" in (attrs.get("class") or "").split():
            self._row = (attrs, [])
            self.rows.append(self._row)

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._row is not None:
            self._row[1].append(data)


def test_page_renders_to_a_screenshot_without_errors(page: Path, tmp_path: Path):
    shot = tmp_path / "katalog.png"
    result = _chromium(tmp_path / "profil", f"--screenshot={shot}", "--window-size=1280,2000",
                       page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file() and shot.stat().st_size > 30_000
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        colours = image.convert("RGB").resize((64, 100)).getcolors(64 * 100)
        assert colours is not None and len(colours) > 20, "the screenshot is (nearly) blank"
    assert _console_errors(result.stderr) == []


def test_search_from_the_address_filters_rows(page: Path, tmp_path: Path):
    url = page.as_uri() + "?q=" + quote("zebrakursus")
    result = _chromium(tmp_path / "profil", "--dump-dom", url)
    assert result.returncode == 0, result.stderr[-2000:]
    parser = RowParser()
    parser.feed(result.stdout)

    assert parser.root.get("data-js-klar") == "ja", "the page script did not finish"
    assert "data-js-fejl" not in parser.root
    assert _console_errors(result.stderr) == []
    shown = [" ".join(text) for attrs, text in parser.rows if "hidden" not in attrs]
    hidden = [attrs for attrs, _ in parser.rows if "hidden" in attrs]
    assert len(shown) == 3 and all("Zebrakursus" in text for text in shown)
    assert len(hidden) > 20
    assert parser.root.get("data-soeg-viser") == "3"
    assert "Viser 3 af" in result.stdout


def test_without_a_query_nothing_is_hidden(page: Path, tmp_path: Path):
    result = _chromium(tmp_path / "profil", "--dump-dom", page.as_uri())
    parser = RowParser()
    parser.feed(result.stdout)
    assert parser.root.get("data-js-klar") == "ja"
    assert parser.rows and not [a for a, _ in parser.rows if "hidden" in a]


# -- layout: nothing overflows at the widths a forum member uses -------------------------------
LONG_WORD = "Sygedagpengeopfølgningssamtaleforløbskoordineringen"


@pytest.fixture(scope="module")
def demo_page(tmp_path_factory) -> Path:
    """The demo audit (real titles, long sector names) with a second cluster and two runs
    of it, so the page has every table: the cluster column and the change over time."""
    from auditlib.audit import run_audit, write_run
    from auditlib.config import load_config
    from auditlib.demo import DEMO_REGISTER
    from auditlib.register import load_register

    base = tmp_path_factory.mktemp("layout")
    result = run_audit(load_register(DEMO_REGISTER), load_config(None))
    write_run(result, base / "demo", inputs=(DEMO_REGISTER,))
    long_text = f"{LONG_WORD} og {LONG_WORD.lower()} skal afklares med jobcentret. " * 3
    south = [write_run_folder(base / f"syd-{n}", cluster="Sydklyngen", prefix="SK", n_plans=4,
                              failing={"K10": n}, started=f"2026-0{n + 1}-10T10:00:00",
                              extra_statements=[("maal", long_text, "beskaeftigelse", 0.55, True)])
             for n in (1, 2)]
    catalogue = build_catalogue(load_runs([base / "demo", *south]), load_content())
    return write_catalogue_html(catalogue, base / "snitfladekatalog.html")


@pytest.mark.parametrize("width", [1400, 1024])
def test_nothing_overflows(demo_page: Path, tmp_path: Path, width: int):
    from tests.layout_check import layout_problems

    page_text = demo_page.read_text(encoding="utf-8")
    assert 'id="udvikling"' in page_text and "Opfyldelse pr. kriterium og klynge" in page_text
    inner, problems = layout_problems(demo_page, width, tmp_path)
    assert inner == width
    assert problems == [], "\n".join(str(p) for p in problems)
