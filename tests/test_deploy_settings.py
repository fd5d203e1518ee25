"""Production settings: they refuse weak keys, and `check --deploy` is clean with the documented environment."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "production.env.example"


def documented_environment() -> dict[str, str]:
    """docs/production.env.example, with a fresh random key wherever it says <…>."""
    found: dict[str, str] = {}
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, value = line.partition("=")
        found[name.strip()] = secrets.token_urlsafe(50) if value.startswith("<") else value
    return found


def run_django(arguments: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET", "SURVEYS_", "DATABASE"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env={**clean, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_environment():
    result = run_django(["check", "--deploy", "--fail-level", "WARNING"], documented_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "cchc-insecure-key-for-local-use-only-change-me-in-production"}, "SECRET_KEY"),
        ({"SECRET_KEY": "ngan-qua"}, "SECRET_KEY"),
        ({"SECRET_KEY": "a" * 60}, "SECRET_KEY"),
        ({"SURVEYS_LINK_KEY": ""}, "SURVEYS_LINK_KEY"),
        ({"SURVEYS_LINK_KEY": "<một khóa ngẫu nhiên khác>"}, "SURVEYS_LINK_KEY"),
    ],
)
def test_production_refuses_to_start_with_a_weak_key(change, named):
    environment = {**documented_environment(), **change}
    result = run_django(["check"], environment)
    assert result.returncode != 0
    assert named in result.stderr
    assert "ít nhất 50 ký tự" in result.stderr


def test_production_refuses_the_same_key_for_sessions_and_survey_links():
    environment = documented_environment()
    environment["SURVEYS_LINK_KEY"] = environment["SECRET_KEY"]
    result = run_django(["check"], environment)
    assert result.returncode != 0
    assert "SURVEYS_LINK_KEY phải khác SECRET_KEY" in result.stderr
