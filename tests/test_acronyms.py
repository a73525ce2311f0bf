"""An acronym given in parentheses after an organization's full name names that
organization later in the text; an acronym that does not fit the name, or a parenthesis
after a person, defines nothing."""

from django.test import SimpleTestCase

from archive.entities.acronyms import fits
from archive.entities.gazetteer import matchable
from archive.entities.pipeline import extract
from archive.entities.types import COUNTRY, ORGANIZATION


def actors(text):
    return [(a.kind, a.name) for a in extract("", text)]


class AcronymTests(SimpleTestCase):
    def test_a_later_acronym_is_the_organization_named_in_full_before(self):
        found = extract("", "Acme Widgets Corp. (AWC) said. AWC shares rose. Acme Widgets denied.")
        self.assertEqual([(a.kind, a.name) for a in found], [(ORGANIZATION, "Acme Widgets")])
        self.assertEqual(found[0].count, 3)

    def test_a_later_acronym_is_not_a_person(self):
        found = actors("The Pacific Rim Policy Forum (PRPF) met. PRPF said talks failed.")
        self.assertEqual(found, [(ORGANIZATION, "Pacific Rim Policy Forum")])

    def test_a_later_acronym_another_rule_cites_is_the_organization_named_before(self):
        found = extract(
            "", "The Pacific Rim Policy Forum (PRPF) met. It agreed, according to the PRPF."
        )
        self.assertEqual(
            [(a.kind, a.name, a.count) for a in found],
            [(ORGANIZATION, "Pacific Rim Policy Forum", 3)],
        )

    def test_a_known_name_spelt_with_an_ampersand_before_its_acronym_is_the_known_one(self):
        found = actors(
            "Korea Shipbuilding & Offshore Engineering Co. (KSOE) won an order. KSOE said so."
        )
        self.assertEqual(found, [(ORGANIZATION, "Korea Shipbuilding and Offshore Engineering")])

    def test_an_unknown_name_with_an_ampersand_before_its_acronym_stays_one(self):
        found = actors("Harbor Cranes & Rigging Co. (HCR) won an order. HCR said so.")
        self.assertEqual(found, [(ORGANIZATION, "Harbor Cranes & Rigging")])

    def test_an_acronym_the_text_defines_overrides_the_gazetteers_reading(self):
        found = actors("The Freight Transport Council (FTC) met. The FTC said rates rose.")
        self.assertEqual(found, [(ORGANIZATION, "Freight Transport Council")])

    def test_a_known_acronym_after_another_spelling_of_its_name_is_the_known_body(self):
        found = actors("The ruling People's Power Party (PPP) lost. The PPP won 108 seats.")
        self.assertEqual(found, [(ORGANIZATION, "People Power Party")])

    def test_a_name_sharing_only_one_word_with_a_known_acronyms_body_stays_its_own(self):
        found = actors("The Fair Trade Council (FTC) fined the firm. Later the FTC said more.")
        self.assertEqual(found, [(ORGANIZATION, "Fair Trade Council")])

    def test_a_known_acronym_without_a_definition_keeps_the_gazetteers_reading(self):
        found = actors("The FTC said rates rose.")
        self.assertEqual(found, [(ORGANIZATION, "Federal Trade Commission")])

    def test_an_acronym_follows_the_initials_of_the_names_words(self):
        self.assertTrue(fits("MOTIE", "Ministry of Trade, Industry and Energy"))
        self.assertTrue(fits("KIDA", "Korea Institute for Defense Analyses"))

    def test_an_acronym_may_take_letters_from_inside_the_names_words(self):
        self.assertTrue(fits("HRX", "Harbor Exchange"))
        found = extract("", "The Harbor Exchange (HRX) said. HRX data showed a fall.")
        self.assertEqual(
            [(a.kind, a.name, a.count) for a in found], [(ORGANIZATION, "Harbor Exchange", 3)]
        )

    def test_letters_out_of_the_names_order_are_no_acronym(self):
        self.assertFalse(fits("HXR", "Harbor Exchange"))

    def test_a_parenthesised_word_that_does_not_fit_the_name_is_no_acronym(self):
        self.assertFalse(fits("XYZ", "Acme Widgets Corp"))
        found = actors("Acme Widgets Corp. (XYZ) said. XYZ rose.")
        self.assertEqual(found, [(ORGANIZATION, "Acme Widgets Corp")])


class CommaInOrganizationNameTests(SimpleTestCase):
    def test_a_known_name_with_a_comma_is_matched_whole(self):
        found = actors("The Ministry of Trade, Industry and Energy said exports rose.")
        self.assertEqual(found, [(ORGANIZATION, "Ministry of Trade and Industry")])

    def test_a_country_catalogue_form_with_a_comma_is_still_not_matched(self):
        self.assertFalse(matchable("Korea, Republic of", COUNTRY))
        self.assertTrue(matchable("Ministry of Trade, Industry and Energy", ORGANIZATION))
