"""The ingest command end to end: seeds, idempotence, bad input, dry run, duplicates."""

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.test import TransactionTestCase, override_settings
from tqdm import tqdm

from archive.entities.pipeline import extract
from archive.ingest import index_writer
from archive.models import Article, ArticleURL, Capture, Entity, IndexQueue, Source
from tests.base import TRILATERAL_TALKS_PERSONS, clear_index

SEEDS = Path(settings.BASE_DIR) / "seeds"
MOON_SEED = "000_2df2ae82ccda354f.txt"
DIPLOMATS_SEED = "003_70be1ee6b39d7070.txt"


def api(client, query=""):
    return client.get("/api/search/" + query).json()


class IngestCase(TransactionTestCase):
    def setUp(self):
        clear_index()
        self.dir = Path(tempfile.mkdtemp(prefix="peninsula-ingest-"))
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def ingest(self, *paths, expect_exit=None):
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command("ingest", *map(str, paths), "--no-progress", stdout=out, stderr=err)
            code = 0
        except SystemExit as exit_:
            code = exit_.code
        if expect_exit is not None:
            self.assertEqual(code, expect_exit, out.getvalue() + err.getvalue())
        return out.getvalue(), err.getvalue()

    def write(self, name, data: bytes) -> Path:
        path = self.dir / name
        path.write_bytes(data)
        return path


class SeedIngestTests(IngestCase):
    def test_the_seeds_ingest_with_their_metadata(self):
        out, _ = self.ingest(SEEDS, expect_exit=0)
        self.assertIn("2 new, 0 unchanged, 0 failed", out)
        moon = Article.objects.get(
            title="Seoul seeks US support to declare formal end to Korean War"
        )
        self.assertEqual(moon.source.name, "Asian Lite News")
        self.assertEqual(moon.published.date().isoformat(), "2021-12-03")
        self.assertTrue(moon.body.startswith("South Korean President Moon Jae-in met US Defence"))
        self.assertTrue(moon.body.rstrip().endswith("to respond to various wartime scenarios."))
        for furniture in (
            "ALSO READ",
            "Previous Story",
            "Next Story",
            "Latest from",
            "Don't Miss",
            "Go to",
            "Luxon",
            "Putin",
        ):
            self.assertNotIn(furniture, moon.body)
        diplomats = Article.objects.get(source__name="Iran Press TV")
        self.assertEqual(diplomats.published.date().isoformat(), "2021-09-23")
        self.assertTrue(diplomats.body.startswith("Senior diplomats from the United States"))
        self.assertTrue(diplomats.body.rstrip().endswith("a rehearsal for an invasion."))
        for furniture in ("UNITED24", "mailing list", "Weapons of Mass Destruction"):
            self.assertNotIn(furniture, diplomats.body)

    def test_the_original_capture_is_kept_byte_for_byte(self):
        self.ingest(SEEDS / MOON_SEED, expect_exit=0)
        capture = Capture.objects.get()
        self.assertEqual(bytes(capture.content), (SEEDS / MOON_SEED).read_bytes())
        self.assertIn(MOON_SEED, capture.origin)

    def test_each_seed_shows_its_real_actors(self):
        self.ingest(SEEDS, expect_exit=0)
        moon = Article.objects.get(source__name="Asian Lite News")
        persons = set(
            moon.mentions.filter(entity__kind="person").values_list("entity__name", flat=True)
        )
        self.assertEqual(persons, {"Moon Jae-in", "Lloyd Austin", "Suh Wook", "Park Kyung-mee"})
        codes = set(
            moon.mentions.filter(entity__kind="country").values_list("entity__code", flat=True)
        )
        self.assertEqual(codes, {"KR", "KP", "US", "CN"})
        orgs = {
            n.lower()
            for n in moon.mentions.filter(entity__kind="organization").values_list(
                "entity__name", flat=True
            )
        }
        self.assertTrue(any("yonhap" in o for o in orgs), orgs)
        self.assertTrue(any("command" in o for o in orgs), orgs)
        diplomats = Article.objects.get(source__name="Iran Press TV")
        persons = set(
            diplomats.mentions.filter(entity__kind="person").values_list("entity__name", flat=True)
        )
        for name in TRILATERAL_TALKS_PERSONS:
            self.assertIn(name, persons)
        self.assertNotIn("Vladimir Putin", persons)

    def test_stored_actors_are_those_the_file_gazetteer_extracts(self):
        # Ingest matches with the gazetteer as loaded into the database; it must keep every
        # surface form ("U.N. Command" and "UN Command") and so find exactly the same actors.
        self.ingest(SEEDS, expect_exit=0)
        for article in Article.objects.all():
            expected = {
                (a.kind, a.code or a.name, tuple(sorted(map(tuple, a.spans))))
                for a in extract(article.title, article.body)
            }
            stored = {
                (m.entity.kind, m.entity.code or m.entity.name, tuple(sorted(map(tuple, m.spans))))
                for m in article.mentions.select_related("entity")
            }
            self.assertEqual(stored, expected, article.title)
        self.assertFalse(Entity.objects.filter(name__startswith="US-led").exists())

    def test_one_person_is_one_entity_across_both_seeds(self):
        self.ingest(SEEDS, expect_exit=0)
        moon = Entity.objects.get(kind="person", name="Moon Jae-in")
        self.assertEqual(moon.mentions.count(), 2)
        data = api(self.client, f"?person={moon.slug}")
        self.assertEqual(data["count"], 2)

    def test_running_it_twice_changes_nothing(self):
        self.ingest(SEEDS, expect_exit=0)
        before = (Article.objects.count(), Capture.objects.count(), Entity.objects.count())
        out, _ = self.ingest(SEEDS, expect_exit=0)
        self.assertIn("0 new, 2 unchanged, 0 failed", out)
        self.assertEqual(
            before, (Article.objects.count(), Capture.objects.count(), Entity.objects.count())
        )
        self.assertFalse(IndexQueue.objects.exists())

    def test_reading_inline_stores_the_same_as_the_reader_process(self):
        def snapshot():
            return sorted(
                (
                    a.title,
                    a.source.name,
                    a.published,
                    tuple(
                        sorted(
                            (m.entity.name, m.count, tuple(map(tuple, m.spans)))
                            for m in a.mentions.select_related("entity")
                        )
                    ),
                )
                for a in Article.objects.select_related("source")
            )

        self.ingest(SEEDS, expect_exit=0)
        with_reader = snapshot()
        call_command("flush", "--noinput", verbosity=0)
        with override_settings(INGEST_READER_PROCESS=False):
            out, _ = self.ingest(SEEDS, expect_exit=0)
        self.assertIn("2 new, 0 unchanged, 0 failed", out)
        self.assertEqual(snapshot(), with_reader)

    def test_a_reader_process_that_dies_is_reported_as_a_failure(self):
        def die(*args):
            os._exit(3)

        with mock.patch("archive.ingest.pipeline._reader", die):
            _, err = self.ingest(SEEDS, expect_exit=1)
        self.assertIn("FAILED (reader process): died with exit code 3", err)

    def test_reextract_applies_curation_to_database_and_index_once(self):
        self.ingest(SEEDS, expect_exit=0)
        curated = Entity.objects.create(
            kind="organization", name="Korean War", slug="korean-war", origin="curated"
        )
        curated.add_aliases(["Korean War"])
        out = io.StringIO()
        call_command("reextract", "--no-progress", stdout=out)
        self.assertIn("2 articles checked, 2 changed", out.getvalue())
        self.assertEqual(api(self.client, "?org=korean-war")["count"], 2)
        out = io.StringIO()
        call_command("reextract", "--no-progress", stdout=out)
        self.assertIn("2 articles checked, 0 changed", out.getvalue())
        self.assertIn("index: 0 updated, 0 removed", out.getvalue())

    def test_reextract_waits_for_the_index_writer_that_another_process_holds(self):
        self.ingest(SEEDS, expect_exit=0)
        held, told, order = threading.Event(), threading.Event(), []

        class Err(io.StringIO):
            def write(self, text):
                told.set()
                return super().write(text)

        def other_writer():
            with index_writer.index_writer(lambda message: None):
                held.set()
                told.wait(60)  # until reextract says that it waits (or a minute)
                order.append("other writer done")

        thread = threading.Thread(target=other_writer)
        thread.start()
        held.wait(5)
        err = Err()
        with mock.patch(
            "archive.management.commands.reextract.sync_index",
            side_effect=lambda: order.append("reextract indexes") or (0, 0),
        ):
            call_command("reextract", "--no-progress", stdout=io.StringIO(), stderr=err)
        thread.join()
        self.assertIn(index_writer.WAITING, err.getvalue())
        self.assertEqual(order, ["other writer done", "reextract indexes"])

    def test_a_terminal_gets_a_progress_bar_and_the_summary(self):
        class Terminal(io.StringIO):
            def isatty(self):
                return True

        terminal, out = Terminal(), io.StringIO()
        with mock.patch("sys.stderr", terminal):
            call_command("ingest", str(SEEDS), stdout=out, stderr=terminal)
        bar = terminal.getvalue()
        size = sum(p.stat().st_size for p in SEEDS.iterdir() if p.suffix == ".txt")
        self.assertIn("100%", bar)  # the total is the input's size, so the bar ends full
        total = tqdm.format_sizeof(size, divisor=1024)
        self.assertIn(f"{total}/{total}", bar)
        self.assertIn("2 docs, 0 failed", bar)
        self.assertIn("2 new, 0 unchanged, 0 failed", out.getvalue())

    def test_a_closed_output_pipe_ends_the_dry_run_quietly(self):
        script = (
            "import subprocess, sys\n"
            "p = subprocess.Popen([sys.executable, 'manage.py', 'ingest', '--dry-run', '--json',"
            " 'seeds/'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
            "p.stdout.close()\n"
            "sys.stdout.write(p.stderr.read().decode())\n"
            "sys.exit(p.wait())\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=settings.BASE_DIR, capture_output=True, text=True
        )
        self.assertEqual(done.returncode, 1)
        self.assertNotIn("Traceback", done.stdout)

    def test_a_lost_index_is_rebuilt_by_the_next_ingest(self):
        self.ingest(SEEDS, expect_exit=0)
        clear_index()
        self.assertEqual(api(self.client, "?country=KP")["count"], 0)
        out, _ = self.ingest(SEEDS, expect_exit=0)
        self.assertIn("index: out of step with the database; rebuilt with 2 articles", out)
        self.assertEqual(api(self.client, "?country=KP")["count"], 2)

    def test_the_index_learns_of_ingested_articles(self):
        self.ingest(SEEDS, expect_exit=0)
        self.assertEqual(api(self.client, "?q=denuclearization")["count"], 1)
        self.assertEqual(api(self.client, "?country=KP")["count"], 2)


class BadInputTests(IngestCase):
    def bad_files(self):
        gz = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + os.urandom(4000))
        return {
            "binary.txt": os.urandom(2048),
            "empty.txt": b"",
            "truncated.warc.gz": gz[: len(gz) // 2],
            "image.html": b"\x89PNG\r\n\x1a\n" + os.urandom(500),
            "latin.txt": b"\xff\xfe\xfa" * 10 + os.urandom(300),
            "notes.docx": b"PK\x03\x04" + os.urandom(100),
        }

    def test_each_bad_file_is_reported_and_the_rest_still_ingests(self):
        paths = [self.write(name, data) for name, data in self.bad_files().items()]
        shutil.copy(SEEDS / MOON_SEED, self.dir / MOON_SEED)
        out, err = self.ingest(self.dir, expect_exit=1)
        self.assertEqual(Article.objects.count(), 1)
        for path in paths:
            with self.subTest(path=path.name):
                lines = [line for line in err.splitlines() if path.name in line]
                self.assertEqual(len(lines), 1, err)
                self.assertTrue(lines[0].startswith("FAILED"), lines[0])
        self.assertRegex(out, r"1 new, 0 unchanged, [1-9]\d* failed")

    def test_an_unreadable_path_is_reported(self):
        _, err = self.ingest(self.dir / "no-such-file.txt", expect_exit=1)
        self.assertIn("no-such-file.txt: file or directory not found", err)
        _, err = self.ingest(self.dir / "no-such-folder", expect_exit=1)
        self.assertIn("no-such-folder: file or directory not found", err)

    @override_settings(INGEST_MAX_BYTES=1000)
    def test_a_file_over_the_size_cap_is_refused(self):
        _, err = self.ingest(SEEDS / MOON_SEED, expect_exit=1)
        self.assertIn(MOON_SEED, err)
        self.assertFalse(Article.objects.exists())

    def test_a_bad_record_in_a_dataset_file_does_not_stop_the_others(self):
        good = {
            "id": "a1",
            "title": "Kim Jong Un inspects a factory",
            "date": "2024-07-14",
            "source": "KCNA",
            "url": "http://example.org/a1",
            "text": "Pyongyang, July 14 (KCNA) -- Kim Jong Un inspected a factory in "
            "Pyongyang and praised its workers for their production results.\n-0-",
        }
        data = json.dumps(good) + "\n{not json\n"
        self.ingest(self.write("records.jsonl", data.encode()))
        self.assertEqual(Article.objects.count(), 1)


class DryRunTests(IngestCase):
    def test_dry_run_json_prints_documents_and_touches_nothing(self):
        out, _ = self.ingest(SEEDS / MOON_SEED, "--dry-run", "--json", expect_exit=0)
        record = json.loads(out.strip().splitlines()[0])
        self.assertEqual(
            set(record)
            >= {
                "path",
                "title",
                "published",
                "source",
                "url",
                "author",
                "language",
                "body",
                "persons",
                "organizations",
                "countries",
            },
            True,
        )
        self.assertEqual(record["published"][:10], "2021-12-03")
        self.assertIn("KP", record["countries"])
        self.assertIn("Moon Jae-in", [p["name"] for p in record["persons"]])
        self.assertFalse(Article.objects.exists())
        self.assertFalse(Source.objects.exists())


class DuplicateTests(IngestCase):
    def record(self, **changes):
        record = {
            "id": "x",
            "title": "North Korea fires missiles",
            "date": "2024-07-14",
            "source": "Reuters",
            "url": "https://www.reuters.com/a?utm_source=x",
            "text": "SEOUL, July 14 (Reuters) - North Korea fired two ballistic missiles "
            "into the sea off its east coast on Sunday, South Korea's military "
            "said, in the latest of a series of weapons tests this year.",
        }
        record.update(changes)
        return json.dumps(record)

    def test_the_same_text_under_another_url_is_one_article_with_both_urls(self):
        first = self.write("a.jsonl", self.record().encode())
        second = self.write("b.jsonl", self.record(id="y", url="https://example.org/copy").encode())
        self.ingest(first, second, expect_exit=0)
        self.assertEqual(Article.objects.count(), 1)
        self.assertEqual(ArticleURL.objects.count(), 2)
        self.assertEqual(Capture.objects.count(), 2)

    def test_a_lightly_edited_version_is_grouped_and_shown_as_another_version(self):
        text = " ".join(
            f"Sentence {i} of the wire story says the talks in Seoul went on for many hours."
            for i in range(12)
        )
        first = self.write("a.jsonl", self.record(text=text).encode())
        edited = text.replace("Sentence 5 of", "Part 5 of") + " The talks will resume."
        second = self.write(
            "b.jsonl", self.record(id="y", url="https://example.org/v2", text=edited).encode()
        )
        unrelated = self.write("c.jsonl", self.record(id="z", url="https://example.org/z").encode())
        self.ingest(first, second, unrelated, expect_exit=0)
        one, two, three = Article.objects.order_by("pk")
        self.assertIsNone(one.version_of)
        self.assertEqual(two.version_of, one)
        self.assertIsNone(three.version_of)
        page = self.client.get(one.get_absolute_url())
        self.assertContains(page, "Other versions")
        self.assertContains(page, two.get_absolute_url())
