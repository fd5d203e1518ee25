"""The issuing body from the top block of a document (Nghị định 30/2020/NĐ-CP, Phụ lục I, ô số 1 and 2).

The top block is a two-column table: on the left the issuing body in capitals (its superior body above it,
"UBND TỈNH ĐẮK LẮK" over "SỞ XÂY DỰNG"), the number below; on the right the national motto
("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" over "Độc lập - Tự do - Hạnh phúc") and the place and date.
Extraction scatters it: cells read row by row interleave the two columns, a cell may break over lines
("**CỘNG HÒA XÃ HỘI**" over "**CHỦ NGHĨA VIỆT NAM**"), a line may break inside a word ("ĐẮ" over "K LẮK"),
both columns may share a line ("SỞ NỘI VỤ | CỘNG HÒA …" or with a tab). So every piece of every line is
classified: a fragment of the motto is dropped wherever it is cut, the remaining capitals lines are joined
into names (a line that does not start with the head word of a body continues the name above it, a word
cut by a line break is glued back), and the issuer is the last name: the body itself, under its superior.
"""

from __future__ import annotations

import re

from domain.vntext import fold, fold_chars, strip_markup

__all__ = [
    "choose_issuer",
    "display_name",
    "glue_broken_word",
    "is_motto_fragment",
    "masthead_names",
    "strip_motto",
]

_MOTTO_WORDS = [
    "cong",
    "hoa",
    "xa",
    "hoi",
    "chu",
    "nghia",
    "viet",
    "nam",
    "doc",
    "lap",
    "tu",
    "do",
    "hanh",
    "phuc",
]
_MOTTO_COMPACT = "".join(_MOTTO_WORDS)
_PIECES = re.compile(r"\t+|\s{3,}|\s*\|\s*")
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|kr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnptk])?$"
)
# The first words of a body's name; a capitals line starting otherwise continues the name above it.
_HEADS = re.compile(
    r"^(?:so|uy ban|ubnd|hdnd|hoi dong|ban|bo|cuc|chi cuc|tong cuc|van phong|trung tam|phong|dang uy|"
    r"dang doan|tinh uy|thanh uy|huyen uy|cong an|thanh tra|kho bac|truong|benh vien|dai|bao|chinh phu|"
    r"thu tuong|lien doan|mat tran|doan|hoi|bao hiem|hoc vien|vien|toa an|dai hoc|ngan hang|quan doan|"
    r"bch|bo chi huy|chu tich|cong ty|tong cong ty)\b"
)
_NOT_NAME = re.compile(r"^(?:so|s)\s*:|^v\s*/\s*v\b|^kinh gui\b|^(?:ke hoach|chi thi|quyet dinh|cong van)$")


def _compact(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


def is_motto_fragment(text: str) -> bool:
    """Whether ``text`` is (a piece of) "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"."""
    compact = _compact(text)
    if len(compact) < 5 or compact not in _MOTTO_COMPACT:
        return False
    # A whole word at both ends, or a long enough piece to be the motto cut inside a word.
    words = fold(re.sub(r"[^\w\s]", " ", text)).split()
    whole = bool(words) and words[0] in _MOTTO_WORDS and words[-1] in _MOTTO_WORDS
    return whole or len(compact) >= 8


def strip_motto(text: str) -> str:
    """``text`` without the motto words it begins or ends with ("TỈNH ĐẮK LẮK Độc lập - Tự do - Hạnh phúc")."""
    words = text.split()
    for cut in range(len(words)):  # the longest motto tail first
        tail = " ".join(words[cut:])
        if len(words) - cut >= 2 and is_motto_fragment(tail):
            words = words[:cut]
            break
    for cut in range(len(words), 0, -1):  # then the longest motto head
        head = " ".join(words[:cut])
        if cut >= 2 and is_motto_fragment(head):
            words = words[cut:]
            break
    return " ".join(words)


def _is_syllable(token: str) -> bool:
    return bool(_SYLLABLE.match(_compact(token)))


def glue_broken_word(left: str, right: str) -> str:
    """Join two lines, without a space where a line break fell inside a word ("ĐẮ" + "K LẮK" → "ĐẮK LẮK").

    A word is glued when one piece is not a Vietnamese syllable on its own and the two together are one.
    """
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left or right
    tail, head = left.split()[-1], right.split()[0]
    if (
        tail.isalpha()
        and head.isalpha()
        and (not _is_syllable(tail) or not _is_syllable(head))
        and _is_syllable(tail + head)
    ):
        return left + right
    return f"{left} {right}"


def _is_caps(text: str, least: int = 2) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= least and all(c.isupper() for c in letters)


def _pieces(line: str) -> list[str]:
    """The cells of a top-block line; a longer piece is body text, not a name or the motto."""
    pieces = [p.strip(" *_") for p in _PIECES.split(strip_markup(line)) if p.strip(" *_")]
    return [piece for piece in pieces if len(piece) <= 200]


def masthead_names(lines: list[str]) -> list[str]:
    """The bodies the top block's lines (everything above the type name) name, superior first."""
    names: list[str] = []
    continuing = False
    for line in lines:
        for piece in _pieces(line):
            text = strip_motto(piece)
            if not text or is_motto_fragment(text) or re.fullmatch(r"[\W_]+", text):
                continue  # the other column, or the rule under a name: neither ends the name
            folded = fold(text)
            if not _is_caps(text, 1 if continuing else 2) or _NOT_NAME.match(folded):
                continuing = False
                continue
            if names and continuing and not _HEADS.match(folded):
                names[-1] = glue_broken_word(names[-1], text)
            else:
                names.append(text)
            continuing = True
    return [name.strip(" -–,.") for name in names]


_LEVELS = ("tinh", "xa", "phuong", "huyen", "thanh pho", "thi tran", "quan", "thi xa")
_LONG_FORMS = (("uy ban nhan dan", "UBND"), ("hoi dong nhan dan", "HĐND"))
# The last word of a body's head ("Sở", "Văn phòng", "Trung tâm", "Chi cục"): the field after it is capitalised.
_HEAD_WORDS = frozenset({"so", "phong", "ban", "cuc", "bo", "tam", "tra"})
_BARE_OFFICE = re.compile(r"^(?:van phong|thanh tra)$")


def choose_issuer(names: list[str]) -> str | None:
    """The issuer among the top block's names: the last one (the body under its superior), "VĂN PHÒNG" alone
    being the office of the body above it ("Văn phòng UBND tỉnh Lai Châu")."""
    if not names:
        return None
    last = names[-1]
    if len(names) >= 2 and _BARE_OFFICE.match(fold(last)):
        return f"{last} {names[-2]}"
    return last


def display_name(name: str, text: str, *, agency: bool = True) -> str:
    """A body's name as the text writes it in running prose: "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" → "UBND tỉnh Đắk Lắk".

    Capitals are the header's typography, not the name's spelling: each part is looked up where the
    document writes it in ordinary case ("Sở Nông nghiệp và Môi trường ban hành …", "Đắk Lắk, ngày …");
    a part written nowhere else keeps a capital on its first word, on a place name's words and, in an
    agency's name, on each field it names ("Sở Văn hóa, Thể thao và Du lịch").
    """
    if not _is_caps(name) or len(name) > 400:
        return name
    text = " ".join(text.split())
    folded_text = fold_chars(text)
    words = name.split()
    folded = [fold(w) for w in words]
    out: list[str] = []
    index = 0
    place = 0  # how many words after a level ("tỉnh", "xã") may still be a place name
    while index < len(words):
        rest = " ".join(folded[index:])
        long_form = next((p for p in _LONG_FORMS if rest == p[0] or rest.startswith(p[0] + " ")), None)
        if long_form is not None:
            out.append(long_form[1])
            index += len(long_form[0].split())
            continue
        level = next((lv for lv in _LEVELS if rest == lv or rest.startswith(lv + " ")), None)
        if level is not None and out:
            size = len(level.split())
            out.append(" ".join(w.lower() for w in words[index : index + size]))
            index += size
            place = 2
            continue
        if folded[index] in ("ubnd", "hdnd"):
            out.append(words[index])
            index += 1
            continue
        for end in range(min(len(words), index + 8), index, -1):  # a name part is a few words
            written = _written_in(text, folded_text, " ".join(folded[index:end]))
            if written is not None and (end - index >= 2 or place):
                out.append(written)
                index = end
                place = 0
                break
        else:
            if not _is_syllable(words[index]) and words[index].isalpha() and len(words[index]) >= 2:
                out.append(words[index])  # an abbreviation: "CCHC", "TĐKT"
                index += 1
                continue
            word = words[index].lower()
            after_head = bool(out) and fold(out[-1]) in _HEAD_WORDS
            field = agency and bool(out) and (fold(out[-1]) == "va" or out[-1].endswith(","))
            out.append(word.capitalize() if not out or place or after_head or field else word)
            place = max(0, place - 1)
            index += 1
    result = " ".join(out)
    return result[:1].upper() + result[1:]


def _written_in(text: str, folded_text: str, phrase: str) -> str | None:
    """``phrase`` (folded) as ``text`` writes it in mixed case starting with a capital, or ``None``."""
    start = 0
    for _ in range(20):  # the first occurrences tell; a repeated phrase must not cost a scan each
        found = folded_text.find(phrase, start)
        if found < 0:
            return None
        end = found + len(phrase)
        boundary = (found == 0 or not folded_text[found - 1].isalnum()) and (
            end == len(folded_text) or not folded_text[end].isalnum()
        )
        candidate = text[found:end]
        if boundary and not _is_caps(candidate, 1) and candidate[:1].isupper():
            return candidate
        start = found + 1
    return None
