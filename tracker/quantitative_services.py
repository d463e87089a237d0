"""Every write of quantitative claims: record, change, review, retract.

Quantitative claims do not feed the timeline (the map is built from district claims only), so
no write here recomputes control periods; the audit reads the periods as they are.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from districts.models import Region
from sources.models import Document, Source
from tracker.models import Actor, Claim, QuantitativeClaim


@transaction.atomic
def quantitative_claim_record(
    *,
    document: Document,
    actor: Actor,
    region: Region,
    measure: str,
    value: float,
    date_from: datetime.date,
    date_to: datetime.date | None = None,
    bound: str = QuantitativeClaim.Bound.EXACT,
    source: Source | None = None,
    attribution: str = "",
    quote: str = "",
    note: str = "",
    analyst_note: str = "",
    review_status: str = Claim.Review.PENDING,
    import_key: str | None = None,
    recorded_by: AbstractBaseUser | None = None,
) -> QuantitativeClaim:
    """Record one quantitative claim; its source defaults to the document's, its window to
    the single day `date_from`."""
    claim = QuantitativeClaim(
        document=document,
        source=source or document.source,
        attribution=attribution,
        actor=actor,
        region=region,
        measure=measure,
        value=value,
        bound=bound,
        date_from=date_from,
        date_to=date_to or date_from,
        quote=quote,
        note=note,
        analyst_note=analyst_note,
        review_status=review_status,
        import_key=import_key,
        recorded_by=recorded_by,
    )
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def quantitative_claim_update(*, claim: QuantitativeClaim, **changes) -> QuantitativeClaim:
    """Change a quantitative claim's fields; the history keeps what they were."""
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.full_clean()
    claim.save()
    return claim


def quantitative_claim_review(
    *, claim: QuantitativeClaim, review_status: str, reviewed_by: AbstractBaseUser | None
) -> QuantitativeClaim:
    """Accept, dispute or reject a quantitative claim, recording who reviewed it and when."""
    return quantitative_claim_update(
        claim=claim,
        review_status=review_status,
        reviewed_by=reviewed_by,
        reviewed_at=timezone.now(),
    )


def quantitative_claim_retract(
    *, claim: QuantitativeClaim, retracted_on: datetime.date
) -> QuantitativeClaim:
    """Mark a quantitative claim withdrawn by its source; it stays on record."""
    return quantitative_claim_update(claim=claim, retracted_on=retracted_on)
