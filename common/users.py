"""The user a signed-in request acts as."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User


def signed_in(user: AbstractBaseUser | AnonymousUser) -> User:
    """Return `user` as the concrete User the records' user links hold.

    For code that only signed-in users reach (the admin's views, the API's writes, which the
    permissions guard): an anonymous user there is a bug, and fails loudly.
    """
    assert isinstance(user, User), "only a signed-in user reaches this code"
    return user
