"""ETag and Last-Modified on every read, from the dataset version; 304 when nothing changed."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.roles import user_sees_rejected
from tracker.version import DatasetVersion, dataset_version

READS = ("GET", "HEAD")

if TYPE_CHECKING:
    # The mixins here go before a DRF generic view, whose methods they extend; at run time
    # they stay plain classes, so the views' method order is DRF's.
    from rest_framework.generics import GenericAPIView

    _ViewBase = GenericAPIView[Any]
else:
    _ViewBase = object


class NotModified(Exception):
    """Raised once the request's validators match; carries the 304 (or 412) to send."""

    def __init__(self, response):
        super().__init__("not modified")
        self.response = response


class ConditionalReads(_ViewBase):
    """A mixin for API views: validators on reads, and conditional answers before any work.

    The ETag hashes the dataset version with the request's path and query, the negotiated
    format and whether the reader sees rejected claims, so one dataset state gives one ETag
    per representation. If-None-Match wins over If-Modified-Since (RFC 9110), whose one-second
    resolution can miss a write made in the same second as the read.

    The version hook, `read_version`, is the shared dataset version; a view whose answers also
    depend on other tables (quantitative claims) overrides it to fold them in.
    """

    def read_version(self) -> DatasetVersion:
        """The version of everything this view's answers depend on."""
        return dataset_version()

    def initial(self, request: Request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        self._validators: tuple[str, int | None, str] | None = None
        if request.method not in READS:
            return
        version = self.read_version()
        request._request.tracker_dataset_version = version  # type: ignore[attr-defined]  # X-Dataset-Version
        renderer = getattr(request, "accepted_renderer", None)
        audience = "full" if user_sees_rejected(request.user) else "public"
        seed = "|".join(
            [version.tag, request.get_full_path(), getattr(renderer, "format", ""), audience]
        )
        etag = '"' + hashlib.sha256(seed.encode()).hexdigest()[:32] + '"'
        modified = int(version.modified.timestamp()) if version.modified else None
        self._validators = (etag, modified, audience)
        answer = get_conditional_response(request._request, etag=etag, last_modified=modified)
        if answer is not None:
            raise NotModified(answer)

    def handle_exception(self, exc):
        if isinstance(exc, NotModified):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request: Request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        validators = getattr(self, "_validators", None)
        if validators and response.status_code in (200, 304):
            etag, modified, audience = validators
            response["ETag"] = etag
            if modified is not None:
                response["Last-Modified"] = http_date(modified)
            patch_cache_control(response, max_age=0, must_revalidate=True)
            patch_cache_control(response, **{"public" if audience == "public" else "private": True})
            patch_vary_headers(response, ("Accept", "Authorization", "Cookie"))
        if isinstance(response, Response) and response.exception:
            response["Cache-Control"] = "no-store"
        return response
