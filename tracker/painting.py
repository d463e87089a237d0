"""Enter an assessment map (a published situation map) as claims: one claim per painted district.

An analyst paints a document's map in the admin: districts selected and given a holder (an
actor, or contested), several holders in turn, one window of days for all. `claims_paint`
writes the result the way `tracker.services.claim_record` writes one claim (the document's
source, `full_clean()` on each, pending review, recorded by the analyst), all in one
transaction, then recomputes each affected district in each affected lens once. Any problem
(no district, an unknown district or holder, a window in the future or reversed, a user who
is not an analyst) is raised before anything is written; a failure while writing rolls
everything back.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from districts.models import District
from sources.models import Document
from tracker import services
from tracker.models import Actor, Claim
from tracker.roles import ANALYST, user_in_group
from tracker.timeline import Lens

CONTESTED = "contested"
PAINT_MAX_DISTRICTS = 2000
ANALYSTS_ONLY = (
    "Only members of the 'analyst' group paint assessment maps; ask an administrator to add "
    "your account to it."
)


def _window_check(
    effective_from: datetime.date | None,
    effective_to: datetime.date | None,
    date_precision: str,
    basis: str,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    today = timezone.localdate()
    if effective_from is None:
        problems["effective_from"] = "Give the day the map shows (or the first day of its window)."
    elif effective_from > today:
        problems["effective_from"] = f"{effective_from} is after today: a map shows the past."
    if effective_to is not None and effective_to > today:
        problems["effective_to"] = f"{effective_to} is after today: a map shows the past."
    if effective_from and effective_to and effective_to < effective_from:
        problems["effective_to"] = (
            f"The window ends ({effective_to}) before it starts ({effective_from}): swap them."
        )
    if date_precision not in Claim.Precision.values:
        problems["date_precision"] = f"Use one of {', '.join(Claim.Precision.values)}."
    if basis and basis not in Claim.Basis.values:
        problems["basis"] = f"Use one of {', '.join(Claim.Basis.values)}, or leave it empty."
    return problems


def _assignments_resolve(
    assignments: Mapping[int, str],
) -> list[tuple[District, Actor | None]]:
    """Return (district, holder) per painted district, in slug order; raise on any problem."""
    if not assignments:
        raise ValidationError(
            {"assignments": "No district is painted: select districts and apply a holder first."}
        )
    if len(assignments) > PAINT_MAX_DISTRICTS:
        raise ValidationError(
            {"assignments": f"At most {PAINT_MAX_DISTRICTS} districts can be painted at once."}
        )
    ids = set(assignments)
    districts = {d.pk: d for d in District.objects.filter(pk__in=ids)}
    unknown = sorted(ids - set(districts), key=str)
    actors = {a.slug: a for a in Actor.objects.all()}
    holders = set(assignments.values())
    strange = sorted(h for h in holders if h != CONTESTED and h not in actors)
    problems = []
    if unknown:
        problems.append(
            f"No district has the id {', '.join(map(str, unknown))}: reload the page, the "
            "districts may have changed."
        )
    if strange:
        problems.append(
            f"No actor has the slug {', '.join(map(repr, strange))}: pick a holder from the list "
            f"or {CONTESTED!r}."
        )
    if problems:
        raise ValidationError({"assignments": " ".join(problems)})
    pairs = [
        (districts[pk], None if holder == CONTESTED else actors[holder])
        for pk, holder in assignments.items()
    ]
    return sorted(pairs, key=lambda pair: pair[0].slug)


@transaction.atomic
def claims_paint(
    *,
    document: Document,
    assignments: Mapping[int, str],
    effective_from: datetime.date,
    effective_to: datetime.date | None = None,
    date_precision: str = Claim.Precision.DAY,
    basis: str = Claim.Basis.ASSESSMENT,
    quote: str = "",
    note: str = "",
    recorded_by: User,
) -> list[Claim]:
    """Record one claim per painted district, all in one transaction; return them.

    `assignments` maps a district id to its holder on the map: an actor slug, or `contested`.
    Each claim says the district is held by that actor (kind `held`) or contested, over
    [`effective_from`, `effective_to`] (one day when `effective_to` is empty), is made by the
    document's source, and rests on `basis` (`assessment` unless said otherwise). Raise
    `PermissionDenied` unless `recorded_by` is an analyst, and `ValidationError` (by field) for
    bad input, before writing anything.
    """
    if not user_in_group(recorded_by, ANALYST):
        raise PermissionDenied(ANALYSTS_ONLY)
    problems = _window_check(effective_from, effective_to, date_precision, basis)
    source = document.source
    if source is None:
        problems["document"] = "The document names no source: give it one before painting."
    if problems:
        raise ValidationError(problems)
    assert source is not None  # else the problem above
    pairs = _assignments_resolve(assignments)
    claims = []
    for district, actor in pairs:
        claim = Claim(
            document=document,
            source=source,
            district=district,
            place_name=district.name_en,
            status=Claim.Status.CONTESTED if actor is None else Claim.Status.HELD,
            actor=actor,
            kind=Claim.Kind.CONTESTED if actor is None else Claim.Kind.HELD,
            effective_from=effective_from,
            effective_to=effective_to or effective_from,
            date_precision=date_precision,
            basis=basis,
            quote=quote,
            note=note,
            review_status=Claim.Review.PENDING,
            recorded_by=recorded_by,
        )
        claim.full_clean()
        claim.save()
        claims.append(claim)
    services.timeline_refresh(
        district_ids={district.pk for district, _actor in pairs},
        lenses=set(Lens.names(stances=[source.stance], slugs=[source.slug])),
    )
    return claims
