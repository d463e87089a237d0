"""Rule 5 of the claim proposer: the days a sentence speaks of (`tracker.extraction_when`),
one scenario per clause of the rule, counted from a report published on Tuesday 6 December 2016."""

from datetime import date

import pytest

from tracker.extraction_when import window_find

PUBLISHED = date(2016, 12, 6)


def days(text: str) -> tuple[date, date]:
    return window_find(text, PUBLISHED)


def test_since_a_written_day_runs_from_it_to_the_publication():
    assert days("Since December 1 the army has advanced") == (date(2016, 12, 1), PUBLISHED)
    assert days("troops entered on 4 December") == (date(2016, 12, 4), date(2016, 12, 4))


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("the army took the district two days ago", date(2016, 12, 4)),
        ("rebels withdrew 3 days ago", date(2016, 12, 3)),
        ("سيطر الجيش على الحي منذ ثلاثة أيام", date(2016, 12, 3)),
        ("سيطر الجيش على الحي منذ يومين", date(2016, 12, 4)),
        ("Rebels entered the old city about a month ago", date(2016, 10, 22)),
        ("the army took it a week ago", date(2016, 11, 26)),
        ("سيطر الجيش على الحي منذ أسبوعين", date(2016, 11, 19)),
    ],
)
def test_a_distance_back_runs_from_then_to_the_publication(text, start):
    """What began then may go on: weeks and months from half a unit before."""
    assert days(text) == (start, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("over the past three days", date(2016, 12, 3)),
        ("in the last 24 hours", date(2016, 12, 5)),
        ("in the last few days", date(2016, 12, 3)),
        ("during the past two months", date(2016, 10, 7)),
    ],
)
def test_a_span_up_to_now_runs_from_that_far_back_to_the_publication(text, start):
    assert days(text) == (start, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("rebels took it in November", (date(2016, 11, 1), date(2016, 11, 30))),
        ("في تشرين الثاني", (date(2016, 11, 1), date(2016, 11, 30))),
        ("in late November", (date(2016, 11, 1), date(2016, 11, 30))),
        ("in mid-July", (date(2016, 7, 1), date(2016, 7, 31))),
        ("خلال تموز", (date(2016, 7, 1), date(2016, 7, 31))),
        ("besieged since November", (date(2016, 11, 1), PUBLISHED)),
        ("الأحياء المحاصرة منذ تشرين الثاني", (date(2016, 11, 1), PUBLISHED)),
        ("In May rebels advanced", (date(2016, 5, 1), date(2016, 5, 31))),
        ("it fell earlier this month", (date(2016, 12, 1), PUBLISHED)),
        ("تقدم الجيش هذا الشهر", (date(2016, 12, 1), PUBLISHED)),
    ],
)
def test_a_month_without_a_day_is_that_month_or_runs_from_it(text, window):
    """The wider window: "late November" is all of November."""
    assert days(text) == window


def test_a_month_of_the_year_not_yet_come_is_last_years():
    assert days("the rebels' offensive in December") == (date(2016, 12, 1), PUBLISHED)
    assert window_find("the offensive in December", date(2016, 11, 2)) == (
        date(2015, 12, 1),
        date(2015, 12, 31),
    )


def test_the_verb_may_is_no_month():
    assert days("the district may be taken within days") == (PUBLISHED, PUBLISHED)
    assert days("those in may be safe") == (PUBLISHED, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("rebels took it in the summer of 2012", (date(2012, 6, 1), date(2012, 8, 31))),
        ("capturé par les rebelles durant l'été 2012", (date(2012, 6, 1), date(2012, 8, 31))),
        ("سيطر عليه الثوار صيف عام 2013", (date(2013, 6, 1), date(2013, 8, 31))),
        ("in the autumn of 2016", (date(2016, 9, 1), date(2016, 11, 30))),
        # A season still running at the publication ends with it.
        ("in the fall 2016 offensive", (date(2016, 9, 1), date(2016, 11, 30))),
        ("in spring 2016", (date(2016, 3, 1), date(2016, 5, 31))),
    ],
)
def test_a_season_with_its_year_is_its_three_months(text, window):
    assert days(text) == window


def test_winter_runs_from_the_december_before_to_the_february_after():
    assert days("in the winter of 2013") == (date(2012, 12, 1), date(2014, 2, 28))
    assert days("l'hiver 2016") == (date(2015, 12, 1), PUBLISHED)


def test_a_season_is_not_read_alone_nor_after_the_publication():
    assert days("a été saisi") == (PUBLISHED, PUBLISHED)
    assert window_find("in the summer of 2016", date(2016, 5, 2)) == (
        date(2016, 5, 2),
        date(2016, 5, 2),
    )


def test_a_month_after_since_and_its_event_runs_to_the_publication():
    text = "civilians under siege since the army cut off the last road in early July"
    assert days(text) == (date(2016, 7, 1), PUBLISHED)
    # Without "since", the month alone.
    assert days("the army cut off the last road in early July") == (
        date(2016, 7, 1),
        date(2016, 7, 31),
    )


def test_recent_days_and_weeks_run_back_to_the_publication():
    assert days("the army has been advancing in recent days") == (date(2016, 11, 29), PUBLISHED)
    assert days("rebels lost ground in recent weeks") == (date(2016, 11, 15), PUBLISHED)


def test_a_since_clause_runs_across_the_commas_of_an_aside():
    text = "under siege since the army, aided by militias, cut off the last road in early July"
    assert days(text) == (date(2016, 7, 1), PUBLISHED)
