"""A role title glued to a name is not part of the name, an acronym is not a name, and a
role in an apposition ("X, the founder of ...") makes X a person."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import PERSON


def persons(text):
    return {a.name for a in extract("", text) if a.kind == PERSON}


class GluedTitleTests(SimpleTestCase):
    def test_the_end_of_a_title_before_a_name_is_stripped(self):
        self.assertEqual(persons("Netflix Chief Executive Reed Hastings said."), {"Reed Hastings"})

    def test_the_object_of_secretary_of_is_stripped(self):
        self.assertEqual(persons("U.S. Secretary of State John Kerry said."), {"John Kerry"})

    def test_a_legislators_title_introduces_a_name(self):
        found = persons("Assemblywoman Cho Minji asked about the leak.")
        self.assertEqual(found, {"Cho Minji"})

    def test_a_name_after_a_title_and_a_country_is_kept_when_its_surname_is_cued(self):
        text = "Ambassador to South Korea Odalric Vennemeyer met officials. Vennemeyer said so."
        self.assertEqual(persons(text), {"Odalric Vennemeyer"})

    def test_words_after_a_title_and_a_country_without_a_cue_are_no_person(self):
        self.assertEqual(persons("Special Envoy for North Korea Human Rights spoke."), set())

    def test_a_ministry_named_after_minister_of_is_no_person(self):
        self.assertEqual(persons("The Minister of Public Health spoke."), set())

    def test_a_portfolio_after_minister_of_is_no_part_of_the_name_after_it(self):
        found = persons("Minister of Light Industry Cho Tae Sop visited a mill.")
        self.assertEqual(found, {"Cho Tae Sop"})

    def test_a_portfolio_after_minister_of_is_no_speaking_person(self):
        self.assertEqual(persons("The Minister of Public Health said it worked."), set())


class AcronymTests(SimpleTestCase):
    def test_a_name_ending_in_an_acronym_is_no_person(self):
        self.assertEqual(persons("The California ISO said power was short."), set())

    def test_a_name_with_a_roman_numeral_is_still_a_person(self):
        self.assertIn("John Smith III", persons("John Smith III said power was short."))


class AppositionTests(SimpleTestCase):
    def test_a_name_followed_by_a_role_in_apposition_is_a_person(self):
        found = persons("Masayoshi Son, the founder of SoftBank, spoke on Monday.")
        self.assertEqual(found, {"Masayoshi Son"})

    def test_a_place_followed_by_an_apposition_without_a_role_is_no_person(self):
        self.assertEqual(persons("Busan Harbor, the biggest port, was closed."), set())


class ServiceRankTests(SimpleTestCase):
    """ "Navy Capt. Jeff Davis": a service before a rank is part of the title, no body."""

    def test_a_service_and_a_rank_before_a_name_name_no_organization(self):
        actors = extract("", "A Pentagon spokesman, Navy Capt. Jeff Davis, said.")
        self.assertNotIn("Navy Capt", {a.name for a in actors})
        self.assertIn("Jeff Davis", {a.name for a in actors})

    def test_a_service_named_alone_is_still_an_organization(self):
        names = {a.name for a in extract("", "The U.S. Navy said the ship sailed.")}
        self.assertIn("United States Navy", names)
