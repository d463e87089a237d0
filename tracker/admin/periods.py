"""The resolved timeline in the admin: to inspect, never to edit."""

from django.contrib import admin

from tracker.models import ControlPeriod


@admin.register(ControlPeriod)
class ControlPeriodAdmin(admin.ModelAdmin):
    """The resolved timeline, to inspect: derived from the claims, never edited by hand."""

    list_display = ["district", "lens", "status", "actor", "start", "end", "start_earliest"]
    list_filter = ["status", "actor", "lens"]
    list_select_related = ["district", "actor"]
    search_fields = ["district__name_en", "district__name_ar", "lens"]
    date_hierarchy = "start"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
