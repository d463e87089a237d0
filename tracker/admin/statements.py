"""The claim list as reviewers read it: one row per region statement, and the filters they use.

The rules:

1. **One row per statement.** A region statement ("Old City" recorded as one claim per
   district, `tracker.statements`) shows as one row, its first claim among those the filters
   keep, reading "Old City (region): 11 districts" with the districts listed under a toggle
   and a link to each claim. Its other claims are hidden, and the counts (the list's total, the
   full total) count the statement once. `?statement=<id>` lists that statement's claims one by
   one; `?statement=each` every claim of every statement.
2. **Judged together.** On the collapsed list, an action on a statement's row applies to every
   claim of the statement; listed one by one (rule 1's `?statement=`), a claim is judged alone.
3. **Filters.** By document (`?document__id__exact=<id>`, linked from the document's page as
   "these claims in the claim list"; the filter's box finds documents by title, citation or
   address, and offers the chosen one and the latest found), by basis, and by the effective window (the date hierarchy, or
   `?effective_to__gte=` and `?effective_from__lte=`, which the list takes as they are).
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db.models import BooleanField, Max, Min, Prefetch, Q, QuerySet, Value
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from sources.models import Document
from tracker.models import Claim, RegionStatement
from tracker.statements import claims_with_statements

STATEMENT_PARAM = "statement"
EACH = "each"  # ?statement=each: every claim of every statement, one row each
RECENT_DOCUMENTS = 10  # documents the filter offers besides the chosen one
DOCUMENT_SEARCH = "document_q"  # the document filter's search box


def claims_one_by_one(request: HttpRequest) -> bool:
    """Whether the list shows a statement's claims one by one (rule 1), not one row for it."""
    return bool(request.GET.get(STATEMENT_PARAM))


def statements_collapsed(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Keep, of each statement, its first claim among `claims`; keep every other claim."""
    firsts = (
        claims.order_by()
        .filter(statement__isnull=False)
        .values("statement")
        .annotate(first=Min("pk"))
        .values("first")
    )
    return claims.filter(Q(statement__isnull=True) | Q(pk__in=firsts))


class StatementChangeList(ChangeList):
    """The claim list with a region statement's claims on one row (rule 1)."""

    def get_queryset(self, request, exclude_parameters=None):
        claims = super().get_queryset(request, exclude_parameters)
        if claims_one_by_one(request):
            return claims
        districts = Claim.objects.select_related("district").order_by("district__name_en")
        return (
            statements_collapsed(claims)
            .annotate(statement_row=Value(True, output_field=BooleanField()))
            .prefetch_related(Prefetch("statement__claims", queryset=districts))
        )

    def get_results(self, request):
        if not claims_one_by_one(request):
            self.root_queryset = statements_collapsed(self.root_queryset)
        super().get_results(request)


class StatementFilter(admin.SimpleListFilter):
    """One row per region statement, or its claims one by one (rule 1)."""

    title = "region statement"
    parameter_name = STATEMENT_PARAM

    def lookups(self, request, model_admin):
        choices = [(EACH, "Every claim of each statement")]
        value = self.value()
        if value and value.isdigit():
            statement = RegionStatement.objects.filter(pk=value).first()
            choices.append((value, f"{statement} #{value}" if statement else f"#{value}"))
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        if not value or value == EACH:
            return queryset
        if not value.isdigit():
            raise IncorrectLookupParameters(f"statement={value!r}: give a statement's id.")
        return queryset.filter(statement_id=int(value))


class DocumentFilter(admin.SimpleListFilter):
    """The claims of one document (rule 3): a box finds documents by title, citation or
    address (`?document_q=`); offered are the chosen one and the latest found."""

    title = "document"
    parameter_name = "document__id__exact"
    template = "admin/tracker/claim/document_filter.html"

    def __init__(self, request, params, model, model_admin):
        self.search = (params.pop(DOCUMENT_SEARCH, None) or [""])[-1].strip()
        kept = (self.parameter_name, DOCUMENT_SEARCH, "p")
        self.hidden = [(k, v) for k, v in request.GET.items() if k not in kept]
        super().__init__(request, params, model, model_admin)

    def expected_parameters(self):
        return [self.parameter_name, DOCUMENT_SEARCH]

    def has_output(self) -> bool:
        return True  # the search box, even before a document has claims

    def lookups(self, request, model_admin):
        value = self.value()
        recent = Document.objects.filter(claims__isnull=False).select_related("source")
        if self.search:
            recent = recent.filter(
                Q(title__icontains=self.search)
                | Q(citation__icontains=self.search)
                | Q(url__icontains=self.search)
            )
        recent = recent.annotate(latest=Max("claims__id")).order_by("-latest")[:RECENT_DOCUMENTS]
        documents: list[Document] = list(recent)
        if value and value.isdigit() and all(str(d.pk) != value for d in documents):
            documents = [*Document.objects.filter(pk=value).select_related("source"), *documents]
        return [(str(d.pk), document_label(d)) for d in documents]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            raise IncorrectLookupParameters(f"document={value!r}: give a document's id.")
        return queryset.filter(document_id=int(value))


def document_label(document: Document) -> str:
    """ "AFP, 2016-12-13: Rebels agree to leave Aleppo": who published it, when, and what it is,
    as a reviewer picks a document in the filter."""
    who = ", ".join(str(part) for part in (document.source, document.published_on) if part)
    return f"{who}: {str(document)[:80]}" if who else str(document)[:80]


def is_statement_row(claim: Claim) -> bool:
    """Whether `claim` stands, on the collapsed list, for its whole statement (rule 1)."""
    return bool(claim.statement_id and getattr(claim, "statement_row", False))


def statement_summary(claim: Claim) -> str:
    """ "Old City (region): 11 districts", for the row of a statement's first claim."""
    statement = claim.statement
    assert statement is not None  # called for a statement's row only
    count = len(statement.claims.all())
    return f"{statement.place_name} (region): {count} district{'s' if count != 1 else ''}"


def statement_districts(claim: Claim) -> str:
    """The districts of a statement's row, under a toggle, with a link to each claim."""
    statement = claim.statement
    assert statement is not None  # called for a statement's row only
    names = format_html_join(
        "",
        "<li>{}</li>",
        ((c.district.name_en if c.district else c.place_name,) for c in statement.claims.all()),
    )
    return format_html(
        '<details class="statement-districts"><summary>{}</summary><ul>{}</ul>'
        '<a href="?{}={}">each claim</a></details>',
        statement_summary(claim),
        names,
        STATEMENT_PARAM,
        statement.pk,
    )


def statement_link(claim: Claim) -> str:
    """ "Old City (region): 11 districts", linked to the list of its claims; "–" for a claim
    that belongs to no statement."""
    if claim.statement_id is None:
        return "–"
    return format_html(
        '<a href="{}?{}={}">{}</a>',
        reverse("admin:tracker_claim_changelist"),
        STATEMENT_PARAM,
        claim.statement_id,
        statement_summary(claim),
    )


def statement_rows_widened(request: HttpRequest, claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """The claims an action on the collapsed list applies to: each selected row's whole
    statement (rule 2); listed one by one, the selection as it is."""
    if claims_one_by_one(request):
        return claims
    return claims_with_statements(claims).select_related("source")
