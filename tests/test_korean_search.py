"""Korean search: morphemes without particles, whole-word matching, offsets, highlighting."""

from unittest import mock

from django.test import SimpleTestCase
from django.urls import reverse
from whoosh.fields import TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import AndGroup, QueryParser

from archive.search import analysis
from archive.search.analysis import peninsula_analyzer
from archive.search.highlight import snippet
from archive.search.query import parse_user_query
from tests.base import IndexedTestCase, document

EDITORIAL = "김정일동지의 혁명사상을 따르는 과정은 험난하였다."
ADDRESS = "김정은동지께서 평양시 인민들에게 신년사를 하시였다."


def terms(text, mode="query"):
    return [t.text for t in peninsula_analyzer()(text, mode=mode)]


def search(texts, q, parser="whoosh"):
    """Indexes ``texts`` in a throw-away Whoosh index and returns which of them ``q`` finds,
    parsed by Whoosh's own parser or (``parser="project"``) by the search box's."""
    index = RamStorage().create_index(Schema(body=TEXT(analyzer=peninsula_analyzer())))
    with index.writer() as writer:
        for text in texts:
            writer.add_document(body=text)
    if parser == "project":
        query = parse_user_query(q, index.schema, ["body"])
    else:
        query = QueryParser("body", index.schema, group=AndGroup).parse(q)
    with index.searcher() as searcher:
        return sorted(texts[hit.docnum] for hit in searcher.search(query))


class KoreanAnalyzerTests(SimpleTestCase):
    def test_a_query_loses_its_particles(self):
        for query, noun in (
            ("평양에서", "평양"),
            ("서울에서", "서울"),
            ("일본의", "일본"),
            ("유엔에", "유엔"),
        ):
            with self.subTest(query=query):
                self.assertEqual(terms(query), [noun])

    def test_a_name_is_one_term_not_bigrams(self):
        self.assertEqual(terms("김정은"), ["김정은"])
        self.assertEqual(search([EDITORIAL, ADDRESS], "김정은"), [ADDRESS])

    def test_a_name_does_not_match_a_text_with_its_syllables_in_other_words(self):
        self.assertEqual(search([EDITORIAL], "김정은"), [])
        self.assertEqual(search([EDITORIAL], "김정일"), [EDITORIAL])

    def test_a_noun_finds_the_compound_it_begins(self):
        self.assertEqual(search([ADDRESS, EDITORIAL], "평양에서"), [ADDRESS])
        self.assertEqual(search([ADDRESS], "평양시"), [ADDRESS])

    def test_queries_are_not_expanded_to_prefixes(self):
        self.assertEqual(terms("평양시에서"), ["평양시"])
        self.assertIn("평양", terms("평양시에서", mode="index"))

    def test_a_korean_phrase_matches_in_order(self):
        spaced = "김정은 동지께서 말씀하시였다."
        self.assertEqual(search([ADDRESS, spaced], '"김정은 동지"', "project"), [spaced, ADDRESS])
        self.assertEqual(search([ADDRESS, spaced], '"동지 김정은"', "project"), [])

    def test_whole_value_mode_is_honoured(self):
        self.assertEqual(self.tokens("평양에서 Kim", False), [("평양에서 kim", 0, 8)])

    def test_offsets_point_at_the_noun_in_the_original_text(self):
        text = "노동신문 김정은동지께서 평양에서 말씀하시였다"
        tokens = self.tokens(text)
        for term, start, end in tokens:
            with self.subTest(term=term):
                self.assertEqual(text[start:end], term.removeprefix(analysis.INSIDE))
        self.assertEqual(
            [term for term, _, _ in tokens],
            [
                "노동신문",
                "노동",
                "노동신",
                "김정은",
                "김정",
                "김정은동",
                "김정은동지",
                "~동지",
                "평양",
                "말씀",
            ],
        )

    def test_offsets_follow_start_char(self):
        self.assertEqual(self.tokens("서울에서", start_char=10), [("서울", 10, 12)])

    def test_mixed_korean_and_english_in_one_field(self):
        text = "Kim Jong Un (김정은) watched the missiles launched from 평양에서"
        self.assertEqual(
            terms(text), ["kim", "jong", "un", "김정은", "watch", "missil", "launch", "평양"]
        )
        self.assertEqual(search([text, EDITORIAL], "missile 김정은"), [text])

    def test_a_zero_width_space_separates_words(self):
        self.assertEqual(terms("평양\ufeff에서\u200b서울의"), ["평양", "서울"])

    def test_english_text_never_calls_the_korean_analyser(self):
        with mock.patch.object(analysis, "kiwi", side_effect=AssertionError("Kiwi called")):
            self.assertEqual(terms("The missiles launched"), ["missil", "launch"])

    def test_english_analysis_is_unchanged(self):
        self.assertEqual(terms("The Élection of Presidents"), ["elect", "presid"])

    @staticmethod
    def tokens(text, tokenize=True, start_char=0):
        """(term, startchar, endchar) of each indexed token."""
        analyzer = peninsula_analyzer()
        return [
            (t.text, t.startchar, t.endchar)
            for t in analyzer(
                text, chars=True, tokenize=tokenize, start_char=start_char, mode="index"
            )
        ]


class KoreanCompoundTests(SimpleTestCase):
    """A query word matches from the start of a written word, compounds as units."""

    GIRL_GROUP = "신인 걸그룹이 데뷔했다."
    GROUP = "그룹의 멤버들이 무대에 올랐다."
    LIVE = "생방송으로 진행되었다."
    LEARNING = "한국어를 배우는 학생들이 많다."
    ACTOR = "그 배우가 상을 받았다."

    def test_a_noun_does_not_find_the_compounds_it_ends(self):
        self.assertEqual(search([self.GIRL_GROUP, self.GROUP], "그룹에서", "project"), [self.GROUP])
        self.assertEqual(search([self.LIVE], "방송", "project"), [])

    def test_a_compound_is_one_unit_of_the_query_and_finds_itself(self):
        self.assertEqual(terms("걸그룹에서"), ["걸그룹"])
        self.assertEqual(terms("김정은동지께서"), ["김정은동지"])
        self.assertEqual(
            search([self.GIRL_GROUP, self.GROUP], "걸그룹", "project"), [self.GIRL_GROUP]
        )
        self.assertEqual(search([self.LIVE], "생방송", "project"), [self.LIVE])

    def test_a_noun_inside_a_word_is_indexed_marked(self):
        self.assertIn("~동지", terms(ADDRESS, mode="index"))
        self.assertNotIn("동지", terms(ADDRESS, mode="index"))

    def test_a_verb_is_not_the_noun_of_the_same_spelling(self):
        self.assertEqual(terms("배우가"), ["배우"])
        self.assertIn("배우다", terms(self.LEARNING, mode="index"))
        self.assertEqual(search([self.LEARNING, self.ACTOR], "배우가", "project"), [self.ACTOR])

    def test_a_query_word_read_as_a_verb_is_also_searched_as_the_noun(self):
        self.assertEqual(analysis.noun_reading("배우는"), "배우")
        self.assertEqual(analysis.noun_reading("먹는"), "")
        self.assertEqual(analysis.noun_reading("배우가"), "")
        found = search([self.LEARNING, self.ACTOR], "배우는", "project")
        self.assertEqual(found, sorted([self.LEARNING, self.ACTOR]))

    def test_a_compound_is_highlighted_whole_and_an_inside_noun_in_place(self):
        self.assertIn("<mark>걸그룹</mark>이", snippet(self.GIRL_GROUP, set(terms("걸그룹은"))))
        self.assertIn("김정은<mark>동지</mark>", snippet(ADDRESS, {"~동지"}))


class KoreanHighlightTests(SimpleTestCase):
    def test_a_korean_hit_marks_the_whole_noun(self):
        html = snippet(ADDRESS, set(terms("김정은")))
        self.assertIn("<mark>김정은</mark>동지께서", html)

    def test_a_noun_is_marked_inside_the_compound_it_begins(self):
        html = snippet(ADDRESS, set(terms("평양에서")))
        self.assertIn("<mark>평양</mark>시", html)

    def test_syllables_of_other_words_are_not_marked(self):
        self.assertNotIn("<mark>", snippet(EDITORIAL, set(terms("김정은"))))


class KoreanSearchTests(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.add(document("신년사", ADDRESS, source="KCNA"))
        cls.add(document("평양의 거리", "평양의 거리에는 눈이 내렸다.", source="KCNA"))
        cls.add(document("사설", EDITORIAL, source="Rodong Sinmun"))
        cls.add(document("서울 소식", "서울에서 열린 회의에 일본의 대표가 참가하였다."))
        cls.index_all()

    def api(self, q):
        response = self.client.get(reverse("archive:api-search"), {"q": q})
        self.assertEqual(response.status_code, 200)
        return response.json()

    def titles(self, q):
        return sorted(r["title"] for r in self.api(q)["results"])

    def test_a_particle_form_finds_the_bare_noun_and_its_compounds(self):
        self.assertEqual(self.titles("평양에서"), ["신년사", "평양의 거리"])
        self.assertEqual(self.titles("평양에서"), self.titles("평양"))

    def test_a_name_is_matched_as_a_unit(self):
        self.assertEqual(self.titles("김정은"), ["신년사"])

    def test_the_snippet_marks_the_korean_noun(self):
        results = self.api("일본에")["results"]
        self.assertEqual([r["title"] for r in results], ["서울 소식"])
        self.assertIn("<mark>일본</mark>의", results[0]["snippet"])

    def test_a_korean_query_without_hits_gets_no_suggestion(self):
        data = self.api("대동강에서")
        self.assertEqual(data["count"], 0)
        self.assertIsNone(data["suggestion"])
