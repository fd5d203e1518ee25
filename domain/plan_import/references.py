"""Citations of other documents: "Kế hoạch số 0156/KH-UBND ngày 26/12/2025 của UBND tỉnh về …".

A citation in a Vietnamese administrative text has a fixed order (Nghị định 30/2020/NĐ-CP): type name,
"số" + number/symbol, "ngày" + date, "của" + issuing body, then the subject ("về …", "về việc …",
"ban hành …"). Any part may be missing; lists share one intro ("các Kế hoạch của Sở Xây dựng: Số 13/KH-SXD
ngày …; số 12/KH-SXD …"), and the issuer may come after the subject ("… giai đoạn 2026 – 2030 của UBND
xã Đại Sơn"). ``find_references`` reads every citation it can and reports what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from domain.plan_import.result import DocRef
from domain.vntext import find_date_mentions, fold_chars

__all__ = ["FoundReference", "find_references", "find_supersedes"]

_KINDS = (
    ("ke hoach", "plan"),
    ("quyet dinh", "decision"),
    ("nghi quyet", "resolution"),
    ("nghi dinh", "decree"),
    ("thong tu lien tich", "circular"),
    ("thong tu", "circular"),
    ("chi thi", "directive"),
    ("cong van", "official_letter"),
    ("chuong trinh", "programme"),
    ("huong dan", "guidance"),
    ("thong bao", "notice"),
    ("luat", "law"),
    ("van ban", "document"),
    ("ket luan", "conclusion"),
    ("de an", "scheme"),
)
_SYMBOL_KINDS = {
    "kh": "plan",
    "qd": "decision",
    "nq": "resolution",
    "nd": "decree",
    "tt": "circular",
    "ttlt": "circular",
    "ct": "directive",
    "cv": "official_letter",
    "ctr": "programme",
    "hd": "guidance",
    "tb": "notice",
    "kl": "conclusion",
    "da": "scheme",
}
# Matched on folded text (same length as the original), so spans cut the phrase out as written.
_TYPE = "|".join(sorted((k for k, _ in _KINDS), key=len, reverse=True))
_CITATION = re.compile(
    rf"(?:\b(?P<type>{_TYPE})\s+(?:so\b\s*:?\s*)?|\bso\b\s*:?\s*)(?P<number>\d{{1,5}}[a-z]?)\s*[/-]\s*"
    r"(?P<symbol>[a-z0-9\-]*[a-z][a-z0-9\-]*(?:\s*/\s*[a-z0-9\-]+)*|\d{4}\s*/\s*[a-z][a-z0-9\-]*)"
)
_DATE_AFTER = re.compile(r"^\s*,?\s*(?:ban hanh\s+)?(?=ngay\s)")
_ISSUER_AFTER = re.compile(r"^\s*,?\s*cua\s+")
_AGENCY_START = re.compile(
    r"^(?:ubnd|uy ban|hdnd|hoi dong|so|bo|chinh phu|thu tuong|van phong|ban|cuc|tinh uy|thanh uy|dang uy|"
    r"huyen uy|bch|ban chap hanh|ban thuong vu|ban chi dao|quoc hoi|chu tich|mat tran|toa an|vien|"
    r"kiem toan|thanh tra|tong cuc|cong an|bo chi huy|ngan hang|kho bac|trung tam|phong|doan|hoi)\b"
)
# The issuer ends where the subject starts.
_ISSUER_END = re.compile(
    r"\s+(?:ve viec|ve|ban hanh|phe duyet|quy dinh|huong dan|trien khai|thuc hien|giao|v/v|"
    r"sua doi|bo sung|tong ket|nham|de|theo|tai|trong|voi|nay)\b|[;,.:(\n]|\s+-\s|$"
)
_SUBJECT_START = re.compile(r"^\s*,?\s*(?:ve viec|ve|v/v|vv)\s+")
# "…, Sở Xây dựng ban hành Kế hoạch …": the main clause of a preamble is not part of the cited subject.
_MAIN_CLAUSE = re.compile(
    r",\s+(?:ubnd|uy ban|so|bo|ban|chu tich|giam doc|cuc|hoi dong|phong|trung tam)\b[^,;.]{0,60}?\bban hanh\b"
)
_TRAILING_ISSUER = re.compile(
    r"\s+cua\s+(?=(?:ubnd|uy ban|so|bo|chinh phu|thu tuong|ban chi dao|hdnd|tinh uy)\b)"
)


@dataclass(frozen=True)
class FoundReference:
    """A citation and where it sits in the text (start, end of the whole citation)."""

    ref: DocRef
    span: tuple[int, int]
    problems: tuple[str, ...]


def _kind(type_word: str | None, symbol: str) -> str:
    if type_word:
        for key, kind in _KINDS:
            if type_word == key:
                return kind
    code = re.split(r"[-/]", re.sub(r"^\d{4}/", "", symbol))[0]
    return _SYMBOL_KINDS.get(code, "document")


def _subject_end(folded: str, start: int, limit: int) -> int:
    """Where the subject of a citation ends: at ";", a sentence end, or the next citation."""
    end = limit
    for match in re.finditer(r";|\.(?=\s+[^\s])|\.$|\n|:\s", folded[start:limit]):
        end = start + match.start()
        break
    clause = _MAIN_CLAUSE.search(folded, start, end)
    return clause.start() if clause else end


def _trim(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:.-–")


def find_references(text: str) -> list[FoundReference]:
    """Every citation with a number in ``text``, in order."""
    folded = fold_chars(text)
    matches = list(_CITATION.finditer(folded))
    found: list[FoundReference] = []
    for index, match in enumerate(matches):
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        found.append(_read_citation(text, folded, match, limit))
    return _share_list_issuer(text, folded, found)


def _read_citation(text: str, folded: str, match: re.Match[str], limit: int) -> FoundReference:
    problems: list[str] = []
    number = text[match.start("number") : match.end("number")]
    symbol = re.sub(r"\s+", "", text[match.start("symbol") : match.end("symbol")]).strip("-/")
    position = match.end()
    issued_on = None
    date_match = _DATE_AFTER.match(folded[position:limit])
    if date_match:
        # "ngày 26/12/2025" or "ngày 08 tháng 01 năm 2026": the date follows "ngày" directly.
        mentions = find_date_mentions(text[position + date_match.end() : limit])
        first = mentions[0] if mentions else None
        if first is not None and first.span[0] <= len("ngày "):
            if first.value is not None:
                issued_on = first.value
            elif first.problem is not None:
                problems.append(f"ngày ban hành {first.problem.reason}")
            else:
                problems.append(f"ngày ban hành “{first.text}” thiếu năm")
            position += date_match.end() + first.span[1]
    issuer = None
    issuer_match = _ISSUER_AFTER.match(folded[position:limit])
    if issuer_match and _AGENCY_START.match(folded[position + issuer_match.end() : limit]):
        begin = position + issuer_match.end()
        end_match = _ISSUER_END.search(folded, begin + 2, limit) if begin + 2 < limit else None
        end = end_match.start() if end_match else limit
        issuer = _trim(text[begin:end]) or None
        position = end
    subject_start = position
    prefix = _SUBJECT_START.match(folded[position:limit])
    if prefix:
        subject_start = position + prefix.end()
    subject_end = _subject_end(folded, subject_start, limit)
    title = _trim(text[subject_start:subject_end]) or None
    if title is not None and issuer is None:
        # "… giai đoạn 2026 – 2030 của UBND xã Đại Sơn": the issuer written after the subject.
        trailing = list(_TRAILING_ISSUER.finditer(fold_chars(title)))
        # Only a bare agency name ends a subject: "… của Sở Xây dựng năm 2026 và …" is part of it.
        if trailing and _is_bare_agency(title[trailing[-1].end() :]):
            issuer = _trim(title[trailing[-1].end() :]) or None
            title = _trim(title[: trailing[-1].start()]) or None
    if title and len(title.split()) < 2:
        title = None  # "và", "của": a connector between two citations, not a subject
    if title:
        title = title[0].upper() + title[1:]
    start = match.start("type") if match.group("type") else match.start()
    kind = _kind(match.group("type"), folded[match.start("symbol") : match.end("symbol")].replace(" ", ""))
    ref = DocRef(number=number, symbol=symbol, issued_on=issued_on, issuer=issuer, title=title, kind=kind)
    return FoundReference(ref=ref, span=(start, max(subject_end, match.end())), problems=tuple(problems))


def _is_bare_agency(text: str) -> bool:
    return not re.search(r"\d", text) and len(text.split()) <= 8


_LIST_INTRO = re.compile(r"\bcua\s+(?P<issuer>[^:;]{3,80}?)\s*:\s*$")


def _share_list_issuer(text: str, folded: str, found: list[FoundReference]) -> list[FoundReference]:
    """Give cited documents of a list the issuer its intro names ("các Kế hoạch của Sở Xây dựng: Số …")."""
    shared: str | None = None
    result: list[FoundReference] = []
    previous_end = 0
    for item in found:
        gap = folded[previous_end : item.span[0]]
        intro = _LIST_INTRO.search(gap)
        if intro is not None:
            shared = _trim(text[previous_end + intro.start("issuer") : previous_end + intro.end("issuer")])
        elif not re.fullmatch(r"[\s;,]*(?:va\s*)?", gap) or "." in gap:
            shared = None  # a list ends where other text starts
        if item.ref.issuer is None and shared:
            item = replace(item, ref=replace(item.ref, issuer=shared))
        result.append(item)
        previous_end = item.span[1]
    return result


_SUPERSEDES = re.compile(r"\b(?:ke hoach|quyet dinh|van ban|chuong trinh)\s+nay\s+thay\s+the\s+(?:cho\s+)?")


def find_supersedes(text: str) -> FoundReference | None:
    """The document a plan says it replaces ("Kế hoạch này thay thế Kế hoạch số 26/KH-SXD …")."""
    folded = fold_chars(text)
    match = _SUPERSEDES.search(folded)
    if match is None:
        return None
    window_end = min(len(text), match.end() + 400)
    following = find_references(text[match.end() : window_end])
    if not following or following[0].span[0] > 40:
        return None
    first = following[0]
    return FoundReference(
        ref=first.ref,
        span=(match.end() + first.span[0], match.end() + first.span[1]),
        problems=first.problems,
    )
