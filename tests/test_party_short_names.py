"""A party named short ("Democrats", "GOP", "Democratic nominee") is the party only in
political context, and the party the text names in full when it names one."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import ORGANIZATION


def organizations(text):
    return {a.name for a in extract("", text) if a.kind == ORGANIZATION}


class PartyShortNameTests(SimpleTestCase):
    def test_a_party_adjective_before_a_political_role_is_the_party(self):
        self.assertEqual(organizations("Democratic nominee Joe Biden spoke."), {"Democratic Party"})

    def test_a_party_adjective_inside_a_country_name_is_no_party(self):
        found = organizations("The Democratic People's Republic of Korea spoke.")
        self.assertNotIn("Democratic Party", found)

    def test_an_abbreviation_in_a_political_text_is_the_party(self):
        self.assertEqual(organizations("GOP senators balked at the bill."), {"Republican Party"})

    def test_a_plural_without_political_context_is_no_party(self):
        self.assertEqual(organizations("Democrats objected to the plan."), set())

    def test_a_partys_own_word_alone_in_a_political_text_is_the_party(self):
        self.assertEqual(organizations("Saenuri lawmakers walked out."), {"Saenuri Party"})
        self.assertEqual(organizations("Saenuri sales rose."), set())

    def test_a_short_name_opening_a_full_name_inside_a_title_is_no_party(self):
        found = organizations("Saenuri Party Chairman Kim Moo-sung said after the election.")
        self.assertEqual(found, set())

    def test_a_party_named_by_its_members_is_the_party(self):
        found = organizations("The ruling Liberal Democrats won the election.")
        self.assertEqual(found, {"Liberal Democratic Party"})

    def test_a_party_whose_word_is_a_persons_title_is_a_party(self):
        self.assertEqual(organizations("The Justice Party said it would vote."), {"Justice Party"})

    def test_a_short_name_means_the_party_named_in_full_in_the_text(self):
        found = organizations(
            "The Democratic Party of Korea won. Democrats cheered the election result."
        )
        self.assertNotIn("Democratic Party", found)
        self.assertIn("Democratic Party of Korea", found)


class RulingPartyNamedShortTests(SimpleTestCase):
    """ "the ruling Workers' Party" in a text that names North Korea is the Workers' Party of
    Korea; a longer name built on it stays its own party."""

    def test_the_short_name_in_a_text_naming_the_country_is_its_party(self):
        found = {
            a.name
            for a in extract("", "North Korea held a congress of the ruling Workers' Party.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Workers' Party of Korea"})

    def test_a_longer_name_on_the_short_name_is_another_party(self):
        found = {
            a.name
            for a in extract("", "The Hungarian Workers' Party greeted North Korea.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Hungarian Workers' Party"})

    def test_the_short_name_is_not_kept_as_an_alias_of_the_party(self):
        actors = extract("", "North Korea held a congress of the ruling Workers' Party.")
        party = next(a for a in actors if a.kind == ORGANIZATION)
        self.assertNotIn("Workers' Party", party.aliases)

    def test_a_body_of_the_short_named_party_is_the_known_body(self):
        found = {
            a.name
            for a in extract("", "North Korea's Workers' Party Central Committee met.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Central Committee of the Workers' Party of Korea"})
