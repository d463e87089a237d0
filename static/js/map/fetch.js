/*
 * Requests: JSON fetched once per key and kept (a failed request is forgotten, so that it
 * can be tried again).
 */

/** Return the JSON at `url`, or a rejection naming the HTTP status. */
export function fetchJson(url) {
  return fetch(url, { headers: { Accept: "application/json" } }).then((response) => {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  });
}

/** Return the promise kept in `cache` under `key`, made by `load()` the first time. */
export function kept(cache, key, load) {
  if (!cache.has(key)) {
    cache.set(key, load().catch((error) => {
      cache.delete(key);
      throw error;
    }));
  }
  return cache.get(key);
}
