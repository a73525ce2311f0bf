"""One company in two spellings is one organization: company-form suffixes (Co., Ltd,
Inc., Corp.) do not make another name."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.resolve import company_stem
from archive.entities.types import ORGANIZATION, PERSON


def organizations(text):
    return [a.name for a in extract("", text) if a.kind == ORGANIZATION]


class CompanySuffixTests(SimpleTestCase):
    def test_two_suffixes_of_one_company_are_one_organization(self):
        self.assertEqual(
            len(organizations("Acme Widgets Inc. said. Acme Widgets Corp. denied.")), 1
        )

    def test_a_suffixed_name_joins_the_gazetteers_company(self):
        found = organizations("Apple Inc. and Samsung Electronics Co. Ltd. sued.")
        self.assertEqual(sorted(found), ["Apple", "Samsung Electronics"])

    def test_two_companies_with_different_stems_stay_two(self):
        found = organizations("Acme Widgets Inc. sued Apex Widgets Inc. on Monday.")
        self.assertEqual(len(found), 2)

    def test_a_persons_name_is_never_stemmed(self):
        self.assertEqual(company_stem("Jane Co", PERSON), "Jane Co")


class SectorWordTests(SimpleTestCase):
    """A sector word ending a capitalised name ("Capital", "Asset Management", "Foods",
    "Software") makes it a firm, not a person; an area named with one is no firm."""

    def test_a_name_ending_in_a_sector_word_is_a_firm(self):
        for name in ("Greenfield Capital", "Greenfield Asset Management", "Lakeside Foods"):
            with self.subTest(name=name):
                self.assertEqual(organizations(f"{name} said profits rose."), [name])

    def test_an_area_named_with_a_sector_word_is_no_firm(self):
        self.assertEqual(organizations("The Norland Capital Area grew."), [])

    def test_an_event_named_with_games_is_no_firm(self):
        self.assertEqual(organizations("The Norland Games opened on Monday."), [])


class KnownCompanyTests(SimpleTestCase):
    """Companies named by a one-word brand with no company form ("Qualcomm said") are
    found from the list of large companies; a word that is only common never is."""

    def test_a_listed_technology_company_named_alone_is_an_organization(self):
        self.assertEqual(organizations("Qualcomm said chip sales rose."), ["Qualcomm"])

    def test_a_listed_company_alias_joins_its_canonical_name(self):
        self.assertEqual(
            organizations("TSMC and Nvidia said."),
            ["Taiwan Semiconductor Manufacturing Co", "Nvidia"],
        )

    def test_a_common_word_brand_in_lower_case_is_no_company(self):
        self.assertEqual(organizations("She bought an apple and a shell."), [])


class CompanyShortFormTests(SimpleTestCase):
    """A later short form of a company named in full ("Hon Pai said") is that company, not
    a person; a person's name that a foundation bears stays a person."""

    def test_the_leading_words_of_a_company_named_before_are_the_company(self):
        found = extract(
            "", "Hon Pai Precision Industries Co. makes phones. Hon Pai said sales rose."
        )
        self.assertEqual(
            [(a.kind, a.name) for a in found], [(ORGANIZATION, "Hon Pai Precision Industries Co")]
        )

    def test_a_name_starting_with_a_given_name_stays_a_person(self):
        found = extract("", "The Jane Smith Foundation gave money. Jane Smith said it would.")
        self.assertIn((PERSON, "Jane Smith"), [(a.kind, a.name) for a in found])


class IntroducedCompanyTests(SimpleTestCase):
    """A capitalised name right after a company noun ("chipmaker Rebellions", "research
    firm Zeta Analytics") is a company, not a person; a person's name or a title after the
    noun is not."""

    def test_a_name_after_chipmaker_is_a_company(self):
        found = extract("", "South Korean chipmaker Rebellions said it raised funds.")
        self.assertIn((ORGANIZATION, "Rebellions"), [(a.kind, a.name) for a in found])

    def test_a_name_after_a_capitalised_company_noun_opening_a_sentence_is_a_company(self):
        self.assertEqual(organizations("Chipmaker Zeta Semi said sales rose."), ["Zeta Semi"])

    def test_a_name_after_label_or_agency_is_a_company(self):
        self.assertEqual(organizations("The singer left her label ZETA last year."), ["ZETA"])
        found = organizations("He sued his agency Lakeside Entertainment in 2019.")
        self.assertEqual(found, ["Lakeside Entertainment"])

    def test_a_name_after_a_body_noun_and_called_is_an_organization(self):
        self.assertEqual(organizations("A group called Harbor Watch said."), ["Harbor Watch"])
        self.assertEqual(organizations("A startup named Brightloom raised funds."), ["Brightloom"])

    def test_a_name_after_a_person_noun_and_called_is_no_organization(self):
        self.assertEqual(organizations("A man named Dana Ruiz said."), [])

    def test_a_persons_name_after_agency_is_no_company(self):
        self.assertEqual(organizations("The agency Kim founded grew."), [])

    def test_the_company_noun_is_not_part_of_a_known_name(self):
        self.assertEqual(organizations("Chipmaker SK Hynix rose."), ["SK Hynix"])

    def test_a_given_name_after_the_noun_is_a_person(self):
        found = extract("", "The maker Jane Doe said it was sold out.")
        self.assertEqual([(a.kind, a.name) for a in found], [(PERSON, "Jane Doe")])

    def test_a_name_after_a_market_tracker_or_data_provider_is_a_company(self):
        self.assertEqual(organizations("Market tracker Lakeside Data said."), ["Lakeside Data"])
        self.assertEqual(organizations("Data provider Harbor Metrics said."), ["Harbor Metrics"])

    def test_a_name_after_a_lower_case_tracker_that_is_a_device_is_no_company(self):
        found = extract("", "The fitness tracker Jane Doe wore broke.")
        self.assertEqual(organizations("The fitness tracker Jane Doe wore broke."), [])
        self.assertIn((PERSON, "Jane Doe"), [(a.kind, a.name) for a in found])

    def test_a_name_after_group_union_or_party_is_an_organization(self):
        self.assertEqual(
            organizations("Civic group Harbor Solidarity protested."), ["Harbor Solidarity"]
        )
        self.assertEqual(organizations("Labor union Harbor Workers struck."), ["Harbor Workers"])

    def test_a_family_name_after_the_noun_is_a_persons(self):
        self.assertEqual(organizations("The group Kim founded grew."), [])

    def test_a_capitalised_head_word_opening_a_name_is_part_of_it(self):
        found = organizations("Party for Peace and Unity of Harbor said.")
        self.assertEqual(found, ["Party for Peace and Unity of Harbor"])

    def test_a_lawmaker_is_no_company_noun(self):
        found = extract("", "Lawmaker Ha Tae-keung said.")
        self.assertEqual([(a.kind, a.name) for a in found], [(PERSON, "Ha Tae-keung")])


class DescribedOutletTests(SimpleTestCase):
    """ "Vogue magazine", "the Hankyoreh newspaper": a name before an outlet noun is an outlet."""

    def test_a_name_before_magazine_is_an_organization(self):
        found = {
            a.name for a in extract("", "She worked at Vogue magazine.") if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Vogue"})

    def test_a_country_adjective_before_newspaper_is_no_outlet(self):
        found = [a for a in extract("", "The Chinese newspaper said.") if a.kind == ORGANIZATION]
        self.assertEqual(found, [])

    def test_an_outlet_noun_before_a_name_introduces_the_name_not_the_word_before(self):
        found = {
            a.name
            for a in extract("", "Regional broadcaster Harbor TV said.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Harbor TV"})


class IntroducedOutletTests(SimpleTestCase):
    """ "the journal Nature", "think tank Chatham House": an outlet or think-tank noun
    introduces an organization's name."""

    def test_a_name_after_journal_is_an_organization(self):
        found = {
            a.name
            for a in extract("", "It appeared in the journal Nature.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Nature"})

    def test_a_name_after_think_tank_is_an_organization(self):
        found = {
            a.name
            for a in extract("", "The think tank Chatham House said.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Chatham House"})

    def test_a_person_after_a_journal_noun_with_a_title_is_not_an_organization(self):
        found = [
            a for a in extract("", "The journal Editor Jane Doe said.") if a.kind == ORGANIZATION
        ]
        self.assertEqual(found, [])


class AmpersandNameTests(SimpleTestCase):
    """ "Johnson & Johnson", "Procter & Gamble Co": capitals joined by "&" name a firm."""

    def organizations(self, text):
        return {a.name for a in extract("", text) if a.kind == ORGANIZATION}

    def test_capitals_joined_by_an_ampersand_are_one_firm(self):
        self.assertEqual(
            self.organizations("Johnson & Johnson shares rose."), {"Johnson & Johnson"}
        )

    def test_an_ampersand_name_keeps_its_company_form(self):
        self.assertEqual(
            self.organizations("Shares of Procter & Gamble Co rose."), {"Procter & Gamble Co"}
        )

    def test_a_lone_glued_ampersand_word_is_no_firm(self):
        self.assertEqual(self.organizations("Q&A with the minister. M&A deals rose."), set())

    def test_known_names_joined_by_an_ampersand_stay_apart(self):
        found = self.organizations("Samsung & LG rose.")
        self.assertEqual(found, {"Samsung Electronics", "LG Electronics"})


class StockCodeTests(SimpleTestCase):
    """ "Hanmi Pharmaceutical (128940.KS)": a name followed by its stock code is a company."""

    def organizations(self, text):
        return {a.name for a in extract("", text) if a.kind == ORGANIZATION}

    def test_a_name_before_a_reuters_instrument_code_is_a_company(self):
        found = self.organizations("Shares of Hanmi Pharmaceutical (128940.KS) fell.")
        self.assertEqual(found, {"Hanmi Pharmaceutical"})

    def test_a_name_before_an_angle_bracket_ticker_is_a_company(self):
        found = self.organizations("A unit of Reebok International <RBK> said.")
        self.assertEqual(found, {"Reebok International"})

    def test_a_name_before_an_abbreviation_in_brackets_is_not_made_a_company(self):
        found = self.organizations("Greg Scarlatoiu (GS) said.")
        self.assertEqual(found, set())


class CompanyFormSpellingTests(SimpleTestCase):
    def test_a_company_form_written_short_is_the_known_company_written_out(self):
        found = {
            a.name
            for a in extract("", "Munhwa Broadcasting Corp reported.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"MBC"})

    def test_a_known_acronym_in_brackets_says_which_known_body_the_name_is(self):
        found = {
            a.name
            for a in extract("", "Munhwa Broadcasting Corp (MBC) reported. MBC added.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"MBC"})

    def test_a_company_form_after_a_known_one_word_company_is_that_company(self):
        found = organizations("Parent company Coupang Corporation said. Coupang added.")
        self.assertEqual(found, ["Coupang"])

    def test_a_holding_company_named_without_its_group_word_is_the_known_one(self):
        found = organizations("Woori Financial shares fell 2 percent on Monday.")
        self.assertEqual(found, ["Woori Financial Group"])

    def test_an_unknown_name_without_a_group_word_stays_its_own(self):
        found = organizations("Harbor Financial shares fell 2 percent on Monday.")
        self.assertEqual(found, ["Harbor Financial"])

    def test_a_company_form_after_a_groups_word_is_no_affiliate_known_by_it(self):
        self.assertEqual(organizations("Hyundai Co said sales rose."), ["Hyundai Co"])

    def test_a_renamed_company_and_its_former_name_are_one(self):
        found = organizations("Hyundai Merchant Marine, now HMM, said. HMM added ships.")
        self.assertEqual(found, ["HMM"])

    def test_an_unknown_company_keeps_its_own_name(self):
        found = {
            a.name
            for a in extract("", "Hanbit Broadcasting Corp reported.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Hanbit Broadcasting Corp"})


class NewsAgencyNounTests(SimpleTestCase):
    def test_a_name_before_news_agency_is_an_outlet(self):
        found = {
            a.name for a in extract("", "Russia's RIA news agency said.") if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"RIA"})

    def test_a_country_before_news_agency_is_no_outlet(self):
        found = [a for a in extract("", "A Chinese news agency said.") if a.kind == ORGANIZATION]
        self.assertEqual(found, [])


class SpokenForTests(SimpleTestCase):
    """ "a spokeswoman for Rebellions": a one-word name a spokesperson speaks for is a body."""

    def organizations(self, text):
        return {a.name for a in extract("", text) if a.kind == ORGANIZATION}

    def test_a_name_a_spokeswoman_speaks_for_is_an_organization(self):
        self.assertEqual(
            self.organizations("A spokeswoman for Rebellions declined to comment."), {"Rebellions"}
        )

    def test_a_known_persons_surname_a_spokesman_speaks_for_is_no_organization(self):
        self.assertEqual(self.organizations("A spokesman for Clinton said."), set())


class PollsterTests(SimpleTestCase):
    def test_a_name_before_poll_is_a_pollster(self):
        found = {
            a.name
            for a in extract("", "A Gallup Korea poll showed support fell.")
            if a.kind == ORGANIZATION
        }
        self.assertEqual(found, {"Gallup Korea"})

    def test_a_country_before_survey_is_no_pollster(self):
        found = [a for a in extract("", "A Japanese survey showed.") if a.kind == ORGANIZATION]
        self.assertEqual(found, [])


class KnownCompaniesByClassTests(SimpleTestCase):
    """Consumer, retail, game and shipping companies most cited in business news are known,
    so a one-word name or a name after a group's word is that company, not the group's
    flagship ("Hyundai Glovis" is no Hyundai Motor)."""

    def test_a_company_after_a_groups_word_is_its_own_company(self):
        self.assertEqual(organizations("Hyundai Glovis shares rose 3 percent."), ["Hyundai Glovis"])

    def test_a_one_word_company_is_known(self):
        self.assertEqual(organizations("Krafton said its new game sold well."), ["Krafton"])

    def test_a_glued_ampersand_company_is_known(self):
        self.assertEqual(organizations("KT&G said cigarette sales rose."), ["KT&G"])
