"""Admin for actors and claims: analysts enter claims, reviewers judge them, nobody deletes them.

Every write goes through `tracker.services`, the same services the API calls, so the resolved
timeline is recomputed with each change. The roles are the groups of migration 0005:

- analysts (group `analyst`) enter and edit claims; a claim's review status is read-only to them;
- reviewers (group `reviewer`) accept, dispute or reject claims, one by one or in bulk, and
  change nothing else;
- nobody deletes a claim: it is rejected, or retracted by its source, and its history is kept
  and shown on the claim.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import path
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from districts import admin as districts_admin
from districts.models import Alias, Region
from districts.selectors import place_resolve
from tracker import admin_paint, admin_review, admin_workflow, roles, services
from tracker.models import Actor, Claim, ControlPeriod
from tracker.timeline import STANCE_SIDE

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
    "basis",
    "source",
    "quote",
    "review_status",
    "review_reason",
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
    "basis",
    "quote",
    "note",
    "analyst_note",
]
# Every field a claim's change form may change; `tracker.roles` says who changes which.
FORM_FIELDS = [*RECORDED_FIELDS, "retracted_on", "review_status", "review_reason"]
RECORD_FIELDS = ["recorded_by", "created_at", "reviewed_by", "reviewed_at"]
REVIEW_VERBS = {
    Claim.Review.ACCEPTED: "Accepted",
    Claim.Review.DISPUTED: "Disputed",
    Claim.Review.REJECTED: "Rejected",
    Claim.Review.PENDING: "Returned to pending",
}


is_analyst, is_reviewer = roles.user_is_analyst, roles.user_is_reviewer


def source_side(source) -> Actor | None:
    """Return the side a source speaks for: its affiliated actor, else its stance's side."""
    if source is None:
        return None
    if source.actor_id:
        return source.actor
    slug = STANCE_SIDE.get(source.stance)
    return Actor.objects.filter(slug=slug).first() if slug else None


def claim_form_save(form: forms.ModelForm, *, user, document=None) -> list[Claim]:
    """Write a validated claim form through the claim services, which refresh the timeline.

    A new claim is recorded as entered by `user`, once per district its place resolved to (a
    region's name gives one claim per district). A changed claim is saved once, as `user`, with
    its review, so its history shows one version per form sent. The services apply the review
    rules (`tracker.roles`): a review needs a reviewer (`PermissionDenied`), and an analyst's
    change of substance returns an accepted claim to pending. `document` is the parent when
    the claim is entered inside one. Return the claims saved.
    """
    data = form.cleaned_data
    review = data.get("review_status")
    if form.instance.pk is None:
        values = {name: data[name] for name in RECORDED_FIELDS if name in data}
        if document is not None:
            values["document"] = document
        districts = getattr(form, "districts_resolved", None) or [values.get("district")]
        claims = [
            services.claim_record(**{**values, "district": district}, recorded_by=user)
            for district in districts
        ]
        if review and review != Claim.Review.PENDING:
            services.claims_review_bulk(
                claims=claims,
                review_status=review,
                reviewed_by=user,
                reason=data.get("review_reason", ""),
            )
        if data.get("retracted_on"):
            claims = [
                services.claim_retract(
                    claim=claim, retracted_on=data["retracted_on"], changed_by=user
                )
                for claim in claims
            ]
        return claims
    claim = Claim.objects.select_related("source").get(pk=form.instance.pk)
    changes = {name: data[name] for name in form.changed_data if name in data}
    if changes:  # one save, so one version in the history
        claim = services.claim_update(claim=claim, changed_by=user, **changes)
    return [claim]


def claim_formset_save(formset: forms.BaseInlineFormSet, *, user) -> None:
    """Save a document's claim inline through the services, keeping what the admin logs."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.forms:
        if not form.has_changed():
            continue
        adding = form.instance.pk is None
        claims = claim_form_save(form, user=user, document=formset.instance)
        if adding:
            formset.new_objects.extend(claims)
        else:
            formset.changed_objects.extend((claim, form.changed_data) for claim in claims)


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

    related_buttons = True  # False: no add, change or view button either

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget.can_delete_related = False
            if not self.related_buttons:
                formfield.widget.can_add_related = False
                formfield.widget.can_change_related = False
                formfield.widget.can_view_related = False
        return formfield


class ClaimEntryForm(forms.ModelForm):
    """A claim as an analyst enters it, with the defaults its document gives.

    Left empty on a new claim: the source is the document's; the side holding the place is the
    one the source speaks for (its affiliated actor, else its stance's side); the window starts
    on the document's publication day and ends the day it starts; the place name is the
    district's English name. A place name typed without a district is looked up in the alias
    table as the importer does: a district's name fills the district in, a region's name gives
    one claim per district of the region, and an unknown name leaves the claim unmapped, in the
    queue of unmapped names.
    """

    class Meta:
        model = Claim
        fields = CLAIM_ENTRY_FIELDS

    def __init__(self, *args, document=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.districts_resolved: list = []
        adding = self.instance.pk is None
        optional = {
            "source": "Empty: the document's source.",
            "place_name": "As the source spells it. Empty: the district's name.",
            "effective_to": "Empty: the same day as 'effective from'.",
        }
        if adding:
            optional["actor"] = "Empty: the side the source speaks for."
            optional["effective_from"] = "Empty: the document's publication day."
            optional["kind"] = "Empty for a contested place."
        for name, help_text in optional.items():
            if name in self.fields:
                self.fields[name].required = False
                self.fields[name].help_text = help_text
        if adding and "status" in self.fields:
            self.fields["status"].initial = Claim.Status.HELD
        if "district" in self.fields:
            self.fields["district"].help_text = "Type an English or Arabic name, or an alias."
        if "actor" in self.fields:
            self.fields["actor"].label = "Held by"

    def _document(self):
        return self.document or self.cleaned_data.get("document")

    def clean(self):
        data = super().clean()
        adding = self.instance.pk is None
        document = self._document()
        if "source" in self.fields:
            if data.get("source") is None and document is not None:
                data["source"] = document.source
            if data.get("source") is None and "source" not in self.errors:
                self.add_error(
                    "source", "Pick the source that made this claim: the document names none."
                )
        if adding:
            self._place_resolve(data)
            self._defaults_fill(data, document)
        if "effective_to" in self.fields and data.get("effective_to") is None:
            data["effective_to"] = data.get("effective_from")
        admin_review.review_reason_clean(self, data)
        return data

    def _place_resolve(self, data: dict) -> None:
        if "district" not in self.fields or "place_name" not in self.fields:
            return
        district, place = data.get("district"), (data.get("place_name") or "").strip()
        if district is not None:
            self.districts_resolved = [district]
        elif place:
            resolution = place_resolve(place)
            self.districts_resolved = list(resolution.districts)
            data["district"] = resolution.districts[0] if resolution.districts else None
        if not place:
            if district is None and "district" not in self.errors:
                self.add_error(
                    "district", "Pick a district, or write the place as the source names it."
                )
            elif district is not None:
                data["place_name"] = district.name_en

    def _defaults_fill(self, data: dict, document) -> None:
        status = data.get("status")
        if "actor" in self.fields and status == Claim.Status.HELD and data.get("actor") is None:
            side = source_side(data.get("source"))
            if data.get("kind") == Claim.Kind.LOST:
                # A source that lost a place says who took it: never its own side by default.
                self.add_error(
                    "actor",
                    "A 'lost' claim names who holds the place afterwards: pick who took it.",
                )
            elif side is None:
                self.add_error("actor", "Pick who holds the place: the source speaks for no side.")
            else:
                data["actor"] = side
        if "actor" in self.fields and status == Claim.Status.CONTESTED and data.get("actor"):
            self.add_error(
                "actor", "A contested place is held by nobody: clear this, or choose 'held'."
            )
        if "kind" in self.fields and not data.get("kind"):
            if status == Claim.Status.CONTESTED:
                data["kind"] = Claim.Kind.CONTESTED
            elif "kind" not in self.errors:
                self.add_error("kind", "Say what the claim reports: captured, lost or held.")
        if "effective_from" in self.fields and data.get("effective_from") is None:
            day = document.published_on if document is not None else None
            if day is None and "effective_from" not in self.errors:
                self.add_error(
                    "effective_from",
                    "Give the day the claim refers to: the document has no publication day.",
                )
            data["effective_from"] = day


class ClaimInlineFormSet(forms.BaseInlineFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "document": self.instance}


class ClaimInline(NoRelatedDeleteMixin, admin.StackedInline):
    """The claims of a document, entered on the document's page: one row per district named."""

    model = Claim
    form = ClaimEntryForm
    formset = ClaimInlineFormSet
    fields = [
        ("district", "place_name", "status", "actor", "kind"),
        ("effective_from", "effective_to", "date_precision", "basis", "source", "review_status"),
        "quote",
    ]
    autocomplete_fields = ["district", "actor", "source"]
    can_delete = False
    show_change_link = True
    classes = ["claim-entry"]
    related_buttons = False  # one claim per row, on one screen: no room for pop-ups

    def get_extra(self, request, obj=None, **kwargs) -> int:
        return 3 if obj is None else 1

    def get_fields(self, request, obj=None):
        """Reviewers get the reason beside the review status (to reject or dispute)."""
        fields = list(super().get_fields(request, obj))
        return [*fields, "review_reason"] if is_reviewer(request.user) else fields

    def get_readonly_fields(self, request, obj=None):
        return roles.fields_refused(request.user, roles.REVIEW_FIELDS)

    def _parent_editable(self, request: HttpRequest) -> bool:
        user = request.user
        return is_analyst(user) and (
            user.has_perm("sources.add_document") or user.has_perm("sources.change_document")
        )

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and self._parent_editable(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._parent_editable(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Claim)
class ClaimAdmin(NoRelatedDeleteMixin, SimpleHistoryAdmin):
    form = ClaimEntryForm
    list_display = [
        "place_name",
        "district",
        "claimed",
        "window",
        "basis_shown",
        "review",
        "source",
        "people",
    ]
    list_filter = [
        MappedFilter,
        "review_status",
        "status",
        "kind",
        "actor",
        "source__stance",
        "date_precision",
        "basis",
        "source",
    ]
    list_select_related = ["district", "actor", "source", "recorded_by", "reviewed_by"]
    ordering = ["-effective_to", "-id"]  # the latest claims first
    search_fields = [
        "place_name",
        "quote",
        "attribution",
        "district__name_en",
        "district__name_ar",
        "document__title",
    ]
    date_hierarchy = "effective_to"
    autocomplete_fields = ["document", "district", "actor", "source"]
    actions = ["claims_accept", "claims_dispute", "claims_reject"]

    class Media:
        css = {"all": ["css/admin-workflow.css"]}

    fieldsets = [
        ("Entered and reviewed", {"fields": [("recorded_by", "created_at")]}),
        (None, {"fields": ["document", "source", "attribution"]}),
        (
            "What is claimed",
            {
                "fields": [
                    ("place_name", "district"),
                    ("status", "actor", "kind"),
                    ("effective_from", "effective_to", "date_precision"),
                    "basis",
                    "quote",
                ]
            },
        ),
        (
            "Review",
            {
                "fields": [
                    "review_status",
                    "review_reason",
                    ("reviewed_by", "reviewed_at"),
                    "note",
                    "analyst_note",
                    "retracted_on",
                ]
            },
        ),
        ("Every change to this claim", {"fields": ["change_history", "import_key"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # nothing entered, reviewed or changed yet
            return [fs for fs in self.fieldsets if fs[0] not in {"Entered and reviewed"}][:-1]
        return self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        """Analysts cannot set the review fields; reviewers can set nothing else."""
        refused = roles.fields_refused(request.user, FORM_FIELDS)
        return [*RECORD_FIELDS, "import_key", "change_history", *refused]

    def get_urls(self):
        site = self.admin_site
        return [
            path(
                "unmapped/",
                site.admin_view(admin_workflow.unmapped_queue_view(self)),
                name="tracker_claim_unmapped",
            ),
            path(
                "paint/<int:document_id>/",
                admin_paint.paint_view(self),
                name="tracker_claim_paint",
            ),
            path(
                "import/",
                site.admin_view(admin_workflow.claims_import_view(self)),
                name="tracker_claim_import",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_map_names": admin_workflow.user_maps_names(request.user),
            "can_import": admin_workflow.user_imports(request.user),
            "unmapped_total": Claim.objects.filter(district__isnull=True).count(),
        }
        return super().changelist_view(request, extra_context)

    # Columns

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

    @admin.display(description="basis", ordering="basis")
    def basis_shown(self, claim: Claim) -> str:
        return claim.basis or "–"

    @admin.display(description="review", ordering="review_status")
    def review(self, claim: Claim) -> str:
        return format_html(
            '<span class="review-badge review-{}">{}</span>',
            claim.review_status,
            claim.get_review_status_display(),
        )

    @admin.display(description="by", ordering="recorded_by__username")
    def people(self, claim: Claim) -> str:
        return format_html(
            '<span class="entered-by" title="entered by">{}</span><br>'
            '<span class="reviewed-by" title="reviewed by">{}</span>',
            claim.recorded_by.get_username() if claim.recorded_by else "–",
            claim.reviewed_by.get_username() if claim.reviewed_by else "–",
        )

    @admin.display(description="changes, latest first")
    def change_history(self, claim: Claim) -> str:
        """List every saved version of the claim: when, by whom, and what changed."""
        records = list(claim.history.select_related("history_user").order_by("history_id"))
        rows, previous = [], None
        for record in records:
            if previous is None:
                what = "entered"
            else:
                delta = record.diff_against(previous, foreign_keys_are_objs=True)
                what = "; ".join(
                    f"{change.field}: {_shown(change.old)} → {_shown(change.new)}"
                    for change in delta.changes
                ) or {"~": "saved unchanged", "-": "deleted"}.get(record.history_type, "")
            if record.history_change_reason:  # e.g. why an accepted claim went back to pending
                what = f"{what} ({record.history_change_reason})"
            who = record.history_user.get_username() if record.history_user else "(no user)"
            rows.append((record.history_date.strftime("%Y-%m-%d %H:%M"), who, what))
            previous = record
        if not rows:
            return "–"
        body = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", reversed(rows))
        return format_html(
            '<table class="claim-history"><thead><tr><th>when (UTC)</th><th>who</th>'
            "<th>what</th></tr></thead><tbody>{}</tbody></table>",
            body,
        )

    # Review

    def has_review_permission(self, request: HttpRequest) -> bool:
        return is_reviewer(request.user) and request.user.has_perm("tracker.change_claim")

    def _review(
        self, request: HttpRequest, queryset: QuerySet[Claim], status: str, reason: str = ""
    ) -> None:
        claims = list(queryset.select_related("source"))
        try:
            changed = services.claims_review_bulk(
                claims=claims, review_status=status, reviewed_by=request.user, reason=reason
            )
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        unchanged = len(claims) - len(changed)
        text = f"{REVIEW_VERBS[status]} {len(changed)} claim{'s' if len(changed) != 1 else ''}."
        if unchanged:
            text += f" {unchanged} already had that status and were left as they were."
        self.message_user(request, text, messages.SUCCESS)

    @admin.action(description="Accept the selected claims", permissions=["review"])
    def claims_accept(self, request, queryset):
        self._review(request, queryset, Claim.Review.ACCEPTED)

    def _review_with_reason(
        self, request: HttpRequest, queryset: QuerySet[Claim], status: str, verb: str
    ):
        """Ask for the reason on an intermediate page, then review with it."""
        return admin_review.reason_asked(
            self,
            request,
            queryset,
            verb=verb,
            done=REVIEW_VERBS[status].lower(),
            review=lambda reason: self._review(request, queryset, status, reason),
        )

    @admin.action(description="Dispute the selected claims…", permissions=["review"])
    def claims_dispute(self, request, queryset):
        return self._review_with_reason(request, queryset, Claim.Review.DISPUTED, "Dispute")

    @admin.action(description="Reject the selected claims…", permissions=["review"])
    def claims_reject(self, request, queryset):
        return self._review_with_reason(request, queryset, Claim.Review.REJECTED, "Reject")

    # Nobody deletes a claim, and the history does not write one back.

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Edit the claim itself: old versions are not written back.")
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        """Save through the claim services: they record who did it and refresh the timeline."""
        claims = claim_form_save(form, user=request.user)
        obj.pk = claims[0].pk  # the admin logs and redirects with `obj`
        if len(claims) > 1:
            self.message_user(
                request,
                f"“{claims[0].place_name}” names a region: one claim was recorded for each of "
                f"its {len(claims)} districts.",
                messages.INFO,
            )


def _shown(value) -> str:
    if value is None or value == "":
        return "–"
    return str(value)


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


from tracker import admin_tokens  # noqa: F401,E402


def _region_keys(region) -> set[str]:
    """The folded names that denote a region: its names and its aliases."""
    from districts.names import name_key

    keys = {name_key(region.name_en), name_key(region.name_ar or "")}
    return keys | set(region.aliases.values_list("key", flat=True))


class RegionAdmin(districts_admin.RegionAdmin):
    """The districts app's region page; saving recomputes the claims its names denote."""

    def save_model(self, request, obj, form, change: bool) -> None:
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        request._region_keys_before = _region_keys(stored) if stored else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        before = getattr(request, "_region_keys_before", set())
        services.place_names_refresh(keys=before | _region_keys(form.instance))


class AliasAdmin(districts_admin.AliasAdmin):
    """The districts app's spelling page; saving recomputes the claims the spelling names."""

    def save_model(self, request, obj, form, change: bool) -> None:
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        super().save_model(request, obj, form, change)
        services.place_names_refresh(keys={obj.key, stored.key if stored else ""})

    def delete_model(self, request, obj) -> None:
        key = obj.key
        super().delete_model(request, obj)
        services.place_names_refresh(keys={key})


for _model, _model_admin in ((Region, RegionAdmin), (Alias, AliasAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _model_admin)
