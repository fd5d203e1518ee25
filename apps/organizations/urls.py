from django.urls import path

from . import views

app_name = "organizations"

urlpatterns = [
    path("", views.agency_tree, name="agency_tree"),
    path("them/", views.agency_create, name="agency_create"),
    path("<int:pk>/", views.agency_detail, name="agency_detail"),
    path("<int:pk>/sua/", views.agency_edit, name="agency_edit"),
    path("<int:pk>/xoa/", views.agency_delete, name="agency_delete"),
    path("<int:pk>/lich-su/", views.agency_history, name="agency_history"),
    path("<int:agency_pk>/don-vi/them/", views.unit_create, name="unit_create"),
    path("don-vi/<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("don-vi/<int:pk>/xoa/", views.unit_delete, name="unit_delete"),
    path("<int:agency_pk>/can-bo/them/", views.person_create, name="person_create"),
    path("can-bo/<int:pk>/sua/", views.person_edit, name="person_edit"),
]
