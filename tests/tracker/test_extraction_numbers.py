"""Rule 6 of the claim proposer (tracker/extraction_quantities.py) on the numbers of whole
articles: fractions, the former holder beside a verb of taking, the number's own scope, Russian
units and words, and sentences that do not end at an abbreviation. Sentences of our own."""

from datetime import date

from tests.tracker.test_extraction_rules import INDEXES, OUTLET
from tracker.extraction import Indexes, Speaker, claims_propose, sentences_split
from tracker.extraction_quantities import quantities_propose

PUBLISHED = date(2016, 12, 6)
MINISTRY = Speaker("Russian Defense Ministry", "government")


def numbers(text, source=OUTLET):
    return [
        (q.actor, q.measure, q.value, q.bound, q.scope)
        for q in quantities_propose(text, PUBLISHED, source, INDEXES)
    ]


def test_a_fraction_of_a_territory_is_a_share():
    assert numbers("The army holds two-thirds of Aleppo.") == [
        ("government", "share_held", 66.7, "exact", "aleppo-city")
    ]
    assert numbers("Rebels still hold practically half of the territory in the east.") == [
        ("rebels", "share_held", 50.0, "approx", "east-aleppo")
    ]
    # A fraction of anything else is no claim of territory.
    assert numbers("The army killed half of the fighters.") == []
    # A half named by its direction is a region, not a share.
    assert numbers("Fighters entered the regime-held western half of the city.") == []


def test_the_former_holder_beside_a_verb_of_taking_is_not_whose_number_it_is():
    text = "Half of the territory occupied by rebels in the east has been liberated."
    assert numbers(text, MINISTRY) == [("government", "share_held", 50.0, "exact", "east-aleppo")]
    text = "От террористов удалось освободить 105 кварталов города."
    assert numbers(text, MINISTRY) == [
        ("government", "districts_taken", 105.0, "exact", "east-aleppo")
    ]
    # Without a verb of taking, the side named holds it.
    assert numbers("The area held by rebels is less than 3 km² in the east.") == [
        ("rebels", "area_held_km2", 3.0, "upper", "east-aleppo")
    ]


def test_a_number_whose_own_words_name_the_whole_city_is_of_the_city():
    text = "The army now controls 93 percent of the city, and rebels hold 10 km² in the east."
    assert numbers(text) == [
        ("government", "share_held", 93.0, "exact", "aleppo-city"),
        ("rebels", "area_held_km2", 10.0, "exact", "east-aleppo"),
    ]


def test_russian_authorities_units_and_counts():
    text = (
        "Сирийские власти контролируют 96% территории города Алеппо, а в восточной части боевики."
    )
    assert numbers(text) == [("government", "share_held", 96.0, "exact", "aleppo-city")]
    text = "Площадь кварталов, где остаются боевики, не превышает 8,5 кв. км."
    assert numbers(text) == [("rebels", "area_held_km2", 8.5, "upper", "aleppo-city")]
    text = "За прошедшие сутки армией были освобождены еще пять кварталов восточной части города."
    found = quantities_propose(text, PUBLISHED, MINISTRY, INDEXES)
    assert [(q.actor, q.measure, q.value, q.date_from) for q in found] == [
        ("government", "districts_taken", 5.0, date(2016, 12, 5))
    ]


def test_a_sentence_does_not_end_at_an_abbreviation():
    text = "Rebels hold 3 sq. km in the east. Maj. Gen. Igor Konashenkov said so. The U.S. agreed."
    assert sentences_split(text) == [
        "Rebels hold 3 sq. km in the east.",
        "Maj. Gen. Igor Konashenkov said so.",
        "The U.S. agreed.",
    ]


def test_a_source_whose_name_begins_with_an_article_is_matched_only_when_capitalised():
    indexes = Indexes.build(
        [("Hanano", INDEXES.places["hanano"])],
        [("Al-Monitor", Speaker("Al-Monitor", "independent"))],
    )
    said = "Government forces took Hanano, the monitor said."
    [proposal] = claims_propose(said, PUBLISHED, MINISTRY, indexes)
    assert proposal.speaker == MINISTRY
    written = "Government forces took Hanano, Al-Monitor said."
    [proposal] = claims_propose(written, PUBLISHED, MINISTRY, indexes)
    assert proposal.speaker.name == "Al-Monitor"


def test_a_number_lost_is_the_gainers():
    text = "Rebels had lost control of more than a third of eastern Aleppo in recent days."
    assert numbers(text) == [("government", "share_held", 33.3, "lower", "east-aleppo")]
    # Districts the government takes are the east's.
    assert numbers("The opposition lost ten districts.") == [
        ("government", "districts_taken", 10.0, "exact", "east-aleppo")
    ]


def test_a_share_of_the_provincial_capital_is_of_the_city():
    text = 'East Aleppo\'s rebels control just "two percent" of the provincial capital.'
    assert numbers(text) == [("rebels", "share_held", 2.0, "exact", "aleppo-city")]


def test_a_number_is_dated_by_its_own_clause():
    text = (
        "Rebel forces, who seized control of the east in 2012, agreed to withdraw after an army"
        " offensive that drove them from more than 90 percent of their territory."
    )
    [found] = quantities_propose(text, PUBLISHED, OUTLET, INDEXES)
    assert (found.actor, found.value, found.date_from) == ("government", 90.0, PUBLISHED)
