"""Chinese and Japanese persons no gazetteer lists are found by the shape of their names,
and a later bare family name is the same person."""

from django.test import SimpleTestCase

from archive.entities.name_shapes import chinese_name, japanese_name
from archive.entities.pipeline import extract
from archive.entities.types import PERSON


def persons(text):
    return {a.name: a.count for a in extract("", text) if a.kind == PERSON}


class ChineseNameTests(SimpleTestCase):
    def test_a_chinese_family_name_and_a_pinyin_given_name_is_a_person(self):
        self.assertEqual(
            persons("The plan was backed by Geng Shuang on Monday."), {"Geng Shuang": 1}
        )

    def test_a_chinese_family_name_before_an_english_word_is_no_person(self):
        self.assertFalse(chinese_name(["Long", "Beach"]))
        self.assertEqual(persons("Ships docked at Long Beach on Monday."), {})

    def test_a_given_name_of_two_pinyin_syllables_has_the_shape(self):
        self.assertTrue(chinese_name(["Tian", "Xuefeng"]))
        self.assertFalse(chinese_name(["Tian", "Street"]))

    def test_an_english_word_with_a_silent_e_is_no_pinyin_given_name(self):
        self.assertFalse(chinese_name(["Long", "Life"]))
        self.assertFalse(chinese_name(["Tian", "Gate"]))

    def test_a_family_name_spelt_like_a_pronoun_opens_a_chinese_name(self):
        self.assertEqual(set(persons("He Xuefeng met the envoy.")), {"He Xuefeng"})

    def test_a_given_name_spelt_like_a_month_stays_in_a_chinese_name(self):
        self.assertEqual(set(persons("Envoy Zhang Jun said so.")), {"Zhang Jun"})
        self.assertEqual(set(persons("The talks ended on Jun 5 in Seoul.")), set())

    def test_a_later_bare_chinese_family_name_is_the_same_person(self):
        found = persons("The plan was backed by Geng Shuang on Monday. Geng said it would help.")
        self.assertEqual(found, {"Geng Shuang": 2})


class HyphenatedChineseNameTests(SimpleTestCase):
    def test_a_romanized_family_name_and_a_hyphenated_given_name_is_a_person(self):
        found = persons("The plan was backed by Chan Tai-man on Monday. Chan left early.")
        self.assertEqual(found, {"Chan Tai-man": 2})

    def test_a_pinyin_family_name_takes_a_hyphenated_given_name_too(self):
        self.assertTrue(chinese_name(["Lin", "Chih-wei"]))

    def test_a_family_name_before_a_hyphenated_english_word_is_no_person(self):
        self.assertFalse(chinese_name(["Wong", "Long-term"]))
        self.assertFalse(chinese_name(["Chan", "Well-being"]))


class JapaneseNameTests(SimpleTestCase):
    def test_two_words_of_japanese_syllables_are_a_person(self):
        self.assertTrue(japanese_name(["Toshimitsu", "Motegi"]))
        self.assertEqual(
            persons("The deal was signed by Toshimitsu Motegi in Tokyo."), {"Toshimitsu Motegi": 1}
        )

    def test_a_family_name_hyphenated_between_vowels_keeps_the_shape(self):
        self.assertTrue(japanese_name(["Hirotaka", "Kore-eda"]))
        self.assertFalse(japanese_name(["Sonam-ri", "House"]))

    def test_english_words_are_not_japanese_syllables(self):
        self.assertFalse(japanese_name(["Standard", "Chartered"]))
        self.assertEqual(persons("The loan was signed by Standard Chartered in Tokyo."), {})


class HyphenSyllableTests(SimpleTestCase):
    def test_a_syllable_spelt_like_in_after_a_solid_hyphen_stays_in_the_name(self):
        self.assertEqual(set(persons("Cho Dong-in said the plan would work.")), {"Cho Dong-in"})

    def test_a_word_in_after_a_hyphenated_word_with_spaces_is_no_syllable(self):
        self.assertEqual(set(persons("The check-in desk of Korean Air opened.")), set())


class FamilyNameSpeltLikeAWordTests(SimpleTestCase):
    def test_a_family_name_spelt_like_an_interjection_opens_a_hyphenated_korean_name(self):
        found = set(persons("Oh Min-su, a teacher, said prices were high."))
        self.assertEqual(found, {"Oh Min-su"})

    def test_the_family_name_opens_the_name_after_a_title_and_mid_sentence(self):
        found = set(persons("The rally was led by Pastor Jun Tae-ho on Monday."))
        self.assertEqual(found, {"Jun Tae-ho"})

    def test_the_word_before_a_comma_is_no_family_name(self):
        self.assertEqual(set(persons("Oh, he said, it was fine.")), set())

    def test_a_family_name_spelt_like_a_word_ends_a_name_written_given_name_first(self):
        self.assertEqual(set(persons("Grace Oh said the plan failed.")), {"Grace Oh"})


class FamilyNameInCapitalsTests(SimpleTestCase):
    def test_a_japanese_family_name_in_capitals_before_the_given_name_is_a_person(self):
        found = set(persons("Chief Cabinet Secretary SATO Hirokazu said on Monday."))
        self.assertEqual(found, {"SATO Hirokazu"})

    def test_a_whole_name_in_capitals_is_not_read(self):
        self.assertEqual(set(persons("CHO MIN-JI\nWorkers struck in Busan.")), set())

    def test_an_acronym_after_a_place_is_no_family_name(self):
        self.assertEqual(set(persons("The California ISO said prices rose.")), set())
