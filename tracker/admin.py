"""Admin for actors and claims. Claims are never deleted here: reject or retract them."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from tracker.models import Actor, Claim

admin.site.site_header = "Aleppo control tracker"
admin.site.site_title = "Control tracker admin"
admin.site.index_title = "Districts, sources and claims"

CLAIM_ENTRY_FIELDS = [
    "place_name",
    "district",
    "status",
    "actor",
    "kind",
    "effective_from",
    "effective_to",
    "date_precision",
    "source",
    "quote",
    "review_status",
]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ar", "slug", "colour_swatch", "parent"]
    list_filter = ["parent"]
    list_select_related = ["parent"]
    search_fields = ["name_en", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["parent"]

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


class MappedFilter(admin.SimpleListFilter):
    title = "mapped to a district"
    parameter_name = "mapped"

    def lookups(self, request, model_admin):
        return [("yes", "Mapped"), ("no", "Unmapped (waiting for an analyst)")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(district__isnull=False)
        if self.value() == "no":
            return queryset.filter(district__isnull=True)
        return queryset


class NoRelatedDeleteMixin:
    """Hide the "delete" button beside each related field: a claim form deletes nothing."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget.can_delete_related = False
        return formfield


class ClaimInlineFormSet(forms.BaseInlineFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "document": self.instance}


class ClaimInlineForm(forms.ModelForm):
    """A claim entered inside its document: the source defaults to the document's."""

    class Meta:
        model = Claim
        fields = CLAIM_ENTRY_FIELDS

    def __init__(self, *args, document=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.fields["source"].required = False
        self.fields["source"].help_text = "Leave empty for the document's own source."

    def clean_source(self):
        source = self.cleaned_data.get("source")
        if source is None and self.document is not None:
            source = self.document.source
        if source is None:
            raise forms.ValidationError(
                "Pick the source that made this claim: the document names none."
            )
        return source


class ClaimInline(NoRelatedDeleteMixin, admin.StackedInline):
    model = Claim
    form = ClaimInlineForm
    formset = ClaimInlineFormSet
    fields = [
        ("place_name", "district"),
        ("status", "actor", "kind"),
        ("effective_from", "effective_to", "date_precision"),
        "source",
        "quote",
        "review_status",
    ]
    autocomplete_fields = ["district", "actor", "source"]
    extra = 1
    can_delete = False
    show_change_link = True


@admin.register(Claim)
class ClaimAdmin(NoRelatedDeleteMixin, SimpleHistoryAdmin):
    list_display = [
        "place_name",
        "district",
        "status",
        "actor",
        "window",
        "source",
        "review_status",
    ]
    list_filter = [
        MappedFilter,
        "review_status",
        "status",
        "kind",
        "actor",
        "source__stance",
        "date_precision",
        "source",
    ]
    list_select_related = ["district", "actor", "source"]
    search_fields = ["place_name", "quote", "attribution", "district__name_en", "district__name_ar"]
    date_hierarchy = "effective_to"
    autocomplete_fields = ["document", "district", "actor", "source"]
    readonly_fields = [
        "import_key",
        "recorded_by",
        "reviewed_by",
        "reviewed_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["document", "source", "attribution"]}),
        (
            "What is claimed",
            {
                "fields": [
                    ("place_name", "district"),
                    ("status", "actor", "kind"),
                    ("effective_from", "effective_to", "date_precision"),
                    "quote",
                ]
            },
        ),
        ("Review", {"fields": ["review_status", "note", "retracted_on"]}),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": [
                    "recorded_by",
                    "reviewed_by",
                    "reviewed_at",
                    "import_key",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]

    @admin.display(description="effective", ordering="effective_to")
    def window(self, claim: Claim) -> str:
        if claim.effective_from == claim.effective_to:
            return str(claim.effective_to)
        return f"{claim.effective_from} – {claim.effective_to}"

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        """Record who entered the claim, and who changed its review status and when."""
        if not change:
            obj.recorded_by = request.user
        if change and "review_status" in form.changed_data:
            obj.reviewed_by = request.user
            obj.reviewed_at = timezone.now()
        super().save_model(request, obj, form, change)
