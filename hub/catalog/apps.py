from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "hub.catalog"
    verbose_name = "Published content"
