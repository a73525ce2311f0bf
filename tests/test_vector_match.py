"""Queries evaluated on whole posting lists give Whoosh's own answer: the same documents
and bit-identical scores, on several segments, with deletions and with allowed masks."""

import random
import tempfile

import numpy as np
from django.test import SimpleTestCase
from whoosh import index
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.formats import Positions
from whoosh.query import And, AndNot, Every, Not, Or, Phrase, Term

from archive.search import vector_match
from archive.search.analysis import peninsula_analyzer
from archive.search.backend import match_by_matcher
from archive.search.text_field import ArticleText

WORDS = "kim jong un il missile nuclear korea north south test launch summit".split()
PERSONS = ["kim-jong-un", "kim-jong-il", "moon-jae-in"]


def schema():
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=peninsula_analyzer(), field_boost=1.5),
        text=ArticleText(analyzer=peninsula_analyzer(), stored=False),
        persons=KEYWORD(lowercase=False, commas=False, scorable=False),
    )


def random_text(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length))


def build_index(path, rng):
    """Three segments (the last with deletions); some documents long enough for position
    gaps over 255 and one word repeated over a thousand times."""
    ix = index.create_in(path, schema())
    number = 0
    for segment in range(3):
        writer = ix.writer()
        for _ in range(120):
            number += 1
            length = rng.choice([5, 20, 60]) if number % 40 else 400
            writer.add_document(
                id=str(number),
                title=random_text(rng, 4),
                text=random_text(rng, length),
                persons=" ".join(rng.sample(PERSONS, rng.randint(0, 2))),
            )
        if segment == 0:
            writer.add_document(id="long", title="kim", text="kim " * 1500 + "x " * 300 + "kim")
        writer.commit(merge=False)
    writer = ix.writer()
    for number in range(250, 300, 3):
        writer.delete_by_term("id", str(number))
    writer.commit(merge=False)
    return ix


def random_query(rng, depth=0):
    kind = rng.choice(["term", "phrase", "person"] + (["and", "or", "andnot"] if depth < 3 else []))
    if kind == "term":
        return Term(rng.choice(["title", "text"]), rng.choice(WORDS), boost=rng.choice([1.0, 2.0]))
    if kind == "person":
        return Term("persons", rng.choice(PERSONS))
    if kind == "phrase":
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
        return Phrase(rng.choice(["title", "text"]), words, boost=rng.choice([1.0, 0.5]))
    if kind == "andnot":
        return AndNot(random_query(rng, depth + 1), random_query(rng, depth + 1))
    subs = [random_query(rng, depth + 1) for _ in range(rng.randint(2, 4))]
    query = (And if kind == "and" else Or)(subs, boost=rng.choice([1.0, 1.25]))
    if kind == "or":
        query.matcher_type = rng.choice([Or.AUTO_MATCHER, Or.DEFAULT_MATCHER, Or.ARRAY_MATCHER])
    return query


class VectorMatchTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.TemporaryDirectory()
        cls.rng = random.Random(7)
        cls.ix = build_index(cls.tmp.name, cls.rng)
        cls.searcher = cls.ix.searcher()

    @classmethod
    def tearDownClass(cls):
        cls.searcher.close()
        cls.ix.close()
        cls.tmp.cleanup()
        super().tearDownClass()

    def both(self, query, ranked, allowed):
        weighting = self.searcher.weighting if ranked else None
        for sub, _offset in self.searcher.leaf_searchers():
            mask = None if allowed is None else allowed[: sub.doc_count_all()]
            fast = vector_match.evaluate(query, sub, weighting, mask)
            slow = match_by_matcher(sub, query, mask, ranked)
            yield fast, slow

    def assert_same(self, query, ranked=True, allowed=None):
        for fast, slow in self.both(query, ranked, allowed):
            self.assertEqual(fast.ids.tolist(), slow.ids.tolist(), repr(query))
            if ranked:  # bit for bit: the same operations in the same order
                self.assertEqual(fast.scores.tolist(), slow.scores.tolist(), repr(query))

    def test_random_query_trees_match_whoosh_exactly(self):
        for _ in range(150):
            query = random_query(self.rng)
            with self.subTest(query=repr(query)):
                self.assert_same(query, ranked=True)
                self.assert_same(query, ranked=False)

    def test_an_allowed_mask_restricts_the_hits_and_keeps_their_scores(self):
        allowed = np.array([self.rng.random() < 0.3 for _ in range(2000)])
        for _ in range(60):
            query = random_query(self.rng)
            with self.subTest(query=repr(query)):
                self.assert_same(query, allowed=allowed)

    def test_a_phrase_needs_its_words_at_consecutive_positions(self):
        found = []
        for sub, _offset in self.searcher.leaf_searchers():
            hits = vector_match.evaluate(Phrase("text", ["kim", "x"]), sub, None, None)
            found += [sub.stored_fields(d)["id"] for d in hits.ids.tolist()]
        self.assertEqual(found, ["long"])
        self.assert_same(Phrase("text", ["kim", "kim"]))
        self.assert_same(Phrase("text", ["x", "kim"]))

    def test_deleted_documents_are_never_hits(self):
        leaves = [sub for sub, _offset in self.searcher.leaf_searchers()]
        self.assertTrue(any(sub.reader().has_deletions() for sub in leaves))
        for query in (Term("text", "kim"), Phrase("text", ["north", "korea"])):
            self.assert_same(query)
            for sub in leaves:
                hits = vector_match.evaluate(query, sub, self.searcher.weighting, None)
                self.assertFalse(any(sub.reader().is_deleted(d) for d in hits.ids.tolist()))

    def test_whooshs_exclusion_excludes_a_segments_first_hit_too(self):
        """The fixed AndNotMatcher: the first positive document, excluded, while the
        exclusion's first document comes earlier."""
        with tempfile.TemporaryDirectory() as path:
            ix = index.create_in(path, schema())
            with ix.writer() as writer:
                writer.add_document(id="a", text="nuclear", persons="moon-jae-in")
                writer.add_document(id="b", text="korea nuclear", persons="moon-jae-in")
                writer.add_document(id="c", text="korea")
            query = AndNot(Term("text", "korea"), Term("persons", "moon-jae-in"))
            with ix.searcher() as searcher:
                hits = match_by_matcher(searcher, query, None, ranked=True)
                self.assertEqual([searcher.stored_fields(d)["id"] for d in hits.ids], ["c"])

    def test_queries_it_cannot_evaluate_exactly_are_refused(self):
        sub = self.searcher.leaf_searchers()[0][0]
        for query in (
            Not(Term("text", "kim")),
            Every(),
            Phrase("text", ["kim", "jong"], slop=2),
            Or([Term("text", "kim"), Term("text", "un")], scale=0.5),
        ):
            with self.subTest(query=repr(query)), self.assertRaises(vector_match.Unsupported):
                vector_match.evaluate(query, sub, self.searcher.weighting, None)


class PositionDecodingTests(SimpleTestCase):
    def test_positions_decode_as_whoosh_decodes_them_whatever_their_size(self):
        rng = random.Random(3)
        lists = [[5], [0, 1, 2], list(range(0, 3000, 3)), [300, 70000, 2**31 - 5]]
        lists += [sorted(rng.sample(range(100000), rng.randint(1, 40))) for _ in range(200)]
        fmt = Positions()
        values = [fmt.encode(positions) for positions in lists]
        values[1] = values[1][:-1]  # Whoosh may store the pickle without its STOP
        counts, deltas = vector_match.decode_position_deltas(values)
        self.assertEqual(counts.tolist(), [len(p) for p in lists])
        decoded = np.split(np.cumsum(deltas), np.cumsum(counts)[:-1])
        carry = np.concatenate(([0], np.cumsum(deltas)))[np.cumsum(counts) - counts]
        for positions, got, base in zip(lists, decoded, carry, strict=True):
            self.assertEqual((got - base).tolist(), positions)
