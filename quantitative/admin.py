"""Admin for quantitative claims: entered beside a document's district claims, never deleted.

Registered by one line at the end of `tracker/admin.py`. Every save goes through
`quantitative.services`, which records who entered or reviewed the claim. The change
form shows the claim's audit against the map. `QuantitativeClaimInline` sits on the document's
page beside its district claims (this module's `DocumentAdmin` extends the tracker's in its
place): its formset saves through the same services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from quantitative import selectors
from quantitative.audit import CONSISTENT, INCONSISTENT
from quantitative.models import QuantitativeClaim
from quantitative.services import quantitative_claim_record, quantitative_claim_update
from sources.models import Document
from tracker import roles
from tracker.admin import review as admin_review
from tracker.admin import sources as tracker_sources_admin
from tracker.admin.extend import admin_replace

if TYPE_CHECKING:
    # The mixin below goes before a model admin, whose methods it extends; a plain class at
    # run time, so the admins' method order is Django's.
    from django.contrib.admin.options import BaseModelAdmin

    _AdminBase = BaseModelAdmin[Any]
else:
    _AdminBase = object

# What `quantitative_claim_record` takes from a form; review and retraction come after.
RECORDED_FIELDS = [
    "document",
    "source",
    "attribution",
    "actor",
    "region",
    "measure",
    "value",
    "bound",
    "date_from",
    "date_to",
    "quote",
    "note",
    "analyst_note",
]
ENTRY_FIELDS = [*RECORDED_FIELDS, "review_status", "review_reason", "retracted_on"]


def quantitative_form_save(form: forms.ModelForm, *, user, document=None) -> QuantitativeClaim:
    """Write a validated quantitative claim form through the services, as `user`.

    A new claim is recorded as entered by `user`; a review is recorded as made by `user`. The
    services apply the review rules (`tracker.roles`): a review needs a reviewer, and an
    analyst's change of substance returns an accepted claim to pending. `document` is the
    parent when the claim is entered inside one.
    """
    data = form.cleaned_data
    if form.instance.pk is None:
        values = {name: data[name] for name in RECORDED_FIELDS if name in data}
        if document is not None:
            values["document"] = document
        if not values.get("source"):
            values["source"] = values["document"].source
        claim = quantitative_claim_record(**values, recorded_by=user)
        later = {
            name: data[name]
            for name in ("review_status", "review_reason", "retracted_on")
            if data.get(name)
        }
        if later.get("review_status") == claim.review_status:
            later.pop("review_status")
            later.pop("review_reason", None)
        return quantitative_claim_update(claim=claim, changed_by=user, **later) if later else claim
    changes = {name: data[name] for name in form.changed_data if name in data}
    claim = QuantitativeClaim.objects.get(pk=form.instance.pk)
    return quantitative_claim_update(claim=claim, changed_by=user, **changes)


class QuantitativeClaimForm(forms.ModelForm):
    """A quantitative claim; inside a document, the source defaults to the document's."""

    class Meta:
        model = QuantitativeClaim
        fields = ENTRY_FIELDS

    def __init__(self, *args, document=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        if "source" in self.fields:
            self.fields["source"].required = False
            self.fields["source"].help_text = "Leave empty for the document's own source."
        if "date_to" in self.fields:
            self.fields["date_to"].required = False
            self.fields["date_to"].help_text = "Leave empty for a one-day window (date_from)."

    def clean(self):
        data = super().clean()
        assert data is not None  # a form's clean() returns its cleaned data
        document = self.document or data.get("document")
        if not data.get("source") and "source" in self.fields:
            if document is None or document.source is None:
                self.add_error(
                    "source", "Pick the source that made this claim: the document names none."
                )
            else:
                data["source"] = document.source
        if "date_to" in self.fields and not data.get("date_to") and data.get("date_from"):
            data["date_to"] = data["date_from"]
        admin_review.review_reason_clean(self, data)
        return data


def audit_html(claim: QuantitativeClaim) -> str:
    """Say, in one line of escaped HTML, what the map shows and whether the claim holds."""
    if claim.pk is None:
        return "Saved claims are compared with the map."
    audit = selectors.quantitative_audits([claim])[claim.pk]
    colour = {CONSISTENT: "#1a7f37", INCONSISTENT: "#b42318"}.get(audit.verdict, "#6b6b6b")
    return format_html('<span style="color:{}">{}</span>', colour, audit.reason)


class QuantitativeClaimAdminBase(_AdminBase):
    """What the stand-alone admin and the inline share: no deletion, reviewers review and
    change nothing else, analysts change everything else (`tracker.roles`)."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        editable = ENTRY_FIELDS if obj is not None else list(roles.REVIEW_FIELDS)
        return [*fields, *roles.fields_refused(request.user, editable)]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(QuantitativeClaim)
class QuantitativeClaimAdmin(QuantitativeClaimAdminBase, SimpleHistoryAdmin):
    form = QuantitativeClaimForm
    list_display = ["__str__", "window", "region", "source", "review_status", "against_map"]
    list_filter = ["measure", "bound", "review_status", "region", "actor", "source__stance"]
    list_select_related = ["region", "source", "actor"]
    list_per_page = 50
    ordering = ["-date_to", "-id"]
    search_fields = [
        "quote",
        "note",
        "analyst_note",
        "attribution",
        "source__name",
        "region__name_en",
    ]
    date_hierarchy = "date_to"
    autocomplete_fields = ["document", "source", "actor", "region"]
    readonly_fields = [
        "against_map",
        "import_key",
        "recorded_by",
        "reviewed_by",
        "reviewed_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["document", "source", "attribution"]}),
        (
            "What is claimed",
            {
                "fields": [
                    ("actor", "region"),
                    ("measure", "bound", "value"),
                    ("date_from", "date_to"),
                    "quote",
                ]
            },
        ),
        ("Against the map", {"fields": ["against_map"]}),
        (
            "Review",
            {"fields": ["review_status", "review_reason", "note", "analyst_note", "retracted_on"]},
        ),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": [
                    "recorded_by",
                    "reviewed_by",
                    "reviewed_at",
                    "import_key",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]

    @admin.display(description="window", ordering="date_to")
    def window(self, claim: QuantitativeClaim) -> str:
        if claim.date_from == claim.date_to:
            return str(claim.date_to)
        return f"{claim.date_from} – {claim.date_to}"

    @admin.display(description="against the map (consensus)")
    def against_map(self, claim: QuantitativeClaim) -> str:
        return audit_html(claim)

    def save_model(self, request, obj: QuantitativeClaim, form, change: bool) -> None:
        """Save through the services: they record who entered or reviewed the claim."""
        claim = quantitative_form_save(form, user=request.user)
        obj.pk = claim.pk  # the admin logs and redirects with `obj`


class QuantitativeInlineFormSet(forms.BaseInlineFormSet):
    """A document's quantitative claims, saved through the services as `user`."""

    user = None

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "document": self.instance}

    def save(self, commit: bool = True):
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        for form in self.forms:
            if not form.has_changed():
                continue
            adding = form.instance.pk is None
            claim = quantitative_form_save(form, user=self.user, document=self.instance)
            if adding:
                self.new_objects.append(claim)
            else:
                self.changed_objects.append((claim, form.changed_data))
        return self.new_objects + [claim for claim, _ in self.changed_objects]


class QuantitativeClaimInline(QuantitativeClaimAdminBase, admin.StackedInline):
    """Quantitative claims inside their document, beside its district claims."""

    model = QuantitativeClaim
    form = QuantitativeClaimForm
    formset = QuantitativeInlineFormSet
    fields = [  # compact rows, as the district claims above them (the same styles)
        ("actor", "measure", "bound", "value", "region"),
        ("date_from", "date_to", "source", "review_status", "review_reason"),
        "quote",
    ]
    autocomplete_fields = ["actor", "region", "source"]
    classes = ["claim-entry"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = "quantitative claim (a number about a region)"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"user": request.user})


class DocumentAdmin(tracker_sources_admin.DocumentAdmin):
    """A document's page with its quantitative claims beside its district claims: one screen
    for everything an article says (the tracker's document admin, extended in its place)."""

    inlines: list[Any] = [*tracker_sources_admin.DocumentAdmin.inlines, QuantitativeClaimInline]


admin_replace(Document, DocumentAdmin)
