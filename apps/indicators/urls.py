from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.scorecard, name="scorecard"),
    path("chot-so-lieu/", views.snapshot, name="snapshot"),
    path("tinh/", views.province, name="province"),
    path("chi-tieu/", views.targets, name="targets"),
    path("chi-tieu/de-xuat/", views.targets_propose, name="targets_propose"),
    path("chi-tieu/<int:pk>/lien-ket/", views.target_link, name="target_link"),
    path("danh-muc/", views.catalogue, name="catalogue"),
    path("nhap-so-lieu/", views.measurements, name="measurements"),
    path("nhap-so-lieu/<int:pk>/minh-chung/", views.evidence_download, name="evidence_download"),
    path("diem-766/", views.service_scores, name="service_scores"),
    path("gia-tri.json", views.values_json, name="values_json"),
]
