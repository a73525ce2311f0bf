"""Unknown persons in Hangul text: occupations and foreign names, works and characters,
honorifics and particles glued on, and one person under two names."""

from django.test import SimpleTestCase

from archive.entities.korean_analysis import analyse
from archive.entities.korean_digests import digest_mentions
from archive.entities.korean_subjects import subject_mentions
from archive.entities.pipeline import extract
from archive.entities.types import PERSON


def persons(body):
    return {a.name for a in extract("", body) if a.kind == PERSON}


class OccupationTests(SimpleTestCase):
    def test_a_compound_occupation_with_a_copula_ending_still_signals_a_name(self):
        body = "홍콩의 유명 가수이자 영화배우인 쉬메이링 등이 무대에 선다."
        self.assertIn("쉬메이링", persons(body))

    def test_a_long_word_after_an_occupation_that_the_analyser_does_not_read_as_a_name_is_not_one(
        self,
    ):
        body = "이번 공연에는 영화배우인 관계자들이 대거 참석했다."
        self.assertNotIn("관계자들이", persons(body))
        self.assertNotIn("관계자", persons(body))


class WorkAndCharacterTests(SimpleTestCase):
    def test_a_word_after_a_kind_of_work_is_a_title_everywhere_in_the_text(self):
        body = "작가 하루77은 웹툰 백수왕 주인공을 그렸다. 실사판 백수왕 의 배역이다. 백수왕 팬도 왔다."
        self.assertNotIn("백수왕", persons(body))

    def test_a_name_after_an_ordinary_noun_is_still_a_person(self):
        body = "배우 복지훈이 무대에 올랐다. 복지훈은 인사를 했다."
        self.assertIn("복지훈", persons(body))

    def test_a_word_before_a_kind_of_event_names_the_event_not_a_person(self):
        body = "오하늘 페스티벌이 열렸다. 오하늘 페스티벌 행진은 화려했다."
        self.assertEqual(persons(body), set())
        self.assertIn("오하늘", persons("오하늘이 노래했다. 오하늘은 웃었다."))

    def test_a_name_before_yeok_is_a_character_not_a_person(self):
        body = "형사 도민결 역을 맡은 배우 한도겸은 기자 노은서 역 오서진과 연기를 펼쳤다."
        found = persons(body)
        self.assertIn("한도겸", found)
        self.assertFalse({"도민결", "노은서"} & found)

    def test_yeoksi_after_a_name_is_not_a_part_played(self):
        body = "배우 도민결 역시 무대에 올랐다."
        self.assertIn("도민결", persons(body))


class GluedTests(SimpleTestCase):
    def test_a_given_name_with_ssi_glued_on_is_the_person_named_in_full(self):
        body = "레드벨벳 한채윤이 노래했다. 사회자는 채윤씨에게 질문했다. 채윤씨의 대답은 짧았다."
        found = persons(body)
        self.assertIn("한채윤", found)
        self.assertFalse({"채윤씨", "채윤"} & found)

    def test_a_short_name_with_nim_stays_another_person(self):
        body = "한채윤이 박도윤과 도윤을 언급했다. 박도윤 님과 블루문의 도윤 님 곡 중 하나다."
        self.assertTrue({"박도윤", "도윤"} <= persons(body))

    def test_a_two_syllable_noun_with_its_particle_is_not_a_three_syllable_name(self):
        body = "전설이 7집 음반을 내고 돌아온다. 전설은 최장수 밴드다. 전설이 고른 노래다."
        self.assertNotIn("전설이", persons(body))

    def test_a_name_ending_like_a_particle_is_a_name_when_the_text_never_drops_it(self):
        body = "배우 신세가 무대에 올랐다. 신세가 인사했다."
        self.assertIn("신세가", persons(body))


class RealNameTests(SimpleTestCase):
    def test_the_real_name_after_bonmyeong_is_the_stage_names_person(self):
        body = "걸그룹은 루아 본명 정수아 와 리드보컬 다희 본명 최다희 로 이뤄졌다."
        found = persons(body)
        self.assertTrue({"루아", "다희"} <= found)
        self.assertFalse({"정수아", "최다희"} & found)

    def test_a_full_name_without_bonmyeong_is_its_own_person(self):
        body = "루아 그리고 배우 정수아 가 함께 무대에 올랐다."
        self.assertIn("정수아", persons(body))


class GroupMemberTests(SimpleTestCase):
    def test_a_common_noun_said_of_the_group_is_no_member(self):
        body = "아이돌 루미나가 돌아왔다. 루미나 완전체가 음악방송에 나왔다."
        self.assertNotIn("완전체", persons(body))

    def test_a_member_named_after_the_group_is_still_one(self):
        body = "아이돌 루미나가 돌아왔다. 루미나 하람 시온 도하 태오가 출연했다."
        self.assertTrue({"하람", "시온", "태오"} <= persons(body))

    def test_a_list_of_bare_member_names_goes_on_through_a_common_word(self):
        body = "걸그룹 별빛소녀가 나온다. 별빛소녀의 채린 소율 하늘이 출연한다."
        self.assertTrue({"채린", "소율", "하늘"} <= persons(body))

    def test_a_common_word_alone_after_the_group_is_no_member(self):
        body = "걸그룹 별빛소녀가 나온다. 별빛소녀의 하늘이 맑아졌다."
        self.assertNotIn("하늘", persons(body))

    def test_a_list_may_open_with_the_word_for_member_and_their_number(self):
        body = "걸그룹 루미나가 나온다. 루미나의 멤버는 총 5명 시아와 채린이 먼저 나선다."
        self.assertTrue({"시아", "채린"} <= persons(body))

    def test_the_number_of_members_alone_names_no_one(self):
        body = "걸그룹 루미나가 나온다. 루미나의 멤버는 총 5명이다."
        self.assertEqual(persons(body), set())


class InstitutionTests(SimpleTestCase):
    def test_a_name_shaped_word_ending_like_a_company_or_a_place_is_no_person(self):
        found = persons("칼럼 민경련 이름을 바꿔야 하나. 은하숲 자이 150대 1 경쟁률 기록.")
        self.assertFalse({"민경련", "은하숲"} & found)

    def test_a_name_whose_last_syllable_ends_places_is_a_person_when_the_rest_is_no_word(self):
        self.assertIn("송지교", persons("송지교가 웃었다. 송지교는 말했다."))

    def test_a_word_and_a_place_ending_written_twice_is_still_a_place(self):
        found = persons(
            "은평구가 예산을 늘렸다. 은평구는 발표했다. 을지로에서 만났다. 을지로는 넓다."
        )
        self.assertFalse({"은평구", "을지로"} & found)

    def test_a_neighbourhood_or_a_mountain_is_a_place_whatever_comes_before_its_ending(self):
        body = "안국동에서 만났다. 안국동은 조용하다. 오대산에 올랐다. 오대산은 높다."
        self.assertEqual(persons(body), set())

    def test_a_university_before_its_presidents_title_is_no_person(self):
        self.assertNotIn("윤대", persons("기부금 의혹 윤대총장 사퇴 요구 확산"))

    def test_a_two_syllable_name_with_a_title_is_still_a_person(self):
        self.assertIn("윤호", persons("윤호 총장이 사임했다."))


class AfterOccupationTests(SimpleTestCase):
    def test_a_surname_and_two_syllables_after_an_occupation_is_a_name_however_analysed(self):
        self.assertIn("고기현", persons("영화 여름의 끝 감독 고기현 제작 보고회"))

    def test_a_common_noun_after_an_occupation_is_no_name(self):
        self.assertEqual(persons("그 배우 이야기를 들었다."), set())

    def test_a_verbs_adnominal_form_after_an_occupation_is_no_name(self):
        self.assertEqual(persons("루미나 새 멤버 영입한 바 없어"), set())


class ForeignNameTests(SimpleTestCase):
    def test_a_word_before_a_country_and_a_title_is_a_foreign_persons_name(self):
        self.assertIn("필리프", persons("필리프 프랑스 총리는 회담 뒤 말했다."))
        self.assertIn("나시르", persons("해운사 지분 사들인 나시르 사우디 왕자 새 대주주로"))

    def test_a_common_noun_or_a_verb_form_before_a_country_and_a_title_is_no_name(self):
        self.assertEqual(persons("올해 프랑스 대통령 선거가 열린다."), set())
        self.assertEqual(persons("지난 미국 대통령 선거 결과"), set())


class TitleAroundNameTests(SimpleTestCase):
    def test_a_name_the_analyser_splits_before_a_title_is_still_a_person(self):
        self.assertIn("김의겸", persons("김의겸 대변인은 브리핑에서 말했다."))

    def test_a_noun_with_its_particle_before_a_title_is_no_name(self):
        self.assertEqual(persons("정부의 대변인은 말했다."), set())

    def test_a_name_after_a_spokespersons_title_is_a_person(self):
        self.assertIn("김의겸", persons("대변인 김의겸은 브리핑에서 말했다."))

    def test_a_common_noun_after_a_spokespersons_title_is_no_name(self):
        self.assertEqual(persons("대변인 브리핑이 열렸다."), set())


class TitleTeamTests(SimpleTestCase):
    def test_a_title_with_its_team_glued_on_still_signals_the_name(self):
        self.assertIn("한서율", persons("한서율 교수팀은 효과를 입증했다."))

    def test_a_team_alone_after_a_word_is_no_title(self):
        self.assertEqual(persons("이번 팀은 효과를 입증했다."), set())


class WorkplaceTests(SimpleTestCase):
    def test_an_institution_between_a_name_and_its_title_is_the_workplace_not_a_name(self):
        found = persons("한서율 목포대 교수팀 도라지 뿌리 효능 확인")
        self.assertEqual(found, {"한서율"})

    def test_a_second_name_before_a_title_after_a_listed_name_is_still_a_person(self):
        found = persons("배우 한도겸 김민수 교수 한글 액자 기부")
        self.assertEqual(found, {"한도겸", "김민수"})


class ParenthesisTests(SimpleTestCase):
    def test_an_age_in_parentheses_after_a_name_makes_each_of_a_list_a_person(self):
        found = persons("참석자는 김철수(45), 박영희(38), 이민수(50) 씨 등이다.")
        self.assertEqual(found, {"김철수", "박영희", "이민수"})

    def test_a_title_in_parentheses_after_a_name_makes_it_a_person(self):
        self.assertIn("김철수", persons("김철수(부산대 교수)는 말했다."))

    def test_a_year_in_parentheses_after_a_common_noun_names_no_one(self):
        self.assertEqual(persons("정상회담(2018)에서 합의했다."), set())

    def test_a_place_in_parentheses_is_no_title(self):
        self.assertEqual(persons("김철수(부산대)는 말했다."), set())


class DetachedParticleTests(SimpleTestCase):
    def test_a_word_before_a_particle_written_apart_ends_the_groups_name(self):
        self.assertEqual(persons("신예 아이돌 그룹 퍼플 레인 이 축하한다."), set())

    def test_a_member_after_the_groups_name_and_a_particle_written_apart_is_a_person(self):
        self.assertIn("한도겸", persons("그룹 루미나 의 한도겸이 새 앨범 표지를 공개했다."))

    def test_members_after_a_group_with_its_particle_attached_are_still_persons(self):
        self.assertEqual(persons("걸그룹 루미나의 시아와 채린이 왔다."), {"시아", "채린"})


class GroupInLatinTests(SimpleTestCase):
    def test_a_member_after_a_group_word_and_a_latin_groups_name_is_a_person(self):
        self.assertIn("도하", persons("아이돌 그룹 LUMINA의 도하가 잡지 화보를 찍었다."))

    def test_a_member_after_a_group_word_and_a_stripped_groups_genitive_is_a_person(self):
        self.assertIn("도하", persons("신인 아이돌 그룹 의 도하가 잡지 화보를 찍었다."))

    def test_a_common_noun_after_a_group_word_and_a_genitive_is_no_member(self):
        self.assertEqual(persons("아이돌 그룹 의 인기가 높아졌다."), set())


class BrokenNameTests(SimpleTestCase):
    def test_a_members_name_the_analyser_breaks_into_an_adverb_and_a_noun_is_a_person(self):
        found = persons(
            "걸그룹 루미나가 나온다. 루미나의 멤버는 총 5명 시아와 도윤 잘현은 출연한다."
        )
        self.assertIn("잘현", found)  # 잘/MAG 현/NNG

    def test_a_verb_form_after_the_members_is_no_member(self):
        found = persons("걸그룹 루미나가 나온다. 루미나의 멤버는 총 5명 시아와 도윤 했다.")
        self.assertNotIn("했다", found)


class EnsembleTests(SimpleTestCase):
    def test_a_name_the_text_gives_a_group_is_no_person_anywhere_in_it(self):
        self.assertEqual(persons("걸그룹 시크릿이 컴백했다. 가수 시크릿과 만났다."), set())

    def test_a_name_beside_a_fan_club_word_is_no_person(self):
        self.assertEqual(
            persons("레드벨벳 공식 팬클럽 루멘은 환호했다. 멤버 루멘은 웃었다."), set()
        )

    def test_a_stage_name_the_text_gives_no_group_is_still_a_person(self):
        self.assertIn("시크릿", persons("가수 시크릿과 만났다."))


class WellKnownGroupTests(SimpleTestCase):
    def test_members_after_a_well_known_groups_name_are_persons_without_a_group_word(self):
        found = persons("행사장에서 한도겸은 레드벨벳 루아 시아 등 여자 가수들과 함께 웃었다.")
        self.assertTrue({"루아", "시아"} <= found)

    def test_members_after_a_well_known_group_whose_name_ends_like_a_particle_are_persons(self):
        self.assertTrue({"유나", "서연"} <= persons("아이오아이 유나와 서연이 나왔다."))
        self.assertEqual(persons("아이오아이 전원이 손을 흔들었다."), set())

    def test_a_member_whose_particle_the_analyser_reads_into_a_noun_is_a_person(self):
        self.assertIn("윤종", persons("세븐틴 윤종이 드라마 주연을 맡는다"))  # 윤 종이/NNG
        self.assertEqual(persons("세븐틴 종이를 접었다"), set())

    def test_deung_ends_a_list_of_members(self):
        self.assertEqual(persons("걸그룹 하나비의 채린 유나 등이 왔다"), {"채린", "유나"})

    def test_a_common_noun_after_a_well_known_groups_name_is_no_member(self):
        self.assertEqual(persons("레드벨벳 멤버들이 컴백했다. 에스파 인기가 높다."), set())

    def test_a_well_known_group_after_an_occupation_is_no_person(self):
        self.assertNotIn("레드벨벳", persons("가수 레드벨벳과 만났다."))


class UnknownNameTests(SimpleTestCase):
    def test_a_name_the_analyser_does_not_know_written_twice_is_a_person(self):
        body = "남태온이 새 안경 착용 사진을 공유했다. 패션 남태온 블로그."
        self.assertIn("남태온", persons(body))

    def test_a_name_the_analyser_does_not_know_written_once_is_no_person(self):
        self.assertEqual(persons("남태온이 새 안경 착용 사진을 공유했다."), set())


class ForeignNameOfSeveralWordsTests(SimpleTestCase):
    def test_a_foreign_name_of_two_words_before_a_country_and_a_title_is_one_name(self):
        found = persons("에두아르 필리프 프랑스 총리는 회담 뒤 말했다.")
        self.assertIn("에두아르 필리프", found)
        self.assertNotIn("필리프", found)

    def test_a_foreign_name_before_a_marker_of_the_title_is_one_name(self):
        self.assertIn("존 메이저", persons("존 메이저 전 총리는 회고록에서 밝혔다."))
        self.assertIn("존 케리", persons("존 케리 미 국무장관은 말했다."))

    def test_a_foreign_name_with_a_word_the_analyser_does_not_know_needs_no_qualifier(self):
        found = persons("미즈하라 다케로 감독과 이와나 슌타 감독이 참석했다.")
        self.assertTrue({"미즈하라 다케로", "이와나 슌타"} <= found)
        self.assertNotIn("이와나", found)

    def test_a_name_the_analyser_reads_across_two_words_is_one_name(self):
        self.assertIn("세라 샌더스", persons("세라 샌더스 백악관 대변인은 말했다."))

    def test_two_words_the_analyser_knows_before_a_title_are_no_name(self):
        self.assertEqual(persons("롯데 자이언츠 감독은 경기 뒤 말했다."), set())

    def test_a_korean_name_before_its_workplace_is_not_a_foreign_name(self):
        found = persons("오민결 한빛전자 대표는 말했다. 한빛 신영준 회장은 웃었다.")
        self.assertEqual(found, {"오민결", "신영준"})

    def test_a_bylines_outlet_and_reporter_are_no_foreign_name(self):
        self.assertEqual(persons("대전 연합뉴스 한도겸 기자 축제가 열린다."), set())

    def test_a_stage_name_after_its_group_with_ssi_is_not_a_foreign_name(self):
        self.assertNotIn("엑소 도하", persons("엑소 도하 씨는 웃었다."))


class NationalityTests(SimpleTestCase):
    def test_the_words_after_a_foreign_nationality_and_an_occupation_are_one_name(self):
        found = persons("독일 작가 베르너 하켈의 소설과 일본 감독 이와나 슌타와 만났다.")
        self.assertTrue({"베르너 하켈", "이와나 슌타"} <= found)
        self.assertFalse({"베르너", "이와", "이와나"} & found)

    def test_after_a_korean_nationality_a_list_stays_several_persons(self):
        found = persons("한국 배우 송강호 이병헌이 참석했다.")
        self.assertEqual(found, {"송강호", "이병헌"})

    def test_a_common_noun_after_the_foreign_name_is_not_part_of_it(self):
        self.assertEqual(persons("미국 가수 신디 로퍼 내한 공연"), {"신디 로퍼"})


class MadeInTests(SimpleTestCase):
    def test_a_country_with_cha_glued_on_its_cars_names_the_country(self):
        actors = extract("", "남미 시장 넘보는 중국차 판매 급증")
        self.assertIn("CN", {a.code for a in actors})

    def test_a_country_with_another_noun_glued_on_is_a_different_name(self):
        actors = extract("", "중국차량이 아니라 조선일보가 보도했다")
        self.assertNotIn("KP", {a.code for a in actors})


class ListedGivenNameTests(SimpleTestCase):
    def test_a_list_of_bare_given_names_is_persons_where_the_text_names_people_so(self):
        body = "멤버 키라는 말했다. 오늘 아침에도 채린 소율 하린 유나와 연락을 했다."
        self.assertTrue({"채린", "소율", "하린", "유나"} <= persons(body))

    def test_a_list_of_bare_given_names_alone_names_no_one(self):
        self.assertEqual(persons("오늘 아침에도 채린 소율 하린 유나와 연락을 했다."), set())

    def test_a_list_closed_by_deung_before_an_occupation_is_persons(self):
        body = "멤버 키라는 말했다. 오늘 아침에도 채린 소율 하린 등 인기 코미디언들이 왔다."
        self.assertTrue({"채린", "소율", "하린"} <= persons(body))

    def test_a_list_closed_by_deung_before_another_noun_gives_examples_of_things(self):
        body = "멤버 키라는 말했다. 이날 별소리 뮤직팟 소리샘 등 음원차트 1위를 했다."
        self.assertEqual(persons(body), {"키라"})

    def test_a_list_of_places_the_analyser_knows_is_no_list_of_persons(self):
        body = "멤버 키라는 말했다. 서울 강남 홍대 거리에서 공연했다."
        self.assertFalse({"서울", "강남", "홍대"} & persons(body))


class LoanwordShapeTests(SimpleTestCase):
    def test_a_surname_shaped_loanword_written_twice_is_no_person(self):
        self.assertEqual(persons("마카롱이 새로 나왔다. 마카롱은 인기다."), set())
        self.assertEqual(persons("시크릿 레시피를 공개한다. 시크릿 레시피는 쉽다."), set())

    def test_a_name_of_sino_korean_syllables_written_twice_is_still_a_person(self):
        self.assertIn("서준수", persons("서준수가 새로 나왔다. 서준수는 인기다."))

    def test_a_stage_name_after_an_occupation_may_still_be_a_loanword(self):
        self.assertIn("시크릿", persons("가수 시크릿과 만났다."))


class GluedParticleTests(SimpleTestCase):
    """The analyser may read a name's particle into the name (랩스타와/NNP)."""

    def glued(self, text, form, tag):
        from archive.entities.korean_analysis import Analysis, Morpheme

        start = text.index(form)
        words = [(0, 2), (3, len(text))]
        return Analysis(
            text, words, [Morpheme(0, 2, "리더", "NNG"), Morpheme(start, len(text), form, tag)]
        )

    def test_a_proper_noun_read_with_its_particle_is_judged_alone(self):
        from archive.entities.korean_analysis import one_proper_noun

        analysis = self.glued("리더 블루문과", "블루문과", "NNP")
        self.assertTrue(one_proper_noun(analysis, 3, 6))

    def test_a_common_noun_read_with_its_particle_is_still_no_proper_noun(self):
        from archive.entities.korean_analysis import one_proper_noun

        analysis = self.glued("리더 노래방과", "노래방과", "NNP")
        self.assertFalse(one_proper_noun(analysis, 3, 6))


class OccupationListTests(SimpleTestCase):
    def test_a_name_closing_a_list_after_an_occupation_with_deung_is_a_person(self):
        self.assertIn("서윤", persons("배우 김하준 서윤 등이 출연한다."))

    def test_a_stage_name_after_a_listed_stage_name_and_wa_is_a_person(self):
        self.assertIn("소율", persons("리더 하린과 소율 등 작사 실력을 지닌 멤버"))

    def test_a_place_with_a_particle_after_a_listed_name_is_no_person(self):
        self.assertEqual(persons("배우 김하준 부산으로 향했다"), {"김하준"})
        self.assertEqual(persons("가수 루아 광주를 찾았다"), {"루아"})

    def test_a_word_after_a_list_that_nothing_closes_is_no_person(self):
        self.assertNotIn("하린", persons("배우 김하준 하린 홍콩의 유명 가수도 온다."))


class ForeignNameReadAsOneTests(SimpleTestCase):
    """Two words the analyser reads as one proper noun before a title are one foreign name,
    even when the first looks like a Korean surname and given name."""

    def analysis(self, text, morphemes):
        import re

        from archive.entities.korean_analysis import Analysis, Morpheme

        words = [m.span() for m in re.finditer(r"\S+", text)]
        return Analysis(text, words, [Morpheme(*m) for m in morphemes])

    def test_two_words_read_as_one_proper_noun_before_a_title_are_one_name(self):
        from archive.entities.korean_foreign import foreign_mentions

        text = "이와나 슌타 감독의 영화"
        morphemes = [(0, 6, "이와나 슌타", "NNP"), (7, 9, "감독", "NNG"), (9, 10, "의", "JKG")]
        found = foreign_mentions(self.analysis(text, morphemes), set(), set(), set())
        self.assertEqual([m.text for m, _ in found], ["이와나 슌타"])

    def test_a_korean_name_beside_a_known_word_before_a_title_is_no_foreign_name(self):
        from archive.entities.korean_foreign import foreign_mentions

        text = "이와나 롯데 감독의 영화"
        morphemes = [
            (0, 3, "이와나", "NNP"),
            (4, 6, "롯데", "NNP"),
            (7, 9, "감독", "NNG"),
            (9, 10, "의", "JKG"),
        ]
        found = foreign_mentions(self.analysis(text, morphemes), set(), set(), set())
        self.assertEqual(found, [])


class PartnerTests(SimpleTestCase):
    def test_a_name_joined_by_gwa_to_a_person_as_the_subject_is_a_person(self):
        self.assertIn("마루콘", persons("배우 김하준이 왔다. 이에 마루콘과 김하준은 웃었다."))

    def test_a_common_noun_joined_to_a_person_is_no_person(self):
        self.assertNotIn("사과", persons("배우 김하준이 왔다. 이에 사과와 김하준은 웃었다."))

    def test_a_body_joined_to_a_person_with_a_title_is_no_person(self):
        body = "배우 김하준이 왔다. 이에 마루콘과 김하준 대표는 웃었다."
        self.assertNotIn("마루콘", persons(body))


class ForeignTitleTests(SimpleTestCase):
    def test_a_foreign_name_before_a_ministry_and_an_assistant_ministers_title_is_a_person(self):
        self.assertIn("왕리밍", persons("왕리밍 외교부 부장조리는 회담에 배석했다"))

    def test_the_assistant_ministers_title_alone_names_no_one(self):
        self.assertEqual(persons("중국 외교부 부장조리는 회담에 배석했다"), set())


class OneSyllableListTests(SimpleTestCase):
    """A one-syllable stage name on a list after an occupation, at most MAX_GAP words after
    a person of the list (one other item between), closed by no cue."""

    def test_a_one_syllable_proper_noun_right_after_a_listed_person_is_a_person(self):
        self.assertIn("렌", persons("래퍼 김하준 렌 출연"))

    def test_a_one_syllable_proper_noun_one_item_after_a_listed_person_is_a_person(self):
        self.assertIn("렌", persons("모델 정하람 별무리 렌 나란히 런웨이"))

    def test_a_one_syllable_proper_noun_two_items_after_a_listed_person_is_no_person(self):
        self.assertNotIn("렌", persons("모델 정하람 별무리 하늘빛 렌 나란히 런웨이"))

    def test_a_one_syllable_common_word_or_country_after_a_listed_person_is_no_person(self):
        found = persons("래퍼 김하준 곡 작업 마쳐") | persons("래퍼 김하준 측 입장 발표")
        found |= persons("래퍼 김하준 일 투어 나선다")
        self.assertFalse({"곡", "측", "일"} & found)

    def test_a_one_syllable_proper_noun_on_no_list_is_no_person(self):
        self.assertNotIn("렌", persons("오늘 렌 출연"))


def subjects_of(body):
    return {m.text for m, _ in subject_mentions(analyse(body), set(), set())}


class RecurringSubjectTests(SimpleTestCase):
    """A name with no cue beside it, the recurring subject that the text calls he or she or
    that speaks in the first person singular (the rule alone: other rules may find an
    unknown word written twice)."""

    NOVELIST = (
        "미르가 세 번째 장편소설을 펴냈다. 미르는 이번 책에서 바닷가 마을의 여름을 그렸다. "
        "{} 내년 봄 해외 독자들을 만난다."
    )

    def test_a_recurring_subject_a_later_sentence_calls_she_is_a_person(self):
        self.assertEqual(subjects_of(self.NOVELIST.format("그녀는")), {"미르"})

    def test_a_recurring_subject_speaking_in_the_first_person_is_a_person(self):
        body = (
            "요리 채널을 운영하는 보라77은 구독자 백만 명을 넘겼다. 보라77은 처음엔 내가 "
            "이렇게 오래 할 줄 몰랐다 라며 웃었다."
        )
        self.assertEqual(subjects_of(body), {"보라77"})

    def test_a_recurring_subject_with_no_pronoun_or_first_person_is_no_person(self):
        self.assertEqual(subjects_of(self.NOVELIST.format("미르는")), set())

    def test_a_recurring_subject_called_they_is_no_person(self):
        body = "미르가 두 번째 음반을 냈다. 미르는 넷이 함께 곡을 썼다. 그들은 투어에 나선다."
        self.assertEqual(subjects_of(body), set())

    def test_a_common_noun_with_a_number_is_no_pen_name(self):
        body = "시즌3가 다음 달 시작한다. 시즌3는 열 편이다. 그는 기대된다고 했다."
        self.assertEqual(subjects_of(body), set())
        body = "독감23이 다시 번졌다. 독감23은 겨울마다 돈다. 그는 걱정했다."
        self.assertEqual(subjects_of(body), set())

    def test_a_name_after_aidol_is_one_idol_where_a_pronoun_says_so_and_a_group_otherwise(self):
        body = (
            "아이돌 미르가 다섯 해 만에 돌아왔다. 미르는 새 노래를 직접 썼다. {} 다음 달 "
            "팬들을 만난다. 미르는 무대에 오른다."
        )
        self.assertIn("미르", persons(body.format("그는")))
        self.assertNotIn("미르", persons(body.format("그들은")))

    def test_a_common_noun_after_aidol_is_no_idol(self):
        body = "아이돌 문화가 바뀌었다. 문화는 빠르게 퍼진다. 그는 설명했다. 문화가 중요하다."
        self.assertNotIn("문화", persons(body))

    def test_a_recurring_thing_or_common_noun_for_a_person_is_no_person(self):
        thing = "가방이 화제다. 그는 가방은 내 보물 이라고 말했다. 가방은 비싸다."
        husband = "남편은 집에서 울었다. 그는 웃었다. 남편은 내 인생 이라고 말했다."
        self.assertEqual(subjects_of(thing) | subjects_of(husband), set())

    def test_a_recurring_common_noun_written_after_a_determiner_is_no_person(self):
        body = "이 가방은 올해로 10주년을 맞았다 그는 웃었다 가방은 비싸다 가방이 크다"
        self.assertNotIn("가방", persons(body))

    def test_a_recurring_team_or_plural_is_no_person(self):
        body = "대표팀은 어제 경기에서 이겼다 대표팀은 오늘도 훈련했다 그는 회복했다"
        self.assertEqual(subjects_of(body), set())

    def test_a_long_text_is_read_in_one_pass_with_the_same_result(self):
        filler = "시장은 오늘도 붐볐다. " * 5000
        self.assertEqual(subjects_of(filler + self.NOVELIST.format("그녀는")), {"미르"})


class DigestTests(SimpleTestCase):
    """Bare names in a digest of headlines (the rule alone): a surname + two syllables that
    the analyser reads alone as one proper noun."""

    ITEMS = [
        "남부지방 첫 한파특보",
        "프로야구 관중 역대 최다",
        "반도체 수출 석달째 반등",
        "수도권 전셋값 상승폭 둔화",
        "청년 창업 지원금 두배로",
        "제주 항공편 무더기 결항",
        "규제 완화 약속한 김철수 첫 현장 방문",
        "국산 백신 임상 돌입",
        "도서정가제 개편안 공개",
        "전기차 충전요금 인상 예고",
        "조선업 인력난 심화",
        "충북대 기숙사 신축 착공",
    ]

    def test_a_bare_name_in_a_digest_of_lines_or_bullets_is_a_person(self):
        for joint in ("\n", " ▲ "):
            body = joint.join(["오늘의 주요 기사", *self.ITEMS])
            self.assertEqual(digest_names(body), ["김철수"])

    def test_a_digest_whose_item_breaks_were_lost_is_told_by_its_telegraphic_style(self):
        self.assertEqual(digest_names(" ".join(self.ITEMS * 3)), ["김철수"] * 3)

    def test_prose_is_not_telegraphic(self):
        prose = "의원들은 이날 회의에서 예산안에 대해 길게 발언했다 " * 15
        self.assertEqual(digest_names("규제 완화 약속한 김철수 첫 현장 방문 " + prose), [])

    def test_short_sentences_between_breaks_are_no_digest(self):
        sentences = [
            "지난달 아파트 거래량이 크게 늘었다고 정부가 밝혔다.",
            "전문가들은 금리 인하 기대가 커진 영향으로 본다.",
            "규제 완화를 약속한 김철수 장관은 현장을 찾았다.",
        ]
        for joint in ("  ", "\n"):
            self.assertEqual(digest_names(joint.join(sentences * 4)), [])

    def test_a_bare_place_or_institution_in_a_digest_is_no_person(self):
        self.assertNotIn("충북대", digest_names("\n".join(self.ITEMS)))


def digest_names(body):
    return [m.text for m, _ in digest_mentions(analyse(body), set(), set())]


class AuthorOfWorkTests(SimpleTestCase):
    """A foreign name in the genitive right before a kind of work: the author."""

    def test_a_two_word_foreign_name_before_a_kind_of_work_is_its_author(self):
        found = persons("서점에는 오카다 유키노의 소설 세 권이 나란히 놓였다")
        self.assertIn("오카다 유키노", found)

    def test_one_word_or_common_words_before_a_kind_of_work_are_no_author(self):
        found = persons("모래달의 소설 을 읽었다 그녀는 서울 시내의 연극 모임에 갔다")
        self.assertEqual(found, set())


class GluedTitleTests(SimpleTestCase):
    """A family name with a title glued on names the one person of the text so named."""

    def test_a_family_name_with_a_glued_title_is_the_person_named_in_full(self):
        found = extract("", "김하준 위원장은 회의를 열었다. 김위원장은 예산을 말했다.")
        self.assertEqual([(a.name, a.count) for a in found if a.kind == PERSON], [("김하준", 2)])

    def test_a_family_name_with_a_glued_title_and_no_full_name_is_no_person(self):
        self.assertEqual(persons("김위원장은 예산을 말했다. 박대통령은 웃었다."), set())

    def test_two_persons_of_the_family_name_leave_it_unresolved(self):
        body = "김하준 위원장과 김서윤 의원이 만났다. 김위원장은 웃었다."
        found = extract("", body)
        self.assertEqual({a.count for a in found if a.kind == PERSON}, {1})

    def test_a_family_name_with_a_familiar_title_is_not_read_so(self):
        found = extract("", "김하준 씨는 딸과 왔다. 김양은 웃었다.")
        self.assertEqual([(a.name, a.count) for a in found if a.kind == PERSON], [("김하준", 1)])

    def test_a_title_that_begins_like_a_family_name_is_no_glued_title(self):
        self.assertEqual(persons("이도겸 대표는 말했다. 이사장은 웃었다."), {"이도겸"})


class IntroducedCommonNounSubjectTests(SimpleTestCase):
    """A stage name that is a common word (번개, "lightning"): a recurring subject spoken of
    as one person counts when the text introduces it after an idol or occupation word or an
    appositive noun phrase in the copula (…계의 전설인 X); otherwise it stays a common noun."""

    def test_a_common_word_after_a_generation_and_idol_cue_is_a_stage_name(self):
        body = "2세대 아이돌 번개가 5년 만에 돌아온다 번개는 화보를 찍었다 그는 새 노래를 준비한다"
        self.assertEqual(subjects_of(body), {"번개"})

    def test_a_common_word_after_an_appositive_in_the_copula_is_a_stage_name(self):
        body = "발라드계의 전설인 번개는 새 앨범을 낸다 번개는 무대에 선다 그는 설렌다고 말했다"
        self.assertEqual(subjects_of(body), {"번개"})

    def test_a_common_word_with_no_introduction_stays_a_common_noun(self):
        body = "번개가 도시를 덮쳤다 번개는 밤새 이어졌다 그는 놀랐다"
        self.assertEqual(subjects_of(body), set())

    def test_an_appositive_without_a_genitive_before_it_introduces_nobody(self):
        body = "유명한 전설인 번개는 밤새 이어졌다 번개는 무섭다 그는 놀랐다"
        self.assertEqual(subjects_of(body), set())

    def test_an_idol_word_without_a_generation_introduces_nobody(self):
        body = "아이돌 번개가 5년 만에 돌아온다 번개는 화보를 찍었다 그는 새 노래를 준비한다"
        self.assertEqual(subjects_of(body), set())


class OneSyllableMemberTests(SimpleTestCase):
    """A one-syllable stage name right after a well-known group's name, which the text makes
    the subject again: a member, even where the word is also a common noun (별, "star")."""

    def test_a_one_syllable_subject_after_a_known_group_written_again_is_a_member(self):
        body = "소녀시대 별은 팬들에게 인사를 건넸다 무대를 마친 별은 웃으며 고맙다고 말했다"
        self.assertEqual(persons(body), {"별"})

    def test_a_one_syllable_word_after_a_known_group_written_once_is_no_member(self):
        self.assertEqual(persons("소녀시대 곡은 차트 1위에 올랐다"), set())

    def test_a_dependent_noun_after_a_known_group_is_no_member(self):
        self.assertEqual(persons("소녀시대 측은 입장을 냈다 측은 사과했다"), set())


class CastDescriptionTests(SimpleTestCase):
    """An actor's name right after the character's in a cast description ("<X의> <relation>
    <character> <actor> 까지"), however the analyser splits the name."""

    def test_a_korean_name_after_a_relation_and_a_character_is_the_actor(self):
        body = "여기에 미연의 딸 소라 왕석민 까지 세 가족의 이야기가 펼쳐진다"
        self.assertEqual(persons(body), {"왕석민"})

    def test_a_common_word_after_a_relation_and_a_name_is_no_actor(self):
        self.assertEqual(persons("철수의 아들 민호 결혼식에 갔다"), set())

    def test_a_name_shaped_word_without_the_relation_is_no_actor(self):
        self.assertEqual(persons("여기에 미연의 소라 왕석민 까지 모였다"), set())

    def test_an_adjectival_noun_in_the_copula_introduces_nobody(self):
        body = "그의 기계적인 대답은 웃음을 샀다 대답은 짧았다 그는 내가 긴장했다 라며 웃었다"
        self.assertEqual(subjects_of(body), set())
