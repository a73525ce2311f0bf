"""Dependent territories (Guam, Puerto Rico) are places, not countries (GUIDELINES)."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import COUNTRY


def codes(text):
    return {a.code for a in extract("", text) if a.kind == COUNTRY}


class TerritoryTests(SimpleTestCase):
    def test_a_us_territory_is_not_coded_as_a_country(self):
        self.assertEqual(codes("Bombers flew from Guam and Puerto Rico."), set())

    def test_a_country_beside_a_territory_is_still_coded(self):
        self.assertEqual(codes("Bombers flew from Guam to Japan."), {"JP"})
