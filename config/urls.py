"""URL wiring: pages per app, the API, and Django's admin for administrators only."""

from django.contrib import admin
from django.urls import include, path

from apps.accounts.policy import can_use_admin_site

from .api import api

admin.site.site_header = "Quản trị CCHC"
admin.site.site_title = "Quản trị CCHC"
admin.site.has_permission = lambda request: can_use_admin_site(request.user) and request.user.is_staff  # type: ignore[method-assign]

urlpatterns = [
    path("", include("apps.core.urls")),
    path("tai-khoan/", include("apps.accounts.urls")),
    path("co-quan/", include("apps.organizations.urls")),
    path("ke-hoach/", include("apps.plans.urls")),
    path("nhiem-vu/", include("apps.tasks.urls")),
    path("chi-so/", include("apps.indicators.urls")),
    path("ho-so/", include("apps.dossiers.urls")),
    path("phan-anh/", include("apps.feedback.urls")),
    path("bao-cao/", include("apps.reports.urls")),
    path("thong-bao/", include("apps.notifications.urls")),
    path("cong-viec-nen/", include("apps.jobs.urls")),
    path("khao-sat/", include("apps.surveys.urls")),
    path("chi-so-cchc/danh-gia/", include("apps.par.urls")),
    path("danh-gia-xep-loai/", include("apps.ratings.urls")),
    path("thi-dua-khen-thuong/", include("apps.rewards.urls")),
    path("kiem-tra/", include("apps.inspections.urls")),
    path("chi-so-cchc/", include("apps.scoring.urls")),
    path("tuyen-truyen/", include("apps.communications.urls")),
    path("cong-khai/", include("apps.transparency.urls")),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]

# Error pages in Vietnamese, in the layout (500: Django's view with the self-contained templates/500.html).
handler400 = "apps.core.errors.bad_request"
handler403 = "apps.core.errors.permission_denied"
handler404 = "apps.core.errors.page_not_found"
handler500 = "django.views.defaults.server_error"
