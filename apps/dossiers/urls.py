from django.urls import path

from . import views

app_name = "dossiers"

urlpatterns = [
    path("", views.dossier_import, name="dossier_import"),
    path("lan-nhap/<int:pk>/", views.import_detail, name="import_detail"),
    path("lan-nhap/<int:pk>/dong-loi.csv", views.import_errors, name="import_errors"),
    path("lan-nhap/<int:pk>/thu-lai/", views.import_retry, name="import_retry"),
    path("danh-sach/", views.dossier_list, name="dossier_list"),
    path("danh-sach/xuat-excel/", views.dossier_export_start, name="dossier_export"),
    path("tep-xuat/<int:pk>/", views.export_download, name="export_download"),
    path("thu-tuc/", views.procedure_list, name="procedure_list"),
    path("nguon/", views.source_list, name="source_list"),
    path("nguon/them/", views.source_edit, name="source_create"),
    path("nguon/<int:pk>/", views.source_edit, name="source_edit"),
    path("<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("<int:pk>/phieu-xin-loi.docx", views.apology_letter, name="apology_letter"),
]
