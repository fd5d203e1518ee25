"""How well the plan importer reads real documents: per-field accuracy over the corpus.

Run: .venv/bin/python bench/plan_import_corpus.py [--set main|heldout] [--verbose] [--json] [--only TEXT]

Each document of domain/plan_import/tests/corpus/ is parsed and compared with its expected result written
by hand (the rules are in that folder's README and in score.py). Prints the accuracy per field, per
document kind and in total (the mean of every check); --verbose adds each document's failing checks with
what was expected and what was read; --json prints all of it as JSON instead. A document the importer
refuses counts 0 on every field it has. --set heldout scores the held-out documents of
domain/plan_import/tests/corpus/heldout/ instead (written after the importer was tuned on the main corpus,
so they measure it on documents it has never seen; no test floor stands on them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIELD_LABELS = {
    "kind": "loại văn bản",
    "issuer": "cơ quan ban hành",
    "number": "số, ký hiệu",
    "issued_on": "ngày ban hành",
    "place": "địa danh",
    "title": "trích yếu",
    "basis": "căn cứ",
    "period": "thời kỳ",
    "objectives": "mục tiêu, chỉ tiêu",
    "tasks.found": "nhiệm vụ: tìm thấy (F1)",
    "tasks.title": "nhiệm vụ: tên",
    "tasks.lead": "nhiệm vụ: chủ trì",
    "tasks.cooperating": "nhiệm vụ: phối hợp",
    "tasks.timeline": "nhiệm vụ: thời gian",
    "tasks.deliverable": "nhiệm vụ: sản phẩm",
    "rubrics": "thang điểm thi đua",
}


SETS = {"main": ".", "heldout": "heldout"}


def _pct(value: float | None) -> str:
    return "   —  " if value is None else f"{value * 100:5.1f}%"


def _short(value: Any, width: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the failing checks of every document")
    parser.add_argument("--json", action="store_true", help="print the summary and the failures as JSON")
    parser.add_argument("--only", help="only the documents whose file name contains this text")
    parser.add_argument(
        "--set",
        choices=sorted(SETS),
        default="main",
        help="the main corpus (default) or the held-out documents the importer was not tuned on",
    )
    args = parser.parse_args()

    from domain.plan_import.tests.corpus.score import CORPUS_DIR, FIELDS, GROUPS, failures, run, summarise

    results = run(CORPUS_DIR / SETS[args.set], only=args.only)
    summary = summarise(results)
    if args.json:
        print(
            json.dumps({**summary, "failures": failures(results)}, ensure_ascii=False, indent=2, default=str)
        )
        return 0

    print(
        f"Kho văn bản: {summary['documents']} tệp; từ chối: {len(summary['refused'])}; lỗi: {len(summary['crashed'])}"
    )
    print()
    print(f"{'trường':<44} {'đúng':>8}")
    for name in FIELDS:
        print(f"{FIELD_LABELS[name] + ' (' + name + ')':<44} {_pct(summary['per_field'][name]):>8}")
    print()
    groups = list(GROUPS)
    print(f"{'loại văn bản':<20} {'tệp':>4} " + " ".join(f"{g:>10}" for g in groups) + f" {'chung':>8}")
    for kind, row in summary["per_kind"].items():
        cells = " ".join(f"{_pct(row[g]):>10}" for g in groups)
        print(f"{kind:<20} {row['documents']:>4} {cells} {_pct(row['total']):>8}")
    print()
    print(f"TỔNG (trung bình mọi phép so): {_pct(summary['total'])}")
    print()
    print(f"{'tệp':<62} {'trạng thái':<9} {'điểm':>7} {'thời gian':>10}")
    for name, row in summary["per_document"].items():
        print(f"{name:<62} {row['status']:<9} {_pct(row['score']):>7} {row['seconds'] * 1000:>8.1f} ms")

    if args.verbose:
        print()
        status = {r.name: r for r in results}
        for name, checks in failures(results).items():
            print(f"== {name}")
            if status[name].status != "ok":
                print(f"  {status[name].status}: {checks[0]['note'].partition(': ')[2]}")
                print(f"  mọi trường đều tính sai ({len(checks)} phép so)")
                continue
            for check in checks:
                print(f"  {check['field']:<18} {_pct(check['score'])}  {check['note']}")
                if not check["field"].startswith("tasks.") or check["field"] == "tasks.found":
                    print(f"      mong đợi: {_short(check['expected'])}")
                    print(f"      đọc được: {_short(check['got'])}")
                else:
                    for expected, got in zip(check["expected"], check["got"], strict=False):
                        print(f"      mong đợi: {_short(expected, 100)}  |  đọc được: {_short(got, 100)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
