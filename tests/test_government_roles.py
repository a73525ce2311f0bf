"""A country's body named by its role ("China's Foreign Ministry", "the U.S. military")
resolves to one canonical organization of that country."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import ORGANIZATION


def organizations(text):
    return {a.name for a in extract("", text) if a.kind == ORGANIZATION}


class CountryRoleTests(SimpleTestCase):
    def test_a_possessive_country_and_a_ministry_role_name_that_countrys_ministry(self):
        self.assertEqual(
            organizations("Qatar's Foreign Ministry said on Monday."),
            {"Ministry of Foreign Affairs of Qatar"},
        )

    def test_a_role_resolves_to_the_gazetteers_body_when_it_knows_one(self):
        self.assertEqual(
            organizations("China's Foreign Ministry said on Monday."),
            {"Chinese Ministry of Foreign Affairs"},
        )

    def test_a_lower_case_military_that_acts_is_the_countrys_armed_forces(self):
        self.assertEqual(
            organizations("The U.S. military said it was ready."), {"United States Armed Forces"}
        )

    def test_a_lower_case_military_as_a_modifier_names_no_organization(self):
        self.assertEqual(organizations("The talks covered U.S. military aid to the region."), set())

    def test_a_role_without_a_country_before_it_is_not_this_rule(self):
        self.assertNotIn(
            "Ministry of Foreign Affairs of Qatar", organizations("The ministry said.")
        )

    def test_another_countrys_ministry_is_not_the_gazetteers_generic_one(self):
        found = organizations("Japan's Defense Ministry said the missile fell at sea.")
        self.assertEqual(found, {"Japanese Ministry of Defense"})
