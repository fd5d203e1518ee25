from django.urls import path

from . import document_views, views

app_name = "par"

urlpatterns = [
    path("", views.home, name="home"),
    path("cong-khai/<int:pk>/", views.public_round, name="public_round"),
    path("cong-khai/co-quan/<str:code>/", views.public_agency, name="public_agency"),
    path("mo-dot/", views.round_open, name="round_open"),
    path("dot/<int:pk>/", views.round_detail, name="round"),
    path("dot/<int:pk>/xep-hang/", views.ranking, name="ranking"),
    path("dot/<int:pk>/xep-hang.xlsx", views.ranking_export, name="ranking_export"),
    path("dot/<int:pk>/tong-hop.xlsx", views.round_export, name="round_export"),
    path("dot/<int:pk>/dieu-tra-xa-hoi-hoc/", views.survey_import, name="survey_import"),
    path("dot/<int:pk>/cong-bo/", views.publish, name="publish"),
    path("dot/<int:pk>/quyet-dinh-cong-bo.docx", document_views.decision_docx, name="decision_docx"),
    path("<int:pk>/", views.assessment_detail, name="assessment"),
    path("<int:pk>/bang-diem.xlsx", views.assessment_export, name="assessment_export"),
    path("<int:pk>/bao-cao-tu-danh-gia.docx", document_views.assessment_docx, name="assessment_docx"),
    path("<int:pk>/cap-nhat-so-lieu/", views.prefill, name="prefill"),
    path("<int:pk>/nop/", views.submit, name="submit"),
    path("<int:pk>/xong-tham-dinh/", views.appraisal_done, name="appraisal_done"),
    path("<int:pk>/gui-giai-trinh/", views.explanation_submit, name="explanation_submit"),
    path("<int:pk>/chot/", views.finalize, name="finalize"),
    path("tieu-chi/<int:pk>/", views.score_edit, name="score"),
    path("tai-lieu/<int:pk>/", views.evidence_download, name="evidence"),
    path("tai-lieu/<int:pk>/go/", views.evidence_remove, name="evidence_remove"),
]
