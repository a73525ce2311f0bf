"""Whoosh's files inside a compound segment are read in place, not copied."""

import io
import os
import pickle
import random
import tempfile
import zlib

from django.test import SimpleTestCase
from whoosh import index
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.structfile import BufferFile
from whoosh.query import Term

from archive.search import backend  # noqa: F401  (applies the fixes)
from archive.search.whoosh_fixes import ViewReader


class ViewReaderTests(SimpleTestCase):
    def test_it_reads_seeks_and_tells_as_a_bytesio_over_the_same_bytes(self):
        rng = random.Random(5)
        data = bytes(rng.randrange(256) for _ in range(5000)).replace(b"\x00", b"\n")
        ours, theirs = ViewReader(memoryview(data)), io.BytesIO(data)
        for _ in range(500):
            op = rng.choice(["read", "readline", "seek", "tell"])
            if op == "read":
                size = rng.choice([-1, 0, 1, 7, 300, 6000])
                self.assertEqual(ours.read(size), theirs.read(size))
            elif op == "readline":
                self.assertEqual(ours.readline(), theirs.readline())
            elif op == "seek":
                offset, whence = rng.randrange(0, 5000), rng.choice([os.SEEK_SET, os.SEEK_END])
                offset = -offset if whence == os.SEEK_END else offset
                self.assertEqual(ours.seek(offset, whence), theirs.seek(offset, whence))
            self.assertEqual(ours.tell(), theirs.tell())

    def test_pickles_load_from_it(self):
        data = pickle.dumps({"a": [1, 2, 3], "b": "text\nwith lines"}, 2) + b"rest"
        reader = ViewReader(memoryview(data))
        self.assertEqual(pickle.load(reader), {"a": [1, 2, 3], "b": "text\nwith lines"})
        self.assertEqual(reader.read(), b"rest")

    def test_a_pickle_is_read_ahead_in_one_peek_not_one_read_per_opcode(self):
        data = pickle.dumps((128, 5000, 1.5, 3, 7, 90), 2) + b"block data"
        reader, reads = ViewReader(memoryview(data)), []
        original = reader.read
        reader.read = lambda size=-1: reads.append(size) or original(size)
        self.assertEqual(pickle.load(reader), (128, 5000, 1.5, 3, 7, 90))
        self.assertEqual(len(reads), 1)
        self.assertEqual(reader.read(), b"block data")

    def test_peek_does_not_move(self):
        reader = ViewReader(memoryview(b"abcdef"))
        reader.seek(2)
        self.assertEqual(reader.peek(3), b"cde")
        self.assertEqual(reader.tell(), 2)
        self.assertEqual(reader.peek(0), b"c")

    def test_a_segment_file_is_a_view_of_the_mapped_file_not_a_copy(self):
        with tempfile.TemporaryDirectory() as path:
            ix = index.create_in(path, Schema(id=ID(stored=True), text=TEXT(phrase=True)))
            with ix.writer() as writer:
                for n in range(50):
                    writer.add_document(id=str(n), text=f"kim jong un {n} nuclear test")
            with ix.searcher() as searcher:
                self.assertEqual(len(searcher.search(Term("text", "nuclear"))), 50)
                files = [f for f in vars(searcher.reader()._terms).values()]
                buffers = [f for f in files if isinstance(f, BufferFile)]
                self.assertTrue(buffers)
                self.assertTrue(all(isinstance(f.file, ViewReader) for f in buffers))
            ix.close()


class PostingBlockPickleTests(SimpleTestCase):
    """Posting blocks are written with pickle protocol 4; blocks written with Whoosh's
    protocol 2 (segments from before) are read alongside them with the same answers."""

    SCHEMA = Schema(id=ID(stored=True), text=TEXT(phrase=True))

    def _fill(self, writer, first: int, count: int) -> None:
        for n in range(first, first + count):
            writer.add_document(id=str(n), text=f"kim jong un visited site {n % 7} nuclear")

    def _block_protocols(self, searcher) -> set[int]:
        protocols = set()
        for sub, _ in searcher.leaf_searchers():
            terms = sub.reader()._terms
            matcher = terms.matcher("text", b"nuclear", self.SCHEMA["text"].format, None)
            raw = matcher._postfile.get(matcher._dataoffset, 2)
            raw = raw if raw[:1] == b"\x80" else None
            if raw is None:  # compressed: the first bytes of the inflated pickle
                size = matcher._nextoffset - matcher._dataoffset
                raw = zlib.decompress(matcher._postfile.get(matcher._dataoffset, size))
            protocols.add(raw[1])
        return protocols

    def _search(self, searcher, query) -> list[tuple[str, float]]:
        return [(hit["id"], round(hit.score, 6)) for hit in searcher.search(query, limit=None)]

    def test_new_blocks_use_protocol_4(self):
        with tempfile.TemporaryDirectory() as path:
            ix = index.create_in(path, self.SCHEMA)
            with ix.writer() as writer:
                self._fill(writer, 0, 400)
            with ix.searcher() as searcher:
                self.assertEqual(self._block_protocols(searcher), {4})
            ix.close()

    def test_a_protocol_2_segment_beside_a_protocol_4_one_answers_the_same(self):
        from whoosh.codec import whoosh3
        from whoosh.query import Phrase

        queries = [Term("text", "nuclear"), Term("text", "3"), Phrase("text", ["kim", "jong"])]
        with tempfile.TemporaryDirectory() as old, tempfile.TemporaryDirectory() as new:
            answers = {}
            for path, first_protocol in ((old, 2), (new, 4)):
                ix = index.create_in(path, self.SCHEMA)
                ours = whoosh3.dumps
                whoosh3.dumps = lambda obj, protocol=None, p=first_protocol: pickle.dumps(obj, p)
                try:
                    with ix.writer() as writer:
                        self._fill(writer, 0, 300)
                finally:
                    whoosh3.dumps = ours
                writer = ix.writer()
                self._fill(writer, 300, 300)
                writer.commit(merge=False)
                with ix.searcher() as searcher:
                    self.assertEqual(len(searcher.leaf_searchers()), 2)
                    if first_protocol == 2:
                        self.assertEqual(self._block_protocols(searcher), {2, 4})
                    answers[path] = [self._search(searcher, q) for q in queries]
                ix.close()
            self.assertEqual(answers[old], answers[new])
            self.assertEqual(len(answers[old][0]), 600)
