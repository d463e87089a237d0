"""Every write of quantitative claims: record, change, review, retract.

Quantitative claims do not feed the timeline (the map is built from district claims only), so
no write here recomputes control periods; the audit reads the periods as they are.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import User
from django.db import transaction

from districts.models import Region
from quantitative.models import QuantitativeClaim
from sources.models import Document, Source
from tracker import roles
from tracker.models import Actor
from tracker.services import review_changes, review_changes_apply


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
    import_key: str | None = None,
    recorded_by: User | None = None,
) -> QuantitativeClaim:
    """Record one quantitative claim, pending review; its source defaults to the document's,
    its window to the single day `date_from`."""
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
        import_key=import_key,
        recorded_by=recorded_by,
    )
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def quantitative_claim_update(
    *, claim: QuantitativeClaim, changed_by: User | None = None, **changes
) -> QuantitativeClaim:
    """Change a quantitative claim's fields as `changed_by`; the history keeps what they were.

    The review rules of `tracker.services.review_changes_apply` hold: a change to an accepted
    claim's value, subject, window, source, document or retraction returns it to pending unless
    a reviewer makes it; a reviewer changes only the review fields.
    """
    review_changes_apply(
        claim, changes, by=changed_by, substance=roles.QUANTITATIVE_SUBSTANCE_FIELDS
    )
    claim.full_clean()
    claim.save()
    return claim


def quantitative_claim_review(
    *,
    claim: QuantitativeClaim,
    review_status: str,
    reviewed_by: User | None,
    reason: str = "",
) -> QuantitativeClaim:
    """Accept, dispute or reject a quantitative claim as `reviewed_by` (a reviewer), with the
    reason (required to reject or dispute), recording who reviewed it and when."""
    changes = review_changes(review_status=review_status, reviewed_by=reviewed_by, reason=reason)
    return quantitative_claim_update(claim=claim, changed_by=reviewed_by, **changes)


def quantitative_claim_retract(
    *,
    claim: QuantitativeClaim,
    retracted_on: datetime.date,
    changed_by: User | None = None,
) -> QuantitativeClaim:
    """Mark a quantitative claim withdrawn by its source; it stays on record (an accepted one
    returns to pending unless a reviewer retracts it)."""
    return quantitative_claim_update(claim=claim, changed_by=changed_by, retracted_on=retracted_on)
