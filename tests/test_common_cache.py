"""The shared cache's backend (common/cache.py): Django's Redis cache, one client per pool."""

from common.cache import RedisCache


def test_it_keeps_and_reads_through_a_real_redis_with_one_client_for_every_call(redis_url):
    cache = RedisCache(redis_url, {})
    cache.set("kept", {"body": b"bytes"}, timeout=None)
    assert cache.get("kept") == {"body": b"bytes"}
    assert cache.get("missing", "default") == "default"
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client  # one server: one pool, one client
    cache.delete("kept")
    assert cache.get("kept") is None
