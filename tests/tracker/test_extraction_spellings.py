"""The claim proposer finds a district or region by every spelling the importer matches
(issue 19): the importer resolves a name through `districts.selectors.Gazetteer` (its folded
key, else its transliteration skeleton); the proposer (`tracker.extraction_places`) folds a run
of words with the same function (`districts.names.spelling_words`). Checked on the shipped
districts, regions and aliases, loaded once for the module."""

import re
import unicodedata

import pytest
from django.db import transaction
from django.db.models import Q

from districts.models import Alias
from districts.name_import import aliases_import, regions_import
from districts.polygon_import import districts_import
from districts.selectors import gazetteer_load
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS
from tracker.extraction import places_find
from tracker.extraction_index import indexes_load

pytestmark = pytest.mark.django_db

# Districts and a region whose spellings carry what the importer folds: articles, hyphens,
# apostrophes, a slash, lower-case words inside a name, Arabic with its article and variants.
SAMPLE = [
    "ash-sheikh-maqsoud",
    "al-ashrafiyeh",
    "ayn-at-tal",
    "baaiedeen",
    "karm-ad-daadaa",
    "beit-muheb-jdeydeh",
    "bustan-al-qaser",
    "ash-shaar",
    "old-city",
]
ACCENTED = str.maketrans("aeiou", "áéíóú")


def written(name: str):
    """Ways a text may write `name` that the importer's folds undo: case, every hyphen and
    dash, every apostrophe, accents (composed or written apart), the article glued on or
    changed, Arabic vowel marks, tatweel and letter variants."""
    yield from (name, name.lower(), name.upper(), name.title())
    for hyphen in "\u2010\u2011\u2013 ":
        yield name.replace("-", hyphen)
    for apostrophe in "’‘`´ʿʾ":
        yield name.replace("'", apostrophe)
    accented = re.sub("[aeiou](?=[^aeiou]*$)", lambda m: m.group().translate(ACCENTED), name)
    yield from (accented, unicodedata.normalize("NFD", accented))
    article = re.match(r"(?i)(al|as|ash|ad|at|an|aj)-(\w)", name)
    if article:
        rest = name[article.end(1) + 1 :]
        yield from (rest, "el-" + rest, "Al " + rest, article.group(1) + rest)
    if re.search("[\u0600-\u06ff]", name):
        yield re.sub("([\u0628-\u064a])", "\\1\u064e", name, count=2)  # fatha
        yield name.replace("ل", "لـ", 1)
        yield name.replace("ا", "أ", 1)


# Transliterations the importer matches by skeleton alone, written as a name is in a text.
TRANSLITERATED = {
    "ash-sheikh-maqsoud": ["Sheikh Maksood", "Sheikh‑Maksoud", "Sheikh Maqsúd"],
    "al-ashrafiyeh": ["al‑Ashrafiyah", "Ashrafiyé", "al–Ashrafiya"],
    "ayn-at-tal": ["Ayn atTal", "Ain al‑Tal", "Hellouk"],
    "baaiedeen": ["Ba’edin", "Ba‘edin", "Baédin"],
    "beit-muheb-jdeydeh": ["Beit Mouheb / Jdeydeh"],
    "old-city": ["Ancient Citi of Aleppo"],
}


@pytest.fixture(scope="module")
def record(django_db_setup, django_db_blocker):
    """The shipped districts, regions and aliases, and the importer's and the proposer's
    readings of them; rolled back at the end of the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        districts_import(DEMO_DISTRICTS)
        regions_import(DEMO_REGIONS)
        aliases_import(DEMO_ALIASES)
        yield gazetteer_load(), indexes_load()
        transaction.set_rollback(True)


def resolved_slug(gazetteer, name: str) -> str | None:
    resolution = gazetteer.resolve(name)
    alias = resolution.alias
    if alias is None:
        return None
    return alias.district.slug if alias.district is not None else alias.region.slug


def found(indexes, text: str) -> list[str]:
    return [place.label for _, place in places_find(text, indexes, [])]


@pytest.mark.parametrize("slug", SAMPLE)
def test_every_spelling_the_importer_resolves_is_found_in_a_sentence(record, slug):
    gazetteer, indexes = record
    aliases = [
        alias.name for alias in Alias.objects.filter(Q(district__slug=slug) | Q(region__slug=slug))
    ]
    checked = 0
    for alias in aliases:
        for spelling in dict.fromkeys(written(alias)):
            if resolved_slug(gazetteer, spelling) != slug:
                continue  # the importer does not match this writing either
            checked += 1
            for text in (f"The army took {spelling} today.", f"Rebels in {spelling} said so."):
                assert slug in found(indexes, text), (alias, spelling, text)
    assert checked > 3 * len(aliases)  # several writings of each


@pytest.mark.parametrize("slug", sorted(TRANSLITERATED))
def test_a_transliteration_the_importer_matches_by_skeleton_is_found_written_as_a_name(
    record, slug
):
    gazetteer, indexes = record
    for spelling in TRANSLITERATED[slug]:
        resolution = gazetteer.resolve(spelling)
        assert resolution.by_skeleton and resolved_slug(gazetteer, spelling) == slug, spelling
        assert slug in found(indexes, f"The army took {spelling} today."), spelling


def test_a_lower_case_word_sharing_a_places_skeleton_is_no_place_in_prose(record):
    # The importer, reading a name cell, would match these; in prose they are common words.
    gazetteer, indexes = record
    assert resolved_slug(gazetteer, "nearby") == "an-nayrab"
    assert found(indexes, "Rebels seized the nearby hills.") == []
