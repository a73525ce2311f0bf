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

    def test_a_navy_before_the_ship_it_owns_is_named(self):
        self.assertEqual(
            organizations("A Vietnamese navy ship docked in Manila."), {"Navy of Vietnam"}
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


class ArmedForcesNamedGenericallyTests(SimpleTestCase):
    """ "the U.S. military sent", "the Russian army and": a country's armed forces named by a
    lower-case role that a verb, a preposition or a conjunction follows."""

    def test_a_military_followed_by_an_irregular_past_verb_is_the_armed_forces(self):
        found = organizations("The U.S. military sent two bombers over the peninsula.")
        self.assertEqual(found, {"United States Armed Forces"})

    def test_a_navy_followed_by_a_preposition_is_the_countrys_navy(self):
        found = organizations("He was killed by the North Korean navy after refusing to answer.")
        self.assertEqual(found, {"Navy of North Korea"})

    def test_a_countrys_army_is_its_known_army(self):
        self.assertEqual(organizations("The U.S. army said it was ready."), {"United States Army"})

    def test_a_countrys_army_without_a_known_army_is_its_armed_forces(self):
        found = organizations("They support the Russian army and people.")
        self.assertEqual(found, {"Russian Armed Forces"})

    def test_an_army_as_a_modifier_names_no_organization(self):
        self.assertEqual(organizations("He wore a Russian army uniform."), set())


class EmbassyByRoleTests(SimpleTestCase):
    """ "the Chinese embassy in Pyongyang": a country's embassy, named with its seat."""

    def test_a_countrys_embassy_is_its_embassy_named_with_its_seat(self):
        actors = extract("", "The Chinese embassy in Pyongyang said.")
        embassy = next(a for a in actors if a.kind == ORGANIZATION)
        self.assertEqual(embassy.name, "Embassy of China")
        self.assertIn("Chinese embassy in Pyongyang", embassy.aliases)

    def test_the_seat_of_an_embassy_still_names_its_country(self):
        codes = {a.code for a in extract("", "The Chinese embassy in Pyongyang said.")}
        self.assertEqual(codes - {""}, {"CN", "KP"})

    def test_an_embassy_as_a_modifier_names_no_organization(self):
        self.assertEqual(organizations("A Chinese embassy official said."), set())


class MinistryByRoleAloneTests(SimpleTestCase):
    """A ministry named by its role alone ("the defence ministry said") is a ministry of the
    text's country: the one whose same role was named before, else the dateline's, else the
    country named most."""

    def test_a_role_alone_is_the_ministry_of_the_dateline_country(self):
        found = organizations("TOKYO (Reuters) - Prices rose, the finance ministry said.")
        self.assertEqual(found, {"Japanese Ministry of Finance"})

    def test_a_role_alone_is_the_ministry_named_with_its_country_before(self):
        found = organizations(
            "China said on Monday. Japan's defense ministry said it tracked the missile. "
            "Later the defense ministry said it had landed."
        )
        self.assertEqual(found, {"Japanese Ministry of Defense"})

    def test_a_topic_ministry_alone_is_a_ministry_of_the_country_named_most(self):
        found = organizations("Cases rose in Vietnam, the health ministry said. Vietnam and China.")
        self.assertEqual(found, {"Ministry of Health of Vietnam"})

    def test_a_capitalised_topic_ministry_alone_is_the_countrys_ministry(self):
        found = organizations("Cases rose in Vietnam, the Health Ministry said. Vietnam and China.")
        self.assertEqual(found, {"Ministry of Health of Vietnam"})

    def test_a_capitalised_role_after_an_indefinite_word_keeps_its_own_name(self):
        found = organizations("Prices rose in Vietnam, one Health Ministry official said.")
        self.assertEqual(found, {"Health Ministry"})

    def test_a_ministry_alone_in_a_text_without_a_country_is_not_named(self):
        self.assertEqual(organizations("Cases rose, the health ministry said."), set())

    def test_a_role_alone_that_modifies_a_title_names_no_ministry(self):
        self.assertEqual(organizations("In Vietnam the health ministry spokesman spoke."), set())

    def test_a_lower_case_role_before_officials_names_the_ministry_without_an_article(self):
        found = organizations("TOKYO (Reuters) - Rates will rise, finance ministry officials said.")
        self.assertEqual(found, {"Japanese Ministry of Finance"})

    def test_a_role_after_an_indefinite_article_names_no_ministry(self):
        self.assertEqual(
            organizations("TOKYO (Reuters) - Any country has a finance ministry."), set()
        )

    def test_a_coast_guard_named_by_role_alone_is_the_coast_guard_of_the_dateline_country(self):
        found = organizations("MANILA (Newswire) - A boat sank, the coast guard said.")
        self.assertEqual(found, {"Coast Guard of the Philippines"})

    def test_a_guard_that_is_no_coast_guard_names_no_body(self):
        found = organizations("MANILA (Newswire) - A boat sank, the night guard said.")
        self.assertEqual(found, set())

    def test_a_capitalised_coast_guard_is_an_organization_not_a_person(self):
        self.assertEqual(organizations("The Coast Guard said a boat sank."), {"Coast Guard"})

    def test_a_military_named_by_role_alone_is_not_this_rule(self):
        self.assertEqual(organizations("In Vietnam, the military said it was ready."), set())


class UnitedNationsMissionTests(SimpleTestCase):
    """A country's mission to the United Nations, however written, is that country's
    permanent mission; the United Nations is not named by it."""

    def test_a_countrys_mission_to_the_united_nations_is_its_permanent_mission(self):
        found = organizations("North Korea's mission to the United Nations said on Monday.")
        self.assertEqual(found, {"Permanent Mission of North Korea to the United Nations"})

    def test_a_countrys_un_mission_is_the_same_permanent_mission(self):
        found = organizations("A spokesman for North Korea's U.N. mission declined to comment.")
        self.assertEqual(found, {"Permanent Mission of North Korea to the United Nations"})

    def test_a_mission_of_no_country_is_not_this_rule(self):
        found = organizations("The peacekeeping mission to the United Nations zone ended.")
        self.assertNotIn("Permanent Mission of North Korea to the United Nations", found)


class CentralBankAndCourtRoleTests(SimpleTestCase):
    """A central bank, a supreme court, a senate or a parliament named by its role is that
    country's body, the gazetteer's when it knows it."""

    def test_a_central_bank_in_apposition_is_the_known_bank(self):
        found = organizations(
            "SEOUL (Reuters) - The Bank of Korea, the central bank, fixed the won."
        )
        self.assertEqual(found, {"Bank of Korea"})

    def test_a_countrys_central_bank_is_its_known_bank(self):
        self.assertEqual(
            organizations("Japan's central bank said rates would stay."), {"Bank of Japan"}
        )

    def test_the_supreme_court_is_the_dateline_countrys_court(self):
        found = organizations("SEOUL (Yonhap) -- The Supreme Court upheld the ruling.")
        self.assertEqual(found, {"Supreme Court of South Korea"})

    def test_a_parliament_without_an_article_is_not_named_by_role(self):
        self.assertEqual(
            organizations("SEOUL - The spy agency gave a briefing to parliament."), set()
        )

    def test_a_central_bank_governor_is_a_title_not_the_bank(self):
        self.assertEqual(organizations("Brazil's central bank governor said."), set())
