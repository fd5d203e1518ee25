"""Serve the application with gunicorn, a production-grade WSGI server."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


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

            def load(self) -> Any:
                return application

        shown_host = "127.0.0.1" if host in {"0.0.0.0", ""} else host
        self.stdout.write(f"CCHC đang chạy tại http://{shown_host}:{port}/  (Ctrl+C để dừng)")
        Server().run()

    def _start_worker(self) -> None:
        """The background worker beside the web server, stopped with it (for a single-machine install)."""
        import atexit
        import subprocess
        import sys

        process = subprocess.Popen([sys.executable, "-m", "cchc", "worker"])
        atexit.register(process.terminate)
        self.stdout.write(f"Tiến trình công việc nền đang chạy (pid {process.pid}).")
