from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "hub.intake"
    verbose_name = "Kiosks and what they send"
