from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("nhap/", views.plan_upload, name="plan_upload"),
    path("nhap/<int:pk>/", views.import_preview, name="import_preview"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/sua/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/bao-phu/", views.plan_coverage, name="plan_coverage"),
    path("<int:pk>/tai-docx/", views.plan_export_docx, name="plan_export_docx"),
]
