"""The search box's query language, on a real Whoosh index: names with hyphens and
apostrophes, phrases, exclusion, OR and parentheses, literal field syntax, odd operator chains,
and any text at all without an error (hypothesis; HYPOTHESIS_EXAMPLES sets the size, e.g.
``HYPOTHESIS_EXAMPLES=10000 python -m pytest tests/test_query.py -k AnyText``)."""

import os

from django.urls import reverse
from haystack import connections
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase
from whoosh.query import Query

from tests.base import IndexedTestCase, document, utc

# In the suite: 300 parses and 100 × 2 requests; HYPOTHESIS_EXAMPLES=10000 sets both.
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "300"))
WEB_EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "100"))

ARTICLES = {
    "un": ("Kim Jong Un inspects a missile base", "Kim Jong Un visited a missile base on Monday."),
    "un hyphen": ("Leader tours a farm", "North Korean leader Kim Jong-un toured a farm."),
    "un closed": ("Plenum closes", "Kim Jongun spoke at the plenum."),
    "il": ("Kim Jong Il anniversary", "Kim Jong Il died in 2011; state media marked the day."),
    "mill": ("Kim Jong Suk Textile Mill", "Workers at the Kim Jong Suk Textile Mill met a quota."),
    "inter": ("Inter-Korean talks resume", "Officials met for inter-Korean talks at Panmunjom."),
    "inter closed": ("Rail links", "Interkorean rail links were discussed."),
    "provincial": ("Inter-Provincial games open", "The inter-provincial games opened."),
    "moon": ("Moon Jae-in in Seoul", "President Moon Jae-in met envoys in Seoul."),
    "landing": ("A landing remembered", "The moon landing was recalled by Park Jae-sang."),
    "pyongyang accent": ("Life in the 1990s", "Life in P'yŏngyang was hard."),
    "pyongyang": ("Delegation hosted", "Pyongyang hosted the delegation."),
    "tokyo": ("Tokyo summit", "Leaders met in Tokyo after a rocket test."),
    "rocket": ("Rocket launch", "A rocket was launched from Sohae."),
    "report": ("Report revised", "The report, published in 2020, was revised in 2021."),
    "kimchi": ("Kimchi exports", "Kimchi exports rose."),
}

KIM_BUT_THE_MILL = {"un", "un hyphen", "un closed", "il"}

# Pieces of query syntax, Whoosh's and others', for hypothesis to combine.
ATOMS = [
    *("OR", "AND", "NOT", "or", "not", "(", ")", '"', "“", "”", "-", "+", "--", "'", "’"),
    *("Kim", "Jong-un", "P'yŏngyang", "inter-Korean", "title:", "published:", "django_ct:"),
    *("kim*", "*", "?", "^3", "~2", "[", "]", "{", "}", " TO ", ":", "\\", "/", "&&", "||"),
    *("대통령", "평양에서", "é", "İ", "ß", "\u200b", "\x00", " ", "  "),
]
query_text = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(ATOMS), st.text(max_size=4)), max_size=25).map("".join),
    st.lists(st.sampled_from(ATOMS), max_size=25).map(" ".join),
)
odd_queries = ("NOT NOT kim", "NOT " * 300 + "kim", "(" * 300 + "kim" + ")" * 300, '"' * 3, "-")


class QueryWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.by_title = {}
        for day, (key, (title, body)) in enumerate(ARTICLES.items(), 1):
            cls.add(document(title, body, published=utc(2024, 1, day)))
            cls.by_title[title] = key
        cls.index_all()

    def found(self, q):
        """The keys (in ARTICLES) of every article the API returns for ``q``."""
        response = self.client.get(reverse("archive:api-search"), {"q": q})
        self.assertEqual(response.status_code, 200)
        return {self.by_title[r["title"]] for r in response.json()["results"]}


class HyphensAndApostrophesTests(QueryWorld):
    def test_kim_jong_un_finds_every_spelling_of_the_name_and_no_other_kim_jong(self):
        self.assertEqual(self.found("Kim Jong-un"), {"un", "un hyphen", "un closed"})

    def test_kim_jong_il_does_not_find_kim_jong_un(self):
        self.assertEqual(self.found("Kim Jong-il"), {"il"})

    def test_inter_korean_finds_both_spellings_and_not_inter_provincial(self):
        self.assertEqual(self.found("inter-Korean"), {"inter", "inter closed"})

    def test_moon_jae_in_is_one_name_not_moon_and_jae(self):
        self.assertEqual(self.found("Moon Jae-in"), {"moon"})

    def test_an_apostrophe_inside_a_word_joins_it(self):
        self.assertEqual(self.found("P'yŏngyang"), {"pyongyang accent", "pyongyang"})
        self.assertEqual(self.found("P’yŏngyang"), {"pyongyang accent", "pyongyang"})

    def test_a_lower_case_name_keeps_the_hyphenated_part_together(self):
        self.assertEqual(self.found("kim jong-un"), {"un", "un hyphen", "un closed"})


class OperatorTests(QueryWorld):
    def test_a_minus_at_the_start_of_a_word_excludes_it(self):
        self.assertEqual(self.found("kim -textile"), KIM_BUT_THE_MILL)

    def test_a_minus_before_a_phrase_excludes_the_phrase(self):
        self.assertEqual(self.found('kim jong -"jong il"'), {"un", "un hyphen", "mill"})

    def test_a_phrase_matches_the_words_in_order(self):
        self.assertEqual(self.found('"Jong Suk"'), {"mill"})
        self.assertEqual(self.found('"Suk Jong"'), set())

    def test_or_matches_either_word(self):
        self.assertEqual(self.found("Seoul OR Tokyo"), {"moon", "tokyo"})

    def test_parentheses_group_and_a_minus_excludes_the_rest(self):
        self.assertEqual(self.found("(missile OR rocket) -test"), {"un", "rocket"})

    def test_or_binds_tighter_than_the_words_around_it(self):
        self.assertEqual(self.found("leaders Tokyo OR Sohae"), {"tokyo"})

    def test_not_in_capitals_excludes_and_lower_case_not_is_a_word(self):
        self.assertEqual(self.found("kim NOT textile"), KIM_BUT_THE_MILL)
        self.assertEqual(self.found("kim not textile"), {"mill"})

    def test_a_double_negation_cancels(self):
        self.assertEqual(self.found("NOT NOT textile"), {"mill"})
        self.assertEqual(self.found("kim NOT NOT NOT textile"), KIM_BUT_THE_MILL)
        self.assertEqual(self.found("kim NOT -textile"), {"mill"})

    def test_dangling_operators_and_parentheses_are_ignored(self):
        for q in (
            "OR textile",
            "textile OR",
            "textile AND",
            "textile NOT",
            "((textile",
            "textile))",
        ):
            with self.subTest(q=q):
                self.assertEqual(self.found(q), {"mill"})

    def test_a_query_of_operators_alone_finds_nothing(self):
        for q in ("NOT NOT", "OR AND", "( )", "-"):
            with self.subTest(q=q):
                self.assertEqual(self.found(q), set())


class LiteralSyntaxTests(QueryWorld):
    def test_a_date_range_is_searched_as_its_words_not_used_as_a_filter(self):
        self.assertEqual(self.found("published:[2020 TO 2021]"), {"report"})

    def test_field_syntax_is_text_not_a_field(self):
        self.assertEqual(self.found("title:Textile"), set())
        self.assertEqual(self.found("django_ct:archive.article"), set())

    def test_a_star_is_not_a_wildcard(self):
        self.assertNotIn("kimchi", self.found("kim*"))
        self.assertIn("mill", self.found("kim*"))

    def test_a_boost_is_text(self):
        self.assertEqual(self.found("textile^3"), set())


class QueryHelpTests(QueryWorld):
    def test_the_search_page_links_to_the_query_help(self):
        page = self.client.get(reverse("archive:search"), {"q": "kim"})
        self.assertContains(page, f'href="{reverse("archive:query-help")}"')

    def test_the_query_help_lists_the_syntax_with_examples_that_search(self):
        page = self.client.get(reverse("archive:query-help"))
        self.assertContains(page, "<h1>Query help</h1>")
        self.assertContains(page, f'href="{reverse("archive:search")}?q=Kim+Jong-un"')
        self.assertContains(page, "<code>(missile OR rocket) -test</code>")


class AnyTextTests(HypothesisTestCase, QueryWorld):
    @settings(max_examples=EXAMPLES, deadline=None, database=None)
    @given(query_text)
    def test_any_text_is_a_query_the_index_can_run(self, q):
        backend = connections["default"].get_backend()
        query = backend.parse_user_query(q)
        self.assertIsInstance(query, Query)
        backend.searcher().search(query, limit=1)

    @settings(max_examples=WEB_EXAMPLES, deadline=None, database=None)
    @given(query_text)
    @example(odd_queries[0])
    @example(odd_queries[1])
    @example(odd_queries[2])
    @example(odd_queries[3])
    @example(odd_queries[4])
    def test_any_text_in_the_box_gives_a_page_and_an_api_answer(self, q):
        for name in ("archive:search", "archive:api-search"):
            response = self.client.get(reverse(name), {"q": q})
            self.assertLess(response.status_code, 500, (name, q))
