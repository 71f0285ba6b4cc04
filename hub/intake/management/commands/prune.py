"""`clinic-hub prune`: erase the name and phone of requests closed long enough ago, and old
flips."""

from django.core.management.base import BaseCommand

from hub.intake.retention import erase_closed_requests, prune_flips


class Command(BaseCommand):
    help = (
        "Erase first name and phone of requests closed over HUB_RETENTION_DAYS ago; delete "
        "flips older than the 30 days the uptime needs."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{erase_closed_requests()} request(s) erased")
        self.stdout.write(f"{prune_flips()} old flip(s) deleted")
