"""The administrator's health page: what the server can do and what the administrator still has to set up.

Install commands, command-line imports and parameters not yet checked against the legal text are for the
provincial IT team, not for the people who use the product every day: their pages say only what they can do.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from apps.accounts.policy import can_use_admin_site
from domain.documents.pdf_convert import INSTALL_HINT, soffice_path
from domain.ratings.rules import ND335

DOSSIER_COMMAND = "cchc dossiers import TỆP --user TÊN_ĐĂNG_NHẬP [--source TÊN_NGUỒN]"


@login_required
def system_health(request: HttpRequest) -> HttpResponse:
    if not can_use_admin_site(request.user):
        raise PermissionDenied("Trang tình trạng hệ thống dành cho quản trị hệ thống.")
    from apps.dossiers.services import dossier_max_upload_bytes

    soffice = soffice_path()
    context = {
        "pdf_ready": soffice is not None,
        "pdf_install": INSTALL_HINT.split(": ", 1)[-1],
        "dossier_command": DOSSIER_COMMAND,
        "dossier_limit_mb": dossier_max_upload_bytes() // (1024 * 1024),
        "rating_caveats": ND335.caveats(),
        "rating_source": ND335.source,
    }
    return render(request, "core/system_health.html", context)
