"""The claim proposer's rules of who holds, one scenario each, with its guards:
- sides named by epithet: a noun of fighters takes its side from the word before it
  (`tracker.extraction_epithets`), "the Syrian (Assad) regime" is one name;
- the halves of the city named by their parts or portions in the plural (`extraction_halves`);
- a counted side is the subject of any verb but one of leaving (`extraction_subject`); "about"
  before a count is no modal, but an indirect question ("accounts about who controls X") claims
  nothing; a noun of effort in quotation marks before "to" states an aim;
- fighters captured in the passive are people taken; a demand that a side leave a place claims
  no loss; an attack from afar is no fighting in the place (`extraction_idioms`);
- a weekday or a number opening a run of capitals is no transliterated place (`extraction_places`);
- words of a part before a comma or a conjunction are not the next place's
  (`extraction_verbs.partial_gain`); a gapped holding after "; the rebels," is theirs;
- a side whose relative clause is passive ("rebels, who were besieged") is its patient; "wrested X
  from" is a taking, "have been entrenched" a holding, "battling" and "the fight for X" fighting;
  "under (the) control of" a side is that side's (`extraction_words`);
- a former holding gives way to the holding now (`extraction_formerly`); a place on one side of
  the front line is that side's (`extraction_words.APPOSITION`);
- a perfect participle opening the sentence ("Having driven") has the main clause's subject
  (`extraction_clauses.OPENING`); a place fire came from, "neighbouring" or with the firing side
  after "by", is that side's (`extraction_presence.fired_from`)."""

from tests.tracker.test_extraction_rules import SPELLED, propose
from tracker.extraction import Indexes, Place


def test_a_noun_of_fighters_takes_its_side_from_the_word_before_it():
    assert propose("Regime fighters overran Hanano at dawn.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Loyalist gunmen seized Sheikh Saeed.") == [
        ("sheikh-saeed", "government", "captured")
    ]
    text = "Iranian-backed fighters took Hanano after a week of clashes."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("Rebel militias captured Hanano.") == [("hanano", "rebels", "captured")]
    assert propose("Islamist units stormed and seized Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]
    # "anti-government" is no government.
    assert propose("Anti-government forces now control Hanano.") == [("hanano", "rebels", "held")]


def test_the_regimes_irregulars_and_security_forces_are_the_governments():
    assert propose("Shabiha militiamen took over Hanano.") == [("hanano", "government", "captured")]
    assert propose("Security forces retook Sheikh Saeed.") == [
        ("sheikh-saeed", "government", "captured")
    ]
    text = "Some 300 Syrian ground forces backed by armour recaptured Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("The Islamic battalions seized Hanano.") == [("hanano", "rebels", "captured")]
    assert propose("Mujahideen captured Sheikh Saeed.") == [("sheikh-saeed", "rebels", "captured")]


def test_an_epithet_does_not_reach_a_name_it_is_part_of():
    # Pure guards: the named groups keep their sides.
    assert propose("Free Syrian Army units seized Hanano.") == [("hanano", "rebels", "captured")]
    assert propose("Kurdish security forces took Sheikh Saeed.") == [
        ("sheikh-saeed", "kurdish_ypg", "captured")
    ]
    assert propose("Islamic State fighters seized Hanano.") == [("hanano", "isis", "captured")]


def test_the_western_portions_of_the_city_are_its_west():
    text = "Loyalist troops hold the western portions of Aleppo."
    assert propose(text) == [("west-aleppo", "government", "held")]
    text = "Insurgents control the eastern parts of the city, the army the west."
    assert ("east-aleppo", "rebels", "held") in propose(text)
    # Guard: parts of the city with no direction stay a part of the whole.
    assert propose("Rebels seized parts of Aleppo.") == [("aleppo-city", "contested", "contested")]


def test_a_counted_side_is_the_subject_of_a_taking_or_an_attempt():
    assert propose("About 400 rebels overran Hanano on Monday.") == [
        ("hanano", "rebels", "captured")
    ]
    text = "Officials said 150 soldiers tried to storm Sheikh Saeed but were beaten back."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    # "About" before a count is no "about to"; "about to" still voids the verb.
    assert propose("About 60 soldiers retook Sheikh Saeed.") == [
        ("sheikh-saeed", "government", "captured")
    ]
    assert propose("The army was about to retake Sheikh Saeed.") == []
    # Guard: counted people leaving still do not hand the place over.
    assert propose("Some 80 rebels handed in their rifles and left Hanano.") == []


def test_fighters_captured_in_the_passive_are_people_taken():
    assert propose("Twelve soldiers were captured in Hanano overnight.") == []
    assert propose("Rebels were seized in Sheikh Saeed during the raid.") == []
    # Guard: a place captured by a side keeps its taker.
    assert propose("Hanano was captured by rebels on Sunday.") == [("hanano", "rebels", "captured")]


def test_a_quoted_noun_of_effort_before_to_states_an_aim():
    assert propose("Rebels announce 'decisive offensive' to capture Hanano") == []
    assert propose('Army begins "final battle" to retake Sheikh Saeed') == []
    # Guard: a quoted noun that is no effort leaves the verb alone.
    assert propose("Rebels, in a 'surprise', took Hanano.") == [("hanano", "rebels", "captured")]


FARDOS = Place("al-fardos", ("al-fardos",))
NEW_ALEPPO = Place("new-aleppo", ("new-aleppo",))
GUESSED = Indexes.build([*SPELLED, ("al-Fardos", FARDOS), ("New Aleppo", NEW_ALEPPO)], [])


def test_a_weekday_or_a_number_is_no_transliterated_place():
    assert propose("Dozens died in Friday's fighting.", indexes=GUESSED) == []
    text = "One Aleppo shopkeeper said the clashes were intense."
    assert propose(text, indexes=GUESSED) == []
    # Guard: the places' own spellings are still read.
    assert propose("Clashes broke out in al-Fardos.", indexes=GUESSED) == [
        ("al-fardos", "contested", "contested")
    ]
    assert propose("Clashes broke out in New Aleppo.", indexes=GUESSED) == [
        ("new-aleppo", "contested", "contested")
    ]


def test_a_gapped_holding_after_a_semicolon_and_a_comma_is_the_second_sides():
    text = "Loyalists hold the west of the city; the insurgents, the East Aleppo districts."
    assert propose(text) == [
        ("west-aleppo", "government", "held"),
        ("east-aleppo", "rebels", "held"),
    ]


def test_words_of_a_part_before_a_conjunction_are_not_the_next_places():
    text = "Insurgents control the eastern half of the city and the army the western half."
    assert propose(text) == [
        ("east-aleppo", "rebels", "held"),
        ("west-aleppo", "government", "held"),
    ]
    # Guard: words of a part before an enumeration joined by "and" still make it contested.
    assert propose("Rebels seized parts of Hanano and Sheikh Saeed.") == [
        ("hanano", "contested", "contested"),
        ("sheikh-saeed", "contested", "contested"),
    ]


def test_words_of_a_part_before_a_comma_are_not_the_next_places():
    text = "The army controls the west of the city, the insurgents the East Aleppo districts."
    assert propose(text) == [
        ("west-aleppo", "government", "held"),
        ("east-aleppo", "rebels", "held"),
    ]
    # Guard: words of a part in the place's own phrase still make it contested.
    assert propose("Rebels, after a long battle, seized parts of Hanano.") == [
        ("hanano", "contested", "contested")
    ]


def test_a_side_whose_relative_clause_is_passive_is_its_patient():
    text = "The insurgents, who had been besieged in Hanano since June, held out."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "Soldiers who were driven out of Sheikh Saeed in the spring regrouped nearby."
    assert propose(text) == [("sheikh-saeed", "rebels", "captured")]
    # Guard: an active relative clause keeps its side as the subject.
    text = "The insurgents, who had besieged Hanano since June, pulled back."
    assert propose(text) == [("hanano", "government", "held")]


def test_wrested_from_a_side_is_a_taking_from_it():
    assert propose("Hanano was wrested from the insurgents last month.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Islamist units wrested Sheikh Saeed from the army.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]


def test_a_side_that_has_been_entrenched_somewhere_holds_it():
    text = "Hanano, where insurgents have been entrenched since 2013, was shelled again."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "Troops remain stationed in Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "government", "held")]


def test_a_demand_that_a_side_leave_a_place_claims_no_loss():
    assert propose("Islamist units urged the YPG to pull out of Sheikh Saeed.") == []
    assert propose("The insurgents gave the troops 48 hours to leave Hanano.") == []
    assert propose("Rebels demanded that government forces withdraw from Hanano.") == []
    # Guard: a withdrawal told to a reporter still happened.
    text = "A commander told Reuters his fighters were forced to withdraw from Hanano."
    assert propose(text) == [("hanano", "government", "lost")]


def test_a_former_holding_gives_way_to_the_holding_now():
    text = "The formerly rebel-held Hanano is now under army control."
    assert propose(text) == [("hanano", "government", "held")]
    text = "Former insurgent strongholds in Sheikh Saeed are now in government hands."
    assert propose(text) == [("sheikh-saeed", "government", "held")]
    # Guard: a former holding alone still claims nothing.
    assert propose("Aid reached the formerly rebel-held Hanano.") == []


def test_a_place_on_one_side_of_the_front_line_is_that_sides():
    assert propose("Hanano is on the government side of the frontline.") == [
        ("hanano", "government", "held")
    ]
    assert propose("Sheikh Saeed sits on the rebel side of the front line.") == [
        ("sheikh-saeed", "rebels", "held")
    ]
    # Guard: a place on the front line itself is fought over.
    assert propose("Hanano is on the front line.") == [("hanano", "contested", "contested")]


def test_an_attack_from_afar_is_no_fighting_in_the_place():
    assert propose("An artillery attack on Hanano killed four people.") == []
    assert propose("Helicopters attacked Sheikh Saeed at dawn.") == []
    assert propose("The army attacked Hanano with barrel bombs and rockets.") == []
    assert (
        propose(
            "A raid using explosive-filled barrels struck Hanano; an attack with rockets followed."
        )
        == []
    )
    # Guards: an attack on the ground is still fighting there.
    assert propose("Insurgents attacked Hanano overnight.") == [
        ("hanano", "contested", "contested")
    ]
    text = "A suicide car bomb attack on Sheikh Saeed opened the assault."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]


def test_battling_in_a_place_is_fighting_there():
    text = "Insurgents battling loyalist troops in Hanano claimed gains."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_the_fight_for_a_place_is_fighting_there():
    assert propose("The fight for Hanano entered its third week.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("A bitter fight over Sheikh Saeed went on.") == [
        ("sheikh-saeed", "contested", "contested")
    ]
    # Guard: a fight for something not named is no fighting in a place.
    assert propose("Rebels in Hanano said they fight for the revolution.") == [
        ("hanano", "rebels", "held")
    ]


def test_a_perfect_participle_opening_the_sentence_has_the_main_clauses_subject():
    text = "Having driven the insurgents out of Hanano, troops moved on Sheikh Saeed."
    assert ("hanano", "government", "captured") in propose(text)
    text = "Having driven the army from Sheikh Saeed, rebels turned north."
    assert propose(text) == [("sheikh-saeed", "rebels", "captured")]


def test_a_place_fire_came_from_is_the_firing_sides():
    text = "Insurgents shelled Hanano from neighbouring Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    text = "Mortar rounds fired by loyalist troops from Hanano wounded four people."
    assert propose(text) == [("hanano", "government", "held")]
    # Guard: a side fired upon from a place does not hold it.
    assert propose("Rebels came under fire from neighbouring Hanano.") == []


def test_under_control_of_a_side_is_that_sides_in_a_second_clause():
    text = "Insurgents hold Hanano, while Sheikh Saeed is under control of the Assad regime."
    assert propose(text) == [
        ("hanano", "rebels", "held"),
        ("sheikh-saeed", "government", "held"),
    ]
    text = "The east is in the hands of the rebels, while the west remains under the control of the army."
    assert ("west-aleppo", "government", "held") in propose(text)
    # Guard: a side's control before the place keeps its say.
    assert propose("Hanano is under rebel control.") == [("hanano", "rebels", "held")]


def test_an_indirect_question_of_who_holds_a_place_claims_nothing():
    text = "The army and the insurgents gave rival accounts about who controls Hanano."
    assert propose(text) == []
    assert propose("Insurgents and troops argued over who controls Sheikh Saeed.") == []
    # Guard: a relative "who" after its side still says the side holds the place.
    text = "The insurgents, who control Hanano, shelled the west."
    assert ("hanano", "rebels", "held") in propose(text)
