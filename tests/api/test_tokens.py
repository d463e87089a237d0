"""API tokens: issued once and printed, stored only as a digest, expiring, sent as before
(`Authorization: Token <key>`); the plain-text tokens of before the change keep working."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from tests.api.test_writes import _new_claim
from tracker.models import ApiToken
from tracker.tokens import api_token_issue, legacy_tokens_adopt, token_digest

pytestmark = pytest.mark.django_db


def writes_with(key: str, world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.post("/api/v1/claims/", _new_claim(world), format="json")


def test_a_token_issued_by_the_command_is_printed_once_and_writes(world, users):
    out = io.StringIO()
    call_command("issue_token", "ana", "--name", "import bot", stdout=out, stderr=io.StringIO())
    key = out.getvalue().strip()
    assert len(key) == 40
    assert writes_with(key, world).status_code == 201
    token = ApiToken.objects.get(user=users["analyst"])
    assert token.name == "import bot" and token.prefix == key[:8]


def test_the_database_keeps_a_digest_never_the_key(users):
    token, key = api_token_issue(user=users["analyst"])
    stored = ApiToken.objects.filter(pk=token.pk).values()[0]
    assert key not in {str(value) for value in stored.values()}
    assert stored["digest"] == token_digest(key) != key


def test_a_token_expires_after_the_configured_days(settings, world, users):
    settings.TRACKER_TOKEN_TTL_DAYS = 7
    token, key = api_token_issue(user=users["analyst"])
    week = timezone.now() + datetime.timedelta(days=7)
    assert abs(token.expires - week) < datetime.timedelta(minutes=1)
    ApiToken.objects.filter(pk=token.pk).update(expires=timezone.now())
    refused = writes_with(key, world)
    assert refused.status_code == 401 and "expired" in refused.json()["detail"]


def test_an_unknown_key_or_an_inactive_user_is_refused(world, users):
    assert writes_with("0" * 40, world).status_code == 401
    _, key = api_token_issue(user=users["analyst"])
    users["analyst"].is_active = False
    users["analyst"].save()
    assert writes_with(key, world).status_code == 401


def test_issuing_for_an_unknown_user_names_it():
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("issue_token", "nobody")


def test_a_plain_text_token_of_before_the_upgrade_keeps_working_hashed(world, users):
    """The migration hashes the keys of Django REST framework's token table into the new one
    and drops the old table, so no key stays readable and no client has to change."""
    key = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    with connection.cursor() as cursor:
        cursor.execute(
            'CREATE TABLE "authtoken_token" ("key" varchar(40) PRIMARY KEY, '
            '"created" timestamp NOT NULL, "user_id" integer NOT NULL)'
        )
        cursor.execute(
            'INSERT INTO "authtoken_token" ("key", "created", "user_id") VALUES (%s, %s, %s)',
            [key, datetime.datetime(2016, 12, 1, 9, 30), users["analyst"].pk],
        )
    assert legacy_tokens_adopt(connection, ApiToken) == 1
    assert "authtoken_token" not in connection.introspection.table_names()
    adopted = ApiToken.objects.get(user=users["analyst"])
    assert adopted.created.date() == datetime.date(2016, 12, 1)
    assert adopted.expires > timezone.now() + datetime.timedelta(days=89)
    assert writes_with(key, world).status_code == 201
    assert legacy_tokens_adopt(connection, ApiToken) == 0  # a new database has no old table


def test_the_admin_lists_tokens_by_prefix_and_never_shows_a_key(client, users):
    token, key = api_token_issue(user=users["analyst"], name="import bot")
    client.force_login(users["admin"])
    listing = client.get("/admin/tracker/apitoken/")
    assert listing.status_code == 200
    assert token.prefix.encode() in listing.content and b"import bot" in listing.content
    assert key.encode() not in listing.content
    assert client.get("/admin/tracker/apitoken/add/").status_code == 403
    client.post(f"/admin/tracker/apitoken/{token.pk}/delete/", {"post": "yes"})
    assert not ApiToken.objects.filter(pk=token.pk).exists()
