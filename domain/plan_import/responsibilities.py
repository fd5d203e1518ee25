"""Tasks read from the structure of a document without a task table: who is told to do what.

Directives, dispatches, notices of conclusions and many plans assign their work in sentences, agency by
agency, in a few fixed shapes:

* a numbered item naming agencies, with its duties under it: "1. Thủ trưởng các sở, ban, ngành; Chủ tịch
  UBND các xã, phường" then "a) …", "b) …" (or bullets, or a paragraph) — one task per duty, led by the
  item's agencies;
* a sentence that starts with an agency: "- Sở Nội vụ hướng dẫn …", "Giao Sở Tài chính chủ trì bố trí …",
  "1. Văn phòng Sở chủ trì hướng dẫn …" — one task led by that agency;
* a task followed by who does it: "Ban hành thông báo kết luận …: Sở Nội vụ thực hiện chậm nhất …";
* in a dispatch, numbered duties without an agency go to its addressees ("Kính gửi: …").

"phối hợp với …" names the co-operating agencies. The time ("trước ngày 31/01/2026", "trong Quý II/2026",
"hằng quý", "thường xuyên") is taken out of the title into the timeline, and a product the sentence makes
("ban hành kế hoạch …", "báo cáo …") becomes the deliverable. A sentence whose agency asks others to act
("Chủ tịch UBND tỉnh yêu cầu …") or reports what was done ("Sở đã …") is not a duty.

Refs: "N" for the N-th task found, in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from domain.plan_import.layout import Node, split_sentences
from domain.plan_import.result import ImportWarning, ParsedObjective, ParsedTask
from domain.plan_import.tasks import TaskContext, TaskFields, make_task
from domain.reform_areas import area_from_text
from domain.targets import parse_target
from domain.vntext import fold, fold_chars

__all__ = [
    "Assignment",
    "agency_tasks",
    "read_assignment",
    "split_agencies",
    "targets_in_duties",
    "time_phrase",
]

# The first words of an agency (or of the person heading one), matched on folded text.
_AGENCY_START = re.compile(
    r"^(?:so|uy ban|ubnd|hdnd|hoi dong|van phong|phong|ban|trung tam|chi cuc|cuc|cong an|thanh tra|bao|dai|"
    r"kho bac|bao hiem|lien doan|mat tran|cong doan|doan|hoi|truong|benh vien|dang uy|tinh doan|bo chi huy|bo phan|"
    r"thu truong|giam doc|chu tich|chanh van phong|nguoi dung dau|lanh dao|cac|toan the|to cong tac|tong cong ty)\b"
)
# Names made only of lower-case words after their head.
_WHOLE_NAMES = re.compile(r"^(?:doan kiem tra|to kiem tra|doan cong tac|to cong tac|to giup viec)\b")
# Group phrases that name no one in particular: not a lead.
_UNFIXED = re.compile(r"\b(?:duoc kiem tra|co lien quan|lien quan|duoc giao|duoc)\s*$")
_PREFIX = re.compile(r"^(?:giao cho|giao|de nghi|yeu cau|trach nhiem cua|doi voi)\s+")
# Lower-case words that start the duty after an agency's name ("Sở Tư pháp chủ trì …"), folded.
# With their diacritics: folded, "cùng cấp" (of the same level) would read as "cung cấp" (provide).
_TWO_WORD_VERBS = frozenset(
    """chủ trì|phối hợp|tổ chức|tham mưu|hướng dẫn|theo dõi|đôn đốc|tổng hợp|kiểm tra|rà soát|tuyên truyền|
    xây dựng|ban hành|bảo đảm|đảm bảo|nâng cao|triển khai|phân tích|bố trí|cập nhật|số hóa|số hoá|công khai|
    niêm yết|chỉ đạo|quán triệt|lồng ghép|đăng tải|chuẩn hóa|chuẩn hoá|vận hành|đánh giá|khảo sát|đào tạo|
    bồi dưỡng|giải quyết|tiếp nhận|thẩm định|xử lý|nghiên cứu|đề xuất|chủ động|tăng cường|đẩy mạnh|phát động|
    chấm điểm|bình xét|cung cấp|hỗ trợ|tiếp tục|duy trì|ứng dụng|sử dụng|hoàn thành|báo cáo|đăng ký|công bố|
    sửa đổi|bổ sung|phổ biến|biên soạn|phát hành|kết nối|tích hợp|khắc phục|xin lỗi|thông báo|tập huấn|
    giám sát|quản lý|sắp xếp|cắt giảm|cải thiện|thúc đẩy|tham gia|thực hiện|yêu cầu|đề nghị|có trách|
    chịu trách|căn cứ|quan tâm|phát huy|thường xuyên|kịp thời|nghiêm túc|khẩn trương|thống kê|lập danh|
    phát sóng|tập trung|rút kinh|nghiêm khắc|chấn chỉnh|lắp đặt|biểu dương|khen thưởng|phát hiện|nhân rộng|
    nâng cấp|hoàn thiện|kiện toàn|củng cố|mở rộng|vận động|thu thập|tích cực|phát triển|thí điểm""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)
_ONE_WORD_VERBS = frozenset({"là", "cử", "lấy", "mở", "gửi", "trình", "làm", "đã", "ra", "lập", "in", "tự"})
_HEADS_AFTER_AND = (
    r"(?:Sở|Văn phòng|Phòng|Ban|Trung tâm|Chi cục|Cục|Công an|Báo|Đài|Thanh tra|Ủy ban|Uỷ ban|UBND|Các|"
    r"Kho bạc|Bảo hiểm|Hội|Liên đoàn|Bộ Chỉ huy)\b"
)
_NOT_DUTY = re.compile(
    r"^(?:yeu cau|de nghi|da|can cu|chi thi|quyet dinh|thong bao|ban hanh ke hoach|quan tam|lap - tu do)\b"
)
# "Các phòng triển khai thực hiện": an instruction to carry out the document, not a task of its own.
_GENERIC = re.compile(
    r"^(?:(?:to chuc|trien khai|nghiem tuc|khan truong)\s+)*(?:trien khai|thuc hien)(?:\s+thuc hien)?"
    r"(?:\s+(?:ke hoach|chi thi|van ban|cong van|quyet dinh)(?:\s+nay)?)?$"
)
_CLOSING = re.compile(r"^(?:trong qua trinh|tren day la|ke hoach nay thay the|qua trinh thuc hien|noi nhan)")


@dataclass(frozen=True)
class Assignment:
    """A sentence read as agencies, the agencies they work with and the duty (``""`` for a heading)."""

    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    duty: str


def split_agencies(text: str) -> tuple[str, ...]:
    """ "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường" → the two; "A và Sở B" → both.

    A comma inside a name or a group ("Sở Văn hóa, Thể thao và Du lịch", "các sở, ban, ngành") does not
    separate; "HĐND và UBND" is one office's name.
    """
    found: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        for piece in re.split(rf"(?<!HĐND)\s+và\s+(?={_HEADS_AFTER_AND})", part):
            for name in re.split(
                r",\s+(?=(?:Sở|Văn phòng|Phòng|Trung tâm|Chi cục|Công an|Thanh tra|Ủy ban|UBND|Kho bạc)\s+[A-ZĐ])",
                piece,
            ):
                cleaned = name.strip(" ,.;:-–")
                if cleaned:
                    found.append(cleaned[0].upper() + cleaned[1:])
    return tuple(found)


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for each word of ``text``."""
    folded = fold_chars(text)
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s,;:()]+", folded)]


def _verb_at(words: list[tuple[int, int, str]], index: int, text: str) -> bool:
    start, end, _ = words[index]
    if not text[start : start + 1].islower():
        return False
    word = text[start:end].lower()
    following = text[words[index + 1][0] : words[index + 1][1]].lower() if index + 1 < len(words) else ""
    return f"{word} {following}" in _TWO_WORD_VERBS or word in _ONE_WORD_VERBS


def _agency_end(text: str) -> int | None:
    """Where the agency names at the start of ``text`` end, or ``None`` when it does not start with one."""
    folded = fold_chars(text)
    head = _AGENCY_START.match(folded)
    if head is None or not text[:1].isupper() or text.split()[0].lower().rstrip(":") == "số":
        return None
    words = _words(text)
    named = next((i for i, word in enumerate(words) if word[0] >= head.end()), None)
    if named is None:
        return None
    whole = _WHOLE_NAMES.match(folded)
    if whole is not None:
        named = next((i for i, word in enumerate(words) if word[0] >= whole.end()), len(words))
    else:
        following = [text[w[0] : w[1]] for w in words[named : named + 2]]
        group = head.group().startswith("cac") or words[named][2] in ("cac", "xa", "phuong", "tinh", "so")
        if not (group or any(word[:1].isupper() for word in following)):
            return None  # "Sở đã …": a word, not a name
    for index in range(named, len(words)):
        start = words[index][0]
        if ":" in text[words[index - 1][1] : start]:
            return words[index - 1][1]
        if _verb_at(words, index, text):
            return start
    return len(text)


def _after_role(rest: str) -> tuple[tuple[str, ...], str] | None:
    """Co-operating agencies and the duty after the lead's name ("chủ trì, phối hợp với A và B rà soát …")."""
    text = rest.strip().lstrip(":").strip()
    text = re.sub(
        r"^(?:là (?:cơ quan|đơn vị) (?:thường trực|đầu mối|chủ trì)[^,;]*|là đầu mối)\s*[,;]?\s*", "", text
    )
    if re.match(r"^(?:có|chịu) trách nhiệm trước\s", text):
        return None  # "… chịu trách nhiệm trước Chủ tịch UBND tỉnh về …": accountability, not a duty
    text = re.sub(r"^(?:có trách nhiệm|chịu trách nhiệm)\s*:?\s*", "", text)
    cooperating: tuple[str, ...] = ()
    match = re.match(r"^(?:chủ trì\s*,?\s*)?phối hợp (?:với|cùng)\s+", text, re.IGNORECASE)
    if match:
        names = text[match.end() :]
        end = _agency_end(names[0].upper() + names[1:] if names else names)
        if end is None:
            end = _proper_name_end(names)
        if end is not None and end < len(names):
            cooperating = split_agencies(names[:end])
            text = names[end:].strip(" ,")
    text = re.sub(r"^chủ trì\s*,?\s*(?=\S)", "", text) if re.match(r"^chủ trì\s*,", text) else text
    text = re.sub(r"^chủ trì\s+(?=(?:tham mưu|thực hiện)\b)", "", text)
    if not text or _NOT_DUTY.match(fold(text)):
        return None
    return cooperating, text[0].upper() + text[1:]


def _proper_name_end(text: str) -> int | None:
    """Where a name that starts with a capital ends at its first verb ("Hội Cựu chiến binh tỉnh vận động …"),
    or ``None`` when no verb comes within a name's length."""
    words = _words(text)
    if not text[:1].isupper():
        return None
    for index in range(1, min(len(words), 10)):
        if _verb_at(words, index, text):
            return words[index][0] if index >= 2 else None
    return None


def read_assignment(text: str) -> Assignment | None:
    """The agencies a sentence starts with and their duty; a duty of ``""`` for an item naming agencies only."""
    body = text.strip()
    prefix = _PREFIX.match(fold_chars(body))
    if prefix:
        body = body[prefix.end() :]
        body = body[:1].upper() + body[1:]
    end = _agency_end(body)
    if end is None:
        return None
    names = body[:end].strip(" :,")
    if len(names.split()) > 25 or re.search(r"\d", names) or _UNFIXED.search(fold(names)):
        return None
    lead = split_agencies(names)
    if end >= len(body.rstrip(" .:")):
        return Assignment(lead, (), "")
    after = _after_role(re.sub(r"^\s*chủ trì\s+(?!,|phối hợp)", " ", body[end:]))
    if after is None:
        return None
    return Assignment(lead, after[0], after[1])


# ------------------------------------------------------------------------------------------ time, product

_Q = r"quy\s+(?:iv|i{1,3})(?:\s*/\s*\d{4})?"
_TIMES = (
    r"(?:truoc|cham nhat|han cuoi)\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?:\s+(?:hang|moi)\s+nam)?",
    r"cham nhat\s+\d+\s+ngay(?:\s+lam viec)?\s+(?:sau|ke tu)\s+[^,.;]*",
    rf"{_Q}(?:\s*(?:va|,)\s*{_Q})*",
    r"thang\s+\d{1,2}\s*/\s*\d{4}",
    r"giai doan\s+\d{4}\s*[-–]\s*\d{4}",
    r"truoc nam\s+\d{4}",
    r"(?<=trong )nam\s+\d{4}|(?<=hoan thanh )nam\s+\d{4}|(?<=thuc hien )nam\s+\d{4}",
    r"dinh ky\s+(?:\d+\s+thang|quy|thang|nam)(?:\s*,\s*(?:\d+\s+thang|quy|thang|nam))*",
    r"\b(?:hang|moi)\s+(?:thang|quy|nam|tuan)\b",
    r"\b(?:thuong xuyen|lien tuc)\b",
    r"\bkhi co\s+[^,.;]*",
)
_TIME_PATTERNS = tuple(re.compile(p) for p in _TIMES)
_SENDING_CLAUSE = re.compile(r",\s*(?:gui|nop|bao cao)\b(?:\s+\S+){0,3}\s*$")
_TIME_LEAD_IN = re.compile(
    r"(?:[,;]\s*)?(?:(?:hoan thanh|thuc hien|thoi gian thuc hien|thoi han|phat song)\s+)?(?:xong\s+)?"
    r"(?:trong\s+|vao\s+)?$"
)


def time_phrase(sentence: str) -> tuple[str, tuple[int, int] | None]:
    """The time a duty sentence names (capitalised, "Trước ngày 31/01/2026") and where it is written."""
    folded = fold_chars(sentence)
    for pattern in _TIME_PATTERNS:
        match = pattern.search(folded)
        if match:
            written = sentence[match.start() : match.end()].strip(" ,.;")
            return written[:1].upper() + written[1:], (match.start(), match.end())
    return "", None


def _without_time(sentence: str, span: tuple[int, int] | None) -> str:
    """The sentence without a time written at its start or its end (with "hoàn thành", "thực hiện" …)."""
    if span is None:
        return sentence
    folded = fold_chars(sentence)
    tail = sentence[span[1] :].strip(" .;,")
    if not tail:
        lead_in = _TIME_LEAD_IN.search(folded[: span[0]])
        cut = lead_in.start() if lead_in else span[0]
        # "…, gửi Văn phòng Sở trước ngày 10/11/2026": a short clause that only says where the result goes.
        clause = _SENDING_CLAUSE.search(folded[:cut])
        if clause is not None and clause.start() > 0:
            cut = clause.start()
        return sentence[:cut].rstrip(" ,;")
    if not sentence[: span[0]].strip():
        rest = sentence[span[1] :].lstrip(" ,")
        return rest[:1].upper() + rest[1:]
    if re.fullmatch(r"(?:hang|moi)\s+(?:thang|quy|nam|tuan)", folded[span[0] : span[1]]) and not re.search(
        r"dinh ky\s*$", folded[: span[0]]
    ):
        # "(SIPAS) hằng quý tại …": an adverb of time inside the sentence; "báo cáo định kỳ hằng quý" stays.
        return (sentence[: span[0]].rstrip() + " " + sentence[span[1] :].lstrip()).strip()
    return sentence


_PRODUCT_VERB = re.compile(
    r"\b(?:ban hanh|xay dung|tong hop|lap|mo|gui|thanh lap|trinh|de xuat)\s+(?=(?P<noun>ke hoach|bao cao|"
    r"thong bao|to gap|kho du lieu|chuyen muc|danh sach|quyet dinh|ban dang ky|de an|quy che|so tay|video|"
    r"phuong an|ket qua)\b)"
)
_REPORT = re.compile(
    r"(?:^|[,;]\s*|\b(?:tong hop|thuc hien|hang nam|hang quy|hang thang|dinh ky)\s+)(?P<noun>bao cao)\b"
)
# Where a product's name ends (on folded text): the recipient, the place, the time, the next clause.
_PRODUCT_END = re.compile(
    r"\s+(?:cua|gui|ve|cho|tai|tren|truoc|trong|theo|den|de|va|dinh ky|hang|moi|thuong xuyen)\b|[,;.(]"
)
_NAME_AFTER = re.compile(r"\s+(?=[A-ZĐ])")  # "báo cáo Chủ tịch UBND tỉnh": the report's recipient


def _deliverable(duty: str) -> str:
    """The product a duty makes: "ban hành kế hoạch …" → "Kế hoạch …"; "tổng hợp kết quả …, báo cáo" →
    "Báo cáo kết quả …" (the results compiled are reported)."""
    folded = fold_chars(duty)
    match = _PRODUCT_VERB.search(folded) or _REPORT.search(folded)
    if not match:
        return ""
    start = match.start("noun")
    after = start + len(match["noun"])
    ends = [m.start() for m in (_PRODUCT_END.search(folded, after), _NAME_AFTER.search(duty, after)) if m]
    end = min(ends) if ends else len(duty)
    product = duty[start:end].strip(" ,;.")
    if match["noun"] == "ket qua" and _REPORT.search(folded, end):
        return f"Báo cáo {product[:1].lower()}{product[1:]}"
    return product[:1].upper() + product[1:]


# ---------------------------------------------------------------------------------------------- the walk


def _task(
    ref: str, lead: tuple[str, ...], cooperating: tuple[str, ...], duty: str, context: TaskContext
) -> tuple[ParsedTask, list[ImportWarning]]:
    duty = re.sub(r"\s*\./\.\s*$", "", duty.strip())
    time, span = time_phrase(duty)
    title = _without_time(duty, span).strip().rstrip(".;:,").strip()
    fields = TaskFields(
        ref=ref,
        kind="task",
        title=title,
        lead="; ".join(lead),
        cooperating="; ".join(cooperating),
        time=time,
        deliverable=_deliverable(duty),
        area=area_from_text(title),
    )
    return make_task(context, fields, lead_units=lead, cooperating_units=cooperating)


def _ends_text(node: Node) -> bool:
    return bool(_CLOSING.match(fold(node.text)))


def agency_tasks(
    nodes: list[Node], context: TaskContext, front_addressees: list[str]
) -> tuple[list[ParsedTask], list[ImportWarning]]:
    """Tasks from the items and sentences that assign work to agencies, and warnings on what they lack."""
    tasks: list[ParsedTask] = []
    warnings: list[ImportWarning] = []
    addressees = tuple(a for name in front_addressees for a in split_agencies(name))
    current: tuple[str, ...] | None = None
    current_level = ""

    def add(lead: tuple[str, ...], cooperating: tuple[str, ...], duty: str) -> None:
        if duty.rstrip().endswith(":"):
            return  # "… xây dựng kế hoạch … như sau:", "… tập trung thực hiện:": it introduces what follows
        task, found = _task(str(len(tasks) + 1), lead, cooperating, duty, context)
        if task.title and len(task.title.split()) >= 2 and not _GENERIC.match(fold(task.title)):
            tasks.append(task)
            warnings.extend(found)

    for node in nodes:
        text = node.text.strip()
        if not text or _ends_text(node):
            current = None
            continue
        heading = node.kind in ("roman", "arabic", "sub")
        if heading and current is not None and _level(node.kind) > _level(current_level):
            # "1. Sở Nội vụ" then "1.1. …": a numbered duty under the agency's item.
            add(current, *_duty_parts(text))
            continue
        assignment = read_assignment(text)
        if assignment is not None and not assignment.duty:
            if heading or node.kind == "letter":
                current, current_level = assignment.lead, node.kind
            continue
        if assignment is not None:
            if heading:
                current = None
            add(assignment.lead, assignment.cooperating, assignment.duty)
            continue
        if _starts_with_agency(text):
            current = None  # "Chủ tịch UBND xã yêu cầu …": the issuer speaking, not a duty
            continue
        if heading:
            current = None
            done = _duty_then_agency(text)
            if done is not None:
                add(*done)
            elif node.kind == "arabic" and addressees:
                add(addressees, *_duty_parts(text))
            continue
        if current is not None and node.kind in ("letter", "bullet", "text"):
            add(current, *_duty_parts(_own_sentences(text)))
    if tasks:
        warnings.append(
            ImportWarning(
                "tasks",
                f"Văn bản không có bảng phân công; {len(tasks)} nhiệm vụ được lấy từ các đoạn giao việc cho từng "
                "cơ quan, đơn vị (đơn vị chủ trì là cơ quan được nêu; thời gian và sản phẩm trích từ câu chữ), "
                "cần kiểm tra lại.",
            )
        )
    return tasks, warnings


def _own_sentences(text: str) -> str:
    """A duty paragraph up to a sentence in which an agency speaks ("… tỉnh. Chủ tịch UBND tỉnh yêu cầu …")."""
    sentences = split_sentences(text)
    kept = [sentences[0]] if sentences else [text]
    for sentence in sentences[1:]:
        if _starts_with_agency(sentence):
            break
        kept.append(sentence)
    return " ".join(kept)


def _starts_with_agency(text: str) -> bool:
    prefix = _PREFIX.match(fold_chars(text))
    body = text[prefix.end() :] if prefix else text
    return _agency_end(body[:1].upper() + body[1:]) is not None


def _level(kind: str) -> int:
    return {"roman": 0, "arabic": 1, "sub": 2, "letter": 3}.get(kind, 4)


def _duty_parts(text: str) -> tuple[tuple[str, ...], str]:
    """A duty under an agency's item: "Phối hợp với Sở Nội vụ tổ chức …" → (("Sở Nội vụ",), "Tổ chức …")."""
    after = _after_role(text[:1].lower() + text[1:] if re.match(r"^(?:Chủ trì|Phối hợp)\b", text) else text)
    if after is None:
        return (), text
    return after


def _duty_then_agency(text: str) -> tuple[tuple[str, ...], tuple[str, ...], str] | None:
    """ "Ban hành thông báo kết luận …: Sở Nội vụ thực hiện chậm nhất …" → the agency leads the part before."""
    head, sep, tail = text.rpartition(": ")
    if not sep or not head.strip():
        return None
    assignment = read_assignment(tail)
    if assignment is None:
        # "…: Sở Nội vụ, trước ngày 15/12/2026."
        time, span = time_phrase(tail)
        named = read_assignment(_without_time(tail.rstrip(". "), span))
        if named is None or named.duty:
            return None
        return named.lead, (), head.strip() + (f", {time}" if time else "")
    if assignment.duty:
        time, span = time_phrase(assignment.duty)
        remainder = _without_time(assignment.duty, span)
        remainder = re.sub(r"(?i)^(?:tham mưu|thực hiện)\s*", "", remainder).strip(" ,.;")
        if len(remainder.split()) > 2:
            # "Cải cách thể chế: Sở Tư pháp chủ trì … rà soát …": the part before the colon is a label.
            return assignment.lead, assignment.cooperating, assignment.duty
        duty = head.strip() + (f", {time}" if time else "")
        return assignment.lead, assignment.cooperating, duty
    return assignment.lead, (), head.strip()


def tidy_duty(task: ParsedTask) -> ParsedTask:
    """A duty read by ``assignments`` as its sentence, told like the others: the time written at its start or
    end out of the title, "Phối hợp với …" at its start into the co-operating agencies."""
    duty = re.sub(r"\s*\./\.\s*$", "", task.title.strip())
    cooperating = task.cooperating
    if re.match(r"^(?:Chủ trì\s*,\s*)?[Pp]hối hợp (?:với|cùng)\s", duty):
        after = _after_role(duty[:1].lower() + duty[1:])
        if after is not None and after[0]:
            cooperating = cooperating or after[0]
            duty = after[1]
    title = _without_time(duty, time_phrase(duty)[1]).strip().rstrip(".;:,").strip()
    if not title or len(title.split()) < 2:
        return task
    return replace(task, title=title, cooperating=cooperating)


def targets_in_duties(nodes: list[Node]) -> list[ParsedObjective]:
    """Measurable targets a document without an objectives section sets in its duties ("đạt từ 98% trở lên")."""
    found: list[ParsedObjective] = []
    for node in nodes:
        for sentence in split_sentences(node.text):
            for clause in re.split(r";\s+", sentence):
                target = parse_target(clause)
                if target is None or target.comparator == "none" or not re.search(r"\d\s*%", clause):
                    continue
                text = clause.strip().rstrip(".;")
                found.append(
                    ParsedObjective(
                        ref=str(len(found) + 1), area=area_from_text(text), text=text, target=target
                    )
                )
    return found
