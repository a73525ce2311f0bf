"""A spaCy ``Doc`` whose tokens are made once.

spaCy builds a new ``Token`` object on every ``doc[i]`` and on every step of an iteration
over a ``Doc`` or a ``Span``. The rules look at each token many times (its neighbours,
the chunk it is in, the words before a name): on the synthetic news of the scale
benchmark that was 6,300 ``Token`` objects per article and a third of the extraction's
time. ``Tokens`` makes each token once and hands out the same object; a slice is a light
``TokenSpan`` over the same list. Text, offsets and slice rules are spaCy's.

Matchers and ``char_span`` need spaCy's own ``Doc``: ``spacy_doc`` gives it for either.
"""

from __future__ import annotations


class Tokens:
    """The tokens of one spaCy ``Doc``, indexed, sliced and iterated as the ``Doc`` is."""

    __slots__ = ("spacy", "text", "_tokens")

    def __init__(self, doc, text: str | None = None) -> None:
        """``text``: the text ``doc`` was made from, when the caller has it (``doc.text``
        joins it anew from the tokens)."""
        self.spacy = doc
        self.text = doc.text if text is None else text
        self._tokens = list(doc)

    def __len__(self) -> int:
        return len(self._tokens)

    def __iter__(self):
        return iter(self._tokens)

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, end = _bounds(key, len(self._tokens))
            return TokenSpan(self, start, end)
        return self._tokens[key]

    def char_span(self, start_char: int, end_char: int) -> TokenSpan | None:
        """The tokens exactly covering ``[start_char, end_char)``, or None (spaCy's
        default ``alignment_mode="strict"``)."""
        span = self.spacy.char_span(start_char, end_char)
        return None if span is None else TokenSpan(self, span.start, span.end)


class TokenSpan:
    """``tokens[start:end]``: ``start``/``end`` token indices, its text and characters."""

    __slots__ = ("tokens", "start", "end")

    def __init__(self, tokens: Tokens, start: int, end: int) -> None:
        self.tokens, self.start, self.end = tokens, start, end

    def __len__(self) -> int:
        return self.end - self.start

    @property
    def doc(self) -> Tokens:
        return self.tokens

    def __iter__(self):
        return iter(self.tokens._tokens[self.start : self.end])

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, end = _bounds(key, len(self))
            return TokenSpan(self.tokens, self.start + start, self.start + end)
        return self.tokens._tokens[self.start : self.end][key]

    @property
    def start_char(self) -> int:
        if self.start >= self.end:  # empty: where it would start (spaCy's rule)
            words = self.tokens._tokens
            return words[self.start].idx if self.start < len(words) else len(self.tokens.text)
        return self.tokens._tokens[self.start].idx

    @property
    def end_char(self) -> int:
        if self.start >= self.end:
            return self.start_char
        last = self.tokens._tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.tokens.text[self.start_char : self.end_char] if self.end > self.start else ""


def _bounds(key: slice, length: int) -> tuple[int, int]:
    """spaCy's ``normalize_slice``: negative counts from the end, both ends clipped to
    the text, an end before the start is the start; no step."""
    if key.step not in (None, 1):
        raise ValueError("token slices take no step")
    start, end, _ = key.indices(length)
    return start, max(start, end)


def as_tokens(doc) -> Tokens:
    return doc if isinstance(doc, Tokens) else Tokens(doc)


def spacy_doc(doc):
    """spaCy's ``Doc`` of ``doc`` (a ``Tokens`` or already a ``Doc``), for matchers."""
    return doc.spacy if isinstance(doc, Tokens) else doc
