from django.urls import path

from . import document_views, views

app_name = "ratings"

urlpatterns = [
    path("", views.home, name="home"),
    path("don-vi/", views.team, name="team"),
    path("co-quan/", views.agency_view, name="agency"),
    path("co-quan/quyet-dinh/", views.decide, name="decide"),
    path("co-quan/cham-don-vi/", views.unit_score, name="unit_score"),
    path("co-quan/tham-so/", views.policy, name="policy"),
    path("co-quan/xep-loai.xlsx", document_views.agency_xlsx, name="agency_xlsx"),
    path("nguoi/<int:pk>/", views.person_detail, name="person"),
    path("nguoi/<int:pk>/tu-danh-gia/", views.self_assess, name="self_assess"),
    path("nguoi/<int:pk>/cham/", views.score, name="score"),
    path("nguoi/<int:pk>/san-pham/<int:occurrence_pk>/", views.product, name="product"),
    path("nguoi/<int:pk>/viec-phat-sinh/", views.extra_add, name="extra_add"),
    path("nguoi/<int:pk>/phieu.docx", document_views.sheet_docx, name="sheet_docx"),
    path("viec-phat-sinh/<int:pk>/", views.extra_detail, name="extra"),
    path("phieu/<int:pk>/dieu-chinh/", views.amend, name="amend"),
]
