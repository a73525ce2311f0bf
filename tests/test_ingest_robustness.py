"""Ingest under hostile input and abrupt ends: bounded memory, per-record failures, no orphans."""

import io
import json
import os
import shutil
import signal
import tempfile
import time
import tracemalloc
import zlib
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.test import SimpleTestCase, TransactionTestCase

from archive.actors import EntityResolver
from archive.entities.gazetteer import tokenizer
from archive.ingest import limits, pipeline
from archive.ingest.document import Failed, ParsedDocument, ReadError
from archive.ingest.readers import NotWalked, iter_files, read_path
from archive.ingest.store import store
from archive.models import Article, IndexQueue
from tests.base import clear_index

DATA = Path(__file__).parent / "data" / "readers"
ARTICLE_HTML = (DATA / "html" / "article.html").read_bytes()
STORY = (
    "PYONGYANG, March 3 (Reuters) - North Korea said on Sunday it had tested a new engine "
    "for its rockets, the state news agency reported.\n\n"
    "The test was watched by officials in Pyongyang, the agency said in a short statement.\n"
)


def gzipped_zeros(mebibytes: int) -> bytes:
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1024 * 1024)
    return b"".join(deflate.compress(chunk) for _ in range(mebibytes)) + deflate.flush()


def record(number: int, **fields) -> str:
    base = {"title": f"Story {number}", "text": f"Story number {number}. " + STORY}
    return json.dumps({**base, **fields})


class TempDir:
    def setUp(self):
        super().setUp()
        self.dir = Path(tempfile.mkdtemp(prefix="peninsula-robust-"))
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def write(self, name: str, data) -> Path:
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def reader_of_a_killed_parent() -> int:
    """Fork a parent that forks a reader (``die_with_parent``), SIGKILL the parent, and
    return the reader's pid."""
    read_end, write_end = os.pipe()
    parent = os.fork()
    if parent == 0:
        child = os.fork()
        if child == 0:
            pipeline.die_with_parent(os.getppid())
            time.sleep(30)
            os._exit(0)
        os.write(write_end, str(child).encode())
        time.sleep(30)
        os._exit(0)
    child = int(os.read(read_end, 32))
    os.close(read_end), os.close(write_end)
    os.kill(parent, signal.SIGKILL)
    os.waitpid(parent, 0)
    return child


def gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not is_running(pid):
            return True
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    return False


class ReaderProcessTests(SimpleTestCase):
    def test_the_reader_dies_with_its_parent(self):
        self.assertTrue(gone_within(reader_of_a_killed_parent(), 3))

    def test_the_watchdog_ends_the_reader_where_there_is_no_parent_death_signal(self):
        with mock.patch.object(pipeline.sys, "platform", "darwin"):
            self.assertTrue(gone_within(reader_of_a_killed_parent(), 3 + pipeline.WATCH_SECONDS))


class CompressionBombTests(TempDir, SimpleTestCase):
    def test_a_warc_of_gzipped_zeros_is_refused_with_little_memory(self):
        bomb = self.write("zeros.warc.gz", gzipped_zeros(128))  # 128 MiB from ~130 KB
        tracemalloc.start()
        try:
            with self.assertRaisesRegex(ReadError, "compression bomb"):
                list(read_path(bomb))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        self.assertLess(peak, 16 * 1024 * 1024)


class DirectoryWalkTests(TempDir, SimpleTestCase):
    def test_symlink_loops_are_walked_once_and_reported_once_per_link(self):
        self.write("a/story.txt", STORY)
        self.write("a/b/other.txt", STORY)
        (self.dir / "a" / "b" / "up").symlink_to(self.dir / "a")
        (self.dir / "a" / "self").symlink_to(self.dir / "a")
        items = list(iter_files([self.dir / "a"]))
        files = [i.name for i in items if isinstance(i, Path)]
        loops = [i for i in items if isinstance(i, NotWalked)]
        self.assertEqual(files, ["other.txt", "story.txt"])
        self.assertEqual(sorted(i.path.name for i in loops), ["self", "up"])
        self.assertFalse(any(i.failed for i in loops))

    def test_an_unreadable_directory_is_one_failure_and_the_walk_goes_on(self):
        self.write("a/locked/hidden.txt", STORY)
        self.write("a/z/story.txt", STORY)
        real_iterdir = Path.iterdir

        def iterdir(path):
            if path.name == "locked":
                raise PermissionError(13, "Permission denied")
            return real_iterdir(path)

        with mock.patch.object(Path, "iterdir", iterdir):
            items = list(iter_files([self.dir / "a"]))
        self.assertEqual([i.name for i in items if isinstance(i, Path)], ["story.txt"])
        [problem] = [i for i in items if isinstance(i, NotWalked)]
        self.assertTrue(problem.failed)
        self.assertIn("permission denied", problem.reason)


class JsonlRecordTests(TempDir, SimpleTestCase):
    def test_a_record_with_a_wrong_type_fails_alone_with_its_line_number(self):
        lines = [record(n) for n in range(1, 25)]
        lines[2] = record(3, url=5)
        lines[4] = record(5, title=[])
        lines[6] = record(7, text=None)
        lines[8] = '{"title": "broken", "text": '
        items = list(read_path(self.write("mixed.jsonl", "\n".join(lines))))
        failed = [i for i in items if isinstance(i, Failed)]
        self.assertEqual(len([i for i in items if isinstance(i, ParsedDocument)]), 20)
        self.assertEqual(
            [f.origin.rsplit("#", 1)[1] for f in failed], ["line3", "line5", "line7", "line9"]
        )
        self.assertIn('"url" should be a string, not a number', failed[0].reason)
        self.assertIn('"title" should be a string, not a list', failed[1].reason)
        self.assertIn('"text" should be a string, not null', failed[2].reason)
        self.assertIn("invalid JSON", failed[3].reason)


class TextLimitTests(TempDir, SimpleTestCase):
    def test_the_limit_is_the_one_the_extraction_tokenizer_enforces(self):
        limit = limits.max_text_chars()
        tokenizer().make_doc("a" * limit)
        with self.assertRaises(ValueError):
            tokenizer().make_doc("a" * (limit + 1))

    def test_a_text_file_too_large_to_extract_is_refused_before_it_is_parsed(self):
        path = self.write("huge.txt", ("word " * 20 + "\n") * 50_000)  # 5 MB
        started = time.perf_counter()
        with self.assertRaisesRegex(ReadError, "too large for entity extraction"):
            list(read_path(path))
        self.assertLess(time.perf_counter() - started, 1)

    def test_a_text_too_long_to_extract_is_refused_with_the_limit(self):
        with mock.patch.object(limits, "max_text_chars", return_value=200):
            with self.assertRaisesRegex(ReadError, "limit is 200 .spaCy's max_length"):
                list(read_path(self.write("long.txt", STORY * 3)))
            events = list(pipeline.parse([self.write("long.jsonl", record(1))]))
        self.assertEqual(events[0].status, pipeline.FAILED)
        self.assertIn("text too long for entity extraction", events[0].detail)


class ByteOrderMarkTests(TempDir, SimpleTestCase):
    def test_utf16_and_utf32_pages_with_a_bom_are_read_as_text(self):
        page = ARTICLE_HTML.decode("utf-8")
        expected = [i for i in read_path(self.write("p.html", ARTICLE_HTML))][0].title
        for codec in ("utf-16", "utf-16-be", "utf-32", "utf-32-be"):
            data = page.encode(codec)
            if not codec.endswith("be") or codec == "utf-16-be":
                data = data if codec in ("utf-16", "utf-32") else b"\xfe\xff" + data
            else:
                data = b"\x00\x00\xfe\xff" + data
            with self.subTest(codec=codec):
                [doc] = read_path(self.write(f"page-{codec}.html", data))
                self.assertEqual(doc.title, expected)

    def test_a_utf16_text_dump_with_a_bom_is_read(self):
        text = f"North Korea tests an engine\n\n{STORY}"
        for codec in ("utf-16", "utf-32"):
            with self.subTest(codec=codec):
                [doc] = read_path(self.write(f"dump-{codec}.txt", text.encode(codec)))
                self.assertIsInstance(doc, ParsedDocument)
                self.assertIn("tested a new engine", doc.body)


class IngestReportTests(TempDir, TransactionTestCase):
    def setUp(self):
        super().setUp()
        clear_index()

    def ingest(self, *args) -> tuple[int, str, str]:
        out, err, code = io.StringIO(), io.StringIO(), 0
        try:
            call_command("ingest", "--no-progress", *map(str, args), stdout=out, stderr=err)
        except SystemExit as exit_:
            code = exit_.code
        return code, out.getvalue(), err.getvalue()

    def test_broken_lines_fail_the_run_and_every_other_record_is_stored(self):
        lines = [record(n) for n in range(1, 7)]
        lines[1] = "{not json"
        lines[3] = record(4, url=5)
        data = self.write("batch.jsonl", "\n".join(lines))
        code, _, err = self.ingest(data)
        self.assertEqual(code, 1)
        self.assertIn(f"FAILED {data}#line2: line 2: invalid JSON", err)
        self.assertIn(f"FAILED {data}#line4: record 4:", err)
        self.assertEqual(Article.objects.count(), 4)

    def test_report_has_one_json_line_per_skipped_or_failed_record(self):
        lines = [record(1), "[1, 2]", json.dumps({"title": "no text"}), record(4, date=[])]
        data = self.write("batch.jsonl", "\n".join(lines))
        report = self.dir / "report.jsonl"
        self.ingest(data, "--report", report)
        rows = [json.loads(line) for line in report.read_text().splitlines()]
        self.assertEqual(
            [(r["file"], r["record"], r["status"]) for r in rows],
            [
                (str(data), "line 2", "failed"),
                (str(data), "line 3", "skipped"),
                (str(data), "line 4", "failed"),
            ],
        )
        self.assertIn("not a JSON object", rows[0]["reason"])
        self.assertIn("no text", rows[1]["reason"])
        self.assertIn('"date" should be a string or a number, not a list', rows[2]["reason"])

    def test_a_loop_in_a_folder_is_one_line_and_the_folder_is_ingested(self):
        self.write("folder/story.jsonl", record(1))
        (self.dir / "folder" / "again").symlink_to(self.dir / "folder")
        code, out, err = self.ingest(self.dir / "folder")
        self.assertEqual(code, 0)
        self.assertEqual(err.count("symbolic-link loop"), 1)
        self.assertIn("1 links to directories already read not followed", out)
        self.assertEqual(Article.objects.count(), 1)


class QueueInTheSameTransactionTests(TransactionTestCase):
    def document(self):
        return ParsedDocument(origin="t.txt", title="Talks", body=STORY, raw=STORY.encode())

    def test_a_stored_article_is_queued_for_the_index_before_anything_indexes_it(self):
        _, article = store(self.document(), [], EntityResolver())
        self.assertTrue(IndexQueue.objects.filter(article_id=article.pk).exists())

    def test_a_store_that_fails_midway_leaves_neither_article_nor_queue_entry(self):
        with mock.patch("archive.ingest.store.link_near_duplicates", side_effect=OSError):
            with self.assertRaises(OSError):
                store(self.document(), [], EntityResolver())
        self.assertFalse(Article.objects.exists())
        self.assertFalse(IndexQueue.objects.exists())


class NulCharacterTests(SimpleTestCase):
    def test_a_nul_character_never_reaches_the_database(self):
        doc = ParsedDocument(
            origin="x.txt",
            title="Kim\x00 Jong Un",
            body="Body \x00text",
            raw=b"\x00",
            author="A\x00B",
            other_urls=["https://example.com/\x00a"],
        )
        self.assertEqual((doc.title, doc.body, doc.author), ("Kim Jong Un", "Body text", "AB"))
        self.assertEqual(doc.other_urls, ["https://example.com/a"])
        self.assertEqual(doc.raw, b"\x00")  # the capture is kept exactly as read
