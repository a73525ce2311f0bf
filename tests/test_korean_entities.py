"""Hangul actors: known names with particles and titles, homonyms by sense, unknown titled
persons, bylines, and the Korean part of the entity scores."""

import io
import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import SimpleTestCase

from archive.entities.korean_words import has_hangul
from archive.entities.pipeline import extract
from archive.entities.types import COUNTRY, ORGANIZATION, PERSON


def names(actors, kind):
    return {a.name for a in actors if a.kind == kind}


def codes(actors):
    return {a.code for a in actors if a.kind == COUNTRY}


def actor(actors, name):
    return next(a for a in actors if a.name == name)


class KnownHangulNameTests(SimpleTestCase):
    def test_a_leader_with_title_and_particle_glued_on_is_a_mention_of_the_name_alone(self):
        body = "김정은동지께서 공장을 현지지도하시였다."
        actors = extract("", body)
        self.assertIn("Kim Jong Un", names(actors, PERSON))
        self.assertEqual([body[s:e] for s, e in actor(actors, "Kim Jong Un").spans], ["김정은"])

    def test_a_title_after_a_name_and_a_genitive_are_stripped(self):
        body = "김일성주석의 탄생일을 맞아 김정일장군님의 업적을 되새겼다."
        actors = extract("", body)
        self.assertTrue({"Kim Il Sung", "Kim Jong Il"} <= names(actors, PERSON))
        spans = [body[s:e] for a in actors for s, e in a.spans]
        self.assertIn("김일성", spans)
        self.assertNotIn("김일성주석", spans)

    def test_a_pejorative_in_a_title_s_place_is_stripped_too(self):
        body = "박근혜역도는 미제의 침략전쟁책동에 가담하였다."
        actors = extract("", body)
        self.assertIn("Park Geun-hye", names(actors, PERSON))
        self.assertIn("US", codes(actors))

    def test_an_agency_with_a_subject_particle_is_the_organization(self):
        body = "조선중앙통신이 20일 보도하였다."
        actors = extract("", body)
        self.assertIn("Korean Central News Agency", names(actors, ORGANIZATION))

    def test_countries_are_found_in_their_korean_names_with_particles(self):
        actors = extract("", "미국과 일본은 중국의 입장을 북한에 전달했다.")
        self.assertEqual(codes(actors), {"US", "JP", "CN", "KP"})

    def test_north_korean_usage_names_both_koreas(self):
        actors = extract("", "남조선괴뢰들은 조선로동당의 령도를 따르는 공화국을 비방하였다.")
        self.assertTrue({"KP", "KR"} <= codes(actors))
        self.assertIn("Workers' Party of Korea", names(actors, ORGANIZATION))

    def test_a_capital_stands_for_its_country(self):
        self.assertEqual(
            codes(extract("", "평양에서 열린 회의에 워싱턴도 관심을 보였다.")), {"KP", "US"}
        )

    def test_an_attached_noun_keeps_the_country(self):
        self.assertEqual(codes(extract("", "북한당국이 훈련을 예고했다.")), {"KP"})

    def test_a_country_name_inside_another_word_is_not_the_country(self):
        self.assertNotIn("KR", codes(extract("", "한국경제신문은 이날 보도했다.")))


class HangulForeignNameTests(SimpleTestCase):
    def test_a_foreign_leader_written_in_hangul_is_the_known_person(self):
        actors = extract("", "마크롱 대통령과 리용호 외무상, 폼페이오 장관이 만났다.")
        self.assertTrue({"Emmanuel Macron", "Ri Yong Ho", "Mike Pompeo"} <= names(actors, PERSON))

    def test_a_common_word_spelled_like_a_surname_the_row_does_not_list_names_no_one(self):
        actors = extract("", "공이 펜스를 넘어갔다.")
        self.assertNotIn("Mike Pence", names(actors, PERSON))


class HomonymTests(SimpleTestCase):
    def test_kim_jong_un_with_leader_context_is_the_leader(self):
        body = "북한 김정은 국무위원장이 미사일 발사를 참관했다고 노동당 기관지가 전했다."
        self.assertIn("Kim Jong Un", names(extract("", body), PERSON))

    def test_the_actress_kim_jung_eun_in_a_drama_piece_is_not_the_leader(self):
        body = "드라마 봄날의 약속에서 배우 김정은은 한도겸과 연기했다. 이 드라마는 방영 내내 높은 시청률을 지켰다."
        actors = extract("", body)
        self.assertNotIn("Kim Jong Un", names(actors, PERSON))
        self.assertIn("김정은", names(actors, PERSON))  # the actress, found from her occupation

    def test_cho_kuk_with_his_office_is_the_politician(self):
        body = "조국 법무부 장관은 이날 기자회견을 열었다."
        self.assertIn("Cho Kuk", names(extract("", body), PERSON))

    def test_fatherland_is_not_the_politician(self):
        for body in (
            "조국의 통일을 위하여 모든 힘을 다하자.",
            "우리는 사회주의조국을 끝까지 수호할 것이다.",
        ):
            with self.subTest(body=body):
                self.assertNotIn("Cho Kuk", names(extract("", body), PERSON))

    def test_us_imperialists_need_north_korean_context(self):
        self.assertIn("US", codes(extract("", "미제의 침략책동을 규탄한다.")))
        self.assertNotIn("US", codes(extract("", "이 화장품은 미제 제품이다.")))

    def test_joseon_in_a_north_korean_text_is_the_dprk(self):
        body = "조선인민들은 김정은동지의 령도를 받들어 조선의 존엄을 지킨다."
        self.assertIn("KP", codes(extract("", body)))

    def test_joseon_as_the_dynasty_is_no_country(self):
        body = "조선 시대 왕조의 궁궐을 복원하는 사업이 세종 때의 기록을 바탕으로 진행된다."
        self.assertNotIn("KP", codes(extract("", body)))


class IranHomonymTests(SimpleTestCase):
    def test_iran_in_middle_east_news_is_the_country(self):
        body = "이란 정부는 테헤란에서 핵협상 재개를 요구했다."
        self.assertIn("IR", codes(extract("", body)))

    def test_a_quotative_iran_after_stripped_punctuation_is_no_country(self):
        body = "두 선수는 철벽콤비 이란 별명을 얻었다."
        self.assertNotIn("IR", codes(extract("", body)))


class UnknownKoreanPersonTests(SimpleTestCase):
    def test_a_name_followed_by_a_title_is_a_person_without_the_title(self):
        actors = extract("", "이날 재판에서 노지완 판사는 집행유예를 선고했다.")
        self.assertIn("노지완", names(actors, PERSON))

    def test_a_name_with_a_glued_honorific_is_a_person(self):
        self.assertIn("모선규", names(extract("", "모선규씨는 복숭아 농사를 짓는다."), PERSON))

    def test_a_name_after_an_occupation_and_the_rest_of_the_list_are_persons(self):
        actors = extract("", "둘째 날에는 배우 한도겸 오서진 남하율이 무대에 오른다.")
        self.assertEqual(names(actors, PERSON), {"한도겸", "오서진", "남하율"})

    def test_a_name_the_analyser_reads_as_a_proper_noun_is_a_person_without_a_title(self):
        actors = extract("", "커플 반지 소문의 주인공 김철수와 박영희가 방송에서 마주쳤다.")
        self.assertTrue({"김철수", "박영희"} <= names(actors, PERSON))

    def test_places_and_rare_surname_words_are_not_persons_without_a_title(self):
        body = "도봉구에서 열린 행사에 마로니와 별빛소녀가 출연했다."
        self.assertEqual(names(extract("", body), PERSON), set())

    def test_a_title_after_the_workplace_still_marks_the_name(self):
        actors = extract("", "오민결 한빛전자 대표는 행사를 설명했다.")
        self.assertIn("오민결", names(actors, PERSON))

    def test_the_lead_byline_reporter_is_not_a_mention(self):
        body = "대전 연합뉴스 한도겸 기자 한빛마트는 배우 오서진과 함께 행사를 연다."
        persons = names(extract("", body), PERSON)
        self.assertNotIn("한도겸", persons)
        self.assertIn("오서진", persons)

    def test_a_closing_byline_is_not_a_mention(self):
        body = "행사는 다음 달 열린다. 박도윤기자 4127"
        self.assertEqual(names(extract("", body), PERSON), set())

    def test_a_reporter_cited_in_the_prose_is_a_mention(self):
        body = "현장을 취재한 오하람 기자는 피해가 크다고 전했다."
        self.assertIn("오하람", names(extract("", body), PERSON))


class UntitledKoreanPersonTests(SimpleTestCase):
    def test_a_name_written_twice_without_a_title_is_a_person(self):
        body = "후배들은 망설임 없이 탁윤재를 롤모델로 든다. 탁윤재와 함께한 무대도 많다."
        self.assertIn("탁윤재", names(extract("", body), PERSON))

    def test_a_name_shaped_word_written_once_without_a_signal_is_not(self):
        body = "후배들은 망설임 없이 탁윤재를 롤모델로 든다."
        self.assertNotIn("탁윤재", names(extract("", body), PERSON))

    def test_the_other_names_of_a_list_holding_a_person_are_persons(self):
        body = "코너에는 모태준 한서율 남하율 등이 출연한다. 남하율은 인기를 얻었다."
        self.assertTrue({"모태준", "한서율", "남하율"} <= names(extract("", body), PERSON))

    def test_a_list_of_common_words_is_not_a_list_of_names(self):
        body = "정부는 시장 안정 대책을 발표했다."
        self.assertEqual(names(extract("", body), PERSON), set())


class GroupMemberTests(SimpleTestCase):
    def test_members_listed_after_a_named_group_are_persons(self):
        body = "걸그룹 루미나가 컴백했다. 방송에는 루미나의 시아와 채린이 특별 손님으로 나선다."
        self.assertTrue({"시아", "채린"} <= names(extract("", body), PERSON))

    def test_stage_names_the_analyser_does_not_know_are_read_as_members(self):
        body = "데뷔 5년차 아이돌 루미나 하람 시온 도하 태오 와 코미디언들이 출연했다."
        self.assertTrue({"하람", "시온", "도하", "태오"} <= names(extract("", body), PERSON))

    def test_a_second_group_in_the_genitive_continues_the_list(self):
        body = "앞서 걸그룹 루미나의 시아 루아 채린과 별빛소녀의 하람 소율이 출연했다."
        self.assertTrue({"시아", "채린", "하람", "소율"} <= names(extract("", body), PERSON))
        self.assertNotIn("별빛소녀", names(extract("", body), PERSON))

    def test_a_group_neither_introduced_by_a_group_word_nor_well_known_lists_no_members(self):
        body = "블루문의 시아와 채린이 특별 손님으로 나선다."
        self.assertEqual(names(extract("", body), PERSON) & {"시아", "채린"}, set())

    def test_the_list_ends_at_a_particle_or_a_common_word(self):
        body = "걸그룹 루미나가 컴백했다. 루미나의 팬들이 모여 축하 행사를 열었다."
        self.assertEqual(names(extract("", body), PERSON), set())


class StageNameTests(SimpleTestCase):
    def test_a_name_without_a_family_name_after_an_occupation_is_a_person(self):
        body = "개막식에는 여성 디바 하라솔과 신인 밴드가 무대에 선다."
        self.assertIn("하라솔", names(extract("", body), PERSON))
        body = "이를 두고 멤버 루아는 무척 기쁘다고 말했다."
        self.assertIn("루아", names(extract("", body), PERSON))

    def test_a_common_word_after_an_occupation_is_not_a_person(self):
        body = "그는 가수 데뷔 이후 멤버 전원과 함께 활동했다."
        self.assertEqual(names(extract("", body), PERSON), set())

    def test_the_word_before_a_real_name_is_a_stage_name(self):
        body = "루미나는 오디션 출신 루아 본명 정수아 다온 본명 최다온 으로 이뤄졌다."
        self.assertTrue({"루아", "다온"} <= names(extract("", body), PERSON))


class EnglishTextTests(SimpleTestCase):
    def test_english_text_is_not_analysed_as_korean(self):
        self.assertFalse(has_hangul("Kim Jong Un met Moon Jae-in in Panmunjom."))
        self.assertIn("Kim Jong Un", names(extract("", "Kim Jong Un met officials."), PERSON))

    def test_a_hangul_name_in_english_text_is_found(self):
        actors = extract("", "North Korean leader Kim Jong Un (김정은) met officials.")
        self.assertEqual(names(actors, PERSON), {"Kim Jong Un"})


class KoreanScoreTests(SimpleTestCase):
    def test_the_korean_gold_is_scored_under_its_own_group(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp)
            (corpus / "ko").mkdir()
            record = {"id": "ko-1", "title": None, "text": "미국과 중국은 합의했다."}
            (corpus / "ko" / "news.jsonl").write_text(json.dumps(record, ensure_ascii=False))
            gold = corpus / "gold.jsonl"
            entry = {"corpus_file": "ko/news.jsonl", "id": "ko-1", "persons": [],
                     "countries": ["CN", "US"], "organizations": []}  # fmt: skip
            gold.write_text(json.dumps(entry))
            out = io.StringIO()
            call_command("score_entities", "--corpus", str(corpus), "--gold", str(gold),
                         "--quiet", stdout=out)  # fmt: skip
        rows = [row.split() for row in out.getvalue().splitlines()]
        countries = next(row for row in rows if row[:2] == ["ko/news.jsonl", "countries"])
        self.assertEqual(countries[2:], ["1.000", "1.000", "1.000", "2", "0", "0"])
