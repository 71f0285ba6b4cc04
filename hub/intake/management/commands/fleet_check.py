"""`clinic-hub fleet-check`: mark kiosks silent too long as offline (run it on a timer)."""

from django.core.management.base import BaseCommand

from hub.intake.heartbeats import mark_offline


class Command(BaseCommand):
    help = "Record an offline flip for every kiosk silent longer than HUB_OFFLINE_MINUTES."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{mark_offline()} kiosk(s) went offline")
