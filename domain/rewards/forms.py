"""The annual titles (danh hiệu thi đua) and forms of award (hình thức khen thưởng) handled here, who decides them.

Sources: Luật Thi đua, khen thưởng 2022 (Điều 22–28, 74, 75, 80); Nghị định 129/2025/NĐ-CP Điều 59 (the commune
chairman); Nghị định 152/2025/NĐ-CP Điều 6.2.b (the province regulates Tập thể lao động xuất sắc, Chiến sĩ thi đua
cấp tỉnh and Bằng khen).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["FORMS", "AwardForm", "FormInfo", "Subject", "form_label", "forms_for"]


class AwardForm(StrEnum):
    LABOUR = "lao_dong_tien_tien"
    EMULATION_SOLDIER = "chien_si_thi_dua_co_so"
    PROVINCIAL_EMULATION_SOLDIER = "chien_si_thi_dua_tinh"
    ADVANCED_COLLECTIVE = "tap_the_lao_dong_tien_tien"
    EXCELLENT_COLLECTIVE = "tap_the_lao_dong_xuat_sac"
    CERTIFICATE_OF_MERIT = "giay_khen"
    PROVINCIAL_MERIT = "bang_khen_tinh"


class Subject(StrEnum):
    PERSON = "person"
    COLLECTIVE = "collective"


SUBJECT_LABELS = {Subject.PERSON: "cá nhân", Subject.COLLECTIVE: "tập thể"}

HEAD = "Thủ trưởng cơ quan"
COMMUNE_CHAIR = "Chủ tịch UBND cấp xã"
PROVINCE_CHAIR = "Chủ tịch UBND tỉnh"
_HEAD_OR_COMMUNE = (
    f"{HEAD} (khoản 1 Điều 80 Luật Thi đua, khen thưởng 2022); "
    f"{COMMUNE_CHAIR} (Điều 59 Nghị định 129/2025/NĐ-CP)"
)
_PROVINCE = f"{PROVINCE_CHAIR} (Điều 74, 80 Luật Thi đua, khen thưởng 2022; điểm b khoản 2 Điều 6 Nghị định 152/2025/NĐ-CP)"


@dataclass(frozen=True)
class FormInfo:
    """One title or form: its Vietnamese label, whom it is for, whether it is a title (danh hiệu) or a form of
    award (hình thức), who decides it (``decided_by``, with ``decided_by_source``) and its ``rank`` among the
    titles of one subject ("several titles for one period: only the highest is paid")."""

    form: AwardForm
    label: str
    subjects: frozenset[Subject]
    is_title: bool
    decided_by: str
    decided_by_source: str
    rank: int
    legal_basis: str

    @property
    def kind_label(self) -> str:
        return "Danh hiệu thi đua" if self.is_title else "Hình thức khen thưởng"


_PERSON = frozenset({Subject.PERSON})
_COLLECTIVE = frozenset({Subject.COLLECTIVE})
_BOTH = frozenset({Subject.PERSON, Subject.COLLECTIVE})

FORMS: dict[AwardForm, FormInfo] = {
    info.form: info
    for info in (
        FormInfo(
            AwardForm.LABOUR,
            "Lao động tiên tiến",
            _PERSON,
            True,
            f"{HEAD}; {COMMUNE_CHAIR}",
            _HEAD_OR_COMMUNE,
            10,
            "Điều 24 Luật Thi đua, khen thưởng 2022",
        ),
        FormInfo(
            AwardForm.EMULATION_SOLDIER,
            "Chiến sĩ thi đua cơ sở",
            _PERSON,
            True,
            f"{HEAD}; {COMMUNE_CHAIR}",
            _HEAD_OR_COMMUNE,
            20,
            "Điều 23 Luật Thi đua, khen thưởng 2022",
        ),
        FormInfo(
            AwardForm.PROVINCIAL_EMULATION_SOLDIER,
            "Chiến sĩ thi đua cấp tỉnh",
            _PERSON,
            True,
            PROVINCE_CHAIR,
            _PROVINCE,
            30,
            "Điều 22 Luật Thi đua, khen thưởng 2022",
        ),
        FormInfo(
            AwardForm.ADVANCED_COLLECTIVE,
            "Tập thể lao động tiên tiến",
            _COLLECTIVE,
            True,
            f"{HEAD}; {COMMUNE_CHAIR}",
            _HEAD_OR_COMMUNE,
            10,
            "Điều 28 Luật Thi đua, khen thưởng 2022",
        ),
        FormInfo(
            AwardForm.EXCELLENT_COLLECTIVE,
            "Tập thể lao động xuất sắc",
            _COLLECTIVE,
            True,
            PROVINCE_CHAIR,
            _PROVINCE,
            20,
            "Điều 27 Luật Thi đua, khen thưởng 2022",
        ),
        FormInfo(
            AwardForm.CERTIFICATE_OF_MERIT,
            "Giấy khen",
            _BOTH,
            False,
            f"{HEAD}; {COMMUNE_CHAIR}",
            _HEAD_OR_COMMUNE,
            10,
            "Điều 75 Luật Thi đua, khen thưởng 2022",
        ),
        FormInfo(
            AwardForm.PROVINCIAL_MERIT,
            "Bằng khen của Chủ tịch UBND tỉnh",
            _BOTH,
            False,
            PROVINCE_CHAIR,
            _PROVINCE,
            20,
            "Điều 74 Luật Thi đua, khen thưởng 2022",
        ),
    )
}


def form_label(form: AwardForm | str) -> str:
    """``"lao_dong_tien_tien"`` → ``"Lao động tiên tiến"``; an unknown code is returned as it is."""
    try:
        return FORMS[AwardForm(form)].label
    except ValueError:
        return str(form)


def forms_for(subject: Subject) -> tuple[AwardForm, ...]:
    """The titles and forms a person (or a collective) may be nominated for, titles first."""
    return tuple(
        info.form
        for info in sorted(FORMS.values(), key=lambda i: (not i.is_title, i.rank))
        if subject in info.subjects
    )
