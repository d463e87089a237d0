"""One source per originator: the cleanup file, and the demo it cleans.

The file `tracker/data/source_cleanup.csv` holds the decisions (merges, stances, sides,
kinds); the demo loader applies it after the claims, through `sources_merge` and
`source_update`.
"""

import csv
import re

import pytest

from quantitative.demo import demo_load
from sources.models import Source
from sources.services import source_find
from tests.factories import ClaimFactory, DocumentFactory, SourceFactory
from tracker.demo import DEMO_SOURCE_CLEANUP
from tracker.models import Actor, ControlPeriod
from tracker.services import timeline_rebuild
from tracker.source_changes import SourceChangeError
from tracker.source_cleanup import sources_cleanup

pytestmark = pytest.mark.django_db


def cleanup_rows(action: str | None = None) -> list[dict[str, str]]:
    with open(DEMO_SOURCE_CLEANUP, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if action is None or r["action"] == action]


def periods() -> list[tuple]:
    # Not the id, nor recorded_at: when a period was written is not what it says.
    skip = {"id", "recorded_at"}
    fields = [f.attname for f in ControlPeriod._meta.concrete_fields if f.attname not in skip]
    return sorted(tuple(str(v) for v in row) for row in ControlPeriod.objects.values_list(*fields))


def folded(name: str) -> str:
    """A name reduced to what tells originators apart: no case, spacing, punctuation or plural."""
    return re.sub(r"s\b", "", re.sub(r"[^a-z0-9 ]", "", name.casefold())).replace(" ", "")


def test_every_row_of_the_cleanup_file_names_a_valid_value_and_says_why():
    kinds, stances = set(Source.Kind.values), set(Source.Stance.values)
    actors = set(Actor.objects.values_list("slug", flat=True))
    for row in cleanup_rows():
        value = row["into_or_value"]
        assert row["reason"], row
        assert row["action"] in {"merge", "stance", "kind", "actor", "name"}, row
        assert row["action"] != "stance" or value in stances, row
        assert row["action"] != "kind" or value in kinds, row
        assert row["action"] != "actor" or value in actors, row


def test_no_name_is_merged_twice_or_into_a_name_that_is_itself_merged_away():
    names = [r["source"].casefold() for r in cleanup_rows("merge")]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
    merged_away = set(names)
    assert not [r for r in cleanup_rows("merge") if r["into_or_value"].casefold() in merged_away]


def test_a_merge_row_for_a_name_not_yet_on_record_makes_it_an_alias_so_later_rows_land_right(
    tmp_path,
):
    army = SourceFactory(name="Syrian Army", slug="syrian-army", stance="government")
    relay = SourceFactory(name="SANA military source", slug="sana-military-source")
    ClaimFactory(document=DocumentFactory(source=relay))
    decisions = tmp_path / "cleanup.csv"
    decisions.write_text(
        "action,source,into_or_value,reason\n"
        "merge,SANA military source,Syrian Army,a relay's spelling\n"
        "merge,Syrian Arab Army,Syrian Army,the full name\n"
        "stance,SANA military source,government,found through its alias\n"
        "stance,Aleppo Media Center,opposition,not on record: skipped\n",
        encoding="utf-8",
    )

    first = sources_cleanup(decisions)

    assert [m.source for m in first.merged] == ["SANA military source"]
    assert source_find("Syrian Arab Army") == army
    assert Source.objects.get(pk=army.pk).stance == "government"
    assert len(first.skipped) == 1 and "Aleppo Media Center" in first.skipped[0]
    again = sources_cleanup(decisions)
    assert not again.changed


def test_renaming_to_a_name_another_source_has_merges_the_two(tmp_path):
    joint = SourceFactory(name="Fatah Halab / Ansar al-Sharia", stance="opposition")
    ClaimFactory(document=DocumentFactory(source=joint))
    room = SourceFactory(name="Fatah Halab", slug="fatah-halab", stance="opposition")
    decisions = tmp_path / "cleanup.csv"
    decisions.write_text(
        "action,source,into_or_value,reason\n"
        "name,Fatah Halab / Ansar al-Sharia,Fatah Halab,the larger room\n",
        encoding="utf-8",
    )
    report = sources_cleanup(decisions)
    assert [m.into for m in report.merged] == ["Fatah Halab"]
    assert source_find("Fatah Halab / Ansar al-Sharia") == room


def test_a_bad_row_rejects_the_cleanup_file_naming_its_line(tmp_path):
    decisions = tmp_path / "cleanup.csv"
    decisions.write_text(
        "action,source,into_or_value,reason\nrename,SOHR,Observatory,typo\nstance,SOHR,,\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceChangeError, match="line 2: action 'rename'.*\n.*line 3"):
        sources_cleanup(decisions)


def test_the_demo_keeps_one_source_per_originator_and_loading_it_again_changes_nothing():
    first = demo_load()
    assert first.sources.merged, "the demo's claims name spellings the cleanup merges"
    loaded = periods()

    assert not sources_cleanup(DEMO_SOURCE_CLEANUP).changed
    assert periods() == loaded
    timeline_rebuild()
    assert periods() == loaded, "the merges left the stored periods as a full rebuild stores"
    # The whole loader again (the record files may have grown since: others add to them).
    again = demo_load()
    assert not again.sources.changed, again.sources.summary()
    # No near-duplicate the file names is left, and every stance it checks holds.
    for row in cleanup_rows("merge"):
        assert source_find(row["source"], aliases=False) is None, row
        into = source_find(row["into_or_value"])
        if into is not None:
            assert source_find(row["source"]) == into, row
    for row in cleanup_rows("stance"):
        source = source_find(row["source"])
        assert source is None or source.stance == row["into_or_value"], row
    # Nor one the file does not name yet: two names that differ by case, punctuation or a plural.
    names = list(Source.objects.values_list("name", flat=True))
    by_fold: dict[str, list[str]] = {}
    for name in names:
        by_fold.setdefault(folded(name), []).append(name)
    assert [group for group in by_fold.values() if len(group) > 1] == []
    combined = [n for n in names if " / " in n or " and " in n]
    assert combined == [], "a combined originator is left: merge it or split its rows"
