"""The admin shows kiosks and their status; requests are read in the inbox, with its audit."""

from django.contrib import admin

from hub.intake.models import Flip, Kiosk, KioskStatus


@admin.register(Kiosk)
class KioskAdmin(admin.ModelAdmin):
    list_display = ("id", "location", "created", "rotated_at")
    exclude = ("secret",)  # made and rotated with `clinic-hub kiosk-add` / `kiosk-rotate`

    def has_add_permission(self, request) -> bool:  # a kiosk needs a secret: kiosk-add
        return False


admin.site.register(KioskStatus)
admin.site.register(Flip)
