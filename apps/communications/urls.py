from django.urls import path

from . import views

app_name = "communications"

urlpatterns = [
    path("", views.home, name="home"),
    path("tin-bai/", views.register, name="register"),
    path("tin-bai.xlsx", views.register_export, name="register_export"),
    path("tin-bai/them/", views.article_create, name="article_create"),
    path("tin-bai/dan-duong-dan/", views.paste_links, name="paste_links"),
    path("tin-bai/nhap-excel/", views.import_xlsx, name="import_xlsx"),
    path("tin-bai/mau-nhap.xlsx", views.import_template, name="import_template"),
    path("tin-bai/<int:pk>/", views.article_detail, name="article"),
    path("tin-bai/<int:pk>/minh-chung/", views.evidence_download, name="evidence"),
    path("hoi-nghi/them/", views.event_create, name="event_create"),
    path("ke-hoach/<int:pk>/chi-tieu/", views.targets, name="targets"),
]
