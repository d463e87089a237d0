"""The claim proposer's rules from the development set's remaining faults: a side that denies the
other side's taking holds the place in every language read, not only in English and Arabic
("o governo desmentiu a tomada de X pelos rebeldes": `tracker.extraction_kept.denied_by`,
with the Spanish "desmintió" among the words of denial, `tracker.extraction_words_intl`); the
Arabic word for a city before a name and the adjective that follows it is left out when that
makes a spelling on record ("أحياء مدينة حلب القديمة" is the Old City:
`tracker.extraction_spellings.spelling_folds`); a stalemate or a standoff in a place is fighting
there (`tracker.extraction_words`); the ends of a road ("a road leading from X to Y") are landmarks
(`tracker.extraction_incidental`), and a landmark followed by a relative clause of holding in the
present ("near X, which the regime holds") is held by that side (`tracker.extraction_clauses`);
an enumeration runs on across a name not on the map between a comma and its "and" ("X, Ard
al-Hamra and Y": `tracker.extraction_lists`); a side's positions in a place are there whatever is
planned against them ("preparing to strike the rebels' bases in X":
`tracker.extraction_verbs.negated`); a side a loss of the place would harm holds it now ("Losing X would be a blow to the
rebels": `tracker.extraction_kept.loss_foreseen`). One scenario each, with its guards."""

from functools import partial

from tests.tracker.test_extraction_rules import SPELLED, propose
from tracker.extraction import Indexes, Place

MAQSOUD = Place("ash-sheikh-maqsoud", ("ash-sheikh-maqsoud",))
ASHRAFIYEH = Place("al-ashrafiyeh", ("al-ashrafiyeh",))
AIRPORT = Place("aleppo-international-airport", ("aleppo-international-airport",))
SALAH = Place("salah-ad-deen", ("salah-ad-deen",))
ZEBDIYEH = Place("az-zebdiyeh", ("az-zebdiyeh",))
OLD_CITY = Place("old-city", ("aleppo-citadel", "souq"), "old-city")
CITY = Place("aleppo-city", ("hanano", "sheikh-saeed", "souq"), "aleppo-city")
INDEXES = Indexes.build(
    [
        *SPELLED,
        ("Salaheddine", SALAH),
        ("Zebdiyeh", ZEBDIYEH),
        ("حلب القديمة", OLD_CITY),
        ("حلب", CITY),
        ("مدينة حلب", CITY),
        ("الزبدية", ZEBDIYEH),
        ("Aleppo airport", AIRPORT),
        ("Sheikh Maqsoud", MAQSOUD),
        ("Ashrafiyeh", ASHRAFIYEH),
    ],
    [],
)
propose20 = partial(propose, indexes=INDEXES)


def test_a_side_denying_the_other_sides_taking_holds_the_place_in_other_languages():
    assert propose20("O exército negou ontem a tomada de Salaheddine pelos rebeldes.") == [
        ("salah-ad-deen", "government", "held")
    ]
    assert propose20("Los rebeldes negaron que el ejército tomó Zebdiyeh el martes.") == [
        ("az-zebdiyeh", "rebels", "held")
    ]
    assert propose20(
        "L'armée a démenti hier la prise de Zebdiyeh par les rebelles après des combats."
    ) == [("az-zebdiyeh", "government", "held")]
    assert propose20("El gobierno desmintió la toma de Salaheddine por los rebeldes.") == [
        ("salah-ad-deen", "government", "held")
    ]
    # Guard: a denial of a taking with no taker named claims nothing, as in English.
    assert propose20("O exército desmentiu a tomada de Salaheddine.") == []
    # Guard: the taker's own side denying its taking holds nothing.
    assert propose20("Os rebeldes desmentiram a tomada de Zebdiyeh pelos rebeldes.") == []


def test_the_arabic_word_for_a_city_before_a_name_and_its_adjective_is_left_out():
    assert propose20("قصف الطيران أحياء مدينة حلب القديمة الخاضعة لسيطرة الفصائل") == [
        ("old-city", "rebels", "held")
    ]
    assert propose20("تسيطر قوات النظام على أسواق بمدينة حلب القديمة") == [
        ("old-city", "government", "held")
    ]
    # Guard: the city's own name after the word for a city stays the city, and names no setting.
    assert propose20("سيطرت قوات النظام على مدينة حلب بالكامل") == [
        ("aleppo-city", "government", "captured")
    ]
    assert propose20("قصف الطيران مدينة حلب الخاضعة لسيطرة الفصائل") == []


def test_a_stalemate_or_a_standoff_in_a_place_is_fighting_there():
    assert propose20("Salaheddine has been locked in a bloody stalemate for a year.") == [
        ("salah-ad-deen", "contested", "contested")
    ]
    assert propose20("An armed standoff between troops and rebels went on in Zebdiyeh.") == [
        ("az-zebdiyeh", "contested", "contested")
    ]
    # Guard: a stalemate in the city as a whole claims the city for no one.
    assert propose20("The stalemate in Aleppo has lasted for four years.") == []
    # Guard: a stalemate that ended in a taking is the taking.
    assert propose20("The army captured Zebdiyeh after a long stalemate.") == [
        ("az-zebdiyeh", "government", "captured")
    ]


def test_the_ends_of_a_road_are_landmarks():
    assert propose20("Troops secured a road leading from Zebdiyeh to Aleppo airport.") == []
    assert propose20("Rebels cut the highway running from Hanano to Salaheddine overnight.") == []
    # Guard: an end described as held is still held.
    assert propose20("Troops secured a road leading from government-held Zebdiyeh to Hanano.") == [
        ("az-zebdiyeh", "government", "held")
    ]
    # Guard: the end a movement along the road heads for is the movement's.
    text = "Troops pushed along the road from Hanano to Zebdiyeh and stormed it."
    assert propose20(text) == [("az-zebdiyeh", "contested", "contested")]
    # Guard: a place taken before the road is named is still taken.
    assert propose20("The army captured Hanano and the road from there to Salaheddine.") == [
        ("hanano", "government", "captured")
    ]


def test_a_landmark_with_a_relative_clause_of_present_holding_is_held():
    assert propose20(
        "Troops secured a road leading from Hanano to Aleppo airport, which the army still holds."
    ) == [("aleppo-international-airport", "government", "held")]
    assert propose20("Rebels gathered near Salaheddine, which the regime controls, at dawn.") == [
        ("salah-ad-deen", "government", "held")
    ]
    # Guard: a holding in the past says what was before, not who holds the landmark now.
    assert propose20("Rebels gathered near Salaheddine, which the regime held until 2013.") == []
    # Guard: a relative clause with no side holding is no claim.
    assert propose20("Rebels gathered near Salaheddine, which lay in ruins.") == []


def test_an_enumeration_runs_on_across_a_name_not_on_the_map_before_its_and():
    text = "Militants opened an assault on Sheikh Maqsoud from Hanano, Tal Sheiba and Ashrafiyeh."
    assert propose20(text) == [
        ("hanano", "rebels", "held"),
        ("al-ashrafiyeh", "rebels", "held"),
    ]
    # Guard: a place of the list after words of a part is still contested.
    text = "Militants opened an assault on Sheikh Maqsoud from Hanano, Tal Sheiba and parts of Ashrafiyeh."
    assert propose20(text) == [
        ("hanano", "rebels", "held"),
        ("al-ashrafiyeh", "contested", "contested"),
    ]
    # Guard: a name with a verb of its own after the "and" starts no list.
    text = "The army took Hanano, Abu Omar and his men fled towards Sheikh Saeed."
    assert propose20(text) == [("hanano", "government", "captured")]


def test_a_sides_positions_are_there_whatever_is_planned_against_them():
    assert propose20("Troops are getting ready to hit the militants' bases in Zebdiyeh.") == [
        ("az-zebdiyeh", "rebels", "held")
    ]
    assert propose20("The regime hopes to destroy rebel checkpoints in Salaheddine soon.") == [
        ("salah-ad-deen", "rebels", "held")
    ]
    # Guard: "no" before the side says it has no positions there.
    assert propose20("Troops found no rebel positions in Zebdiyeh.") == []


def test_a_side_a_loss_would_harm_holds_the_place_now():
    assert propose20("Losing Zebdiyeh would be a crippling setback for the militants.") == [
        ("az-zebdiyeh", "rebels", "held")
    ]
    assert propose20("The loss of Salaheddine could deal a painful blow to the regime.") == [
        ("salah-ad-deen", "government", "held")
    ]
    # Guard: a loser named before the verb, and a side the loss would profit, hold nothing.
    assert propose20("If the rebels lose Zebdiyeh, it would be a victory for the army.") == []
    assert propose20("Losing Zebdiyeh would open the road for the army.") == []
