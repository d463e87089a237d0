"""Small helpers for the Content Security Policy (the policy itself is in settings)."""

from urllib.parse import urlsplit


def url_origin(url: str) -> str:
    """Return the CSP source for a URL template such as a tile URL: scheme://host.

    A `{s}` subdomain placeholder becomes a `*.` wildcard; an empty URL gives "".
    """
    if not url:
        return ""
    parts = urlsplit(url.replace("{s}.", "sub."))
    if not (parts.scheme and parts.netloc):
        return ""
    host = parts.netloc.replace("sub.", "*.", 1) if "{s}." in url else parts.netloc
    return f"{parts.scheme}://{host}"
