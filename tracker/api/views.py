"""The old home of the API views, kept only so that branches written before the split still
import; the views live one resource a module (`tracker.api.districts`, `.claims`, ...)."""

from tracker.api.base import ApiMixin, query_parse  # noqa: F401  re-export
from tracker.api.parameters import SLUG_SCHEMA  # noqa: F401  re-export
