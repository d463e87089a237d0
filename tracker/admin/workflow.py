"""Two admin pages of the analysts' day: the queue of unmapped place names, and the CSV import.

Both are thin: the queue calls `tracker.services.place_name_map`, the import calls
`tracker.imports.claims_import` (the service behind `manage.py import_claims`), first as a dry
run whose report is shown, then for real once the analyst confirms.
"""

from __future__ import annotations

import re
import secrets
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from common.users import signed_in
from districts.models import Alias, District, NameWithoutPlace, Region
from districts.names import name_key
from districts.selectors import gazetteer_load
from districts.services import name_set_aside
from tracker import services
from tracker.imports import ClaimImportError, claims_import
from tracker.models import Claim

CLAIMS_SHOWN_PER_NAME = 5
IMPORT_DIR_NAME = "admin-imports"
IMPORT_FILE_MAX_AGE_SECONDS = 24 * 60 * 60
IMPORT_SESSION_KEY = "tracker_claims_import"
TOKEN = re.compile(r"[0-9a-f]{32}")


def user_maps_names(user) -> bool:
    """Say whether the user may map place names: add an alias and change the claims using it."""
    return user.has_perms(["districts.add_alias", "districts.change_alias", "tracker.change_claim"])


def user_imports(user) -> bool:
    """Say whether the user may import claims, with the documents and sources they bring."""
    return user.has_perms(["tracker.add_claim", "sources.add_document", "sources.add_source"])


# The queue of unmapped place names


@dataclass
class UnmappedName:
    """A place name no district matches, once for all its spellings, with its claims."""

    key: str
    name: str
    spellings: list[str]
    claim_total: int
    claims: list[Claim]
    suggestions: list[District] = field(default_factory=list)
    form: forms.Form | None = None  # the queue view's mapping form for this name


def unmapped_names() -> list[UnmappedName]:
    """Return each unmapped place name once (by folded key), most used first, with suggestions.

    The name shown is the spelling most claims use; the suggestions are the closest district
    names (`Gazetteer.suggest`, as the importer reports them). Names set aside as never to
    have a polygon (`NameWithoutPlace`) are left out: their claims stay unmapped.
    """
    by_key: dict[str, list[Claim]] = defaultdict(list)
    waiting = Claim.objects.filter(district__isnull=True).select_related("source", "actor")
    set_aside = set(NameWithoutPlace.objects.values_list("key", flat=True))
    for claim in waiting.order_by("-effective_to", "-id"):
        key = name_key(claim.place_name) or claim.place_name
        if key not in set_aside:
            by_key[key].append(claim)
    gazetteer = gazetteer_load()
    names = []
    for key, claims in by_key.items():
        spellings = Counter(c.place_name for c in claims)
        name = spellings.most_common(1)[0][0]
        names.append(
            UnmappedName(
                key=key,
                name=name,
                spellings=sorted(s for s in spellings if s != name),
                claim_total=len(claims),
                claims=claims[:CLAIMS_SHOWN_PER_NAME],
                suggestions=gazetteer.suggest(name),
            )
        )
    names.sort(key=lambda n: (-n.claim_total, n.name.casefold()))
    return names


class PlaceNameMapForm(forms.Form):
    """Map one place name to a district (a suggestion or any other) or to a region."""

    name = forms.CharField(widget=forms.HiddenInput)
    suggested = forms.ModelChoiceField(District.objects.all(), required=False)
    district = forms.ModelChoiceField(
        District.objects.all(),
        required=False,
        widget=AutocompleteSelect(Alias._meta.get_field("district"), admin.site),
        label="another district",
    )
    region = forms.ModelChoiceField(
        Region.objects.all(), required=False, label="or a region", empty_label="(no region)"
    )

    def clean(self):
        data = super().clean()
        assert data is not None  # a form's clean() returns its cleaned data
        district = data.get("suggested") or data.get("district")
        region = data.get("region")
        if (district is None) == (region is None):
            raise ValidationError("Choose one district, or one region, for this name.")
        data["district"] = district
        return data


def unmapped_queue_view(model_admin: admin.ModelAdmin):
    """Return the view of the unmapped queue, served under the claim admin's URLs."""

    def view(request: HttpRequest) -> HttpResponse:
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        can_map = user_maps_names(request.user)
        if request.method == "POST":
            if not can_map:
                raise PermissionDenied
            if "set_aside" in request.POST:
                return _name_set_aside(request)
            return _name_map(request)
        names = unmapped_names()
        for index, entry in enumerate(names):
            entry.form = PlaceNameMapForm(initial={"name": entry.name}, prefix=f"n{index}")
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Claim._meta,
            "title": "Unmapped place names",
            "subtitle": None,
            "names": names,
            "claim_total": sum(n.claim_total for n in names),
            "set_aside": NameWithoutPlace.objects.select_related("dismissed_by"),
            "can_map": can_map,
            "media": model_admin.media + PlaceNameMapForm().media,
        }
        return TemplateResponse(request, "admin/tracker/claim/unmapped.html", context)

    return view


def _name_map(request: HttpRequest) -> HttpResponse:
    queue = reverse("admin:tracker_claim_unmapped")
    prefix = request.POST.get("prefix", "")
    form = PlaceNameMapForm(request.POST, prefix=prefix if re.fullmatch(r"n\d+", prefix) else "")
    if not form.is_valid():
        problems = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(request, f"Nothing was mapped: {problems}")
        return HttpResponseRedirect(queue)
    name, district, region = (form.cleaned_data[k] for k in ("name", "district", "region"))
    key = name_key(name)
    if not any(
        name_key(p) == key
        for p in Claim.objects.filter(district__isnull=True).values_list("place_name", flat=True)
    ):
        messages.warning(request, f"No unmapped claim uses “{name}” any more; nothing was done.")
        return HttpResponseRedirect(queue)
    try:
        mapped = services.place_name_map(
            name=name, district=district, region=region, mapped_by=signed_in(request.user)
        )
    except (ValueError, ValidationError) as exc:
        messages.error(request, f"“{name}” was not mapped: {exc}")
        return HttpResponseRedirect(queue)
    target = district or region
    messages.success(
        request,
        f"“{name}” now names {target}: {len(mapped)} claim{'s' if len(mapped) != 1 else ''} "
        "mapped, and the spelling was added as an alias.",
    )
    return HttpResponseRedirect(queue)


def _name_set_aside(request: HttpRequest) -> HttpResponse:
    """Set a name aside as never to have a polygon, with the reason (analysts)."""
    name = request.POST.get("name", "").strip()
    try:
        entry = name_set_aside(
            name=name, reason=request.POST.get("reason", ""), user=signed_in(request.user)
        )
    except ValueError as exc:
        messages.error(request, f"“{name}” was not set aside: {exc}")
    else:
        messages.success(
            request, f"“{entry.name}” is set aside: it will not be mapped; its claims are kept."
        )
    return HttpResponseRedirect(reverse("admin:tracker_claim_unmapped"))


# Importing a claims CSV


class ClaimsFileForm(forms.Form):
    file = forms.FileField(
        label="Claims CSV",
        help_text="UTF-8, with the columns of the demo file: date, date_precision, "
        "district_en, claimed_controller, claim_type, source_org, source_stance, citation, "
        "quote, notes; optionally basis (statement, report, assessment or evidence).",
    )

    def clean_file(self):
        """Refuse a file over TRACKER_IMPORT_MAX_BYTES by its size, before it is read (a body
        far larger is refused earlier, unread, by `config.middleware.RequestSizeMiddleware`)."""
        upload = self.cleaned_data["file"]
        limit = settings.TRACKER_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                f"The file has {upload.size // 1024} KB; split it into files of at most "
                f"{limit // (1024 * 1024)} MB, or import it with manage.py import_claims. "
                "Nothing was imported."
            )
        return upload


def _import_dir() -> Path:
    directory = Path(settings.VAR_DIR) / IMPORT_DIR_NAME
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _stale_files_remove(directory: Path) -> None:
    cutoff = time.time() - IMPORT_FILE_MAX_AGE_SECONDS
    for old in directory.glob("*.csv"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)


def _upload_keep(request: HttpRequest, upload) -> Path:
    """Keep the uploaded file under var/ for the confirm step, remembered in the session."""
    directory = _import_dir()
    _stale_files_remove(directory)
    token = secrets.token_hex(16)
    path = directory / f"{token}.csv"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    request.session[IMPORT_SESSION_KEY] = {"token": token, "name": upload.name[:200]}
    return path


def _upload_kept(request: HttpRequest) -> tuple[Path, str] | None:
    """Return the file this user previewed, if the confirm form names it and it still exists."""
    kept = request.session.get(IMPORT_SESSION_KEY) or {}
    token = request.POST.get("token", "")
    if not TOKEN.fullmatch(token) or kept.get("token") != token:
        return None
    path = _import_dir() / f"{token}.csv"
    return (path, kept.get("name", "")) if path.exists() else None


def claims_import_view(model_admin: admin.ModelAdmin):
    """Return the view that previews, then imports, a claims CSV uploaded by an analyst."""

    def view(request: HttpRequest) -> HttpResponse:
        if not user_imports(request.user):
            raise PermissionDenied
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Claim._meta,
            "title": "Import claims from a CSV file",
            "subtitle": None,
            "form": ClaimsFileForm(),
        }
        template = "admin/tracker/claim/import.html"
        if request.method != "POST":
            return TemplateResponse(request, template, context)
        if "confirm" in request.POST:
            return _import_confirm(request, context, template)
        form = ClaimsFileForm(request.POST, request.FILES)
        context["form"] = form
        if not form.is_valid():
            return TemplateResponse(request, template, context)
        upload = form.cleaned_data["file"]
        path = _upload_keep(request, upload)
        context["file_name"] = upload.name
        try:
            report = claims_import(path, dry_run=True, recorded_by=signed_in(request.user))
        except ClaimImportError as exc:
            path.unlink(missing_ok=True)
            request.session.pop(IMPORT_SESSION_KEY, None)
            context["errors"] = exc.errors
            return TemplateResponse(request, template, context)
        context.update(
            report=report,
            summary=report.summary(),
            token=request.session[IMPORT_SESSION_KEY]["token"],
            nothing_to_do=not (
                report.claims_created or report.documents_created or report.sources_created
            ),
        )
        return TemplateResponse(request, template, context)

    return view


def _import_confirm(request: HttpRequest, context: dict, template: str) -> HttpResponse:
    kept = _upload_kept(request)
    if kept is None:
        messages.error(
            request,
            "That preview is no longer available (it was imported, or is over a day old); "
            "upload the file again.",
        )
        return HttpResponseRedirect(reverse("admin:tracker_claim_import"))
    path, name = kept
    try:
        report = claims_import(path, recorded_by=signed_in(request.user))
    except ClaimImportError as exc:  # the record changed since the preview
        context.update(errors=exc.errors, file_name=name)
        return TemplateResponse(request, template, context)
    finally:
        path.unlink(missing_ok=True)
        request.session.pop(IMPORT_SESSION_KEY, None)
    messages.success(request, f"Imported {name}. " + " ".join(report.summary()[:2]))
    if report.unmapped:
        messages.warning(
            request,
            f"{len(report.unmapped)} place names match no district: map them in the queue of "
            "unmapped names.",
        )
    return HttpResponseRedirect(reverse("admin:tracker_claim_changelist"))
