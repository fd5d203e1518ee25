"""Write the Word and PDF documents of the held-out set from their source texts in ``src/``.

Run: .venv/bin/python domain/plan_import/tests/corpus/heldout/build.py [--check]

The same source format and the same byte-stable builders as the main corpus (``../build.py``); only the
folders differ: ``src/NN_name.src`` becomes ``NN_name.docx`` or ``NN_name.pdf`` beside this script, as
its expected result (``NN_name.json``, field ``file``) names.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[4]))

from domain.plan_import.tests.corpus import build as corpus_build  # noqa: E402

SOURCES = HERE / "src"


def targets() -> dict[Path, Path]:
    """Each source and the document it builds (the format named by the expected result)."""
    built: dict[Path, Path] = {}
    for source in sorted(SOURCES.glob("*.src")):
        expected = HERE / (source.stem + ".json")
        name = json.loads(expected.read_text(encoding="utf-8"))["file"]
        built[source] = HERE / name
    return built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a committed file is out of date")
    args = parser.parse_args()
    stale = []
    for source, target in targets().items():
        data = corpus_build.build(source, target)
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(target.name)
            continue
        target.write_bytes(data)
        print(f"{target.name}: {len(data)} bytes")
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
