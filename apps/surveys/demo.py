"""Demo survey data (never in migrations): Sở Xây dựng Đắk Lắk's two counters and its SIPAS campaigns for
quý III and quý IV/2026, both published, with a few hundred synthetic responses so the dashboard means something.

Built by `cchc demo`; a campaign already there is left alone, so running it again is safe. Responses are written
in bulk (a few thousand answer rows) to keep `cchc demo` fast.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from apps.organizations.models import Agency, Unit

from .choices import CampaignStatus, Channel
from .models import Answer, Campaign, Counter, Questionnaire, SurveyResponse
from .selectors import form_spec

AGENCY = "DLK-SXD"
TEMPLATE = "BNV-SIPAS-2026"
PROCEDURES = (
    "Cấp giấy phép xây dựng",
    "Cấp chứng chỉ hành nghề hoạt động xây dựng",
    "Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở",
    "Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài",
)
COUNTERS = (("Quầy số 1 – Bộ phận Một cửa", "QLXD"), ("Quầy số 2 – Bộ phận Một cửa", "QHKT"))
# (title, start, end, closes, status, N, responses, how satisfied on average)
CAMPAIGNS = (
    (
        "Khảo sát SIPAS quý III/2026",
        date(2026, 7, 1),
        date(2026, 9, 30),
        date(2026, 10, 10),
        CampaignStatus.CLOSED,
        820,
        270,
        0.80,
    ),
    (
        "Khảo sát SIPAS quý IV/2026",
        date(2026, 10, 1),
        date(2026, 12, 31),
        date(2027, 1, 10),
        CampaignStatus.OPEN,
        760,
        190,
        0.86,
    ),
)
SUGGESTIONS = (
    "Đề nghị bố trí thêm ghế ngồi chờ vào buổi sáng.",
    "Nên niêm yết phí, lệ phí to, rõ hơn ở bảng thông tin.",
    "Cán bộ hướng dẫn nhiệt tình, cảm ơn.",
    "Trang dịch vụ công trực tuyến hay bị lỗi khi tải tệp đính kèm.",
    "Mong được nhắn tin báo khi có kết quả.",
    "Bãi giữ xe chật, khó tìm chỗ.",
    "Thời gian trả kết quả cấp phép còn chậm so với giấy hẹn.",
)


def _level(rng: random.Random, mood: float, factor_bias: float) -> str:
    """A five-level answer drawn around the respondent's mood; some "không ý kiến"."""
    roll = rng.random()
    if roll < 0.03:
        return "0"
    satisfied = mood + factor_bias
    if roll < satisfied:
        return "5" if rng.random() < 0.45 else "4"
    return rng.choice(("3", "3", "2", "1"))


@transaction.atomic
def build_survey_demo() -> list[str]:
    agency = Agency.objects.filter(code=AGENCY).first()
    template = Questionnaire.objects.filter(code=TEMPLATE).first()
    if agency is None or template is None:
        return ["Bỏ qua dữ liệu khảo sát mẫu: thiếu cơ quan hoặc phiếu mẫu."]
    counters = []
    for name, unit_code in COUNTERS:
        unit = Unit.objects.filter(agency=agency, code=unit_code).first()
        counter, _ = Counter.objects.get_or_create(agency=agency, name=name, defaults={"unit": unit})
        counters.append(counter)
    lines = []
    spec = form_spec(template)
    biases = {"TCDV": -0.06, "TTHC": 0.02, "CC": 0.08, "KQ": 0.0, "GYPA": -0.12}
    for number, (title, start, end, closes, status, population, count, mood) in enumerate(CAMPAIGNS):
        if Campaign.objects.filter(agency=agency, title=title).exists():
            lines.append(f"Đã có: {title}")
            continue
        campaign = Campaign.objects.create(
            agency=agency,
            questionnaire=template,
            title=title,
            period_start=start,
            period_end=end,
            closes_on=closes,
            status=status,
            is_published=True,
            published_at=timezone.now(),
            channels=[Channel.COUNTER_QR, Channel.RESULT_SLIP, Channel.PAPER],
            population=population,
            unit_populations={str(c.unit_id): population // 2 for c in counters if c.unit_id},
            procedures="\n".join(PROCEDURES),
        )
        rng = random.Random(2026 + number)
        today = timezone.localdate()
        last_day = min(end, today)
        days = max((last_day - start).days, 0)
        responses = []
        for _ in range(count):
            counter = rng.choice(counters)
            day = start + timedelta(days=rng.randint(0, days))
            hour = rng.randint(8, 16)
            suggestion = rng.choice(SUGGESTIONS) if rng.random() < 0.12 else ""
            responses.append(
                SurveyResponse(
                    campaign=campaign,
                    counter=counter,
                    unit_id=counter.unit_id,
                    channel=rng.choice(
                        (Channel.COUNTER_QR, Channel.COUNTER_QR, Channel.RESULT_SLIP, Channel.PAPER)
                    ),
                    procedure=rng.choice(PROCEDURES),
                    submitted_at=timezone.make_aware(datetime.combine(day, time(hour))),
                    submitted_on=day,
                    idempotency_key=uuid.uuid4().hex,
                    suggestion=suggestion,
                    suggestion_handled=bool(suggestion) and rng.random() < 0.4,
                )
            )
        SurveyResponse.objects.bulk_create(responses)
        stored = list(SurveyResponse.objects.filter(campaign=campaign).order_by("pk"))
        answers = []
        for response in stored:
            respondent_mood = min(max(rng.gauss(mood, 0.12), 0.05), 0.99)
            for question in spec.questions:
                if question.counts:
                    code = next((key for key in biases if question.code.startswith(key)), "")
                    answers.append(
                        Answer(
                            response=response,
                            question_id=question.id,
                            value=_level(rng, respondent_mood, biases.get(code, 0)),
                        )
                    )
                elif question.code == "HLC":
                    answers.append(
                        Answer(
                            response=response, question_id=question.id, value=_level(rng, respondent_mood, 0)
                        )
                    )
                elif question.code == "GY" and response.suggestion:
                    answers.append(
                        Answer(response=response, question_id=question.id, text=response.suggestion)
                    )
                elif question.code == "TT4":
                    answers.append(
                        Answer(response=response, question_id=question.id, text=response.procedure)
                    )
                elif question.options and rng.random() < 0.7:
                    answers.append(
                        Answer(
                            response=response, question_id=question.id, value=rng.choice(question.options)[0]
                        )
                    )
        Answer.objects.bulk_create(answers, batch_size=2000)
        lines.append(f"Đã tạo {len(stored)} phiếu khảo sát mẫu — {title}")
    return lines
