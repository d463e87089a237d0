"""The tracker's part of the source and document pages.

`sources/admin.py` registers what `sources` knows (and never imports the tracker); this module
re-registers `Source` and `Document` with subclasses that add what only the tracker knows
(`tracker.admin.extend`):

- a source is saved through `tracker.source_changes.source_update`, the service the API calls,
  so a new stance, side or slug recomputes the lenses its claims count in, in the same
  transaction; and the page answers what a claim from the source defaults to;
- a document's claims are entered on its page, through the claim services.

The document page is where analysts spend their day: the document's fields, then its claims
on the same screen (one row per district named), with the defaults the document gives (its
source, the side that source speaks for, its publication day) and a small map of the districts
chosen so far.
"""

from typing import TYPE_CHECKING, TypedDict

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from sources import admin as sources_admin
from sources.models import Document, Source
from tracker.admin.entry import (
    ClaimEntryForm,
    NoRelatedDeleteMixin,
    claim_formset_save,
    source_side,
)
from tracker.admin.extend import admin_replace
from tracker.models import Claim
from tracker.roles import REVIEW_FIELDS, fields_refused, user_is_analyst, user_is_reviewer
from tracker.source_changes import SOURCE_FIELDS, source_update

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class _ClaimTotal(TypedDict):
    claim_total: int


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
        """Reviewers get the reason beside the review status (to reject or dispute); analysts
        the hidden list of a region's districts their statement leaves out."""
        fields = list(super().get_fields(request, obj))
        if user_is_analyst(request.user):
            fields.append("districts_left_out")  # a region's districts left out, set by chips
        return [*fields, "review_reason"] if user_is_reviewer(request.user) else fields

    def get_readonly_fields(self, request, obj=None):
        return fields_refused(request.user, REVIEW_FIELDS)

    def _parent_editable(self, request: HttpRequest) -> bool:
        user = request.user
        return user_is_analyst(user) and (
            user.has_perm("sources.add_document") or user.has_perm("sources.change_document")
        )

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and self._parent_editable(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._parent_editable(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class SourceAdmin(sources_admin.SourceAdmin):
    def save_model(self, request, obj: Source, form, change: bool) -> None:
        """Save an edited source through `source_update`, which recomputes what it touches."""
        if not change:
            return super().save_model(request, obj, form, change)
        changes = {name: getattr(obj, name) for name in form.changed_data if name in SOURCE_FIELDS}
        source_update(source=obj, changed_by=request.user, **changes)

    def get_urls(self):
        return [
            path(
                "<int:source_id>/defaults/",
                self.admin_site.admin_view(self.defaults_view),
                name="sources_source_defaults",
            ),
            *super().get_urls(),
        ]

    def defaults_view(self, request: HttpRequest, source_id: int) -> JsonResponse:
        """Answer what a claim from this source defaults to: its stance and the side it speaks for."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        source = get_object_or_404(Source.objects.select_related("actor"), pk=source_id)
        side = source_side(source)
        return JsonResponse(
            {
                "id": source.pk,
                "name": source.name,
                "stance": source.stance,
                "stance_label": source.get_stance_display(),
                "actor": {"id": side.pk, "text": side.name_en, "colour": side.colour}
                if side
                else None,
                "affiliated": source.actor_id is not None,
            }
        )


class DocumentAdmin(sources_admin.DocumentAdmin):
    change_form_template = "admin/tracker/document_change_form.html"
    list_display = [*sources_admin.DocumentAdmin.list_display, "claim_count"]
    inlines = [ClaimInline]

    @property
    def media(self):
        entry = forms.Script(
            "js/admin-document-entry.js",
            **{
                "data-districts-url": reverse("districts-geojson"),
                "data-slugs-url": reverse("admin:districts_district_slugs"),
                "data-source-defaults-url": reverse(
                    "admin:sources_source_defaults", args=[0]
                ).replace("/0/", "/{id}/"),
            },
        )
        propose = forms.Script(
            "js/admin-document-propose.js",
            **{"data-propose-url": reverse("admin:tracker_claim_propose")},
        )
        return super().media + forms.Media(
            css={"all": ["leaflet/leaflet.css", "css/admin-workflow.css"]},
            # After django.jQuery, whose events select2 fires.
            js=[
                "admin/js/vendor/jquery/jquery.js",
                "admin/js/jquery.init.js",
                "leaflet/leaflet.js",
                # django-stubs 5.2.9 types `js` as paths only; Django 5.2 takes Script objects too.
                entry,  # type: ignore[list-item]
                propose,  # type: ignore[list-item]
            ],
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "review_url": reverse("admin:tracker_claim_changelist")
            + f"?document__id__exact={int(object_id)}"
            if str(object_id).isdigit()
            else None,
            "enters_claims": user_is_analyst(request.user),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "enters_claims": user_is_analyst(request.user)}
        return super().add_view(request, form_url, extra_context)

    def get_queryset(self, request):
        # A region statement's claims (one per district) count once, as the claim list shows
        # them: the claims of no statement, plus the statements.
        alone = Count("claims", filter=Q(claims__statement__isnull=True))
        return (
            super()
            .get_queryset(request)
            .annotate(claim_total=alone + Count("claims__statement", distinct=True))
        )

    @admin.display(description="claims (a region statement once)", ordering="claim_total")
    def claim_count(self, document: "WithAnnotations[Document, _ClaimTotal]") -> int:
        return document.claim_total

    def save_formset(self, request, form, formset, change: bool) -> None:
        """Save the document's claims through the claim services (who entered them, timeline)."""
        if formset.model is not ClaimInline.model:
            return super().save_formset(request, form, formset, change)
        claim_formset_save(formset, user=request.user)


admin_replace(Source, SourceAdmin)
admin_replace(Document, DocumentAdmin)
