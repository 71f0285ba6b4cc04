from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "hub.inbox"
    verbose_name = "Callback inbox"
