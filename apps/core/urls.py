from django.urls import path

from . import health, saved_filter_views, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("bo-loc/luu/", saved_filter_views.saved_filter_create, name="saved_filter_create"),
    path("bo-loc/<int:pk>/xoa/", saved_filter_views.saved_filter_delete, name="saved_filter_delete"),
    path("tinh-trang-he-thong/", health.system_health, name="system_health"),
]
