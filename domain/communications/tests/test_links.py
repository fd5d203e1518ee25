from datetime import date

import pytest

from domain.communications.links import (
    is_public_address,
    link_problem,
    normalise_link,
    page_facts,
    pasted_links,
)
from domain.communications.plan_text import channel_targets, content_areas


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://sxd.daklak.gov.vn/tin/cchc-1", True),
        ("http://baodaklak.vn/a?id=3", True),
        ("sxd.daklak.gov.vn/tin", False),
        ("ftp://sxd.daklak.gov.vn/x", False),
        ("javascript:alert(1)", False),
        ("https://localhost/x", False),
        ("https://a b.vn", False),
    ],
)
def test_only_web_addresses_are_links(text, ok):
    assert (link_problem(text) is None) is ok


def test_the_same_link_pasted_twice_is_refused_on_its_second_line():
    lines = pasted_links("https://a.vn/x\n\nkhông phải link\nHTTPS://A.VN/x/#top\n")
    assert [line.line for line in lines] == [1, 3, 4]
    assert lines[0].problem is None
    assert "không phải đường dẫn" in (lines[1].problem or "")
    assert lines[2].problem == "Đường dẫn trùng với dòng 1."
    assert normalise_link("HTTPS://A.VN/x/#top") == "https://a.vn/x"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("::ffff:10.0.0.1", False),
        ("fd00::1", False),
        ("14.225.1.1", True),
    ],
)
def test_private_and_loopback_addresses_are_never_fetched(address, public):
    assert is_public_address(address) is public


def test_a_page_gives_its_title_and_date_when_it_declares_them():
    html = (
        '<html><head><title>Sở Xây dựng | Tin</title><meta property="og:title" content="Đối thoại CCHC">'
        '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00"></head></html>'
    )
    assert page_facts(html).title == "Đối thoại CCHC"
    assert page_facts(html).published_on == date(2026, 3, 5)
    assert page_facts("<p>không có gì</p>").published_on is None


SEED_002 = """III. NỘI DUNG TUYÊN TRUYỀN
1. Cải cách thể chế
Tuyên truyền xây dựng, thực thi văn bản pháp luật.
2. Cải cách thủ tục hành chính
- Công khai, minh bạch TTHC lĩnh vực xây dựng.
7. Tuyên truyền mô hình hay, điển hình tiên tiến
IV. HÌNH THỨC TUYÊN TRUYỀN
1. Truyền thông nội bộ: Lồng ghép trong các cuộc họp.
- Bảo đảm có ít nhất 01 tin/bài viết về CCHC mỗi tháng trên website Sở.
"""


def test_the_content_areas_and_the_website_target_are_read_from_the_plan():
    lines = SEED_002.splitlines()
    assert content_areas(lines) == [
        "Cải cách thể chế",
        "Cải cách thủ tục hành chính",
        "Tuyên truyền mô hình hay, điển hình tiên tiến",
    ]
    assert channel_targets(lines) == {"website": 1}


def test_a_spreadsheet_with_a_bad_date_or_an_unknown_column_saves_nothing_and_says_which_row():
    from domain.communications.rows import read_rows

    today = date(2026, 6, 1)
    header = ["Tiêu đề", "Kênh", "Ngày đăng", "Đường dẫn"]
    good = ["Tin 1", "Trang thông tin điện tử", "05/03/2026", "https://sxd.vn/1"]
    read = read_rows(header, [good, ["Tin 2", "Zalo", "31/02/2026", "https://sxd.vn/2"]], today=today)
    assert read.errors == ["Dòng 3: ngày đăng “31/02/2026” không hợp lệ (dd/mm/yyyy)."]
    assert read_rows([*header, "Ghi chú"], [good], today=today).errors[0].startswith("Cột “Ghi chú”")
    assert read_rows(header, [good], today=today).rows[0].channel == "website"
