"""One actor across scripts: romanization keys, and queries that name an actor find it."""

from django.test import SimpleTestCase
from django.urls import reverse

from archive.search.expansion import Actor, ActorNames
from archive.search.romanization import name_key
from tests.base import IndexedTestCase, actor, document

ENGLISH_BODY = "Kim Jong Un watched a missile launch, state media said."
KOREAN_BODY = "김정은동지께서 미싸일발사를 현지에서 지도하시였다."
FATHER_BODY = "Kim Jong Il visited a factory in 1998."
BARE_BODY = "Kim Jong-un's name alone, with no actor found in it."


class RomanizationKeyTests(SimpleTestCase):
    def assertSameName(self, *names):
        keys = {name: name_key(name) for name in names}
        self.assertEqual(len(set(keys.values())), 1, keys)
        self.assertTrue(all(keys.values()), keys)

    def assertDifferentNames(self, a, b):
        self.assertNotEqual(name_key(a), name_key(b))

    def test_hyphens_and_spacing_of_the_given_name_do_not_matter(self):
        self.assertSameName("Kim Jong-un", "Kim Jong Un", "Kim Jongun", "KIM JONG-UN")

    def test_mccune_reischauer_and_revised_romanization_give_one_key(self):
        self.assertSameName("Kim Chŏng-ŭn", "Gim Jeong-eun", "Kim Jong-un")
        self.assertSameName("Kim Il-sŏng", "Gim Il-seong", "Kim Il-sung")
        self.assertSameName("Ch'oe Ryong-hae", "Choe Ryong-hae", "Choe Ryong Hae")

    def test_hangul_gets_the_key_of_its_romanizations(self):
        self.assertSameName("김정은", "Kim Jong-un")
        self.assertSameName("장성택", "Jang Song-thaek", "Jang Sung-taek")
        self.assertSameName("김 정은", "김정은")

    def test_ri_rhee_lee_yi_are_one_surname(self):
        self.assertSameName(
            "Ri Sol-ju", "Rhee Sol Ju", "Lee Sol-ju", "Yi Sol-ju", "리설주", "이설주"
        )

    def test_pak_park_bak_and_choe_choi_chwe_are_one_surname_each(self):
        self.assertSameName("Pak Pong-ju", "Park Pong Ju", "Bak Bong-ju", "박봉주")
        self.assertSameName("Choe Ryong-hae", "Choi Ryong-hae", "Chwe Ryong-hae", "최룡해")

    def test_the_initial_sound_law_of_surnames_is_folded(self):
        self.assertSameName("Roh Moo-hyun", "No Mu-hyon", "노무현")
        self.assertSameName("Rim Jong-sok", "Lim Jong-seok", "Im Jong-sok", "임종석")

    def test_different_names_keep_different_keys(self):
        self.assertDifferentNames("Kim Jong-un", "Kim Jong-il")
        self.assertDifferentNames("Kim Jong-un", "Kim Yo-jong")
        self.assertDifferentNames("Park Geun-hye", "Park Chung-hee")
        self.assertDifferentNames("Lee Jae-myung", "Kim Jae-myung")
        self.assertDifferentNames("Choe Ryong-hae", "Cho Ryong-hae")
        self.assertDifferentNames("김정은", "김정일")

    def test_one_word_and_other_scripts_have_no_key(self):
        for text in ("Kim", "김", "金正恩", "Trump", ""):
            with self.subTest(text=text):
                self.assertEqual(name_key(text), "")


KIM = Actor(1, "persons", "kim-jong-un")
KCNA = Actor(2, "organizations", "korean-central-news-agency")


class ActorNamesTests(SimpleTestCase):
    names = ActorNames(
        [
            (KIM, "person", "Kim Jong Un"),
            (KIM, "person", "김정은"),
            (KCNA, "organization", "Korean Central News Agency"),
            (KCNA, "organization", "KCNA"),
            (KCNA, "organization", "조선중앙통신"),
        ]
    )

    def test_a_person_is_named_in_any_spelling_and_script(self):
        for text in ("Kim Jong-un", "Kim Jongun", "kim chŏng-ŭn", "김정은"):
            with self.subTest(text=text):
                self.assertEqual(self.names.named(text), [KIM])

    def test_a_hangul_name_with_particles_or_a_title_names_the_person(self):
        self.assertEqual(self.names.named("김정은동지께서"), [KIM])
        self.assertEqual(self.names.named("김정은의"), [KIM])

    def test_an_organization_is_named_by_any_alias_up_to_case_and_particles(self):
        self.assertEqual(self.names.named("kcna"), [KCNA])
        self.assertEqual(self.names.named("조선중앙통신이"), [KCNA])

    def test_other_words_name_nobody(self):
        for text in ("Kim", "Jong Un", "Kim Jong Il", "김정일", "missile", "정은"):
            with self.subTest(text=text):
                self.assertEqual(self.names.named(text), [])


class ActorSearchTests(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        kim = ("person", "Kim Jong Un")
        cls.add(
            document("Leader watches launch", ENGLISH_BODY),
            [actor(*kim, ENGLISH_BODY, aliases=["Kim Jong-un", "김정은"])],
        )
        cls.add(
            document("현지지도", KOREAN_BODY, source="KCNA"),
            [actor(*kim, KOREAN_BODY, surface="김정은")],
        )
        cls.add(
            document("Father visits factory", FATHER_BODY),
            [actor("person", "Kim Jong Il", FATHER_BODY)],
        )
        cls.add(document("Name without actor", BARE_BODY), [])
        cls.index_all()

    def api(self, query):
        response = self.client.get(reverse("archive:api-search") + query)
        self.assertEqual(response.status_code, 200)
        return response.json()

    def titles(self, query):
        return sorted(r["title"] for r in self.api(query)["results"])

    def test_a_hangul_name_finds_the_english_articles_about_the_actor(self):
        self.assertEqual(self.titles("?q=김정은"), ["Leader watches launch", "현지지도"])

    def test_any_romanization_finds_the_korean_articles_about_the_actor(self):
        for q in ("Kim Jong-un", "Kim Jongun", "Kim Chŏng-ŭn", "Gim Jeong-eun"):
            with self.subTest(q=q):
                self.assertIn("현지지도", self.titles(f"?q={q}"))

    def test_the_literal_words_still_match_without_an_actor(self):
        self.assertIn("Name without actor", self.titles("?q=Kim Jong-un"))

    def test_another_name_does_not_bring_the_actor(self):
        self.assertEqual(self.titles("?q=Kim Jong Il"), ["Father visits factory"])

    def test_the_other_words_of_the_query_still_have_to_match(self):
        self.assertEqual(self.titles("?q=김정은 missile"), ["Leader watches launch"])

    def test_literal_searches_the_words_typed_only(self):
        self.assertEqual(self.titles("?q=김정은&literal=1"), ["현지지도"])
        self.assertEqual(self.api("?q=김정은&literal=1")["expansion"]["actors"], [])

    def test_the_api_reports_the_expansion(self):
        expansion = self.api("?q=Kim+Jongun")["expansion"]
        self.assertFalse(expansion["literal"])
        self.assertEqual([a["name"] for a in expansion["actors"]], ["Kim Jong Un"])
        self.assertIn("김정은", expansion["actors"][0]["names"])
        self.assertIn("literal=1", expansion["toggle_url"])

    def test_a_query_naming_nobody_reports_no_expansion(self):
        self.assertIsNone(self.api("?q=missile")["expansion"])

    def test_the_page_shows_the_actor_and_a_link_to_the_literal_words(self):
        page = self.client.get(reverse("archive:search") + "?q=Kim+Jong-un").content.decode()
        self.assertIn("Also matched:", page)
        self.assertIn('href="/actors/person/kim-jong-un/"', page)
        self.assertIn("김정은", page)
        self.assertIn("literal=1", page)

    def test_a_literal_page_links_back_to_the_expanded_search(self):
        page = self.client.get(reverse("archive:search") + "?q=Kim+Jong-un&literal=1")
        self.assertContains(page, "Also match the actors they name")
