from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Security log"

    def ready(self):
        from . import receivers

        receivers.connect()
