"""The timeline map's pages (`/`, `/embed/`) as the server renders them: the configuration the
scripts read, the language and direction, what may be framed, and what is escaped."""

import json
import re
import string

import pytest
from django.db import connection
from django.db.models import Max, Min
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from quantitative.demo import demo_load
from tests.factories import ClaimFactory, SourceFactory
from tracker import map_text
from tracker.models import Claim
from tracker.services import timeline_rebuild

pytestmark = pytest.mark.django_db

CREDIT = "Districts: Columbia Center for Spatial Research, Conflict Urbanism: Aleppo (MIT licence)"


def config_of(response) -> dict:
    return response.context["map_config"]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_interface_string_is_in_english_and_arabic_with_the_same_placeholders():
    english, arabic = map_text.TEXT["en"], map_text.TEXT["ar"]
    assert english.keys() == arabic.keys()
    for key in english:
        assert placeholders(english[key]) == placeholders(arabic[key]), key
        assert arabic[key].strip(), key
    words = {k: re.sub(r"\{\w+\}", "", english[k]) for k in english}  # placeholders aside
    untranslated = [k for k in english if english[k] == arabic[k] and re.search("[a-z]", words[k])]
    assert untranslated == []


def test_home_page_hands_the_map_actors_lenses_and_the_span_of_the_record(client):
    demo_load()
    config = config_of(client.get("/"))
    assert config["timelineUrl"] == "/api/v1/timeline/"
    assert config["historyUrl"] == "/api/v1/districts/__slug__/history/"
    # The slider spans the record: from the first day of the earliest claim's window (a claim
    # dated to July 2012) to the last claimed change (the statements of 22 December 2016 that
    # the battle was over change the map that day).
    public = Claim.objects.filter(district__isnull=False, retracted_on__isnull=True).exclude(
        review_status="rejected"
    )
    span = public.aggregate(first=Min("effective_from"), last=Max("effective_to"))
    assert config["record"] == {
        "first": span["first"].isoformat(),
        "last": span["last"].isoformat(),
    }
    assert config["record"]["first"].startswith("2012-07")
    assert config["record"]["last"] == "2016-12-22"

    actors = {a["slug"]: a for a in config["actors"]}
    assert actors["government"]["colour"] == "#c62828"
    assert actors["kurdish_ypg"]["name_ar"] == "وحدات حماية الشعب"
    assert actors["syrian-arab-army"]["parent"] == "government"
    coalitions_first = [a["parent"] is None for a in config["actors"]]
    assert coalitions_first == sorted(coalitions_first, reverse=True)

    lenses = {lens["value"]: lens for lens in config["lenses"]}
    assert list(lenses)[:5] == [
        "consensus",
        "stance:government",
        "stance:opposition",
        "stance:independent",
        "stance:kurdish",
    ]
    assert lenses["consensus"]["label"] == "All sources, weighed"
    assert lenses["source:sohr"] == {
        "value": "source:sohr",
        "label": "SOHR",
        "group": "source",
        "stance": "independent",
        "claims": public.filter(source__slug="sohr").count(),  # what the chooser shows
    }
    assert lenses["consensus"]["claims"] == public.count()
    assert (
        lenses["stance:independent"]["claims"]
        == public.filter(source__stance="independent").count()
    )


def test_lens_picker_lists_only_sources_with_claims_about_mapped_districts(client):
    ClaimFactory(document__source=SourceFactory(slug="speaks", name="Speaks"))
    SourceFactory(slug="silent", name="Silent")
    timeline_rebuild()
    response = client.get("/")
    lenses = {lens["value"]: lens for lens in config_of(response)["lenses"]}
    assert lenses["source:speaks"]["label"] == "Speaks"
    assert lenses["source:speaks"]["claims"] == 1
    assert "source:silent" not in response.content.decode()


def test_the_record_parts_are_built_once_per_dataset_version_and_rebuilt_after_a_write(client):
    source = SourceFactory(slug="speaks", name="Speaks")
    ClaimFactory(document__source=source)
    timeline_rebuild()
    first = config_of(client.get("/"))
    with CaptureQueriesContext(connection) as again:
        assert config_of(client.get("/")) == first
    # One query, the dataset version: nor the lenses' counts, the regions nor the span again.
    assert len(again.captured_queries) == 1, [q["sql"] for q in again.captured_queries]
    ClaimFactory(document__source=source)
    timeline_rebuild()
    lenses = {lens["value"]: lens for lens in config_of(client.get("/"))["lenses"]}
    assert lenses["source:speaks"]["claims"] == 2


def test_the_kept_parts_are_keyed_by_the_codes_release_so_a_deploy_never_serves_old_ones(client):
    from django.core.cache import cache

    from common.kept import code_release
    from tracker.version import dataset_version

    poisoned = {"actors": [], "lenses": [], "record": {}, "regions": [{"slug": "poisoned"}]}
    version = dataset_version().tag
    cache.set("tracker:map-config-of-record:older-code:en", (version, poisoned))
    assert config_of(client.get("/"))["regions"] != poisoned["regions"]
    cache.set(f"tracker:map-config-of-record:{code_release()}:en", (version, poisoned))
    assert config_of(client.get("/"))["regions"] == poisoned["regions"]  # this code's entry


def test_a_record_with_no_claims_has_no_span_and_the_page_still_renders(client):
    response = client.get("/")
    assert response.status_code == 200
    assert config_of(response)["record"] == {"first": None, "last": None}


@pytest.mark.parametrize(
    ("query", "accept", "language"),
    [
        ("", "", "en"),
        ("?lang=ar", "", "ar"),
        ("", "ar,en;q=0.8", "ar"),
        ("?lang=en", "ar", "en"),
        ("?lang=xx", "", "en"),
        ("?lang=ar-SY", "", "ar"),
    ],
)
def test_language_comes_from_the_lang_parameter_else_the_browser(client, query, accept, language):
    response = client.get("/" + query, HTTP_ACCEPT_LANGUAGE=accept)
    config = config_of(response)
    assert config["language"] == language
    assert config["rtl"] is (language == "ar")
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in response.content.decode()
    assert config["text"] == map_text.TEXT[language]
    assert "Accept-Language" in response["Vary"]


def test_arabic_page_is_written_in_arabic_and_keeps_the_credit_as_licensed(client):
    page = client.get("/?lang=ar&date=2016-12-07").content.decode()
    assert "<title>متتبّع السيطرة على أحياء حلب</title>" in page
    assert 'aria-label="تشغيل"' in page
    assert CREDIT in page
    # The switch to English keeps the rest of the address.
    assert 'href="/?date=2016-12-07&amp;lang=en"' in page


def test_embed_may_be_framed_by_other_sites_and_the_home_page_may_not(client):
    assert "X-Frame-Options" not in client.get("/embed/")
    assert client.get("/")["X-Frame-Options"] in ("DENY", "SAMEORIGIN")


def test_embed_has_no_site_header_or_footer_and_links_to_the_full_map(client):
    response = client.get("/embed/?lang=ar")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' not in page and 'class="site-footer"' not in page
    assert 'id="embed-open-full"' in page and 'target="_blank"' in page
    assert config_of(response)["embed"] is True
    assert config_of(response)["credit"] == CREDIT


def test_data_in_the_page_configuration_cannot_close_its_script_element(client):
    ClaimFactory(
        document__source=SourceFactory(slug="evil", name="</script><script>alert(1)</script>")
    )
    timeline_rebuild()
    page = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in page
    [config] = re.findall(r'<script id="map-config" type="application/json">(.*?)</script>', page)
    labels = [lens["label"] for lens in json.loads(config)["lenses"]]
    assert "</script><script>alert(1)</script>" in labels


def test_map_pages_answer_only_reads(client):
    assert client.post("/").status_code == 405
    assert client.post("/embed/").status_code == 405
    assert client.head("/embed/").status_code == 200


def test_configured_tile_server_reaches_the_embed_too(client):
    with override_settings(MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png"):
        config = config_of(client.get("/embed/"))
    assert config["tileUrl"] == "https://tiles.example.org/{z}/{x}/{y}.png"
