from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.feedback_register, name="feedback_register"),
    path("them/", views.feedback_create, name="feedback_create"),
    path("nhap-tep/", views.feedback_import, name="feedback_import"),
    path("<int:pk>/", views.feedback_detail, name="feedback_detail"),
]
