"""The actor admin: the sides that hold districts, their colours and coalitions."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from tracker import services
from tracker.models import Actor


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ar", "slug", "colour_swatch", "parent"]
    list_filter = ["parent"]
    list_select_related = ["parent"]
    search_fields = ["name_en", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["parent"]

    def save_model(self, request, obj: Actor, form, change: bool) -> None:
        """Save through `actor_update`, which recomputes what a new coalition changes."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        # The form has already set the new values on `obj`: start from the stored actor.
        services.actor_update(actor=Actor.objects.get(pk=obj.pk), **changes)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "colour":
            kwargs["widget"] = forms.TextInput(attrs={"type": "color"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="colour", ordering="colour")
    def colour_swatch(self, actor: Actor) -> str:
        return format_html(
            '<span style="display:inline-block;width:1.6em;height:1em;vertical-align:middle;'
            'border:1px solid #555;background:{}"></span> <code>{}</code>',
            actor.colour,
            actor.colour,
        )
