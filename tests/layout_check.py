"""Measure a page's layout in headless Chromium: tables, chart labels and plan ids that do
not fit. Shared by the catalogue, agenda and report browser tests."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)
NO_CHROMIUM = ("Chromium er ikke installeret (Debian-pakken 'chromium'; "
               "scripts/install-system-deps.sh installerer den)")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--hide-scrollbars")

# Runs in the page after layout; writes what does not fit into <pre id="layout-maaling">.
MEASURE = r"""
(function () {
  var problems = [];
  function where(el) {
    var section = el.closest("section[id], article[id]");
    var table = el.closest("table");
    var caption = table && table.querySelector("caption");
    return (section ? section.id : "side") + (caption ? " / " + caption.textContent.trim().slice(0, 50) : "");
  }
  function inside(inner, outer) {
    var a = inner.getBoundingClientRect(), b = outer.getBoundingClientRect();
    return a.left >= b.left - 1 && a.right <= b.right + 1;
  }
  document.querySelectorAll("table").forEach(function (table) {
    var frame = table.parentElement;
    if (table.scrollWidth > frame.clientWidth + 1) {
      problems.push({kind: "tabel for bred", where: where(table), need: table.scrollWidth, room: frame.clientWidth});
    }
    table.querySelectorAll("th, td").forEach(function (cell) {
      if (cell.scrollWidth > cell.clientWidth + 1) {
        problems.push({kind: "tekst uden for cellen", where: where(cell), need: cell.scrollWidth, room: cell.clientWidth});
      }
    });
  });
  document.querySelectorAll(".soejlediagram").forEach(function (chart) {
    chart.querySelectorAll(".soejle-etiket, .soejle-vaerdi, .akse-maerke").forEach(function (label) {
      if (label.scrollWidth > label.clientWidth + 1 || !inside(label, chart)) {
        problems.push({kind: "etiket uden for diagrammet", where: chart.id, need: label.scrollWidth, room: label.clientWidth});
      }
    });
  });
  document.querySelectorAll(".plan-id").forEach(function (id) {
    if (id.getClientRects().length > 1 || id.getBoundingClientRect().height > 40) {
      problems.push({kind: "plan-ID brudt over to linjer", where: where(id)});
    }
  });
  document.querySelectorAll("section, article, .kort, .tal-kort, .felt, .side, figure, nav").forEach(function (card) {
    if (card.scrollWidth > card.clientWidth + 1) {
      problems.push({kind: "indhold uden for kortet", where: card.id || card.className, need: card.scrollWidth, room: card.clientWidth});
    }
  });
  var out = document.createElement("pre");
  out.id = "layout-maaling";
  out.textContent = JSON.stringify({width: window.innerWidth, problems: problems});
  document.body.appendChild(out);
})();
"""


def chromium(profile: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def layout_problems(page: Path, width: int, work: Path) -> tuple[int, list[dict]]:
    """(the window's inner width, what does not fit) for ``page`` at ``width`` px."""
    measured = work / f"maaling-{width}-{page.name}"
    text = page.read_text(encoding="utf-8")
    measured.write_text(text.replace("</body>", f"<script>{MEASURE}</script></body>"),
                        encoding="utf-8")
    result = chromium(work / f"profil-{width}", f"--window-size={width},900", "--dump-dom",
                      measured.as_uri())
    found = re.search(r'<pre id="layout-maaling">(.*?)</pre>', result.stdout, re.S)
    assert found, f"Chromium målte ikke siden: {result.stderr[-1500:]}"
    data = json.loads(html.unescape(found.group(1)))
    return data["width"], data["problems"]
