"""Lines, paragraphs and the numbered outline of a plan's body.

Administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I) number their parts the same way
everywhere: roman sections "I. MỤC TIÊU", arabic items "1. Mục đích", sub-items "1.1.", letters "a)"
and dash bullets "- ". This module turns the lines a reader produced into those parts. Text extracted
from PDF (and .txt copied from it) is hard-wrapped at the page width; ``unwrap`` joins wrapped lines
back into paragraphs using that width and the numbering, never the content of a particular plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.vntext import fold, normalize_space, roman_to_int, strip_markup

__all__ = [
    "Node",
    "Section",
    "Subsection",
    "clean_line",
    "is_furniture",
    "is_running_header",
    "join_text",
    "outline",
    "repair_lines",
    "sections",
    "split_sentences",
    "subsections",
    "unwrap",
]

_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:trang|page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$", re.I)
_ROMAN = re.compile(r"^(?P<label>[IVXL]{1,5})\s*[.:\-–)]\s*(?P<text>\S.*)$")
_ARABIC = re.compile(r"^(?P<label>\d{1,2})\s*[.)]\s*(?P<text>\S.*)$")
_SUB = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})+)\s*[.)]?\s+(?P<text>\S.*)$")
_LETTER = re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?P<text>\S.*)$")
_BULLET = re.compile(r"^[-–—•+*▪●○·]\s*(?P<text>\S.*)$")
_OTHER_MARKERS = re.compile(r"^(?:mục tiêu|nhiệm vụ|hoạt động)\s+\d", re.IGNORECASE)


def clean_line(text: str) -> str:
    """One line as written, without markdown stars, LaTeX remnants or irregular spaces."""
    return normalize_space(strip_markup(text))


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture rather than content: a bare page number or a stray URL."""
    return bool(_PAGE_NUMBER.match(line) or _URL_ONLY.match(line))


# A running header or footer repeated on every page: "Chỉ thị số 14/CT-UBND - Trang 2",
# "Sở Nông nghiệp và Môi trường - Kế hoạch tuyên truyền CCHC 2026      Trang 2".
_RUNNING_HEADER = re.compile(r"^.{0,120}\s(?:Trang|TRANG|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
# A running header set apart from its page number by a wide gap: "Thông báo kết luận …          2".
_SPACED_HEADER = re.compile(r"^\S.{5,110}?\S\s{6,}(?:Trang\s+)?\d{1,3}\s*$")
_NEEDS_NUMBER = re.compile(r"(?:\b(?:ngày|tháng|năm|quý|trước|Quý|số|Số)|\bđến hết)$")
_TYPE_NAMES = frozenset({"KẾ HOẠCH", "QUYẾT ĐỊNH", "CHỈ THỊ", "THÔNG BÁO", "CÔNG VĂN", "QUYẾT ĐỊNH:"})
_INLINE_LETTER = re.compile(r"(?<=[.;:])\s+(?=[b-zđ]\)\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ])")
_INLINE_BULLET = re.compile(r"(?<=[.;])\s+[-–]\s+(?=[A-ZĐ])")
_OPENERS_PAIRS = (("(", ")"), ("“", "”"))


def _open_inside(text: str) -> bool:
    """Whether a parenthesis or a quotation opened in ``text`` is still open at its end."""
    if any(text.count(left) > text.count(right) for left, right in _OPENERS_PAIRS):
        return True
    return text.count('"') % 2 == 1


def is_running_header(line: str) -> bool:
    """Whether a line as extracted (spaces kept) is a page's running header or footer."""
    return bool(_SPACED_HEADER.match(line) or _RUNNING_HEADER.match(" ".join(line.split())))


def repair_lines(lines: list[str]) -> list[str]:
    """Lines mended before paragraphs are built.

    A running page header or footer is dropped, so that an item continues across it; a word hyphenated at
    the end of a line is joined ("trực tu-" + "yến"); a line that leaves a parenthesis or a quotation
    open goes on with the next line; a line holding several duties ("…; b) Hướng dẫn …", "…; - Sở Nội vụ …")
    is split where the next lettered duty or the next agency's bullet begins.
    """
    kept = [line for line in lines if not _RUNNING_HEADER.match(line)]
    repaired: list[str] = []
    for line in kept:
        if repaired and f"{repaired[-1]} {line}".strip() in _TYPE_NAMES:
            repaired[-1] = f"{repaired[-1]} {line}".strip()  # "KẾ" over "HOẠCH": a letter-spaced type name
            continue
        if repaired and _NEEDS_NUMBER.search(repaired[-1]) and line[:1].isdigit():
            repaired[-1] = f"{repaired[-1]} {line}"  # "… trước ngày" over "31/12/2025.": one date
            continue
        if repaired and re.search(r"[a-zà-ỹđ]-$", repaired[-1]) and line[:1].islower():
            repaired[-1] = repaired[-1][:-1] + line
            continue
        if (
            repaired
            and _open_inside(repaired[-1])
            and len(repaired[-1]) < 600
            and not (_ROMAN_OK(line) or _ARABIC.match(line) or _SUB.match(line) or _LETTER.match(line))
        ):
            repaired[-1] = join_text(repaired[-1], line)
            continue
        repaired.append(line)
    split: list[str] = []
    for line in repaired:
        for piece in _INLINE_LETTER.split(line):
            parts = _INLINE_BULLET.split(piece)
            split.append(parts[0])
            split.extend(f"- {part}" for part in parts[1:])
    return [line for line in split if line.strip()]


def _is_marker(line: str) -> bool:
    return bool(
        _ROMAN_OK(line)
        or _ARABIC.match(line)
        or _SUB.match(line)
        or _LETTER.match(line)
        or _BULLET.match(line)
        or _OTHER_MARKERS.match(line)
    )


def _ROMAN_OK(line: str) -> bool:
    match = _ROMAN.match(line)
    return bool(match and roman_to_int(match["label"]) and _starts_upper(match["text"]))


def _starts_upper(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in '“"('


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def join_text(left: str, right: str) -> str:
    """Join two pieces of one wrapped sentence: no space inside a cut symbol ("76/NQ-" + "CP")."""
    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if re.search(r"[A-ZĐ0-9]-$|/$", left) and re.match(r"[A-ZĐ0-9]", right):
        return left + right
    if right.startswith("/") and re.search(r"\w$", left):
        return left + right  # "IV" + "/2026", "139" + "/KH-UBND"
    return f"{left} {right}"


def _wrap_width(lines: list[str]) -> int | None:
    """The page width the lines were wrapped at, or ``None`` when each line is a whole paragraph.

    Wrapped text has most of its long lines within a few characters of one width; paragraphs typed
    one per line vary from a few words to several hundred characters.
    """
    lengths = sorted(len(line) for line in lines if len(line) >= 30)
    if len(lengths) < 10:
        return None
    p50 = lengths[len(lengths) // 2]
    p90 = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    if p90 > 140 or p90 - p50 > 0.2 * p90:
        return None
    return p90


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs.

    A line continues the previous one when it starts in lower case (a sentence never does) or, in
    wrapped text, when its first word would not have fitted at the end of the previous physical line
    (that line was wrapped, not ended); a numbered or bulleted line always starts a new paragraph.
    """
    width = _wrap_width(lines)
    paragraphs: list[str] = []
    last_length = 0  # the previous physical line, not the paragraph joined so far
    single = False  # whether the paragraph so far is one physical line
    for line in lines:
        if paragraphs and _continues(paragraphs[-1], last_length, single, line, width):
            paragraphs[-1] = join_text(paragraphs[-1], line)
            single = False
        else:
            paragraphs.append(line)
            single = True
        last_length = len(line)
    return paragraphs


# Words that open a paragraph in administrative writing (preamble, closing, cited documents); a line
# starting with one is a new paragraph even after a full-width line.
_OPENERS = re.compile(
    r"^(?:thuc hien|can cu|nham|de|tren co so|xet|trong qua trinh|ke hoach nay|tren day|noi nhan|"
    r"kem theo|ban hanh kem theo)\b"
)


def _continues(previous: str, last_length: int, single: bool, line: str, width: int | None) -> bool:
    if _is_marker(line):
        return False
    if _starts_lower(line) or re.search(r"[A-ZĐ0-9]-$", previous):
        return True
    if width is None or _OPENERS.match(fold(line)):
        return False
    if single and line[:1].isalpha() and (_ARABIC.match(previous) or _SUB.match(previous)):
        return False  # "7. Đề nghị Ủy ban … xã hội" over "Phối hợp với …": a numbered heading
    # The previous line was wrapped if it nearly fills the width, or if the next line's first word
    # would not have fitted on it (character counts only approximate a proportional font).
    first_word = line.split(" ", 1)[0]
    nearly_full = last_length >= width - 15
    if last_length < 0.6 * width or not (nearly_full or last_length + 1 + len(first_word) >= width - 6):
        return False
    # A full line ending a sentence usually runs on (a paragraph seldom ends exactly at the margin);
    # a colon announces a list, and the document's closing mark ends everything.
    return not previous.endswith((":", "./.", "/."))


@dataclass(frozen=True)
class Node:
    """One paragraph of the body with its numbering: kind roman/arabic/sub/letter/bullet/text."""

    kind: str
    label: str
    text: str

    @property
    def full(self) -> str:
        """The paragraph as written, numbering included."""
        if self.kind == "roman":
            return f"{self.label}. {self.text}"
        if self.kind in ("arabic", "sub"):
            return f"{self.label}. {self.text}"
        if self.kind == "letter":
            return f"{self.label}) {self.text}"
        if self.kind == "bullet":
            return f"- {self.text}"
        return self.text


def classify(paragraph: str) -> Node:
    """The numbering of a paragraph."""
    match = _ROMAN.match(paragraph)
    if match and roman_to_int(match["label"]) and _starts_upper(match["text"]):
        return Node("roman", match["label"], match["text"])
    match = _SUB.match(paragraph)
    if match:
        return Node("sub", match["label"], match["text"])
    match = _ARABIC.match(paragraph)
    if match and not re.match(r"\d", match["text"]):
        return Node("arabic", match["label"], match["text"])
    match = _LETTER.match(paragraph)
    if match:
        return Node("letter", match["label"], match["text"])
    match = _BULLET.match(paragraph)
    if match:
        return Node("bullet", "", match["text"])
    return Node("text", "", paragraph)


def outline(paragraphs: list[str]) -> list[Node]:
    """Every paragraph classified by its numbering."""
    return [classify(p) for p in paragraphs]


@dataclass
class Section:
    """A roman-numbered section: "III. NỘI DUNG THI ĐUA" and the paragraphs under it."""

    label: str
    title: str
    inline: str
    body: list[Node] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The folded title, for matching section names written with or without diacritics."""
        return fold(self.title)


@dataclass
class Subsection:
    """An arabic-numbered item of a section ("2. Mục tiêu cụ thể") and the paragraphs under it."""

    label: str
    text: str
    body: list[Node] = field(default_factory=list)


def _split_title(text: str) -> tuple[str, str]:
    """'KINH PHÍ: Sử dụng …' → ('KINH PHÍ', 'Sử dụng …'); a heading in capitals ends at its colon."""
    head, sep, rest = text.partition(":")
    if sep and head.strip() and head.upper() == head and rest.strip():
        return head.strip(), rest.strip()
    return text.strip().rstrip(":"), ""


def sections(nodes: list[Node]) -> tuple[list[Node], list[Section]]:
    """The paragraphs before the first roman section, and the roman sections in order."""
    before: list[Node] = []
    found: list[Section] = []
    for node in nodes:
        if node.kind == "roman":
            title, inline = _split_title(node.text)
            found.append(Section(node.label, title, inline))
        elif found:
            found[-1].body.append(node)
        else:
            before.append(node)
    return before, found


def subsections(body: list[Node]) -> tuple[list[Node], list[Subsection]]:
    """The paragraphs before the first arabic item, and the arabic items with their paragraphs."""
    intro: list[Node] = []
    found: list[Subsection] = []
    for node in body:
        if node.kind == "arabic":
            found.append(Subsection(node.label, node.text))
        elif found:
            found[-1].body.append(node)
        else:
            intro.append(node)
    return intro, found


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph: a full stop followed by a capital starts a new one.

    A one- or two-letter abbreviation ("TP. Hồ Chí Minh") does not end a sentence.
    """
    parts: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?]\s+(?=\S)", text):
        following = text[match.end() :][:1]
        before = text[start : match.start() + 1]
        if not (following.isupper() or following in '“"('):
            continue
        if re.search(r"(?:^|\s)\w{1,2}\.$", before):
            continue
        parts.append(before.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [part for part in parts if part]
