"""The plumbing every API view shares: authentication, throttling, JSON, conditional reads,
errors as 400 or JSON 404, and query strings read through a serializer."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from django.views.decorators.gzip import gzip_page
from drf_spectacular.utils import extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import APIException, MethodNotAllowed, NotFound, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import BasePagination
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.serializers import as_serializer_error
from rest_framework.views import APIView, exception_handler

from tracker.api.conditional import ConditionalReads
from tracker.api.permissions import AnalystWritesOrReadOnly
from tracker.api.throttling import AnonymousRateThrottle
from tracker.tokens import ApiTokenAuthentication

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
ID_PATTERN = r"[0-9]+"


# No docstrings on these mixins: the schema describes a view by the first docstring of its
# classes, and that stays ApiMixin's.


class BySlug:
    # A viewset whose records are read by their slug in the path.
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


class ById:
    # A viewset whose records are read by their integer id in the path (`{id}`).
    lookup_value_regex = ID_PATTERN
    lookup_url_kwarg: str | None = "id"


class Conflict(APIException):
    """409: the write collides with a stored record (a value already taken)."""

    status_code = 409
    default_detail = "The change collides with a stored record."
    default_code = "conflict"


def _only_unique(codes) -> bool:
    """Whether every error code in a ValidationError's codes is `unique`."""
    if isinstance(codes, dict):
        return bool(codes) and all(_only_unique(c) for c in codes.values())
    if isinstance(codes, list):
        return bool(codes) and all(_only_unique(c) for c in codes)
    return codes == "unique"


def api_exception_handler(exc, context):
    """DRF's handler, plus model validation errors answered as 400, and a value already taken
    (errors whose codes are all `unique`) or a database rule broken answered as 409, the field
    named either way."""
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(as_serializer_error(exc))
    elif isinstance(exc, IntegrityError):
        exc = Conflict(
            {
                "non_field_errors": [
                    "The change breaks a rule of the stored record (a unique value or a "
                    "consistency check); change the values and retry."
                ]
            }
        )
    if isinstance(exc, ValidationError) and _only_unique(exc.get_codes()):
        exc = Conflict(exc.detail)
    return exception_handler(exc, context)


class StrictNegotiation(DefaultContentNegotiation):
    """Answer an unknown `?format=` with a 400 that names it, not DRF's bare 404; and serve a
    known one whatever the Accept header says: the URL is what a user pastes into a tool (GDAL
    asks for `application/json` when it opens a GeoJSON URL)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        wanted = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if wanted:
            chosen = [r for r in renderers if r.format == wanted]
            if not chosen:
                offered = " or ".join(r.format for r in renderers)
                raise ValidationError({"format": [f"This endpoint serves format={offered} only."]})
            return chosen[0], chosen[0].media_type
        return super().select_renderer(request, renderers, format_suffix)


def query_single(request: Request) -> None:
    """Refuse, with a 400 naming each, a query parameter given more than once or given empty:
    every parameter of this API takes one value (the schema declares none as an array)."""
    errors = {}
    for name in request.query_params:
        values = request.query_params.getlist(name)
        if len(values) > 1:
            errors[name] = [f"Give {name} once, not {len(values)} times."]
        elif values[0] == "":
            errors[name] = [f"Give {name} a value, or leave it out."]
    if errors:
        raise ValidationError(errors)


def query_parse(serializer_class, request: Request) -> dict:
    """Validate the query string with `serializer_class`; a bad value raises a 400."""
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ApiMixin(ConditionalReads):
    """Token or session authentication, anonymous throttling, JSON, conditional reads."""

    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [AnalystWritesOrReadOnly]
    throttle_classes = [AnonymousRateThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]  # writes take JSON only: one body format, declared exactly
    content_negotiation_class = StrictNegotiation
    pagination_class: type[BasePagination] | None = None
    filter_backends: list = []
    http_method_names = ["get", "head", "options"]
    noun, listing = "object", "/api/v1/"
    compress = False  # gzip the response when the client accepts it (large payloads)

    @classmethod
    def as_view(cls, *args, **kwargs):
        view = super().as_view(*args, **kwargs)
        return gzip_page(view) if cls.compress else view

    def get_exception_handler(self):
        return api_exception_handler

    def initial(self, request, *args, **kwargs):
        method = request.method.lower()
        handles = [m for m in self.http_method_names if m != "options" and hasattr(self, m)]
        if handles and not hasattr(self, method):
            raise MethodNotAllowed(request.method)  # before the format or the query is read
        query_single(request)
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        renderer = getattr(request, "accepted_renderer", None)
        if getattr(response, "exception", False) and renderer and renderer.format != "json":
            request.accepted_renderer = JSONRenderer()  # errors are always JSON
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
            raise NotFound(
                f"No {self.noun} has the {self.lookup_field} {value!r}; list them at "
                f"{self.listing}."
            ) from None


@extend_schema(exclude=True)
class ApiNotFound(ApiMixin, APIView):
    """Answer any path under /api/ that names no endpoint with a JSON 404."""

    http_method_names = ["get", "head", "options", "post", "put", "patch", "delete"]
    permission_classes: list = []

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound(
            f"No endpoint at {request.path!r}: slugs are letters, digits, '-' and '_', ids are "
            "whole numbers; the endpoints are listed at /api/docs/."
        )
