"""Admin for sources and documents, as far as `sources` knows them.

Claims belong to the tracker, and `sources` never imports `tracker` (STYLE.md 1). So the
tracker extends these pages from its own admin (`tracker/admin/sources.py`): a document's claims
entered on its page, a source's defaults for claim entry, and saving a source through the
service that recomputes the timeline. It imports this module and re-registers `Source` and
`Document` with subclasses of the classes below.
"""

from typing import TYPE_CHECKING, TypedDict

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from sources.models import Document, Source, SourceAlias

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class SourceAliasInline(admin.TabularInline):
    """Other names of the source: spellings merged into it and names it had before."""

    model = SourceAlias
    readonly_fields = ("name", "note", "created_at")
    fields = readonly_fields
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # aliases come from merges and renames (`manage.py sources_merge`)


class _DocumentTotal(TypedDict):
    document_total: int


class SourceAdmin(SimpleHistoryAdmin):
    ordering = ["name"]  # kept explicitly: the annotations drop Meta.ordering
    list_display = ["name", "kind", "stance", "actor", "reliability", "document_count"]
    list_filter = ["stance", "kind", "reliability", "actor"]
    list_select_related = ["actor"]
    search_fields = ["name", "slug", "description", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["actor"]
    inlines = [SourceAliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_total=Count("documents"))

    @admin.display(description="documents", ordering="document_total")
    def document_count(self, source: "WithAnnotations[Source, _DocumentTotal]") -> int:
        return source.document_total


class DocumentAdmin(SimpleHistoryAdmin):
    ordering = ["-published_on", "id"]  # kept explicitly: the annotations drop Meta.ordering
    list_display = ["__str__", "source", "published_on", "outlet", "language"]
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
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"citation", "excerpt"}:
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


admin.site.register(Source, SourceAdmin)
admin.site.register(Document, DocumentAdmin)
