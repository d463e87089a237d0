"""`compare_reference` on a constructed reference against periods set by hand.

The lens (consensus) on 1 and 10 Dec 2016: Hanano held by the government (last reported in May,
so stale), ash-Shaar disputed between government and rebels, Jalloum held by the rebels, Souq
contested, as-Sakhour unknown. Jalloum and Souq form the "Old City" region. The reference (an "Old City: government" row of
10 Dec is overridden by the rows naming its two districts that day):

| date   | district-day       | reference            | tool              | strict | lenient |
|--------|--------------------|----------------------|-------------------|--------|---------|
| 1 Dec  | Hanano             | government (all)     | government, stale | yes    | yes     |
| 1 Dec  | ash-Shaar          | split gov + rebels   | disputed          | yes    | yes     |
| 1 Dec  | Jalloum (Old City) | nusra = rebels       | rebels            | yes    | yes     |
| 1 Dec  | Souq (Old City)    | nusra = rebels (most)| contested         | no     | no      |
| 1 Dec  | as-Sakhour         | government           | unknown           | -      | -       |
| 10 Dec | Souq               | rebels (part)        | contested         | no     | yes     |
| 10 Dec | Jalloum            | split gov + rebels   | rebels            | no     | yes     |

So 1 Dec: 4 of 5 stated (80%), strict 3/4, lenient 3/4; 10 Dec: 2 of 2 stated, strict 0/2,
lenient 2/2; overall: 6 of 7 stated (85.7%), strict 3/6 (50%), lenient 5/6 (83.3%).
"""

import datetime
import io
import json

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from districts.models import Alias
from districts.names import name_key
from tests.factories import (
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    RegionFactory,
    SourceFactory,
    actor,
)
from tracker.agreement import reference_compare
from tracker.models import Actor, ControlPeriod

pytestmark = pytest.mark.django_db
D = datetime.date
LENS = "consensus"
NOV_30 = D(2016, 11, 30)
LONG_QUOTE = "Fighting goes on street by street in Souq al-Madina, " + "and more " * 30

HEADER = "date,district,controller,extent,confidence,basis,citation,quote,notes\n"
REFERENCE = HEADER + (
    "2016-12-01,Hanano,government,all,high,assessment,https://example.org/map,,\n"
    "2016-12-01,al-Shaar,government,part,medium,assessment,https://example.org/map,,\n"
    "2016-12-01,ash-Shaar,rebels,part,medium,assessment,https://example.org/map,,\n"
    "2016-12-01,Old City,nusra,most,low,report,https://example.org/wire,,\n"
    "2016-12-01,as-Sakhour,government,all,,report,https://example.org/wire,,\n"
    "2016-12-10,Souq al-Madina,rebels,part,,report,https://example.org/wire,,\n"
    "2016-12-10,Jalloum,government,most,,report,https://example.org/wire,,\n"
    "2016-12-10,Jalloum,rebels,part,,report,https://example.org/wire,,\n"
    "2016-12-10,Old City,government,all,,assessment,https://example.org/map,,\n"
)


def spell(name, *, district=None, region=None):
    Alias.objects.create(
        name=name, key=name_key(name), district=district, region=region, origin=Alias.Origin.NAME
    )


def period(district, status, *, who=None, actors=(), support=(), report_days=(NOV_30,)):
    ControlPeriod.objects.create(
        lens=LENS,
        district=district,
        status=status,
        actor=actor(who) if who else None,
        actors=list(actors) or ([who] if who else []),
        start=D(2016, 11, 1),
        end=None,
        start_earliest=D(2016, 11, 1),
        support_ids=[c.pk for c in support],
        report_days=[d.isoformat() for d in report_days],
        last_reported=max(report_days),
    )


@pytest.fixture
def city(db):
    Actor.objects.filter(slug="nusra").update(parent=actor("rebels"))
    districts = {}
    for slug, name in [
        ("hanano", "Hanano"),
        ("ash-shaar", "ash-Shaar"),
        ("jalloum", "Jalloum"),
        ("souq", "Souq al-Madina"),
        ("as-sakhour", "as-Sakhour"),
    ]:
        districts[slug] = DistrictFactory(slug=slug, name_en=name)
        spell(name, district=districts[slug])
    old_city = RegionFactory(slug="old-city", name_en="Old City")
    old_city.districts.add(districts["jalloum"], districts["souq"])
    spell("Old City", region=old_city)
    monitor = DocumentFactory(source=SourceFactory(slug="sohr", stance="independent"))
    army = DocumentFactory(source=SourceFactory(slug="syrian-army", stance="government"))
    souq_claim = ClaimFactory(
        document=monitor,
        district=districts["souq"],
        status="contested",
        actor=None,
        kind="contested",
        effective_from=D(2016, 11, 30),
        quote=LONG_QUOTE,
    )
    jalloum_claim = ClaimFactory(
        document=army,
        district=districts["jalloum"],
        actor=actor("rebels"),
        effective_from=D(2016, 11, 29),
        quote="Terrorists still hold Jalloum.",
    )
    period(districts["hanano"], "held", who="government", report_days=(D(2016, 5, 1),))
    period(districts["ash-shaar"], "disputed", actors=("government", "rebels"))
    period(districts["jalloum"], "held", who="rebels", support=[jalloum_claim])
    period(districts["souq"], "contested", support=[souq_claim])
    return {"souq_claim": souq_claim, "jalloum_claim": jalloum_claim}


@pytest.fixture
def reference(tmp_path):
    path = tmp_path / "reference.csv"
    path.write_text(REFERENCE, encoding="utf-8")
    return path


def test_agreement_and_coverage_per_date_and_overall(city, reference):
    comparison = reference_compare(reference, lens=LENS)
    first, tenth = comparison.by_day[D(2016, 12, 1)], comparison.by_day[D(2016, 12, 10)]
    assert (first.total, first.stated, first.strict, first.lenient) == (5, 4, 3, 3)
    assert (tenth.total, tenth.stated, tenth.strict, tenth.lenient) == (2, 2, 0, 2)
    overall = comparison.overall
    assert (overall.total, overall.stated, overall.strict, overall.lenient) == (7, 6, 3, 5)
    assert overall.strict_percent == pytest.approx(50.0)
    assert overall.lenient_percent == pytest.approx(500 / 6)
    assert overall.coverage_percent == pytest.approx(600 / 7)


def test_a_stale_state_counts_as_stated_and_is_reported(city, reference):
    comparison = reference_compare(reference, lens=LENS)
    assert comparison.by_day[D(2016, 12, 1)].stale == 1  # Hanano, last reported 1 May
    hanano = next(v for v in comparison.verdicts if v.entry.district == "hanano")
    assert hanano.tool.stale and hanano.strict


def test_a_region_expands_to_its_districts_and_a_member_counts_as_its_coalition(city, reference):
    comparison = reference_compare(reference, lens=LENS)
    old_city = {v.entry.district: v for v in comparison.verdicts if v.entry.day == D(2016, 12, 1)}
    assert old_city["jalloum"].entry.holders == {"rebels": "most"}
    assert old_city["jalloum"].strict
    assert old_city["souq"].entry.holders == {"rebels": "most"}
    assert not old_city["souq"].strict and not old_city["souq"].lenient


def test_rows_naming_a_district_override_a_region_row_on_the_same_day(city, reference):
    entries = {
        (v.entry.day, v.entry.district): v.entry
        for v in reference_compare(reference, lens=LENS).verdicts
    }
    assert entries[(D(2016, 12, 10), "souq")].holders == {"rebels": "part"}
    assert entries[(D(2016, 12, 10), "souq")].lines == (7,)
    assert entries[(D(2016, 12, 10), "jalloum")].lines == (8, 9)


def test_split_control_agrees_with_disputed_naming_both_not_with_one_holder(city, reference):
    verdicts = {
        (v.entry.day, v.entry.district): v for v in reference_compare(reference, lens=LENS).verdicts
    }
    shaar = verdicts[(D(2016, 12, 1), "ash-shaar")]
    assert shaar.entry.holders == {"government": "part", "rebels": "part"}
    assert shaar.strict and shaar.lenient
    jalloum = verdicts[(D(2016, 12, 10), "jalloum")]
    assert jalloum.tool.label == "rebels"
    assert not jalloum.strict and jalloum.lenient


def test_the_command_prints_the_confusion_table_and_each_disagreement(city, reference):
    out = io.StringIO()
    call_command("compare_reference", str(reference), stdout=out)
    text = out.getvalue()
    lines = text.splitlines()
    overall = next(line for line in lines if line.startswith("overall"))
    assert overall.split() == ["overall", "7", "6", "85.7%", "50.0%", "83.3%", "1"]
    table = lines[lines.index(next(x for x in lines if x.startswith("reference \\ tool"))) :]
    columns = table[0].split()[3:]
    assert columns == ["contested", "disputed", "government", "rebels", "unknown"]
    counts = {row.split()[0]: row.split()[-5:] for row in table[1:4]}
    assert counts["rebels"] == ["2", "0", "0", "1", "0"]
    assert counts["government"] == ["0", "0", "1", "0", "1"]
    assert "Disagreements (strict), 3:" in text
    souq_claim = city["souq_claim"]
    assert (
        "- 2016-12-10 souq (line 7): reference rebels (part); tool contested since 2016-11-01, "
        "last reported 2016-11-30; lenient: agrees" in text
    )
    shown = f'    claim {souq_claim.pk} by sohr on 2016-11-30: contested "Fighting goes on'
    assert shown in text
    quote_line = next(line for line in lines if line.startswith(shown))
    assert quote_line.endswith('…"') and len(quote_line) < 200  # the quote is truncated
    assert f"claim {city['jalloum_claim'].pk} by syrian-army" in text


def test_json_output_carries_the_same_figures(city, reference):
    out = io.StringIO()
    call_command("compare_reference", str(reference), "--json", stdout=out)
    document = json.loads(out.getvalue())
    assert document["overall"]["strict_agreement"] == pytest.approx(50.0)
    assert document["by_date"]["2016-12-10"]["lenient_agreement"] == pytest.approx(100.0)
    assert {(d["date"], d["district"]) for d in document["disagreements"]} == {
        ("2016-12-01", "souq"),
        ("2016-12-10", "souq"),
        ("2016-12-10", "jalloum"),
    }


def test_min_agreement_passes_at_the_figure_and_fails_above_it(city, reference):
    call_command("compare_reference", str(reference), "--min-agreement", "50", stdout=io.StringIO())
    with pytest.raises(CommandError, match=r"Strict agreement 50.0% is below the required 51%"):
        call_command(
            "compare_reference", str(reference), "--min-agreement", "51", stdout=io.StringIO()
        )


def test_min_agreement_below_the_figure_exits_with_status_1(city, reference, capsys):
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(
            ["manage.py", "compare_reference", str(reference), "--min-agreement", "90"]
        )
    assert exit_.value.code == 1
    assert "below the required 90%" in capsys.readouterr().err


def test_a_bad_file_is_rejected_naming_each_line_and_reason(city, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,district,controller,extent\n"
        "2016-12-01,Hanano,government,all\n"
        "2016-12-01,Atlantis,government,all\n"
        "2016-12-01,Hanano,martians,all\n"
        "2016-13-01,Hanano,rebels,everything\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        call_command("compare_reference", str(path), stdout=io.StringIO())
    message = str(error.value)
    assert "3 problem(s)" in message
    assert "line 3: district 'Atlantis' matches no district or region" in message
    assert "line 4: controller 'martians' is not an actor slug" in message
    assert "line 5: date '2016-13-01' is not a day" in message
    assert "extent 'everything' is not one of all, most, part, unclear" in message
    assert "line 2" not in message


def test_a_file_without_the_required_columns_is_rejected(city, tmp_path):
    path = tmp_path / "columns.csv"
    path.write_text("date,district,holder\n2016-12-01,Hanano,government\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        call_command("compare_reference", str(path), stdout=io.StringIO())
