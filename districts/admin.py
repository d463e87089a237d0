"""Admin for districts, regions and aliases: the analysts' gazetteer.

As far as `districts` knows them: the tracker adds what only it knows (a district's control
strips, the claims a region's or alias's name denotes) by re-registering these pages with
subclasses, from `tracker/admin/`; `districts` never imports `tracker`.
"""

import math
from typing import TYPE_CHECKING, TypedDict

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from leaflet.admin import LeafletGeoAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from common.history import history_note
from districts.models import Alias, District, NameWithoutPlace, Region
from districts.names import SKELETON_MIN_LENGTH, name_key, name_skeleton
from districts.services import district_save

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class _AliasTotal(TypedDict):
    alias_total: int


class _DistrictTotal(TypedDict):
    district_total: int


# The most districts one request of the slug look-up answers (a document names a handful).
SLUG_LOOKUP_MAX = 200
OUTLINE_SIZE_PX = 280


def outline_svg(geom, size: int = OUTLINE_SIZE_PX) -> str:
    """Draw a (multi)polygon in EPSG:4326 as an inline SVG, north up, without any map library.

    x = longitude scaled by cos(latitude) so shapes keep their proportions, y = latitude flipped
    (SVG's y grows downwards). Only numbers go into the markup.
    """
    xmin, ymin, xmax, ymax = geom.extent  # lon/lat order
    squeeze = math.cos(math.radians((ymin + ymax) / 2))
    width, height = max((xmax - xmin) * squeeze, 1e-9), max(ymax - ymin, 1e-9)
    scale = (size - 10) / max(width, height)
    rings = [ring for polygon in geom for ring in polygon]
    path = " ".join(
        "M"
        + " L".join(
            f"{5 + (x - xmin) * squeeze * scale:.1f},{5 + (ymax - y) * scale:.1f}"
            for x, y in ring.coords
        )
        + " Z"
        for ring in rings
    )
    w, h = width * scale + 10, height * scale + 10
    return format_html(
        '<svg class="district-outline" width="{}" height="{}" viewBox="0 0 {} {}" role="img" '
        'aria-label="Outline of the district, north up"><path d="{}" fill="#cbd2d9" '
        'fill-rule="evenodd" stroke="#3e4c59" stroke-width="1.2"/></svg>',
        f"{w:.0f}",
        f"{h:.0f}",
        f"{w:.1f}",
        f"{h:.1f}",
        path,
    )


class AliasForm(forms.ModelForm):
    """Store each alias under its folded key, and say which place already holds that key."""

    class Meta:
        model = Alias
        fields = ["name", "district", "region", "origin"]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        key = name_key(name)
        if not key:
            raise forms.ValidationError("Write a name with at least one letter or digit.")
        taken = Alias.objects.filter(key=key).exclude(pk=self.instance.pk).first()
        if taken is not None:
            raise forms.ValidationError(
                f"“{taken.name}” already names {taken.district or taken.region} under the "
                "same folded spelling; edit that alias instead."
            )
        self.instance.key = key
        return name


class AliasInline(admin.TabularInline):
    model = Alias
    form = AliasForm
    fields = ["name", "origin"]
    extra = 0


@admin.register(District)
class DistrictAdmin(LeafletGeoAdminMixin, SimpleHistoryAdmin):
    ordering = ["name_en"]  # kept explicitly: the annotations drop Meta.ordering
    list_display = ["name_en", "name_ar", "kind", "area_km2", "alias_count", "slug"]
    list_filter = ["kind", "regions"]
    search_fields = ["name_en", "name_ar", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["area_km2", "label_point_lonlat", "outline"]
    fields = [
        "name_en",
        "name_ar",
        "slug",
        "kind",
        "geom",
        "area_km2",
        "label_point_lonlat",
        "provenance",
    ]
    inlines = [AliasInline]

    @property
    def media(self):
        context = forms.Script(
            "js/admin-district-context.js", **{"data-districts-url": reverse("districts-geojson")}
        )
        # django-stubs 5.2.9 types `js` as paths only; Django 5.2 takes Script objects too.
        return super().media + forms.Media(js=[context])  # type: ignore[list-item]

    def formfield_for_dbfield(self, db_field, request=None, **kwargs):
        if db_field.name == "geom":
            kwargs["label"] = "Boundary"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(alias_total=Count("aliases"))

    def get_search_results(self, request, queryset, search_term):
        """Find districts by English or Arabic name, slug, or any alias, folded as sources vary.

        Besides the plain substring search, the term is folded with `name_key` (case, accents,
        hyphens, articles, Arabic letter variants) and matched inside every alias's stored key,
        so "Salah-eddine", "salaheddine" and "صلاح الدين" all find Salah ad-Deen. When that
        finds nothing, a name whose transliteration skeleton (`name_skeleton`) begins like the
        term's is found too, so "Sukari" finds as-Sukkari.
        """
        if not search_term.strip():
            return queryset, False
        plain, _ = super().get_search_results(request, District.objects.all(), search_term)
        key = name_key(search_term)
        found = Q(pk__in=plain.values("pk"))
        if key:
            found |= Q(
                pk__in=Alias.objects.filter(key__contains=key, district__isnull=False).values(
                    "district_id"
                )
            )
        matches = queryset.filter(found)
        skeleton = name_skeleton(search_term)
        if len(skeleton) >= SKELETON_MIN_LENGTH and not matches.exists():
            # Nothing by spelling: try how it sounds ("Sukari" finds as-Sukkari).
            aliases = Alias.objects.filter(district__isnull=False).values_list(
                "district_id", "name"
            )
            sounds = {pk for pk, name in aliases if name_skeleton(name).startswith(skeleton)}
            return queryset.filter(pk__in=sounds), False
        return matches, False

    def get_urls(self):
        return [
            path(
                "slugs/",
                self.admin_site.admin_view(self.slugs_view),
                name="districts_district_slugs",
            ),
            *super().get_urls(),
        ]

    def slugs_view(self, request: HttpRequest) -> JsonResponse:
        """Answer {id: slug} for the `id` parameters: the map preview draws features by slug."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        ids = [i for i in request.GET.getlist("id") if i.isdigit()][:SLUG_LOOKUP_MAX]
        slugs = District.objects.filter(pk__in=ids).values_list("pk", "slug", "name_en")
        return JsonResponse({str(pk): {"slug": slug, "name": name} for pk, slug, name in slugs})

    @admin.display(description="area (km²)", ordering="area_m2")
    def area_km2(self, district: District) -> str:
        if not district.area_m2:
            return "–"
        return f"{district.area_m2 / 1e6:.3f}"

    def get_fields(self, request, obj=None):
        """Show readers (no change permission) the outline, not the polygon's coordinates."""
        fields = super().get_fields(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            return ["outline" if name == "geom" else name for name in fields]
        return [name for name in fields if name != "outline"]

    @admin.display(description="boundary")
    def outline(self, district: District) -> str:
        return outline_svg(district.geom) if district.geom else "–"

    @admin.display(description="aliases", ordering="alias_total")
    def alias_count(self, district: "WithAnnotations[District, _AliasTotal]") -> int:
        return district.alias_total

    @admin.display(description="label point (lon, lat)")
    def label_point_lonlat(self, district: District) -> str:
        point = district.label_point  # GeoJSON order: x = longitude, y = latitude
        return f"{point.x:.6f}, {point.y:.6f}" if point else "–"

    def save_model(self, request, obj: District, form, change: bool) -> None:
        """Save through `district_save`, which measures the polygon again when drawn anew."""
        history_note(obj, by=request.user)  # as SimpleHistoryAdmin.save_model does
        district_save(district=obj, redrawn=not change or "geom" in form.changed_data)


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    ordering = ["name_en"]  # kept explicitly: the annotations drop Meta.ordering
    list_display = ["name_en", "name_ar", "district_count", "slug"]
    search_fields = ["name_en", "name_ar", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["districts"]
    inlines = [AliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(district_total=Count("districts"))

    @admin.display(description="districts", ordering="district_total")
    def district_count(self, region: "WithAnnotations[Region, _DistrictTotal]") -> int:
        return region.district_total


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    form = AliasForm
    list_display = ["name", "district", "region", "origin", "key"]
    list_filter = ["origin"]
    list_select_related = ["district", "region"]
    search_fields = ["name", "key", "district__name_en", "district__name_ar", "region__name_en"]
    autocomplete_fields = ["district", "region"]
    readonly_fields = ["key"]


@admin.register(NameWithoutPlace)
class NameWithoutPlaceAdmin(SimpleHistoryAdmin):
    """Names set aside from the unmapped queue (set there, with the reason; kept, not deleted)."""

    list_display = ["name", "reason", "dismissed_by", "dismissed_at"]
    search_fields = ["name", "reason"]
    readonly_fields = ["name", "dismissed_by", "dismissed_at"]
    fields = ["name", "reason", "dismissed_by", "dismissed_at"]

    def has_add_permission(self, request) -> bool:
        return False  # set aside from the queue of unmapped names

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
