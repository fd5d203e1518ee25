"""Demo data of the communication register: seed 002's plan (Sở Xây dựng Đắk Lắk) with its content areas and
the website target read from its text, a year of articles on its channels with some months left without a
website article (so the grid shows red among the green), a conference, a training and a QR poster."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from apps.organizations.models import Agency, Unit
from apps.plans.choices import PlanType
from apps.plans.models import Plan

from . import selectors
from .choices import Channel, EventKind
from .models import Article, ChannelTarget, ContentArea, Event

AGENCY = "DLK-SXD"
MISSING_WEBSITE_MONTHS = (3, 8)  # months the demo leaves without a website article
# (title, index of the plan's content area it belongs to: 0 thể chế … 6 mô hình hay)
TITLES = (
    ("Sở Xây dựng công khai thủ tục hành chính lĩnh vực xây dựng năm 2026", 1),
    ("Hướng dẫn nộp hồ sơ cấp giấy phép xây dựng trực tuyến toàn trình", 5),
    ("Phổ biến văn bản quy phạm pháp luật mới trong lĩnh vực xây dựng", 0),
    ("Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền của Sở", 1),
    ("Sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả", 2),
    ("Nâng cao kỷ luật, kỷ cương hành chính và văn hóa công sở", 3),
    ("Quản lý, sử dụng hiệu quả vốn đầu tư công trong lĩnh vực xây dựng", 4),
    ("Vận hành cơ sở dữ liệu chuyên ngành xây dựng phục vụ người dân", 5),
    ("Mô hình “Một cửa thân thiện” tại bộ phận tiếp nhận hồ sơ của Sở", 6),
)


def build_communication_demo(*, today: date | None = None) -> list[str]:
    agency = Agency.objects.filter(code=AGENCY).first()
    if agency is None:
        return []
    plan = (
        Plan.objects.filter(agency=agency, plan_type=PlanType.COMMUNICATION)
        .order_by("-issued_on", "-pk")
        .first()
    )
    if plan is None:
        return ["Bỏ qua sổ tuyên truyền mẫu: chưa có kế hoạch thông tin, tuyên truyền của Sở Xây dựng."]
    if Article.objects.filter(agency=agency).exists():
        return ["Đã có sổ tin, bài tuyên truyền mẫu."]
    day = today or timezone.localdate()
    rng = random.Random(2026)
    with transaction.atomic():
        areas = []
        for order, name in enumerate(selectors.area_names(plan), start=1):
            areas.append(
                ContentArea.objects.get_or_create(plan=plan, name=name, defaults={"order": order})[0]
            )
        for channel, count in selectors.suggested_targets(plan).items():
            ChannelTarget.objects.get_or_create(
                plan=plan,
                channel=channel,
                defaults={
                    "per_month": count,
                    "source_text": "Bảo đảm có ít nhất 01 tin/bài viết về CCHC mỗi tháng",
                },
            )
        units = list(Unit.objects.filter(agency=agency).order_by("pk"))
        office = next((unit for unit in units if unit.is_focal), units[0] if units else None)
        articles = []
        year = day.year
        for month in range(1, 13):
            first = date(year, month, 1)
            if first > day:
                break
            last = min(day, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1))
            plan_for = [] if month in MISSING_WEBSITE_MONTHS or month == day.month else [Channel.WEBSITE]
            plan_for += rng.sample([Channel.ZALO_OA, Channel.FANPAGE, Channel.PRESS, Channel.INTERNAL], 2)
            for index, channel in enumerate(plan_for):
                published = first + timedelta(days=rng.randint(0, (last - first).days))
                title, area_index = TITLES[(month * 2 + index) % len(TITLES)]
                area = areas[area_index % len(areas)] if areas else None
                link = (
                    ""
                    if channel in (Channel.INTERNAL, Channel.PRESS)
                    else f"https://sxd.daklak.gov.vn/tin-tuc/cchc-{year}-{month:02d}-{index + 1}"
                )
                if channel == Channel.ZALO_OA:
                    link = f"https://zalo.me/sxddaklak/bai-{year}{month:02d}{index + 1}"
                elif channel == Channel.FANPAGE:
                    link = f"https://www.facebook.com/sxd.daklak/posts/{year}{month:02d}{index + 1}"
                articles.append(
                    Article(
                        agency=agency,
                        plan=plan,
                        title=title,
                        channel=channel,
                        area=area,
                        published_on=published,
                        link=link,
                        link_key=link.lower(),
                        author_unit=rng.choice(units) if units and channel != Channel.WEBSITE else office,
                    )
                )
        articles.append(
            Article(
                agency=agency,
                plan=plan,
                title="Áp phích mã QR tra cứu thủ tục hành chính lĩnh vực xây dựng",
                channel=Channel.QR_POSTER,
                area=areas[1] if len(areas) > 1 else None,
                published_on=min(day, date(year, 6, 2)),
                place="Bộ phận tiếp nhận và trả kết quả, Trung tâm Phục vụ hành chính công tỉnh",
                author_unit=office,
            )
        )
        Article.objects.bulk_create(articles)
        Event.objects.bulk_create(
            [
                Event(
                    agency=agency,
                    plan=plan,
                    kind=EventKind.CONFERENCE,
                    title="Hội nghị quán triệt Kế hoạch thông tin, tuyên truyền CCHC năm 2026",
                    held_on=min(day, date(year, 5, 20)),
                    place="Hội trường Sở Xây dựng",
                    attendance=85,
                    area=areas[0] if areas else None,
                ),
                Event(
                    agency=agency,
                    plan=plan,
                    kind=EventKind.TRAINING,
                    title="Tập huấn sử dụng dịch vụ công trực tuyến lĩnh vực xây dựng",
                    held_on=min(day, date(year, 9, 12)),
                    place="Trung tâm Phục vụ hành chính công tỉnh",
                    attendance=60,
                    area=areas[5] if len(areas) > 5 else None,
                ),
            ]
        )
    missing = ", ".join(str(month) for month in MISSING_WEBSITE_MONTHS if date(year, month, 1) <= day)
    return [
        f"Đã tạo sổ tuyên truyền mẫu: {len(articles)} tin, bài năm {year} của Sở Xây dựng"
        + (f" (tháng {missing} không có tin trên Trang thông tin điện tử)." if missing else ".")
    ]
