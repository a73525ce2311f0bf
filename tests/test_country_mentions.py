"""Countries named in shapes a plain gazetteer match misses: the first half of "North and
South Korea", "the two Koreas", an abbreviation glued by a hyphen ("U.S.-South Korea"), and a
capital written in capitals as a dateline ("SEOUL (Reuters) -")."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import COUNTRY


def countries(text, title=""):
    return sorted(a.code for a in extract(title, text) if a.kind == COUNTRY)


class CoordinatedHalfTests(SimpleTestCase):
    def test_north_and_south_korea_names_both_koreas(self):
        self.assertEqual(countries("Tensions between North and South Korea rose."), ["KP", "KR"])

    def test_south_and_north_korean_names_both_koreas(self):
        self.assertEqual(countries("South and North Korean officials met."), ["KP", "KR"])

    def test_a_half_that_names_no_known_country_adds_none(self):
        self.assertEqual(countries("Flights between North and South America resumed."), [])


class BothKoreasTests(SimpleTestCase):
    def test_the_two_koreas_name_both_koreas(self):
        self.assertEqual(countries("The two Koreas remain technically at war."), ["KP", "KR"])

    def test_korea_alone_is_not_the_two_koreas(self):
        self.assertEqual(countries("The Korea Times ran a story."), [])


class HyphenatedAbbreviationTests(SimpleTestCase):
    def test_a_dotted_abbreviation_glued_to_a_country_names_both(self):
        self.assertEqual(countries("The U.S.-South Korea alliance held."), ["KR", "US"])

    def test_a_dotted_abbreviation_glued_to_a_lower_case_word_names_one(self):
        self.assertEqual(countries("The U.S.-led coalition struck."), ["US"])


class DatelineCapitalTests(SimpleTestCase):
    def test_a_capital_in_capitals_opening_the_text_is_its_country(self):
        self.assertEqual(countries("SEOUL (Reuters) - Shares fell on Monday."), ["KR"])

    def test_a_two_word_capital_in_a_dateline_is_its_country(self):
        self.assertEqual(countries("KUALA LUMPUR, Feb 14 - The police said."), ["MY"])

    def test_a_capital_in_capitals_inside_a_sentence_is_no_dateline(self):
        self.assertEqual(countries("Shares fell, SEOUL (Reuters) reported."), [])

    def test_a_word_in_capitals_that_is_no_capital_is_no_country(self):
        self.assertEqual(countries("BREAKING (Reuters) - Shares fell."), [])
