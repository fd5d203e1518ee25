from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("<int:pk>/", views.job_status, name="job_status"),
    path("<int:pk>/thu-lai/", views.job_retry, name="job_retry"),
]
