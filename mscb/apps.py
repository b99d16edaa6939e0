from django.apps import AppConfig


class MscbConfig(AppConfig):
    name = "mscb"
    verbose_name = "Safeguarding partnership"
