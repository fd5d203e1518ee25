"""Word to PDF through LibreOffice headless, where it is installed (``apt-get install libreoffice-writer-nogui``).

Each conversion runs in its own temporary directory with its own LibreOffice profile
(``-env:UserInstallation=file:///tmp/…``): two conversions at once — two workers, two requests — would otherwise
fight over one profile's lock and one of them would fail or hang.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["PdfUnavailable", "docx_to_pdf", "soffice_path"]

_NAMES = ("soffice", "libreoffice")
INSTALL_HINT = "Cài LibreOffice để xuất PDF: apt-get install libreoffice-writer-nogui"


class PdfUnavailable(RuntimeError):
    """PDF cannot be made here (LibreOffice missing, or the conversion failed); the message is for the user."""


def soffice_path() -> str | None:
    """The LibreOffice program, or None when it is not installed (``CCHC_SOFFICE`` may name it)."""
    configured = os.environ.get("CCHC_SOFFICE", "")
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    return next((found for name in _NAMES if (found := shutil.which(name))), None)


def docx_to_pdf(data: bytes, *, timeout: int = 180) -> bytes:
    """The PDF of a .docx file; raises ``PdfUnavailable`` with a Vietnamese message when it cannot."""
    program = soffice_path()
    if program is None:
        raise PdfUnavailable(f"Máy chủ chưa cài LibreOffice nên chưa xuất được PDF. {INSTALL_HINT}.")
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-") as folder:
        work = Path(folder)
        source = work / "bao-cao.docx"
        source.write_bytes(data)
        profile = (work / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False, cwd=work)
        except subprocess.TimeoutExpired as error:
            raise PdfUnavailable(
                f"LibreOffice không chuyển xong tệp sang PDF trong {timeout} giây."
            ) from error
        except OSError as error:
            raise PdfUnavailable(f"Không chạy được LibreOffice ({program}).") from error
        result = work / "bao-cao.pdf"
        if not result.is_file() or result.stat().st_size == 0:
            raise PdfUnavailable("LibreOffice không tạo được tệp PDF từ báo cáo.")
        return result.read_bytes()
