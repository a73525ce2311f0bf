"""The rate limit fit for a public deployment: counted in a cache every worker shares, one
count per limit, configurable, 429 JSON with Retry-After."""

import tempfile

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse

from archive import settings as project_settings
from archive.ratelimit import over_limit, parse_rate


class RateLimitTests(TestCase):
    def setUp(self):
        caches["ratelimit"].clear()

    def statuses(self, url, n, **extra):
        return [self.client.get(url, **extra).status_code for _ in range(n)]

    @override_settings(API_RATE_LIMIT="2/m", EXPORT_RATE_LIMIT="1/m")
    def test_the_api_and_the_exports_are_counted_apart(self):
        self.assertEqual(self.statuses(reverse("archive:api-actors"), 3), [200, 200, 429])
        self.assertEqual(self.statuses(reverse("archive:export-csv"), 2), [200, 429])

    @override_settings(EXPORT_RATE_LIMIT="1/h")
    def test_over_the_limit_is_a_json_429_with_the_wait(self):
        self.client.get(reverse("archive:network-graphml"))
        response = self.client.get(reverse("archive:network-graphml"))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response.json(), {"error": "Too many requests: slow down."})
        self.assertTrue(0 < int(response["Retry-After"]) <= 3600)

    @override_settings(API_RATE_LIMIT="")
    def test_an_empty_limit_switches_it_off(self):
        self.assertEqual(set(self.statuses(reverse("archive:api-actors"), 5)), {200})

    @override_settings(
        API_RATE_LIMIT="1/m", SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
    )
    def test_behind_a_proxy_the_client_is_the_address_the_proxy_appended(self):
        url = reverse("archive:api-actors")
        first = self.statuses(url, 2, HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.1")
        other = self.statuses(url, 1, HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.2")
        self.assertEqual((first, other), ([200, 429], [200]))


class SharedCountTests(SimpleTestCase):
    def test_two_workers_on_one_file_cache_share_one_count(self):
        with tempfile.TemporaryDirectory() as directory:
            workers = [FileBasedCache(directory, {}), FileBasedCache(directory, {})]
            waits = [over_limit("API", "1.2.3.4", (3, 60), workers[n % 2]) for n in range(4)]
        self.assertEqual(waits[:3], [0, 0, 0])
        self.assertGreater(waits[3], 0)


class RateLimitSettingsTests(SimpleTestCase):
    def test_the_default_store_is_a_file_cache_every_worker_shares(self):
        self.assertIn("FileBasedCache", project_settings.CACHES["ratelimit"]["BACKEND"])
        self.assertTrue(project_settings.CACHES["ratelimit"]["LOCATION"])

    def test_the_store_can_be_the_database_and_nothing_unknown(self):
        self.assertIn("DatabaseCache", project_settings.rate_limit_store("database")["BACKEND"])
        with self.assertRaises(ImproperlyConfigured):
            project_settings.rate_limit_store("redis-ish")

    def test_a_malformed_rate_is_refused(self):
        self.assertEqual(parse_rate("100/h"), (100, 3600))
        for bad in ("60", "0/m", "x/m", "60/d"):
            with self.subTest(bad), self.assertRaises(ImproperlyConfigured):
                parse_rate(bad)
