"""Reference data: two indicators PAR INDEX criteria read from the system's own registers.

- plan_issued_on_time: the agency's annual CCHC plan (sổ kế hoạch, type "Kế hoạch CCHC năm") against the
  province's deadline. The deadline is a province decision the sources checked leave open: "31/01" of the plan's
  year is a placeholder marked unverified (chưa đối chiếu), edited in the catalogue (admin) with the province's
  decision; a later decision adds a row with a later valid_from.
- report_on_time_rate: the periodic CCHC reports (tháng, quý, 6 tháng, năm) due in the period under the agency's
  report schedule, sent on or before their deadline.

Effective from Quyết định 892/QĐ-BNV (05/12/2024), the PAR INDEX method these criteria belong to.
"""

from datetime import date

from django.db import migrations

QD_892 = date(2024, 12, 5)
PLAN_DEADLINE_PLACEHOLDER = "31/01"

# code, name, unit, direction, method, source note, definition, parameter, parameter unverified, order
ROWS = [
    (
        "plan_issued_on_time",
        "Kế hoạch CCHC năm ban hành đúng hạn (số ngày trễ hạn)",
        "ngày trễ hạn",
        "lower",
        "plans",
        "Tiêu chí “Ban hành kế hoạch CCHC năm” của bộ chỉ số CCHC của tỉnh (ví dụ Cà Mau, QĐ 1880/QĐ-UBND năm 2013: kịp thời 1; không kịp thời 0,5; không ban hành 0)",
        "Kế hoạch loại “Kế hoạch CCHC năm” của chính cơ quan cho năm, đã ban hành, ngày ban hành sớm nhất so với hạn "
        "ban hành (tham số theo quyết định của tỉnh): không sau hạn → đúng hạn (0 ngày); sau hạn → số ngày trễ; "
        "quá hạn mà sổ kế hoạch chưa có → không ban hành. Hạn 31/01 là giá trị giữ chỗ, chưa đối chiếu.",
        PLAN_DEADLINE_PLACEHOLDER,
        True,
        23,
    ),
    (
        "report_on_time_rate",
        "Tỷ lệ báo cáo CCHC định kỳ gửi đúng hạn",
        "%",
        "higher",
        "reports",
        "Tiêu chí “Thực hiện chế độ báo cáo CCHC định kỳ” của bộ chỉ số CCHC của tỉnh (ví dụ Cà Mau, QĐ 1880/QĐ-UBND năm 2013: gửi đủ, đúng hạn mọi báo cáo 1; còn lại 0)",
        "Báo cáo CCHC tháng, quý, 6 tháng, năm theo lịch báo cáo của cơ quan có hạn gửi trong kỳ (đến hôm nay) "
        "được gửi không sau hạn ÷ số báo cáo đó × 100; báo cáo quá hạn chưa gửi tính là không đúng hạn, báo cáo "
        "chưa đến hạn chưa gửi chưa tính.",
        "",
        False,
        24,
    ),
]


def load(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    for code, name, unit, direction, method, note, definition, parameter, unverified, order in ROWS:
        Indicator.objects.update_or_create(
            code=code,
            valid_from=QD_892,
            defaults={
                "name": name,
                "unit": unit,
                "direction": direction,
                "method": method,
                "source": "par_index",
                "source_note": note,
                "definition": definition,
                "parameter": parameter,
                "parameter_unverified": unverified,
                "order": order,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("indicators", "Indicator").objects.filter(
        code__in=[row[0] for row in ROWS], valid_from=QD_892
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0005_indicator_parameter_and_duty_methods")]
    operations = [migrations.RunPython(load, unload)]
