"""The claim proposer's rules for the Kurdish press on Sheikh Maqsoud and Ashrafiyeh: its names of
the rebels by their patron ("Turkish-backed groups") and of Kurdish units with a noun of people
after them ("Jaysh al-Thuwar fighters", "Asayish members"), with their other spellings and the
names their enemies give them ("al-Thowwar Army", "PKK militants", "Qasad":
`tracker.extraction_words_kurdish`); "its (their) fighters" as the side named before, not the
rebels (`tracker.extraction_words`); a thing done "against" a place places no side in it
(`tracker.extraction_presence`); a place glossed in brackets in another spelling is one mention
(`tracker.extraction_glosses`); a place "in the vicinity of" which (or near whose "neighbourhood
of") something happens is a landmark (`tracker.extraction_incidental`); an hour's "a.m." ends no
sentence that goes on after it (`tracker.extraction_patterns`); a weekday still to come dates
nothing (`tracker.extraction_when`); a place an attack came from, in a sentence that tells of
its repelling, is the attackers' (`tracker.extraction_verbs.destination`). an attack in a side's
possessive repelled ("repelled the gangs' attack on X") is the repeller's
(`tracker.extraction_words`); entering a place after the other side withdrew is a taking
(`tracker.extraction_words`); a departure only begun is no loss
(`tracker.extraction_verbs.negated`); Ashrafiyeh spelt "Asrafiya"
(`tracker.extraction_spellings`). One scenario each, with its guards."""

from datetime import date
from functools import partial

import pytest
from django.db import transaction

from districts.name_import import aliases_import, regions_import
from districts.polygon_import import districts_import
from tests.tracker.test_extraction_rules import BUSTAN, OUTLET, SPELLED, propose
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS
from tracker.extraction import Indexes, Place, claims_propose
from tracker.extraction_index import indexes_load

NAYRAB = Place("an-nayrab", ("an-nayrab",))
MAQSOUD = Place("ash-sheikh-maqsoud", ("ash-sheikh-maqsoud",))
ASHRAFIYEH = Place("al-ashrafiyeh", ("al-ashrafiyeh",))
INDEXES = Indexes.build(
    [
        *SPELLED,
        ("Sheikh Maqsoud", MAQSOUD),
        ("Ashrafiyeh", ASHRAFIYEH),
        ("Eşrefiye", ASHRAFIYEH),
        ("an-Nayrab", NAYRAB),
    ],
    [],
)
propose16 = partial(propose, indexes=INDEXES)


def test_turkish_backed_groups_are_the_rebels():
    assert propose16("Turkish-backed groups seized Sheikh Maqsoud on Monday.") == [
        ("ash-sheikh-maqsoud", "rebels", "captured")
    ]
    assert propose16("Factions affiliated to the Turkish state entered Hanano and took it.") == [
        ("hanano", "rebels", "captured")
    ]
    # Guard: the Kurds' own name after the rebels' is still the Kurds'.
    assert propose16("The YPG drove Turkey-backed factions out of Sheikh Maqsoud.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "captured")
    ]


def test_kurdish_units_named_with_a_noun_of_people_are_the_kurds():
    assert propose16("Jaysh al-Thuwar fighters took Ashrafiyeh at dawn.") == [
        ("al-ashrafiyeh", "kurdish_ypg", "captured")
    ]
    assert propose16("Asayish members took control of Sheikh Maqsoud.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "captured")
    ]
    # Guard: "fighters" alone is still the rebels'.
    assert propose16("Fighters took Ashrafiyeh at dawn.") == [
        ("al-ashrafiyeh", "rebels", "captured")
    ]


def test_its_fighters_are_the_side_named_before():
    assert propose16("The army said its fighters had taken Hanano.") == [
        ("hanano", "government", "captured")
    ]
    assert propose16("The YPG announced that their fighters took Sheikh Maqsoud.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "captured")
    ]


def test_a_thing_done_against_a_place_places_no_side_in_it():
    assert propose16("The YPG reported the use of poison gas against Sheikh Maqsoud.") == []
    assert propose16("The army denounced a rocket campaign against the Ashrafiyeh district.") == []
    # Guard: a side the sentence places there, with no attack told, still holds it.
    assert propose16("YPG units guard Sheikh Maqsoud around the clock.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "held")
    ]


def test_a_place_glossed_in_brackets_is_one_mention():
    assert propose16("The gangs launched attacks from Eşrefiye (Ashrafiyeh) on Monday night.") == [
        ("al-ashrafiyeh", "rebels", "held")
    ]
    # A guessed name in brackets after a name not on the map glosses that other place.
    assert propose16("Gangs shelled the dam at Kobanî (Ain al-Arab) yesterday.") == []
    # Guards: the guessed name alone is still read; another place in brackets is a place of its own.
    assert propose16("Rebels took Nairab yesterday.") == [("an-nayrab", "rebels", "captured")]
    assert propose16("Rebels took Bustan al-Basha (Ashrafiyeh) in the night.") == [
        (BUSTAN.label, "rebels", "captured"),
        ("al-ashrafiyeh", "rebels", "captured"),
    ]


def test_a_place_a_repelled_attack_came_from_is_the_attackers():
    assert propose16("Gangs attacking from Ashrafiyeh were repelled by the YPG.") == [
        ("al-ashrafiyeh", "rebels", "held")
    ]
    assert propose16("An attack from the direction of Ashrafiyeh was foiled by the YPG.") == [
        ("al-ashrafiyeh", "rebels", "held")
    ]
    assert propose16(
        "Gangs that attacked from the Ashrafiyeh area were repelled by our forces."
    ) == [("al-ashrafiyeh", "rebels", "held")]
    assert propose16("Rebels repelled an army attack from the direction of Hanano.") == [
        ("hanano", "government", "held")
    ]
    # Guards: the place the attack was aimed at is the repelling side's.
    assert propose16("The YPG repelled an attack on Sheikh Maqsoud.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "held")
    ]
    assert propose16("Gangs attacking Sheikh Maqsoud were repelled by the YPG.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "held")
    ]


def test_other_names_of_the_kurdish_units_are_the_kurds():
    assert propose16("The so-called al-Thowwar Army seized Ashrafiyeh.") == [
        ("al-ashrafiyeh", "kurdish_ypg", "captured")
    ]
    assert propose16("PKK militants took over Sheikh Maqsoud, the opposition said.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "captured")
    ]
    assert propose16("Qasad militias took Ashrafiyeh at dawn.") == [
        ("al-ashrafiyeh", "kurdish_ypg", "captured")
    ]
    assert propose16("Asyaish units took control of Ashrafiyeh.") == [
        ("al-ashrafiyeh", "kurdish_ypg", "captured")
    ]
    assert propose16("Jabhat al-Akrad captured Sheikh Maqsoud.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "captured")
    ]
    # Guard: the army alone is still the government's.
    assert propose16("The army seized Ashrafiyeh.") == [("al-ashrafiyeh", "government", "captured")]


def test_a_place_in_whose_vicinity_something_happens_is_a_landmark():
    assert (
        propose16("Ten rebels died in clashes with the YPG in the vicinity of Sheikh Maqsoud.")
        == []
    )
    assert propose16("Clashes raged near the mainly Kurdish neighbourhood of Sheikh Maqsoud.") == []
    # Guards: fighting in the neighbourhood itself is fighting there; a place taken is taken.
    assert propose16("Clashes raged in the mainly Kurdish neighbourhood of Sheikh Maqsoud.") == [
        ("ash-sheikh-maqsoud", "contested", "contested")
    ]
    assert propose16("The army took the district of Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_an_hours_am_ends_no_sentence_that_goes_on():
    text = "Islamist factions stormed Sheikh Maqsoud at 5:00 a.m. Tuesday, the Observatory said."
    (proposal,) = claims_propose(text, date(2016, 4, 6), OUTLET, INDEXES)
    assert (proposal.place.label, proposal.date_from) == ("ash-sheikh-maqsoud", date(2016, 4, 5))
    # Guard: a new sentence after "p.m." is a sentence of its own, with its own place.
    text = "The assault began at 9 p.m. The army said Hanano was calm."
    assert [p.place.label for p in claims_propose(text, date(2016, 4, 6), OUTLET, INDEXES)] == [
        "hanano"
    ]


def test_a_weekday_still_to_come_dates_nothing():
    published = date(2015, 9, 30)  # a Wednesday
    text = "Rebels gave the YPG in Sheikh Maqsoud a deadline of 9:00 am Thursday to open the road."
    (proposal,) = claims_propose(text, published, OUTLET, INDEXES)
    assert (proposal.controller, proposal.date_from) == ("kurdish_ypg", published)
    # Guard: a weekday after a verb dates it.
    text = "The YPG took Sheikh Maqsoud on Thursday, a day before the deadline."
    (proposal,) = claims_propose(text, published, OUTLET, INDEXES)
    assert proposal.date_from == date(2015, 9, 24)


@pytest.mark.django_db
def test_asrafiya_is_ashrafiyehs_spelling_with_s_for_sh(django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        districts_import(DEMO_DISTRICTS)
        regions_import(DEMO_REGIONS)
        aliases_import(DEMO_ALIASES)
        indexes = indexes_load()
        transaction.set_rollback(True)
    text = "Kurdish fighters hold Asrafiya and the streets around it."
    (proposal,) = claims_propose(text, date(2012, 11, 1), OUTLET, indexes)
    assert (proposal.place.label, proposal.controller) == ("al-ashrafiyeh", "kurdish_ypg")


def test_a_departure_only_begun_is_no_loss():
    assert propose16("Fighters of the YPG have started to leave Sheikh Maqsoud.") == []
    assert propose16("The rebels began withdrawing from Hanano on Monday.") == []
    # Guards: a departure done is a loss; fighting begun is fighting.
    assert propose16("The rebels withdrew from Hanano on Monday.") == [
        ("hanano", "government", "lost")
    ]
    assert propose16("The rebels began to storm Hanano on Monday.") == [
        ("hanano", "contested", "contested")
    ]


def test_a_repelled_attack_in_a_sides_possessive_is_held_by_the_repeller():
    assert propose16("YPG fighters repelled the gangs' attack on the Ashrafiyeh district.") == [
        ("al-ashrafiyeh", "kurdish_ypg", "held")
    ]
    assert propose16("The army repelled the terrorists’ assault on Hanano.") == [
        ("hanano", "government", "held")
    ]
    # Guard: the attack not repelled is fighting.
    assert propose16("The gangs' attack on the Ashrafiyeh district went on all night.") == [
        ("al-ashrafiyeh", "contested", "contested")
    ]


def test_entering_a_place_after_the_other_side_withdrew_is_a_taking():
    assert propose16("YPG fighters entered Ashrafiyeh after the gangs withdrew.") == [
        ("al-ashrafiyeh", "kurdish_ypg", "captured")
    ]
    assert propose16("The army entered Hanano after the rebels had fled.") == [
        ("hanano", "government", "captured")
    ]
    # Guards: entering after fighting is fighting; a flight from another place says nothing of it.
    assert propose16("The army entered Hanano after heavy clashes.") == [
        ("hanano", "contested", "contested")
    ]
    assert ("hanano", "contested", "contested") in propose16(
        "The army entered Hanano after the rebels fled from Sheikh Saeed."
    )
