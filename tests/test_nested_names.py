"""A known name that ends a longer organization name is not named by it ("Liberal
Democratic Party" is not the Democratic Party); one after "of the" is ("Central Committee of
the Workers' Party of Korea" names the WPK)."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import ORGANIZATION


def organizations(text):
    return {a.name for a in extract("", text) if a.kind == ORGANIZATION}


class NestedNameTests(SimpleTestCase):
    def test_a_known_party_name_ending_a_longer_party_name_is_not_that_party(self):
        found = organizations("Japan's ruling Liberal Democratic Party outlined measures.")
        self.assertNotIn("Democratic Party", found)

    def test_a_known_name_after_of_the_inside_a_longer_name_is_named(self):
        found = organizations("The Central Committee of the Workers' Party of Korea met.")
        self.assertIn("Workers' Party of Korea", found)


class KnownBodyStartingAKnownBodyTests(SimpleTestCase):
    """A known body's own name does not name the known body it starts with."""

    def test_the_united_nations_command_does_not_name_the_united_nations(self):
        found = {
            a.name
            for a in extract("", "The United Nations Command said.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"United Nations Command"})

    def test_a_person_starting_a_known_university_is_still_named(self):
        found = {a.name for a in extract("", "Kim Il Sung University students met.")}
        self.assertIn("Kim Il Sung", found)
