from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("<int:pk>/", views.notification_open, name="notification_open"),
    path("lua-chon/", views.preferences, name="preferences"),
    path("gui-nhac-viec/", views.run_reminders, name="run_reminders"),
]
