"""`clinic-hub content-check`: read the published content now (version and card titles)."""

from django.core.management.base import BaseCommand, CommandError

from hub.catalog import published
from hub.intake.management.commands.fleet_check import _words


class Command(BaseCommand):
    help = "Read the newest published content (HUB_CONTENT_URL, verified with HUB_CONTENT_ROOT)."

    def handle(self, *args, **options) -> None:
        if not published.configured():
            raise CommandError("HUB_CONTENT_URL is not set: there is nothing to read")
        row = published.refresh()
        if row is None:
            raise CommandError("another reading is running: try again in a minute")
        if row.error:
            raise CommandError(_words(row))
        self.stdout.write(_words(row))
