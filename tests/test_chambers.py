"""A legislature named by its bare chamber word ("Congress passed", "the Senate voted") is the
United States' chamber when the text names the United States."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import ORGANIZATION


def organizations(text):
    return sorted(a.name for a in extract("", text) if a.kind == ORGANIZATION)


class BareChamberTests(SimpleTestCase):
    def test_congress_alone_in_a_text_naming_the_us_is_the_us_congress(self):
        found = organizations("Washington said Congress passed new sanctions.")
        self.assertEqual(found, ["United States Congress"])

    def test_the_senate_in_a_text_naming_the_us_is_the_us_senate(self):
        found = organizations("The U.S. envoy left. Later the Senate voted on the bill.")
        self.assertEqual(found, ["United States Senate"])

    def test_the_house_in_a_text_naming_the_us_is_the_us_house(self):
        found = organizations("Americans watched as the speaker of the House spoke.")
        self.assertEqual(found, ["United States House of Representatives"])

    def test_congress_in_a_text_that_does_not_name_the_us_is_no_chamber(self):
        self.assertEqual(organizations("Congress passed the bill."), [])

    def test_a_congress_after_a_capitalised_word_is_another_body(self):
        found = organizations("The U.S. noted that the National People's Congress met.")
        self.assertNotIn("United States Congress", found)

    def test_a_house_without_the_is_a_modifier(self):
        found = organizations("Americans told a House banking subcommittee.")
        self.assertEqual(found, [])

    def test_the_bare_word_is_not_kept_as_an_alias(self):
        actors = extract("", "Washington said Congress passed new sanctions.")
        congress = next(a for a in actors if a.kind == ORGANIZATION)
        self.assertNotIn("Congress", congress.aliases)
