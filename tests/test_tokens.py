"""``Tokens``: a spaCy Doc's tokens made once, indexed, sliced and read as spaCy does."""

import random

from django.test import SimpleTestCase

from archive.entities.gazetteer import tokenizer
from archive.entities.tokens import Tokens, TokenSpan, as_tokens, spacy_doc

TEXT = (
    "SEOUL, Oct 5 (Reuters) - North Korea's leader Kim Jong Un met U.S. envoys on "
    "Tuesday,  the Korean Central News Agency said.\n\nMr. Kim's sister spoke too. "
)


class TokensTests(SimpleTestCase):
    def setUp(self):
        self.doc = tokenizer().make_doc(TEXT)
        self.tokens = Tokens(self.doc, TEXT)

    def test_the_same_token_object_every_time(self):
        self.assertIs(self.tokens[3], self.tokens[3])
        self.assertIs(next(iter(self.tokens)), self.tokens[0])
        self.assertIs(self.tokens[2:6][1], self.tokens[3])

    def test_tokens_read_as_spacys(self):
        self.assertEqual(len(self.tokens), len(self.doc))
        self.assertEqual([t.text for t in self.tokens], [t.text for t in self.doc])
        self.assertEqual(self.tokens[-1].i, self.doc[-1].i)
        self.assertEqual(self.tokens.text, self.doc.text)

    def test_every_slice_reads_as_spacys_span(self):
        rng, n = random.Random(3), len(self.doc)
        for _ in range(2000):
            a, b = rng.randint(-n - 3, n + 3), rng.randint(-n - 3, n + 3)
            ours, theirs = self.tokens[a:b], self.doc[a:b]
            self.assertIsInstance(ours, TokenSpan)
            got = (ours.start, ours.end, ours.text, len(ours), [t.i for t in ours])
            want = (theirs.start, theirs.end, theirs.text, len(theirs), [t.i for t in theirs])
            self.assertEqual(got, want, (a, b))
            if len(theirs):
                self.assertEqual(
                    (ours.start_char, ours.end_char), (theirs.start_char, theirs.end_char)
                )
                c, d = rng.randint(-5, 5), rng.randint(-5, 5)
                inner, theirs_inner = ours[c:d], theirs[c:d]
                self.assertEqual((inner.start, inner.end), (theirs_inner.start, theirs_inner.end))
                self.assertEqual(inner.text, theirs_inner.text)
                self.assertEqual(ours[-1].i, theirs[-1].i)

    def test_open_slices_and_no_step(self):
        self.assertEqual(self.tokens[:3].text, self.doc[:3].text)
        self.assertEqual(self.tokens[5:].text, self.doc[5:].text)
        with self.assertRaises(ValueError):
            self.tokens[0:6:2]

    def test_char_span_is_spacys_or_none(self):
        start = TEXT.index("Kim Jong Un")
        span = self.tokens.char_span(start, start + len("Kim Jong Un"))
        theirs = self.doc.char_span(start, start + len("Kim Jong Un"))
        self.assertEqual(
            (span.start, span.end, span.text), (theirs.start, theirs.end, "Kim Jong Un")
        )
        self.assertIsNone(self.tokens.char_span(start + 1, start + 5))  # not on token edges

    def test_a_span_knows_its_tokens(self):
        self.assertIs(self.tokens[2:4].doc, self.tokens)

    def test_matchers_get_spacys_doc_from_either(self):
        self.assertIs(spacy_doc(self.tokens), self.doc)
        self.assertIs(spacy_doc(self.doc), self.doc)
        self.assertIs(as_tokens(self.tokens), self.tokens)
        self.assertEqual([t.text for t in as_tokens(self.doc)], [t.text for t in self.doc])
