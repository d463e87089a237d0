"""Admin for sources and documents: one document, entered once, carrying several claims.

The document page is where analysts spend their day: the document's fields, then its claims
on the same screen (one row per district named), with the defaults the document gives (its
source, the side that source speaks for, its publication day) and a small map of the districts
chosen so far.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from sources.models import Document, Source
from tracker.admin import ClaimInline, claim_formset_save, is_analyst, source_side


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    ordering = ["name"]  # kept explicitly: the annotations drop Meta.ordering
    list_display = ["name", "kind", "stance", "actor", "reliability", "document_count"]
    list_filter = ["stance", "kind", "reliability", "actor"]
    list_select_related = ["actor"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["actor"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_total=Count("documents"))

    @admin.display(description="documents", ordering="document_total")
    def document_count(self, source: Source) -> int:
        return source.document_total

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


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    ordering = ["-published_on", "id"]  # kept explicitly: the annotations drop Meta.ordering
    list_display = ["__str__", "source", "published_on", "outlet", "language", "claim_count"]
    list_filter = ["source__stance", "language", "source"]
    list_select_related = ["source"]
    search_fields = ["title", "citation", "url", "outlet", "author", "excerpt"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["source"]
    fieldsets = [
        (None, {"fields": ["source", "title", "citation", "url", "published_on"]}),
        (
            "More about the document",
            {
                "classes": ["collapse"],
                "fields": ["archive_url", "outlet", "author", "language", "excerpt"],
            },
        ),
    ]
    inlines = [ClaimInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

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
        return super().media + forms.Media(
            css={"all": ["leaflet/leaflet.css", "css/admin-workflow.css"]},
            # After django.jQuery, whose events select2 fires.
            js=[
                "admin/js/vendor/jquery/jquery.js",
                "admin/js/jquery.init.js",
                "leaflet/leaflet.js",
                entry,
            ],
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"citation", "excerpt"}:
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "review_url": reverse("admin:tracker_claim_changelist")
            + f"?document__id__exact={int(object_id)}"
            if str(object_id).isdigit()
            else None,
            "enters_claims": is_analyst(request.user),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "enters_claims": is_analyst(request.user)}
        return super().add_view(request, form_url, extra_context)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_total=Count("claims"))

    @admin.display(description="claims", ordering="claim_total")
    def claim_count(self, document: Document) -> int:
        return document.claim_total

    def save_formset(self, request, form, formset, change: bool) -> None:
        """Save the document's claims through the claim services (who entered them, timeline)."""
        if formset.model is not ClaimInline.model:
            return super().save_formset(request, form, formset, change)
        claim_formset_save(formset, user=request.user)
