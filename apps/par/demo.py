"""Demo PAR INDEX years, built by `cchc demo` through the same services people use (never in migrations).

- Đắk Lắk, Sở level: 2025 finished and published (Sở Nội vụ and Sở Xây dựng, one adjusted criterion), so the
  ranking and "compared with last year" have something to show; 2026 open — Sở Xây dựng self-assessed, submitted,
  appraised with two adjustments and one explanation, waiting for the review; Sở Nội vụ half done.
- Lai Châu, Sở level 2026 and Thành phố, xã level 2026: open, the seed agencies' self-assessments partly filled.
Each province gets a copy of the sample set of its level, named as a copy for trying out (its decision number
says "(mẫu)": it is not a province's decision). A province that already has a round of that year is left alone.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.organizations.models import Agency
from apps.scoring.choices import SetLevel
from apps.scoring.models import CriteriaSet
from apps.scoring.services import criteria_set_copy_forward, criteria_set_put_in_force
from domain.scoring.entries import Entry

from . import services
from .models import Assessment, AssessmentRound, Score

NOTE = "Hồ sơ lưu tại Văn phòng; danh mục tài liệu kiểm chứng kèm theo báo cáo tự đánh giá."


def _set_for(province: Agency, level: str, year: int) -> CriteriaSet:
    sample = CriteriaSet.objects.filter(is_sample=True, level=level).order_by("-year").first()
    if sample is None:
        raise RuntimeError("Chưa nạp bộ tiêu chí mẫu.")
    kind = "các sở, ban, ngành" if level == SetLevel.DEPARTMENT else "các xã, phường"
    copy = criteria_set_copy_forward(
        source=sample,
        year=year,
        agency=province,
        name=f"Chỉ số CCHC {kind} {province.name.removeprefix('UBND ')} năm {year} (bản mẫu để dùng thử)",
    )
    copy.decision_number = "(mẫu)"
    copy.save(update_fields=["decision_number"])
    return criteria_set_put_in_force(criteria_set=copy)


def _open(province: Agency, level: str, year: int, overseer: User, today: date) -> AssessmentRound:
    criteria_set = _set_for(province, level, year)
    return services.round_open(
        user=overseer,
        criteria_set=criteria_set,
        self_deadline=today + timedelta(days=14),
        appraisal_deadline=today + timedelta(days=24),
        explanation_deadline=today + timedelta(days=34),
        final_deadline=today + timedelta(days=44),
        today=today,
    )


def _self_score(assessment: Assessment, focal: User, share: float, today: date, seed: int) -> int:
    """Score about `share` of the criteria the way a focal point would: keep the system's figure where there is
    one, give points with a reason elsewhere (a little below the maximum, varying by criterion)."""
    scores = list(
        Score.objects.filter(assessment=assessment).select_related("criterion").order_by("criterion__order")
    )
    done = 0
    for position, score in enumerate(scores):
        criterion = score.criterion
        if criterion.method == "survey" or position >= round(len(scores) * share):
            continue
        if score.self_entry and score.computed_points is not None:
            entry = Entry.from_dict(score.self_entry)
        else:
            maximum = criterion.max_points or Decimal(0)
            lost = Decimal((position + seed) % 4) / 2  # 0, 0.5, 1 or 1.5 points short
            points = max(Decimal(0), maximum - lost)
            reason = "Thực hiện đầy đủ" if lost == 0 else "Còn một số nội dung chưa hoàn thành đúng hạn"
            if score.computed_note and score.computed_points is None:
                reason = "Hệ thống chưa có số liệu; chấm theo hồ sơ của cơ quan"
            entry = Entry(points=points, reason=reason)
        services.score_self(user=focal, score=score, entry=entry, comment=NOTE, today=today)
        done += 1
    return done


def _appraise(assessment: Assessment, appraiser: User, adjust: dict[str, tuple[Decimal, str]]) -> None:
    for score in Score.objects.filter(assessment=assessment).select_related("criterion"):
        if score.criterion.method == "survey":
            continue
        if score.criterion.code in adjust:
            points, reason = adjust[score.criterion.code]
            services.score_appraise(
                user=appraiser,
                score=score,
                verdict="adjusted",
                entry=Entry(points=points, reason=reason),
                reason=reason,
            )
        else:
            services.score_appraise(user=appraiser, score=score, verdict="accepted")
    services.assessment_appraisal_done(user=appraiser, assessment=assessment)


def _survey(round_: AssessmentRound, appraiser: User, points: dict[str, Decimal]) -> None:
    for score in Score.objects.filter(assessment__round=round_, criterion__method="survey").select_related(
        "assessment__agency"
    ):
        value = points.get(score.assessment.agency.code)
        if value is not None:
            services.survey_points_set(
                user=appraiser, score=score, entry=Entry(points=value, reason="Kết quả điều tra xã hội học")
            )


def _users() -> dict[str, User]:
    return {user.username: user for user in User.objects.filter(username__regex=r"^(noivu|daumoi)")}


def _agency(code: str) -> Agency | None:
    return Agency.objects.filter(code=code).first()


def _dak_lak_2025(users: dict[str, User]) -> str:
    province, sxd, snv = _agency("DLK"), _agency("DLK-SXD"), _agency("DLK-SNV")
    if province is None or sxd is None or snv is None:
        return ""
    day = date(2025, 12, 1)
    round_ = _open(province, SetLevel.DEPARTMENT, 2025, users["noivu"], day)
    sxd_assessment = Assessment.objects.get(round=round_, agency=sxd)
    snv_assessment = Assessment.objects.get(round=round_, agency=snv)
    # Sở Nội vụ scores itself too; its focal point is the province's CCHC office (the overseer's own agency)
    for assessment, seed in ((sxd_assessment, 1), (snv_assessment, 0)):
        _self_score(assessment, _focal(assessment, users), 1.0, day, seed)
        services.assessment_submit(user=_focal(assessment, users), assessment=assessment, today=day)
    _appraise(
        sxd_assessment,
        users["noivu"],
        {
            "3.4": (
                Decimal("8.5"),
                "Chưa công khai đầy đủ TTHC trên Cổng dịch vụ công (biên bản kiểm tra 10/2025)",
            )
        },
    )
    _appraise(snv_assessment, users["noivu"], {})
    services.assessment_explanation_submit(user=_focal(sxd_assessment, users), assessment=sxd_assessment)
    services.assessment_finalize(user=users["noivu"], assessment=sxd_assessment)
    _survey(round_, users["noivu"], {"DLK-SXD": Decimal("11.8"), "DLK-SNV": Decimal("12.9")})
    services.round_publish(user=users["noivu"], round_=round_, decision_number="(mẫu)")
    return f"Đã tạo đợt đánh giá Chỉ số CCHC năm 2025 của {province.name} (đã công bố)."


def _focal(assessment: Assessment, users: dict[str, User]) -> User:
    """The user who self-scores for the agency in the demo: its focal point, or for Sở Nội vụ its administrator
    of the province (the demo has no separate focal point account there)."""
    code = assessment.agency.code
    by_agency = {"DLK-SXD": "daumoi", "LCU-SXD": "daumoi.laichau", "TP-DAISON": "daumoi.daison"}
    if code in by_agency:
        return users[by_agency[code]]
    admin = User.objects.filter(username="quantri").first()
    if admin is None:
        raise RuntimeError("Thiếu tài khoản quản trị của bản demo.")
    return admin


def _dak_lak_2026(users: dict[str, User], today: date) -> str:
    province, sxd, snv = _agency("DLK"), _agency("DLK-SXD"), _agency("DLK-SNV")
    if province is None or sxd is None or snv is None:
        return ""
    round_ = _open(province, SetLevel.DEPARTMENT, 2026, users["noivu"], today)
    mine = Assessment.objects.get(round=round_, agency=sxd)
    _self_score(mine, users["daumoi"], 1.0, today, 2)
    services.assessment_submit(user=users["daumoi"], assessment=mine, today=today)
    _appraise(
        mine,
        users["noivu"],
        {
            "3.4": (Decimal("8"), "Chưa rà soát, đơn giản hóa TTHC theo kế hoạch năm (mới 2/5 thủ tục)"),
            "7.4": (
                Decimal("9.5"),
                "Chưa có tài liệu kiểm chứng việc kết nối, chia sẻ dữ liệu với Cổng dịch vụ công",
            ),
        },
    )
    adjusted = Score.objects.get(assessment=mine, criterion__code="7.4")
    services.score_explain(
        user=users["daumoi"],
        score=adjusted,
        response="Đã kết nối với Cổng dịch vụ công ngày 05/12; gửi kèm biên bản nghiệm thu số 412/BB-SXD.",
        today=today,
    )
    services.assessment_explanation_submit(user=users["daumoi"], assessment=mine)
    _self_score(
        Assessment.objects.get(round=round_, agency=snv),
        _focal(Assessment.objects.get(round=round_, agency=snv), users),
        0.5,
        today,
        0,
    )
    _survey(round_, users["noivu"], {"DLK-SXD": Decimal("12.2")})
    return f"Đã mở đợt đánh giá Chỉ số CCHC năm 2026 của {province.name}: Sở Xây dựng đã thẩm định, đã giải trình."


def _open_partly(
    province_code: str,
    level: str,
    overseer: str,
    agency_code: str,
    focal: str,
    users: dict[str, User],
    today: date,
) -> str:
    province, agency = _agency(province_code), _agency(agency_code)
    if province is None or agency is None or overseer not in users or focal not in users:
        return ""
    round_ = _open(province, level, 2026, users[overseer], today)
    assessment = Assessment.objects.get(round=round_, agency=agency)
    count = _self_score(assessment, users[focal], 0.6, today, 3)
    return f"Đã mở đợt đánh giá Chỉ số CCHC năm 2026 của {province.name}: {agency.name} đã tự chấm {count} tiêu chí."


@transaction.atomic
def build_par_demo() -> list[str]:
    today = timezone.localdate()
    users = _users()
    if "noivu" not in users or AssessmentRound.objects.exists():
        return []
    lines = [
        _dak_lak_2025(users),
        _dak_lak_2026(users, today),
        _open_partly("LCU", SetLevel.DEPARTMENT, "noivu.laichau", "LCU-SXD", "daumoi.laichau", users, today),
        _open_partly("TP", SetLevel.COMMUNE, "noivu.tp", "TP-DAISON", "daumoi.daison", users, today),
    ]
    return [line for line in lines if line]
