"""`clinic-hub kiosk-rotate ID`: give a kiosk a new secret; the old one stops working."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hub.intake.kiosk_secrets import rotate_secret
from hub.intake.models import Kiosk


class Command(BaseCommand):
    help = "Give a kiosk a new secret and print it once; the old secret is refused from now on."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kiosk_id")

    def handle(self, *args, kiosk_id: str, **options) -> None:
        kiosk = Kiosk.objects.filter(pk=kiosk_id).first()
        if kiosk is None:
            raise CommandError(f"no kiosk {kiosk_id} is registered (kiosk-add?)")
        secret = rotate_secret(kiosk)
        self.stdout.write(f"New secret for {kiosk_id}, shown only now:")
        self.stdout.write(secret)
