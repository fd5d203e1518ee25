"""A stored plan exported back to Word in the Nghị định 30 layout, with its appendix."""

from __future__ import annotations

from io import BytesIO

from django.urls import reverse
from docx import Document

from apps.accounts.models import User


def test_plan_exports_to_docx_with_its_appendix(client, import_seed):
    plan = import_seed("001")
    client.force_login(User.objects.get(username="daumoi"))
    response = client.get(reverse("plans:plan_export_docx", args=[plan.pk]))
    assert response.status_code == 200
    document = Document(BytesIO(response.content))
    header = document.tables[0]
    left = header.cell(0, 0).text
    assert "UBND TỈNH ĐẮK LẮK" in left and "SỞ XÂY DỰNG" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text
    text = "\n".join(p.text for p in document.paragraphs)
    assert "KẾ HOẠCH" in text
    appendix = document.tables[-1]
    # Area rows carry a roman numeral in the STT column; task rows an arabic number.
    task_rows = [row for row in appendix.rows[1:] if row.cells[0].text.strip().isdigit()]
    assert len(task_rows) == plan.tasks.count() == 35
    assert any("Triển khai xây dựng, cập nhật CSDL ngành Xây dựng" in row.cells[1].text for row in task_rows)


def test_tree_plan_exports_areas_and_activities(client, import_seed):
    plan = import_seed("003")
    client.force_login(User.objects.get(username="daumoi.laichau"))
    response = client.get(reverse("plans:plan_export_docx", args=[plan.pk]))
    document = Document(BytesIO(response.content))
    appendix_text = "\n".join(cell.text for row in document.tables[-1].rows for cell in row.cells)
    assert "Cải cách thể chế" in appendix_text
