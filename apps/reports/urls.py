from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("lap/", views.report_create, name="report_create"),
    path("toan-tinh/", views.overview, name="overview"),
    path("lich/", views.schedule, name="schedule"),
    path("mau/", views.templates, name="templates"),
    path("mau/mac-dinh.docx", views.template_default, name="template_default"),
    path("mau/<int:pk>/tai/", views.template_download, name="template_download"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/sua/", views.report_edit, name="report_edit"),
    path("<int:pk>/thao-tac/", views.report_action, name="report_action"),
    path("<int:pk>/xem-truoc/", views.report_preview, name="report_preview"),
    path("<int:pk>/tai/<str:fmt>/", views.report_download, name="report_download"),
    path("<int:pk>/pdf/", views.report_pdf_start, name="report_pdf"),
    path("tep/<int:pk>/", views.file_download, name="file_download"),
    path("dong-gop/<int:pk>/", views.contribution_edit, name="contribution_edit"),
]
