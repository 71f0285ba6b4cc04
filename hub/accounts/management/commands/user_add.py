"""`clinic-hub user-add NAME --role specialist|it`: an account in its role's group.

The password is asked for twice without echo (or read from stdin with --password-stdin)
and checked against the hub's password rules. Admins are made with `createsuperuser`.
"""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from hub.accounts.roles import ROLE_NAMES, ensure_groups


class Command(BaseCommand):
    help = "Add a specialist or an IT account (admins: createsuperuser)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLE_NAMES))
        parser.add_argument("--password-stdin", action="store_true", help="read it from stdin")

    def handle(self, *args, username: str, role: str, password_stdin: bool, **options) -> None:
        users = get_user_model()
        if users.objects.filter(username=username).exists():
            raise CommandError(f"{username} already has an account (the admin changes roles)")
        if password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
            if getpass.getpass("Password (again): ") != password:
                raise CommandError("the two passwords differ")
        user = users(username=username)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        ensure_groups()
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=ROLE_NAMES[role]))
        self.stdout.write(f"{username} can sign in now, as {ROLE_NAMES[role]}.")
