"""Credits name no actor: each class of credit line is excluded wherever it stands in the
body, and the same words used as content are kept."""

from django.test import SimpleTestCase

from archive.entities.credit_words import CREDIT_ROLES
from archive.entities.credits import credit_ranges
from archive.entities.pipeline import extract
from archive.entities.types import COUNTRY, ORGANIZATION, PERSON
from archive.ingest.lines import is_credit_line


def credits(text):
    return [text[a:b] for a, b in credit_ranges(text)]


def persons(text):
    return {a.name for a in extract("", text) if a.kind == PERSON}


def organizations(text):
    return {a.name for a in extract("", text) if a.kind == ORGANIZATION}


def countries(text):
    return {a.code for a in extract("", text) if a.kind == COUNTRY}


class ContributorSentenceTests(SimpleTestCase):
    def test_a_contributor_sentence_in_the_middle_of_the_body_names_no_person(self):
        text = (
            "Moon Jae-in met envoys on Monday.\n"
            "Jane Doe in Tokyo and John Roe in Washington, D.C. contributed reporting.\n"
            "Moon Jae-in left on Tuesday."
        )
        self.assertEqual(persons(text), {"Moon Jae-in"})

    def test_a_sentence_about_someone_who_contributed_money_is_kept(self):
        text = "Jane Doe contributed $5,000 to the campaign, Moon Jae-in said."
        self.assertEqual(credits(text), [])
        self.assertIn("Jane Doe", persons(text))


class ThanksSentenceTests(SimpleTestCase):
    def test_thanks_for_contributing_to_the_report_names_no_person(self):
        text = "Prices rose.\nThanks to Jane Roe for contributing to this report.\nMore text."
        self.assertEqual(persons(text), set())

    def test_thanks_for_her_reporting_names_no_person(self):
        text = "Prices rose. With thanks to Jane Roe in Tokyo for her reporting."
        self.assertEqual(persons(text), set())

    def test_thanks_to_a_person_for_something_else_is_kept(self):
        text = "Thanks to Jane Roe for her courage, the crew survived, John Roe said."
        self.assertEqual(credits(text), [])
        self.assertIn("Jane Roe", persons(text))


class WorkCreditLineTests(SimpleTestCase):
    def test_a_line_crediting_names_for_translation_or_graphics_names_no_person(self):
        text = "Prices rose.\nTranslated by Jane Roe\nGraphics by John Roe and Mary Poe\nMore text."
        self.assertEqual(persons(text), set())

    def test_a_sentence_about_research_by_a_person_is_content(self):
        text = "Research by Jane Roe found the risk was low, John Roe said."
        self.assertEqual(credits(text), [])
        self.assertIn("Jane Roe", persons(text))

    def test_a_closing_line_of_names_that_contributed_names_no_person(self):
        self.assertEqual(persons("Prices rose.\nJane Roe and John Roe contributed."), set())

    def test_names_that_contributed_something_named_are_content(self):
        text = "Jane Roe and John Roe contributed funds to the campaign, Mary Poe said."
        self.assertEqual(credits(text), [])


class SignatureTests(SimpleTestCase):
    def test_a_name_and_an_email_address_on_one_line_are_a_credit(self):
        text = "Workers struck in Busan.\nCho Min-ji cho.minji@example.com"
        self.assertEqual(credits(text), ["Cho Min-ji cho.minji@example.com"])
        self.assertEqual(persons(text), set())

    def test_a_name_line_above_an_email_line_is_a_credit(self):
        text = "Workers struck in Busan.\n\nCho Min-ji\n[cho.minji@example.com]"
        self.assertEqual(persons(text), set())

    def test_by_a_name_and_an_email_address_inside_a_line_are_a_credit(self):
        text = "Merger seen by October. June 4, 2024. by Cho Min-ji cmj@example.com.\nTalks go on."
        self.assertEqual(persons(text), set())

    def test_a_sentence_giving_an_email_address_is_no_signature(self):
        text = "Cho Min-ji said residents may write to help@example.com for aid."
        self.assertEqual(credits(text), [])

    def test_a_name_a_comma_and_an_agency_on_a_line_are_a_credit(self):
        text = "Workers struck in Busan.\nCho Min-ji, Yonhap News Agency\nThe strike ended."
        self.assertEqual(persons(text) | organizations(text), set())

    def test_a_sentence_naming_a_person_and_an_agency_is_content(self):
        text = "The strike was seen by Cho Min-ji, AFP reported."
        self.assertEqual(persons(text), {"Cho Min-ji"})

    def test_a_closing_line_that_a_reporter_reports_from_a_city_is_a_credit(self):
        text = "Workers struck in Busan.\nCho Min-ji reports from Busan.\nThe strike ended."
        self.assertEqual(persons(text) | organizations(text), set())

    def test_an_edited_by_line_of_names_is_a_credit(self):
        text = "Workers struck in Busan.\n\nEdited by Cho Min-ji and Odalric Vennemeyer"
        self.assertEqual(persons(text), set())


class ContactSentenceTests(SimpleTestCase):
    def test_a_contact_sentence_names_no_person(self):
        text = "The talks ended.\nJane Doe can be reached at jd@example.com. Follow her on Twitter."
        self.assertEqual(persons(text), set())

    def test_a_person_reached_by_telephone_in_a_story_is_kept(self):
        text = "Jane Doe said she reached Moon Jae-in at his office."
        self.assertEqual(credits(text), [])


class CreditLineTests(SimpleTestCase):
    def test_reporting_and_editing_lines_anywhere_name_no_person(self):
        text = "Kim Jong Un spoke.\nReporting by Jack Kim; Editing by Mary Poe\nMore text here."
        self.assertEqual(persons(text), {"Kim Jong Un"})

    def test_a_sentence_about_editing_a_law_is_kept(self):
        self.assertEqual(credits("Moon Jae-in backed editing the law by decree."), [])


class PictureCreditTests(SimpleTestCase):
    def test_a_photographer_before_an_agency_is_no_person(self):
        text = "Protesters rally in Seoul on Friday. Ezra Acayan / Getty Images"
        self.assertEqual(credits(text), ["Ezra Acayan / Getty Images"])
        self.assertEqual(persons(text) | organizations(text), set())

    def test_an_ap_photo_parenthesis_names_no_person(self):
        text = "(AP Photo/Ahn Young-joon) Moon Jae-in speaks."
        self.assertEqual(persons(text), {"Moon Jae-in"})

    def test_a_photo_label_ending_a_caption_names_no_organization(self):
        text = "Lee Jae-myung campaigns on December 29. Photo: AP"
        self.assertEqual(credits(text), ["Photo: AP"])

    def test_a_picture_source_in_brackets_is_a_credit(self):
        for credit in ("[Photo by Newswire]", "(Newswire file photo)", "[Daily Herald photo]"):
            with self.subTest(credit=credit):
                text = f"Workers protest in Busan. {credit} The strike ended."
                self.assertEqual(credits(text), [credit])

    def test_a_picture_source_after_via_or_an_image_credit_label_is_a_credit(self):
        text = "The phone is thin. Featured image via Harbor Devices. (Image credit: Lakeside Labs)"
        self.assertEqual(
            sorted(credits(text)),
            ["(Image credit: Lakeside Labs)", "Featured image via Harbor Devices"],
        )

    def test_an_outlets_photo_credit_closing_a_caption_names_no_actor(self):
        text = (
            "Workers rally near the port on Monday. Harbor Times photo by Jane Roe\nThe union said."
        )
        self.assertEqual(organizations(text), set())
        self.assertEqual(persons(text), set())
        self.assertEqual(organizations("Workers rally. Harbor Daily file photo\nIt rained."), set())

    def test_a_source_after_a_slash_closing_a_caption_names_no_organization(self):
        text = "Dockers unload cargo at the port./Harbor News\nThe union said."
        self.assertEqual(organizations(text), set())
        text = "The gate of the Harbor Port Authority./Courtesy of Harbor Port Authority\nIt said."
        self.assertEqual(organizations(text), {"Harbor Port Authority"})

    def test_a_slash_after_an_abbreviations_dot_is_no_caption_source(self):
        text = "Tariffs hit U.S./China trade as Harbor Electronics warned."
        self.assertEqual(credits(text), [])
        self.assertEqual(organizations(text), {"Harbor Electronics"})

    def test_a_photo_by_a_person_in_a_sentence_is_content(self):
        text = "The Harbor Times photo by Jane Roe won a prize in Paris."
        self.assertEqual(organizations(text), {"Harbor Times"})

    def test_via_in_a_story_is_no_picture_credit(self):
        self.assertEqual(credits("The cargo went via Harbor Devices to Busan."), [])

    def test_a_bracket_without_a_picture_word_is_no_picture_credit(self):
        self.assertEqual(credits("The rail union (the largest in Busan) struck."), [])

    def test_a_photographer_and_outlet_in_parentheses_ending_a_caption_are_a_credit(self):
        text = "Workers rally in Busan on Oct. 2. (Cho Min-ji/The Harbor Daily)\nThe strike ended."
        self.assertEqual(credits(text), ["(Cho Min-ji/The Harbor Daily)"])
        self.assertEqual(persons(text), set())

    def test_photo_by_after_a_caption_sentence_on_the_same_line_is_a_credit(self):
        text = "Cho Min-ji speaks in Busan on the 17th. Photo by Odalric Vennemeyer\nShe left."
        self.assertEqual(credits(text), ["Photo by Odalric Vennemeyer"])
        self.assertEqual(persons(text), {"Cho Min-ji"})

    def test_photos_by_a_person_in_a_sentence_that_goes_on_are_content(self):
        text = "The hall opened. Photos by Odalric Vennemeyer won a prize there."
        self.assertEqual(credits(text), [])

    def test_two_names_with_a_slash_in_parentheses_inside_a_sentence_are_no_credit(self):
        text = "Trade (Norland/Southland) grew. Cho Min-ji said so."
        self.assertEqual(credits(text), [])

    def test_a_slash_between_two_words_of_prose_is_no_credit(self):
        self.assertEqual(credits("The Moon/Trump summit was held in Hanoi."), [])


class WireCreditTests(SimpleTestCase):
    def test_a_dateline_agency_on_any_line_is_no_organization(self):
        text = "SEOUL (Reuters) - North Korea fired.\nTOKYO (Reuters) - Japan protested."
        self.assertNotIn("Reuters", organizations(text))

    def test_a_dateline_after_a_slug_and_byline_on_the_same_line_is_no_organization(self):
        text = "(LEAD) Rail strike ends (ATTN: ADDS quote) By Jane Doe BUSAN, Mar. 3 (Newswire) -- A strike ended."
        self.assertEqual(credits(text), ["Newswire"])

    def test_a_story_slug_naming_the_outlet_is_a_credit(self):
        self.assertEqual(credits("(Newswire Interview) Rail union plans strike"), ["Newswire"])

    def test_a_bracketed_name_before_a_non_slug_word_is_no_credit(self):
        self.assertEqual(credits("The union (Newswire Rail) struck."), [])

    def test_an_agency_in_brackets_inside_a_sentence_is_no_dateline(self):
        text = "The report by the agency (Newswire) was denied - officials said so."
        self.assertEqual(credits(text), [])

    def test_an_agency_ending_a_caption_is_no_organization(self):
        self.assertEqual(credits("Tourists wait at the border. (Reuters)"), ["Reuters"])

    def test_an_agency_that_is_the_subject_of_a_sentence_is_an_organization(self):
        text = "Moon told Reuters on Monday that the talks would resume."
        self.assertIn("Reuters", organizations(text))


class SharedCreditRoleTests(SimpleTestCase):
    """Ingest cuts a closing credit line, entities exclude one anywhere: the same roles."""

    def test_every_credit_role_opens_a_credit_line_for_ingest_and_for_entities(self):
        for role in CREDIT_ROLES:
            with self.subTest(role=role):
                line = f"{role.capitalize()} by Jane Doe"
                self.assertTrue(is_credit_line(line))
                self.assertEqual(credits(f"Moon Jae-in met envoys.\n{line}\n"), [line])

    def test_a_role_that_is_not_a_credit_role_opens_no_credit_line(self):
        line = "Protected by Jane Doe"
        self.assertFalse(is_credit_line(line))
        self.assertEqual(credits(f"Moon Jae-in met envoys.\n{line}\n"), [])


class OutletFurnitureTests(SimpleTestCase):
    """The publishing outlet named in its own furniture is no organization of the article;
    the same outlet cited in a sentence of the story is."""

    def test_a_print_edition_note_names_no_organization(self):
        text = (
            "Moon Jae-in met envoys.\n"
            "This article appeared in the Asia section of the print edition of The Economist."
        )
        self.assertEqual(organizations(text), set())

    def test_an_outlet_cited_in_the_story_is_an_organization(self):
        text = "Moon Jae-in told The Economist that talks would resume."
        self.assertEqual(organizations(text), {"The Economist"})

    def test_a_copyright_notice_inside_a_line_names_no_organization(self):
        text = "Jane Doe, reporter Copyright (c) The Daily Herald. The strike ended."
        self.assertEqual(credits(text), ["Copyright (c) The Daily Herald."])

    def test_copyright_as_a_subject_of_the_story_is_no_notice(self):
        self.assertEqual(credits("The firm sued over copyright infringement in 2016."), [])

    def test_a_newsletter_sign_up_naming_the_outlet_is_furniture(self):
        text = "The strike ended. Sign up for the Harbor Herald newsletter."
        self.assertEqual(credits(text), ["Sign up for the Harbor Herald newsletter."])

    def test_a_sentence_about_a_countrys_views_is_no_subscription_furniture(self):
        text = "North Korea does not subscribe to the view of the United Nations."
        self.assertEqual(credits(text), [])


class CaptionSourceTests(SimpleTestCase):
    def test_a_multiword_outlet_in_parentheses_ending_a_caption_is_a_credit(self):
        text = "Kim Jong Un inspects a farm on Monday. (Korea Herald)\nThe Korea Herald said."
        self.assertEqual(credits(text), ["Korea Herald"])

    def test_a_source_in_capitals_in_square_brackets_is_a_credit(self):
        text = "Kim Jong Un inspects a farm on Monday [YONHAP]\nYonhap reported the visit."
        self.assertEqual(credits(text), ["YONHAP"])
        self.assertEqual(organizations(text), {"Yonhap News Agency"})

    def test_an_outlet_in_mixed_case_in_square_brackets_is_a_credit(self):
        text = "Workers protest in Busan. [Harbor News Agency]\nThe strike ended."
        self.assertEqual(credits(text), ["Harbor News Agency"])

    def test_a_name_in_square_brackets_inside_a_quote_is_no_credit(self):
        self.assertEqual(credits('"[Dana Ruiz] will resign," he said.'), [])

    def test_a_country_in_parentheses_inside_a_sentence_is_no_credit(self):
        self.assertEqual(credits("The Democratic People's Republic (North Korea) said."), [])


class FilingLineTests(SimpleTestCase):
    def test_a_line_saying_where_reporters_filed_from_names_no_person(self):
        text = "Moon met envoys.\nChoe Sang-Hun reported from Seoul, and David E. Sanger from Washington."
        self.assertEqual(persons(text), set())

    def test_reported_from_inside_a_longer_paragraph_is_content(self):
        text = "Officials said Kim Jong Un reported from Pyongyang, then met the KPA and left for Wonsan."
        self.assertEqual(persons("Moon met.\n" + text), {"Kim Jong Un"})


class WireStandardsLineTests(SimpleTestCase):
    def test_a_wire_standards_line_names_no_organization(self):
        text = "Moon met envoys.\nOur Standards: The Thomson Reuters Trust Principles."
        self.assertEqual(organizations(text), set())

    def test_a_follow_line_naming_the_outlet_names_no_organization(self):
        text = "Moon met envoys.\nFollow The New York Times on Twitter."
        self.assertEqual(organizations(text), set())

    def test_the_outlet_cited_in_a_sentence_is_kept(self):
        self.assertEqual(
            organizations("Moon told The New York Times on Monday."), {"The New York Times"}
        )


class ClosingSourceCreditTests(SimpleTestCase):
    """Source credits that close a caption or a story: a "Source:" line, a circled-c
    copyright mark, a line of a dash and a source, a caption's "Courtesy of ...", a
    "(Photo = ...)" bracket and a photo agency before its photographer."""

    def test_a_source_label_line_names_no_organization(self):
        self.assertEqual(organizations("Prices rose on Monday.\nSource: Harbor News"), set())

    def test_a_circled_copyright_mark_names_no_organization(self):
        self.assertEqual(organizations("Prices rose. \u24d2 Harbor News Agency"), set())

    def test_a_circled_c_in_a_list_of_circled_letters_is_no_copyright_mark(self):
        text = "Pick one: \u24d0 Harbor Motors \u24d1 Lakeside Bank \u24d2 Harbor Electronics"
        self.assertEqual(credits(text), [])
        self.assertIn("Harbor Electronics", organizations(text))

    def test_sources_in_a_sentence_are_no_source_line(self):
        for text in (
            "Sources close to Harbor Motors said the plant would close.",
            "Prices rose.\nSource of the leak: Harbor Motors, officials said.",
        ):
            with self.subTest(text=text):
                self.assertEqual(credits(text), [])
                self.assertEqual(organizations(text), {"Harbor Motors"})

    def test_a_dash_and_a_source_alone_on_a_line_name_no_organization(self):
        self.assertEqual(organizations("Prices rose sharply.\n- Harbor News"), set())

    def test_a_list_of_dash_items_is_no_source(self):
        text = "The winners were:\n- Harbor Electronics\n- Lakeside Motors"
        self.assertEqual(credits(text), [])
        self.assertEqual(organizations(text), {"Harbor Electronics", "Lakeside Motors"})

    def test_a_dash_line_followed_by_more_of_its_paragraph_is_no_source(self):
        self.assertEqual(credits("Prices rose.\n- Harbor News\nThe port said."), [])

    def test_a_dash_inside_a_sentence_is_content(self):
        found = organizations("Prices fell - Harbor Shipping Co said on Monday.")
        self.assertEqual(found, {"Harbor Shipping Co"})

    def test_a_captions_courtesy_credit_names_no_organization(self):
        text = "Workers rally at the plant. Courtesy of Harbor Motors\nThe union said."
        self.assertEqual(organizations(text), set())

    def test_courtesy_of_opening_a_sentence_that_goes_on_is_content(self):
        text = "The match was late. Courtesy of a late goal, Harbor Motors won the bid"
        self.assertEqual(credits(text), [])
        self.assertEqual(organizations(text), {"Harbor Motors"})

    def test_a_photo_equals_bracket_names_no_organization(self):
        self.assertEqual(organizations("Workers rally. (Photo = Harbor News)"), set())

    def test_photo_joined_to_a_word_of_prose_in_brackets_is_no_credit(self):
        for text in (
            "Harbor Motors (its photo/video app is popular) grew.",
            "Harbor Motors (a photo = art campaign) grew.",
        ):
            with self.subTest(text=text):
                self.assertEqual(credits(text), [])
                self.assertEqual(organizations(text), {"Harbor Motors"})

    def test_an_agency_before_its_photographer_names_neither(self):
        for credit in ("REUTERS/Jane Roe", "AFP PHOTO / JANE ROE", "(Xinhua/Jane Roe)"):
            with self.subTest(credit=credit):
                text = f"Workers rally in Busan. {credit}"
                self.assertEqual((organizations(text), persons(text)), (set(), set()))
        # a joint source inside a sentence, or an agency before a known organization, is no
        # picture credit: both are organizations
        for text, found in (
            ("A Reuters/Ipsos poll found support fell.", {"Reuters", "Ipsos"}),
            ("The Yonhap/Gallup survey showed a rise.", {"Yonhap News Agency", "Gallup"}),
        ):
            with self.subTest(text=text):
                self.assertEqual(credits(text), [])
                self.assertEqual(organizations(text), found)

    def test_an_agency_before_a_known_organization_closing_a_line_is_no_credit(self):
        self.assertEqual(credits("Support fell, said a poll by Reuters/Yonhap.\nIt rose."), [])

    def test_a_photographer_and_any_outlet_in_brackets_closing_a_caption_name_no_actor(self):
        text = "Dana Ruiz speaks at a forum on Monday. (Sam Poe/The Harbor Herald)\nIt grew."
        self.assertEqual(credits(text), ["(Sam Poe/The Harbor Herald)"])
        self.assertNotIn("Sam Poe", persons(text))

    def test_places_joined_by_a_slash_in_brackets_closing_a_caption_are_no_credit(self):
        text = "Trade grew last year. (North Korea/China)"
        self.assertEqual(credits(text), [])
        self.assertEqual(countries(text), {"KP", "CN"})

    def test_a_place_before_a_known_outlet_in_brackets_closing_a_caption_is_a_credit(self):
        text = "Trade grew last year. (South Korea Bureau/Reuters)"
        self.assertIn("(South Korea Bureau/Reuters)", credits(text))
