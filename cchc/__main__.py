"""`cchc`: the command line of the CCHC system, a friendly front over Django's management commands.

Every command honours DATABASE_URL like the application does.
"""

from __future__ import annotations

import os
import sys

# name -> (management command, Vietnamese help)
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": (
        "demo",
        "Tạo cơ sở dữ liệu mẫu: cơ quan, đơn vị, cán bộ và tài khoản thử theo năm kế hoạch mẫu.",
    ),
    "serve": ("serve", "Chạy ứng dụng bằng máy chủ gunicorn (mặc định http://127.0.0.1:8000)."),
    "agencies": ("agencies", "Liệt kê cơ quan (mã, tên, cấp, mã cơ quan cấp trên); --json để in JSON."),
    "import-plan": (
        "import-plan",
        "Nhập kế hoạch từ tệp: cchc import-plan TỆP --agency MÃ [--dry-run --json].",
    ),
    "dossiers": (
        "dossiers",
        "Nhập dữ liệu hồ sơ TTHC: cchc dossiers import TỆP [--source TÊN] [--user TÊN_ĐĂNG_NHẬP] [--load-good-rows]; "
        "cchc dossiers rollup tính lại số liệu tổng hợp.",
    ),
    "indicators": (
        "indicators",
        "Giá trị chỉ số: cchc indicators show --agency MÃ --period 2026-Q1 [--json].",
    ),
    "worker": (
        "worker",
        "Chạy công việc nền và lịch tự động: nhắc việc hằng ngày, cảnh báo quá hạn, tổng hợp tuần (--once: một lượt).",
    ),
    "survey-link": (
        "survey-link",
        "In đường dẫn khảo sát SIPAS có chữ ký: cchc survey-link --campaign ID [--dossier MÃ …] [--json].",
    ),
    "report": (
        "report",
        "Lập báo cáo CCHC: cchc report --agency MÃ --kind monthly|quarterly|6-month|annual --period P "
        "--out TỆP.docx [--xlsx TỆP.xlsx].",
    ),
    "par": (
        "par",
        "Chỉ số CCHC (PAR INDEX): cchc par import-criteria TỆP --level so|xa --year NĂM [--province MÃ] "
        "[--dry-run --json] nhập bảng tiêu chí của tỉnh thành bộ tiêu chí dự thảo; "
        "cchc par score --agency MÃ --year NĂM [--json] điểm các tiêu chí tính từ dữ liệu.",
    ),
    "communications": (
        "communications",
        "Tuyên truyền CCHC: cchc communications check --agency MÃ --year NĂM [--json] in số tin, bài từng tháng, "
        "từng kênh với chỉ tiêu và trạng thái.",
    ),
    "ratings": (
        "ratings",
        "Đánh giá, xếp loại công chức (Nghị định 335/2025): cchc ratings compute --agency MÃ --period 2026-03 "
        "[--json] điểm và xếp loại từng người của cơ quan trong kỳ (tháng, quý 2026-Q1, năm 2026).",
    ),
    "rewards": (
        "rewards",
        "Thi đua, khen thưởng: cchc rewards check --agency MÃ --year NĂM [--json] in từng đề nghị khen thưởng với "
        "kết quả kiểm tra điều kiện (từng điều kiện đạt hay chưa và căn cứ).",
    ),
    "backup": (
        "backup",
        "Sao lưu CSDL và tệp tải lên vào một tệp: cchc backup [--output TỆP] (mặc định var/backups/).",
    ),
    "restore": (
        "restore",
        "Khôi phục từ tệp sao lưu vào CSDL trống: cchc restore TỆP [--yes để ghi đè CSDL đang có dữ liệu].",
    ),
    "migrate": ("migrate", "Cập nhật cấu trúc cơ sở dữ liệu."),
    "createsuperuser": ("createsuperuser", "Tạo tài khoản quản trị cao nhất."),
    "check": ("check", "Kiểm tra cấu hình hệ thống."),
    "shell": ("shell", "Mở Python shell với cấu hình của ứng dụng."),
}


def print_help() -> None:
    print("cchc — hệ thống quản lý cải cách hành chính\n")
    print("Cách dùng: cchc LỆNH [tùy chọn]   (cchc LỆNH --help để xem tùy chọn của lệnh)\n")
    print("Các lệnh:")
    width = max(len(name) for name in COMMANDS)
    for name, (_, help_text) in COMMANDS.items():
        print(f"  {name.ljust(width)}  {help_text}")
    print(
        "\nBiến môi trường: DATABASE_URL (mặc định SQLite trong var/), SECRET_KEY, ALLOWED_HOSTS, EMAIL_URL."
    )


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print_help()
        return 0
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"Lệnh không tồn tại: {name}\n", file=sys.stderr)
        print_help()
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cchc", COMMANDS[name][0], *rest])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
