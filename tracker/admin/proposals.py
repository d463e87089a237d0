"""Proposed claims from an article's text, on a document's page (`tracker.extraction`).

The analyst pastes the article; the page posts it here with the document's publication day and
source, and fills its claim rows from the answer. Nothing is saved here: the rows are saved,
edited or dropped with the document, through the claim services, as if typed.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

from districts.models import District, Region
from districts.selectors import REGION_PREFIX, region_match
from sources.models import Source
from tracker.extraction import Proposal, Speaker, claims_propose
from tracker.extraction_index import indexes_load
from tracker.extraction_quantities import QuantityProposal, quantities_propose
from tracker.models import Actor, Claim, day_latest_allowed
from tracker.roles import user_is_analyst

TEXT_MAX_CHARS = 20_000  # a long article; a book is not pasted here


def _error(field: str, message: str) -> JsonResponse:
    return JsonResponse({"errors": {field: [message]}}, status=400)


def _choice(obj, text: str) -> dict | None:
    return {"id": obj.pk, "text": text} if obj is not None else None


def _place_choice(proposal: Proposal) -> tuple[dict | None, Region | None]:
    """The district box's choice for a proposal's place, as picking it in the box gives it: a
    district's id, or a region as `REGION_PREFIX` and its id with the box's label for it (the
    page then shows the region's districts as chips, and the line of what saving will do)."""
    if proposal.place.region:
        region = Region.objects.filter(slug=proposal.place.region).first()
        if region is None:
            return None, None
        return {"id": REGION_PREFIX + str(region.pk), "text": region_match(region).label}, region
    district = District.objects.filter(slug=proposal.place.label).first()
    return _choice(district, district.name_en if district else ""), None


def _claim_json(proposal: Proposal, actors: dict[str, Actor], sources: dict[str, Source]) -> dict:
    """One claim row's values, as the document page's claim form takes them: the place in the
    district box (a district, or a region), the spelling of the text in the place name."""
    district, region = _place_choice(proposal)
    held = proposal.controller != "contested"
    actor = actors.get(proposal.controller) if held else None
    one_day = proposal.date_from == proposal.date_to
    source = sources.get(proposal.speaker.name)
    return {
        "place_name": proposal.place_text,
        "district": district,
        "region": region.name_en if region else None,
        "region_districts": [
            {"slug": slug, "name": name}
            for slug, name in region.districts.order_by("name_en").values_list("slug", "name_en")
        ]
        if region
        else [],
        "status": Claim.Status.HELD if held else Claim.Status.CONTESTED,
        "actor": _choice(actor, actor.name_en if actor else ""),
        "kind": proposal.claim_type,
        "effective_from": proposal.date_from.isoformat(),
        "effective_to": proposal.date_to.isoformat(),
        "date_precision": Claim.Precision.DAY if one_day else Claim.Precision.WEEK,
        "quote": proposal.quote,
        "source": _choice(source, source.name if source else ""),
        "rule": proposal.rule,
    }


def _quantity_json(
    quantity: QuantityProposal, actors: dict[str, Actor], sources: dict[str, Source]
) -> dict:
    """One quantitative claim row's values, as the document page's inline takes them."""
    actor = actors.get(quantity.actor)
    region = Region.objects.filter(slug=quantity.scope).first()
    source = sources.get(quantity.speaker.name)
    return {
        "actor": _choice(actor, actor.name_en if actor else ""),
        "region": _choice(region, region.name_en if region else ""),
        "source": _choice(source, source.name if source else ""),
        "measure": quantity.measure,
        "value": quantity.value,
        "bound": quantity.bound,
        "date_from": quantity.date_from.isoformat(),
        "date_to": quantity.date_to.isoformat(),
        "quote": quantity.quote,
    }


@require_POST
def claims_propose_view(request: HttpRequest) -> JsonResponse:
    """Answer the proposals for the posted `text`, `published_on` and `source` (analysts only)."""
    if not user_is_analyst(request.user):
        raise PermissionDenied
    text = request.POST.get("text", "").strip()
    if not text:
        return _error("text", "Paste the article's text first.")
    if len(text) > TEXT_MAX_CHARS:
        return _error("text", f"At most {TEXT_MAX_CHARS:,} characters at a time.")
    try:
        published = datetime.date.fromisoformat(request.POST.get("published_on", ""))
    except ValueError:
        return _error("published_on", "Give the document's publication day (YYYY-MM-DD) first.")
    if published > day_latest_allowed():
        return _error("published_on", "The publication day is in the future.")
    source_id = request.POST.get("source", "")
    source = Source.objects.filter(pk=int(source_id)).first() if source_id.isdigit() else None
    if source is None:
        return _error("source", "Pick the document's source first.")
    indexes = indexes_load()
    speaker = Speaker(source.name, source.stance)
    claims = claims_propose(text, published, speaker, indexes)
    quantities = quantities_propose(text, published, speaker, indexes)
    actors = {a.slug: a for a in Actor.objects.all()}
    named = {c.speaker.name for c in claims} | {q.speaker.name for q in quantities}
    sources = {s.name: s for s in Source.objects.filter(name__in=named)}
    return JsonResponse(
        {
            "claims": [_claim_json(c, actors, sources) for c in claims],
            "quantities": [_quantity_json(q, actors, sources) for q in quantities],
        }
    )
