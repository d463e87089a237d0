"""Page-number pagination whose bad parameters are answered with messages that name them."""

from __future__ import annotations

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 100, 1000


class Pages(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    invalid_page_message = (
        "page {page_number} does not exist ({message}) Ask for a page from 1 up to the last "
        "one: count / page_size, rounded up."
    )

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {"page_size": [f"Give page_size as a whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def query_check(self, request) -> None:
        """Check `page` and `page_size` where nothing is paginated (a CSV of every match): the
        schema declares them alike for every format, so a bad one is a 400 here too."""
        self.get_page_size(request)
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not (raw.isascii() and raw.isdigit() and int(raw) >= 1):
            raise ValidationError({"page": ["Give page as a whole number from 1."]})

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise NotFound({"page": [str(error.detail)]}) from error

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        examples = {"page": 1, "page_size": DEFAULT_PAGE_SIZE}
        for parameter in parameters:
            parameter["schema"]["example"] = examples[parameter["name"]]
            if parameter["name"] == "page_size":
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
                parameter["description"] = (
                    f"Results per page, 1 to {self.max_page_size} (default {self.page_size})."
                )
            else:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = "Page number, from 1; past the last page is a 404."
        return parameters
