"""The changelog's rules over plain data: how claim changes are sorted, how periods are
grouped, and when CHANGELOG.md leaves a long list to changelog.json."""

from releases.changelog import (
    MARKDOWN_MAX_ITEMS,
    changelog_markdown,
    claims_changes,
    periods_changes,
)


def test_a_claim_newly_retracted_counts_as_retracted_not_changed():
    before = {"1": ["a", False], "2": ["b", False], "3": ["c", True], "4": ["d", False]}
    after = {"1": ["a", False], "2": ["b2", True], "3": ["c2", True], "5": ["e", False]}
    assert claims_changes(before, after, rejected={4}) == {
        "added": [5],
        "changed": [3],  # already retracted before: any other change is a change
        "retracted": [2],
        "rejected": [4],
        "removed": [],
    }


def test_a_claim_gone_without_a_rejection_is_removed():
    assert claims_changes({"7": ["x", False]}, {}, rejected=set())["removed"] == [7]


def test_periods_are_grouped_by_lens_and_district_with_what_went_and_came():
    old = ("consensus", "hanano", "2016-11-26", "", "held", "rebels", ("rebels",))
    new = ("consensus", "hanano", "2016-11-26", "", "held", "government", ("government",))
    same = ("consensus", "ash-shaar", "2016-12-01", "", "contested", "", ())
    (entry,) = periods_changes([old, same], [new, same])
    assert (entry["lens"], entry["district"]) == ("consensus", "hanano")
    assert entry["removed"][0]["actor"] == "rebels" and entry["added"][0]["actor"] == "government"
    assert entry["added"][0]["valid_to"] is None


def test_changelog_markdown_lists_ids_until_the_list_is_too_long():
    few = {
        "claims": {"added": [3, 4], "changed": [], "retracted": [], "rejected": [], "removed": []},
        "periods": [],
    }
    text = changelog_markdown(2, few)
    assert "Changes against release 1." in text and "- added (2): 3, 4" in text
    assert "- changed (0): none" in text and "No period changed." in text
    many = {**few, "claims": {**few["claims"], "added": list(range(MARKDOWN_MAX_ITEMS + 1))}}
    text = changelog_markdown(1, many)
    assert "first release" in text
    assert f"- added ({MARKDOWN_MAX_ITEMS + 1}): listed in changelog.json" in text
