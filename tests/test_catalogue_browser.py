"""The catalogue page in headless Chromium: it renders, its script runs without errors,
and the search (given as ?q= in the address) hides the rows that do not match."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from auditlib.catalogue import build_catalogue, load_content, load_runs
from auditlib.catalogue.html import write_catalogue_html
from tests.catalogue_runs import write_run_folder

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium er ikke installeret "
                       "(Debian-pakken 'chromium'; scripts/install-system-deps.sh)"),
]
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
