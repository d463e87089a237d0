"""The claim proposer's rules written from Arabic quotes of the middle years of the battle
(2013-2015; tracker/extraction_words_arabic.py): one scenario each, with guards, on a small
gazetteer (the Arabic quote round's), in sentences of our own."""

from tests.tracker.test_extraction_arabic_quotes import propose_ar


def test_arabic_clashes_with_the_article_or_a_hamza_under_the_alif_are_fighting():
    assert propose_ar("تتواصل الإشتباكات على أطراف حي هنانو منذ الصباح.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose_ar("وقعت إشتباكات عنيفة في حي الشيخ سعيد ليلاً.") == [
        ("sheikh-saeed", "contested", "contested")
    ]
    # Guard: shelling alone stays no verb of control.
    assert propose_ar("قصفت المروحيات حي الشيخ سعيد بالبراميل.") == []


def test_an_arabic_denial_voids_the_control_it_denies():
    text = "نفى مصدر عسكري صحة الأنباء التي تحدثت عن سيطرة المسلحين على حي هنانو."
    assert propose_ar(text) == []
    # A side that denies the other side's taking holds the place (`denied_by`).
    text = "ينفي الجيش شائعات حول سيطرة المسلحين على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "held")]
    assert propose_ar("نفى القائد سيطرة قوات النظام على حي هنانو.") == []
    text = "تضاربت الأنباء الواردة من الطرفين بشأن السيطرة على حي الشيخ سعيد."
    assert propose_ar(text) == []
    # Guards: a taking told after the conflicting reports' clause, and a report not denied, claim.
    text = "تضاربت الأنباء حول الوضع، وسيطر الثوار على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "captured")]
    assert propose_ar("تحدثت الأنباء عن سيطرة الثوار على حي هنانو.") == [
        ("hanano", "rebels", "captured")
    ]


def test_an_arabic_battles_name_in_quotes_names_no_place():
    text = "أحرز الثوار تقدماً في معركة أطلقوا عليها اسم «الوفاء لشهداء هنانو» قرب المطار."
    assert propose_ar(text) == []
    assert propose_ar("بدأ الثوار عملية “فجر هنانو” في الريف الشمالي.") == []
    # Guard: a place after the name's closing quote is read.
    assert propose_ar("ضمن معركة «الفجر» سيطر الثوار على حي الشيخ سعيد.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]


def test_freeing_people_in_arabic_is_no_taking():
    # Storming the prison is fighting; freeing the prisoners takes no place.
    assert propose_ar("اقتحم الثوار السجن وحرروا الأسرى في حي هنانو.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose_ar("جرت عملية تحرير السجناء في حي الشيخ سعيد.") == []
    # Guard: freeing a place takes it.
    assert propose_ar("حرر الثوار حي هنانو بعد يومين.") == [("hanano", "rebels", "captured")]


def test_a_block_or_wide_areas_of_an_arabic_place_are_a_part_of_it():
    assert propose_ar("سيطرت قوات النظام على مساحات واسعة من حي هنانو.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose_ar("سيطر الثوار على كتلة من حي الشيخ سعيد.") == [
        ("sheikh-saeed", "contested", "contested")
    ]
    # Guard: the whole place is taken whole.
    assert propose_ar("سيطر الثوار على حي الشيخ سعيد بالكامل.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]


def test_the_arabic_plural_after_an_takes():
    assert propose_ar("استطاع الثوار أن يسيطروا على حي هنانو.") == [
        ("hanano", "rebels", "captured")
    ]
    # Guard: an attempt to take it claims nothing.
    assert propose_ar("يحاول الثوار أن يسيطروا على حي هنانو.") == []


def test_an_arabic_advance_in_the_accusative_is_fighting_there():
    assert propose_ar("حققت الفصائل تقدماً ملحوظاً داخل حي هنانو.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose_ar("أحرزت قوات النظام تقدما على جبهة حي الشيخ سعيد.") == [
        ("sheikh-saeed", "contested", "contested")
    ]


def test_an_arabic_handover_is_a_loss_and_a_threat_of_one_claims_nothing():
    assert propose_ar("سلّمت الفصائل حي بستان الباشا إلى قوات النظام.") == [
        ("bustan-al-basha", "government", "lost")
    ]
    assert propose_ar("هددت إحدى الكتائب بتسليم حي بستان الباشا إلى قوات النظام.") == []
    assert propose_ar("يهدد الثوار باقتحام حي هنانو خلال أيام.") == []
    # Guard: a threat to people (endangering them) is no threat to act.
    assert propose_ar("تهدد القذائف مدارس حي هنانو الخاضع لسيطرة قوات النظام.") == [
        ("hanano", "government", "held")
    ]
    # Guard: fighters who surrender themselves hand over no place.
    assert propose_ar("سلّم عشرات المقاتلين أنفسهم قرب المطار.") == []


def test_arabic_list_items_each_with_its_noun_of_place_share_one_verb():
    text = "سقطت قذائف على حي هنانو وحي الشيخ سعيد وحي الجلاء الخاضعة لسيطرة قوات النظام."
    assert propose_ar(text) == [
        ("hanano", "government", "held"),
        ("sheikh-saeed", "government", "held"),
    ]
    # Guard: a new clause with its own preposition is no item of the list.
    assert propose_ar("سيطر الجيش على حي هنانو، وفي حي الشيخ سعيد تدور اشتباكات.") == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "contested", "contested"),
    ]


def test_the_arabic_governorate_after_a_word_of_its_extent_is_not_the_district():
    assert propose_ar("يعد المبنى أهم موقع للنظام في عموم المحافظة.") == []
    assert propose_ar("تنتشر الفصائل في ريف المحافظة الشمالي.") == []
    # Guard: the district with its article and a noun of place is read.
    assert propose_ar("تنتشر الفصائل في حي المحافظة.") == [("al-muhafaza", "rebels", "held")]


def test_managing_to_destroy_or_kill_in_arabic_is_no_taking():
    text = "تمكن الثوار من تدمير مقرات قوات النظام في حي هنانو."
    assert propose_ar(text) == []
    # Guard: managing to enter a place still takes it.
    assert propose_ar("تمكن الثوار من دخول حي الشيخ سعيد.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]
