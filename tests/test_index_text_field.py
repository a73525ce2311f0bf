"""The text field analyses a document once: the same terms and spelling words as Whoosh's
own TEXT field, which analyses it twice."""

import random

from django.test import SimpleTestCase
from whoosh.fields import TEXT

from archive.search.analysis import peninsula_analyzer
from archive.search.text_field import ArticleText

TEXTS = [
    "Pyongyang, July 14 (KCNA) -- Kim Jong Un watched the ballistic missiles' launches.",
    "The the of and a an: stop words, Élection présidentielle, naïve café, C++ it's",
    "김정은동지께서 평양에서 생방송을 보시였다. 걸그룹이 서울시에서 배우는 노래를 불렀다.",
    "Mixed 조선민주주의인민공화국 text: 노동신문 reported on the DPRK's 1950 anniversary.",
    "",
    "İstanbul ﬁnance STRASSE Straße e\u0301lite \u0301 ½ x² 2,000,000 3.5% snake_case O'Neill "
    "don't U.S.-led co-operation ÆSIR œuvre Ångström naïveté, the THE The a A I",
]
# Words for random Latin texts: stop words, repeats, accents, digits, joined marks.
VOCABULARY = (
    "the a of and to in is it Kim Jong Un nuclear nuclear's missiles missile Élysée café naïve "
    "2016 1,200 3.5 x² ½ İzmir ﬁrst Straße co-op O'Brien snake_case e\u0301 \u0301 UN U.N. "
    "KCNA Seoul's running runs ran"
).split()


def whoosh_text():
    return TEXT(analyzer=peninsula_analyzer(), stored=False, spelling=True)


def one_pass():
    return ArticleText(analyzer=peninsula_analyzer(), stored=False, spelling=True)


class OnePassTextFieldTests(SimpleTestCase):
    def test_it_indexes_the_same_terms_positions_and_weights_as_whoosh(self):
        for text in TEXTS:
            with self.subTest(text=text):
                self.assertEqual(sorted(one_pass().index(text)), sorted(whoosh_text().index(text)))

    def test_random_latin_texts_take_the_word_table_road_to_the_same_postings(self):
        rng = random.Random(11)
        for _ in range(200):
            text = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randrange(0, 60)))
            field = one_pass()
            self.assertTrue(field.takes_latin_road(text))
            self.assertEqual(sorted(field.index(text)), sorted(whoosh_text().index(text)), text)
            self.assertEqual(
                list(field.spellable_words(text)), list(whoosh_text().spellable_words(text))
            )

    def test_hangul_text_keeps_the_analyzer_road(self):
        self.assertFalse(one_pass().takes_latin_road(TEXTS[3]))
        self.assertTrue(one_pass().takes_latin_road(TEXTS[0]))

    def test_its_spelling_words_are_whooshs_from_one_analysis(self):
        for text in TEXTS:
            with self.subTest(text=text):
                field = one_pass()
                list(field.index(text))
                self.assertEqual(
                    list(field.spellable_words(text)), list(whoosh_text().spellable_words(text))
                )

    def test_spelling_words_of_a_value_it_did_not_just_index_are_analysed_afresh(self):
        field = one_pass()
        list(field.index(TEXTS[0]))
        self.assertEqual(
            list(field.spellable_words(TEXTS[2])), list(whoosh_text().spellable_words(TEXTS[2]))
        )
