from django.urls import path

from . import views

app_name = "tasks"

urlpatterns = [
    path("", views.task_register, name="task_register"),
    path("giao-viec/", views.task_bulk_assign, name="task_bulk_assign"),
    path("theo-thoi-gian/", views.task_timeline, name="task_timeline"),
    path("<int:pk>/", views.task_detail, name="task_detail"),
    path("<int:pk>/sua/", views.task_edit, name="task_edit"),
    path("<int:pk>/su-kien/", views.trigger_post, name="trigger_post"),
    path("ky/<int:pk>/bao-cao/", views.progress_post, name="progress_post"),
    path("ky/<int:pk>/nghiem-thu/", views.decision_post, name="decision_post"),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("viec-cua-toi/", views.my_work, name="my_work"),
    path("don-vi/<int:pk>/", views.unit_page, name="unit_page"),
    path("bang-dieu-khien/", views.dashboard, name="dashboard"),
    path("toan-tinh/", views.province_view, name="province_view"),
]
