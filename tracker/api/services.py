"""Writes the API makes that `tracker.services` does not offer yet: sources and documents, and a
claim PATCH that may both edit and review. Each recomputes the timeline where a change can
move it. (Candidates for `sources/services.py` and `tracker/services.py`.)"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from sources.models import Document, Source
from tracker.models import Claim
from tracker.services import claim_review, claim_update


@transaction.atomic
def source_create(**fields: Any) -> Source:
    """Add a source. It has no claims yet, so no period can change."""
    source = Source(**fields)
    source.full_clean()
    source.save()
    return source


def _document_unique(document: Document) -> None:
    """Refuse a second document with the same URL (or, without URL, the same citation)."""
    others = Document.objects.exclude(pk=document.pk) if document.pk else Document.objects
    if document.url:
        same = others.filter(url=document.url).first()
        if same:
            raise ValidationError(
                {
                    "url": ValidationError(
                        f"Document {same.pk} already has this URL: add the claims to it.",
                        code="unique",
                    )
                }
            )
    else:
        same = others.filter(url__isnull=True, citation=document.citation).first()
        if same:
            raise ValidationError(
                {
                    "citation": ValidationError(
                        f"Document {same.pk} already has this citation and no URL: add the "
                        "claims to it, or give this one its URL.",
                        code="unique",
                    )
                }
            )


@transaction.atomic
def document_create(**fields: Any) -> Document:
    """Add a document. Its claims are recorded separately with `claim_record`."""
    document = Document(**fields)
    _document_unique(document)
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def document_update(*, document: Document, **changes: Any) -> Document:
    """Change a document's bibliographic fields; its claims keep their own source."""
    for name, value in changes.items():
        setattr(document, name, value)
    _document_unique(document)
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def claim_change(
    *,
    claim: Claim,
    changes: dict[str, Any],
    review_status: str | None = None,
    reason: str | None = None,
    user: User | None = None,
) -> Claim:
    """Edit a claim's fields (`claim_update`), then review it (`claim_review`), as `user`, in
    one transaction. A reason without a new status changes the reason of the current one."""
    if changes:
        claim = claim_update(claim=claim, changed_by=user, **changes)
    if review_status is not None:
        claim = claim_review(
            claim=claim, review_status=review_status, reviewed_by=user, reason=reason or ""
        )
    elif reason is not None:
        claim = claim_update(claim=claim, changed_by=user, review_reason=reason)
    return claim
