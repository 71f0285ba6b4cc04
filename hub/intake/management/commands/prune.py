"""`clinic-hub prune`: the retention (hub/intake/retention.py), for a daily timer."""

from django.core.management.base import BaseCommand

from hub.intake.retention import (
    erase_closed_requests,
    erase_unclosed_requests,
    forget_keys,
    prune_counts,
    prune_flips,
)


class Command(BaseCommand):
    help = (
        "Erase first name and phone of requests closed over HUB_RETENTION_DAYS ago, and of "
        "requests still open HUB_OPEN_RETENTION_DAYS after they arrived (closing them); blank "
        "idempotency keys after HUB_KEY_DAYS; delete flips the uptime no longer needs and "
        "daily counts older than HUB_COUNTS_DAYS."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{erase_closed_requests()} request(s) erased")
        self.stdout.write(f"{erase_unclosed_requests()} open request(s) erased and closed")
        self.stdout.write(f"{forget_keys()} idempotency key(s) forgotten")
        self.stdout.write(f"{prune_flips()} old flip(s) deleted")
        self.stdout.write(f"{prune_counts()} old daily count(s) deleted")
