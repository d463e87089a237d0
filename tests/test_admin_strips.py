"""A district's admin page shows its resolved control as a strip per lens."""

import datetime

import pytest

from districts.models import District
from sources.models import Document
from tests.factories import DistrictFactory, SourceFactory, actor
from tests.test_admin_roles import admin_url, staff_in
from tracker import services
from tracker.admin.strips import QUIET_DAYS_SHOWN, _Axis, district_control_strips

pytestmark = pytest.mark.django_db
D = datetime.date


def claim(district, source, day, holder=None, **extra):
    return services.claim_record(
        document=Document.objects.create(source=source, citation=f"{source.name} {day}"),
        district=district,
        place_name=district.name_en,
        status="held" if holder else "contested",
        actor=actor(holder) if holder else None,
        kind="captured" if holder else "contested",
        effective_from=day,
        **extra,
    )


@pytest.fixture
def hanano():
    """Hanano: rebel-held from 2012, taken by the army on 26 November 2016 as SANA says."""
    district = DistrictFactory(name_en="Hanano", slug="hanano")
    sohr = SourceFactory(name="SOHR", slug="sohr", stance="independent")
    sana = SourceFactory(name="SANA <state>", slug="sana", stance="government")
    claim(district, sohr, D(2012, 7, 31), "rebels")
    claim(district, sana, D(2016, 11, 26), "government")
    claim(district, sohr, D(2016, 11, 28))  # contested
    DistrictFactory(slug="elsewhere")  # other districts widen nothing: the span is the record's
    return district


def test_strips_cover_consensus_each_stance_and_each_source_with_periods(hanano):
    control = district_control_strips(hanano)
    assert [s.lens for s in control.strips] == [
        "consensus",
        "stance:government",
        "stance:opposition",
        "stance:independent",
        "stance:kurdish",
        "source:sana",
        "source:sohr",
    ]
    assert control.start == D(2012, 7, 31) and control.last_day == D(2016, 11, 28)
    consensus = control.strips[0]
    assert [(p.status, p.label, p.start) for p in consensus.periods] == [
        ("held", "Rebel groups", D(2012, 7, 31)),
        ("held", "Syrian government and allies", D(2016, 11, 26)),
        ("contested", "Contested", D(2016, 11, 28)),
    ]
    assert consensus.periods[0].background == actor("rebels").colour
    assert control.strips[4].periods == []  # no Kurdish source spoke of Hanano


def test_segments_tile_the_strip_from_edge_to_edge(hanano):
    for strip in district_control_strips(hanano).strips:
        edge = 0.0
        for segment in strip.segments:
            assert segment.left == pytest.approx(edge, abs=0.01)
            edge = segment.left + segment.width
        assert edge == pytest.approx(100, abs=0.01)


def test_a_long_quiet_stretch_is_shortened_so_weeks_of_fighting_stay_visible():
    axis = _Axis(D(2012, 7, 31), D(2016, 12, 1), {D(2016, 11, 26)})
    assert axis.percent(D(2016, 11, 26)) == pytest.approx(
        100 * QUIET_DAYS_SHOWN / (QUIET_DAYS_SHOWN + 5), abs=0.001
    )
    assert axis.breaks() == [(0.0, axis.percent(D(2016, 11, 26)))]
    assert [label for _, label in axis.ticks()] == ["31 Jul 2012", "26 Nov 2016"]


def test_district_page_draws_the_strips_with_names_escaped(client, hanano):
    client.force_login(staff_in("analyst"))
    html = client.get(admin_url(District, "change", hanano.pk)).content.decode()
    assert 'id="control-strips"' in html
    assert html.count('class="strip"') == 7
    assert f"background:{actor('rebels').colour}" in html
    assert "SANA &lt;state&gt; (government)" in html and "SANA <state>" not in html
    assert "31 Jul 2012" in html and "No claim about this district in this lens." in html
    assert "?district__id__exact=" in html


def test_district_page_without_any_claim_on_record_shows_no_strip(client):
    district = DistrictFactory()
    client.force_login(staff_in("analyst"))
    html = client.get(admin_url(District, "change", district.pk)).content.decode()
    assert 'id="control-strips"' not in html
    assert '<svg class="district-outline"' in html  # readers see the outline, not coordinates
    assert "MULTIPOLYGON" not in html
