"""Answer 503, not 500, while the database is away; the next request after it returns works.
Answer 413 to a request whose body is larger than it may be, before anything reads it."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
MESSAGE = "The database is unavailable. Nothing was lost; try again in a minute."


def _wants_json(request: HttpRequest) -> bool:
    return (
        request.path.startswith("/api/")
        or request.path.endswith((".json", ".geojson"))
        or "json" in request.headers.get("Accept", "")
    )


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into a 503 with a clear message (JSON for the API).

    Django opens a fresh connection on the next request, so the app recovers by itself once
    the database answers again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        if _wants_json(request):
            response: HttpResponse = JsonResponse({"detail": MESSAGE}, status=503)
        else:
            response = HttpResponse(render_to_string("503.html", {"message": MESSAGE}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


def body_limit(request: HttpRequest) -> int:
    """The most bytes this request's body may have: a multipart upload may carry a file of up to
    TRACKER_IMPORT_MAX_BYTES (TRACKER_UPLOAD_MAX_BYTES in all); any other body (JSON, a form)
    is data, at most DATA_UPLOAD_MAX_MEMORY_SIZE."""
    if request.content_type == "multipart/form-data":
        return settings.TRACKER_UPLOAD_MAX_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


class RequestSizeMiddleware:
    """Refuse, with 413 and a message that says what to do, a request whose declared
    Content-Length is over `body_limit`, before any middleware or view reads the body.

    It must come first: the CSRF check reads a POST body before any view runs. The WSGI
    handler never reads more than Content-Length, so the declared length bounds what is read.
    Django checks DATA_UPLOAD_MAX_MEMORY_SIZE only when it reads `request.body` or a form, and
    answers a bare 400 page; Django REST framework's parsers may read the request as a stream.
    Here every body is checked, once, on its declared length, with a message saying what to do.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        limit = body_limit(request)
        if declared <= limit:
            return self.get_response(request)
        if request.content_type == "multipart/form-data":
            message = (
                f"The upload has {_megabytes(declared)}; a CSV file may have at most "
                f"{_megabytes(settings.TRACKER_IMPORT_MAX_BYTES)}. Nothing was read or "
                "imported: split the file into smaller files, or import it with "
                "`manage.py import_claims`."
            )
        else:
            message = (
                f"The request body has {declared} bytes; at most {limit} are accepted. Nothing "
                "was read or changed: send less (texts have length limits; see the API schema)."
            )
        if _wants_json(request):
            response: HttpResponse = JsonResponse({"detail": message}, status=413)
        else:
            response = HttpResponse(render_to_string("413.html", {"message": message}), status=413)
        response["Cache-Control"] = "no-store"
        return response
