"""Korean pages read well: the article's language on its page and as a search facet."""

import json
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
from django.test import SimpleTestCase
from django.urls import reverse

from archive.entities.pipeline import extract
from archive.ingest import korean_byline
from archive.ingest.document import ParsedDocument
from archive.ingest.encoding import decode, hangul_cp949
from archive.ingest.html.dates import published_date
from archive.ingest.korean_outlets import english_name
from archive.ingest.metadata import canonical_source, find_date, parse_date
from archive.ingest.readers import read_path
from archive.models import Source
from tests.base import IndexedTestCase, document

KOREAN_BODY = "정부는 평양에서 열린 회담에 대해 대통령은 말했다.\n\n회담은 오후에 끝났다."
ENGLISH_BODY = "The talks in Pyongyang ended in the afternoon, the ministry said."


class LanguageWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.korean = cls.add(replace(document("평양 회담", KOREAN_BODY), language="ko"))
        cls.english = cls.add(document("Talks in Pyongyang", ENGLISH_BODY))
        cls.index_all()

    def api(self, query=""):
        response = self.client.get(reverse("archive:api-search") + query)
        self.assertEqual(response.status_code, 200)
        return response.json()


class LanguageFacetTests(LanguageWorld):
    def test_the_language_facet_counts_each_language_under_its_english_name(self):
        facet = self.api()["facets"]["language"]
        self.assertEqual(
            {(f["value"], f["label"], f["count"]) for f in facet},
            {("ko", "Korean", 1), ("en", "English", 1)},
        )

    def test_filtering_on_a_language_code_keeps_only_its_articles(self):
        titles = [r["title"] for r in self.api("?language=ko")["results"]]
        self.assertEqual(titles, ["평양 회담"])
        self.assertEqual(self.api("?language=de")["count"], 0)

    def test_the_search_page_shows_a_language_panel(self):
        page = self.client.get(reverse("archive:search"))
        self.assertContains(page, "Language")
        self.assertContains(page, "?language=ko")


class LanguageAttributeTests(LanguageWorld):
    def test_a_korean_article_page_marks_its_title_and_body_as_korean(self):
        page = self.client.get(self.korean.get_absolute_url())
        self.assertContains(page, '<h1 lang="ko">평양 회담</h1>', html=True)
        self.assertContains(page, '<div class="body" lang="ko">')

    def test_an_english_article_page_marks_its_body_as_english(self):
        page = self.client.get(self.english.get_absolute_url())
        self.assertContains(page, '<div class="body" lang="en">')
        self.assertNotContains(page, 'lang="ko"')

    def test_search_results_carry_the_language_of_each_title(self):
        page = self.client.get(reverse("archive:search"))
        self.assertContains(page, 'class="result-title" lang="ko"')
        self.assertContains(page, 'class="result-title" lang="en"')


class KoreanOutletTests(IndexedTestCase):
    def test_a_korean_outlet_is_filed_under_its_usual_english_name(self):
        self.assertEqual(canonical_source("연합뉴스"), "Yonhap")
        self.assertEqual(canonical_source("조선중앙통신"), "KCNA")
        self.assertEqual(canonical_source("조선의 소리"), canonical_source("조선의소리"))

    def test_an_outlet_with_no_english_name_keeps_its_hangul_name(self):
        self.assertEqual(canonical_source("평화신문사"), "평화신문사")
        self.assertEqual(english_name("평화신문사"), "")

    def test_hangul_outlet_names_get_romanized_slugs(self):
        self.assertEqual(Source.for_name("평화신문사").slug, "pyeonghwasinmunsa")
        self.assertEqual(Source.for_name("통일신보").slug, "tongilsinbo")

    def test_two_outlets_with_the_same_romanization_get_distinct_slugs(self):
        first, second = Source.for_name("대한일보"), Source.for_name("대한일보!")
        self.assertEqual((first.slug, second.slug), ("daehanilbo", "daehanilbo-2"))
        self.assertEqual(Source.for_name("대한 일보").slug, "daehan-ilbo")

    def test_latin_outlet_names_keep_their_slugs(self):
        self.assertEqual(Source.for_name("Asian Lite News").slug, "asian-lite-news")


class LeadBylineTests(SimpleTestCase):
    def test_a_yonhap_byline_gives_place_outlet_and_reporter(self):
        text = "(서울=연합뉴스) 홍길동 기자 = 정부는 20일 회담을 열었다고 밝혔다."
        byline = korean_byline.find(text)
        self.assertEqual(
            (byline.place, byline.outlet, byline.reporters), ("서울", "Yonhap", ["홍길동"])
        )
        self.assertEqual(text[byline.end :], "정부는 20일 회담을 열었다고 밝혔다.")

    def test_a_byline_stripped_of_its_punctuation_is_found_too(self):
        byline = korean_byline.find("대전 연합뉴스 한도겸 기자 한빛마트는 음악회를 연다")
        self.assertEqual((byline.place, byline.reporters), ("대전", ["한도겸"]))

    def test_co_authors_and_a_desk_before_the_name_are_read(self):
        two = korean_byline.find("[서울=뉴시스] 홍길동 김철수 기자 = 회의가 열렸다")
        self.assertEqual(two.reporters, ["홍길동", "김철수"])
        desk = korean_byline.find("머니투데이 과천 오민결 기자 전수조사 방식으로 바뀐다")
        self.assertEqual((desk.outlet, desk.reporters), ("Money Today", ["오민결"]))

    def test_a_desk_alone_can_sign(self):
        byline = korean_byline.find("매일경제 디지털 뉴스팀 루미나의 신곡이 정상에 올랐다")
        self.assertEqual((byline.outlet, byline.reporters), ("Maeil Business Newspaper", []))

    def test_a_reporter_named_in_the_prose_is_not_a_byline(self):
        self.assertIsNone(korean_byline.find("서울 시민 김철수 기자가 말했다"))
        self.assertIsNone(korean_byline.find("연합뉴스 기자가 현장을 찾았다"))
        self.assertIsNone(korean_byline.find("정부는 서울 연합뉴스 홍길동 기자에게 밝혔다"))
        self.assertIsNone(
            korean_byline.find("연합뉴스 정부는 오늘 이 문제에 대해 홍길동 기자 보도")
        )

    def test_the_byline_leaves_title_and_body_for_the_metadata_fields(self):
        body = "(평양=조선중앙통신) 리철민 기자 = 회의가 평양에서 열렸다.\n\n회의는 끝났다."
        doc = korean_byline.apply(
            replace(
                document(
                    "(평양=조선중앙통신) 리철민 기자 = 회의가 평양에서 열렸다.", body, source=""
                ),
                language="ko",
            )
        )
        self.assertEqual(doc.title, "회의가 평양에서 열렸다.")
        self.assertTrue(doc.body.startswith("회의가 평양에서 열렸다."))
        self.assertEqual((doc.dateline, doc.source, doc.author), ("평양", "KCNA", "리철민"))

    def test_english_documents_are_left_alone(self):
        doc = document("SEOUL (Reuters) - Talks", "SEOUL (Reuters) - Talks ended.")
        self.assertIs(korean_byline.apply(doc), doc)

    def test_a_korean_jsonl_record_is_read_without_its_byline(self):
        record = {
            "id": "a",
            "text": "대전 연합뉴스 한도겸 기자 한빛마트는 음악회를 연다고 밝혔다 손님이 많다",
        }
        path = Path(self.enterContext(tempfile.TemporaryDirectory())) / "ko.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        (doc,) = read_path(path)
        self.assertEqual(doc.title, "한빛마트는 음악회를 연다고 밝혔다")
        self.assertEqual((doc.source, doc.author, doc.dateline), ("Yonhap", "한도겸", "대전"))

    def test_the_bylined_reporter_is_not_a_person_mention(self):
        text = "(서울=연합뉴스) 홍길동 기자 = 김철수 장관은 20일 회담을 열었다고 밝혔다."
        persons = [a.name for a in extract("", text) if a.kind == "person"]
        self.assertNotIn("홍길동", persons)
        self.assertIn("김철수", persons)


SCRIPT_HEAVY_PAGE = "<script>window.dataLayer = [];</script>\n" * 60
KOREAN_PARAGRAPHS = "".join(
    f"<p>정부는 {n}일 평양에서 열린 회담에 대해 대통령은 성과가 있었다고 말했다고 전했다. "
    "회담은 오후에 끝났고 양측은 다음 회담 일정을 논의했다고 관계자는 밝혔다.</p>"
    for n in range(1, 6)
)


class UndeclaredKoreanEncodingTests(SimpleTestCase):
    def test_euc_kr_korean_without_a_declared_charset_decodes(self):
        text = "북한이 미사일을 발사했다고 합동참모본부가 밝혔다."
        self.assertEqual(decode(text.encode("euc-kr")), text)

    def test_a_few_korean_words_in_a_script_heavy_page_decode(self):
        page = f"{SCRIPT_HEAVY_PAGE}<p>북한</p>"
        self.assertEqual(decode(page.encode("cp949")), page)  # detection alone says cp1250

    def test_cp949_extended_syllables_decode(self):
        self.assertEqual(decode("똠방각하 뷁".encode("cp949")), "똠방각하 뷁")

    def test_chinese_and_japanese_bytes_are_not_taken_for_korean(self):
        chinese = "中华人民共和国国务院总理今天在北京会见了美国国务卿。"
        japanese = "日本語のテキストです。東京で会議が開かれました。"
        self.assertEqual(decode(chinese.encode("gbk")), chinese)
        self.assertEqual(decode(japanese.encode("euc-jp")), japanese)
        self.assertIsNone(hangul_cp949(chinese.encode("gbk")))

    def test_a_declared_charset_still_comes_first(self):
        self.assertEqual(decode("Ünïcödé".encode("latin-1"), declared="latin-1"), "Ünïcödé")

    def test_an_euc_kr_html_page_without_a_charset_reads_as_korean(self):
        html = f"<html><head><title>평양 회담</title></head><body>{SCRIPT_HEAVY_PAGE}"
        html += "<article>" + KOREAN_PARAGRAPHS + "</article></body></html>"
        path = Path(self.enterContext(tempfile.TemporaryDirectory())) / "page.html"
        path.write_bytes(html.encode("euc-kr"))
        (doc,) = [d for d in read_path(path) if isinstance(d, ParsedDocument)]
        self.assertIn("평양에서 열린 회담", doc.body)
        self.assertEqual(doc.language, "ko")


class KoreanDateTests(SimpleTestCase):
    def test_a_date_written_with_year_month_and_day_markers_is_read(self):
        self.assertEqual(parse_date("2015년 1월 1일"), datetime(2015, 1, 1, tzinfo=UTC))
        self.assertEqual(parse_date("2016년 10월 20일 오후 3시 20분").hour, 15)

    def test_dotted_dates_with_spaces_are_read(self):
        self.assertEqual(parse_date("2015. 1. 2."), datetime(2015, 1, 2, tzinfo=UTC))
        self.assertEqual(parse_date("2015.01.02 10:20"), datetime(2015, 1, 2, 10, 20, tzinfo=UTC))

    def test_juche_years_count_from_1912_unless_the_gregorian_year_is_given(self):
        self.assertEqual(find_date("주체104년 4월 15일"), (2015, 4, 15))
        self.assertEqual(find_date("주체104(2015)년 1월 1일"), (2015, 1, 1))
        self.assertEqual(find_date("주체 93 (2004)년 12월 3일"), (2004, 12, 3))

    def test_impossible_or_partial_korean_dates_are_not_dates(self):
        self.assertIsNone(parse_date("2015년 13월 1일"))
        self.assertIsNone(parse_date("1월 1일"))
        self.assertIsNone(parse_date("104년 만에"))

    def test_a_labelled_korean_date_on_a_page_is_the_publication_date(self):
        tree = lxml.html.fromstring(
            "<html><body><div>기사입력 2016.10.20 오전 9:05</div></body></html>"
        )
        self.assertEqual(published_date(tree), datetime(2016, 10, 20, 9, 5, tzinfo=UTC))

    def test_english_dates_read_as_before(self):
        self.assertEqual(parse_date("March 3, 2020"), datetime(2020, 3, 3, tzinfo=UTC))
        self.assertEqual(find_date("31.03.2020"), (2020, 3, 31))
