"""Admin for sources and documents: one document, entered once, carrying several claims."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from sources.models import Document, Source
from tracker.admin import ClaimInline, claim_formset_save


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
