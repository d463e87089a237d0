"""The fourth review: places an English (or other Latin-script) news sentence names
incidentally claim nothing. Sentences of our own in the forms news quotes take: casualties,
shelling from afar, people displaced, a hospital or a school in a place, where fighters come
from, directions and landmarks, lists of places bombed, where a person lives, and personal names
that a foreign reading would take for a district (`tracker.extraction_incidental`). Read against
the shipped districts, regions and aliases, loaded once for the module; each rule's test keeps
the plain claim of the same form beside it."""

from datetime import date

import pytest

from tracker.extraction import Speaker, claims_propose

pytestmark = pytest.mark.django_db
OUTLET = Speaker("Outlet", "independent")
PUBLISHED = date(2016, 8, 10)

INCIDENTAL = [
    # Casualties
    "Five civilians were killed in Bustan al-Qasr on Sunday.",
    "Three rebels were killed in Salaheddin on Monday.",
    "Two soldiers were wounded in Sheikh Maqsoud by sniper fire.",
    "Dozens of rebels have been killed in al-Sukkari this week.",
    "A rebel commander died in Hanano after a long illness.",
    "Four government soldiers died in al-Midan when their vehicle overturned.",
    "The bodies of six rebels were found in al-Kallaseh.",
    "Rebel fighters wounded in al-Shaar were taken to a field clinic.",
    "Two children were injured in Sheikh Saeed when a building collapsed.",
    "Seven people, including two rebels, were killed in al-Fardous.",
    "A sniper killed a woman in Bustan al-Basha.",
    "The death toll in al-Mashhad rose to twelve, activists said.",
    "An army officer was killed in al-Hamdaniyeh by a roadside bomb.",
    "Rebels mourned the fighters killed in Karm al-Jabal.",
    "Activists counted 40 dead in Qadi Askar, most of them rebels.",
    "Two Hezbollah fighters were killed in Sheikh Saeed, a Lebanese channel said.",
    "A rebel fighter was killed in al-Ashrafiyeh by a Kurdish sniper.",
    "Five Kurdish fighters were wounded in Sheikh Maqsoud.",
    "A government soldier died of his wounds in the Midan district.",
    "Rebels executed two prisoners in al-Sukkari, a monitor said.",
    # Shelling from afar / strikes
    "Rebels shelled al-Midan from their positions.",
    "The army fired rockets at al-Shaar from its positions.",
    "Rebel mortars hit al-Aziziyeh, killing two.",
    "Regime aircraft bombed al-Sukkari and al-Fardous.",
    "Government helicopters dropped barrel bombs on Karm al-Jabal.",
    "Rebels fired gas canisters into al-Hamdaniyeh.",
    "Artillery fire from the army hit al-Kallaseh overnight.",
    "Rebel rockets landed in New Aleppo, state media said.",
    "The air force struck Bustan al-Qasr and al-Mashhad.",
    "Rebels blew up a building in Salaheddin.",
    "The army blew up a building in Hanano.",
    "Rebels blew up a tunnel under the Carlton hotel near the Citadel.",
    "Rebel fighters dug a tunnel under the Old City.",
    "Rebels detonated explosives under a building in Bab al-Hadid.",
    "The rebels' tunnel bomb destroyed a hotel in the Old City.",
    "Regime barrel bombs destroyed a mosque in al-Shaar.",
    "Rebels targeted al-Jamiliyeh with homemade rockets.",
    "Government jets pounded al-Sukkari for a fourth day.",
    # Displaced
    "Hundreds of families fled al-Sukkari for the western districts.",
    "Rebels helped civilians leave Bustan al-Qasr.",
    "Families displaced from Hanano found shelter in al-Shaar.",
    "Thousands of civilians fled from Sheikh Maqsoud to Afrin.",
    "Residents of al-Kallaseh moved to the countryside after the bombing.",
    "Civilians who left al-Mashhad told of hunger.",
    "Rebels evacuated the wounded from al-Ansari.",
    "Displaced families from al-Shaar were housed in a school in al-Midan.",
    # Hospital / school
    "A hospital in al-Shaar was hit by an airstrike.",
    "The army shelled a school in Salaheddin.",
    "Doctors at the Omar Abdulaziz hospital in al-Maadi treated rebel fighters.",
    "A school in al-Hamdaniyeh reopened, the army said.",
    "The M10 hospital in Sakhour was bombed again.",
    "Rebels said a bakery in Bustan al-Qasr was destroyed.",
    "A clinic in al-Fardous treated 30 rebels.",
    "The only hospital in al-Kallaseh closed after strikes.",
    "A children's hospital in al-Sukkari lost power.",
    "The army said rebels stored weapons in a school in Salaheddin.",
    # Origins
    "Fighters from Hanano joined the offensive in the south.",
    "A rebel from Salaheddin told us the battle would be long.",
    "Soldiers from al-Hamdaniyeh were sent to the front.",
    "The commander, a native of al-Shaar, leads a rebel brigade.",
    "Rebel reinforcements from al-Ansari reached the front.",
    "Kurdish fighters from Sheikh Maqsoud joined the operation in the north.",
    "Government militiamen from al-Midan are among the dead.",
    # Directions
    "The army pushed towards Hanano.",
    "Rebel convoys moved on the road to al-Hamdaniyeh.",
    "The army advanced near al-Sukkari.",
    "Rebels fired at troops near Bustan al-Qasr.",
    "Government forces gathered near Sheikh Saeed.",
    "Rebels moved towards the Citadel.",
    "The convoy drove on the road from al-Ramouseh to the airport.",
    "Army tanks moved toward al-Shaar, witnesses said.",
    "Rebels headed to Salaheddin.",
    "The rebels' supply line runs through al-Ramouseh.",
    "The army cut the road to al-Kallaseh.",
    "Rebels said the army was marching on al-Sukkari.",
    "Soldiers took up positions on the outskirts, a few kilometres from al-Shaar.",
    # Landmarks
    "Rebels met at a roundabout near the Citadel.",
    "The army checkpoint stands between al-Midan and al-Sulaimaniyeh.",
    "Rebels said the sniper fired from a minaret opposite al-Shaar.",
    "The meeting took place at a café in Aziziyeh.",
    "Government troops deployed at a roundabout close to Salaheddin.",
    "The army said a car bomb exploded outside a mosque in al-Midan.",
    "Rebel fighters gathered in a square next to the Hanano barracks.",
    # Lists bombed
    "Airstrikes hit al-Sukkari, al-Shaar, Bustan al-Qasr and al-Kallaseh.",
    "Rebel shells fell on al-Midan, al-Aziziyeh and al-Jamiliyeh.",
    "Barrel bombs hit Hanano, al-Shaar and Sakhour, the rebels said.",
    "The army shelled al-Mashhad, al-Ansari and Sukkari.",
    "Rebels said regime jets bombed Tariq al-Bab, al-Marjeh and al-Shaar.",
    "Strikes on al-Fardous, al-Kallaseh and Bustan al-Qasr killed 30 people.",
    "Rebel mortars hit New Aleppo, al-Hamdaniyeh and the university.",
    # Residence
    "Abu Omar, a rebel, lives in al-Shaar with his family.",
    "The soldier's family lives in al-Midan.",
    "A rebel commander who lives in al-Sukkari said the siege is tightening.",
    "Um Ahmad, who lives in Salaheddin, said rebels bring bread.",
    "An army officer who grew up in Hanano spoke to us.",
    "The Kurdish fighter's mother lives in Sheikh Maqsoud.",
    "A government employee living in al-Aziziyeh said the rebels fire mortars.",
    # Personal names / quotes, romance
    "Jalid, portavoz de los rebeldes, dijo que la situación es grave.",
    "Jaled, un comandante rebelde, explicó que los rebeldes controlan el barrio.",
    "Jalid dijo que los rebeldes resisten.",
    "Chahba, un habitant, dit que les rebelles tiennent le quartier.",
    "Chaker, un habitant, raconte la peur.",
    "Salah, a rebel commander, said the army attacked at dawn.",
    # Region north / countryside
    "Rebels launched an offensive in the Shahba region north of Aleppo.",
    "The Kurds advanced in the Shahba area in the northern countryside.",
    "Turkish-backed rebels fought the Kurds in the Shahba region, north of Aleppo.",
    # Misc
    "Rebels ambushed a government convoy near al-Ramouseh.",
    "Rebels said they destroyed a tank in Salaheddin.",
    "The army destroyed a rebel tunnel in the Old City.",
    "Kurdish fighters arrested rebels who crossed into Sheikh Maqsoud.",
    "The army arrested a rebel leader in al-Midan.",
    "Rebels say regime snipers in al-Midan target civilians.",
    "Journalists in al-Shaar filmed rebels carrying the wounded.",
    "Rebels buried their dead in a park in al-Kallaseh.",
    "The army's shelling of Sukkari killed two rebels.",
    "The Red Crescent evacuated rebels wounded in al-Ansari.",
    "Rebels said the regime massacred civilians in Bustan al-Qasr.",
    "The army said rebels kidnapped a family in al-Midan.",
    "A rebel sniper wounded a girl in al-Aziziyeh.",
    "Rebel shelling of al-Hamdaniyeh wounded five.",
]


def proposals(indexes, text, published=PUBLISHED, dated=False):
    return [
        (p.place.label, p.controller, p.claim_type, *((p.date_from, p.date_to) if dated else ()))
        for p in claims_propose(text, published, OUTLET, indexes)
    ]


@pytest.mark.parametrize("text", INCIDENTAL)
def test_a_place_named_incidentally_claims_nothing(indexes, text):
    assert proposals(indexes, text) == []


def test_deaths_wounds_or_a_demolition_in_a_place_claim_nothing(indexes):
    for text in (
        "Three rebels were killed in Salaheddin on Monday.",
        "Five Kurdish fighters were wounded in Sheikh Maqsoud.",
        "Rebels blew up a building in Salaheddin.",
        "Rebel fighters dug a tunnel under the Old City.",
    ):
        assert proposals(indexes, text) == [], text
    # The same forms with a verb of control, or a side with no death told, still claim.
    text = "Rebels took Salaheddin after clashes that killed ten soldiers."
    assert proposals(indexes, text) == [("salah-ad-deen", "rebels", "captured")]
    assert proposals(indexes, "Rebels patrol Salaheddin.") == [("salah-ad-deen", "rebels", "held")]
    text = "Kurdish fighters hold Sheikh Maqsoud, where two civilians were killed."
    assert proposals(indexes, text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]


def test_a_place_people_come_from_or_live_in_claims_nothing(indexes):
    for text in (
        "Fighters from Hanano joined the offensive in the south.",
        "Kurdish fighters from Sheikh Maqsoud joined the operation in the north.",
        "The commander, a native of al-Shaar, leads a rebel brigade.",
        "Um Ahmad, who lives in Salaheddin, said rebels bring bread.",
    ):
        assert proposals(indexes, text) == [], text
    text = "Rebels from al-Sukkari took part in the battle for Ramouseh."
    assert proposals(indexes, text) == [("ramouseh-industrial", "contested", "contested")]
    # A place taken by people from elsewhere is still taken.
    text = "Fighters from Hanano took al-Shaar."
    assert proposals(indexes, text) == [("ash-shaar", "rebels", "captured")]
    text = "Residents of Hanano said the army took the district."
    assert proposals(indexes, text) == [("hanano", "government", "captured")]


def test_a_place_moved_towards_through_or_away_from_is_not_held_by_the_mover(indexes):
    for text in (
        "The army pushed towards Hanano.",
        "Army tanks moved toward al-Shaar, witnesses said.",
        "Rebels headed to Salaheddin.",
        "The army checkpoint stands between al-Midan and al-Sulaimaniyeh.",
        "The rebels' supply line runs through al-Ramouseh.",
    ):
        assert proposals(indexes, text) == [], text
    assert proposals(indexes, "Rebels withdrew to Salaheddin.") == [
        ("salah-ad-deen", "rebels", "held")
    ]
    assert proposals(indexes, "Rebels reached Hanano.") == [("hanano", "rebels", "held")]


def test_people_captured_evacuated_or_leaving_and_a_photo_taken_are_no_place_taken(indexes):
    for text in (
        "Rebels evacuated the wounded from al-Ansari.",
        "Rebels helped civilians leave Bustan al-Qasr.",
        "The photo, taken in 2013, shows the ruins of Salaheddin.",
        "Rebel fighters wounded in al-Shaar were taken to a field clinic.",
    ):
        assert proposals(indexes, text) == [], text
    assert ("salah-ad-deen", "rebels", "captured") not in proposals(
        indexes, "Rebels captured two soldiers in Salaheddin."
    )
    # Fighters evacuated leave the place; a place captured from soldiers is taken.
    assert proposals(indexes, "Rebels were evacuated from al-Ansari.") == [
        ("al-ansari", "government", "lost")
    ]
    assert proposals(indexes, "Rebels captured al-Shaar from the soldiers.") == [
        ("ash-shaar", "rebels", "captured")
    ]


def test_a_guessed_name_with_a_role_an_age_or_a_verb_of_saying_is_a_person(indexes):
    for text in (
        "Jalid, portavoz de los rebeldes, dijo que la situación es grave.",
        "Jaled, un comandante rebelde, explicó que los rebeldes controlan el barrio.",
        "Jalid dijo que los rebeldes resisten.",
        "Chahba, un habitant, dit que les rebelles tiennent le quartier.",
        "Chahba, 35 ans, raconte que les rebelles tiennent le quartier.",
    ):
        assert proposals(indexes, text) == [], text
    # The same readings as places.
    assert proposals(indexes, "Los rebeldes controlan Jaldiya.") == [
        ("al-khaldiyeh", "rebels", "held")
    ]
    assert proposals(indexes, "Les rebelles tiennent Chahba, un quartier du nord.") == [
        ("ash-shahba", "rebels", "held")
    ]


def test_an_area_placed_by_a_direction_from_the_city_lies_outside_it(indexes):
    for text in (
        "Rebels launched an offensive in the Shahba region north of Aleppo.",
        "The Kurds advanced in the Shahba area in the northern countryside.",
        "Turkish-backed rebels fought the Kurds in the Shahba region, north of Aleppo.",
    ):
        assert proposals(indexes, text) == [], text
    assert proposals(indexes, "Rebels took ash-Shahba district.") == [
        ("ash-shahba", "rebels", "captured")
    ]
    # "in the west of the city" is the city's half: the area is inside it.
    text = "The Center stands at the entrance to the regime-controlled New Aleppo area in the west of the city."
    assert proposals(indexes, text) == [("new-aleppo", "government", "held")]


def test_a_year_during_by_or_throughout_which_a_side_held_a_place_dates_the_holding(indexes):
    year = (date(2013, 1, 1), date(2013, 12, 31))
    published = date(2014, 5, 1)
    for text in (
        "By 2013, rebels held Salaheddin.",
        "During 2013 the rebels held Salaheddin.",
        "Rebels held Salaheddin throughout 2013.",
        "Rebels held Salaheddin for most of 2013.",
        "In 2013, rebels held Salaheddin.",
    ):
        assert proposals(indexes, text, published, dated=True) == [
            ("salah-ad-deen", "rebels", "held", *year)
        ], text
    # A year then a comma is no count of the side after it ("2013, rebels").
    assert proposals(indexes, "Since 2013, rebels have held Hanano.", published, True) == [
        ("hanano", "rebels", "held", date(2013, 1, 1), published)
    ]


def test_a_place_people_fled_to_is_not_reached_by_the_verb_before_it(indexes):
    taken = [("hanano", "rebels", "captured")]
    assert proposals(indexes, "Rebels took Hanano, forcing families to flee to al-Shaar.") == taken
    text = "After the army took Hanano, residents fled to Jibreen."
    assert proposals(indexes, text) == [("hanano", "government", "captured")]
    text = "Government forces took Karm al-Jabal, driving thousands of civilians into al-Shaar."
    assert proposals(indexes, text) == [("karm-aj-jabal", "government", "captured")]
    # Two places taken, and a side withdrawing to a place, still claim it.
    assert proposals(indexes, "Rebels took Hanano and al-Shaar.") == [
        *taken,
        ("ash-shaar", "rebels", "captured"),
    ]
    text = "Rebels withdrew from Hanano to al-Shaar."
    assert ("ash-shaar", "rebels", "held") in proposals(indexes, text)


def test_deaths_a_demolition_an_origin_or_a_direction_in_other_languages_claim_nothing(indexes):
    for text in (
        "Tres rebeldes murieron en Salaheddin.",
        "Los rebeldes volaron un edificio en Salaheddin.",
        "Trois rebelles ont été tués à Salaheddine.",
        "Les rebelles ont fait sauter un bâtiment à Salaheddine.",
        "Des combattants venus de Hanano ont rejoint l'offensive.",
        "L'armée avance vers Hanano.",
        "Tre ribelli sono stati uccisi a Salaheddin.",
        "Drei Rebellen wurden in Salaheddin getötet.",
        "Os rebeldes morreram em Salaheddin.",
    ):
        assert proposals(indexes, text) == [], text
    assert proposals(indexes, "Los rebeldes controlan Salaheddin.") == [
        ("salah-ad-deen", "rebels", "held")
    ]
    assert proposals(indexes, "Les rebelles ont pris Salaheddine.") == [
        ("salah-ad-deen", "rebels", "captured")
    ]
