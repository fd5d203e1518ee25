"""Reference data: the Bộ Nội vụ model SIPAS questionnaire, published, as the template every agency may copy.

The administrative-service aspect and its five factors follow Quyết định 2640/QĐ-BNV (2017) and Quyết định
1001/QĐ-BNV (2023); the items are the ones those methods use for the one-stop desk. The questionnaire is frozen
(published); an agency copies it to adapt it.
"""

from django.db import migrations
from django.utils import timezone

CODE = "BNV-SIPAS-2026"

FACTORS = (
    (
        "TCDV",
        "Tiếp cận dịch vụ",
        (
            "Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi.",
            "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận Một cửa đầy đủ.",
            "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận Một cửa hiện đại.",
            "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận Một cửa dễ sử dụng.",
            "Dịch vụ công trực tuyến của cơ quan dễ truy cập, dễ sử dụng.",
        ),
    ),
    (
        "TTHC",
        "Thủ tục hành chính",
        (
            "Thủ tục hành chính được niêm yết công khai đầy đủ.",
            "Thủ tục hành chính được niêm yết công khai chính xác.",
            "Thành phần hồ sơ mà người dân, tổ chức phải nộp là đúng quy định.",
            "Phí, lệ phí mà người dân, tổ chức phải nộp là đúng quy định.",
            "Thời hạn giải quyết (từ ngày hồ sơ được tiếp nhận đến ngày trả kết quả) là đúng quy định.",
        ),
    ),
    (
        "CC",
        "Công chức trực tiếp giải quyết công việc",
        (
            "Công chức có thái độ giao tiếp lịch sự.",
            "Công chức chú ý lắng nghe ý kiến của người dân, đại diện tổ chức.",
            "Công chức trả lời, giải thích đầy đủ các ý kiến của người dân, đại diện tổ chức.",
            "Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo.",
            "Công chức hướng dẫn kê khai hồ sơ dễ hiểu.",
            "Công chức tuân thủ đúng quy định trong giải quyết công việc, không gây phiền hà, nhũng nhiễu.",
        ),
    ),
    (
        "KQ",
        "Kết quả cung ứng dịch vụ",
        (
            "Kết quả mà người dân, tổ chức nhận được là đúng quy định.",
            "Kết quả mà người dân, tổ chức nhận được có thông tin đầy đủ.",
            "Kết quả mà người dân, tổ chức nhận được có thông tin chính xác.",
            "Kết quả được trả đúng hẹn hoặc sớm hơn hẹn.",
        ),
    ),
    (
        "GYPA",
        "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị",
        (
            "Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị.",
            "Người dân, tổ chức dễ dàng thực hiện góp ý, phản ánh, kiến nghị.",
            "Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị.",
            "Cơ quan thông báo kết quả xử lý góp ý, phản ánh, kiến nghị kịp thời.",
        ),
    ),
)

RESPONDENT = (
    (
        "TT1",
        "age_group",
        "Ông/Bà thuộc nhóm tuổi nào?",
        (
            ("u25", "Dưới 25 tuổi"),
            ("25-39", "Từ 25 đến 39 tuổi"),
            ("40-59", "Từ 40 đến 59 tuổi"),
            ("60+", "Từ 60 tuổi trở lên"),
        ),
    ),
    ("TT2", "sex", "Giới tính của Ông/Bà?", (("nam", "Nam"), ("nu", "Nữ"), ("khac", "Khác"))),
    (
        "TT3",
        "occupation",
        "Nghề nghiệp của Ông/Bà?",
        (
            ("ccvc", "Cán bộ, công chức, viên chức"),
            ("doanh-nghiep", "Doanh nghiệp, kinh doanh, buôn bán"),
            ("cong-nhan", "Công nhân, người lao động"),
            ("nong-dan", "Nông dân"),
            ("hoc-sinh", "Học sinh, sinh viên"),
            ("huu-tri", "Hưu trí"),
            ("khac", "Nghề khác"),
        ),
    ),
    ("TT4", "procedure", "Ông/Bà vừa thực hiện thủ tục hành chính nào?", ()),
)


def create(apps, schema_editor):
    Questionnaire = apps.get_model("surveys", "Questionnaire")
    Aspect = apps.get_model("surveys", "Aspect")
    Factor = apps.get_model("surveys", "Factor")
    Question = apps.get_model("surveys", "Question")
    if Questionnaire.objects.filter(code=CODE).exists():
        return
    questionnaire = Questionnaire.objects.create(
        code=CODE,
        year=2026,
        title="Phiếu khảo sát mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
        intro=(
            "Xin Ông/Bà dành khoảng hai phút cho biết ý kiến về lần giải quyết thủ tục hành chính vừa qua. "
            "Phiếu không ghi tên; câu trả lời chỉ dùng để cải thiện chất lượng phục vụ."
        ),
        source="Mẫu của Bộ Nội vụ (Quyết định 2640/QĐ-BNV, Quyết định 1001/QĐ-BNV)",
        status="published",
        published_at=timezone.now(),
        aggregation="mean",
    )
    aspect = Aspect.objects.create(
        questionnaire=questionnaire, code="DVHC", title="Cung ứng dịch vụ hành chính công", order=1
    )
    order = 0
    for factor_order, (code, title, items) in enumerate(FACTORS, start=1):
        factor = Factor.objects.create(aspect=aspect, code=code, title=title, order=factor_order)
        for number, text in enumerate(items, start=1):
            order += 1
            Question.objects.create(
                questionnaire=questionnaire,
                factor=factor,
                code=f"{code}{number}",
                text=text,
                kind="scale5",
                role="satisfaction",
                counts_toward_index=True,
                required=True,
                allow_no_opinion=True,
                order=order,
            )
    order += 1
    Question.objects.create(
        questionnaire=questionnaire,
        code="HLC",
        text="Nhìn chung, Ông/Bà hài lòng ở mức nào với sự phục vụ của cơ quan?",
        kind="scale5",
        role="other",
        counts_toward_index=False,
        required=False,
        allow_no_opinion=True,
        order=order,
    )
    order += 1
    Question.objects.create(
        questionnaire=questionnaire,
        code="GY",
        text="Ông/Bà có góp ý gì để cơ quan phục vụ tốt hơn?",
        help_text="Không bắt buộc. Xin đừng ghi họ tên, số điện thoại hay số giấy tờ tùy thân.",
        kind="text",
        role="suggestion",
        required=False,
        allow_no_opinion=False,
        max_length=2000,
        order=order,
    )
    for code, field, text, options in RESPONDENT:
        order += 1
        Question.objects.create(
            questionnaire=questionnaire,
            code=code,
            text=text,
            help_text="Không bắt buộc.",
            kind="choice" if options else "text",
            role="respondent",
            respondent_field=field,
            choices=[{"value": value, "label": label, "satisfied": False} for value, label in options],
            required=False,
            allow_no_opinion=False,
            max_length=255,
            order=order,
        )


def remove(apps, schema_editor):
    Questionnaire = apps.get_model("surveys", "Questionnaire")
    questionnaire = Questionnaire.objects.filter(code=CODE).first()
    if questionnaire is not None and not questionnaire.campaigns.exists():
        questionnaire.questions.all().delete()
        questionnaire.aspects.all().delete()
        questionnaire.delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_sipas_surveys")]

    operations = [migrations.RunPython(create, remove)]
