"""Evidence that a name no list knows is a person's: an occupation noun before it, an age or
a role in apposition after it; and shapes that look like a person's name but name a vessel or
a venue."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import PERSON


def persons(text):
    return {a.name for a in extract("", text) if a.kind == PERSON}


class OccupationCueTests(SimpleTestCase):
    def test_a_lower_case_occupation_before_a_name_introduces_a_person(self):
        found = persons("The plan was backed by farmer Odalric Vennemeyer and others.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_capitalised_occupation_opening_a_sentence_is_not_part_of_the_name(self):
        found = persons("Entrepreneur Odalric Vennemeyer founded the firm.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_an_occupation_in_apposition_after_a_name_makes_a_person(self):
        found = persons("Odalric Vennemeyer, an economist at the bank, expects cuts.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_name_after_a_lower_case_word_that_is_no_occupation_is_no_person(self):
        self.assertEqual(persons("The plan was backed by northern Odalric Vennemeyer."), set())

    def test_a_capitalised_occupation_inside_a_run_before_a_full_name_is_no_part_of_it(self):
        found = persons("The remains of Army Veteran Odalric Q. Vennemeyer were buried.")
        self.assertEqual(found, {"Odalric Q. Vennemeyer"})

    def test_a_syllable_spelt_like_an_occupation_noun_stays_in_a_hyphenated_name(self):
        found = persons("Ri Son-gil, chairman of the committee, said talks would resume.")
        self.assertEqual(found, {"Ri Son-gil"})

    def test_a_korean_family_name_spelt_like_an_occupation_noun_opens_the_name(self):
        self.assertEqual(persons("Son Min-jae scored twice on Sunday."), {"Son Min-jae"})

    def test_a_family_name_that_is_an_occupation_word_stays_in_the_name(self):
        self.assertIn("Maren Farmer", persons("Maren Farmer said the crop failed."))


class AppositionEvidenceTests(SimpleTestCase):
    def test_an_age_in_apposition_makes_a_person(self):
        self.assertEqual(persons("Odalric Vennemeyer, 52, lost his boat."), {"Odalric Vennemeyer"})

    def test_an_age_before_year_old_makes_a_person(self):
        found = persons("Odalric Vennemeyer, 52-year-old fisherman, lost his boat.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_number_that_is_no_age_makes_no_person(self):
        self.assertEqual(persons("At Vennemeyer Field, 2024 was dry."), set())

    def test_a_role_in_apposition_without_an_article_makes_a_person(self):
        found = persons("Odalric Vennemeyer, chief economist at the bank, expects cuts.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_role_in_apposition_after_whose_role_it_is_makes_a_person(self):
        found = persons("Odalric Vennemeyer, EC spokesperson for trade, said it held.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_plural_role_after_an_owner_names_others(self):
        self.assertEqual(persons("In Vennemeyer Falls, Norland officials said it held."), set())

    def test_a_plural_role_after_a_place_makes_no_person(self):
        self.assertEqual(persons("In Vennemeyer Falls, officials at the dam said it held."), set())


class MiddleNameDroppedTests(SimpleTestCase):
    def test_first_and_last_words_of_a_longer_name_are_the_same_person(self):
        text = "Tarquin Delano Oyelowo, 45, was held. Tarquin Oyelowo, a teacher, is ill."
        self.assertEqual(persons(text), {"Tarquin Delano Oyelowo"})

    def test_korean_names_sharing_first_and_last_words_stay_apart(self):
        text = "Kim Chol Su, 45, and Kim Su, 50, were honoured."
        self.assertEqual(persons(text), {"Kim Chol Su", "Kim Su"})


class OneOfPluralRoleTests(SimpleTestCase):
    def test_a_plural_role_after_one_of_before_a_comma_introduces_a_person(self):
        found = persons("Police held one of the firm's co-founders, Tarquin Oyelowo, on Monday.")
        self.assertEqual(found, {"Tarquin Oyelowo"})

    def test_a_plural_role_without_one_of_introduces_nobody(self):
        self.assertEqual(persons("Among the founders, Tarquin Oyelowo, was absent."), set())


class GivenNameBeforeKnownSurnameTests(SimpleTestCase):
    def test_a_rare_name_word_after_a_title_before_a_known_surname_is_another_person(self):
        found = persons("Chief Security Officer Brettan Mattis testified.")
        self.assertEqual(found, {"Brettan Mattis"})

    def test_a_title_before_a_known_surname_alone_names_the_known_person(self):
        self.assertEqual(persons("Defense Secretary Mattis testified."), {"James Mattis"})


class CoordinatedPersonTests(SimpleTestCase):
    def test_a_name_joined_by_and_to_a_persons_full_name_is_a_person(self):
        found = persons("Tarquin Oyelowo and Harry Roe had put the team ahead.")
        self.assertEqual(found, {"Tarquin Oyelowo", "Harry Roe"})

    def test_two_names_without_evidence_joined_by_and_stay_unread(self):
        found = persons("The report was written by Tarquin Oyelowo and Ximena Arbeloa.")
        self.assertEqual(found, set())


class BasedDescriptorTests(SimpleTestCase):
    def test_a_name_after_a_place_based_descriptor_is_a_body(self):
        found = extract("", "Norland-based Harbor Tours said in a statement.")
        self.assertEqual([(a.kind, a.name) for a in found], [("organization", "Harbor Tours")])

    def test_a_known_name_after_the_descriptor_keeps_its_reading(self):
        found = extract("", "A group of Tokyo-based North Korean traders met.")
        self.assertEqual([a.kind for a in found], ["country", "country"])

    def test_an_occupation_after_the_descriptor_introduces_a_person(self):
        found = persons("Seoul-based analyst Odalric Vennemeyer said so.")
        self.assertEqual(found, {"Odalric Vennemeyer"})


class ThingNamedAfterPersonTests(SimpleTestCase):
    def test_a_name_aboard_a_vessel_is_no_person(self):
        self.assertEqual(persons("The crew was rescued aboard the Jane Roe at dawn."), set())

    def test_a_name_after_a_vessel_noun_or_prefix_is_no_person(self):
        self.assertEqual(persons("The tanker Jane Roe and USS John Roe docked."), set())

    def test_a_name_after_a_vessel_noun_and_named_is_no_person(self):
        self.assertEqual(persons("Officials seized a tanker named Jane Roe on Monday."), set())
        self.assertEqual(persons("The vessel, called Jane Roe, was seized."), set())

    def test_a_name_whose_apposition_is_headed_by_a_vessel_noun_is_no_person(self):
        found = persons("Officials say Jane Roe, a Panama-flagged tanker, was seized.")
        self.assertEqual(found, set())

    def test_a_vessel_noun_modifying_a_role_in_apposition_is_no_head(self):
        found = persons("Odalric Vennemeyer, a film director, said the plan failed.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_name_after_a_venue_noun_is_no_person(self):
        self.assertEqual(persons("They dined at the restaurant Jane Roe downtown."), set())

    def test_a_person_who_boards_a_ship_is_still_a_person(self):
        self.assertEqual(persons("Jane Roe boarded the ship at dawn, she said."), {"Jane Roe"})

    def test_a_ships_captain_named_in_apposition_is_a_person(self):
        found = persons("The ship's captain, Jane Roe, said the crew was safe.")
        self.assertEqual(found, {"Jane Roe"})


class BareNameConfirmationTests(SimpleTestCase):
    def test_a_full_name_is_a_person_when_its_bare_last_name_is_a_speaker(self):
        text = "Odalric Vennemeyer left the room early. Vennemeyer said it was urgent."
        self.assertEqual(persons(text), {"Odalric Vennemeyer"})

    def test_a_full_name_is_a_person_when_its_bare_last_name_has_a_title(self):
        text = "Mr. Vennemeyer declined to comment. Odalric Vennemeyer left early."
        self.assertEqual(persons(text), {"Odalric Vennemeyer"})

    def test_a_full_name_whose_bare_last_name_has_no_cue_is_no_person(self):
        text = "Odalric Vennemeyer lies east. Later, Vennemeyer was closed."
        self.assertEqual(persons(text), set())


class RelativeOfKnownPersonTests(SimpleTestCase):
    def test_a_given_name_before_a_known_persons_bare_family_name_is_a_relative(self):
        found = persons("Joe Biden arrived with Margaret Biden and Peter Biden.")
        self.assertEqual(found, {"Joe Biden", "Margaret Biden", "Peter Biden"})

    def test_a_title_before_a_known_persons_bare_family_name_is_the_known_person(self):
        self.assertEqual(persons("Joe Biden spoke. Later, President Biden left."), {"Joe Biden"})

    def test_a_longer_capitalised_run_before_the_family_name_is_left_alone(self):
        self.assertEqual(persons("The Harbor Peter Biden Fund gave money."), set())


class SurroundingCueTests(SimpleTestCase):
    def test_a_name_pointed_at_as_pictured_is_a_person(self):
        self.assertEqual(
            persons("Odalric Vennemeyer (pictured) met officials."), {"Odalric Vennemeyer"}
        )

    def test_a_place_pointed_at_on_a_map_is_no_person(self):
        self.assertEqual(persons("He was found near Vennemeyer Point (left) at dawn."), set())

    def test_a_singular_role_before_a_comma_and_the_name_makes_a_person(self):
        found = persons("The firm's founder, Odalric Vennemeyer, visited the plant.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_plural_role_before_a_comma_makes_no_person(self):
        self.assertEqual(persons("Among the officials, Vennemeyer Harbor was busy."), set())

    def test_a_name_joined_by_and_to_a_speaker_speaks_too(self):
        found = persons("Ingrid Torvaldsen and Odalric Vennemeyer said the deal was off.")
        self.assertEqual(found, {"Ingrid Torvaldsen", "Odalric Vennemeyer"})

    def test_a_name_joined_by_and_to_a_name_that_does_not_speak_is_no_person(self):
        self.assertEqual(persons("Torvaldsen Harbor and Vennemeyer Point are closed."), set())


class InternationalGivenNameTests(SimpleTestCase):
    def test_a_common_non_english_given_name_opens_a_persons_name(self):
        found = persons("Oleksandr Vennemeyer and Priya Torvaldsen arrived on Monday.")
        self.assertEqual(found, {"Oleksandr Vennemeyer", "Priya Torvaldsen"})

    def test_a_word_that_is_no_given_name_opens_no_persons_name(self):
        self.assertEqual(persons("Harbor Vennemeyer and Northern Torvaldsen arrived."), set())


class CitedPersonTests(SimpleTestCase):
    def test_a_cited_name_whose_last_word_speaks_alone_later_is_a_person(self):
        text = "According to Odalric Vennemeyer, the deal is off. Vennemeyer said talks resume."
        self.assertEqual(persons(text), {"Odalric Vennemeyer"})

    def test_a_cited_name_never_cued_as_a_person_stays_an_outlet(self):
        text = "According to Harbor Pulse, the deal is off. Officials said talks resume."
        self.assertEqual(persons(text), set())
        self.assertIn("Harbor Pulse", {a.name for a in extract("", text)})


class MisspeltRepeatTests(SimpleTestCase):
    def test_a_repeat_misspelt_by_one_letter_of_a_long_last_name_is_the_same_person(self):
        text = "Odalric Vennemeyer said no. Later, Odalric Venemeyer said yes."
        self.assertEqual(persons(text), {"Odalric Vennemeyer"})

    def test_two_last_names_more_than_one_letter_apart_are_two_people(self):
        text = "Odalric Vennemeyer said no. Later, Odalric Vennemoyar said yes."
        self.assertEqual(persons(text), {"Odalric Vennemeyer", "Odalric Vennemoyar"})

    def test_korean_names_one_letter_apart_are_two_people(self):
        text = "Park Ji-won said no. Later, Park Ji-woon said yes."
        self.assertEqual(len(persons(text)), 2)


class InitialsForGivenNameTests(SimpleTestCase):
    def test_dotted_initials_open_a_cued_name(self):
        found = persons("J.R. Vennemeyer, an analyst at the bank, expects cuts.")
        self.assertEqual(found, {"J.R. Vennemeyer"})

    def test_two_capitals_before_a_korean_family_name_are_initials(self):
        self.assertEqual(persons("JY Kim, analyst at a brokerage, expects cuts."), {"JY Kim"})

    def test_two_capitals_before_another_word_are_no_initials(self):
        self.assertEqual(persons("QX Vennemeyer said profit rose."), set())


class PossessiveAppositionTests(SimpleTestCase):
    def test_a_role_after_a_possessive_in_apposition_makes_a_person(self):
        found = persons("Odalric Vennemeyer, Norland's foreign minister, met officials.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_hyphenated_modifier_does_not_end_the_apposition(self):
        found = persons("Odalric Vennemeyer, the agency's second-ranking negotiator, left.")
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_plural_role_after_a_possessive_names_others(self):
        self.assertEqual(persons("In Vennemeyer Falls, Norland's officials said it held."), set())

    def test_head_of_in_apposition_makes_a_person(self):
        found = persons("Odalric Vennemeyer, head of the institute, left.")
        self.assertEqual(found, {"Odalric Vennemeyer"})


class SentenceOpeningPrepositionTests(SimpleTestCase):
    def test_a_preposition_opening_a_sentence_is_no_part_of_a_name(self):
        found = persons("Unlike Odalric Vennemeyer, his wife stayed. Vennemeyer said so.")
        self.assertEqual(found, {"Odalric Vennemeyer"})
