from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "hub.accounts"
    verbose_name = "People and their roles"

    def ready(self) -> None:
        from hub.accounts.roles import ensure_groups

        post_migrate.connect(ensure_groups, dispatch_uid="hub-roles")
