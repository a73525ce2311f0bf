"""Security: links from data are data, no server paths on pages, secrets, admin, headers."""

import io
import re
import secrets
import stat
import tempfile
from datetime import timedelta
from pathlib import Path

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import F
from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings
from django.urls import reverse

from archive.middleware import forwarded_client_ip
from archive.models import Article, Capture
from archive.safe_url import safe_url
from archive.templatetags.data_links import origin_name
from tests.base import IndexedTestCase, document, utc
from tests.e2e.hostile_corpus import hostile_corpus
from tests.test_settings import load_settings

# Every spelling of a script URL that a browser runs on click.
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


# The strings among them (PostgreSQL stores no NUL character: that one is checked above only).
STORABLE_SCRIPT_URLS = [u for u in SCRIPT_URLS if isinstance(u, str) and u and "\x00" not in u]


def body(n):
    return f"Officials met {n} times in Seoul over {n * 7} days.\n\nThey talked about peace {n}."


class LinkWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.evil = [
            cls.add(document(f"Evil link {i}", body(i), url=url, origin=f"/srv/dir/e{i}.jsonl#{i}"))
            for i, url in enumerate(STORABLE_SCRIPT_URLS[:16])
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


class SecretKeyTests(SimpleTestCase):
    def key_in(self, var_dir):
        done = load_settings(
            PENINSULA_VAR=str(var_dir), code="import archive.settings as s; print(s.SECRET_KEY)"
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout.strip()

    def test_a_local_run_makes_its_own_private_key_and_reuses_it(self):
        with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as other:
            first = self.key_in(one)
            self.assertGreaterEqual(len(first), 50)
            self.assertEqual(stat.S_IMODE((Path(one) / "secret_key").stat().st_mode), 0o600)
            self.assertEqual(self.key_in(one), first)
            self.assertNotEqual(self.key_in(other), first)

    def test_production_settings_pass_the_deployment_check_without_warnings(self):
        done = load_settings(
            PENINSULA_ENV="production",
            SECRET_KEY=secrets.token_urlsafe(50),
            code="import sys; from django.core.management import execute_from_command_line; "
            "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
            DJANGO_SETTINGS_MODULE="archive.settings",
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("no issues", done.stdout)


class HeaderTests(LinkWorld):
    def test_every_page_has_a_strict_content_security_policy(self):
        article = self.good
        for url in [
            reverse("archive:home"),
            reverse("archive:search") + "?q=link",
            reverse("archive:api-search") + "?q=link",
            article.get_absolute_url(),
            reverse("archive:captures", args=[article.pk]),
            reverse("archive:actors"),
            "/no/such/page/",
            reverse("admin:login"),
        ]:
            with self.subTest(url=url):
                policy = self.client.get(url)["Content-Security-Policy"]
                self.assertIn("default-src 'self'", policy)
                self.assertIn("script-src 'self';", policy)
                self.assertNotIn("unsafe-inline", policy)
                self.assertEqual(self.client.get(url)["X-Frame-Options"], "DENY")

    def test_the_raw_capture_keeps_its_sandbox(self):
        capture = self.good.captures.get()
        response = self.client.get(capture.get_absolute_url())
        self.assertEqual(response["Content-Security-Policy"], "sandbox; default-src 'none'")

    def test_no_page_has_inline_script_or_style_attributes(self):
        for url in [reverse("archive:home"), self.good.get_absolute_url()]:
            html = self.client.get(url).content.decode()
            self.assertNotRegex(html, r"(?i)<script(?![^>]*\bsrc=)|\sstyle=|\son\w+=")


@override_settings(AXES_FAILURE_LIMIT=3)
class AdminLoginLimitTests(TestCase):
    def test_behind_a_proxy_the_client_is_the_address_the_proxy_appended(self):
        request = RequestFactory().get(
            "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.1"
        )
        self.assertEqual(forwarded_client_ip(request), "203.0.113.7")
        self.assertEqual(forwarded_client_ip(RequestFactory().get("/")), "127.0.0.1")

    def log_in(self, password):
        return self.client.post(
            reverse("admin:login"),
            {"username": "curator", "password": password, "next": "/admin/"},
        )

    def setUp(self):
        User.objects.create_superuser("curator", "c@example.org", "right-password")

    def test_the_right_password_works_before_any_failure(self):
        self.assertRedirects(
            self.log_in("right-password"), "/admin/", fetch_redirect_response=False
        )

    def test_after_the_limit_even_the_right_password_is_refused(self):
        statuses = [self.log_in("wrong").status_code for _ in range(3)]
        self.assertEqual(statuses, [200, 200, 429])  # the form again twice, then locked out
        response = self.log_in("right-password")
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_the_lockout_ends_after_the_cool_off(self):
        for _ in range(3):
            self.log_in("wrong")
        self.assertEqual(self.log_in("right-password").status_code, 429)
        # Move the failures back past the cool-off instead of waiting for it.
        cool_off = settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
        AccessAttempt.objects.update(attempt_time=F("attempt_time") - cool_off)
        self.assertEqual(self.log_in("right-password").status_code, 302)


# A real tag the payloads would make (the bar charts' own <svg class="bar"> aside), or an event
# handler attribute inside any tag. Escaped text ("&lt;svg onload=") cannot match: it has no "<".
# The page's own drawings (time chart, actor network) are the only SVG allowed.
MARKUP_FROM_DATA = re.compile(
    r"(?i)<(script|img)\b|<svg\b(?! class=\"(?:chart|network)\")|<[^<>]*\son\w+="
)


class HostileCorpusTests(IndexedTestCase):
    """The browser check's corpus, through every reader, checked on the server side too."""

    @classmethod
    def setUpTestData(cls):
        with (
            tempfile.TemporaryDirectory() as directory,
            override_settings(INGEST_READER_PROCESS=False),
        ):
            corpus = hostile_corpus(Path(directory) / "hostile")
            call_command("ingest", str(corpus), "--no-progress", stdout=io.StringIO())

    def test_every_reader_stored_its_hostile_documents(self):
        origins = [c.origin for c in Capture.objects.all()]
        for kind in (".html", ".jsonl#", ".txt", ".warc.gz#"):
            with self.subTest(kind=kind):
                self.assertTrue(any(kind in origin for origin in origins), origins)

    def test_no_page_has_markup_from_data_or_a_link_that_is_not_http(self):
        pages = [reverse("archive:home"), reverse("archive:search") + "?q=officials"]
        for article in Article.objects.all():
            pages += [article.get_absolute_url(), reverse("archive:captures", args=[article.pk])]
        for url in pages:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                markup = MARKUP_FROM_DATA.search(html)
                self.assertIsNone(markup, markup and html[markup.start() - 80 : markup.end() + 80])
                for href in re.findall(r'href="([^"]*)"', html):
                    self.assertRegex(href, r"^(/(?!/)|\?|https?://)")

    def test_the_admin_shows_hostile_urls_as_text(self):
        self.client.force_login(User.objects.create_superuser("curator", "c@example.org", "pw"))
        listed = self.client.get(reverse("admin:archive_articleurl_changelist"))
        self.assertContains(listed, "vbscript:msgbox(1)")  # stored as it came, shown as text
        pages = [reverse("admin:archive_articleurl_changelist")]
        pages += [
            reverse("admin:archive_article_change", args=[a.pk]) for a in Article.objects.all()
        ]
        for url in pages:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                for href in re.findall(r'href="([^"]*)"', html):
                    self.assertRegex(href, r"^(/(?!/)|\?|#|https?://)")
