from django.urls import path

from . import views

app_name = "tasks"

urlpatterns = [
    path("", views.task_register, name="task_register"),
    path("theo-thoi-gian/", views.task_timeline, name="task_timeline"),
    path("<int:pk>/", views.task_detail, name="task_detail"),
    path("<int:pk>/sua/", views.task_edit, name="task_edit"),
]
