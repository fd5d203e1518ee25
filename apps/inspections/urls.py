from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.home, name="home"),
    path("lap-ke-hoach/", views.plan_create, name="plan_create"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan"),
    path("ke-hoach/<int:pk>/them-cuoc-kiem-tra/", views.inspection_create, name="inspection_create"),
    path("<int:pk>/", views.inspection_detail, name="inspection"),
    path("<int:pk>/ket-qua/", views.inspection_record, name="inspection_record"),
    path("<int:pk>/ton-tai/", views.finding_add, name="finding_add"),
    path("ton-tai/<int:pk>/khac-phuc/", views.remediation_add, name="remediation_add"),
    path("<int:pk>/bien-ban.docx", views.record_docx, name="record_docx"),
    path("<int:pk>/thong-bao-ket-luan.docx", views.notice_docx, name="notice_docx"),
]
