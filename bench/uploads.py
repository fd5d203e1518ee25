"""What the upload gate costs: time and memory for the largest accepted files and for each zip bomb.

Run: .venv/bin/python bench/uploads.py [--keep DIR]

The files are built first in a temporary folder (bombs from zeros with ZIP_DEFLATED, streamed in 1 MB pieces;
nothing is committed). Each one is then judged in a fresh Python process, read from disk as Django reads a
large upload: the figures are the gate's wall time, the peak of Python allocations during it (tracemalloc,
a second run) and the growth of the process's peak resident memory (ru_maxrss) over what it had after the
imports. The target: under 100 MB of growth for the largest accepted upload.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MB = 1 << 20
GIB = 1 << 30


def _xml_part(archive: zipfile.ZipFile, name: str, size: int, seed: int) -> None:
    """A Word body of ``size`` bytes that deflates 5–10 times, as a long real document does: paragraphs
    drawn at random from 50,000 different ones (so no stretch repeats within deflate's 32 KB window)."""
    rng = random.Random(seed)
    words = [f"{stem}{n}" for stem in ("nhiệm vụ ", "đơn vị ", "kế hoạch ", "chỉ tiêu ") for n in range(500)]
    pool = [
        f"<w:p><w:r><w:t>{' '.join(rng.choices(words, k=10))} {rng.getrandbits(32):08x}</w:t></w:r></w:p>".encode()
        for _ in range(50_000)
    ]
    with archive.open(name, "w") as member:
        written = 0
        while written < size:
            chunk = b"".join(rng.choices(pool, k=2000))
            member.write(chunk)
            written += len(chunk)


def largest_docx(path: Path, parts: dict[str, int], media_bytes: int) -> None:
    from domain.uploads.tests.samples import docx

    base = zipfile.ZipFile(io.BytesIO(docx()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in base.infolist():
            if info.filename not in parts:
                archive.writestr(info.filename, base.read(info))
        for seed, (name, size) in enumerate(parts.items()):
            _xml_part(archive, name, size, seed)
        left, number = media_bytes, 1
        while left > 0:  # photos: already compressed, stored as they are
            size = min(left, 4 * MB)
            archive.writestr(f"word/media/image{number}.jpeg", random.Random(number).randbytes(size))
            left -= size
            number += 1


def build(folder: Path) -> list[tuple[str, str, Path]]:
    from domain.uploads.tests import samples

    cases: list[tuple[str, str, Path]] = []

    def add(label: str, rule: str, name: str, writer) -> None:  # type: ignore[no-untyped-def]
        path = folder / name
        with path.open("wb") as target:
            writer(target)
        cases.append((label, rule, path))

    path = folder / "minh-chung-lon-nhat.docx"
    largest_docx(path, {"word/document.xml": 58 * MB, "word/footnotes.xml": 58 * MB}, media_bytes=MB)
    cases.append(("largest accepted evidence .docx", "EVIDENCE", path))
    path = folder / "mau-lon-nhat.docx"
    largest_docx(path, {"word/document.xml": 29 * MB, "word/styles.xml": 19 * MB}, media_bytes=MB)
    cases.append(("largest accepted template .docx", "TEMPLATE", path))
    path = folder / "minh-chung-lon-nhat.pdf"
    path.write_bytes(samples.pdf(payload=random.Random(7).randbytes(19 * MB)))
    cases.append(("largest accepted evidence .pdf", "EVIDENCE", path))
    add(
        "bomb: 1 GiB document.xml",
        "TEMPLATE",
        "bom-1gib.docx",
        lambda t: samples.bomb(t, "word/document.xml", GIB),
    )
    add(
        "bomb: 300 MB styles.xml",
        "PLAN",
        "bom-styles.docx",
        lambda t: samples.bomb(t, "word/styles.xml", 300 * MB),
    )
    add("bomb: 100,000 parts", "EVIDENCE", "bom-nhieu-phan.docx", lambda t: samples.many_parts(t, 100_000))
    add("bomb: nested zip, 1 GiB inside", "EVIDENCE", "bom-long.docx", lambda t: samples.nested_bomb(t, GIB))
    lying = folder / "bom-khai-sai.docx"
    data = bytearray(samples.bomb_bytes("word/media/image1.png", 64 * MB))
    at = data.rfind(b"word/media/image1.png") - 46
    data[at + 24 : at + 28] = (1024).to_bytes(4, "little")  # declares 1 KB for 64 MB
    lying.write_bytes(bytes(data))
    cases.append(("bomb: 64 MB part declared as 1 KB", "EVIDENCE", lying))
    return cases


def judge_one(path: str, rule_name: str) -> dict[str, object]:
    """In the child process: one file through the gate, measured."""
    from domain import uploads

    rule = getattr(uploads, rule_name)
    with open(path, "rb") as stream:  # warm up: imports, first page-ins
        uploads.inspect_upload(io.BytesIO(b"%PDF-1.4\n%%EOF"), name="x.pdf", rule=rule)
        base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        verdict = uploads.inspect_upload(stream, name=Path(path).name, rule=rule)
        elapsed = time.perf_counter() - started
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        uploads.inspect_upload(stream, name=Path(path).name, rule=rule)
        _, traced = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return {
        "ok": verdict.ok,
        "reason": verdict.reason,
        "seconds": elapsed,
        "rss_growth_mb": (peak_rss - base_rss) / 1024,  # ru_maxrss is in KB on Linux
        "rss_base_mb": base_rss / 1024,
        "traced_peak_mb": traced / MB,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", help="build the files in this folder and keep them")
    parser.add_argument("--one", nargs=2, metavar=("PATH", "RULE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(judge_one(*args.one)))
        return
    with tempfile.TemporaryDirectory(prefix="cchc-bench-uploads-") as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        cases = build(folder)
        print(f"built {len(cases)} files in {time.perf_counter() - started:.1f} s\n")
        print(
            f"{'file':<36} {'rule':<9} {'size':>8} {'inflated':>9} {'verdict':<8} {'time':>8} {'RSS +':>8} {'traced':>8}"
        )
        for label, rule, path in cases:
            declared = _declared(path)
            child = subprocess.run(
                [sys.executable, __file__, "--one", str(path), rule],
                capture_output=True,
                text=True,
                check=True,
            )
            result = json.loads(child.stdout)
            verdict = "accepted" if result["ok"] else "refused"
            print(
                f"{label:<36} {rule:<9} {path.stat().st_size / MB:>6.1f}MB {declared / MB:>7.0f}MB {verdict:<8} "
                f"{result['seconds'] * 1000:>6.0f}ms {result['rss_growth_mb']:>6.1f}MB {result['traced_peak_mb']:>6.1f}MB"
            )
            if not result["ok"]:
                print(f"{'':<36} → {result['reason']}")
        print(f"\n(each child process had {result['rss_base_mb']:.0f} MB resident after its imports)")


def _declared(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return 0


if __name__ == "__main__":
    main()
