"""`clinic-hub kiosk-add ID --location "Lobby"`: register a kiosk and print its secret once."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hub.intake.kiosk_secrets import add_kiosk
from hub.intake.models import Kiosk


class Command(BaseCommand):
    help = "Register a kiosk by its kiosk.id and print its secret (shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kiosk_id", help="the kiosk's kiosk.id setting")
        parser.add_argument("--location", required=True, help='where it stands, e.g. "Lobby"')

    def handle(self, *args, kiosk_id: str, location: str, **options) -> None:
        if not (0 < len(kiosk_id) <= 64) or not kiosk_id.isprintable():
            raise CommandError("the kiosk id must be 1 to 64 printable characters")
        if Kiosk.objects.filter(pk=kiosk_id).exists():
            raise CommandError(f"kiosk {kiosk_id} is already registered (kiosk-rotate?)")
        _, secret = add_kiosk(kiosk_id, location)
        self.stdout.write(f"Registered {kiosk_id} at {location}. Its secret, shown only now:")
        self.stdout.write(secret)
        self.stdout.write("Put it in the kiosk's callbacks.secret and status.secret.")
