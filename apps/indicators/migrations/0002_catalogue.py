"""Reference data: the five groups of Quyết định 766/QĐ-TTg (23/06/2022) and the indicator catalogue.

Groups and points: công khai, minh bạch 18; tiến độ, kết quả giải quyết 20; cung cấp dịch vụ trực tuyến 22;
số hóa hồ sơ 22; mức độ hài lòng 18. Indicators: the service indicators computed from dossiers and feedback
(their formulas live in domain.indicators), the satisfaction rate, the 766 items the system cannot compute
(entered with evidence), and what the seed plans set targets on (tasks, communication, inspection, PAR INDEX).
A later decision adds rows with a later valid_from instead of editing these.
"""

from datetime import date

from django.db import migrations

QD_766 = date(2022, 6, 23)
GROUPS = [
    ("public", "Công khai, minh bạch", 18, 1),
    ("progress", "Tiến độ, kết quả giải quyết", 20, 2),
    ("online", "Cung cấp dịch vụ trực tuyến", 22, 3),
    ("digitised", "Số hóa hồ sơ", 22, 4),
    ("satisfaction", "Mức độ hài lòng", 18, 5),
]

# code, name, unit, direction, method, source, source note, group, definition
CATALOGUE = [
    (
        "dossier_on_time_rate",
        "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn",
        "%",
        "higher",
        "dossiers",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Tiến độ, kết quả giải quyết; chỉ tiêu “đạt từ 98% trở lên” của kế hoạch CCHC",
        "progress",
        "Hồ sơ có ngày có kết quả trong kỳ và ngày có kết quả ≤ ngày hẹn trả (so theo ngày) ÷ hồ sơ có ngày có kết quả trong kỳ × 100.",
    ),
    (
        "dossier_early_rate",
        "Tỷ lệ hồ sơ giải quyết trước hạn",
        "%",
        "higher",
        "dossiers",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Tiến độ, kết quả giải quyết",
        "progress",
        "Hồ sơ có kết quả trong kỳ với ngày có kết quả < ngày hẹn trả ÷ hồ sơ có kết quả trong kỳ × 100.",
    ),
    (
        "dossier_overdue_count",
        "Số hồ sơ quá hạn chưa có kết quả (cuối kỳ)",
        "hồ sơ",
        "lower",
        "dossiers",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Tiến độ, kết quả giải quyết",
        "progress",
        "Hồ sơ chưa có kết quả vào cuối ngày cuối kỳ mà ngày hẹn trả không sau ngày cuối kỳ.",
    ),
    (
        "dossier_apology_rate",
        "Tỷ lệ hồ sơ trễ hạn được xin lỗi đúng quy định",
        "%",
        "higher",
        "dossiers",
        "one_stop",
        "Nghị định 61/2018/NĐ-CP, Nghị định 118/2025/NĐ-CP; chỉ tiêu “100% hồ sơ quá hạn thực hiện xin lỗi”",
        "progress",
        "Trong các hồ sơ có kết quả trễ hạn trong kỳ và hồ sơ quá hạn cuối kỳ: tỷ lệ có phiếu xin lỗi chậm nhất 01 ngày trước ngày hẹn trả và hẹn lại không quá 01 lần.",
    ),
    (
        "dossier_average_resolution_days",
        "Thời gian giải quyết trung bình",
        "ngày làm việc",
        "lower",
        "dossiers",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Tiến độ, kết quả giải quyết",
        "progress",
        "Số ngày làm việc từ ngày tiếp nhận đến ngày có kết quả, bình quân các hồ sơ có kết quả trong kỳ.",
    ),
    (
        "dossier_online_rate",
        "Tỷ lệ hồ sơ nộp trực tuyến",
        "%",
        "higher",
        "dossiers",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Cung cấp dịch vụ trực tuyến",
        "online",
        "Hồ sơ tiếp nhận trong kỳ qua kênh trực tuyến ÷ hồ sơ tiếp nhận trong kỳ × 100.",
    ),
    (
        "dossier_online_payment_rate",
        "Tỷ lệ hồ sơ có phí, lệ phí được thanh toán trực tuyến",
        "%",
        "higher",
        "dossiers",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Cung cấp dịch vụ trực tuyến",
        "online",
        "Hồ sơ tiếp nhận trong kỳ có phí, lệ phí và thanh toán trực tuyến ÷ hồ sơ tiếp nhận trong kỳ có phí, lệ phí × 100.",
    ),
    (
        "online_procedure_rate",
        "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình",
        "%",
        "higher",
        "entered",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Cung cấp dịch vụ trực tuyến",
        "online",
        "Nhập theo số liệu Cổng Dịch vụ công, kèm minh chứng.",
    ),
    (
        "dossier_digitised_rate",
        "Tỷ lệ hồ sơ được số hóa",
        "%",
        "higher",
        "dossiers",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Số hóa hồ sơ",
        "digitised",
        "Hồ sơ tiếp nhận trong kỳ được số hóa ÷ hồ sơ tiếp nhận trong kỳ × 100.",
    ),
    (
        "dossier_e_result_rate",
        "Tỷ lệ hồ sơ có kết quả giải quyết điện tử",
        "%",
        "higher",
        "dossiers",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Số hóa hồ sơ",
        "digitised",
        "Hồ sơ có kết quả trong kỳ có kết quả điện tử ÷ hồ sơ có kết quả trong kỳ × 100.",
    ),
    (
        "procedure_publication_rate",
        "Tỷ lệ TTHC được công khai đầy đủ, đúng hạn",
        "%",
        "higher",
        "entered",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Công khai, minh bạch",
        "public",
        "Nhập theo số liệu Cổng Dịch vụ công, kèm minh chứng.",
    ),
    (
        "dossier_sync_rate",
        "Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia",
        "%",
        "higher",
        "entered",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Công khai, minh bạch",
        "public",
        "Nhập theo số liệu Cổng Dịch vụ công, kèm minh chứng.",
    ),
    (
        "dossier_status_update_rate",
        "Tỷ lệ hồ sơ được cập nhật trạng thái trên Hệ thống thông tin giải quyết TTHC",
        "%",
        "higher",
        "entered",
        "plan_target",
        "Chỉ tiêu “100% hồ sơ TTHC được cập nhật đầy đủ trên Hệ thống thông tin giải quyết TTHC”",
        "public",
        "Nhập theo báo cáo của Hệ thống thông tin giải quyết TTHC, kèm minh chứng.",
    ),
    (
        "feedback_on_time_rate",
        "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
        "%",
        "higher",
        "feedback",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Mức độ hài lòng",
        "satisfaction",
        "Phản ánh, kiến nghị thuộc thẩm quyền có hạn xử lý trong kỳ được trả lời đúng hạn ÷ phản ánh, kiến nghị thuộc thẩm quyền có hạn xử lý trong kỳ × 100.",
    ),
    (
        "feedback_satisfaction_rate",
        "Tỷ lệ hài lòng về việc xử lý phản ánh, kiến nghị",
        "%",
        "higher",
        "feedback",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Mức độ hài lòng",
        "satisfaction",
        "(Tổng phản ánh, kiến nghị đã trả lời trong kỳ − số không hài lòng − số phàn nàn chậm xử lý) ÷ tổng × 100.",
    ),
    (
        "feedback_forward_on_time_rate",
        "Tỷ lệ phản ánh, kiến nghị ngoài thẩm quyền được chuyển đúng hạn",
        "%",
        "higher",
        "feedback",
        "one_stop",
        "Nghị định 20/2008/NĐ-CP: chuyển cơ quan có thẩm quyền trong 05 ngày làm việc",
        None,
        "Phản ánh, kiến nghị ngoài thẩm quyền tiếp nhận trong kỳ được chuyển trong 05 ngày làm việc ÷ tổng số × 100.",
    ),
    (
        "satisfaction_rate",
        "Mức độ hài lòng của người dân, tổ chức",
        "%",
        "higher",
        "surveys",
        "qd766",
        "QĐ 766/QĐ-TTg, nhóm Mức độ hài lòng; khảo sát SIPAS",
        "satisfaction",
        "Tính từ khảo sát mức độ hài lòng khi có; nếu chưa có thì nhập kèm minh chứng.",
    ),
    (
        "task_completion_rate",
        "Tỷ lệ nhiệm vụ của kế hoạch hoàn thành đúng hạn",
        "%",
        "higher",
        "tasks",
        "plan_tasks",
        "Kế hoạch CCHC năm: nhiệm vụ theo nguyên tắc “06 rõ”",
        None,
        "Kỳ thực hiện nhiệm vụ có hạn trong kỳ được nghiệm thu đúng hạn ÷ kỳ thực hiện có hạn trong kỳ × 100.",
    ),
    (
        "article_count",
        "Số tin, bài tuyên truyền CCHC",
        "tin, bài",
        "higher",
        "entered",
        "communication",
        "Kế hoạch tuyên truyền CCHC (ví dụ: ít nhất 01 tin, bài mỗi tháng)",
        None,
        "Nhập kèm đường dẫn hoặc bản chụp tin, bài.",
    ),
    (
        "inspection_unit_rate",
        "Tỷ lệ đơn vị được kiểm tra công tác CCHC",
        "%",
        "higher",
        "entered",
        "inspection",
        "Kế hoạch kiểm tra CCHC (ví dụ: tối thiểu 20% đơn vị)",
        None,
        "Nhập kèm kế hoạch và biên bản kiểm tra.",
    ),
    (
        "initiative_count",
        "Số sáng kiến, giải pháp CCHC",
        "sáng kiến",
        "higher",
        "entered",
        "plan_target",
        "Chỉ tiêu về sáng kiến của kế hoạch CCHC, phong trào thi đua",
        None,
        "Nhập kèm quyết định công nhận sáng kiến.",
    ),
    (
        "par_index_score",
        "Chỉ số cải cách hành chính (PAR INDEX)",
        "điểm",
        "higher",
        "entered",
        "par_index",
        "Quyết định 892/QĐ-BNV và bộ chỉ số của tỉnh",
        None,
        "Nhập điểm được công bố, kèm quyết định công bố.",
    ),
]


def load(apps, schema_editor):
    Group = apps.get_model("indicators", "ServiceIndexGroup")
    Indicator = apps.get_model("indicators", "Indicator")
    groups = {}
    for code, name, points, order in GROUPS:
        groups[code], _ = Group.objects.update_or_create(
            code=code,
            valid_from=QD_766,
            defaults={"name": name, "points": points, "order": order, "source": "Quyết định 766/QĐ-TTg ngày 23/6/2022"},
        )
    for order, (code, name, unit, direction, method, source, note, group, definition) in enumerate(CATALOGUE, 1):
        Indicator.objects.update_or_create(
            code=code,
            valid_from=QD_766,
            defaults={
                "name": name,
                "unit": unit,
                "direction": direction,
                "method": method,
                "source": source,
                "source_note": note,
                "group": groups.get(group),
                "definition": definition,
                "order": order,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("indicators", "Indicator").objects.filter(valid_from=QD_766).delete()
    apps.get_model("indicators", "ServiceIndexGroup").objects.filter(valid_from=QD_766).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_indicator_catalogue")]
    operations = [migrations.RunPython(load, unload)]
