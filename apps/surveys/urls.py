from django.urls import path

from .views import public, staff

app_name = "surveys"

urlpatterns = [
    path("", staff.campaign_list, name="campaign_list"),
    path("tao/", staff.campaign_create, name="campaign_create"),
    path("<int:pk>/", staff.campaign_detail, name="campaign_detail"),
    path("<int:pk>/sua/", staff.campaign_edit, name="campaign_edit"),
    path("<int:pk>/thao-tac/", staff.campaign_action, name="campaign_action"),
    path("<int:pk>/xuat-excel/", staff.campaign_export, name="campaign_export"),
    path("<int:pk>/bao-cao.docx", staff.campaign_report, name="campaign_report"),
    path("<int:pk>/nhap-phieu/", staff.campaign_entry, name="campaign_entry"),
    path("<int:pk>/ma-qr/", staff.campaign_links, name="campaign_links"),
    path("<int:pk>/ma-qr/ho-so.svg", staff.dossier_qr, name="dossier_qr"),
    path("<int:pk>/quay/<int:counter_id>/qr.<str:kind>", staff.counter_qr, name="counter_qr"),
    path("<int:pk>/quay/<int:counter_id>/to-roi.docx", staff.counter_poster, name="counter_poster"),
    path("<int:pk>/gop-y/<int:response_id>/", staff.suggestion_mark, name="suggestion_mark"),
    path("quay/", staff.counter_list, name="counter_list"),
    path("quay/<int:pk>/", staff.counter_edit, name="counter_edit"),
    path("phieu/", staff.questionnaire_list, name="questionnaire_list"),
    path("phieu/<int:pk>/", staff.questionnaire_detail, name="questionnaire_detail"),
    path("phieu/<int:pk>/sao-chep/", staff.questionnaire_copy, name="questionnaire_copy"),
    path("phieu/<int:pk>/sua/", staff.questionnaire_change, name="questionnaire_change"),
    # Public: no login.
    path("y/<str:token>/", public.respond, name="respond"),
    path("cong-khai/", public.public_index, name="public_index"),
    path("cong-khai/<str:code>/", public.public_results, name="public_results"),
]
