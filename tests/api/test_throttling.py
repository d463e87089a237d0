"""Anonymous readers are rate limited by TRACKER_API_ANON_RATE; signed-in users are not."""

import pytest
import redis
from django.core.cache import cache

from tests.api.conftest import client_as
from tracker.api.throttling import client_address

pytestmark = pytest.mark.django_db


def test_anonymous_requests_past_the_rate_get_429_with_retry_after(anon, world, settings):
    settings.TRACKER_API_ANON_RATE = "3/minute"
    cache.clear()
    statuses = [anon.get("/api/v1/actors/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = anon.get("/api/v1/timeline/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()


def test_signed_in_users_are_not_throttled(world, users, settings):
    settings.TRACKER_API_ANON_RATE = "2/minute"
    cache.clear()
    client = client_as(users["analyst"])
    assert {client.get("/api/v1/actors/").status_code for _ in range(5)} == {200}


def test_no_rate_means_no_limit(anon, world, settings):
    settings.TRACKER_API_ANON_RATE = None
    assert {anon.get("/api/v1/actors/").status_code for _ in range(30)} == {200}


# Who the client is: the socket's address unless trusted proxies say otherwise.


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "client"),
    [
        ("10.0.0.1", "6.6.6.6", 0, "10.0.0.1"),  # no trusted proxy: the header is ignored
        ("10.0.0.1", None, 1, "10.0.0.1"),  # no header: the socket
        ("10.0.0.1", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"),  # the last hop
        ("10.0.0.1", "6.6.6.6,203.0.113.7, 10.0.0.2", 2, "203.0.113.7"),  # 2nd from the right
        ("10.0.0.1", "203.0.113.7", 2, "10.0.0.1"),  # fewer hops than proxies: the socket
        ("10.0.0.1", "6.6.6.6, ", 1, "10.0.0.1"),  # an empty last hop: the socket
    ],
)
def test_client_address_trusts_only_the_configured_proxies(remote, forwarded, proxies, client):
    assert client_address(remote, forwarded, proxies) == client


@pytest.fixture
def shared_cache(settings, redis_url):
    """Count in the test session's real Redis, starting from nothing."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    cache.clear()
    yield cache
    cache.clear()


def _statuses(client, headers: list[dict]) -> list[int]:
    return [client.get("/api/v1/actors/", headers=h).status_code for h in headers]


def test_a_new_made_up_forwarded_address_each_request_still_gets_429(
    anon, world, settings, shared_cache, redis_url
):
    settings.TRACKER_API_ANON_RATE = "5/minute"
    settings.TRACKER_TRUSTED_PROXIES = 0
    spoofed = [{"X-Forwarded-For": f"198.51.100.{i}"} for i in range(12)]

    assert _statuses(anon, spoofed) == [200] * 5 + [429] * 7
    # The count lives in Redis, under the socket's address.
    assert redis.Redis.from_url(redis_url).keys("*throttle_anon_127.0.0.1*")


def test_behind_one_trusted_proxy_the_client_is_the_last_forwarded_hop(
    anon, world, settings, shared_cache
):
    settings.TRACKER_API_ANON_RATE = "3/minute"
    settings.TRACKER_TRUSTED_PROXIES = 1
    # The client writes anything on the left; the proxy appends the address it saw.
    from_one = [{"X-Forwarded-For": f"6.6.6.{i}, 203.0.113.7"} for i in range(5)]
    from_another = [{"X-Forwarded-For": "6.6.6.1, 203.0.113.8"}]

    assert _statuses(anon, from_one) == [200, 200, 200, 429, 429]
    assert _statuses(anon, from_another) == [200]
    # Without the header the socket's address (the test client's 127.0.0.1) is the client.
    assert _statuses(anon, [{}] * 4) == [200, 200, 200, 429]


def test_a_redis_that_does_not_answer_lets_requests_through(anon, world, settings):
    from tests.conftest import free_port

    settings.TRACKER_API_ANON_RATE = "1/minute"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    assert _statuses(anon, [{}] * 3) == [200, 200, 200]


@pytest.mark.parametrize(("value", "rate"), [("off", None), ("OFF", None), ("", "120/minute")])
def test_the_environment_sets_the_rate_and_off_lifts_it(tmp_path, value, rate):
    from tests.test_settings import production_env, run_python

    env = production_env(tmp_path, TRACKER_API_ANON_RATE=value)
    shown = "from django.conf import settings; print(repr(settings.TRACKER_API_ANON_RATE))"
    result = run_python(env, "-c", shown)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == repr(rate)
