"""A fingerprint of the project's Python code, for what is kept across requests."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.conf import settings

SKIPPED = {"tests", "bench"}  # packages that build no answer


@functools.cache
def code_release() -> str:
    """Fingerprint the project's Python code, so what older code built is never served.

    Whatever is kept in the shared cache across requests (public answers, the map page's
    parts) is keyed by it: a deployment that changes how something is built starts with no
    entries, and workers running the same code share them. Read once per process.
    """
    root = Path(settings.BASE_DIR)
    packages = [p.parent for p in root.glob("*/__init__.py") if p.parent.name not in SKIPPED]
    digest = hashlib.sha256()
    for path in sorted(f for package in packages for f in package.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
