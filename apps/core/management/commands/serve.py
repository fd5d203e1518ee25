"""Serve the application with gunicorn, a production-grade WSGI server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse


class Command(BaseCommand):
    help = "Chạy ứng dụng bằng gunicorn (mặc định http://127.0.0.1:8000)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Địa chỉ lắng nghe (mặc định 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Cổng (mặc định 8000).")
        parser.add_argument("--workers", type=int, default=2, help="Số tiến trình xử lý (mặc định 2).")
        parser.add_argument("--threads", type=int, default=4, help="Số luồng mỗi tiến trình (mặc định 4).")
        parser.add_argument(
            "--worker",
            action="store_true",
            help="Chạy kèm tiến trình công việc nền (cchc worker): nhắc việc, công việc dài. Một máy, một lệnh.",
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Bản chạy thử: dòng cuối cùng nói tài khoản nên thử trước.",
        )

    def handle(self, *args: Any, host: str, port: int, workers: int, threads: int, **options: Any) -> None:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                "Cơ sở dữ liệu chưa được cập nhật cấu trúc: hãy chạy `cchc migrate` hoặc `cchc demo`."
            )
        call_command("collectstatic", interactive=False, verbosity=0)
        if options.get("worker"):
            self._start_worker()
        connection.close()

        from gunicorn.app.base import BaseApplication

        from config.wsgi import application

        class Server(BaseApplication):  # type: ignore[misc]
            def load_config(self) -> None:
                self.cfg.set("bind", f"{host}:{port}")
                self.cfg.set("workers", workers)
                self.cfg.set("threads", threads)
                self.cfg.set("worker_class", "gthread")
                self.cfg.set("accesslog", "-" if settings.DEBUG else None)
                self.cfg.set("timeout", 120)
                # The person who started it reads where to go next, not gunicorn's boot log.
                self.cfg.set("loglevel", "info" if settings.DEBUG else "warning")
                self.cfg.set("when_ready", lambda server: announce())

            def load(self) -> Any:
                return application

        shown_host = "127.0.0.1" if host in {"0.0.0.0", ""} else host
        login_url = f"http://{shown_host}:{port}{reverse('accounts:login')}"
        demo = bool(options.get("demo"))

        def announce() -> None:
            self.stdout.write("CCHC đã sẵn sàng (Ctrl+C để dừng).")
            if demo:
                from apps.core.demo import DEMO_PASSWORD

                self.stdout.write(
                    f"Thử trước với tài khoản daumoi (đầu mối CCHC của Sở Xây dựng), mật khẩu {DEMO_PASSWORD}."
                )
            self.stdout.write(f"Mở trang đăng nhập: {login_url}")
            self.stdout.flush()

        Server().run()

    def _start_worker(self) -> None:
        """The background worker beside the web server, stopped with it (for a single-machine install)."""
        import atexit
        import subprocess
        import sys

        # What the worker schedules is its own business: its log goes to var/worker.log, errors stay on screen.
        log_dir = Path(settings.VAR_DIR)
        log_dir.mkdir(exist_ok=True)
        log = (log_dir / "worker.log").open("a", encoding="utf-8")
        process = subprocess.Popen([sys.executable, "-m", "cchc", "worker"], stdout=log)
        atexit.register(process.terminate)
        self.stdout.write("Công việc nền (nhắc việc, xuất tệp, nhập dữ liệu) chạy kèm máy chủ.")
