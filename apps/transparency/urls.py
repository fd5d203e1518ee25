from django.urls import path

from . import views

app_name = "transparency"

urlpatterns = [
    path("quan-ly/", views.settings_page, name="settings"),
    # Public: no sign-in.
    path("", views.public_index, name="index"),
    path("tinh/<str:code>/", views.public_province, name="province"),
    path("<str:code>/", views.public_agency, name="agency"),
]
