"""Who may change what: the one home of the roles, read by the services, the admin and the API.

Analysts (group `analyst`) enter the record: they record claims and change what a claim says.
Reviewers (group `reviewer`) judge it: they change the review fields and nothing else. A user
in both groups does both; a superuser counts as a member of every group. Nobody deletes a claim.

A reviewed fact cannot change without a reviewer: when a claim that is `accepted` changes in
substance (what the engine weighs, or where the claim comes from), the change returns it to
`pending` unless a reviewer makes it. Rejecting or disputing a claim takes a reason.

This module reads no model and imports neither the API nor the admin, so the claims core can
import it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError

ANALYST, REVIEWER = "analyst", "reviewer"

# What a reviewer changes (the services stamp `reviewed_by` and `reviewed_at` beside them).
REVIEW_FIELDS = frozenset({"review_status", "review_reason"})
REVIEW_STAMP_FIELDS = frozenset({"reviewed_by", "reviewed_at"})
# A change to any of these returns an accepted claim to pending unless a reviewer makes it.
CLAIM_SUBSTANCE_FIELDS = frozenset(
    {
        "district",
        "place_name",
        "status",
        "kind",
        "actor",
        "effective_from",
        "effective_to",
        "source",
        "document",
        "retracted_on",
    }
)
QUANTITATIVE_SUBSTANCE_FIELDS = frozenset(
    {
        "actor",
        "region",
        "measure",
        "value",
        "bound",
        "date_from",
        "date_to",
        "source",
        "document",
        "retracted_on",
    }
)
# Review statuses that need a stated reason, and how long a reason may be.
REASON_NEEDED = frozenset({"rejected", "disputed"})
REASON_MAX_LENGTH = 500

HOW_TO_JOIN = (
    "Sign in (session) or send 'Authorization: Token <key>', and ask an administrator to add "
    "your account to the '{group}' group."
)
REVIEWERS_ONLY = (
    "Only members of the 'reviewer' group accept, dispute or reject claims; ask an "
    "administrator to add your account to it."
)


def user_in_group(user, group: str) -> bool:
    """Say whether the user is in `group`; superusers count as members of every group."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_tracker_groups", {})
    if group not in cache:
        cache[group] = user.groups.filter(name=group).exists()
    return cache[group]


def user_is_analyst(user) -> bool:
    """Say whether the user enters the record (group `analyst`, or a superuser)."""
    return user_in_group(user, ANALYST)


def user_is_reviewer(user) -> bool:
    """Say whether the user judges the record (group `reviewer`, or a superuser)."""
    return user_in_group(user, REVIEWER)


def user_sees_rejected(user) -> bool:
    """Analysts and reviewers see rejected claims; the public never does."""
    return user_is_analyst(user) or user_is_reviewer(user)


def reviewer_check(user) -> None:
    """Refuse (`PermissionDenied`) anyone but a reviewer: the one check every review passes."""
    if not user_is_reviewer(user):
        raise PermissionDenied(REVIEWERS_ONLY)


def fields_refused(user, fields: Iterable[str]) -> list[str]:
    """Return, sorted, the fields of `fields` that `user` may not change.

    Review fields need a reviewer. Every other field needs an analyst, except when `user` is
    None: a process of the server itself (an import, a command), which enters the record but
    never reviews it.
    """
    fields = set(fields)
    refused = set() if user_is_reviewer(user) else fields & REVIEW_FIELDS
    others = fields - REVIEW_FIELDS - REVIEW_STAMP_FIELDS
    if user is not None and not user_is_analyst(user):
        refused |= others
    return sorted(refused)


def fields_refused_message(refused: Iterable[str]) -> str:
    """Say which fields were refused and which group changes them."""
    refused = sorted(refused)
    review = [f for f in refused if f in REVIEW_FIELDS]
    content = [f for f in refused if f not in REVIEW_FIELDS]
    parts = []
    if content:
        parts.append(
            f"Changing {', '.join(content)} needs the '{ANALYST}' group: reviewers change only "
            f"{', '.join(sorted(REVIEW_FIELDS))}."
        )
    if review:
        parts.append(f"Changing {', '.join(review)} needs the '{REVIEWER}' group.")
    return " ".join(parts) + " Ask an administrator to add your account to the group."


def changes_check(user, fields: Iterable[str]) -> None:
    """Refuse (`PermissionDenied`, naming the fields) a change `user` may not make."""
    refused = fields_refused(user, fields)
    if refused:
        raise PermissionDenied(fields_refused_message(refused))


def review_keeps_acceptance(user) -> bool:
    """Say whether a change of substance by `user` keeps an accepted claim accepted."""
    return user_is_reviewer(user)


def review_reason_check(review_status: str, reason: str | None) -> str:
    """Return the reason, stripped; refuse (`ValidationError` on `reason`) a missing or long one.

    Rejecting or disputing a claim takes a reason of at most `REASON_MAX_LENGTH` characters;
    accepting it or returning it to pending may give one.
    """
    reason = (reason or "").strip()
    if review_status in REASON_NEEDED and not reason:
        raise ValidationError(
            {
                "reason": f"Say why the claim is {review_status}: a reason is required to "
                "reject or dispute a claim, and is kept in its history."
            }
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": f"Shorten the reason to at most {REASON_MAX_LENGTH} characters "
                f"(it has {len(reason)})."
            }
        )
    return reason
