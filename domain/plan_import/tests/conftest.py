"""Seed plans in the three formats, built once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from domain.plan_import import PlanParseResult, parse_plan_file
from domain.plan_import.tests.fixtures import SEED_FILES, build_docx, build_pdf, seeds_dir

FORMATS = ("txt", "docx", "pdf")


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    directory = seeds_dir()
    if not all((directory / name).is_file() for name in SEED_FILES.values()):
        pytest.skip(f"seed plans not found in {directory} (set CCHC_SEEDS_DIR)")
    return directory


@pytest.fixture(scope="session")
def seed_files(seed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """The path of seed ``key`` in ``fmt``: the .txt itself, or a .docx/.pdf written to a temp dir."""
    built: dict[tuple[str, str], Path] = {}
    target = tmp_path_factory.mktemp("seed_documents")

    def path(key: str, fmt: str) -> Path:
        source = seed_dir / SEED_FILES[key]
        if fmt == "txt":
            return source
        if (key, fmt) not in built:
            data = build_docx(source) if fmt == "docx" else build_pdf(source)
            written = target / f"{source.stem}.{fmt}"
            written.write_bytes(data)
            built[key, fmt] = written
        return built[key, fmt]

    return path


@pytest.fixture(scope="session")
def parsed(seed_files: Callable[[str, str], Path]) -> Callable[[str, str], PlanParseResult]:
    """Seed ``key`` in ``fmt`` parsed (once per session)."""
    results: dict[tuple[str, str], PlanParseResult] = {}

    def parse(key: str, fmt: str = "txt") -> PlanParseResult:
        if (key, fmt) not in results:
            path = seed_files(key, fmt)
            results[key, fmt] = parse_plan_file(path.read_bytes(), path.name)
        return results[key, fmt]

    return parse
