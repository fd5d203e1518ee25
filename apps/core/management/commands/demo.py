"""Build the demo database from the seed documents' agencies, and print the demo accounts."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from apps.accounts.choices import Role
from apps.core.demo import AGENCIES, DEMO_PASSWORD, build_demo, demo_progress, import_demo_plans


class Command(BaseCommand):
    help = "Tạo cơ sở dữ liệu mẫu (cơ quan, đơn vị, cán bộ, tài khoản thử); chạy lại an toàn."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        accounts = build_demo()
        names = {spec.code: spec.name for spec in AGENCIES}
        lines = import_demo_plans(settings.CCHC_SEEDS_DIR)
        for line in lines:
            self.stdout.write(line)
        if any(line.startswith("Đã nhập") for line in lines):
            self.stdout.write(f"Đã tạo lịch sử tiến độ mẫu cho {demo_progress()} kỳ nhiệm vụ.")
        from apps.surveys.demo import build_survey_demo

        for line in build_survey_demo():
            self.stdout.write(line)
        from apps.indicators.demo import build_indicator_demo

        for line in build_indicator_demo():
            self.stdout.write(line)
        from apps.reports.demo import build_report_demo

        for line in build_report_demo():
            self.stdout.write(line)
        from apps.scoring.demo import build_scoring_demo

        for line in build_scoring_demo():
            self.stdout.write(line)
        from apps.par.demo import build_par_demo

        for line in build_par_demo():
            self.stdout.write(line)
        from apps.ratings.demo import build_ratings_demo

        for line in build_ratings_demo():
            self.stdout.write(line)
        from apps.rewards.demo import build_rewards_demo

        for line in build_rewards_demo():
            self.stdout.write(line)
        from apps.communications.demo import build_communication_demo

        for line in build_communication_demo():
            self.stdout.write(line)
        from apps.inspections.demo import build_inspection_demo

        for line in build_inspection_demo():
            self.stdout.write(line)
        from apps.transparency.demo import build_transparency_demo

        for line in build_transparency_demo():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Đã tạo dữ liệu mẫu."))
        self.stdout.write(f"Tài khoản thử (mật khẩu chung: {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(
                f"  {account.username:<16} {Role(account.role).label} — {names[account.agency]}"
            )
