from django.urls import path

from . import health, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("tinh-trang-he-thong/", health.system_health, name="system_health"),
]
