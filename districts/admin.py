"""Admin for districts, regions and aliases: the analysts' gazetteer."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from leaflet.admin import LeafletGeoAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from districts.geometry import area_m2, label_point
from districts.models import Alias, District, Region
from districts.names import name_key


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
    readonly_fields = ["area_km2", "label_point_lonlat"]
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
        return super().media + forms.Media(js=[context])

    def formfield_for_dbfield(self, db_field, request=None, **kwargs):
        if db_field.name == "geom":
            kwargs["label"] = "Boundary"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(alias_total=Count("aliases"))

    @admin.display(description="area (km²)", ordering="area_m2")
    def area_km2(self, district: District) -> str:
        if not district.area_m2:
            return "–"
        return f"{district.area_m2 / 1e6:.3f}"

    @admin.display(description="aliases", ordering="alias_total")
    def alias_count(self, district: District) -> int:
        return district.alias_total

    @admin.display(description="label point (lon, lat)")
    def label_point_lonlat(self, district: District) -> str:
        point = district.label_point  # GeoJSON order: x = longitude, y = latitude
        return f"{point.x:.6f}, {point.y:.6f}" if point else "–"

    def save_model(self, request, obj: District, form, change: bool) -> None:
        """Measure the polygon again whenever it is drawn anew."""
        if not change or "geom" in form.changed_data:
            obj.area_m2 = area_m2(obj.geom)
            obj.label_point = label_point(obj.geom)
        super().save_model(request, obj, form, change)


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
    def district_count(self, region: Region) -> int:
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
