"""Who may see what: three roles, as Django groups with permissions.

- **Specialists** handle the callback inbox (patients' names and numbers) and may export
  the requests list; they see what patients read, but not the fleet.
- **IT** sees the fleet and what patients read, never a patient's request.
- **Admins** are Django superusers (`clinic-hub createsuperuser`): everything, and the
  admin site, where they put people in groups.

The groups and their permissions are made (or put right) after every `migrate`, so a new
installation has them and a changed list here reaches an old one. Views check permissions,
never group names, so an admin may also build other groups from the same permissions.
"""

from __future__ import annotations

from typing import Any

SPECIALISTS, IT = "Specialists", "IT"
HANDLE = "intake.handle_callbacks"
EXPORT = "intake.export_callbacks"
FLEET = "intake.view_fleet"
READING = "reading.view_reading"
ROLES: dict[str, tuple[str, ...]] = {
    SPECIALISTS: (HANDLE, EXPORT, READING),
    IT: (FLEET, READING),
}
ROLE_NAMES = {"specialist": SPECIALISTS, "it": IT}  # for `clinic-hub user-add --role`


def ensure_groups(**_: Any) -> None:
    """Make each role's group hold exactly its permissions (a post_migrate receiver)."""
    from django.contrib.auth.models import Group, Permission

    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for code in codes:
            app_label, codename = code.split(".")
            found = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found is not None:  # not yet: its app migrates later, and calls this again
                permissions.append(found)
        group.permissions.set(permissions)
