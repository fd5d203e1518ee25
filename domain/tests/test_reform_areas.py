"""Reform areas and recognising them in plan headings."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.reform_areas import REFORM_AREAS, area_by_code, area_from_text


def test_reform_areas_are_in_plan_order() -> None:
    assert [area.code for area in REFORM_AREAS] == [
        "direction",
        "institutions",
        "procedures",
        "organization",
        "civil_service",
        "public_finance",
        "digital_government",
        "communication",
        "satisfaction",
        "monitoring",
    ]
    assert [area.order for area in REFORM_AREAS] == list(range(1, 11))


def test_area_by_code_returns_the_vietnamese_name() -> None:
    assert area_by_code("procedures").name == "Cải cách thủ tục hành chính"


@pytest.mark.parametrize(
    ("heading", "code"),
    [
        # Seed 003, section II and the appendix
        ("1. Công tác chỉ đạo, điều hành", "direction"),
        ("I Công tác chỉ đạo điều hành (06 mục tiêu; 06 nhiệm vụ và 07 hoạt động)", "direction"),
        ("2. Cải cách thể chế", "institutions"),
        ("II Cải cách thể chế (03 mục tiêu; 02 nhiệm vụ; 03 hoạt động)", "institutions"),
        ("3. Cải cách thủ tục hành chính", "procedures"),
        ("4. Cải cách tổ chức bộ máy", "organization"),
        ("5. Cải cách chế độ công vụ", "civil_service"),
        ("6. Cải cách tài chính công", "public_finance"),
        ("7. Xây dựng, phát triển Chính quyền điện tử, Chính quyền số", "digital_government"),
        ("VII Xây dựng, phát triển Chính quyền điện tử, Chính quyền số (01 mục tiêu)", "digital_government"),
        # Seed 001, section III
        ("1. Nâng cao trách nhiệm người đứng đầu; tăng cường chỉ đạo điều hành CCHC", "direction"),
        ("7. Xây dựng chính quyền số, chuyển đổi số", "digital_government"),
        ("8. Nâng cao Chỉ số SIPAS", "satisfaction"),
        ("9. Công tác thông tin, tuyên truyền", "communication"),
        ("10. Theo dõi, đánh giá kết quả", "monitoring"),
        # Seed 000, contest contents
        ("3. Thi đua nâng cao chất lượng giải quyết thủ tục hành chính", "procedures"),
        ("4. Thi đua đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số", "digital_government"),
        ("5. Thi đua nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "civil_service"),
        ("6. Thi đua cải thiện các chỉ số đánh giá chất lượng hoạt động và sự hài lòng", "satisfaction"),
        ("7. Thi đua thực hiện hiệu quả cải cách tài chính công", "public_finance"),
        # Other spellings
        ("Cải cách TTHC", "procedures"),
        ("Nâng cao chất lượng đội ngũ CBCCVC", "civil_service"),
        ("Tuyên truyền chuyển đổi số", "communication"),
    ],
)
def test_area_from_text_recognises_seed_headings(heading: str, code: str) -> None:
    assert area_from_text(heading) == code


@pytest.mark.parametrize(
    ("heading", "code"),
    [
        ("cai cach the che", "institutions"),
        ("CAI CACH THU TUC HANH CHINH", "procedures"),
        ("cong tac chi dao, dieu hanh", "direction"),
        ("xay dung chinh quyen dien tu", "digital_government"),
        ("cai cach tai chinh cong", "public_finance"),
        ("thong tin, tuyen truyen", "communication"),
        ("nang cao su hai long", "satisfaction"),
    ],
)
def test_area_from_text_works_without_diacritics(heading: str, code: str) -> None:
    assert area_from_text(heading) == code


@pytest.mark.parametrize(
    "heading",
    ["Cải cách hành chính", "I. MỤC ĐÍCH, YÊU CẦU", "V. KINH PHÍ", "", "Ứng dụng công nghệ"],
)
def test_area_from_text_returns_none_for_a_heading_without_an_area(heading: str) -> None:
    assert area_from_text(heading) is None


@given(st.text())
def test_area_from_text_never_raises(text: str) -> None:
    assert area_from_text(text) in {None, *(area.code for area in REFORM_AREAS)}
