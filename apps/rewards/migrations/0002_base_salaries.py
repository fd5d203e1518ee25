"""Reference data: the base salary (lương cơ sở) from its dates, so prizes can be computed on any decision's date.
2.530.000 đ from 01/7/2026 is reported by secondary sources only: kept unverified until checked."""

from datetime import date
from decimal import Decimal

from django.db import migrations

BASE_SALARIES = (
    (date(2023, 7, 1), Decimal(1800000), "Nghị định 24/2023/NĐ-CP, Điều 3 khoản 2 (chưa đối chiếu văn bản gốc)", False),
    (date(2024, 7, 1), Decimal(2340000), "Nghị định 73/2024/NĐ-CP, Điều 3 khoản 2", True),
    (
        date(2026, 7, 1),
        Decimal(2530000),
        "Nghị định 161/2026/NĐ-CP (theo nguồn thứ cấp, chưa đối chiếu văn bản gốc)",
        False,
    ),
)


def load(apps, schema_editor):
    BaseSalary = apps.get_model("rewards", "BaseSalary")
    for effective_from, amount, source, verified in BASE_SALARIES:
        BaseSalary.objects.update_or_create(
            effective_from=effective_from, defaults={"amount": amount, "source": source, "verified": verified}
        )


def unload(apps, schema_editor):
    BaseSalary = apps.get_model("rewards", "BaseSalary")
    BaseSalary.objects.filter(effective_from__in=[row[0] for row in BASE_SALARIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("rewards", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
