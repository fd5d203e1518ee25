"""The libraries' apps under Vietnamese names in the administrators' screens (their own names are English, and
django-tasks-db's is not even translatable)."""

from axes.apps import AppConfig as AxesAppConfig
from django_tasks_db.apps import TasksAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "Chống dò mật khẩu"


class TasksDbConfig(TasksAppConfig):
    verbose_name = "Việc chạy nền"
