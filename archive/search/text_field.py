"""The document text field, analysed once per document for its terms and spelling words.

A Whoosh ``TEXT(spelling=True)`` field with a stemming analyzer analyses each document
twice: once for its (stemmed) terms, once more without the morphological filters for the
spelling words that ``backend.suggest`` reads (``spell_text``). That second pass was a
sixth of the index phase's CPU. This field records each token's text just before the first
morphological filter during the first pass, and hands those words out as the spelling
words: the same words (the tokenizer and the filters before stemming see the same text in
both passes; index mode only adds prefix tokens after stemming), one analysis.
"""

from __future__ import annotations

import threading

from whoosh.fields import TEXT

_last = threading.local()  # the last value this thread indexed, and its spelling words


class ArticleText(TEXT):
    def index(self, value, **kwargs):
        words: set[str] = set()
        _last.field, _last.value, _last.words = id(self), value, words
        kwargs.setdefault("mode", "index")
        analyzer = Recording(self.analyzer, words)
        for text, freq, weight, vbytes in self.format.word_values(value, analyzer, **kwargs):
            yield text.encode("utf-8"), freq, weight, vbytes

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
