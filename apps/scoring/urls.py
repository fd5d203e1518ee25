from django.urls import path

from . import views

app_name = "scoring"

urlpatterns = [
    path("", views.set_list, name="set_list"),
    path("bo-tieu-chi/nhap/", views.set_import, name="set_import"),
    path("bo-tieu-chi/<int:pk>/", views.set_detail, name="set_detail"),
    path("bo-tieu-chi/<int:pk>/bang.xlsx", views.set_export, name="set_export"),
    path("bo-tieu-chi/<int:pk>/sao-chep/", views.set_copy, name="set_copy"),
    path("bo-tieu-chi/<int:pk>/ap-dung/", views.set_put_in_force, name="set_put_in_force"),
    path("tieu-chi/<int:pk>/sua/", views.criterion_edit, name="criterion_edit"),
]
