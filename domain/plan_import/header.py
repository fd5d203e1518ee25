"""The front matter and the closing of a plan, laid out by Nghị định 30/2020/NĐ-CP (Phụ lục I).

Front: issuing body in capitals, "Số: 13/KH-SXD", "Đắk Lắk, ngày 08 tháng 01 năm 2026", the type name
"KẾ HOẠCH", the subject line(s), then the preamble ("Thực hiện …", "Căn cứ …"). Closing: "Nơi nhận:" with
"- …;" entries, the signing title in capitals ("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC") and the signer's name.
Drafts leave the number and the day blank ("Số: /KH-SXD", "ngày tháng 6 năm 2026"); those become
warnings, never invented values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from domain.plan_import.masthead import choose_issuer, display_name, glue_broken_word, masthead_names
from domain.plan_import.references import find_references
from domain.vntext import fold, fold_chars, parse_vn_date

__all__ = [
    "Closing",
    "Front",
    "explicit_period",
    "infer_issuer",
    "own_words",
    "plan_period",
    "plan_type",
    "read_attachment_line",
    "read_closing",
    "read_front",
    "read_number_and_date",
]

_TYPE_NAMES = (
    "ke hoach",
    "quyet dinh",
    "bao cao",
    "chuong trinh",
    "thong bao",
    "huong dan",
    "to trinh",
    "cong van",
    "chi thi",
    "nghi quyet",
    "de an",
)
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc")
_NUMBER = re.compile(r"(?:^|\s)so\s*:\s*(?P<number>\d*)\s*/\s*(?P<symbol>[a-z0-9][a-z0-9\-/]*)")
_PLACE_DATE = re.compile(
    r"(?P<place>[^,\d:/()]{2,40}?)\s*,\s*ngay\b\s*(?P<day>\d{1,2})?\s*(?:thang\b|/)\s*(?P<month>\d{1,2})?"
    r"\s*(?:nam\b|/)\s*(?P<year>\d{4})?"
)
_PREAMBLE_START = re.compile(
    r"^(?:thuc hien|can cu|nham|de |theo |trien khai|tren co so|xet |thi hanh|tiep tuc|quan triet)"
)
_SEPARATOR = re.compile(r"^[\s_\-–—=*.]+$")


@dataclass
class Front:
    """What the front matter says; ``None`` where it says nothing readable."""

    number: str | None = None
    symbol: str | None = None
    number_found: bool = False
    issued_on: date | None = None
    date_text: str | None = None
    date_problem: str | None = None
    place: str | None = None
    header_issuer: str | None = None
    type_name: str | None = None
    title: str | None = None
    preamble: list[str] = field(default_factory=list)
    subject_line: bool = False  # a dispatch's "V/v …" line gave the title
    addressees: list[str] = field(default_factory=list)  # "Kính gửi: …"


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _type_of(paragraph: str) -> str | None:
    words = re.sub(r"[^\w\s]", " ", fold(paragraph)).split()
    joined = " ".join(words)
    return joined if joined in _TYPE_NAMES else None


def _header_issuer(lines: list[str]) -> str | None:
    """The issuing body: the last capitals line of the header that is not the national motto.

    A commune writes its body on two lines ("ỦY BAN NHÂN DÂN" / "XÃ ĐẠI SƠN"); those are one name.
    """
    caps = [line for line in lines if _is_caps(line) and not _MOTTO.search(fold(line)) and not _type_of(line)]
    caps = [line for line in caps if not re.match(r"^(?:so|s)\s*:", fold(line))]
    if not caps:
        return None
    last = caps[-1]
    if (
        len(caps) >= 2
        and re.match(r"^(?:xa|phuong|thi tran|tinh|huyen|quan|thanh pho)\b", fold(last))
        and re.match(r"^(?:uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd)$", fold(caps[-2]))
    ):
        return f"{caps[-2]} {last}"
    return last


_SUBJECT = re.compile(r"^v\s*/\s*v\b")
_ADDRESSEES = re.compile(r"^kinh gui\b\s*:?\s*")


def _join_split_date(paragraphs: list[str]) -> list[str]:
    """ "Tuyên Quang, ngày" over "18 tháng 12 năm 2025": one date line broken in its cell."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and re.search(r",\s*ngay\s*$", fold(joined[-1])) and re.match(r"^\d", paragraph):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _masthead_end(lines: list[str]) -> int:
    for index, line in enumerate(lines[:60]):
        folded = fold(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            _type_of(line)
            or _type_of(f"{line} {following}")
            or _SUBJECT.match(folded)
            or _ADDRESSEES.match(folded)
        ):
            return index
    return min(len(lines), 10)


def read_front(paragraphs: list[str], lines: list[str] | None = None) -> Front:
    """Read the paragraphs before the first roman section; ``lines`` are the document's lines as extracted
    (the top block is read from them, before wrapped lines are joined)."""
    front = Front()
    paragraphs = _join_split_date(paragraphs)
    type_index = next((i for i, p in enumerate(paragraphs[:40]) if _type_of(p)), None)
    if lines is not None:
        names = masthead_names(lines[: _masthead_end(lines)])
        front.header_issuer = choose_issuer(names)
    if type_index is None:
        subject = next((i for i, p in enumerate(paragraphs[:20]) if _SUBJECT.match(fold(p))), None)
        if subject is not None:
            return _read_dispatch(front, paragraphs, subject)
    # "Số:" and the place-date line stand above the type name; dates in the preamble are citations.
    header = paragraphs[:type_index] if type_index is not None else paragraphs[:8]
    for paragraph in header:
        read_number_and_date(front, paragraph)
    if lines is None:
        front.header_issuer = _header_issuer(header if type_index is not None else [])
    elif type_index is None:
        front.header_issuer = None
    if type_index is None:
        front.preamble = [p for p in paragraphs if not _is_caps(p) and not _NUMBER.search(fold_chars(p))]
        return front
    front.type_name = paragraphs[type_index].strip()
    title_parts: list[str] = []
    rest = paragraphs[type_index + 1 :]
    position = len(rest)
    for index, paragraph in enumerate(rest):
        if _SEPARATOR.match(paragraph):
            continue
        if (
            (_PREAMBLE_START.match(fold(paragraph)) and (title_parts or not _is_bare_subject(paragraph)))
            or len(" ".join(title_parts)) > 300
            or (title_parts and _ends_title(paragraph))
        ):
            position = index
            break
        title_parts.append(paragraph.strip())
    title = ""
    for part in title_parts:
        title = glue_broken_word(title, part) if title and _is_caps(title) else f"{title} {part}".strip()
    front.title = _title_case(title, " ".join(paragraphs)) or None
    front.preamble = [p for p in rest[position:] if not _SEPARATOR.match(p) and not _is_signing_body(p)]
    return front


def _is_bare_subject(paragraph: str) -> bool:
    """ "Thực hiện công tác cải cách hành chính năm 2026" right under the type line: a subject, not the
    preamble ("Thực hiện Kế hoạch số 412/KH-UBND …, UBND xã ban hành …" cites, runs on and ends in punctuation)."""
    text = paragraph.strip()
    return (
        len(text) <= 160
        and not re.search(r"\d+\s*/\s*\d{0,4}\s*/?\s*[A-ZĐa-z]", text)
        and not re.search(r"[,;:.]\s*$", text)
        and "," not in text
    )


def _ends_title(paragraph: str) -> bool:
    """Whether a paragraph after the subject's first line starts the text instead of continuing the subject:
    the authority's line, "(Ban hành kèm theo …)", or prose with sentences of its own."""
    return (
        _is_signing_body(paragraph)
        or paragraph.startswith("(")
        or bool(re.search(r"[.!?]\s+[A-ZĐ]", paragraph))
        or paragraph.rstrip().endswith((":", "."))
        or len(paragraph) > 250
    )


def _is_signing_body(paragraph: str) -> bool:
    """ "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ LONG PHỤNG": the authority a decision is issued by, under its title."""
    return _is_caps(paragraph) and bool(
        re.match(r"^(?:chu tich|giam doc|truong ban|bo truong)\b", fold(paragraph))
    )


def _title_case(title: str, text: str) -> str:
    """A subject typed in capitals, in ordinary case: "CẢI CÁCH HÀNH CHÍNH … TỈNH TUYÊN QUANG" → "Cải cách …"."""
    if not _is_caps(title) or not 20 <= len(title) <= 400:
        return title
    return display_name(title, text, agency=False)


def _read_dispatch(front: Front, paragraphs: list[str], subject: int) -> Front:
    """A dispatch (công văn): number and date around its "V/v …" subject, then "Kính gửi:" and the body."""
    front.subject_line = True
    addressed = next(
        (i for i, p in enumerate(paragraphs) if i > subject and _ADDRESSEES.match(fold(p))), None
    )
    header_end = addressed if addressed is not None else min(len(paragraphs), subject + 6)
    for paragraph in paragraphs[:header_end]:
        read_number_and_date(front, paragraph)
    title = paragraphs[subject].strip()
    for paragraph in paragraphs[subject + 1 : header_end]:
        folded = fold(paragraph)
        if _is_caps(paragraph) or _MOTTO.search(folded) or _PLACE_DATE.search(fold_chars(paragraph)):
            break
        if _SEPARATOR.match(paragraph) or title.endswith("."):
            break
        title = f"{title} {paragraph.strip()}"
    front.title = title
    body = paragraphs[header_end:]
    if addressed is not None and body:
        inline = _ADDRESSEES.sub("", fold_chars(body[0]))
        first = body[0][len(body[0]) - len(inline) :].strip() if inline.strip() else ""
        entries = [first] if first else []
        position = 1
        while position < len(body) and re.match(r"^[-–+•]\s*", body[position]):
            entries.append(body[position])
            position += 1
        front.addressees = [
            cleaned
            for entry in entries
            for cleaned in [re.sub(r"^[-–+•]\s*", "", entry).strip().rstrip(";.,").strip()]
            if cleaned
        ]
        body = body[position:]
    front.preamble = [p for p in body if not _SEPARATOR.match(p)]
    return front


def read_number_and_date(front: Front, paragraph: str) -> None:
    """Fill the number and the place-date from one line, where not already found.

    A PDF may put both on one line ("Số: 13/KH-SXD  Đắk Lắk, ngày …"): the date is read after the number.
    """
    folded = fold_chars(paragraph)
    rest = 0
    match = _NUMBER.search(folded)
    if match:
        rest = match.end()
        if not front.number_found:
            front.number_found = True
            front.number = match["number"] or None
            front.symbol = paragraph[match.start("symbol") : match.end("symbol")].strip("/-") or None
    if front.date_text is None:
        date_match = _PLACE_DATE.search(folded, rest)
        if date_match:
            _read_place_date(front, paragraph, date_match)


_ATTACHED = re.compile(
    r"kem theo\s+ke hoach\s+so\s*:?\s*(?P<number>\d*)\s*/\s*(?P<symbol>[a-z0-9][a-z0-9\-/]*[a-z0-9])"
    r"(?:\s*,?\s*ngay\s*(?P<day>\d{1,2})?\s*(?:/|thang)\s*(?P<month>\d{1,2})?\s*(?:/|nam)\s*(?P<year>\d{4})?)?"
)


def read_attachment_line(front: Front, lines: list[str]) -> str | None:
    """Number and date from an appendix's "(Kèm theo Kế hoạch số …/KH-SXD ngày …)" line.

    Used when the front matter has no "Số:" line; returns the line it read, or ``None``.
    """
    for line in lines[:12]:
        folded = fold_chars(line)
        match = _ATTACHED.search(folded)
        if not match:
            continue
        front.number_found = True
        front.number = match["number"] or None
        front.symbol = line[match.start("symbol") : match.end("symbol")]
        if (front.issued_on is None and match["day"] is not None) or match["month"] or match["year"]:
            day, month, year = match["day"], match["month"], match["year"]
            written = line[match.start() : match.end()]
            if day and month and year:
                front.issued_on = parse_vn_date(day, month, year)
            else:
                blanks = [n for n, v in (("ngày", day), ("tháng", month), ("năm", year)) if not v]
                front.date_problem = (
                    f"Ngày ban hành chưa ghi đủ ({', '.join(blanks)} để trống trong dòng “{written}” "
                    "của phụ lục); cần bổ sung khi văn bản được ký."
                )
        return line.strip()
    return None


def _read_place_date(front: Front, paragraph: str, match: re.Match[str]) -> None:
    front.date_text = paragraph[match.start() : match.end()].strip()
    place = paragraph[match.start("place") : match.end("place")].strip(" -–:")
    front.place = place or None
    day, month, year = match["day"], match["month"], match["year"]
    if day and month and year:
        front.issued_on = parse_vn_date(day, month, year)
        if front.issued_on is None:
            front.date_problem = f"Ngày ban hành “{front.date_text}” không tồn tại."
    else:
        blanks = [name for name, value in (("ngày", day), ("tháng", month), ("năm", year)) if not value]
        front.date_problem = (
            f"Ngày ban hành chưa ghi đủ ({', '.join(blanks)} để trống: “{front.date_text}”); "
            "cần bổ sung khi văn bản được ký."
        )


@dataclass
class Closing:
    """The recipients and the signature block."""

    recipients: list[str] = field(default_factory=list)
    signer_title: str | None = None
    signer: str | None = None


def _is_name(text: str) -> bool:
    """A person's name: two to six capitalised words of letters ("Lê Công Du"), not all in capitals."""
    words = text.split()
    return (
        2 <= len(words) <= 6
        and all(word[:1].isupper() and word.rstrip(".").isalpha() for word in words)
        and not _is_caps(text)
    )


def read_closing(paragraphs: list[str]) -> Closing:
    """Read "Nơi nhận" and the signature from the paragraphs after the body's last sentence."""
    closing = Closing()
    in_recipients = False
    title_lines: list[str] = []
    title_done = False
    for paragraph in paragraphs:
        text = paragraph.strip()
        folded = fold(text)
        if folded.startswith("noi nhan"):
            in_recipients = True
            text = re.sub(r"^\S+\s+\S+\s*:?\s*", "", text)
            if not text:
                continue
            folded = fold(text)
        if re.match(r"^[-–+•]\s*", text) and in_recipients:
            entry = re.sub(r"^[-–+•]\s*", "", text).strip().rstrip(";.").strip()
            if entry:
                closing.recipients.append(entry)
            continue
        if text.startswith("(") and text.endswith(")"):
            continue  # "(Đã ký)", "(Ký tên, đóng dấu)"
        if _is_caps(text) and len(text) <= 70 and not title_done and closing.signer is None:
            title_lines.append(text)
            continue
        if title_lines:
            title_done = True
        if closing.signer is None and title_lines and _is_name(text):
            closing.signer = text
    if title_lines:
        closing.signer_title = " / ".join(title_lines)
    return closing


def plan_type(title: str) -> str | None:
    """The plan's type from its subject line, or ``None`` when the subject names none of the kinds."""
    folded = fold(title)
    if re.search(r"phat dong|phong trao thi dua|\bthi dua\b", folded):
        return "emulation"
    if re.search(r"\bpar index\b|\bsipas\b|chi so cai cach hanh chinh|chi so hai long", folded):
        return "par_sipas"
    if re.search(r"thong tin,? tuyen truyen|\btuyen truyen\b|truyen thong", folded):
        return "communication"
    if re.search(r"\bkiem tra\b", folded):
        return "inspection"
    if re.search(r"cai cach hanh chinh|\bcchc\b", folded):
        return "annual_reform"
    return None


def plan_period(text: str, issued_on: date | None = None) -> tuple[date, date] | None:
    """The period a text names: "giai đoạn 2026 - 2030", "năm 2026" (the first one written), or "từ ngày ban
    hành đến hết 31/12/2026" (from ``issued_on``). A date ("ngày 15 tháng 6 năm 2022") names no period."""
    folded = fold(text)
    match = re.search(r"(?:giai doan|tu nam)\s*(\d{4})\s*(?:-|–|—|den)\s*(?:nam\s*)?(\d{4})", folded)
    if match and int(match[1]) <= int(match[2]):
        return date(int(match[1]), 1, 1), date(int(match[2]), 12, 31)
    stated = explicit_period(text, issued_on)
    if stated is not None:
        return stated
    years = [
        int(match[1])
        for match in re.finditer(r"\bnam\s+(\d{4})\b", folded)
        # "ngày 15 tháng 6 năm 2022" is a date, not a period
        if not re.search(r"thang\s+\d{1,2}\s*,?\s*$", folded[: match.start()])
        and 1900 <= int(match[1]) <= 2100
    ]
    if not years:
        return None
    # "tổng kết năm 2025, triển khai nhiệm vụ năm 2026" issued in 2026: the year the document is for.
    current = [year for year in years if issued_on is not None and year >= issued_on.year]
    year = current[0] if current and len(set(years)) > 1 else years[0]
    return date(year, 1, 1), date(year, 12, 31)


def explicit_period(text: str, issued_on: date | None) -> tuple[date, date] | None:
    """ "từ ngày ban hành đến hết ngày 31/12/2026": from the issue date to the date written."""
    match = re.search(
        r"tu (?:ngay|khi) (?:ky )?ban hanh (?:den|toi) (?:het )?(?:ngay )?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
        fold(text),
    )
    if match is None or issued_on is None:
        return None
    end = parse_vn_date(match[1], match[2], match[3])
    return (issued_on, end) if end is not None and end >= issued_on else None


_LAW = re.compile(
    r"\b(?:[Ll]uật|LUẬT|[Bb]ộ luật|[Pp]háp lệnh)\b"
    r"(?:(?!,\s+(?:Sở|UBND|Ủy ban|Uỷ ban|Chủ tịch|Giám đốc|Ban|Phòng|Trung tâm|Văn phòng)\b)[^;:.])*"
)


def own_words(text: str) -> str:
    """A text without the documents it cites ("Kế hoạch số 640/KH-UBND ngày 12/9/2022 … giai đoạn 2022 - 2025")
    nor laws cited by name and year, so that a year found in it is the document's own."""
    kept: list[str] = []
    position = 0
    for found in find_references(text):
        kept.append(text[position : found.span[0]])
        position = found.span[1]
    kept.append(text[position:])
    rest = " ".join(kept)
    # "Luật Thi đua, khen thưởng năm 2022", "Luật … ngày 15 tháng 6 năm 2022"; "căn cứ …;" clauses.
    rest = _LAW.sub(" ", rest)
    return rest


_AGENCY = (
    r"(?:so|ubnd|uy ban nhan dan|ban|bo|cuc|chi cuc|van phong|trung tam|phong|dang uy|hoi dong|tinh uy|"
    r"thanh tra|kho bac|cong an)\b"
)
_TITLE_ISSUER = re.compile(rf"\bcua\s+(?P<agency>{_AGENCY}[^,;.()]*)$")
_ISSUES = re.compile(
    rf"(?:^|[,.;:]\s*)(?:chu tich\s+|giam doc\s+)?(?P<agency>{_AGENCY}[^,;.]{{0,60}}?)\s+ban hanh\b"
)
_LEVEL_END = re.compile(r"\b(?:xa|phuong|thi tran|tinh|huyen|quan|thanh pho)$")
_TAIL = re.compile(r"\s+(?:nam\s+\d{4}|giai doan\b).*$")


def _written(original: str, folded: str, match: re.Match[str]) -> str:
    agency = original[match.start("agency") : match.end("agency")]
    tail = _TAIL.search(folded[match.start("agency") : match.end("agency")])
    if tail:
        agency = agency[: tail.start()]
    return agency.strip()


def infer_issuer(title: str | None, preamble: list[str], place: str | None) -> tuple[str, str] | None:
    """The issuing body named in the subject ("… của Sở Xây dựng") or the preamble ("Sở … ban hành").

    Returns the name and where it was found. A name ending in its level ("Ủy ban nhân dân xã") is
    completed with the place of issue from the date line.
    """
    if title:
        folded = fold_chars(title)
        match = _TITLE_ISSUER.search(folded)
        if match:
            return _abbreviate(_written(title, folded, match)), "tiêu đề"
    for paragraph in preamble:
        folded = fold_chars(paragraph)
        match = _ISSUES.search(folded)
        if match:
            agency = _written(paragraph, folded, match)
            if _LEVEL_END.search(fold(agency)) and place:
                agency = f"{agency} {place}"
            return _abbreviate(agency), "phần mở đầu"
    return None


def _abbreviate(agency: str) -> str:
    """ "Ủy ban nhân dân xã Đại Sơn" → "UBND xã Đại Sơn", the form plans cite agencies by."""
    return re.sub(r"^(?:Ủy|Uỷ) ban nhân dân\b", "UBND", agency.strip())
