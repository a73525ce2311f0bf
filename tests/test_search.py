"""Search, facets, combined filters, the JSON API, and odd queries, on a real Whoosh index."""

import ast
from datetime import datetime, timedelta, timezone
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import SimpleTestCase
from django.urls import reverse

from archive.models import Entity
from tests.base import IndexedTestCase, actor, document, utc

SEOUL_BODY = (
    "South Korean President Moon Jae-in met US Defence Secretary Lloyd Austin on Thursday "
    "and asked for Washington's support for Korea's end-of-war declaration.\n\n"
    "Moon said the UN Command must be consulted."
)
MISSILE_BODY = (
    "Pyongyang, July 14 (KCNA) -- Kim Jong Un watched a ballistic missile launch.\n\n"
    "The United States condemned the missile test."
)
HANGUL_BODY = "정부는 평양에서 열린 회담에 대해 대통령은 말했다."


class SearchWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.seoul = cls.add(
            document(
                "Seoul seeks US support to end Korean War",
                SEOUL_BODY,
                source="Asian Lite News",
                published=utc(2021, 12, 3, 9),
            ),
            [
                actor("person", "Moon Jae-in", SEOUL_BODY),
                actor("person", "Lloyd Austin", SEOUL_BODY),
                actor("country", "South Korea", SEOUL_BODY, "South Korean", "KR"),
                actor("country", "United States", SEOUL_BODY, "US", "US"),
                actor("organization", "United Nations Command", SEOUL_BODY, "UN Command"),
            ],
        )
        cls.missile = cls.add(
            document(
                "North Korea fires ballistic missile",
                MISSILE_BODY,
                source="KCNA",
                published=utc(2024, 7, 14, 3),
            ),
            [
                actor("person", "Kim Jong Un", MISSILE_BODY),
                actor("country", "North Korea", MISSILE_BODY, "Pyongyang", "KP"),
                actor("country", "United States", MISSILE_BODY, "United States", "US"),
            ],
        )
        # 01:00 in Seoul on 1 Aug is 16:00 UTC on 31 Jul: dates are filtered in UTC.
        seoul_time = timezone(timedelta(hours=9))
        cls.hangul = cls.add(
            document(
                "평양 회담",
                HANGUL_BODY,
                source="Yonhap",
                published=datetime(2024, 8, 1, 1, 0, tzinfo=seoul_time),
            ),
            [actor("country", "North Korea", HANGUL_BODY, "평양", "KP")],
        )
        cls.index_all()
        cls.moon = Entity.objects.get(kind="person", name="Moon Jae-in")
        cls.austin = Entity.objects.get(kind="person", name="Lloyd Austin")
        cls.uncmd = Entity.objects.get(kind="organization", name="United Nations Command")

    def api(self, query=""):
        response = self.client.get(reverse("archive:api-search") + query)
        self.assertEqual(response.status_code, 200)
        return response.json()

    def titles(self, query=""):
        return [r["title"] for r in self.api(query)["results"]]


class SearchTests(SearchWorld):
    def test_a_word_finds_the_articles_that_contain_it(self):
        self.assertEqual(self.titles("?q=missile"), ["North Korea fires ballistic missile"])

    def test_the_snippet_highlights_the_matched_words(self):
        snippet = self.api("?q=declaration")["results"][0]["snippet"]
        self.assertIn("<mark>declaration</mark>", snippet)

    def test_an_empty_query_browses_everything_newest_first(self):
        self.assertEqual(
            self.titles(),
            [
                "평양 회담",
                "North Korea fires ballistic missile",
                "Seoul seeks US support to end Korean War",
            ],
        )

    def test_oldest_first_sorting(self):
        self.assertEqual(self.titles("?sort=oldest")[0], "Seoul seeks US support to end Korean War")

    def test_hangul_words_match_inside_longer_words(self):
        self.assertEqual(self.titles("?q=평양"), ["평양 회담"])
        self.assertEqual(self.titles("?q=대통령"), ["평양 회담"])

    def test_a_hangul_word_is_highlighted_whole(self):
        snippet = self.api("?q=대통령")["results"][0]["snippet"]
        self.assertIn("<mark>대통령</mark>은", snippet)

    def test_zero_hits_say_so_and_suggest_a_spelling(self):
        data = self.api("?q=misile")
        self.assertEqual(data["count"], 0)
        self.assertEqual(data["suggestion"], "missile")
        page = self.client.get(reverse("archive:search") + "?q=misile")
        self.assertContains(page, "No articles match")
        self.assertContains(page, "Did you mean")

    def test_suggestions_prefer_the_closest_word_and_leave_others_alone(self):
        self.assertEqual(self.api("?q=balistic+misile")["suggestion"], "ballistic missile")
        self.assertEqual(self.api("?q=Pyongayng")["suggestion"], "pyongyang")  # transposed
        for q in ("서울", "zq", "xylophone"):  # Hangul, too short, nothing close
            with self.subTest(q=q):
                data = self.api(f"?q={q}")
                self.assertEqual(data["count"], 0)
                self.assertIsNone(data["suggestion"])

    def test_a_phrase_must_match_in_order(self):
        self.assertEqual(
            self.titles('?q="ballistic missile"'), ["North Korea fires ballistic missile"]
        )
        self.assertEqual(self.titles('?q="missile ballistic"'), [])

    def test_a_minus_word_excludes(self):
        self.assertEqual(
            self.titles("?q=korea -missile"), ["Seoul seeks US support to end Korean War"]
        )


class FacetTests(SearchWorld):
    def test_filter_by_country_code(self):
        self.assertEqual(len(self.titles("?country=KP")), 2)
        self.assertEqual(len(self.titles("?country=kp")), 2)

    def test_filter_by_person_slug_with_a_hyphenated_name(self):
        self.assertEqual(
            self.titles(f"?person={self.moon.slug}"), ["Seoul seeks US support to end Korean War"]
        )

    def test_filter_by_organization_and_outlet(self):
        self.assertEqual(len(self.titles(f"?org={self.uncmd.slug}")), 1)
        self.assertEqual(self.titles("?source=kcna"), ["North Korea fires ballistic missile"])

    def test_every_selected_value_must_hold(self):
        self.assertEqual(len(self.titles("?country=US&country=KP")), 1)
        self.assertEqual(len(self.titles(f"?person={self.moon.slug}&person={self.austin.slug}")), 1)
        self.assertEqual(self.titles(f"?person={self.moon.slug}&country=KP"), [])

    def test_dates_are_filtered_in_utc(self):
        self.assertEqual(self.titles("?from=2024-07-31&to=2024-07-31"), ["평양 회담"])
        self.assertEqual(self.titles("?from=2024-08-01&to=2024-08-31"), [])
        self.assertEqual(len(self.titles("?from=2024-01-01")), 2)
        self.assertEqual(len(self.titles("?to=2023-12-31")), 1)

    def test_facet_counts_follow_the_hits(self):
        facets = self.api("?country=US")["facets"]
        countries = {f["value"]: f["count"] for f in facets["country"]}
        self.assertEqual(countries, {"US": 2, "KR": 1, "KP": 1})
        self.assertTrue(next(f for f in facets["country"] if f["value"] == "US")["selected"])
        labels = {f["label"] for f in facets["person"]}
        self.assertEqual(labels, {"Moon Jae-in", "Lloyd Austin", "Kim Jong Un"})

    def test_date_facet_gives_years_then_months(self):
        years = {f["value"]: f["count"] for f in self.api()["facets"]["date"]}
        self.assertEqual(years, {"2021": 1, "2024": 2})
        months = {
            f["value"]: f["count"]
            for f in self.api("?from=2024-01-01&to=2024-12-31")["facets"]["date"]
        }
        self.assertEqual(months, {"2024": 2, "2024-07": 2})

    def test_a_selected_value_stays_visible_at_zero_hits(self):
        facets = self.api(f"?q=missile&person={self.moon.slug}")["facets"]
        self.assertEqual(facets["person"][0]["value"], self.moon.slug)
        self.assertEqual(facets["person"][0]["count"], 0)

    def test_active_filters_are_removable_chips(self):
        page = self.client.get(
            reverse("archive:search") + f"?q=korea&person={self.moon.slug}&country=KR"
        )
        self.assertContains(page, 'Moon Jae-in <span aria-hidden="true">×</span>')
        chip_url = "?q=korea&amp;country=KR"
        self.assertContains(page, chip_url)

    def test_the_forms_carry_the_other_filters_and_clear_all_keeps_the_words(self):
        page = self.client.get(
            reverse("archive:search"),
            {"q": "korea war", "country": "KR", "page": 2, "to": "2024-01-01"},
        )
        refine, dates = (form_html(page, name) for name in ("refine", "date-range"))
        self.assertIn('<input type="hidden" name="country" value="KR">', refine)
        self.assertIn('<input type="hidden" name="to" value="2024-01-01">', refine)
        self.assertNotIn('name="page"', refine)
        self.assertIn('<input type="hidden" name="q" value="korea war">', dates)
        self.assertNotIn('type="hidden" name="to"', dates)
        self.assertContains(page, 'href="/search/?q=korea%20war">Clear all</a>')

    def test_the_json_shape(self):
        data = self.api("?q=missile")
        self.assertEqual(
            set(data),
            {"count", "page", "pages", "results", "facets", "suggestion", "expansion", "next"},
        )
        self.assertEqual(
            set(data["results"][0]),
            {"id", "title", "url", "source_url", "safe_url", "published", "source", "snippet"},
        )
        self.assertEqual(data["results"][0]["url"], self.missile.get_absolute_url())
        self.assertEqual(data["results"][0]["published"], "2024-07-14T03:00:00+00:00")
        self.assertEqual(
            set(data["facets"]),
            {"country", "person", "organization", "source", "language", "date"},
        )
        for values in data["facets"].values():
            for value in values:
                self.assertEqual(set(value), {"value", "label", "count", "selected"})


class OddQueryTests(SearchWorld):
    ODD = [
        '"unbalanced',
        'missile"',
        "title:missile",
        "published:[2020 TO 2021]",
        "body:",
        "a" * 10_000,
        "missile\x00launch",
        "\x00",
        "평양에서",
        "((()",
        "*",
        "?",
        "AND OR NOT",
        "-",
        "+",
        "~2",
        "missile^5",
        "C++",
        "it's",
        "😀",
        "\\",
        "%",
        "%00",
        "<script>",
    ]

    def test_odd_queries_never_fail(self):
        for q in self.ODD:
            for name in ("archive:search", "archive:api-search"):
                with self.subTest(q=q[:30], page=name):
                    response = self.client.get(reverse(name), {"q": q})
                    self.assertEqual(response.status_code, 200)

    def test_malformed_parameters_are_ignored_with_a_note(self):
        response = self.client.get(
            reverse("archive:search"),
            {
                "from": "yesterday",
                "page": "-3",
                "sort": "random",
                "person": "a,b;c",
                "country": "Korea, Republic of",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ignored")
        refused = self.client.get(reverse("archive:api-search"), {"country": "Korea, Republic of"})
        self.assertEqual(refused.status_code, 400)  # the API refuses what the page ignores
        self.assertIn("country", refused.json()["error"])

    def test_pages_past_the_end_are_empty_not_errors(self):
        data = self.api("?page=40")
        self.assertEqual(data["results"], [])
        self.assertEqual(data["count"], 3)


class LargeBatchIndexTests(IndexedTestCase):
    def test_a_batch_naming_thousands_of_entities_is_indexed(self):
        body = " ".join(f"Person{i} Name{i} spoke." for i in range(1200))
        persons = [actor("person", f"Person{i} Name{i}", body) for i in range(1200)]
        for i in range(3):
            self.add(document(f"Crowd {i}", f"{body} Edition {i}."), persons[i * 400 :])
        self.index_all()
        response = self.client.get("/api/search/", {"person": "person1199-name1199"})
        self.assertEqual(response.json()["count"], 3)


class BenchSearchTests(SearchWorld):
    def test_bench_search_times_every_query_on_a_tiny_archive(self):
        out = StringIO()
        call_command("bench_search", repeat=2, stdout=out)
        lines = out.getvalue().splitlines()
        self.assertEqual(lines[0], "3 articles in the database")
        self.assertIn("first search", lines[1])
        hits = {line[:55].strip(): int(line[55:].split()[0]) for line in lines[2:]}
        self.assertEqual(hits["(browse all)"], 3)
        self.assertEqual(hits["q=missile"], 1)
        self.assertEqual([n for q, n in hits.items() if q.startswith("person=")], [1])
        self.assertEqual(hits["q=평양"], 1)
        self.assertEqual(hits["q=misile"], 0)


def archive_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.startswith("archive")}


def form_html(page, css_class: str) -> str:
    """The ``<form class="css_class">`` of a page, up to its end."""
    html = page.content.decode()
    start = html.index(f'<form method="get" class="{css_class}"')
    return html[start : html.index("</form>", start)]


class SearchLayerTests(SimpleTestCase):
    ARCHIVE = Path(settings.BASE_DIR) / "archive"

    def test_only_the_search_package_imports_the_backend(self):
        for path in self.ARCHIVE.rglob("*.py"):
            if "search" not in path.relative_to(self.ARCHIVE).parts[:1]:
                with self.subTest(path=str(path)):
                    self.assertNotIn("archive.search.backend", archive_imports(path))

    def test_the_search_package_imports_nothing_above_it_but_the_models(self):
        # signals: the queue, over the models; safe_url and romanization: leaves (standard
        # library only)
        allowed = {"archive.models", "archive.signals", "archive.safe_url", "archive.romanization"}
        for path in (self.ARCHIVE / "search").glob("*.py"):
            outside = {
                name for name in archive_imports(path) if not name.startswith("archive.search")
            }
            with self.subTest(path=path.name):
                self.assertLessEqual(outside, allowed)


class TestIndexHelperTests(SimpleTestCase):
    def test_tests_empty_the_index_only_through_the_one_helper(self):
        tests = Path(settings.BASE_DIR) / "tests"
        call = "get_backend()" + ".clear()"  # split, so that this file does not hold it
        callers = [
            path.relative_to(tests).as_posix()
            for path in sorted(tests.rglob("*.py"))
            if call in path.read_text()
        ]
        self.assertEqual(callers, ["base.py"])
