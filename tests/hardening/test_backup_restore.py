"""A backup and restore round trip leaves every API response the same; credentials stay out
of a backup unless asked for, and a restore says what it replaces before it does."""

import datetime
import io
import os
import re
import stat

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client
from rest_framework.exceptions import AuthenticationFailed

from districts.name_import import aliases_import, regions_import
from districts.polygon_import import districts_import
from quantitative.demo import DEMO_QUANTITATIVE
from quantitative.imports import quantitative_claims_import
from quantitative.models import QuantitativeClaim
from tests.factories import ClaimFactory, DistrictFactory, UserFactory, user_in_groups
from tracker.demo import DEMO_ALIASES, DEMO_CLAIMS, DEMO_DISTRICTS, DEMO_REGIONS
from tracker.imports import claims_import
from tracker.models import ApiToken, Claim, ControlPeriod
from tracker.services import claim_record, claim_review
from tracker.tokens import ApiTokenAuthentication, api_token_issue

User = get_user_model()

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

URLS = [
    "/api/v1/districts/",
    "/api/v1/districts/hanano/history/?lens=consensus",
    "/api/v1/control/?on=2016-12-07&lens=consensus",
    "/api/v1/control/?on=2016-11-28&lens=source:sohr",
    "/api/v1/timeline/?lens=consensus",
    "/api/v1/changes/?since=2016-11-01&until=2016-12-31&lens=consensus",
    "/api/v1/claims/?format=csv&page_size=1000",
    "/api/v1/sources/",
    "/api/v1/documents/?page_size=1000",
    "/api/v1/actors/",
    "/api/v1/quantitative-claims/?page_size=1000",
    "/map/districts.geojson",
]


def responses(client) -> dict[str, bytes]:
    got = {}
    for url in URLS:
        response = client.get(url, HTTP_ACCEPT_ENCODING="identity")
        assert response.status_code == 200, url
        got[url] = response.getvalue()  # the CSV is streamed: no .content
    return got


@pytest.fixture
def dataset():
    """The demo's polygons, regions, spellings, the hand-off's claims (with their sources,
    documents, history and periods) and the quantitative claims: every kind of row the backup
    carries. The sourced record (`tracker/data/record/`) is left out: it adds thousands of rows
    of the same kinds, and minutes to a test that cannot share a load (it needs real
    transactions: a restore flushes the tables)."""
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    aliases_import(DEMO_ALIASES)
    claims_import(DEMO_CLAIMS)
    quantitative_claims_import(DEMO_QUANTITATIVE)
    reviewer = user_in_groups("reviewer", "reviewer")
    claim_review(
        claim=Claim.objects.first(),
        review_status="rejected",
        reviewed_by=reviewer,
        reason="Contradicted",
    )


def test_restoring_a_backup_brings_back_every_response(client, dataset, tmp_path):
    assert Claim.objects.filter(district__slug="hanano").exists()
    assert QuantitativeClaim.objects.exists() and ControlPeriod.objects.exists()
    before = responses(client)
    backup = tmp_path / "dataset.xml.gz"
    call_command("backup_data", str(backup))
    # Change the record after the backup: a new claim moves Hanano.
    first = Claim.objects.filter(district__slug="hanano").first()
    claim_record(
        document=first.document,
        district=first.district,
        place_name="Hanano",
        status="held",
        actor=first.actor.__class__.objects.get(slug="rebels"),
        kind="captured",
        effective_from=datetime.date(2016, 12, 1),
    )
    assert responses(client) != before
    call_command("restore_data", str(backup), "--yes")
    assert responses(client) == before


def test_a_broken_backup_restores_nothing_and_keeps_the_data(client, dataset, tmp_path):
    before = responses(client)
    broken = tmp_path / "broken.xml"
    broken.write_text(
        '<?xml version="1.0"?><django-objects version="1.0"><object model="tracker.claim"'
    )
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore_data", str(broken), "--yes")
    assert responses(client) == before


def test_a_backup_file_name_must_say_its_format(tmp_path):
    with pytest.raises(CommandError, match=r"ending in one of \.xml"):
        call_command("backup_data", str(tmp_path / "dataset.json"))


def test_restoring_a_missing_file_says_which_file(tmp_path):
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore_data", str(tmp_path / "nope.json"))


# Credentials: password hashes, API tokens and sessions stay out of a backup unless asked for;
# a backup is readable by its owner only; a restore says what it replaces and asks first.


@pytest.fixture
def accounts():
    """Two users with API tokens and a signed-in session, and a claim reviewed by one of
    them (so the records name a user)."""
    analyst = UserFactory(username="ana")
    reviewer = user_in_groups("rev", "reviewer")
    claim = ClaimFactory(district=DistrictFactory(slug="hanano"))
    claim_review(claim=claim, review_status="accepted", reviewed_by=reviewer)
    Client().force_login(analyst)
    return {
        "analyst": analyst,
        "reviewer": reviewer,
        "keys": {
            name: api_token_issue(user=user)[1]
            for name, user in [("ana", analyst), ("rev", reviewer)]
        },
    }


def token_user(key: str):
    """The user a key authenticates, or None."""
    try:
        return ApiTokenAuthentication().authenticate_credentials(key)[0].username
    except AuthenticationFailed:
        return None


@pytest.fixture
def usual_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize("name", ["dataset.xml", "dataset.xml.gz"])
def test_a_backup_is_readable_by_its_owner_only(accounts, tmp_path, usual_umask, name):
    backup = tmp_path / name
    backup.write_text("an older file of the same name")
    backup.chmod(0o644)
    call_command("backup_data", str(backup))
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_a_backup_leaves_out_password_hashes_tokens_and_sessions(accounts, tmp_path):
    backup = tmp_path / "dataset.xml"
    call_command("backup_data", str(backup))
    text = backup.read_text()
    analyst = accounts["analyst"]
    assert "<natural>rev</natural>" in text and 'model="auth.user"' in text
    assert analyst.password not in text
    assert not any(t.digest in text for t in ApiToken.objects.all())
    assert 'model="tracker.apitoken"' not in text and 'model="sessions.session"' not in text
    assert Session.objects.exists()


def test_a_backup_with_credentials_holds_them(accounts, tmp_path):
    backup = tmp_path / "dataset.xml"
    call_command("backup_data", str(backup), "--include-credentials")
    text = backup.read_text()
    assert accounts["analyst"].password in text
    assert all(t.digest in text for t in ApiToken.objects.all())
    assert 'model="sessions.session"' in text
    assert not any(key in text for key in accounts["keys"].values())  # digests, never keys


def test_restore_lists_what_it_replaces_and_refuses_without_yes(accounts, tmp_path):
    backup = tmp_path / "dataset.xml.gz"
    call_command("backup_data", str(backup))
    ClaimFactory(district=DistrictFactory(slug="ash-shaar"))
    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_data", str(backup), stdout=out)
    listing = out.getvalue()
    assert re.search(r"tracker\.claim\s+2 -> 1\n", listing), listing
    assert re.search(r"districts\.district\s+2 -> 1\n", listing), listing
    assert "users here, their passwords, API tokens and sessions are kept" in listing
    assert Claim.objects.count() == 2  # nothing changed


def test_restoring_without_credentials_keeps_the_users_here(accounts, tmp_path):
    """Users changed since the backup keep their password and tokens; a user removed since
    comes back (without a password) so the claims they reviewed still name them."""
    backup = tmp_path / "dataset.xml"
    call_command("backup_data", str(backup))
    analyst = accounts["analyst"]
    analyst.set_password("a new password since the backup")
    analyst.save()
    newcomer = UserFactory(username="new")
    newcomer_key = api_token_issue(user=newcomer)[1]
    User.objects.filter(username="rev").delete()
    out = io.StringIO()
    call_command("restore_data", str(backup), "--yes", stdout=out)
    assert "added without a password (an administrator sets one): rev." in out.getvalue()
    analyst.refresh_from_db()
    assert analyst.check_password("a new password since the backup")
    assert token_user(accounts["keys"]["ana"]) == "ana" and token_user(newcomer_key) == "new"
    returned = User.objects.get(username="rev")
    assert not returned.has_usable_password()
    assert Claim.objects.get().reviewed_by == returned


def test_restoring_with_credentials_replaces_the_users(accounts, tmp_path):
    backup = tmp_path / "dataset.xml"
    call_command("backup_data", str(backup), "--include-credentials")
    newcomer_key = api_token_issue(user=UserFactory(username="new"))[1]
    User.objects.filter(username="rev").delete()
    out = io.StringIO()
    call_command("restore_data", str(backup), "--yes", stdout=out)
    assert "every user, with password hashes, API tokens and sessions, is replaced" in (
        out.getvalue()
    )
    assert set(User.objects.values_list("username", flat=True)) == {"ana", "rev"}
    assert token_user(accounts["keys"]["rev"]) == "rev" and token_user(newcomer_key) is None
    assert User.objects.get(username="ana").check_password("correct horse battery staple")
    assert Claim.objects.get().reviewed_by.username == "rev"


def test_an_older_backup_with_plain_text_tokens_restores_them_hashed(accounts, tmp_path):
    """Backups of before the token hashing hold Django REST framework's plain-text keys."""
    backup = tmp_path / "dataset.xml"
    call_command("backup_data", str(backup), "--include-credentials")
    key = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    legacy = (
        f'<object model="authtoken.token" pk="{key}"><field name="user" rel="ManyToOneRel" '
        'to="auth.user"><natural>ana</natural></field><field name="created" '
        'type="DateTimeField">2016-12-01T09:30:00+00:00</field></object>'
    )
    backup.write_text(backup.read_text().replace("</django-objects>", legacy + "</django-objects>"))
    call_command("restore_data", str(backup), "--yes", stdout=io.StringIO())
    assert token_user(key) == "ana"
    assert key not in set(ApiToken.objects.values_list("digest", flat=True))
