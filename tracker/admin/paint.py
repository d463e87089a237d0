"""The admin page that enters an assessment map by painting its districts.

From a document (a published map), an analyst selects districts on a Leaflet map (click, box,
or a whole region then clicks to take some out), applies a holder or `contested`, repeats with
other holders, sets the window, and saves: `tracker.painting.claims_paint` records one claim
per painted district in one transaction. The page is thin: the form parses, the service
writes. Anyone who is not a signed-in analyst on the admin's staff gets 403.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from common.users import signed_in
from districts.models import District, Region
from sources.models import Document
from tracker.models import NOTE_MAX_CHARS, QUOTE_MAX_CHARS, Actor, Claim
from tracker.painting import CONTESTED, claims_paint
from tracker.roles import ANALYST, user_in_group

ASSIGNMENTS_MAX_CHARS = 200_000


def user_paints(user) -> bool:
    """Say whether the user may paint: a signed-in, active staff analyst who may add claims."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user_in_group(user, ANALYST)
        and user.has_perm("tracker.add_claim")
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PaintForm(forms.Form):
    """The window and basis of every claim painted, and the painting itself (JSON)."""

    effective_from = forms.DateField(label="From", widget=DateInput())
    effective_to = forms.DateField(
        label="To", required=False, widget=DateInput(), help_text="Empty: the same day."
    )
    date_precision = forms.ChoiceField(
        label="Precision", choices=Claim.Precision.choices, initial=Claim.Precision.DAY
    )
    basis = forms.ChoiceField(
        label="Basis",
        choices=[
            ("", "Not stated"),
            *((value, value.capitalize()) for value in Claim.Basis.values),
        ],
        help_text="Assessment: a published map or analyst assessment.",
        required=False,
        initial=Claim.Basis.ASSESSMENT,
    )
    quote = forms.CharField(
        label="Caption or legend",
        required=False,
        max_length=QUOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The map's own words, if any (its title, caption or legend).",
    )
    note = forms.CharField(
        label="Public note",
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.TextInput(),
        help_text="Published with each claim; internal remarks go in a claim's analyst note.",
    )
    assignments = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_assignments(self) -> dict[int, str]:
        text = self.cleaned_data.get("assignments") or "{}"
        if len(text) > ASSIGNMENTS_MAX_CHARS:
            raise ValidationError("The painting is too large to send; save it in parts.")
        try:
            raw = json.loads(text)
        except ValueError as exc:
            raise ValidationError("The painting could not be read; reload the page.") from exc
        if not isinstance(raw, dict) or not all(
            isinstance(k, str) and k.isdigit() and isinstance(v, str) for k, v in raw.items()
        ):
            raise ValidationError("The painting could not be read; reload the page.")
        return {int(k): v for k, v in raw.items()}


def _page_data(form: PaintForm) -> dict:
    """What the page's script needs: districts, regions and holders, and any painting sent."""
    painted = form.cleaned_data.get("assignments") if form.is_bound and form.is_valid() else None
    if painted is None and form.is_bound:
        try:
            painted = {int(k): v for k, v in json.loads(form.data.get("assignments", "{}")).items()}
        except (ValueError, AttributeError, TypeError):
            painted = {}
    regions = Region.objects.prefetch_related("districts").order_by("name_en")
    return {
        "districtsUrl": reverse("districts-geojson"),
        "districts": [
            {"id": pk, "slug": slug, "name_en": name_en, "name_ar": name_ar}
            for pk, slug, name_en, name_ar in District.objects.order_by("name_en").values_list(
                "pk", "slug", "name_en", "name_ar"
            )
        ],
        "regions": [
            {
                "slug": r.slug,
                "name_en": r.name_en,
                "districts": sorted(d.pk for d in r.districts.all()),
            }
            for r in regions
        ],
        "holders": [
            {"value": a.slug, "name": a.name_en, "colour": a.colour}
            for a in sorted(Actor.objects.all(), key=lambda a: (a.parent_id is not None, a.name_en))
        ]
        + [{"value": CONTESTED, "name": "Contested (fighting, no holder)", "colour": "#8a8a8a"}],
        "painted": {str(k): v for k, v in (painted or {}).items()},
    }


def paint_view(model_admin: admin.ModelAdmin):
    """Return the painting page of a document, served under the claim admin's URLs."""

    @never_cache
    @csrf_protect
    def view(request: HttpRequest, document_id: int) -> HttpResponse:
        if not user_paints(request.user):
            raise PermissionDenied
        document = get_object_or_404(Document.objects.select_related("source"), pk=document_id)
        if request.method == "POST":
            form = PaintForm(request.POST)
            saved = _paint_save(request, form, document)
            if saved is not None:
                return saved
        else:
            form = PaintForm(
                initial={"effective_from": document.published_on or timezone.localdate()}
            )
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Claim._meta,
            "title": f"Paint the map of “{document}”",
            "subtitle": None,
            "document": document,
            "document_claims": document.claims.count(),
            "form": form,
            "page_data": _page_data(form),
        }
        return TemplateResponse(request, "admin/tracker/claim/paint.html", context)

    return view


def _paint_save(request: HttpRequest, form: PaintForm, document: Document) -> HttpResponse | None:
    """Save a valid painting and redirect to its claims; return None to show the form again."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        claims = claims_paint(
            document=document,
            assignments=data["assignments"],
            effective_from=data["effective_from"],
            effective_to=data["effective_to"],
            date_precision=data["date_precision"],
            basis=data["basis"],
            quote=data["quote"],
            note=data["note"],
            recorded_by=signed_in(request.user),
        )
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
        return None
    messages.success(
        request,
        f"Recorded {len(claims)} claim{'s' if len(claims) != 1 else ''} from “{document}”, "
        "pending review.",
    )
    return HttpResponseRedirect(
        reverse("admin:tracker_claim_changelist") + f"?document__id__exact={document.pk}"
    )
