"""How long importing a plan takes: parse each seed (.txt, and .docx/.pdf built from it) and print the figures.

Run: .venv/bin/python bench/plan_import.py [--repeat N]
The figure is the parser's time (domain.plan_import) per file, median of N runs; saving to the database is
measured by `--save` on SQLite through the same service the app uses.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(func, repeat: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", action="store_true", help="also time the save into a fresh SQLite database")
    args = parser.parse_args()

    from domain.plan_import import parse_plan_file

    try:
        from domain.plan_import.tests.fixtures import build_docx, build_pdf
    except ImportError:
        build_docx = build_pdf = None  # type: ignore[assignment]

    seeds = sorted((ROOT / "demo" / "seeds").glob("*.txt"))
    print(f"{'tệp':<28} {'định dạng':<9} {'thời gian':>10}  nhiệm vụ")
    for path in seeds:
        forms = [("txt", path.read_bytes(), path.name)]
        if build_docx is not None and path.name[:3] in {"001", "003"}:
            forms.append(("docx", build_docx(path), path.stem + ".docx"))
            forms.append(("pdf", build_pdf(path), path.stem + ".pdf"))
        for kind, data, name in forms:
            seconds = timed(lambda d=data, n=name: parse_plan_file(d, n), args.repeat)
            tasks = len(parse_plan_file(data, name).tasks)
            print(f"{path.name:<28} {kind:<9} {seconds * 1000:>8.1f} ms  {tasks}")

    if args.save:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
        os.environ["DATABASE_URL"] = "sqlite:///" + str(ROOT / "var" / "bench-import.sqlite3")
        import django

        django.setup()
        from django.core.management import call_command

        from apps.core.demo import build_demo
        from apps.organizations.models import Agency
        from apps.plans.importer import parse_document
        from apps.plans.services import plan_save_from_parse

        call_command("migrate", verbosity=0)
        build_demo()
        agency = Agency.objects.get(code="DLK-SXD")
        for path in seeds:
            data = path.read_bytes()
            start = time.perf_counter()
            plan_save_from_parse(
                agency=agency,
                result=parse_document(data=data, filename=path.name),
                original=data,
                original_name=path.name,
            )
            print(f"{path.name:<28} lưu vào SQLite  {(time.perf_counter() - start) * 1000:>8.1f} ms")
        (ROOT / "var" / "bench-import.sqlite3").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
