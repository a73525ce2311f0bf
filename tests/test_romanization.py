"""Hangul is romanized by the Revised Romanization rules, sound changes included."""

from django.test import SimpleTestCase

from archive.romanization import romanize, romanize_syllables


class RomanizationTests(SimpleTestCase):
    def test_syllables_are_spelled_from_their_jamo(self):
        self.assertEqual(romanize("조선중앙통신"), "joseonjungangtongsin")
        self.assertEqual(romanize("한겨레"), "hangyeore")

    def test_a_final_consonant_moves_onto_a_silent_initial(self):
        self.assertEqual(romanize("중앙일보"), "jungangilbo")  # ㅇ final stays ng
        self.assertEqual(romanize("연합이"), "yeonhabi")

    def test_stops_become_nasals_before_n_and_m(self):
        self.assertEqual(romanize("연합뉴스"), "yeonhamnyuseu")
        self.assertEqual(romanize("국민일보"), "gungminilbo")
        self.assertEqual(romanize("독립문"), "dongnimmun")

    def test_l_and_n_meeting_read_ll_and_r_after_a_consonant_reads_n(self):
        self.assertEqual(romanize("신라"), "silla")
        self.assertEqual(romanize("종로"), "jongno")

    def test_text_that_is_not_hangul_is_kept(self):
        self.assertEqual(romanize("KBS 뉴스 9"), "KBS nyuseu 9")
        self.assertEqual(romanize("Reuters"), "Reuters")


class SyllableRomanizationTests(SimpleTestCase):
    """Comparison keys romanize each syllable alone: no sound change, only Hangul kept."""

    def test_each_syllable_is_spelled_alone(self):
        self.assertEqual(romanize_syllables("김정은"), "gimjeongeun")
        self.assertEqual(romanize_syllables("연합뉴스"), "yeonhapnyuseu")

    def test_everything_but_hangul_is_dropped(self):
        self.assertEqual(romanize_syllables("김정은 동지 (KCNA)"), "gimjeongeundongji")
        self.assertEqual(romanize_syllables("Reuters"), "")
