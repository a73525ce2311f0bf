"""Organizations recognised by their shape: a head word makes a capitalised phrase a body
("Korea Defense Study Forum", "U.S. Chamber of Commerce"); two names with the same head
joined by "and" are two bodies; a hyphenated descriptor before a name is not part of it; a
phrase that ends like an index, an event or a document is no body."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import ORGANIZATION


def organizations(text):
    return sorted(a.name for a in extract("", text) if a.kind == ORGANIZATION)


class HeadWordTests(SimpleTestCase):
    def test_a_forum_named_in_capitals_is_an_organization(self):
        found = organizations("Jung, head of the private Korea Defense Study Forum, said.")
        self.assertEqual(found, ["Korea Defense Study Forum"])

    def test_a_chamber_of_commerce_is_an_organization(self):
        self.assertEqual(
            organizations("He told the U.S. Chamber of Commerce on Monday."),
            ["U.S. Chamber of Commerce"],
        )

    def test_a_company_named_by_its_trade_is_an_organization(self):
        found = organizations("Hanjin Shipping filed for receivership; Hyundai Steel rose.")
        self.assertEqual(found, ["Hanjin Shipping", "Hyundai Steel"])

    def test_a_unit_and_a_guard_are_organizations(self):
        found = organizations("The Harbor Research Unit said. The Lakeside Guard said.")
        self.assertEqual(found, ["Harbor Research Unit", "Lakeside Guard"])

    def test_a_force_is_an_organization(self):
        found = organizations("The Harbor Recovery Task Force met on Monday.")
        self.assertEqual(found, ["Harbor Recovery Task Force"])

    def test_a_head_word_before_the_last_head_word_is_the_names_own_word(self):
        self.assertEqual(organizations("The Air Force said it would buy jets."), ["Air Force"])
        found = organizations("He joined the Securities Association on Monday.")
        self.assertEqual(found, ["Securities Association"])

    def test_a_lone_head_word_is_still_no_name(self):
        self.assertEqual(organizations("The Force said."), [])

    def test_a_lower_case_unit_names_no_body(self):
        self.assertEqual(organizations("A Harbor unit said."), [])

    def test_a_trade_word_in_a_title_leaves_the_person(self):
        self.assertEqual(organizations("Energy Secretary Ernest Moniz said."), [])

    def test_a_confederation_is_an_organization_not_a_speaker(self):
        self.assertEqual(
            organizations("The Asian Football Confederation said."),
            ["Asian Football Confederation"],
        )

    def test_an_advocacy_alliance_is_an_organization(self):
        found = organizations("The Citizens' Alliance for North Korean Human Rights said.")
        self.assertEqual(found, ["Citizens' Alliance for North Korean Human Rights"])

    def test_an_alliance_of_two_countries_is_no_organization(self):
        self.assertEqual(organizations("The South Korea-U.S. Alliance held."), [])

    def test_a_city_government_is_an_organization(self):
        self.assertEqual(
            organizations("The Seoul Metropolitan Government said."),
            ["Seoul Metropolitan Government"],
        )

    def test_a_national_government_named_by_its_adjective_is_a_reference(self):
        self.assertEqual(organizations("The Japanese Government said."), [])

    def test_a_lower_case_forum_is_no_organization(self):
        self.assertEqual(organizations("The forum in Seoul was quiet."), [])


class NamedAfterAPlaceTests(SimpleTestCase):
    def test_a_university_named_after_a_capital_is_an_organization(self):
        self.assertEqual(
            organizations("A study by Seoul National University found it."),
            ["Seoul National University"],
        )

    def test_a_party_named_only_by_a_country_adjective_is_a_reference(self):
        self.assertEqual(organizations("He greeted the Vietnamese Party."), [])


class CoordinatedNameTests(SimpleTestCase):
    def test_two_names_with_one_head_joined_by_and_are_two_organizations(self):
        found = organizations("He trained with the Republic of Korea Navy and United States Navy.")
        self.assertEqual(found, ["Republic of Korea Navy", "United States Navy"])

    def test_a_name_with_and_before_its_only_head_is_one_organization(self):
        found = organizations("Samsung Shipbuilding and Heavy Industries Co. Ltd said.")
        self.assertEqual(len(found), 1)


class ListOfNamesTests(SimpleTestCase):
    """A known organization named whole before "and" opens a list of names."""

    def test_a_known_company_and_another_name_are_two_organizations(self):
        found = organizations("SK Hynix and Hyundai Heavy Industries led the market higher.")
        self.assertEqual(found, ["Hyundai Heavy Industries", "SK Hynix"])

    def test_a_name_joined_to_a_known_one_by_and_is_not_a_longer_name(self):
        found = organizations("Shares of Uber and Alibaba rose.")
        self.assertNotIn("Uber and Alibaba", found)
        self.assertIn("Alibaba Group", found)

    def test_a_name_whose_first_part_is_unknown_stays_one_organization(self):
        found = organizations("Officials of the Korea Gas and Power Corporation met.")
        self.assertEqual(found, ["Korea Gas and Power Corporation"])


class AndInsideANameTests(SimpleTestCase):
    def test_and_inside_what_a_ministry_is_of_stays_in_the_name(self):
        found = organizations(
            "The Ministry of Natural Resources and Ecology, the Ministry of Transport met."
        )
        self.assertEqual(
            found, ["Ministry of Natural Resources and Ecology", "Ministry of Transport"]
        )

    def test_a_head_word_in_the_next_sentence_does_not_join_names(self):
        found = organizations(
            "He met the Workers' Party of Mexico and North Korea. The Youth League met."
        )
        self.assertNotIn("Workers' Party of Mexico and North Korea", found)


class SecondAndTests(SimpleTestCase):
    def test_a_second_and_after_a_name_with_one_lists_another_name(self):
        found = organizations(
            "Scientists at the Korea Institute of Science and Technology and Harvard University found."
        )
        self.assertEqual(found, ["Harvard University", "Korea Institute of Science and Technology"])

    def test_one_and_inside_a_name_stays(self):
        found = organizations("The Korea Institute of Science and Technology said.")
        self.assertEqual(found, ["Korea Institute of Science and Technology"])


class PluralPossessiveTests(SimpleTestCase):
    """ "Korea Shipowners' Association": a plural possessive inside a name before its head."""

    def test_a_plural_possessive_before_a_head_stays_in_the_name(self):
        found = organizations("The Korea Shipowners' Association said.")
        self.assertEqual(found, ["Korea Shipowners' Association"])

    def test_a_plural_possessive_without_a_head_names_nothing(self):
        self.assertEqual(organizations("The Koreans' Homes were full."), [])


class OverlappingKnownSpellingTests(SimpleTestCase):
    """A name made of two overlapping known forms of one body is that body, not a second."""

    def test_two_overlapping_known_forms_are_one_organization(self):
        found = organizations("The U.S. Treasury Department sanctioned the bank.")
        self.assertEqual(found, ["United States Department of the Treasury"])

    def test_a_known_form_inside_a_longer_unknown_name_leaves_the_longer_name(self):
        found = organizations("The U.S. Treasury Inspector General Office said.")
        self.assertNotEqual(found, ["United States Department of the Treasury"])


class NameBeforeOfTests(SimpleTestCase):
    """ "Yeung of the Industry Department": a name-like word before "of" and an organization
    after it are a person and where they work, not one organization."""

    def test_a_surname_before_of_the_organization_is_not_part_of_it(self):
        found = organizations("Yeung of the Industry Department said exports fell.")
        self.assertEqual(found, ["Industry Department"])

    def test_a_surname_before_of_a_known_organization_is_not_part_of_it(self):
        found = organizations("Lee of the Asan Institute said.")
        self.assertEqual(found, ["Asan Institute for Policy Studies"])

    def test_a_head_word_before_of_keeps_one_organization(self):
        found = organizations("The Presidium of the Korea Textile Association met.")
        self.assertIn("Presidium of the Korea Textile Association", found)

    def test_a_known_name_across_of_keeps_one_organization(self):
        found = organizations("The Republic of Korea Navy sailed.")
        self.assertEqual(found, ["Republic of Korea Navy"])


class TwoSpellingsTests(SimpleTestCase):
    """One organization in two spellings is one actor: British and American word forms,
    "&" for "and", "U.N." or "UN" for "United Nations", a known United Nations body with the
    organization's name before its own."""

    def test_a_british_spelling_of_a_known_name_is_that_organization(self):
        found = organizations("The World Health Organisation said.")
        self.assertEqual(found, ["World Health Organization"])

    def test_two_spellings_of_an_unknown_name_are_one_organization(self):
        found = organizations("The Kyiv Centre for Peace said. The Kyiv Center for Peace added.")
        self.assertEqual(len(found), 1)

    def test_un_for_united_nations_in_a_known_name_is_that_organization(self):
        found = organizations("The U.N. Children's Fund said aid was short.")
        self.assertEqual(found, ["United Nations Children's Fund"])

    def test_two_abbreviations_of_united_nations_in_an_unknown_name_are_one(self):
        found = organizations(
            "The UN Harbor Relief Office said. The U.N. Harbor Relief Office added."
        )
        self.assertEqual(len(found), 1)

    def test_a_known_un_body_named_after_the_united_nations_is_that_body(self):
        found = organizations("The United Nations World Food Program cut rations.")
        self.assertIn("World Food Programme", found)
        self.assertNotIn("United Nations World Food Program", found)

    def test_the_united_nations_before_an_unknown_name_keeps_the_whole_name(self):
        found = organizations("The United Nations Harbor Relief Office said aid was short.")
        self.assertIn("United Nations Harbor Relief Office", found)

    def test_an_ampersand_for_and_in_a_known_name_is_that_organization(self):
        found = organizations("The Ministry of Trade, Industry & Energy said exports fell.")
        self.assertEqual(found, ["Ministry of Trade and Industry"])

    def test_different_names_that_share_words_stay_apart(self):
        found = organizations("The Kyiv Centre for Peace met the Kyiv Center for Trade.")
        self.assertEqual(len(found), 2)


class PurposeComplementTests(SimpleTestCase):
    """ "Society for the Study of the Juche Idea", "Party for Peace and Unity of Russia": a
    name goes on over "for the" after its head, and over "and" inside what it is for."""

    def test_a_name_goes_on_over_for_the_after_its_head(self):
        found = organizations(
            "Hayashi of the Shizuoka Society for the Study of the Juche Idea left."
        )
        self.assertEqual(found, ["Shizuoka Society for the Study of the Juche Idea"])

    def test_a_name_goes_on_over_and_inside_its_purpose(self):
        found = organizations("The chairwoman of the Party for Peace and Unity of Russia spoke.")
        self.assertEqual(found, ["Party for Peace and Unity of Russia"])

    def test_a_person_after_and_is_not_part_of_the_purpose(self):
        found = organizations("Funds went to the Institute for Peace and Victor Cha.")
        self.assertEqual(found, ["Institute for Peace"])

    def test_for_the_after_a_lower_case_verb_joins_nothing(self):
        found = organizations("The Council voted for the Workers' Party of Korea.")
        self.assertNotIn("Council voted for the Workers' Party of Korea", found)


class CauseInACountryTests(SimpleTestCase):
    def test_a_cause_in_a_country_is_part_of_the_name(self):
        found = organizations("Scarlatoiu of the Committee for Human Rights in North Korea said.")
        self.assertEqual(found, ["Committee for Human Rights in North Korea"])

    def test_a_city_where_the_body_sits_is_not_part_of_the_name(self):
        found = organizations("Analysts at the Center for Strategic Studies in Washington said.")
        self.assertEqual(found, ["Center for Strategic Studies"])


class EventTailTests(SimpleTestCase):
    def test_a_name_ending_in_day_is_a_day_not_a_body(self):
        self.assertEqual(organizations("They marked Korean Teachers' Union Day."), [])

    def test_a_name_ending_in_a_head_is_a_body(self):
        self.assertEqual(
            organizations("The Korean Teachers' Union said."), ["Korean Teachers' Union"]
        )


class MeetingsAndTermsTests(SimpleTestCase):
    """A meeting of a body is an event, not an organization; the ordinal of a body's term is
    no part of its name."""

    def test_a_numbered_congress_of_a_party_is_an_event_and_the_party_counts(self):
        found = organizations("They studied the 20th Congress of the CPC.")
        self.assertEqual(found, ["Communist Party of China"])

    def test_a_plenary_meeting_of_a_body_is_an_event_and_the_body_counts(self):
        found = organizations(
            "The Plenary Meeting of the Central Committee of the Lao Youth Union."
        )
        self.assertEqual(found, ["Central Committee of the Lao Youth Union", "Lao Youth Union"])

    def test_a_congress_without_an_ordinal_is_a_body(self):
        found = organizations("Members of the Congress of Mexico attended.")
        self.assertEqual(found, ["Congress of Mexico"])

    def test_the_ordinal_of_a_term_is_dropped_from_the_name(self):
        found = organizations("The Eighth Central Committee of the Lao Youth Union met.")
        self.assertIn("Central Committee of the Lao Youth Union", found)
        self.assertNotIn("Eighth Central Committee of the Lao Youth Union", found)


class ExerciseNameTests(SimpleTestCase):
    def test_an_unknown_name_before_exercise_is_an_exercise_not_a_body(self):
        found = organizations("Allied forces began the annual Ulchi Freedom Guardian exercise.")
        self.assertEqual(found, [])

    def test_a_known_body_before_drills_stays_named(self):
        found = organizations("The Korean People's Army drills worried Seoul.")
        self.assertEqual(found, ["Korean People's Army"])


class HeadWordShortFormTests(SimpleTestCase):
    """A name up to its head word, after the full name with "for"/"of" in the same text, is
    the same organization."""

    def test_a_name_up_to_its_head_is_the_longer_organization(self):
        found = organizations(
            "The Hanbit Institute for Peace Studies released a poll. The Hanbit Institute said."
        )
        self.assertEqual(found, ["Hanbit Institute for Peace Studies"])

    def test_a_known_short_name_is_the_longer_party_of_the_same_text(self):
        found = organizations("The Democratic Party of Korea said. The Democratic Party said.")
        self.assertEqual(found, ["Democratic Party of Korea"])

    def test_the_short_form_is_not_kept_as_an_alias(self):
        actors = extract(
            "", "The Hanbit Institute for Peace Studies said. The Hanbit Institute said."
        )
        self.assertEqual([a.aliases for a in actors], [[]])

    def test_a_name_that_is_not_a_prefix_stays_apart(self):
        found = organizations("The Hanbit Institute for Peace Studies met the Hanbit Foundation.")
        self.assertEqual(found, ["Hanbit Foundation", "Hanbit Institute for Peace Studies"])


class ShoutedWordTests(SimpleTestCase):
    def test_an_abbreviation_spelling_a_word_in_a_line_of_capitals_is_the_word(self):
        found = organizations("TRUMP'S FINAL WORDS TO WOODWARD - WHO HE'S NOW BLASTING")
        self.assertEqual(found, [])

    def test_the_abbreviation_in_a_sentence_is_the_organization(self):
        self.assertEqual(organizations("WHO officials said."), ["World Health Organization"])


class FacilityAsPlaceTests(SimpleTestCase):
    """A facility named after "at the"/"of the" says where something happens."""

    def test_a_club_after_at_the_is_a_place(self):
        found = organizations("The embassy hosted a reception at the Taedonggang Diplomatic Club.")
        self.assertEqual(found, [])

    def test_a_shipyard_that_acts_is_an_organization(self):
        self.assertEqual(
            organizations("Sinpo South Shipyard said it launched a boat."), ["Sinpo South Shipyard"]
        )


class OrganizationInAFacilityNameTests(SimpleTestCase):
    def test_a_known_company_starting_a_tower_name_is_not_named(self):
        self.assertEqual(organizations("A fire broke out at Samsung Harbor Tower."), [])

    def test_the_company_itself_is_still_named(self):
        found = organizations("Samsung said its Harbor Tower was safe.")
        self.assertEqual(found, ["Samsung Electronics"])


class OrganizationInAShipNameTests(SimpleTestCase):
    def test_a_known_company_starting_a_ships_name_is_not_named(self):
        self.assertEqual(organizations("The bulk carrier Samsung Harbor Star ran aground."), [])

    def test_a_known_company_after_carrier_alone_is_named(self):
        found = organizations("Mobile carrier SK Telecom said prices rose.")
        self.assertEqual(found, ["SK Telecom"])


class KnownNameOfAPlaceTests(SimpleTestCase):
    def test_a_known_party_name_of_another_country_is_another_party(self):
        self.assertEqual(
            organizations("The Democratic Party of Japan won."), ["Democratic Party of Japan"]
        )

    def test_the_known_party_alone_is_the_known_party(self):
        self.assertEqual(organizations("The Democratic Party won."), ["Democratic Party"])


class NewspaperNotIndexTests(SimpleTestCase):
    def test_a_newspaper_named_like_an_index_before_newspaper_is_the_newspaper(self):
        self.assertEqual(organizations("Japan's Nikkei newspaper reported."), ["Nikkei"])

    def test_the_index_before_share_average_is_no_organization(self):
        self.assertEqual(organizations("Japan's Nikkei share average fell."), [])


class DescriptorTests(SimpleTestCase):
    def test_a_place_based_descriptor_is_not_part_of_the_name(self):
        found = organizations("The Seoul-based Asan Institute for Policy Studies said.")
        self.assertEqual(found, ["Asan Institute for Policy Studies"])

    def test_a_market_or_listing_descriptor_is_not_part_of_the_name(self):
        self.assertEqual(
            organizations("Top-cap Harbor Electronics Co fell 2 percent."),
            ["Harbor Electronics Co"],
        )
        self.assertEqual(
            organizations("Kosdaq-listed Harbor Biotech Co rose."), ["Harbor Biotech Co"]
        )

    def test_a_hyphenated_word_inside_a_name_stays(self):
        found = organizations("The Korea Trade-Investment Promotion Agency said.")
        self.assertEqual(found, ["Korea Trade-Investment Promotion Agency"])


class NonOrganizationTailTests(SimpleTestCase):
    def test_a_phrase_ending_in_index_is_a_stock_index_not_a_body(self):
        self.assertEqual(organizations("The Straits Times Industrial Index rose."), [])

    def test_a_phrase_ending_in_a_head_word_is_still_a_body(self):
        self.assertEqual(
            organizations("The Straits Times Press Association said."),
            ["Straits Times Press Association"],
        )


class AppositiveBodyTests(SimpleTestCase):
    """ "X, a Washington-based advocacy group": an appositive whose head noun is an
    organization noun makes the name before the comma an organization."""

    def test_a_name_described_as_an_advocacy_group_is_an_organization(self):
        found = organizations("Harbor Watch, a Boston-based advocacy group, said on Monday.")
        self.assertEqual(found, ["Harbor Watch"])

    def test_a_one_word_name_described_as_a_startup_is_an_organization(self):
        self.assertEqual(organizations("Brightloom, a startup, raised $5 million."), ["Brightloom"])

    def test_a_hyphenated_organization_noun_is_the_head(self):
        self.assertEqual(organizations("Lakeside Aid, a non-profit, said."), ["Lakeside Aid"])
        found = organizations("Meridian Pulse, a state-funded think-tank, said.")
        self.assertEqual(found, ["Meridian Pulse"])

    def test_a_places_possessive_may_open_the_appositive(self):
        found = organizations("Harbor Petro, Norland's state-owned refiner, cut output.")
        self.assertEqual(found, ["Harbor Petro"])
        self.assertEqual(organizations("Dana Ruiz, Norland's chief negotiator, said."), [])

    def test_two_nouns_joined_by_and_before_the_head_are_one_phrase(self):
        found = organizations("Harbor Petro, a state-owned oil and gas company, cut output.")
        self.assertEqual(found, ["Harbor Petro"])
        self.assertEqual(organizations("Dana Ruiz, a teacher and union member, said."), [])

    def test_a_country_opening_a_longer_described_name_is_part_of_it(self):
        found = organizations("They signed with Qatar Harbor, a shipping company, in 2020.")
        self.assertEqual(found, ["Qatar Harbor"])
        self.assertEqual(organizations("Japan, a party to the treaty, objected."), [])

    def test_a_data_provider_is_an_organization_noun(self):
        found = organizations("Lakeside Analytics, a data provider, said demand rose.")
        self.assertEqual(found, ["Lakeside Analytics"])

    def test_a_hyphenated_modifier_before_a_persons_role_is_no_head(self):
        self.assertEqual(organizations("Dana Ruiz, a Boston-based engineer, said."), [])

    def test_a_think_tank_needs_think_and_a_battle_tank_is_no_body(self):
        self.assertEqual(organizations("Ironclad, a main battle tank, was shown."), [])
        found = organizations("Meridian Forum, a think tank in Ohio, said so.")
        self.assertEqual(found, ["Meridian Forum"])

    def test_a_person_described_by_a_role_at_a_firm_is_no_organization(self):
        self.assertEqual(organizations("Dana Ruiz, a former executive at the firm, said."), [])

    def test_a_group_of_things_is_no_body(self):
        self.assertEqual(organizations("The Kellan Isles, a group of islands, lie east."), [])


class CitedOutletTests(SimpleTestCase):
    """ "told X", "according to X", "reported by X", "X reported": a name cited as a source
    that no other rule reads is a news outlet."""

    def test_a_name_after_told_is_an_outlet(self):
        found = organizations("The minister told Harbor Weekly in an interview that talks ended.")
        self.assertEqual(found, ["Harbor Weekly"])

    def test_a_name_after_according_to_or_before_reported_is_an_outlet(self):
        self.assertEqual(
            organizations("According to Lakeside Pulse, sales fell."), ["Lakeside Pulse"]
        )
        self.assertEqual(organizations("Lakeside Pulse reported the sale."), ["Lakeside Pulse"])

    def test_a_body_named_by_its_role_after_a_citing_phrase_is_the_countrys_body(self):
        found = organizations(
            "Norway's Foreign Ministry held talks. Oil was sold, according to the Foreign Ministry."
        )
        self.assertEqual(found, ["Ministry of Foreign Affairs of Norway"])

    def test_a_name_modifying_a_source_noun_is_no_outlet(self):
        self.assertEqual(organizations("According to Norlandic news reports, prices fell."), [])
        self.assertEqual(organizations("The plan was confirmed, citing Harbor officials."), [])

    def test_a_widely_known_outlet_with_a_country_in_its_name_is_the_outlet(self):
        found = extract("", "The ship carried coal, USA Today reports.")
        self.assertEqual([(a.kind, a.name) for a in found], [(ORGANIZATION, "USA Today")])

    def test_a_name_after_citing_or_quoted_by_is_an_outlet(self):
        self.assertEqual(organizations("Prices rose, citing Lakeside Pulse."), ["Lakeside Pulse"])
        found = organizations("The remarks were quoted by Harbor Weekly on Monday.")
        self.assertEqual(found, ["Harbor Weekly"])

    def test_a_surname_of_a_person_named_in_full_is_no_outlet(self):
        text = "Dana Ruiz, an engineer, spoke. The device failed, according to Ruiz."
        self.assertEqual(organizations(text), [])

    def test_a_name_before_a_role_or_after_a_possessive_is_no_outlet(self):
        self.assertEqual(organizations("She told the Lakeside reporter the truth."), [])
        self.assertEqual(organizations("Harbor Weekly's Dana Ruizo reports the sale."), [])

    def test_one_word_before_reported_is_no_outlet(self):
        self.assertEqual(organizations("Others reported delays."), [])


class NounAbbreviationTests(SimpleTestCase):
    """ "signed an MOU": a common noun's abbreviation that an organization also goes by names
    that organization only when the text names it otherwise as well."""

    def test_a_common_nouns_abbreviation_alone_names_no_organization(self):
        self.assertEqual(organizations("The two firms signed an MOU on Tuesday."), [])

    def test_the_abbreviation_names_the_organization_the_text_names_in_full(self):
        found = organizations("The Unification Ministry said talks resumed. The MOU added more.")
        self.assertEqual(found, ["Ministry of Unification"])


class KnownBodiesByClassTests(SimpleTestCase):
    """Unions, associations, advocacy groups and public agencies often cited in this news are
    known with their acronyms, which stand alone later; an acronym that is also a title or a
    common word is not listed."""

    def test_a_known_unions_acronym_alone_is_the_union(self):
        found = organizations("Dock workers joined the strike. The KCTU said it would go on.")
        self.assertEqual(found, ["Korean Confederation of Trade Unions"])

    def test_an_agency_named_after_its_country_is_an_organization(self):
        self.assertEqual(organizations("Statistics Korea said prices rose."), ["Statistics Korea"])

    def test_a_title_acronym_is_no_organization(self):
        self.assertEqual(organizations("The company's CIO said systems were safe."), [])


class DubbedNameTests(SimpleTestCase):
    """ "an exercise dubbed X", "a drill code-named X": a name given to a thing names an
    operation, a weapon or a product, not an organization."""

    def test_a_dubbed_name_is_no_organization(self):
        found = organizations("The drill, dubbed Harbor Shield Command, began on Monday.")
        self.assertEqual(found, [])
        found = organizations("The drill, code-named Harbor Shield Command, began.")
        self.assertEqual(found, [])

    def test_a_name_after_the_same_words_without_dubbing_is_an_organization(self):
        found = organizations("The drill was led by Harbor Shield Command on Monday.")
        self.assertEqual(found, ["Harbor Shield Command"])


class KnownAgenciesTests(SimpleTestCase):
    """Widely known agencies of a government are known with their acronyms, so a cited one
    is found whole ("according to Immigration and Customs Enforcement") and its acronym
    alone later is the same agency."""

    def test_a_cited_agency_and_its_acronym_are_one_organization(self):
        found = organizations(
            "Few were deported, according to Immigration and Customs Enforcement. ICE said so."
        )
        self.assertEqual(found, ["U.S. Immigration and Customs Enforcement"])

    def test_an_agency_with_commas_in_its_name_is_found_whole(self):
        found = organizations("The Bureau of Alcohol, Tobacco, Firearms and Explosives joined.")
        self.assertEqual(found, ["Bureau of Alcohol, Tobacco, Firearms and Explosives"])


class ListedBeforeTitledOrganizationTests(SimpleTestCase):
    """ "MP Jane Roe and Harbor Foods CEO John Doe": an organization inside a person's title
    is not annotated, and the name listed before it with "and" is still found."""

    def test_a_name_listed_before_an_organization_inside_a_title_is_found(self):
        found = extract("", "MP Dana Ruiz and Harbor Foods CEO Sam Poe spoke on Monday.")
        self.assertEqual(
            sorted(a.name for a in found if a.kind == "person"), ["Dana Ruiz", "Sam Poe"]
        )
        self.assertEqual([a for a in found if a.kind == ORGANIZATION], [])
