"""Who may write what: analysts enter the record, reviewers judge it, nobody deletes it."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

ANALYST, REVIEWER = "analyst", "reviewer"
REVIEW_FIELDS = frozenset({"review_status"})
HOW_TO_JOIN = (
    "Sign in (session) or send 'Authorization: Token <key>', and ask an administrator to add "
    "your account to the '{group}' group."
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


def user_sees_rejected(user) -> bool:
    """Analysts and reviewers see rejected claims; the public never does."""
    return user_in_group(user, ANALYST) or user_in_group(user, REVIEWER)


def _method_served(view, request: Request) -> bool:
    """Say whether the view answers this method at all; if not, let it answer 405."""
    return request.method.lower() in view.http_method_names and hasattr(
        view, request.method.lower()
    )


class AnalystWritesOrReadOnly(BasePermission):
    """Anyone reads; only the `analyst` group (or a superuser) writes."""

    message = "Writing needs an account in the 'analyst' group. " + HOW_TO_JOIN.format(
        group=ANALYST
    )

    def has_permission(self, request: Request, view) -> bool:
        if request.method in SAFE_METHODS or not _method_served(view, request):
            return True
        return user_in_group(request.user, ANALYST)


class ClaimWrites(BasePermission):
    """Analysts record and edit claims; only reviewers change `review_status`."""

    message = "Writing claims needs an account in the 'analyst' group. " + HOW_TO_JOIN.format(
        group=ANALYST
    )

    def has_permission(self, request: Request, view) -> bool:
        if request.method in SAFE_METHODS or not _method_served(view, request):
            return True
        user = request.user
        if not user or not user.is_authenticated:
            return False  # answered with 401 and how to authenticate
        data = request.data if hasattr(request.data, "keys") else {}
        fields = set(data.keys())
        if request.method == "PATCH" and fields and fields <= REVIEW_FIELDS:
            self.message = (
                "Changing review_status needs an account in the 'reviewer' group. "
                + HOW_TO_JOIN.format(group=REVIEWER)
            )
            return user_in_group(user, REVIEWER)
        if (
            request.method == "PATCH"
            and fields & REVIEW_FIELDS
            and not user_in_group(user, REVIEWER)
        ):
            self.message = (
                "Changing review_status needs the 'reviewer' group: send it in a "
                "separate PATCH, or " + HOW_TO_JOIN.format(group=REVIEWER)
            )
            return False
        if request.method == "PATCH" and not fields:
            return user_in_group(user, ANALYST) or user_in_group(user, REVIEWER)
        return user_in_group(user, ANALYST)
