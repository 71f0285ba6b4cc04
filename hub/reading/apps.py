from django.apps import AppConfig


class ReadingConfig(AppConfig):
    name = "hub.reading"
    verbose_name = "What patients read"
