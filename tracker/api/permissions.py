"""Who may write what through the API, read from `tracker.roles` (the one home of the roles):
analysts enter the record, reviewers judge it, nobody deletes it."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from tracker.roles import (
    ANALYST,
    HOW_TO_JOIN,
    REVIEWER,
    fields_refused,
    user_in_group,
    user_is_analyst,
    user_is_reviewer,
    user_sees_rejected,
)

__all__ = [
    "ANALYST",
    "REVIEWER",
    "REVIEW_FIELDS",
    "AnalystWritesOrReadOnly",
    "ClaimWrites",
    "user_in_group",
    "user_sees_rejected",
]

# The review fields as a claim PATCH names them, and the model field each one sets.
API_FIELDS = {"reason": "review_reason"}
REVIEW_FIELDS = frozenset({"review_status", "reason"})


def _method_served(view, request: Request) -> bool:
    """Say whether the view answers this method at all; if not, let it answer 405."""
    method = (request.method or "").lower()
    return method in view.http_method_names and hasattr(view, method)


class AnalystWritesOrReadOnly(BasePermission):
    """Anyone reads; only the `analyst` group (or a superuser) writes."""

    message = "Writing needs an account in the 'analyst' group. " + HOW_TO_JOIN.format(
        group=ANALYST
    )

    def has_permission(self, request: Request, view) -> bool:
        if request.method in SAFE_METHODS or not _method_served(view, request):
            return True
        return user_is_analyst(request.user)


def _refused_message(refused: list[str]) -> str:
    review = [f for f in refused if f in REVIEW_FIELDS]
    content = [f for f in refused if f not in REVIEW_FIELDS]
    parts = []
    if content:
        parts.append(
            f"Changing {', '.join(content)} needs the '{ANALYST}' group: reviewers change only "
            "review_status and reason; send those in a separate PATCH, or"
        )
    if review:
        parts.append(
            f"Changing {', '.join(review)} needs the '{REVIEWER}' group: send the other fields "
            "in a separate PATCH, or"
        )
    group = ANALYST if content else REVIEWER
    return " ".join(parts) + " " + HOW_TO_JOIN.format(group=group)


class ClaimWrites(BasePermission):
    """Analysts record claims and change what they say; reviewers change only the review
    fields (`review_status`, `reason`); a user in both groups does both in one PATCH."""

    message = "Writing claims needs an account in the 'analyst' group. " + HOW_TO_JOIN.format(
        group=ANALYST
    )

    def has_permission(self, request: Request, view) -> bool:
        if request.method in SAFE_METHODS or not _method_served(view, request):
            return True
        user = request.user
        if not user or not user.is_authenticated:
            return False  # answered with 401 and how to authenticate
        if request.method != "PATCH":
            return user_is_analyst(user)
        data = request.data if hasattr(request.data, "keys") else {}
        fields = sorted(data.keys())
        if not fields:
            return user_is_analyst(user) or user_is_reviewer(user)
        by_model = {API_FIELDS.get(f, f): f for f in fields}
        refused = [by_model[f] for f in fields_refused(user, by_model)]
        if refused:
            self.message = _refused_message(refused)
            return False
        return True
