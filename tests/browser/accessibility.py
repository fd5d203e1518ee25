"""What every main page must pass: axe-core (from the npm registry, see scripts/test.sh) with no serious or
critical violation, and no English word or developer text in what a user reads."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

AXE_PATH = Path(__file__).resolve().parents[2] / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")

# English left in front of users, as testers found it: words of untranslated libraries, codes printed as
# labels, Python values. Maintained: add what a new finding shows, with the word boundaries kept.
ENGLISH_WORDS = (
    "No data",
    "Forbidden",
    "Not Found",
    "Choose",
    "Submit",
    "Log entry",
    "Access attempts",
    "Task results",
    "responsibility",
    "authority",
    "quarterly",
    "objectives",
    "plan.issuer",
    "Select",
    "Search",
    "Save",
    "Cancel",
    "Delete",
    "Previous",
    "Next",
    "Page",
    "Unknown",
    "None",
    "True",
    "False",
    "null",
    "undefined",
    "NaN",
    "Server Error",
)
# Commands and syntax for the administrator (their place is the health page), never for the people at work.
DEVELOPER_TEXTS = (
    "apt-get",
    "pip install",
    "npm install",
    "manage.py",
    "cchc dossiers",
    "cchc worker",
    "libreoffice-writer",
    "chưa đối chiếu văn bản",
    "docxtpl",
    "{{",
    "{%",
    "Traceback",
    "DJANGO_",
)
_ENGLISH = re.compile(r"(?<![\w.])(" + "|".join(re.escape(word) for word in ENGLISH_WORDS) + r")(?![\w])")


def forbidden_texts(text: str) -> list[str]:
    """Each deny-listed word or developer text found, with a little context."""
    found = []
    for match in _ENGLISH.finditer(text):
        start = max(0, match.start() - 40)
        found.append(f"“{match.group(0)}” trong “…{text[start : match.end() + 40]}…”".replace("\n", " "))
    for needle in DEVELOPER_TEXTS:
        index = text.find(needle)
        if index >= 0:
            found.append(f"“{needle}” trong “…{text[max(0, index - 40) : index + 60]}…”".replace("\n", " "))
    return found


@cache
def axe_source() -> str:
    if not AXE_PATH.exists():
        raise AssertionError(
            "Thiếu axe-core: chạy scripts/test.sh (cài bằng npm vào var/node) hoặc "
            "`npm install --prefix var/node axe-core`."
        )
    return AXE_PATH.read_text(encoding="utf-8")


def axe_violations(page: Any) -> list[str]:
    """Serious and critical violations on the page as it is now; the context needs bypass_csp=True (the
    Content-Security-Policy forbids injected scripts, as it should for everything else)."""
    page.evaluate(axe_source())
    violations = page.evaluate(
        """async () => {
          const result = await axe.run(document, {resultTypes: ["violations"]});
          return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
        }"""
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) tại {', '.join(v['nodes'])}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


def colour_only_statuses(page: Any) -> list[str]:
    """Status badges and dots that say nothing in words: colour would be the only signal. Chart marks are
    left out: each chart has its table beside it."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll(".badge, .status, .dot, [class*='status-']"))
          .filter(el => !el.closest("svg") && el.offsetParent !== null)
          .filter(el => !(el.innerText || "").trim() && !el.getAttribute("aria-label") && !el.getAttribute("title"))
          .slice(0, 3).map(el => el.outerHTML.slice(0, 120))"""
    )
