"""API tokens in the admin: see who holds which key and until when, and revoke one by deleting
it. Keys are issued with `manage.py issue_token <username>`, which prints the key once; the
admin never sees a key, only its first characters."""

from django.contrib import admin

from tracker.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "name", "created", "expires"]
    list_filter = ["expires"]
    search_fields = ["user__username", "name", "prefix"]
    readonly_fields = ["user", "prefix", "created", "expires"]
    fields = ["user", "prefix", "name", "created", "expires"]

    def has_add_permission(self, request) -> bool:
        return False
