"""Text analysis for the index: English stemming, Korean morphology.

Latin words are lower-cased, accent-folded, stop-filtered and stemmed, as before.

Korean attaches particles and endings to words (평양에서 "in Pyongyang", 김정은동지께서), so
whole-word tokens miss most matches. Text that contains Hangul is analysed with the Kiwi
morphological analyser (kiwipiepy); each Hangul run is indexed as its content morphemes —
nouns, verb and adjective stems, roots — without particles (J*) and endings (E*), each at its
own position and with the character span of the morpheme in the original text. Queries go
through the same analysis, so 평양에서 searches for 평양 and 김정은 is one term, not bigrams.

Kiwi splits many compounds (김정은동지 → 김정은 + 동지, 미니앨범 → 미니 + 앨범), so each part
is found on its own. It keeps others whole (서울시, 한국인, 노동신문): when indexing
(``mode="index"``) a noun therefore also gets, at its own position, the prefixes of 2 to 12
syllables of the run of nouns written together from it, so 서울 finds 서울시 and a noun Kiwi
splits in some context is still found whole. Queries are never expanded: 김정은 does not
find 김정일 or 과정은. The highlighter analyses in index mode to mark the same spans.

Text without Hangul never loads or calls Kiwi. One Kiwi instance per process, created on
first use (1-4 s and about 300 MB).
"""

import functools
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
# Invisible characters Kiwi takes for letters, seen by it as spaces (same length: offsets hold).
INVISIBLE_AS_SPACE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", " "))
MIN_PREFIX, MAX_PREFIX = 2, 12  # syllables (조선민주주의인민공화국 has 11)

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
    """The process's Kiwi analyser, loaded on first use. No typo dictionary (typo correction
    is off anyway) and no multi-word dictionary (its entries span spaces: '팝 아이돌' hid
    아이돌)."""
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


@functools.lru_cache(maxsize=8)
def korean_morphemes(text: str) -> tuple[Morpheme, ...]:
    """Kiwi's content morphemes of ``text``, in order of their start.

    A noun is its surface text (an unknown word can be cut inside a syllable, leaving a
    stray jamo in Kiwi's form); a verb or adjective is Kiwi's stem (도와 → 돕). Cached for
    the last few texts: Whoosh analyses a document field twice (terms, then spelling words).
    """
    found = []
    for t in kiwi().tokenize(text.translate(INVISIBLE_AS_SPACE)):
        tag = t.tag.split("-")[0]
        if tag in CONTENT_TAGS:
            end = t.start + t.len
            form = text[t.start : end] if tag in NOUN_TAGS else t.form
            found.append(Morpheme(form, tag, t.start, end))
    return tuple(sorted(found, key=lambda m: m.start))


def run_pieces(text: str, run: list[Morpheme], expand: bool):
    """One Hangul run's morphemes, each noun with its prefixes when ``expand``."""
    for i, morpheme in enumerate(run):
        prefixes = ()
        if expand and morpheme.tag in NOUN_TAGS:
            start = morpheme.start
            compound = text[start : noun_chain_end(run, i)]
            prefixes = tuple(
                (compound[:length], start, start + length)
                for length in range(MIN_PREFIX, min(len(compound), MAX_PREFIX) + 1)
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


WORD_RE = re.compile(r"\S+")
_highlighter = None


def highlighter():
    global _highlighter
    _highlighter = _highlighter or peninsula_analyzer()
    return _highlighter


@functools.lru_cache(maxsize=100_000)
def indexed_form(word: str) -> str:
    """The term a Latin word is indexed as ("" for a stop word). Every filter of the analyzer
    works on one token at a time, so a word's term does not depend on its neighbours."""
    return next((t.text for t in highlighter()(word, mode="index")), "")


@functools.lru_cache(maxsize=256)
def candidate_words(firsts: frozenset) -> re.Pattern:
    """The Latin words that can be indexed as a term starting with one of ``firsts``: those
    starting with it in either case, or with any non-ASCII letter. Lowercasing, accent
    folding and stemming never change a word's first ASCII letter other than by case."""
    ascii_firsts = "".join(re.escape(c) for c in sorted(firsts) if c.isascii())
    first = rf"[{ascii_firsts}]|[^\x00-\x7f]" if ascii_firsts else r"[^\x00-\x7f]"
    word = rf"[^\W{HANGUL}]"
    return re.compile(rf"(?<!{word})(?={word})(?:{first}){word}*", re.IGNORECASE)


def term_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of the tokens of ``text``, as indexed, whose text is one of ``terms``.

    For snippets, so cheap: only the Latin words that can match (by their first letter) are
    looked up, in a process-wide table of indexed forms (the analyzer runs once per
    distinct word, not once per word of every shown hit), and Kiwi runs only on the
    space-delimited words that contain a Korean term (a whole Korean article through Kiwi
    costs tens of milliseconds).
    """
    latin_terms = {term for term in terms if term and not HANGUL_RE.search(term)}
    words = candidate_words(frozenset(t[0] for t in latin_terms)) if latin_terms else None
    spans = (
        [m.span() for m in words.finditer(text) if indexed_form(m.group()) in latin_terms]
        if words
        else []
    )
    korean_terms = [term for term in terms if HANGUL_RE.search(term)]
    for word in WORD_RE.finditer(text) if korean_terms else ():
        if any(term in word.group() for term in korean_terms):
            tokens = highlighter()(word.group(), chars=True, start_char=word.start(), mode="index")
            spans.extend((t.startchar, t.endchar) for t in tokens if t.text in korean_terms)
    return sorted(spans)
