"""import_claims and load_demo: the contract of DESIGN.md, on the real demo file and on bad copies."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from districts.models import Alias, District, Region
from districts.name_import import aliases_import, regions_import
from districts.names import name_key
from districts.polygon_import import districts_import
from districts.selectors import gazetteer_load
from quantitative.demo import DEMO_QUANTITATIVE, demo_load
from quantitative.models import QuantitativeClaim
from sources.models import Document, Source
from tests.factories import DistrictFactory, RegionFactory, SourceFactory, UserFactory
from tracker.demo import DEMO_ALIASES, DEMO_CLAIMS, DEMO_DISTRICTS, DEMO_REGIONS, demo_record_files
from tracker.import_rows import Attribution, attribution_split
from tracker.imports import ClaimImportError, claim_window, claims_import
from tracker.models import Claim, ControlPeriod
from tracker.services import place_name_map

pytestmark = pytest.mark.django_db

HEADER = (
    "date,date_precision,district_en,claimed_controller,claim_type,source_org,source_stance,"
    "citation,quote,notes\n"
)
# Places in the demo file with no polygon of their own, each checked against the CSR data
# (districts/data/README.md: "Names not found at all" and "Area covered"):
EXPECTED_UNMAPPED = {
    "Ard al-Hamra",  # a district between Hanano and the airport road; no CSR polygon
    "Castello Road",  # the supply road north of the city
    "Dahiyat al-Assad",  # western suburb beyond New Aleppo, outside the polygons
    "Handarat camp",  # north of the city
    "Inzarat",  # a north-eastern quarter; no CSR polygon or alternative name
    "Karm al-Afandi",  # named by SANA on 12 Dec; no CSR polygon or alternative name
    "Mallah Farms",  # farmland north of the city
    "Ramouseh (Armament school)",  # military schools south of the Ramouseh districts
    "Sheikh Lutfi",  # README: not in the names or the alternative names
}
# The names the brief asks for, and what the curated table or the folding maps them to.
EXPECTED_DISTRICT = {
    "Salaheddine": "salah-ad-deen",
    "Sakhour": "as-sakhour",
    "Layramoun": "al-belleramoon",
    "Hallak": "ayn-at-tal",
    "Tariq al-Bab": "ash-shaar",
    "Bani Zeid": "rasafeh",
    "Bab al-Hadid": "al-bayyada",
    "Mashhad": "al-ansari-mashhad",
    "Souq al-Hal": "al-kallaseh",
    "Jisr al-Haj": "al-fardos",
    "Karm al-Tahhan": "karm-homad",
    "Aqyul": "aghyor",
    "Karm al-Maysar": "karm-al-myassar",
    "Sheikh Khodr": "sheikh-kheder",
    "Halwaniyah": "al-helwaniyeh",
    "Salihin": "as-salheen",
    "Fardous": "al-fardos",
    "Baedeen": "baaiedeen",
    "Karm al-Jazmati (youth housing)": "karm-aj-jazmati",
    "Ashrafiyeh": "al-ashrafiyeh",
    "Bustan al-Qasr": "bustan-al-qaser",
    "Haydariya": "al-haydariyeh",
    "Maqamat": "bab-al-maqam",
}
EXPECTED_REGION = {"Old City": "old-city", "Ramouseh": "ramouseh-industrial"}


@pytest.fixture
def aleppo():
    """The demo polygons, regions and curated spellings, without claims."""
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    aliases_import(DEMO_ALIASES)


def demo_rows():
    with DEMO_CLAIMS.open(encoding="utf-8-sig") as demo:
        return list(csv.DictReader(demo))


def demo_copy(tmp_path, edits):
    """Write the demo file with some physical lines replaced ({line number: new line})."""
    lines = DEMO_CLAIMS.read_text(encoding="utf-8").splitlines()
    for number, text in edits.items():
        lines[number - 1] = text
    path = tmp_path / "claims.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def demo_line(number):
    return DEMO_CLAIMS.read_text(encoding="utf-8").splitlines()[number - 1]


def csv_file(tmp_path, *rows, encoding="utf-8"):
    path = tmp_path / "claims.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding=encoding)
    return path


def counts():
    return (Claim.objects.count(), Document.objects.count(), Source.objects.count())


# --- Place names ---------------------------------------------------------------------------


def test_every_demo_place_with_a_polygon_matches_and_the_others_stay_unmapped(aleppo):
    gazetteer = gazetteer_load()
    names = {row["district_en"] for row in demo_rows()}
    resolved = {name: gazetteer.resolve(name) for name in names}
    assert {n for n, r in resolved.items() if not r.is_mapped} == EXPECTED_UNMAPPED
    for name, slug in EXPECTED_DISTRICT.items():
        assert [d.slug for d in resolved[name].districts] == [slug], name
    for name, slug in EXPECTED_REGION.items():
        assert resolved[name].region.slug == slug, name


# The same places in Arabic, as the polygon data or the curated table spell them.
EXPECTED_ARABIC = {
    "صلاح الدين": "salah-ad-deen",
    "الصاخور": "as-sakhour",
    "الليرمون": "al-belleramoon",
    "الهلك": "ayn-at-tal",
    "طريق الباب": "ash-shaar",
    "بني زيد": "rasafeh",
    "باب الحديد": "al-bayyada",
    "المشهد": "al-ansari-mashhad",
    "سوق الهال": "al-kallaseh",
    "جسر الحج": "al-fardos",
    "كرم الطحان": "karm-homad",
    "أقيول": "aghyor",
    "كرم الميسر": "karm-al-myassar",
    "الشيخ خضر": "sheikh-kheder",
    "الحلوانيه": "al-helwaniyeh",
    "الصالحين": "as-salheen",
    "بعيدين": "baaiedeen",
    "كرم الجزماتي": "karm-aj-jazmati",
    "مساكن هنانو": "hanano",
    "المقامات": "bab-al-maqam",
}


def test_arabic_spellings_of_the_demo_places_match_the_same_districts(aleppo):
    gazetteer = gazetteer_load()
    resolved = {
        arabic: [d.slug for d in gazetteer.resolve(arabic).districts] for arabic in EXPECTED_ARABIC
    }
    assert resolved == {arabic: [slug] for arabic, slug in EXPECTED_ARABIC.items()}


def test_arabic_region_names_denote_their_regions(aleppo):
    gazetteer = gazetteer_load()
    assert gazetteer.resolve("المدينة القديمة").region.slug == "old-city"
    assert gazetteer.resolve("الراموسه").region.slug == "ramouseh-industrial"
    assert len(gazetteer.resolve("حلب").districts) == District.objects.count()


# --- The demo file -------------------------------------------------------------------------


def test_the_demo_file_imported_twice_stores_every_row_once(aleppo):
    rows = demo_rows()
    sizes = {
        name: Region.objects.get(slug=s).districts.count() for name, s in EXPECTED_REGION.items()
    }
    # One claim per row, one per district for the rows naming a region (Old City x4, Ramouseh x3).
    expected = sum(sizes.get(row["district_en"], 1) for row in rows)
    assert expected == len(rows) + 4 * (sizes["Old City"] - 1) + 3 * (sizes["Ramouseh"] - 1)

    first = claims_import(DEMO_CLAIMS)
    assert first.rows == len(rows) == 107
    assert first.claims_created == Claim.objects.count() == expected
    fingerprints = {key.split(":")[0] for key in Claim.objects.values_list("import_key", flat=True)}
    assert len(fingerprints) == len(rows)
    before = counts()

    second = claims_import(DEMO_CLAIMS)
    assert (second.claims_created, second.documents_created, second.sources_created) == (0, 0, 0)
    assert second.claims_present == expected
    assert counts() == before


def test_demo_claims_carry_speaker_outlet_window_and_status(aleppo):
    user = UserFactory()
    claims_import(DEMO_CLAIMS, recorded_by=user)
    via_ap = Claim.objects.get(attribution="SOHR (via AP)")
    assert via_ap.source.name == "SOHR" and via_ap.document.outlet == "AP"
    alam = Claim.objects.filter(attribution="Al-Alam (Iranian state TV)")
    assert set(alam.values_list("source__name", flat=True)) == {"Al-Alam"}
    assert Source.objects.get(name="SOHR").stance == Source.Stance.INDEPENDENT
    # line 6: 2012-08-15, month precision
    month = Claim.objects.get(district__slug="salah-ad-deen", date_precision="month")
    assert (month.effective_from, month.effective_to) == (
        datetime.date(2012, 7, 16),
        datetime.date(2012, 8, 15),
    )
    assert month.status == Claim.Status.HELD and month.actor.slug == "rebels"
    # line 32: 2016-11-26, week precision, "over the weekend"
    week = Claim.objects.get(district__slug="jabal-badro", date_precision="week")
    assert week.effective_from == datetime.date(2016, 11, 20)
    # line 2: contested on the night of 19 July 2012
    contested = Claim.objects.get(district__slug="salah-ad-deen", effective_to="2012-07-19")
    assert contested.status == Claim.Status.CONTESTED and contested.actor is None
    # its citation names the stored copy's address, read as the document's URL
    assert contested.document.url.startswith("https://github.com/front-lines-org/website/blob/")
    assert contested.document.citation.startswith("Wikipedia: Battle of Aleppo (2012–2016) - ")
    # a URL that contains parentheses is kept whole
    wiki = "https://en.m.wiki.x.io/wiki/Aleppo_offensive_(June%E2%80%93July_2016)"
    assert Claim.objects.filter(document__url=wiki, place_name="Layramoun").exists()
    assert set(Claim.objects.values_list("review_status", flat=True)) == {"pending"}
    assert set(Claim.objects.values_list("recorded_by", flat=True)) == {user.pk}
    # the timeline of the districts that gained claims is recomputed with them
    assert ControlPeriod.objects.filter(district__slug="hanano", lens="consensus").exists()


def test_a_region_row_gives_one_claim_per_district_each_keeping_the_place_name(aleppo):
    claims_import(DEMO_CLAIMS)
    old_city = Claim.objects.filter(place_name="Old City")
    districts = Region.objects.get(slug="old-city").districts.all()
    assert old_city.count() == 4 * districts.count()
    on_7_dec = old_city.filter(attribution="The Guardian")
    assert set(on_7_dec.values_list("district", flat=True)) == {d.pk for d in districts}
    assert all(c.import_key.endswith(f":{c.district.slug}") for c in on_7_dec)


def test_unmapped_names_are_kept_with_their_place_and_listed_once_with_suggestions(aleppo):
    report = claims_import(DEMO_CLAIMS)
    unmapped = Claim.objects.filter(district__isnull=True)
    assert set(unmapped.values_list("place_name", flat=True)) == EXPECTED_UNMAPPED
    listed = {u.name: u for u in report.unmapped}
    assert set(listed) == EXPECTED_UNMAPPED
    assert listed["Sheikh Lutfi"].rows == unmapped.filter(place_name="Sheikh Lutfi").count() == 3
    assert all(
        d.name_en.startswith(("ash-Sheikh", "Sheikh")) for d in listed["Sheikh Lutfi"].suggestions
    )
    assert listed["Sheikh Lutfi"].suggestions


def test_a_dry_run_writes_nothing_and_reports_what_an_import_creates(aleppo):
    before = counts()
    dry = claims_import(DEMO_CLAIMS, dry_run=True)
    assert counts() == before == (0, 0, 0)
    assert ControlPeriod.objects.count() == 0
    real = claims_import(DEMO_CLAIMS)
    assert (dry.claims_created, dry.documents_created, dry.sources_created) == (
        real.claims_created,
        real.documents_created,
        real.sources_created,
    )
    assert dry.claims_created > 0


def test_the_command_prints_the_counts_and_the_dry_run_says_nothing_was_written(aleppo, capsys):
    call_command("import_claims", str(DEMO_CLAIMS), "--dry-run")
    out = capsys.readouterr().out
    # 107 rows, plus 13 more districts for each of 4 Old City rows, 3 more for 3 Ramouseh rows
    assert "Claims: 168 would be created, 0 already present." in out
    assert "'Sheikh Lutfi' (3 rows): closest districts" in out
    assert "Dry run: nothing was written." in out
    assert Claim.objects.count() == 0


# --- Rejected files ------------------------------------------------------------------------


def test_one_bad_date_in_a_copy_of_the_demo_rejects_the_file_and_names_its_line(tmp_path):
    line_30 = demo_line(30)
    assert line_30.startswith("2016-11-26,")
    path = demo_copy(tmp_path, {30: "2016-11-31" + line_30[len("2016-11-26") :]})
    with pytest.raises(ClaimImportError) as raised:
        claims_import(path)
    assert raised.value.errors == [
        "line 30: date '2016-11-31' is not a day of the calendar; check the month and day."
    ]
    assert counts() == (0, 0, 0)


def test_every_bad_row_is_listed_with_its_line_and_how_to_fix_it(tmp_path):
    fields = {n: next(csv.reader([demo_line(n)])) for n in (5, 20, 40, 60, 80)}
    fields[5][0] = "12/07/2016"
    fields[20][3] = "army"
    fields[40][6] = "neutral"
    fields[60][5] = ""
    fields[80][7], fields[80][1] = "", "year"

    def joined(values):
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(values)
        return out.getvalue()

    path = demo_copy(tmp_path, {n: joined(v) for n, v in fields.items()})
    with pytest.raises(ClaimImportError) as raised:
        claims_import(path)
    errors = raised.value.errors
    assert [e.split(":")[0] for e in errors] == [
        "line 5",
        "line 20",
        "line 40",
        "line 60",
        "line 80",
    ]
    assert "not written YYYY-MM-DD" in errors[0]
    assert "claimed_controller 'army' is not one of" in errors[1] and "'contested'" in errors[1]
    assert "source_stance 'neutral' is not one of government, opposition" in errors[2]
    assert "source_org is empty; name who made the claim" in errors[3]
    assert "date_precision 'year' is not one of day, week, month" in errors[4]
    assert "citation is empty" in errors[4]
    assert counts() == (0, 0, 0)


def test_the_command_fails_with_the_full_list_of_bad_rows(tmp_path):
    path = csv_file(
        tmp_path,
        "2016-12-01,day,Hanano,government,captured,SANA,government,,q,",
        "2016-12-01,day,,government,taken,SANA,government,http://x.org/1,q,",
    )
    with pytest.raises(CommandError) as raised:
        call_command("import_claims", str(path))
    message = str(raised.value)
    assert "2 problem(s)" in message
    assert "line 2: citation is empty" in message
    assert "line 3: district_en is empty" in message and "claim_type 'taken'" in message


def test_a_missing_column_rejects_the_file_naming_it(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(
        "date,date_precision,district_en,claimed_controller,claim_type,source_org,citation,quote,"
        "notes\n2016-12-01,day,Hanano,government,captured,SANA,http://x.org/1,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ClaimImportError, match=r"missing column\(s\) source_stance"):
        claims_import(path)


def test_a_file_in_another_encoding_is_refused_with_how_to_fix_it(tmp_path):
    path = csv_file(
        tmp_path,
        "2016-12-01,day,الصاخور,government,captured,SANA,government,http://x.org/1,,",
        encoding="cp1256",
    )
    with pytest.raises(ClaimImportError, match="not UTF-8.*Save the file as UTF-8"):
        claims_import(path)
    assert counts() == (0, 0, 0)


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path):
    hanano = DistrictFactory(slug="hanano", name_en="Hanano")
    Alias.objects.create(name="Hanano", key=name_key("Hanano"), district=hanano)
    path = csv_file(
        tmp_path,
        "2016-12-01,day,Hanano,government,captured,SANA,government,http://x.org/1,,",
        encoding="utf-8-sig",
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    claims_import(path)
    assert Claim.objects.get().district == hanano


def test_the_document_is_the_first_address_in_the_citation(tmp_path):
    path = csv_file(
        tmp_path,
        '2016-12-01,day,X,rebels,held,SNN,opposition,"Copy (at https://x.org/a). Also https://y.org",,',
        "2016-12-01,day,Y,rebels,held,SNN,opposition,https://x.org/a (AFP),,",
    )
    claims_import(path)
    document = Document.objects.get()
    assert document.url == "https://x.org/a"
    assert document.citation == "Copy (at https://x.org/a). Also https://y.org"
    assert Claim.objects.filter(document=document).count() == 2


def test_an_invalid_address_in_a_citation_is_refused(tmp_path):
    path = csv_file(
        tmp_path, "2016-12-01,day,X,rebels,held,SNN,opposition,see http://bad_host/page,,"
    )
    with pytest.raises(
        ClaimImportError, match="line 2: the address 'http://bad_host/page' in citation is not"
    ):
        claims_import(path)


def test_an_overlong_quote_and_a_malformed_row_are_refused(tmp_path):
    path = csv_file(
        tmp_path,
        "2016-12-01,day,Hanano,government,captured,SANA,government,http://x.org/1,"
        + "q" * 1001
        + ",",
        "2016-12-01,day,Hanano,government,captured,SANA,government,http://x.org/2,a, b, c",
    )
    with pytest.raises(ClaimImportError) as raised:
        claims_import(path)
    assert "line 2: quote has 1001 characters" in raised.value.errors[0]
    assert "line 3: has 11 fields but the header has 10" in raised.value.errors[1]


def test_a_stance_that_contradicts_the_source_on_record_is_kept_and_warned_about(tmp_path):
    SourceFactory(name="SOHR", slug="sohr", stance=Source.Stance.OPPOSITION)
    path = csv_file(
        tmp_path,
        "2016-12-01,day,Hanano,government,captured,SOHR (via AFP),independent,http://x.org/1,,",
    )
    report = claims_import(path)
    assert report.claims_created == 1
    assert Source.objects.get(slug="sohr").stance == Source.Stance.OPPOSITION
    [warning] = report.warnings
    assert warning.startswith("line 2: source_stance is 'independent' but the source on record")
    assert warning in report.summary()


def test_rows_giving_one_speaker_two_stances_keep_the_majority_and_warn_on_the_odd_row(tmp_path):
    path = csv_file(
        tmp_path,
        "2016-12-01,day,Hanano,government,captured,Syrian Army (via DW),independent,http://x.org/2,,",
        "2016-12-02,day,Hanano,government,captured,Syrian Army,government,http://x.org/1,,",
        "2016-12-03,day,Hanano,government,captured,Syrian Army (via TASS),government,http://x.org/3,,",
    )
    report = claims_import(path)
    assert report.claims_created == 3
    assert Source.objects.get(name="Syrian Army").stance == Source.Stance.GOVERNMENT
    assert Claim.objects.filter(source__stance="independent").count() == 0
    [warning] = report.warnings
    assert warning.startswith("line 2: source_stance is 'independent' but 2 other row(s) give(s)")


def test_a_contested_claim_type_needs_a_contested_controller(tmp_path):
    path = csv_file(
        tmp_path,
        "2016-12-01,day,Hanano,government,contested,SANA,government,http://x.org/1,,",
    )
    with pytest.raises(ClaimImportError, match="set both to 'contested'"):
        claims_import(path)


# --- Idempotence and later mapping ---------------------------------------------------------


def test_an_unmapped_name_mapped_later_by_an_analyst_is_not_imported_again(tmp_path):
    path = csv_file(
        tmp_path,
        "2016-12-06,day,Sheikh Lutfi,government,captured,SouthFront,government,http://x.org/1,,",
        "2016-12-07,day,Old Town,government,captured,SANA,government,http://x.org/2,,",
    )
    claims_import(path)
    lutfi = DistrictFactory(slug="sheikh-lutfi", name_en="Sheikh Lutfi")
    old_town = RegionFactory(slug="old-town")
    old_town.districts.set([DistrictFactory(slug="a"), DistrictFactory(slug="b")])
    place_name_map(name="Sheikh Lutfi", district=lutfi)
    place_name_map(name="Old Town", region=old_town)
    mapped = Claim.objects.count()
    assert mapped == 3

    report = claims_import(path)
    assert report.claims_created == 0 and Claim.objects.count() == mapped
    assert report.unmapped == []


def test_a_row_repeated_in_one_file_is_stored_once(tmp_path):
    row = "2016-12-06,day,Nowhere,rebels,held,Rebel source,opposition,Some statement,,"
    report = claims_import(csv_file(tmp_path, row, row))
    assert (report.claims_created, report.claims_present) == (1, 1)
    claim = Claim.objects.get()
    assert claim.district is None and claim.document.url is None
    assert claim.document.citation == "Some statement"


# --- load_demo -----------------------------------------------------------------------------


def _data_rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_load_demo_loads_everything_and_a_second_run_changes_nothing(capsys):
    report = demo_load()
    assert report.changed
    # Every polygon of the districts file, and every region of the regions table.
    features = json.loads(DEMO_DISTRICTS.read_text(encoding="utf-8"))["features"]
    assert District.objects.count() == len(features) == 126
    assert Region.objects.count() == len(_data_rows(DEMO_REGIONS))
    # The hand-off's claims, then the record's files, each of them counted in the report.
    assert report.claims.claims_created > 0 and len(report.record) == len(demo_record_files())
    record = [r.claims_created for r in report.record]
    assert all(record) and Claim.objects.count() == report.claims.claims_created + sum(record)
    # The quantitative claims too: one per row, about the east and the whole city.
    assert report.quantitative.claims_created == len(_data_rows(DEMO_QUANTITATIVE))
    assert set(QuantitativeClaim.objects.values_list("region__slug", flat=True)) == {
        row["scope"] for row in _data_rows(DEMO_QUANTITATIVE)
    }
    before = (
        counts(),
        Alias.objects.count(),
        ControlPeriod.objects.count(),
        QuantitativeClaim.objects.count(),
    )
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out
    assert (
        counts(),
        Alias.objects.count(),
        ControlPeriod.objects.count(),
        QuantitativeClaim.objects.count(),
    ) == before


# --- Rules as functions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "precision", "first"),
    [
        ("2016-12-07", "day", "2016-12-07"),
        ("2016-11-26", "week", "2016-11-20"),
        ("2016-08-15", "month", "2016-07-16"),
        ("2016-03-31", "month", "2016-03-01"),  # 31 Feb does not exist: from 29 Feb + 1 day
        ("2016-01-10", "month", "2015-12-11"),
    ],
)
def test_the_window_ends_on_the_date_and_starts_by_precision(day, precision, first):
    assert claim_window(datetime.date.fromisoformat(day), precision) == (
        datetime.date.fromisoformat(first),
        datetime.date.fromisoformat(day),
    )


@pytest.mark.parametrize(
    ("source_org", "speaker", "outlet"),
    [
        ("SOHR (via AP)", "SOHR", "AP"),
        ("Al-Alam (Iranian state TV)", "Al-Alam", ""),
        ("SOHR (via AFP/The New Arab)", "SOHR", "AFP/The New Arab"),
        (
            "Al-Masdar News (Leith Fadel, via Derechos/Equipo Nizkor)",
            "Al-Masdar News",
            "Derechos/Equipo Nizkor",
        ),
        ("SRG media (rebel) via yallasouriya", "SRG media", "yallasouriya"),
        ("AFP (photo caption via Boston Globe)", "AFP", "Boston Globe"),
        ("Wikipedia: Battle of Aleppo (2012–2016)", "Wikipedia: Battle of Aleppo", ""),
        ("Tasnim", "Tasnim", ""),
        ("(anonymous)", "(anonymous)", ""),
    ],
)
def test_the_speaker_is_the_attribution_without_its_parenthetical(source_org, speaker, outlet):
    assert attribution_split(source_org) == Attribution(speaker=speaker, outlet=outlet)
