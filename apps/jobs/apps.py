from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "apps.jobs"
    label = "jobs"
    verbose_name = "Công việc nền và lịch chạy"

    def ready(self) -> None:
        from .choices import JobStatus
        from .leases import LeasedKind, lease_register
        from .models import Job
        from .services import job_interrupted_message

        lease_register(
            LeasedKind(
                model=Job,
                running=JobStatus.RUNNING,
                dead=JobStatus.FAILED,
                started_field="started_at",
                dead_message=job_interrupted_message,
            )
        )
