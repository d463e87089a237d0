"""The admin's part of reviewing: a reason asked before a bulk rejection or dispute, and the
review-reason rule checked on change forms, so a reviewer sees a form error, never a crash.

The rules themselves live in `tracker.roles` and are enforced by the services; this module only
asks for what they need.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from tracker import roles

APPLY = "review_apply"


class ReviewReasonForm(forms.Form):
    """The reason a reviewer gives for rejecting or disputing the selected claims."""

    reason = forms.CharField(
        max_length=roles.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="Kept in each claim's history and shown in the change feed.",
    )


def review_reason_clean(form: forms.ModelForm, data: dict) -> None:
    """On a change form, require the reason that a new rejection or dispute needs."""
    if "review_status" not in form.fields or "review_reason" not in form.fields:
        return
    if not {"review_status", "review_reason"} & set(form.changed_data):
        return
    status = data.get("review_status") or form.instance.review_status
    try:
        data["review_reason"] = roles.review_reason_check(status, data.get("review_reason"))
    except ValidationError as exc:
        form.add_error("review_reason", exc.message_dict["reason"])


def reason_asked(
    model_admin,
    request: HttpRequest,
    queryset: QuerySet,
    *,
    verb: str,
    done: str,
    review: Callable[[str], None],
) -> HttpResponse | None:
    """Ask for the reason of a bulk review (`verb` "Reject", `done` "rejected") on an
    intermediate page; once given, call `review(reason)` and return None (the admin goes back
    to the list)."""
    form = ReviewReasonForm(request.POST if APPLY in request.POST else None)
    if form.is_valid():
        review(form.cleaned_data["reason"])
        return None
    opts = model_admin.model._meta
    count = queryset.count()
    noun = opts.verbose_name if count == 1 else opts.verbose_name_plural
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": opts,
        "title": f"{verb} {count} {noun}: why?",
        "subtitle": None,
        "verb": verb,
        "done": done,
        "these": f"this {noun} is" if count == 1 else f"these {noun} are",
        "form": form,
        "queryset": queryset,
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "apply": APPLY,
    }
    return TemplateResponse(request, "admin/tracker/review_reason.html", context)
