"""Every write that changes the record of claims, and the recomputation it triggers.

Each service runs in one transaction and recomputes only the (lens, district) pairs that the
change can affect, so the stored control periods never disagree with the claims.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from common.history import history_note
from districts.models import Alias, District, Region
from districts.names import name_key
from sources.models import Document, Source
from tracker import roles
from tracker.models import Actor, Claim, RegionStatement, SourcedAssertion

# The period recomputation lives in `tracker.periods`; these are its names among the services.
from tracker.periods import horizon_days as horizon_days
from tracker.periods import timeline_rebuild as timeline_rebuild
from tracker.periods import timeline_refresh as timeline_refresh
from tracker.statements import statement_record
from tracker.timeline import Lens


def _claim_lenses(claim: Claim) -> set[str]:
    source = claim.source
    return set(Lens.names(stances=[source.stance], slugs=[source.slug]))


@transaction.atomic
def claim_record(
    *,
    document: Document,
    place_name: str,
    status: str,
    kind: str,
    effective_from: datetime.date,
    effective_to: datetime.date | None = None,
    district: District | None = None,
    actor: Actor | None = None,
    source: Source | None = None,
    date_precision: str = Claim.Precision.DAY,
    basis: str = "",
    quote: str = "",
    note: str = "",
    analyst_note: str = "",
    attribution: str = "",
    recorded_by: User | None = None,
    import_key: str | None = None,
    statement: RegionStatement | None = None,
) -> Claim:
    """Record one claim (its source defaults to the document's) and update the timeline.

    `import_key` names the file row it came from (`tracker.imports`, rule 6), if any;
    `statement` the region statement the claim is one district of (`tracker.statements`)."""
    claim = Claim(
        document=document,
        source=source or document.source,
        attribution=attribution,
        district=district,
        place_name=place_name or (district.name_en if district else ""),
        status=status,
        actor=actor,
        kind=kind,
        effective_from=effective_from,
        effective_to=effective_to or effective_from,
        date_precision=date_precision,
        basis=basis,
        quote=quote,
        note=note,
        analyst_note=analyst_note,
        recorded_by=recorded_by,
        import_key=import_key,
        statement=statement,
    )
    claim.full_clean()
    claim.save()
    if claim.district_id:
        timeline_refresh(district_ids=[claim.district_id], lenses=_claim_lenses(claim))
    return claim


@transaction.atomic
def claims_record_per_district(
    *,
    districts: Iterable[District | None],
    recorded_by: User,
    review_status: str = Claim.Review.PENDING,
    review_reason: str = "",
    retracted_on: datetime.date | None = None,
    region: Region | None = None,
    districts_left_out: Iterable[District] = (),
    **values: Any,
) -> list[Claim]:
    """Record one claim per district its place name resolved to, then review and retract them.

    `values` are what `claim_record` takes; a region's name resolves to its districts (one
    claim each), a district's name to that district, an unknown name to `[None]` (one unmapped
    claim, in the queue of unmapped names). A review other than pending is given by
    `recorded_by` (only a reviewer may: `PermissionDenied`), with `review_reason`; a
    `retracted_on` day marks every claim withdrawn by its source. One transaction: a refused
    review keeps none of the claims. Return the claims, in the order of `districts`.
    A `region` (the place name is its name) groups the claims in one region statement, with
    the region's `districts_left_out` (`tracker.statements`, rule 1).
    """
    statement = None
    if region is not None:
        statement = statement_record(
            region=region,
            place_name=values.get("place_name", ""),
            created_by=recorded_by,
            districts_left_out=districts_left_out,
        )
    claims = [
        claim_record(
            **{**values, "district": district}, recorded_by=recorded_by, statement=statement
        )
        for district in districts
    ]
    if review_status and review_status != Claim.Review.PENDING:
        claims_review_bulk(
            claims=claims,
            review_status=review_status,
            reviewed_by=recorded_by,
            reason=review_reason,
        )
    if retracted_on:
        claims = [
            claim_retract(claim=claim, retracted_on=retracted_on, changed_by=recorded_by)
            for claim in claims
        ]
    return claims


CHANGE_REASON_MAX = 100  # django-simple-history's `history_change_reason` column


def _differs(instance, name: str, value) -> bool:
    """Say whether setting `name` to `value` would change the stored instance."""
    field = instance._meta.get_field(name)
    if field.is_relation:
        return getattr(instance, field.attname) != (value.pk if value is not None else None)
    return getattr(instance, name) != value


def review_changes_apply(
    instance: SourcedAssertion,
    changes: dict[str, Any],
    *,
    by: User | None,
    substance: frozenset[str],
) -> list[str]:
    """Set `changes` on a district or quantitative claim under the review rules; return the
    names of the fields that changed. Nothing is saved.

    - `by` may change only the fields its roles allow (`tracker.roles.changes_check`): review
      fields need a reviewer, the others an analyst (or the server itself, `by` None).
    - A new review status is stamped with `by` and the time; rejecting or disputing takes a
      reason (`review_reason`), and accepting or returning to pending clears an old one.
    - A change of substance (`substance`) to an accepted claim returns it to pending, its
      review stamps cleared, unless a reviewer makes it; the history keeps who changed what
      and says why the claim went back.
    """
    changed = [name for name, value in changes.items() if _differs(instance, name, value)]
    roles.changes_check(by, changed)
    for name in changed:
        setattr(instance, name, changes[name])
    if "review_status" in changed:
        if "review_reason" not in changes:
            instance.review_reason = ""
        instance.reviewed_by, instance.reviewed_at = by, timezone.now()
    if {"review_status", "review_reason"} & set(changed):
        instance.review_reason = roles.review_reason_check(
            instance.review_status, instance.review_reason
        )
    moved = sorted(set(changed) & substance)
    if (
        moved
        and instance.review_status == Claim.Review.ACCEPTED
        and "review_status" not in changed
        and not roles.review_keeps_acceptance(by)
    ):
        instance.review_status = Claim.Review.PENDING
        instance.reviewed_by, instance.reviewed_at, instance.review_reason = None, None, ""
        why = f"Back to pending: {', '.join(moved)} changed without a reviewer"
        if len(why) > CHANGE_REASON_MAX:
            why = why[: CHANGE_REASON_MAX - 1] + "…"
        history_note(instance, reason=why)
        changed.append("review_status")
    history_note(instance, by=by)  # who, in the history, even outside a web request
    return changed


@transaction.atomic
def claim_update(*, claim: Claim, changed_by: User | None = None, **changes) -> Claim:
    """Change a claim's fields as `changed_by` and recompute what it touched before and after.

    The review rules of `review_changes_apply` hold: an analyst's (or the server's) change of
    substance returns an accepted claim to pending; a reviewer changes only the review fields
    (`PermissionDenied` otherwise, naming the fields).
    """
    before_district, before_lenses = claim.district_id, _claim_lenses(claim)
    review_changes_apply(claim, changes, by=changed_by, substance=roles.CLAIM_SUBSTANCE_FIELDS)
    claim.full_clean()
    claim.save()
    districts = {d for d in (before_district, claim.district_id) if d}
    timeline_refresh(district_ids=districts, lenses=before_lenses | _claim_lenses(claim))
    return claim


def review_changes(*, review_status: str, reviewed_by: User | None, reason: str = "") -> dict:
    """Return the review fields that judging claims `review_status` sets, after the checks every
    review passes: `reviewed_by` is a reviewer (`PermissionDenied`), the status exists, and a
    rejection or dispute states its reason (`ValidationError` on `reason`)."""
    roles.changes_check(reviewed_by, roles.REVIEW_FIELDS)
    if review_status not in Claim.Review.values:
        raise ValidationError(
            {
                "review_status": f"Unknown review status {review_status!r}: use one of "
                f"{', '.join(Claim.Review.values)}."
            }
        )
    reason = roles.review_reason_check(review_status, reason)
    return {"review_status": review_status, "review_reason": reason}


def claim_review(
    *, claim: Claim, review_status: str, reviewed_by: User | None, reason: str = ""
) -> Claim:
    """Accept, dispute or reject one claim as `reviewed_by`, with the reason (required to
    reject or dispute); record who reviewed it and when, and recompute its timeline."""
    changes = review_changes(review_status=review_status, reviewed_by=reviewed_by, reason=reason)
    return claim_update(claim=claim, changed_by=reviewed_by, **changes)


def claim_retract(
    *, claim: Claim, retracted_on: datetime.date, changed_by: User | None = None
) -> Claim:
    """Mark a claim withdrawn by its source; it stays on record but no longer counts.

    Retracting an accepted claim returns it to pending unless a reviewer does it.
    """
    return claim_update(claim=claim, changed_by=changed_by, retracted_on=retracted_on)


@transaction.atomic
def place_name_map(
    *,
    name: str,
    district: District | None = None,
    region: Region | None = None,
    mapped_by: User | None = None,
) -> list[Claim]:
    """Map a place name once: add it as an alias and map every unmapped claim that uses it.

    A name mapped to a region maps each claim to the region's first district and records a
    copy of the claim for each other district of the region, the claim and its copies grouped
    in one region statement (`tracker.statements`). Giving an accepted claim a
    district changes its substance: unless `mapped_by` is a reviewer, it returns to pending.
    """
    if (district is None) == (region is None):
        raise ValueError("Map the name to exactly one district or one region.")
    key = name_key(name)
    if not key:
        raise ValueError("The name is empty once folded; give a place name with letters in it.")
    alias, _ = Alias.objects.update_or_create(
        key=key,
        defaults={
            "name": name,
            "district": district,
            "region": region,
            "origin": Alias.Origin.ANALYST,
        },
    )
    alias.full_clean()
    if district is not None:
        targets = [district]
    else:
        assert region is not None  # checked above: one of the two is given
        targets = list(region.districts.order_by("slug"))
    if not targets:
        raise ValueError(f"The region {region} has no districts; add some before mapping to it.")
    waiting = [
        c for c in Claim.objects.filter(district__isnull=True) if name_key(c.place_name) == key
    ]
    mapped: list[Claim] = []
    for claim in waiting:
        first, *others = targets
        if region is not None:
            claim.statement = statement_record(
                region=region, place_name=claim.place_name, created_by=mapped_by
            )
        substance = roles.CLAIM_SUBSTANCE_FIELDS
        review_changes_apply(claim, {"district": first}, by=mapped_by, substance=substance)
        claim.save()
        mapped.append(claim)
        for other in others:
            copy = Claim.objects.get(pk=claim.pk)
            copy.pk = None
            copy.import_key = f"{claim.import_key}:{other.slug}" if claim.import_key else None
            review_changes_apply(copy, {"district": other}, by=mapped_by, substance=substance)
            copy.save()
            mapped.append(copy)
    lenses = set().union(*(_claim_lenses(c) for c in mapped)) if mapped else set()
    timeline_refresh(
        district_ids={c.district_id for c in mapped if c.district_id is not None}, lenses=lenses
    )
    # The name may now denote a region where it denoted a district, or the reverse: claims
    # already mapped under it are weighed differently (rule 3 of `tracker.timeline`).
    place_names_refresh(keys={key})
    return mapped


@transaction.atomic
def place_names_refresh(*, keys: Iterable[str]) -> int:
    """Recompute every mapped claim whose place name folds to one of `keys`, in its lenses.

    Call it when what a name denotes changes (an alias added, moved or removed, a region
    renamed): whether a claim speaks of a region or of its district by name is read from its
    place name. Return how many claims were touched.
    """
    keys = {k for k in keys if k}
    if not keys:
        return 0
    names = Claim.objects.filter(district__isnull=False).values_list("place_name", flat=True)
    matching = {n for n in set(names.order_by().distinct()) if name_key(n) in keys}
    touched = list(
        Claim.objects.filter(district__isnull=False, place_name__in=matching).select_related(
            "source"
        )
    )
    timeline_refresh(
        district_ids={c.district_id for c in touched if c.district_id is not None},
        lenses=set().union(*(_claim_lenses(c) for c in touched)) if touched else set(),
    )
    return len(touched)


@transaction.atomic
def claims_review_bulk(
    *, claims: Iterable[Claim], review_status: str, reviewed_by: User, reason: str = ""
) -> list[Claim]:
    """Give each claim `review_status` as judged by `reviewed_by`; return the claims changed.

    The checks of `review_changes` run before anything is written (only a reviewer judges
    claims; a rejection or dispute states its reason). Each claim is saved on its own, so its
    history keeps the change, who made it and why; claims already in that status are left
    alone. The timeline of the districts touched is recomputed once, in the same transaction.
    """
    changes = review_changes(review_status=review_status, reviewed_by=reviewed_by, reason=reason)
    changed: list[Claim] = []
    for claim in claims:
        if claim.review_status == review_status:
            continue
        review_changes_apply(claim, changes, by=reviewed_by, substance=roles.CLAIM_SUBSTANCE_FIELDS)
        claim.full_clean()
        claim.save()
        changed.append(claim)
    timeline_refresh(
        district_ids={c.district_id for c in changed if c.district_id},
        lenses=set().union(*(_claim_lenses(c) for c in changed)) if changed else set(),
    )
    return changed


def _actor_subtree(actor: Actor) -> set[int]:
    """Return the ids of `actor` and of every actor inside it, however deep."""
    children: dict[int, list[int]] = defaultdict(list)
    for pk, parent in Actor.objects.values_list("pk", "parent_id"):
        if parent is not None:
            children[parent].append(pk)
    found, todo = set(), [actor.pk]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children[pk])
    return found


@transaction.atomic
def actor_update(*, actor: Actor, **changes) -> Actor:
    """Change an actor (its parent coalition, names, colour) and recompute what it touches.

    A new parent moves the actor and all its members into another coalition, which changes
    what their claims say (whose side holds the place) and which claims are admissions against
    interest (sources speaking for them). Every lens of every district that such a claim is
    about is recomputed, in this transaction. A parent that would make a cycle is refused.
    """
    before = actor.parent_id
    for name, value in changes.items():
        setattr(actor, name, value)
    actor.full_clean()
    actor.save()
    if actor.parent_id == before:
        return actor
    subtree = _actor_subtree(actor)
    touched = (
        Claim.objects.filter(district__isnull=False)
        .filter(Q(actor__in=subtree) | Q(source__actor__in=subtree))
        .select_related("source")
    )
    districts: set[int] = set()
    lenses: set[str] = set()
    for claim in touched:
        if claim.district_id is not None:  # always: the query asks for mapped claims
            districts.add(claim.district_id)
        lenses |= _claim_lenses(claim)
    timeline_refresh(district_ids=districts, lenses=lenses)
    return actor
