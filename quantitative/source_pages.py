"""The public page of a source, `/sources/<slug>/`: who it is, its track record, its claims.

Routed from `config/urls.py` by one line, `path("sources/<slug:slug>/",
include("quantitative.source_pages"))`; reverse it as `source-detail` with the source's slug.
Every text from a claim is escaped by the template (autoescape), and only http(s) addresses
are made into links.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path

from quantitative import selectors
from quantitative.record import TRACK_RECORD_DAYS
from sources.models import Source
from tracker.models import Claim

CLAIMS_PER_PAGE = 100
SAFE_SCHEMES = ("http://", "https://")


def link_or_none(url: str | None) -> str | None:
    """Return `url` if it is an http(s) address to link to, else None (shown as text)."""
    return url if url and url.lower().startswith(SAFE_SCHEMES) else None


def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a source, its track record, its quantitative claims audited against the map, and
    its district claims (newest first, rejected ones left out), each with its outcome."""
    source = get_object_or_404(Source.objects.select_related("actor"), slug=slug)
    record = selectors.track_record(source=source)
    claims = (
        Claim.objects.filter(source=source)
        .exclude(review_status=Claim.Review.REJECTED)
        .select_related("district", "actor", "document")
        .order_by("-effective_to", "-id")
    )
    page = Paginator(claims, CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "claim": claim,
            "link": link_or_none(claim.document.url),
            "outcome": record.outcomes.get(claim.pk),
        }
        for claim in page
    ]
    numbers = list(
        selectors.quantitative_claims_visible(include_rejected=False)
        .filter(source=source)
        .order_by("-date_to", "-id")
    )
    audits = selectors.quantitative_audits(numbers)
    quantitative = [
        {"claim": claim, "audit": audits[claim.pk], "link": link_or_none(claim.document.url)}
        for claim in numbers
    ]
    return render(
        request,
        "sources/source_detail.html",
        {
            "source": source,
            "record": record,
            "rows": rows,
            "page": page,
            "quantitative": quantitative,
            "window_days": TRACK_RECORD_DAYS,
        },
    )


urlpatterns = [path("", source_detail, name="source-detail")]
