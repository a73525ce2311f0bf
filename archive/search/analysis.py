"""Text analysis for the index: English stemming plus overlapping bigrams for Hangul.

Korean attaches particles to words (평양에서 = "in Pyongyang"), so whole-word tokens miss most
matches. Overlapping bigrams of each Hangul run let 평양 find 평양에서 and 대통령 find 대통령은.
Latin words are lower-cased, accent-folded and stemmed.
"""

import re

from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)
from whoosh.support.charset import accent_map

HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
TOKEN_RE = re.compile(rf"[{HANGUL}]+|[^\W{HANGUL}]+")
HANGUL_RE = re.compile(rf"[{HANGUL}]")


class PeninsulaTokenizer(Tokenizer):
    """Words for Latin script, overlapping bigrams for Hangul runs."""

    def __eq__(self, other):
        return isinstance(other, PeninsulaTokenizer)

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            # Whole-value mode: match-all and exact lookups rely on this.
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        pos = start_pos
        for start, end in _pieces(value):
            token.text = value[start:end]
            token.boost = 1.0
            if keeporiginal:
                token.original = token.text
            token.stopped = False
            if positions:
                token.pos = pos
                pos += 1
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


def _pieces(text):
    """(start, end) of each token: whole Latin words, Hangul bigrams."""
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        if HANGUL_RE.match(text, start) and end - start > 2:
            for i in range(start, end - 1):
                yield i, i + 2
        else:
            yield start, end


def peninsula_analyzer():
    return (
        PeninsulaTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(minsize=1)
        | StemFilter()
    )
