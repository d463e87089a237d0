"""Creating sources and documents without duplicating them."""

import datetime

import pytest

from sources.models import Document, Source
from sources.services import (
    document_get_or_create,
    source_get_or_create,
    source_kind_guess,
    source_slug,
)
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Russian Defense Ministry", Source.Kind.MILITARY),
        ("Syrian Army", Source.Kind.MILITARY),
        ("Syrian Civil Defense volunteer", Source.Kind.MONITOR),  # not a defence ministry
        ("SOHR", Source.Kind.MONITOR),
        ("SANA", Source.Kind.STATE_MEDIA),
        ("PressTV/Pars Today", Source.Kind.STATE_MEDIA),
        ("Wikipedia: Battle of Aleppo", Source.Kind.REFERENCE),
        ("Rebel commander Abu al-Hassanien", Source.Kind.ARMED_GROUP),
        ("AFP", Source.Kind.NEWS),
        ("Santa's helpers", Source.Kind.OTHER),  # "sana" only as a whole word
    ],
)
def test_the_kind_of_a_new_source_is_guessed_from_its_name(name, kind):
    assert source_kind_guess(name) == kind


def test_a_new_source_gets_a_slug_the_stance_given_and_a_guessed_kind():
    source, created = source_get_or_create(name="Al-Alam", stance=Source.Stance.GOVERNMENT)
    assert created
    assert (source.slug, source.stance, source.kind) == ("al-alam", "government", "state_media")


def test_a_source_is_found_again_whatever_the_case_and_keeps_its_stance():
    existing = SourceFactory(name="SOHR", slug="sohr", stance=Source.Stance.INDEPENDENT)
    source, created = source_get_or_create(name="sohr", stance=Source.Stance.OPPOSITION)
    assert (source, created) == (existing, False)
    assert Source.objects.get(pk=existing.pk).stance == Source.Stance.INDEPENDENT
    assert (
        source_get_or_create(name="Al Alam", stance="government")[0]
        == source_get_or_create(name="Al-Alam", stance="government")[0]
    )


def test_a_name_without_latin_letters_gets_a_stable_slug():
    slug = source_slug("المرصد السوري")
    assert slug.startswith("source-") and slug == source_slug("المرصد السوري")
    assert slug != source_slug("وكالة سانا")


def test_a_document_is_identified_by_its_url_else_by_its_citation():
    sohr = SourceFactory(name="SOHR")
    first, created = document_get_or_create(
        citation="https://example.org/a (AFP, 2016-12-07)",
        url="https://example.org/a",
        source=sohr,
        outlet="AFP",
        published_on=datetime.date(2016, 12, 7),
    )
    assert created and first.outlet == "AFP"
    again, created = document_get_or_create(
        citation="https://example.org/a (a repost)", url="https://example.org/a", source=sohr
    )
    assert (again, created) == (first, False)
    assert again.citation == "https://example.org/a (AFP, 2016-12-07)"

    book, created = document_get_or_create(citation="Battle of Aleppo", url=None, source=sohr)
    assert created and book.url is None
    assert document_get_or_create(citation="Battle of Aleppo", url=None, source=sohr)[0] == book
    assert Document.objects.count() == 2


def test_a_document_without_a_title_reads_as_its_citation_with_the_escapes_decoded():
    titled = Document(title="Rebels leave Aleppo", citation="https://example.org/%D8%AD")
    assert str(titled) == "Rebels leave Aleppo"
    document = Document(citation="https://aajae.co/%D8%AD%D9%84%D8%A8 (98% of the east)")
    assert str(document) == "https://aajae.co/حلب (98% of the east)"
