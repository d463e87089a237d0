"""factory_boy factories that build real rows with real geometry (EPSG:4326)."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import MultiPolygon, Polygon

from districts.geometry import area_m2, label_point
from districts.models import Alias, District, Region
from sources.models import Document, Source
from tracker.models import Actor, Claim

# A grid of 1 km-ish squares west of Aleppo: x = longitude, y = latitude (GeoJSON order).
ORIGIN_LON, ORIGIN_LAT, CELL_DEG = 37.10, 36.15, 0.01


def square(col: int, row: int) -> MultiPolygon:
    """Return the grid cell (col, row) as a MultiPolygon in EPSG:4326."""
    x0, y0 = ORIGIN_LON + col * CELL_DEG, ORIGIN_LAT + row * CELL_DEG
    ring = (
        (x0, y0),
        (x0 + CELL_DEG, y0),
        (x0 + CELL_DEG, y0 + CELL_DEG),
        (x0, y0 + CELL_DEG),
        (x0, y0),
    )
    return MultiPolygon(Polygon(ring, srid=4326), srid=4326)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"district-{n}")
    name_en = factory.Sequence(lambda n: f"District {n}")
    name_ar = factory.Sequence(lambda n: f"حي {n}")
    geom = factory.Sequence(lambda n: square(n % 50, n // 50))
    area_m2 = factory.LazyAttribute(lambda o: area_m2(o.geom))
    label_point = factory.LazyAttribute(lambda o: label_point(o.geom))


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    slug = factory.Sequence(lambda n: f"region-{n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alias

    name = factory.Sequence(lambda n: f"Alias {n}")
    key = factory.LazyAttribute(lambda o: o.name.casefold())
    district = factory.SubFactory(DistrictFactory)
    region = None


def actor(slug: str) -> Actor:
    """Return one of the actors seeded by the migration (`government`, `rebels`, ...)."""
    return Actor.objects.get(slug=slug)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"actor-{n}")
    name_en = factory.Sequence(lambda n: f"Actor {n}")
    colour = "#123456"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"source-{n}")
    name = factory.Sequence(lambda n: f"Source {n}")
    stance = Source.Stance.INDEPENDENT


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    source = factory.SubFactory(SourceFactory)
    title = factory.Sequence(lambda n: f"Statement {n}")
    citation = factory.Sequence(lambda n: f"https://example.org/news/{n}")
    url = factory.LazyAttribute(lambda o: o.citation)
    published_on = datetime.date(2016, 12, 1)


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    document = factory.SubFactory(DocumentFactory)
    source = factory.LazyAttribute(lambda o: o.document.source)
    district = factory.SubFactory(DistrictFactory)
    place_name = factory.LazyAttribute(lambda o: o.district.name_en if o.district else "Nowhere")
    status = Claim.Status.HELD
    actor = factory.LazyFunction(lambda: actor("government"))
    kind = Claim.Kind.CAPTURED
    effective_from = datetime.date(2016, 12, 1)
    effective_to = factory.LazyAttribute(lambda o: o.effective_from)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


def user_in_groups(username: str, *groups: str, **extra):
    """Return a user (made once per username) in each of `groups` (`analyst`, `reviewer`)."""
    from django.contrib.auth.models import Group

    user = UserFactory(username=username, **extra)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def reviewer_user(username: str = "reviewer-of-record"):
    """Return a user in the `reviewer` group, for tests that judge claims in their setup."""
    return user_in_groups(username, "reviewer")
