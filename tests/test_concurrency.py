"""Concurrent writers: two ingests at once store exactly what one after the other would.

Runs real ``manage.py`` processes against a database of their own: SQLite in a temporary
directory, or, when the suite runs on PostgreSQL (``DATABASE_URL``), a fresh database on
the same server.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import SimpleTestCase, TransactionTestCase, override_settings

from archive.ingest import index_writer

BEFORE_UNIQUE, UNIQUE = "0004_refingerprint_near_duplicates", "0006_entity_name_unique_per_kind"
GIVEN = ["Sang-min", "Ji-hoon", "Eun-ji", "Min-seo", "Dong-hyun", "Hye-jin", "Tae-yang"]
FAMILY = ["Ryu", "Baek", "Seo", "Hwang", "Nam", "Yoon", "Jang"]
ORGS = [
    "Harbour Trade Institute",
    "Coastal Energy Council",
    "Northern Rail Authority",
    "Maritime Policy Forum",
    "Highland Water Board",
    "Frontier Grain Agency",
]

SNAPSHOT = r"""
import json, django
django.setup()
from django.db.models import Count
from haystack import connections
from archive.models import Article, Entity, Mention
backend = connections["default"].get_backend()
backend.setup()
indexed = sorted(int(f["django_id"]) for f in backend.index.refresh().searcher().all_stored_fields())
by_pk = dict(Article.objects.values_list("pk", "content_hash"))
print(json.dumps({
    "articles": sorted(by_pk.values()),
    "entities": sorted(Entity.objects.values_list("kind", "name")),
    "duplicates": Entity.objects.values("kind", "name").annotate(n=Count("id"))
        .filter(n__gt=1).count(),
    "mentions": sorted([by_pk[a], k, n, c] for a, k, n, c in Mention.objects.values_list(
        "article_id", "entity__kind", "entity__name", "count")),
    "index_matches_database": indexed == sorted(by_pk),
}))
"""


def story(rng: random.Random, number: int) -> dict:
    people = [f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}" for _ in range(3)]
    org = rng.choice(ORGS)
    text = (
        f"SEOUL, May {number % 28 + 1} - Vice Minister {people[0]} met Ambassador {people[1]} "
        f"of the {org} on Monday, officials said in report number {number}.\n\n"
        f"{people[0]} told reporters that the {org} would open an office in Busan. "
        f"{people[2]} of the {org} said the talks went well.\n"
    )
    return {"title": f"Talks number {number}", "text": text, "url": f"https://ex.test/{number}"}


def write_files(directory: Path) -> tuple[Path, Path]:
    """Two dataset files sharing a third of their records."""
    rng = random.Random(12)
    records = [json.dumps(story(rng, n)) for n in range(90)]
    first, second = directory / "first.jsonl", directory / "second.jsonl"
    first.write_text("\n".join(records[:60]))
    second.write_text("\n".join(records[30:]))
    return first, second


class Archive:
    """A database and index of its own, for manage.py processes."""

    def __init__(self, directory: Path, name: str):
        self.var = directory / name
        self.env = {
            **os.environ,
            "PENINSULA_VAR": str(self.var),
            "DJANGO_SETTINGS_MODULE": "archive.settings",
            "INGEST_READER_PROCESS": "1",
        }
        for variable in ("DATABASE_PATH", "WHOOSH_PATH", "DATABASE_URL"):
            self.env.pop(variable, None)
        self.database = None
        if os.environ.get("DATABASE_URL"):
            self.database = f"peninsula_{name}_{os.getpid()}"
            postgres("CREATE DATABASE " + self.database)
            self.env["DATABASE_URL"] = with_database(os.environ["DATABASE_URL"], self.database)
        self.manage("migrate", "-v0")

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def manage(self, *args: str) -> str:
        out, err = (process := self.start(*args)).communicate(timeout=600)
        assert process.returncode == 0, err[-3000:]
        return out

    def ingest(self, *paths: Path) -> subprocess.Popen:
        return self.start("ingest", "--no-progress", *map(str, paths))

    def snapshot(self) -> dict:
        return json.loads(self.manage("shell", "-c", SNAPSHOT).strip().splitlines()[-1])

    def drop(self):
        if self.database:
            postgres("DROP DATABASE IF EXISTS " + self.database)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def postgres(statement: str) -> None:
    import psycopg

    url = with_database(os.environ["DATABASE_URL"], "postgres")
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


class ConcurrentIngestTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dir = Path(tempfile.mkdtemp(prefix="peninsula-concurrency-"))
        first, second = write_files(cls.dir)
        cls.apart, cls.together = Archive(cls.dir, "apart"), Archive(cls.dir, "together")
        for paths in ((first, second), (second, first)):
            out, err = cls.apart.ingest(*paths).communicate(timeout=600)
        ingests = [cls.together.ingest(first, second), cls.together.ingest(second, first)]
        cls.outputs = [ingest.communicate(timeout=600) for ingest in ingests]
        cls.codes = [ingest.returncode for ingest in ingests]
        cls.expected, cls.found = cls.apart.snapshot(), cls.together.snapshot()

    @classmethod
    def tearDownClass(cls):
        for archive in (cls.apart, cls.together):
            archive.drop()
        shutil.rmtree(cls.dir, ignore_errors=True)
        super().tearDownClass()

    def test_both_ingests_succeed(self):
        self.assertEqual(self.codes, [0, 0], self.outputs)

    def test_no_actor_is_stored_twice(self):
        self.assertEqual(self.found["duplicates"], 0)
        self.assertGreater(len(self.found["entities"]), 20)

    def test_every_article_is_stored_once(self):
        self.assertEqual(len(self.found["articles"]), 90)
        self.assertEqual(self.found["articles"], self.expected["articles"])

    def test_the_rows_are_those_of_one_ingest_after_the_other(self):
        self.assertEqual(self.found["entities"], self.expected["entities"])
        self.assertEqual(self.found["mentions"], self.expected["mentions"])

    def test_the_index_holds_exactly_the_database(self):
        self.assertTrue(self.found["index_matches_database"])
        self.assertTrue(self.expected["index_matches_database"])


class IndexWriterTests(SimpleTestCase):
    def test_a_second_writer_says_it_waits_then_gets_the_lock(self):
        directory = Path(tempfile.mkdtemp(prefix="peninsula-lock-"))
        self.addCleanup(shutil.rmtree, directory, ignore_errors=True)
        connections = {
            "default": {
                **settings.HAYSTACK_CONNECTIONS["default"],
                "PATH": str(directory / "whoosh"),
            }
        }
        messages, order = [], []
        held = threading.Event()

        def first():
            with index_writer.index_writer(messages.append):
                held.set()
                time.sleep(0.5)
                order.append("first done")

        with override_settings(HAYSTACK_CONNECTIONS=connections):
            thread = threading.Thread(target=first)
            thread.start()
            held.wait(5)
            with index_writer.index_writer(messages.append):
                order.append("second in")
            thread.join()
        self.assertEqual(messages, [index_writer.WAITING])
        self.assertEqual(order, ["first done", "second in"])
        self.assertIn("another ingest holds it", index_writer.WAITING)


class EntityMigrationTests(TransactionTestCase):
    """Archives stored before the unique (kind, name) may hold duplicates: they are merged."""

    def migrate(self, target):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("archive", target)])
        return executor.loader.project_state([("archive", target)]).apps

    def tearDown(self):
        # back to the newest migration, not to UNIQUE: later tests need every column
        executor = MigrationExecutor(connection)
        self.migrate(executor.loader.graph.leaf_nodes("archive")[0][1])
        super().tearDown()

    def test_duplicate_entities_are_merged_into_the_oldest_with_their_mentions(self):
        apps = self.migrate(BEFORE_UNIQUE)
        Article, Entity, Alias, Mention, IndexQueue = (
            apps.get_model("archive", m)
            for m in ("Article", "Entity", "Alias", "Mention", "IndexQueue")
        )
        one = Article.objects.create(title="A", body="a", content_hash="a" * 64)
        two = Article.objects.create(title="B", body="b", content_hash="b" * 64)
        kim, copy = (
            Entity.objects.create(kind="person", name="Ryu Sang-min", slug=slug)
            for slug in ("ryu-sang-min", "ryu-sang-min-2")
        )
        Alias.objects.create(entity=copy, name="Vice Minister Ryu", key="vice minister ryu")
        Mention.objects.create(article=one, entity=kim, count=2, spans=[[0, 3]])
        Mention.objects.create(article=one, entity=copy, count=1, spans=[[5, 8]])
        Mention.objects.create(article=two, entity=copy, count=1, spans=[])
        IndexQueue.objects.all().delete()
        apps = self.migrate(UNIQUE)
        Entity, Mention, IndexQueue = (
            apps.get_model("archive", m) for m in ("Entity", "Mention", "IndexQueue")
        )
        [merged] = Entity.objects.filter(name="Ryu Sang-min")
        self.assertEqual(merged.pk, kim.pk)
        self.assertEqual(
            sorted(Mention.objects.filter(entity=merged).values_list("article_id", "count")),
            [(one.pk, 3), (two.pk, 1)],
        )
        self.assertIn("Vice Minister Ryu", merged.aliases.values_list("name", flat=True))
        self.assertEqual(
            set(IndexQueue.objects.values_list("article_id", flat=True)), {one.pk, two.pk}
        )
