"""python manage.py fuzz --requests 10000 --seed S — hostile GET parameters on every route.

Requests go in-process through Django's test client to the configured archive (read only:
GET pages never write). Every 5xx is counted; the first few failing URLs are printed; the
exit status is 1 if there was any.
"""

import random
import string
from collections import Counter
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings

from archive.models import Article, Entity

KNOWN_ROWS = 500  # real article ids and actors the fuzzer picks from
PROGRESS_EVERY = 1000  # requests between progress lines
SHOWN_URL_CHARS = 300  # a failing URL is printed cut to this length
PARAMS = (
    "q",
    "country",
    "person",
    "org",
    "source",
    "from",
    "to",
    "sort",
    "page",
    "kind",
    "cursor",
    "limit",
)
HOSTILE = (
    "",
    " ",
    "\x00",
    "NOT NOT kim",
    "AND OR NOT",
    "NOT",
    '"unbalanced',
    'a"b"c',
    "((()",
    ")",
    "*",
    "?",
    "~2",
    "kim~",
    "^5",
    "title:missile",
    "published:[2020 TO 2021]",
    "[a TO b]",
    "+-+-",
    "-",
    "😀",
    "평양에서",
    "대통령은 김정은",
    "\u202e\u200b",
    "%00",
    "%",
    "\\",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "-1",
    "0",
    "1e309",
    "9" * 40,
    "NaN",
    "inf",
    "9999-12-31",
    "0999-01-01",
    "0000-00-00",
    "2021-02-30",
    "2024-13-01",
    "1900-01-01",
    "2100-12-31",
    "2024-01-01T00:00",
    "KP",
    "kp",
    "Korea, Republic of",
    "a,b;c",
    "..",
    "../../etc/passwd",
    "newest",
    "oldest",
    "relevance",
    "person",
    "country",
    "organization",
    "x" * 600,
    "a" * 10_000,
    # cursors: broken base64, JSON of the wrong shape, a forged key
    "eyJ2IjogMX0",
    "W10",
    "eyJ2IjoxLCJzIjoieCIsIm8iOiJuZXdlc3QiLCJrIjpbMCwxLDJdLCJnIjoiIn0",
    "eyJ2IjoxLCJzIjoieCIsIm8iOiJyZWxldmFuY2UiLCJrIjpbMWUzMDksMV0sImciOiIifQ",
    "====",
)
ALPHABETS = (
    string.printable,
    "".join(map(chr, range(32))),  # control characters, NUL included
    "".join(map(chr, range(0xAC00, 0xAC00 + 200))),  # Hangul
    "가나다라 김정은 평양 대통령 KCNA 조선",
    "😀🇰🇵🇰🇷\u0301\u200d\ufeff\u2028",
    string.ascii_lowercase,
)


class Fuzzer:
    """Seeded random hostile URLs over the archive's routes."""

    def __init__(self, seed: int):
        self.rnd = random.Random(seed)
        self.article_ids = list(Article.objects.values_list("pk", flat=True)[:KNOWN_ROWS]) or [1]
        self.actors = list(Entity.objects.values_list("kind", "slug")[:KNOWN_ROWS]) or [
            ("person", "x")
        ]

    def text(self) -> str:
        rnd = self.rnd
        roll = rnd.random()
        if roll < 0.35:
            return rnd.choice(HOSTILE)
        if roll < 0.55:
            alphabet = rnd.choice(ALPHABETS)
            return "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        if roll < 0.7:  # made-up long words
            return " ".join(self.word(rnd.randint(15, 40)) for _ in range(rnd.randint(1, 8)))
        if roll < 0.8:  # query syntax
            parts = [rnd.choice(("NOT", "AND", "OR", "-", "+", '"', "(", ")", "*")) for _ in "ab"]
            return " ".join([*parts, self.word(rnd.randint(1, 9)), *parts])
        if roll < 0.9:
            return f"{rnd.randint(0, 9999):04d}-{rnd.randint(0, 13):02d}-{rnd.randint(0, 32):02d}"
        return str(rnd.choice((-1, 1)) * rnd.randint(0, 10 ** rnd.randint(1, 30)))

    def word(self, n: int) -> str:
        return "".join(self.rnd.choice(string.ascii_lowercase) for _ in range(n))

    def query(self) -> str:
        pairs = []
        for name in self.rnd.sample(PARAMS, self.rnd.randint(0, len(PARAMS))):
            pairs += [(name, self.text()) for _ in range(self.rnd.choice((1, 1, 1, 2, 3)))]
        return urlencode(pairs)

    def path(self) -> str:
        rnd = self.rnd
        pk = rnd.choice(self.article_ids + [0, 10**6, 2**63, 10**25])
        kind, slug = rnd.choice(self.actors)
        if rnd.random() < 0.3:
            kind, slug = rnd.choice(("person", "country", "x", "organization")), self.slug()
        return rnd.choice(
            (
                "/",
                "/search/",
                "/search/",
                "/api/search/",
                "/api/search/",
                "/api/articles/",
                "/api/actors/",
                f"/api/articles/{pk}/",
                f"/api/actors/{quote(kind)}/{slug}/",
                "/search/export.csv",
                "/search/export.jsonl",
                "/search/network.svg",
                "/search/network.graphml",
                "/search/feed/",
                f"/actors/{quote(kind)}/{slug}/feed/",
                "/actors/",
                f"/actors/{quote(kind)}/{slug}/",
                f"/articles/{pk}/",
                f"/articles/{pk}/source/",
            )
        )

    def slug(self) -> str:
        alphabet = string.ascii_letters + string.digits + "-_"
        return "".join(self.rnd.choice(alphabet) for _ in range(self.rnd.randint(1, 80)))

    def url(self) -> str:
        return f"{self.path()}?{self.query()}"


def host() -> str:
    named = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")]
    return named[0] if named else "localhost"


class Command(BaseCommand):
    help = "Send seeded hostile GET parameters to every route in-process; exit 1 on any 5xx."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=12)
        parser.add_argument("--show", type=int, default=5, help="failing URLs to print")

    @override_settings(API_RATE_LIMIT="", EXPORT_RATE_LIMIT="")  # every request is looked at
    def handle(self, **options):
        fuzzer = Fuzzer(options["seed"])
        client = Client(raise_request_exception=False, HTTP_HOST=host())
        statuses, failures = Counter(), []
        for n in range(1, options["requests"] + 1):
            url = fuzzer.url()
            status = client.get(url).status_code
            statuses[status] += 1
            if status >= 500:
                failures.append(url)
            if n % PROGRESS_EVERY == 0:
                self.stdout.write(f"{n} requests, {len(failures)} × 5xx")
        self.stdout.write(
            "status counts: " + ", ".join(f"{s}: {c}" for s, c in sorted(statuses.items()))
        )
        self.stdout.write(
            f"{len(failures)} × 5xx in {options['requests']} requests (seed {options['seed']})"
        )
        for url in failures[: options["show"]]:
            self.stdout.write(f"  {url[:SHOWN_URL_CHARS]}")
        if failures:
            raise CommandError(f"{len(failures)} requests answered 5xx")
