"""The document text field, analysed once per document for its terms and spelling words.

A Whoosh ``TEXT(spelling=True)`` field with a stemming analyzer analyses each document
twice: once for its (stemmed) terms, once more without the morphological filters for the
spelling words that ``backend.suggest`` reads (``spell_text``). That second pass was a
sixth of the index phase's CPU. This field records each token's text just before the first
morphological filter during the first pass, and hands those words out as the spelling
words: the same words (the tokenizer and the filters before stemming see the same text in
both passes; index mode only adds prefix tokens after stemming), one analysis.

Text without Hangul takes a shorter road to the same postings. Each of its words is one
token or none (a stop word), and the analyzer treats every token alone, so a word's term
and spelling word are looked up in a process-wide table filled by running the analyzer
once per distinct word (``latin_word``); positions are numbered as the stop filter numbers
them (from the first kept word's place, one more for each kept word after it). The token
pipeline per word was most of the analysis cost; ``tests/test_index_text_field.py`` checks
that the two roads give the same postings and spelling words.
"""

from __future__ import annotations

import functools
import threading

from whoosh.fields import TEXT
from whoosh.formats import Positions

from archive.search.analysis import HANGUL_RE, TOKEN_RE, highlighter

_last = threading.local()  # the last value this thread indexed, and its spelling words


class ArticleText(TEXT):
    def index(self, value, **kwargs):
        words: set[str] = set()
        _last.field, _last.value, _last.words = id(self), value, words
        if not kwargs and self.takes_latin_road(value):
            yield from latin_postings(value, self.format, words)
            return
        kwargs.setdefault("mode", "index")
        analyzer = Recording(self.analyzer, words)
        for text, freq, weight, vbytes in self.format.word_values(value, analyzer, **kwargs):
            yield text.encode("utf-8"), freq, weight, vbytes

    def takes_latin_road(self, value) -> bool:
        return type(self.format) is Positions and is_latin(value) and self.analyzer == highlighter()

    def spellable_words(self, value):
        if getattr(_last, "field", None) == id(self) and _last.value is value:
            return iter(sorted(_last.words))
        return super().spellable_words(value)


class Recording:
    """``analyzer`` (a composite analyzer) that adds to ``words`` the text of every token
    reaching its first morphological filter."""

    def __init__(self, analyzer, words: set[str]):
        self.analyzer, self.words = analyzer, words

    def __call__(self, value, **kwargs):
        items = self.analyzer.items
        tokens = items[0](value, **kwargs)
        recorded = False
        for item in items[1:]:
            if not recorded and getattr(item, "is_morph", False):
                tokens, recorded = self.record(tokens), True
            tokens = item(tokens)
        return tokens

    def record(self, tokens):
        add = self.words.add
        for token in tokens:
            if not token.stopped:
                add(token.text)
            yield token


def is_latin(value) -> bool:
    return isinstance(value, str) and not HANGUL_RE.search(value)


def latin_postings(value: str, format: Positions, words: set[str]):
    """``format.word_values`` of a text without Hangul, analysed word by word through
    ``latin_word``: (term bytes, frequency, weight, encoded positions) per term."""
    positions: dict[str, list[int]] = {}
    position = None  # Whoosh's stop filter: the first kept word's own, then one more each
    for index, word in enumerate(TOKEN_RE.findall(value)):
        spelling, term = latin_word(word)
        if term:
            position = index if position is None else position + 1
            words.add(spelling)
            positions.setdefault(term, []).append(position)
    boost = format.field_boost
    for term, found in positions.items():
        yield term.encode("utf-8"), len(found), float(len(found)) * boost, format.encode(found)


@functools.lru_cache(maxsize=200_000)
def latin_word(word: str) -> tuple[str, str]:
    """(spelling word, term) of one Latin word as the index analyzer makes them, ("", "")
    for a stop word."""
    words: set[str] = set()
    term = next((t.text for t in Recording(highlighter(), words)(word, mode="index")), "")
    return next(iter(words), ""), term
