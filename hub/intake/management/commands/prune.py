"""`clinic-hub prune`: erase the name and phone of requests closed long enough ago."""

from django.core.management.base import BaseCommand

from hub.intake.retention import erase_closed_requests


class Command(BaseCommand):
    help = "Erase first name and phone of requests closed over HUB_RETENTION_DAYS ago."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{erase_closed_requests()} request(s) erased")
