from django.contrib import admin

from hub.inbox.models import AuditEvent, ExportEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "request", "action", "detail")
    list_filter = ("action",)

    def has_change_permission(self, request, obj=None) -> bool:  # the trail is append-only
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ExportEvent)
class ExportEventAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "first_day", "last_day")
    readonly_fields = ("user", "at", "first_day", "last_day", "requests")

    def has_change_permission(self, request, obj=None) -> bool:  # read-only, like the trail
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
