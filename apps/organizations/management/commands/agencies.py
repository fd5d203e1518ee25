"""List every agency with its code, name, level and parent code."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from apps.organizations.models import Agency


class Command(BaseCommand):
    help = "Liệt kê mọi cơ quan: mã, tên, cấp, mã cơ quan cấp trên."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        # The command line is the operator's tool: it reads the whole tree, like the admin site.
        rows = [
            {
                "code": a.code,
                "name": a.name,
                "level": a.level,
                "parent_code": a.parent.code if a.parent else None,
            }
            for a in Agency.objects.select_related("parent").order_by("code")
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(
                f"{row['code']:<14} {row['level']:<11} {row['parent_code'] or '—':<14} {row['name']}"
            )
