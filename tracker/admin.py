"""Admin for actors and claims. Claims are never deleted here: reject or retract them."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from tracker import services
from tracker.models import Actor, Claim, ControlPeriod

admin.site.site_header = "Aleppo control tracker"
admin.site.site_title = "Control tracker admin"
admin.site.index_title = "Districts, sources and claims"
admin.site.enable_nav_sidebar = False  # wide changelists matter more than a second menu

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
# What `services.claim_record` takes from a claim form; review and retraction come after.
RECORDED_FIELDS = [
    "document",
    "source",
    "attribution",
    "district",
    "place_name",
    "status",
    "actor",
    "kind",
    "effective_from",
    "effective_to",
    "date_precision",
    "quote",
    "note",
]


def claim_form_save(form: forms.ModelForm, *, user, document=None) -> Claim:
    """Write a validated claim form through the claim services, which refresh the timeline.

    A new claim is recorded as entered by `user`; a changed review status is recorded as
    reviewed by `user`. `document` is the parent when the claim is entered inside one.
    """
    data = form.cleaned_data
    if form.instance.pk is None:
        values = {name: data[name] for name in RECORDED_FIELDS if name in data}
        if document is not None:
            values["document"] = document
        claim = services.claim_record(**values, recorded_by=user)
        if data.get("review_status", claim.review_status) != claim.review_status:
            claim = services.claim_review(
                claim=claim, review_status=data["review_status"], reviewed_by=user
            )
        if data.get("retracted_on"):
            claim = services.claim_retract(claim=claim, retracted_on=data["retracted_on"])
        return claim
    changes = {name: data[name] for name in form.changed_data}
    if "review_status" in changes:
        changes.update(reviewed_by=user, reviewed_at=timezone.now())
    return services.claim_update(claim=Claim.objects.get(pk=form.instance.pk), **changes)


def claim_formset_save(formset: forms.BaseInlineFormSet, *, user) -> None:
    """Save a document's claim inline through the services, keeping what the admin logs."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.forms:
        if not form.has_changed():
            continue
        adding = form.instance.pk is None
        claim = claim_form_save(form, user=user, document=formset.instance)
        if adding:
            formset.new_objects.append(claim)
        else:
            formset.changed_objects.append((claim, form.changed_data))


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
        "claimed",
        "window",
        "source",
        "review",
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
    ordering = ["-effective_to", "-id"]  # the latest claims first
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

    @admin.display(description="claimed", ordering="actor__name_en")
    def claimed(self, claim: Claim) -> str:
        if claim.actor is None:
            return "Contested"
        return format_html(
            '<span class="actor-dot" style="background:{}"></span>{}',
            claim.actor.colour,
            claim.actor.name_en,
        )

    @admin.display(description="effective", ordering="effective_to")
    def window(self, claim: Claim) -> str:
        if claim.effective_from == claim.effective_to:
            return str(claim.effective_to)
        return f"{claim.effective_from} – {claim.effective_to}"

    @admin.display(description="review", ordering="review_status")
    def review(self, claim: Claim) -> str:
        return claim.get_review_status_display()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        """Save through the claim services: they record who did it and refresh the timeline."""
        claim = claim_form_save(form, user=request.user)
        obj.pk = claim.pk  # the admin logs and redirects with `obj`


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
from tracker import admin_quantitative  # noqa: F401,E402
