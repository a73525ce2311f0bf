"""A United Nations agency named by what it does ("the U.N. nuclear watchdog") is that
agency, not the United Nations."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import ORGANIZATION


def organizations(text):
    return {a.name for a in extract("", text) if a.kind == ORGANIZATION}


class UnitedNationsAgencyTests(SimpleTestCase):
    def test_the_un_nuclear_watchdog_is_the_atomic_energy_agency(self):
        found = organizations("The U.N. nuclear watchdog said the plant restarted.")
        self.assertEqual(found, {"International Atomic Energy Agency"})

    def test_a_possessive_un_before_a_descriptor_names_the_agency(self):
        found = organizations("The UN's refugee agency said camps were full.")
        self.assertEqual(found, {"Office of the United Nations High Commissioner for Refugees"})

    def test_the_un_before_a_word_that_is_no_descriptor_stays_the_united_nations(self):
        found = organizations("A UN special envoy said talks would resume.")
        self.assertEqual(found, {"United Nations"})

    def test_the_un_human_rights_office_and_migration_agency_are_those_bodies(self):
        found = organizations("The U.N. human rights office said. The UN migration agency agreed.")
        self.assertEqual(
            found,
            {
                "Office of the United Nations High Commissioner for Human Rights",
                "International Organization for Migration",
            },
        )

    def test_a_un_panel_of_experts_is_the_sanctions_panel(self):
        found = organizations("A UN panel of experts said the ship broke sanctions.")
        self.assertEqual(found, {"UN Panel of Experts"})
