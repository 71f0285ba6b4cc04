"""`clinic-hub fleet-check`: mark kiosks silent too long as offline, and read the published
content again when HUB_CONTENT_MINUTES have passed (run it every minute on a timer)."""

from django.core.management.base import BaseCommand

from hub.catalog import published
from hub.intake.heartbeats import mark_offline


class Command(BaseCommand):
    help = (
        "Record an offline flip for every kiosk silent longer than HUB_OFFLINE_MINUTES; read "
        "the published content's version and titles when due."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{mark_offline()} kiosk(s) went offline")
        if published.due():
            row = published.refresh()
            if row is not None:
                self.stdout.write(_words(row))


def _words(row) -> str:
    if row.error:
        return f"published content not read: {row.error}"
    return f"published content: version {row.version}, {row.cards} card(s)"
