"""Text analysis for the index: English stemming, Korean morphology.

Latin words are lower-cased, accent-folded, stop-filtered and stemmed, as before.

Korean attaches particles and endings to words (평양에서 "in Pyongyang", 김정은동지께서), so
whole-word tokens miss most matches. Text that contains Hangul is analysed with the Kiwi
morphological analyser (kiwipiepy); each Hangul run is indexed as its content morphemes —
nouns, verb and adjective stems, roots — without particles (J*) and endings (E*), each at its
own position and with the character span of the morpheme in the original text. Queries go
through the same analysis, so 평양에서 searches for 평양 and 김정은 is one term, not bigrams.

When indexing (``mode="index"``) a noun also gets, at its own position, the prefixes of two
or more syllables of the run of nouns written together from it: 서울시 is found by 서울,
한국인 by 한국, 김정은동지 by 김정은, and a noun Kiwi splits in some context (트와 + 이스) by
the whole word. Queries are never expanded: 김정은 does not find 김정일 or 과정은.

Text without Hangul never loads or calls Kiwi. One Kiwi instance per process, created on
first use.
"""

import re
import threading
from typing import NamedTuple

from whoosh.analysis import (
    CharsetFilter,
    Filter,
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

# Kiwi (Sejong) tags indexed: common and proper nouns, verb and adjective stems, roots.
NOUN_TAGS = frozenset({"NNG", "NNP"})
CONTENT_TAGS = NOUN_TAGS | {"VV", "VA", "XR"}
MIN_PREFIX = 2  # syllables

_kiwi = None
_kiwi_lock = threading.Lock()


class Piece(NamedTuple):
    """One token: its text, its span, and the (text, start, end) indexed at its position."""

    text: str
    start: int
    end: int
    prefixes: tuple = ()


class Morpheme(NamedTuple):
    text: str
    tag: str
    start: int
    end: int


def kiwi():
    """The process's Kiwi analyser, loaded on first use (about a second and 200 MB)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi(num_workers=1, load_typo_dict=False, load_multi_dict=False)
    return _kiwi


class PeninsulaTokenizer(Tokenizer):
    """Words for Latin script, content morphemes for Hangul runs."""

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
        token.prefixes = ()
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
        for text, start, end, prefixes in pieces(value, expand=mode == "index"):
            token.text = text
            if prefixes:
                token.prefixes = shifted(prefixes, start_char)
            elif token.prefixes:
                token.prefixes = ()
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


def shifted(prefixes: tuple, offset: int) -> tuple:
    if not offset:
        return prefixes
    return tuple((text, start + offset, end + offset) for text, start, end in prefixes)


class PrefixFilter(Filter):
    """Each token's ``prefixes`` after it, at its position (after stop filtering, which
    renumbers positions)."""

    def __eq__(self, other):
        return isinstance(other, PrefixFilter)

    def __call__(self, tokens):
        for token in tokens:
            yield token
            if not token.prefixes or token.stopped:
                continue
            for text, start, end in token.prefixes:
                token.text = text
                if token.chars:
                    token.startchar, token.endchar = start, end
                yield token


def pieces(text: str, expand: bool = False):
    """The tokens of ``text`` in order: whole Latin words, Korean content morphemes.

    ``expand`` adds the noun prefixes described in the module docstring (index time only).
    Text without Hangul never reaches Kiwi.
    """
    if not HANGUL_RE.search(text):
        return ((m.group(), m.start(), m.end(), ()) for m in TOKEN_RE.finditer(text))
    return mixed_pieces(text, expand)


def mixed_pieces(text: str, expand: bool):
    morphemes = iter(korean_morphemes(text))
    pending = next(morphemes, None)
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        if not HANGUL_RE.match(text, start):
            yield Piece(match.group(), start, end)
            continue
        run = []
        while pending is not None and pending.start < end:
            if pending.start >= start and pending.end <= end:
                run.append(pending)
            pending = next(morphemes, None)
        yield from run_pieces(text, run, expand)


def korean_morphemes(text: str) -> list[Morpheme]:
    """Kiwi's content morphemes of ``text``, in order of their start."""
    found = [
        Morpheme(t.form, t.tag.split("-")[0], t.start, t.start + t.len)
        for t in kiwi().tokenize(text)
    ]
    return sorted((m for m in found if m.tag in CONTENT_TAGS), key=lambda m: m.start)


def run_pieces(text: str, run: list[Morpheme], expand: bool):
    """One Hangul run's morphemes, each noun with its prefixes when ``expand``."""
    for i, morpheme in enumerate(run):
        prefixes = ()
        if expand and morpheme.tag in NOUN_TAGS:
            start = morpheme.start
            compound = text[start : noun_chain_end(run, i)]
            prefixes = tuple(
                (compound[:length], start, start + length)
                for length in range(MIN_PREFIX, len(compound) + 1)
                if length != len(morpheme.text)
            )
        yield Piece(morpheme.text, morpheme.start, morpheme.end, prefixes)


def noun_chain_end(run: list[Morpheme], i: int) -> int:
    """End of the nouns written together from ``run[i]`` on (김정은동지 → after 동지)."""
    end = run[i].end
    for morpheme in run[i + 1 :]:
        if morpheme.tag not in NOUN_TAGS or morpheme.start != end:
            break
        end = morpheme.end
    return end


def peninsula_analyzer():
    return (
        PeninsulaTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(minsize=1)
        | StemFilter()
        | PrefixFilter()
    )
