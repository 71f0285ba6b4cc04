from django.apps import AppConfig


class FleetConfig(AppConfig):
    name = "hub.fleet"
    verbose_name = "Fleet"
