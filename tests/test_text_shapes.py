"""One definition of a byline and one list of agencies serve both the readers, which cut them
from a body, and the actor extractor, which finds no actor in them."""

from django.test import SimpleTestCase

from archive.agencies import agencies
from archive.entities.pipeline import extract
from archive.entities.types import PERSON
from archive.ingest.authors import closing_wire_credit
from archive.ingest.lines import is_picture_credit
from archive.text_shapes import byline_spans, is_byline, opens_byline


def persons(text):
    return {a.name for a in extract("", text) if a.kind == PERSON}


class BylineTests(SimpleTestCase):
    def test_bylines_in_their_written_forms_are_bylines(self):
        for line in ("By Jane Doe", "BY JANE DOE, SEOUL", "— By Lee Min-ho", "Written by Jo Kim"):
            with self.subTest(line=line):
                self.assertTrue(is_byline(line))

    def test_a_sentence_that_opens_with_by_is_not_a_byline(self):
        for line in ("By Tuesday, officials had agreed to meet again.", "By contrast, Seoul waits"):
            with self.subTest(line=line):
                self.assertFalse(is_byline(line))

    def test_a_line_opens_like_a_byline_only_with_the_word_by(self):
        self.assertTrue(opens_byline("— by Jane Doe"))
        self.assertFalse(opens_byline("Bymore Jones"))

    def test_byline_spans_cover_the_byline_lines_of_a_text_without_their_blanks(self):
        text = "Kim met Moon.\n  By Jane Doe, Seoul  \nBy Tuesday, they had agreed on a date."
        self.assertEqual([text[a:b] for a, b in byline_spans(text)], ["By Jane Doe, Seoul"])

    def test_the_extractor_finds_no_person_in_a_byline(self):
        text = "BY JANE DOE\nMoon Jae-in met envoys in Seoul on Monday."
        self.assertEqual(persons(text), {"Moon Jae-in"})

    def test_the_extractor_reads_a_sentence_that_opens_with_by(self):
        text = "By Tuesday, Moon Jae-in had agreed to meet the envoys in Seoul."
        self.assertEqual(persons(text), {"Moon Jae-in"})


class AgencyTests(SimpleTestCase):
    def test_each_role_lists_its_own_agencies(self):
        self.assertIn("Getty Images", agencies("photo"))
        self.assertIn("dpa", agencies("wire"))
        self.assertNotIn("dpa", agencies("photo"))
        self.assertNotIn("Pool", agencies("caption"))

    def test_an_unknown_role_is_refused(self):
        with self.assertRaises(ValueError):
            agencies("printer")

    def test_a_wire_agency_in_a_closing_parenthesis_credits_the_story(self):
        paragraphs, credit = closing_wire_credit(["Talks resumed on Monday. (FR mit dpa)"])
        self.assertEqual((paragraphs, credit), (["Talks resumed on Monday."], "FR mit dpa"))

    def test_a_parenthesis_naming_no_agency_stays_text(self):
        paragraphs, credit = closing_wire_credit(["Talks resumed (on Monday)"])
        self.assertEqual(credit, "")

    def test_a_short_line_closing_with_a_caption_agency_is_a_picture_credit(self):
        self.assertTrue(is_picture_credit("Kim Jong Un at the parade. REUTERS"))
        self.assertFalse(is_picture_credit("Kim Jong Un at the parade, as KNS reported"))

    def test_a_name_before_a_photo_agency_is_a_photographer_not_an_actor(self):
        text = "Moon Jae-in waves in Seoul. Jane Doe/Pool via Reuters\nMoon Jae-in left."
        self.assertNotIn("Jane Doe", persons(text))


class NoBreakSpaceTests(SimpleTestCase):
    def test_a_no_break_space_inside_a_name_keeps_the_name_whole(self):
        found = [
            a.name for a in extract("", "It ran in the journal Emerging Infectious\u00a0Diseases.")
        ]
        self.assertIn("Emerging Infectious Diseases", found)

    def test_a_no_break_space_keeps_the_offsets_of_the_body(self):
        body = "Talks\u00a0with Moon Jae-in ended."
        moon = next(a for a in extract("", body) if a.name == "Moon Jae-in")
        self.assertEqual([body[s:e] for s, e in moon.spans], ["Moon Jae-in"])
