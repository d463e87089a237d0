"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's `RedisCacheClient.get_client` makes a new `redis.Redis` for every cache read and write;
redis-py fills some 170 response callbacks into each one, which took about a third of a kept
public read's time in the app (bench/RESULTS.md). The client holds no connection of its own
(each command takes one from the pool, which redis-py resets in a forked worker), so one client
per pool serves every call of the process, from any thread. Everything else is Django's.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class RedisClientKept(RedisCacheClient):
    """Django's Redis cache client, keeping the `redis.Redis` it makes for each pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]  # Django's
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class RedisCache(DjangoRedisCache):
    """`django.core.cache.backends.redis.RedisCache` with `RedisClientKept` as its client."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisClientKept
