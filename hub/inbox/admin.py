from django.contrib import admin

from hub.inbox.models import AuditEvent


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
