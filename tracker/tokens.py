"""API tokens: issued once, stored as a digest, valid for a limited time.

Rules:
- A key is 40 random hexadecimal characters (160 bits), shown to whoever issues it and never
  again: the database keeps only its SHA-256 digest and its first 8 characters. A fast hash is
  enough for keys this random (no list of likely keys to try); a slow password hash would cost
  every API request a fraction of a second.
- A key works until its `expires`, TRACKER_TOKEN_TTL_DAYS (default 90) days after it is issued,
  and only while its user is active.
- Clients send it as before: `Authorization: Token <key>`.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from tracker.models import ApiToken

PREFIX_LENGTH = 8
LEGACY_TABLE = "authtoken_token"  # Django REST framework's plain-text tokens, before hashing


def token_digest(key: str) -> str:
    """The stored form of a key: its SHA-256 digest in hexadecimal."""
    return hashlib.sha256(key.encode()).hexdigest()


def token_ttl() -> datetime.timedelta:
    """How long a newly issued key works (setting TRACKER_TOKEN_TTL_DAYS)."""
    return datetime.timedelta(days=settings.TRACKER_TOKEN_TTL_DAYS)


@transaction.atomic
def api_token_issue(*, user: User, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    """Issue a new key for `user`; return the stored token and the key, which is not kept."""
    key = secrets.token_hex(20)
    ttl = token_ttl() if days is None else datetime.timedelta(days=days)
    token = ApiToken.objects.create(
        user=user,
        digest=token_digest(key),
        prefix=key[:PREFIX_LENGTH],
        name=name,
        expires=timezone.now() + ttl,
    )
    return token, key


class ApiTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, checked against the stored digests and their expiry."""

    model = ApiToken

    def authenticate_credentials(self, key: str):
        token = self.model.objects.select_related("user").filter(digest=token_digest(key)).first()
        if token is None:
            raise AuthenticationFailed("Invalid token.")
        if token.expires <= timezone.now():
            raise AuthenticationFailed(
                f"This token expired on {token.expires:%Y-%m-%d}; ask an administrator for a "
                "new one."
            )
        if not token.user.is_active:
            raise AuthenticationFailed("User inactive or deleted.")
        return token.user, token


def _aware(value) -> datetime.datetime:
    """A timestamp read with raw SQL (text on SQLite, naive or aware) as an aware datetime."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else timezone.make_aware(value, datetime.UTC)


def _adopted(token_model, key: str, *, user_id: int, created) -> ApiToken:
    """A plain-text key as a stored digest, expiring a full TTL from now."""
    return token_model(
        user_id=user_id,
        digest=token_digest(key),
        prefix=key[:PREFIX_LENGTH],
        name="plain-text token, hashed on upgrade",
        created=_aware(created) if created else timezone.now(),
        expires=timezone.now() + token_ttl(),
    )


def legacy_token_restore(key: str, *, username: str, created) -> ApiToken:
    """Store a plain-text key read from an old backup as a digest (for `tracker.backup`)."""
    user = get_user_model()._default_manager.get_by_natural_key(username)
    token = _adopted(ApiToken, key, user_id=user.pk, created=created)
    token.save()
    return token


def legacy_tokens_adopt(connection, token_model) -> int:
    """Move plain-text keys of the old token table into `token_model` as digests, then drop
    the old table, so existing clients keep working and no key stays readable. Each adopted
    key expires a full TTL after the move. Returns how many keys were moved (0 when there is
    no old table, as on a new database)."""
    if LEGACY_TABLE not in connection.introspection.table_names():
        return 0
    with connection.cursor() as cursor:
        cursor.execute('SELECT "key", "user_id", "created" FROM "authtoken_token"')
        rows = cursor.fetchall()
        token_model.objects.bulk_create(
            _adopted(token_model, key, user_id=user_id, created=created)
            for key, user_id, created in rows
        )
        cursor.execute('DROP TABLE "authtoken_token"')
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", ["authtoken"])
    return len(rows)
