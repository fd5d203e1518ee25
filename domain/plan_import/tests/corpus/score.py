"""Compare what the plan importer reads from each corpus document with the expected result written by hand.

Used by ``bench/plan_import_corpus.py`` (the table) and ``test_corpus.py`` (the floor). The rules, stated
once here and in the README:

* Header fields (kind, issuer, number, issued_on, place, title) count 1 when equal after normalising:
  Unicode NFC, case, diacritics-insensitive (the parser never invents accents, so folding only forgives
  "Ủy"/"Uỷ" and upper-case titles), every dash as "-", quotes dropped, whitespace collapsed, trailing
  punctuation dropped. ``issuer`` also forgives "Ủy ban nhân dân" for "UBND" and a trailing "tỉnh X".
  ``title`` ignores a leading "Ban hành Kế hoạch", "Kế hoạch", "V/v", "Về việc", "Về" on both sides (so a
  decision's title may be given as the decision's subject or as the plan's title). ``kind`` also accepts
  the English names (plan, directive, decision, official_letter, conclusion_notice).
* ``period`` counts 1 when start and end are both equal.
* ``basis`` is the F1 of the cited numbers ("76/NQ-CP"), compared without spaces, case or diacritics.
* ``objectives`` is the recall of the expected targets: an expected text is found when a parsed objective
  contains it after normalisation, or is ≥ 0.8 similar to it.
* Tasks are paired greedily by best title similarity (≥ 0.6, Vietnamese folded text; containment counts
  as the length ratio). ``tasks.found`` is the F1 of that pairing (precision: parsed tasks that pair,
  recall: expected tasks that pair). ``tasks.title/lead/cooperating/timeline/deliverable`` are the share of
  expected tasks whose pair has that column right (an unpaired expected task fails all five): title
  similarity ≥ 0.9; lead and cooperating equal as sets of names (items split at ";") or equal as the
  joined text; timeline equal after normalising (leading "hoàn thành", "thực hiện", "trong", "vào",
  "định kỳ" dropped) or, when the expected text names a full date, the parsed due date is that date;
  ``null`` expects none; deliverable ≥ 0.8 similar, or one is the other followed by more words (the head
  noun of at least two words, as in "Tờ gấp hướng dẫn" / "Tờ gấp hướng dẫn thủ tục …"), "" expects none.
* ``rubrics`` (emulation plans only): one point per expected criterion found in a parsed group with the
  same points and a title ≥ 0.8 similar, one per expected group whose total points is found; divided by
  their number.

A field the expected result leaves empty (no basis, no objectives, no tasks, no rubrics) is not scored
for that document. A document the importer refuses or crashes on scores 0 on every field it has.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from domain.vntext import fold

CORPUS_DIR = Path(__file__).resolve().parent
KINDS = ("ke_hoach", "chi_thi", "quyet_dinh", "cong_van", "thong_bao_ket_luan")
HEADER_FIELDS = ("kind", "issuer", "number", "issued_on", "place", "title")
TASK_FIELDS = (
    "tasks.found",
    "tasks.title",
    "tasks.lead",
    "tasks.cooperating",
    "tasks.timeline",
    "tasks.deliverable",
)
FIELDS = (*HEADER_FIELDS, "basis", "period", "objectives", *TASK_FIELDS, "rubrics")
GROUPS = {
    "header": HEADER_FIELDS,
    "basis": ("basis",),
    "period": ("period",),
    "objectives": ("objectives",),
    "tasks": TASK_FIELDS,
    "rubrics": ("rubrics",),
}
KIND_SYNONYMS = {
    "plan": "ke_hoach",
    "ke_hoach": "ke_hoach",
    "directive": "chi_thi",
    "chi_thi": "chi_thi",
    "decision": "quyet_dinh",
    "quyet_dinh": "quyet_dinh",
    "official_letter": "cong_van",
    "dispatch": "cong_van",
    "cong_van": "cong_van",
    "conclusion_notice": "thong_bao_ket_luan",
    "notice": "thong_bao_ket_luan",
    "thong_bao_ket_luan": "thong_bao_ket_luan",
}
TASK_PAIR_THRESHOLD = 0.6

# --------------------------------------------------------------------------------------- normalisation

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[\"“”‘’'«»]")
_SPACE_PUNCT = re.compile(r"\s+([,;:.)])|([(])\s+")
_TRAILING = re.compile(r"[\s.,;:/]+$")
_TITLE_PREFIX = re.compile(r"^(?:ban hanh ke hoach|ke hoach|v/v|ve viec|ve)\s+")


def canon(text: object) -> str:
    """Text for equality: NFC, folded (case and diacritics), dashes unified, quotes and end punctuation gone."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text)).replace("\u00a0", " ")
    value = value.replace("*", "").replace("|", " ")
    value = _DASHES.sub("-", value)
    value = _QUOTES.sub("", value)
    value = fold(value)
    value = re.sub(r"\s*-\s*", " - ", value)
    value = _SPACE_PUNCT.sub(lambda m: m.group(1) or m.group(2), value)
    value = re.sub(r"\s+", " ", value).strip()
    return _TRAILING.sub("", value)


def canon_issuer(text: object) -> str:
    value = canon(text)
    value = value.replace("uy ban nhan dan", "ubnd").replace("hoi dong nhan dan", "hdnd")
    return value


def canon_title(text: object) -> str:
    value = canon(text)
    for _ in range(2):
        value = _TITLE_PREFIX.sub("", value)
    return value


def canon_number(text: object) -> str:
    return re.sub(r"\s+", "", canon(text))


def similarity(a: object, b: object) -> float:
    """0..1 similarity of two texts after normalisation; containment counts as the length ratio."""
    left, right = canon(a), canon(b)
    if not left and not right:
        return 1.0
    if not left or not right:
        return 0.0
    if left == right:
        return 1.0
    short, long = sorted((left, right), key=len)
    contained = len(short) / len(long) if short in long else 0.0
    return max(contained, SequenceMatcher(None, left, right, autojunk=False).ratio())


# ------------------------------------------------------------------------------------------------ shapes


@dataclass
class Check:
    """One scored field of one document: ``score`` in 0..1, with what was expected and what was read."""

    field: str
    score: float
    expected: Any
    got: Any
    note: str = ""


@dataclass
class DocumentScore:
    name: str
    kind: str
    status: str  # ok, refused, crashed
    seconds: float
    checks: list[Check] = field(default_factory=list)

    def score(self) -> float:
        return sum(c.score for c in self.checks) / len(self.checks) if self.checks else 0.0


def expected_documents(directory: Path = CORPUS_DIR) -> list[dict[str, Any]]:
    """Every expected result of the corpus (``NN_name.json``), in file order."""
    return [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("[0-9][0-9]_*.json"))
    ]


# ------------------------------------------------------------------------------------------- parser side


def parse_document(path: Path) -> tuple[str, dict[str, Any] | str]:
    """("ok", the importer's JSON) or ("refused"/"crashed", the message)."""
    from domain.plan_import import DocumentError, parse_plan_file, to_json_dict

    try:
        result = parse_plan_file(path.read_bytes(), path.name)
        data = to_json_dict(result)
    except DocumentError as error:
        return "refused", error.message
    except Exception as error:  # the score must not stop at one document
        return "crashed", f"{type(error).__name__}: {error}"
    # Fields the dataclass has but the JSON form may not (yet) carry.
    for name in ("kind", "rubrics"):
        if name not in data and hasattr(result, name):
            data[name] = _plain(getattr(result, name))
        if name not in data.get("plan", {}) and hasattr(result.plan, name):
            data.setdefault("plan", {})[name] = _plain(getattr(result.plan, name))
    return "ok", data


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def got_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The parser's JSON reduced to the expected result's fields and value forms."""
    plan = data.get("plan") or {}
    number, symbol = plan.get("number"), plan.get("symbol")
    tasks = []
    for task in data.get("tasks") or []:
        timeline = task.get("timeline") or {}
        tasks.append(
            {
                "title": task.get("title") or "",
                "lead": list(task.get("lead") or []),
                "cooperating": list(task.get("cooperating") or []),
                "timeline": timeline.get("raw") if isinstance(timeline, dict) else timeline,
                "due": timeline.get("due") if isinstance(timeline, dict) else None,
                "deliverable": task.get("deliverable") or "",
            }
        )
    period = data.get("period") or {"start": plan.get("period_start"), "end": plan.get("period_end")}
    return {
        "kind": data.get("kind") or plan.get("kind"),
        "issuer": plan.get("issuer"),
        "number": _join_number(number, symbol),
        "issued_on": plan.get("issued_on"),
        "place": plan.get("place"),
        "title": plan.get("title"),
        "period": {"start": period.get("start"), "end": period.get("end")},
        "basis": [_join_number(ref.get("number"), ref.get("symbol")) for ref in data.get("basis") or []],
        "objectives": [o.get("text") or "" for o in data.get("objectives") or []],
        "tasks": tasks,
        "rubrics": data.get("rubrics") or plan.get("rubrics") or [],
    }


def _join_number(number: object, symbol: object) -> str | None:
    if number and symbol:
        return f"{number}/{symbol}"
    if symbol:
        return f"/{symbol}"
    return str(number) if number else None


# --------------------------------------------------------------------------------------------- scoring


def score_document(
    expected: dict[str, Any], status: str, data: dict[str, Any] | str, seconds: float = 0.0
) -> DocumentScore:
    """Every applicable check of one document."""
    doc = DocumentScore(name=expected["file"], kind=expected["kind"], status=status, seconds=seconds)
    applicable = _applicable(expected)
    if status != "ok" or not isinstance(data, dict):
        doc.checks = [
            Check(name, 0.0, _expected_value(expected, name), None, f"{status}: {data}")
            for name in applicable
        ]
        return doc
    got = got_fields(data)
    for name in HEADER_FIELDS:
        doc.checks.append(_header_check(name, expected.get(name), got.get(name), expected.get("place")))
    if "basis" in applicable:
        doc.checks.append(_basis_check(expected["basis"], got["basis"]))
    exp_period, got_period = expected["period"], got["period"]
    doc.checks.append(
        Check(
            "period",
            float(
                exp_period.get("start") == got_period["start"] and exp_period.get("end") == got_period["end"]
            ),
            exp_period,
            got_period,
        )
    )
    if "objectives" in applicable:
        doc.checks.append(_objectives_check(expected["objectives"], got["objectives"]))
    if "tasks.found" in applicable:
        doc.checks.extend(_task_checks(expected["tasks"], got["tasks"]))
    if "rubrics" in applicable:
        doc.checks.append(_rubrics_check(expected["rubrics"], got["rubrics"]))
    return doc


def _applicable(expected: dict[str, Any]) -> list[str]:
    names = [*HEADER_FIELDS]
    if expected.get("basis"):
        names.append("basis")
    names.append("period")
    if expected.get("objectives"):
        names.append("objectives")
    if expected.get("tasks"):
        names.extend(TASK_FIELDS)
    if expected.get("rubrics"):
        names.append("rubrics")
    return names


def _expected_value(expected: dict[str, Any], name: str) -> Any:
    if name.startswith("tasks."):
        return f"{len(expected.get('tasks') or [])} tasks"
    return expected.get(name)


def _header_check(name: str, expected: Any, got: Any, place: object = None) -> Check:
    if name == "kind":
        ok = KIND_SYNONYMS.get(str(got or "").lower()) == expected
    elif name == "issuer":
        ok = same_issuer(expected, got, place)
    elif name == "number":
        ok = canon_number(expected) == canon_number(got)
    elif name == "issued_on":
        ok = expected == got
    elif name == "title":
        ok = bool(canon_title(got)) and canon_title(expected) == canon_title(got)
    else:
        ok = canon(expected) == canon(got)
    return Check(name, float(ok), expected, got)


def same_issuer(expected: object, got: object, place: object = None) -> bool:
    """Equal names, or one is the other plus the province or the place ("Sở Tư pháp tỉnh Thanh Hóa",
    "Văn phòng UBND tỉnh" / "Văn phòng UBND tỉnh Lai Châu")."""
    e, g = canon_issuer(expected), canon_issuer(got)
    if not e or not g:
        return False
    if e == g:
        return True
    short, long = sorted((e, g), key=len)
    if not re.sub(r"\b(ubnd|hdnd|tinh|thanh pho|xa|phuong)\b", "", short).strip():
        return False  # "UBND", "UBND xã" name no agency
    rest = long[len(short) :] if long.startswith(short + " ") else ""
    suffixes = [r"(tinh|thanh pho) .+"]
    if canon(place):
        suffixes.append(r"(tinh |thanh pho |xa |phuong )?" + re.escape(canon(place)))
    return any(re.fullmatch(" " + suffix, rest) for suffix in suffixes)


def _f1(matched: int, expected: int, got: int) -> float:
    if expected == 0 and got == 0:
        return 1.0
    if matched == 0:
        return 0.0
    precision, recall = matched / got, matched / expected
    return 2 * precision * recall / (precision + recall)


def _basis_check(expected: list[str], got: list[str | None]) -> Check:
    exp = {canon_number(n) for n in expected}
    found = {canon_number(n) for n in got if n}
    matched = len(exp & found)
    missing = sorted(exp - found)
    extra = sorted(found - exp)
    note = "; ".join(
        p for p in (f"missing {missing}" if missing else "", f"extra {extra}" if extra else "") if p
    )
    return Check("basis", _f1(matched, len(exp), len(found)), expected, got, note)


def _objectives_check(expected: list[str], got: list[str]) -> Check:
    missing = [e for e in expected if not any(canon(e) in canon(g) or similarity(e, g) >= 0.8 for g in got)]
    score = (len(expected) - len(missing)) / len(expected)
    return Check("objectives", score, expected, got, f"missing {missing}" if missing else "")


def pair_tasks(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one pairing of expected and parsed tasks by title similarity (≥ the threshold)."""
    candidates = []
    exp_titles = [canon(t["title"]) for t in expected]
    got_titles = [canon(t["title"]) for t in got]
    for i, e in enumerate(exp_titles):
        for j, g in enumerate(got_titles):
            if not g:
                continue
            value = similarity(e, g)
            if value >= TASK_PAIR_THRESHOLD:
                candidates.append((value, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_e: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for value, i, j in candidates:
        if i in used_e or j in used_g:
            continue
        used_e.add(i)
        used_g.add(j)
        pairs.append((i, j, value))
    return sorted(pairs)


def _names(values: Iterable[str]) -> tuple[set[str], str]:
    items = [canon_issuer(part) for value in values for part in str(value).split(";")]
    items = [i for i in items if i]
    joined = re.sub(r"[\s,;]+", " ", " ".join(items)).strip()
    return set(items), joined


def _same_names(expected: list[str], got: list[str]) -> bool:
    exp_set, exp_joined = _names(expected)
    got_set, got_joined = _names(got)
    return exp_set == got_set or exp_joined == got_joined


_TIMELINE_FILLER = re.compile(r"^(?:hoan thanh|thuc hien|trong|vao|xong|dinh ky)\s+")
_FULL_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _same_timeline(expected: str | None, got: dict[str, Any]) -> bool:
    raw = got.get("timeline")
    if expected is None:
        return not canon(raw)
    e, g = canon(expected), canon(raw)
    for _ in range(2):
        e, g = _TIMELINE_FILLER.sub("", e), _TIMELINE_FILLER.sub("", g)
    if e and e == g:
        return True
    match = _FULL_DATE.search(expected)
    if match and got.get("due"):
        day, month, year = (int(x) for x in match.groups())
        try:
            return bool(date(year, month, day).isoformat() == got["due"])
        except ValueError:
            return False
    return False


def _same_deliverable(expected: str, got: str) -> bool:
    e, g = canon(expected), canon(got)
    if not e:
        return not g
    if not g:
        return False
    # A Vietnamese noun phrase starts with its head: "Tờ gấp hướng dẫn" names the same product as
    # "Tờ gấp hướng dẫn thủ tục đăng ký đất đai" (either way round).
    short, long = sorted((e, g), key=len)
    if long.startswith(short + " ") and len(short.split()) >= 2:
        return True
    return similarity(expected, got) >= 0.8


def _task_checks(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[Check]:
    pairs = pair_tasks(expected, got)
    paired = {i: j for i, j, _ in pairs}
    total = len(expected)
    unpaired = [expected[i]["title"] for i in range(total) if i not in paired]
    extra = [got[j]["title"] for j in range(len(got)) if j not in set(paired.values())]
    note = "; ".join(
        p for p in (f"not found {unpaired}" if unpaired else "", f"extra {extra[:8]}" if extra else "") if p
    )
    checks = [
        Check(
            "tasks.found",
            _f1(len(pairs), total, len(got)),
            f"{total} tasks",
            f"{len(got)} tasks, {len(pairs)} paired",
            note,
        )
    ]
    columns: dict[str, tuple[int, list[tuple[Any, Any]]]] = {}
    for column in ("title", "lead", "cooperating", "timeline", "deliverable"):
        right = 0
        wrong: list[tuple[Any, Any]] = []
        for i, task in enumerate(expected):
            if i not in paired:
                continue
            mine = got[paired[i]]
            if column == "title":
                ok = similarity(task["title"], mine["title"]) >= 0.9
            elif column in ("lead", "cooperating"):
                ok = _same_names(task[column], mine[column])
            elif column == "timeline":
                ok = _same_timeline(task["timeline"], mine)
            else:
                ok = _same_deliverable(task["deliverable"], mine["deliverable"])
            if ok:
                right += 1
            else:
                wrong.append((task[column] if column != "title" else task["title"], mine.get(column)))
        columns[column] = (right, wrong)
        checks.append(
            Check(
                f"tasks.{column}",
                right / total,
                [e for e, _ in wrong],
                [g for _, g in wrong],
                f"{right}/{total} right" + (f", {len(unpaired)} unpaired" if unpaired else ""),
            )
        )
    return checks


def _rubrics_check(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> Check:
    got_criteria = [(c, g) for g in got for c in g.get("criteria") or []]
    points = 0
    total = 0
    missing = []
    for group in expected:
        total += 1
        if any(_number(g.get("total_points")) == _number(group["total_points"]) for g in got):
            points += 1
        else:
            missing.append(f"group {group['group']} ({group['total_points']})")
        for criterion in group["criteria"]:
            total += 1
            found = any(
                _number(c.get("points")) == _number(criterion["points"])
                and similarity(c.get("title"), criterion["title"]) >= 0.8
                for c, _ in got_criteria
            )
            if found:
                points += 1
            else:
                missing.append(f"{criterion['code']}. {criterion['title']} ({criterion['points']})")
    return Check(
        "rubrics",
        points / total if total else 1.0,
        f"{total} items",
        f"{len(got_criteria)} criteria in {len(got)} groups",
        f"missing {missing}" if missing else "",
    )


def _number(value: object) -> float | None:
    try:
        return float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------------------------- summary


def run(directory: Path = CORPUS_DIR, only: str | None = None) -> list[DocumentScore]:
    """Parse every corpus document and score it."""
    results = []
    for expected in expected_documents(directory):
        if only and only not in expected["file"]:
            continue
        path = directory / expected["file"]
        start = time.perf_counter()
        status, data = parse_document(path)
        seconds = time.perf_counter() - start
        results.append(score_document(expected, status, data, seconds))
    return results


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarise(results: list[DocumentScore]) -> dict[str, Any]:
    """Accuracy per field, per kind (by field group) and in total (the mean of every check)."""
    per_field = {
        name: _mean([c.score for r in results for c in r.checks if c.field == name]) for name in FIELDS
    }
    per_kind: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        docs = [r for r in results if r.kind == kind]
        if not docs:
            continue
        row: dict[str, Any] = {"documents": len(docs)}
        for group, names in GROUPS.items():
            row[group] = _mean([c.score for r in docs for c in r.checks if c.field in names])
        row["total"] = _mean([c.score for r in docs for c in r.checks])
        per_kind[kind] = row
    all_checks = [c.score for r in results for c in r.checks]
    return {
        "documents": len(results),
        "refused": [r.name for r in results if r.status == "refused"],
        "crashed": [r.name for r in results if r.status == "crashed"],
        "per_field": per_field,
        "per_kind": per_kind,
        "total": _mean(all_checks) or 0.0,
        "per_document": {
            r.name: {"kind": r.kind, "status": r.status, "score": r.score(), "seconds": round(r.seconds, 4)}
            for r in results
        },
    }


def failures(results: list[DocumentScore]) -> dict[str, list[dict[str, Any]]]:
    """The checks below 1 per document, with what was expected and what was read."""
    return {
        r.name: [asdict(c) for c in r.checks if c.score < 1.0]
        for r in results
        if any(c.score < 1.0 for c in r.checks)
    }


# ------------------------------------------------------------------------------------------- the schema

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DOC_NUMBER = re.compile(r"^[0-9A-Za-zĐđ.\-]+(?:/[0-9A-Za-zĐđ&.\-]+)+$")
_REQUIRED = {
    "file": str,
    "kind": str,
    "issuer": str,
    "number": str,
    "issued_on": str,
    "place": str,
    "title": str,
    "period": dict,
    "basis": list,
    "objectives": list,
    "tasks": list,
}
_TASK_KEYS = {"title", "lead", "cooperating", "timeline", "deliverable"}
_CRITERION_KEYS = {"code", "title", "points", "guide"}


def schema_errors(expected: dict[str, Any]) -> list[str]:
    """What is wrong with an expected result (empty when it follows the schema in the README)."""
    errors: list[str] = []
    for key, kind in _REQUIRED.items():
        if not isinstance(expected.get(key), kind):
            errors.append(f"{key}: expected {kind.__name__}")
    extra = set(expected) - {*_REQUIRED, "rubrics"}
    if extra:
        errors.append(f"unknown fields {sorted(extra)}")
    if errors:
        return errors
    if expected["kind"] not in KINDS:
        errors.append(f"kind {expected['kind']!r} not one of {KINDS}")
    if not _DOC_NUMBER.match(expected["number"]):
        errors.append(f"number {expected['number']!r} is not 'number/SYMBOL'")
    dates = [expected["issued_on"], expected["period"].get("start"), expected["period"].get("end")]
    for value in dates:
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            errors.append(f"date {value!r} is not yyyy-mm-dd")
        else:
            try:
                date.fromisoformat(value)
            except ValueError:
                errors.append(f"date {value!r} does not exist")
    if set(expected["period"]) != {"start", "end"}:
        errors.append("period: exactly start and end")
    errors.extend(
        f"basis {n!r} is not 'number/SYMBOL'"
        for n in expected["basis"]
        if not isinstance(n, str) or not _DOC_NUMBER.match(n)
    )
    errors.extend(
        f"objective {o!r} is not a non-empty string"
        for o in expected["objectives"]
        if not isinstance(o, str) or not o.strip()
    )
    for index, task in enumerate(expected["tasks"], 1):
        if not isinstance(task, dict) or set(task) != _TASK_KEYS:
            errors.append(f"task {index}: exactly the fields {sorted(_TASK_KEYS)}")
            continue
        if not isinstance(task["title"], str) or not task["title"].strip():
            errors.append(f"task {index}: empty title")
        for key in ("lead", "cooperating"):
            if not isinstance(task[key], list) or not all(
                isinstance(v, str) and v.strip() for v in task[key]
            ):
                errors.append(f"task {index}: {key} must be a list of names")
        if not task["lead"]:
            errors.append(f"task {index}: no lead")
        if task["timeline"] is not None and (
            not isinstance(task["timeline"], str) or not task["timeline"].strip()
        ):
            errors.append(f"task {index}: timeline must be text or null")
        if not isinstance(task["deliverable"], str):
            errors.append(f"task {index}: deliverable must be text ('' for none)")
    for group in expected.get("rubrics") or []:
        if not isinstance(group, dict) or set(group) != {"group", "total_points", "criteria"}:
            errors.append("rubric group: exactly group, total_points, criteria")
            continue
        criteria = group["criteria"]
        if not isinstance(criteria, list) or not criteria:
            errors.append(f"rubric group {group['group']!r}: no criteria")
            continue
        for criterion in criteria:
            if not isinstance(criterion, dict) or set(criterion) != _CRITERION_KEYS:
                errors.append(f"rubric group {group['group']!r}: criterion fields {sorted(_CRITERION_KEYS)}")
            elif not isinstance(criterion["points"], int | float):
                errors.append(f"criterion {criterion['code']!r}: points must be a number")
        points: list[float] = [
            c["points"] for c in criteria if isinstance(c, dict) and isinstance(c.get("points"), int | float)
        ]
        if len(points) == len(criteria) and sum(points) != group["total_points"]:
            errors.append(
                f"rubric group {group['group']!r}: criteria add up to {sum(points)}, not {group['total_points']}"
            )
    return errors
