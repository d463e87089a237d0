"""`X-Dataset-Release` and `X-Dataset-Version` on every API response."""

from __future__ import annotations

from django.db import DatabaseError

from tracker.version import dataset_version

VERSION_ATTRIBUTE = "tracker_dataset_version"  # set by the API's conditional reads when known


class DatasetHeadersMiddleware:
    """Name, on every response under /api/v1/, the dataset version it was answered from
    (`X-Dataset-Version`, the tag the ETags are made from) and the newest release that version
    extends (`X-Dataset-Release: N`; left out before the first release). A database that
    cannot be read leaves both out rather than failing the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/v1/"):
            return response
        try:
            version = getattr(request, VERSION_ATTRIBUTE, None) or dataset_version()
        except DatabaseError:
            return response
        response["X-Dataset-Version"] = version.tag
        latest = version.extra_value("release")  # read with the version (`ReleasesConfig.ready`)
        if latest is not None:
            response["X-Dataset-Release"] = str(latest)
        return response
