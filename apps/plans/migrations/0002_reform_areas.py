"""Reference data: the reform areas, effective from Nghị quyết 76/NQ-CP (15/7/2021), program 2021–2030."""

from datetime import date

from django.db import migrations

AREAS = [
    ("direction", "Công tác chỉ đạo, điều hành", 1),
    ("institutions", "Cải cách thể chế", 2),
    ("procedures", "Cải cách thủ tục hành chính", 3),
    ("organization", "Cải cách tổ chức bộ máy", 4),
    ("civil_service", "Cải cách chế độ công vụ", 5),
    ("public_finance", "Cải cách tài chính công", 6),
    ("digital_government", "Xây dựng, phát triển chính quyền điện tử, chính quyền số", 7),
    ("communication", "Thông tin, tuyên truyền", 8),
    ("satisfaction", "Nâng cao sự hài lòng của người dân (SIPAS)", 9),
    ("monitoring", "Theo dõi, đánh giá", 10),
]


def load(apps, schema_editor):
    ReformArea = apps.get_model("plans", "ReformArea")
    for code, name, order in AREAS:
        ReformArea.objects.update_or_create(
            code=code, defaults={"name": name, "order": order, "valid_from": date(2021, 7, 15), "valid_to": None}
        )


def unload(apps, schema_editor):
    apps.get_model("plans", "ReformArea").objects.filter(code__in=[a[0] for a in AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_plans_registry")]
    operations = [migrations.RunPython(load, unload)]
