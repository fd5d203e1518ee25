"""`cchc worker`: run queued background jobs (django-tasks-db) and the schedule (daily reminders, weekly digest).

Any number of workers may run against one database: a queued job is claimed by one worker, and each schedule
slot is recorded once (unique name + slot), so neither a second worker nor a restart runs it twice. Each round
also marks failed the jobs and imports whose process died (their lease expired, see `apps.jobs.leases`).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.management.commands.db_worker import Worker

from apps.jobs.leases import leases_sweep
from apps.jobs.services import schedule_tick

logger = logging.getLogger("apps.jobs")


class Command(BaseCommand):
    help = (
        "Chạy công việc nền trong hàng đợi và lịch tự động: nhắc việc hằng ngày sau giờ CCHC_REMINDER_HOUR "
        "(mặc định 7 giờ), tổng hợp tuần vào thứ Hai."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=5.0, help="Số giây chờ khi hàng đợi trống (mặc định 5)."
        )
        parser.add_argument(
            "--schedule-interval",
            type=float,
            default=60.0,
            help="Số giây giữa hai lần xem lịch tự động (mặc định 60).",
        )
        parser.add_argument("--queue-name", default=DEFAULT_TASK_QUEUE_NAME, help="Hàng đợi cần xử lý.")
        parser.add_argument("--no-schedule", action="store_true", help="Chỉ chạy hàng đợi, không chạy lịch.")
        parser.add_argument(
            "--once",
            action="store_true",
            help="Xem lịch một lần, chạy hết việc đang chờ rồi thoát (dùng với cron).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        worker = Worker(
            queue_names=options["queue_name"].split(","),
            interval=0,
            batch=True,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        use_schedule = not options["no_schedule"]
        if options["once"]:
            self._sweep()
            self._tick(use_schedule)
            worker.run()
            return
        worker.configure_signals()
        self.stdout.write("Đang chạy công việc nền (Ctrl+C để dừng)…")
        last_tick = 0.0
        while worker.running:
            if time.monotonic() - last_tick >= options["schedule_interval"]:
                self._sweep()
                self._tick(use_schedule)
                last_tick = time.monotonic()
            worker.run()  # batch mode: runs every ready job, then returns
            if worker.running:
                close_old_connections()
                time.sleep(options["interval"])

    def _sweep(self) -> None:
        try:
            if marked := leases_sweep():
                self.stdout.write(f"Đã đánh dấu {marked} việc bị gián đoạn (tiến trình xử lý đã dừng).")
        except Exception:  # like a broken tick, retried next round
            logger.exception("Lease sweep failed")

    def _tick(self, use_schedule: bool) -> None:
        if not use_schedule:
            return
        try:
            for run in schedule_tick():
                self.stdout.write(f"Đã xếp lịch: {run.name} · {run.slot}")
        except Exception:  # a broken tick must not stop the queue; it is retried next time
            logger.exception("Schedule tick failed")
