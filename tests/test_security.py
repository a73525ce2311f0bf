"""Security: links from data are data, no server paths on pages, secrets, admin, headers."""

from django.test import SimpleTestCase
from django.urls import reverse

from archive.safe_url import safe_url
from archive.templatetags.data_links import origin_name
from tests.base import IndexedTestCase, document, utc

# Every spelling of a script URL the issue found running on click.
SCRIPT_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\r\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "javascript\x00:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "&amp;#106;avascript:alert(1)",
    "JAVASCRIPT&#58;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    " VBScript:msgbox(1)",
    "//evil.example/x",
    "\\\\evil.example/x",
    "/relative/path",
    "evil.example",
    "http:evil",
    "http://",
    "https:///",
    "ftp://example.org/file",
    "",
    None,
    5,
]


class SafeUrlTests(SimpleTestCase):
    def test_no_script_data_or_relative_url_is_safe(self):
        for value in SCRIPT_URLS:
            with self.subTest(value=value):
                self.assertIsNone(safe_url(value))

    def test_http_and_https_urls_are_safe_and_normalised(self):
        cases = {
            "https://example.org/a?b=1&c=2": "https://example.org/a?b=1&c=2",
            "http://example.org/": "http://example.org/",
            "  HTTPS://Example.org/x  ": "https://Example.org/x",
            "ht\ttps://example.org/": "https://example.org/",
            "https://example.org/a?x=1&amp;y=2": "https://example.org/a?x=1&y=2",
            "https://example.org/a?x=1&copy=2": "https://example.org/a?x=1&copy=2",
            "https://example.org/a b": "https://example.org/a%20b",
            "&#104;ttps://example.org/": "https://example.org/",
        }
        for value, expected in cases.items():
            with self.subTest(value=value):
                self.assertEqual(safe_url(value), expected)


class CaptureOriginTests(SimpleTestCase):
    def test_a_file_path_shows_only_its_base_name(self):
        self.assertEqual(origin_name("/srv/peninsula/corpus/html/page.html"), "page.html")

    def test_a_record_in_a_container_keeps_its_record(self):
        self.assertEqual(origin_name("/home/ops/dumps/wire.jsonl#line12"), "wire.jsonl#line12")
        self.assertEqual(origin_name("/data/crawl.warc.gz#1234"), "crawl.warc.gz#1234")
        self.assertEqual(origin_name(r"C:\data\crawl.warc.gz#9"), "crawl.warc.gz#9")

    def test_a_web_address_is_shown_as_it_is(self):
        self.assertEqual(origin_name("https://example.org/a/b"), "https://example.org/a/b")


def body(n):
    return f"Officials met {n} times in Seoul over {n * 7} days.\n\nThey talked about peace {n}."


class LinkWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.evil = [
            cls.add(document(f"Evil link {i}", body(i), url=url, origin=f"/srv/dir/e{i}.jsonl#{i}"))
            for i, url in enumerate(SCRIPT_URLS[:17])
        ]
        cls.good = cls.add(
            document(
                "Good link", body(99), url="https://example.org/story", published=utc(2024, 1, 2)
            )
        )
        cls.index_all()


class DataLinkPageTests(LinkWorld):
    def test_a_script_url_is_shown_as_text_never_as_a_link(self):
        for article in self.evil:
            with self.subTest(url=article.url):
                html = self.client.get(article.get_absolute_url()).content.decode()
                self.assertIn('class="unlinked-url"', html)
                self.assertNotIn("noopener noreferrer nofollow", html)
                self.assertNotRegex(html.lower(), r'href="\s*(javascript|data|vbscript|&)')

    def test_an_http_url_is_a_link(self):
        response = self.client.get(self.good.get_absolute_url())
        self.assertContains(
            response,
            '<a href="https://example.org/story" rel="noopener noreferrer nofollow">'
            "https://example.org/story</a>",
            html=True,
        )

    def test_the_capture_page_shows_no_server_directory(self):
        article = self.evil[3]
        response = self.client.get(reverse("archive:captures", args=[article.pk]))
        self.assertContains(response, "<dd>e3.jsonl#3</dd>", html=True)
        self.assertNotContains(response, "/srv/dir")

    def test_the_api_keeps_the_original_and_exposes_only_a_safe_url(self):
        results = self.client.get(reverse("archive:api-search") + "?q=link").json()["results"]
        by_title = {r["title"]: r for r in results}
        self.assertEqual(by_title["Good link"]["safe_url"], "https://example.org/story")
        self.assertEqual(by_title["Evil link 0"]["source_url"], "javascript:alert(1)")
        self.assertIsNone(by_title["Evil link 0"]["safe_url"])
        self.assertEqual(by_title["Good link"]["url"], self.good.get_absolute_url())
