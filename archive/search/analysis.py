"""Text analysis for the index: English stemming, Korean morphology.

Latin words are lower-cased, accent-folded, stop-filtered and stemmed, as before.

Korean attaches particles and endings to words (평양에서 "in Pyongyang", 김정은동지께서), so
whole-word tokens miss most matches. Text that contains Hangul is analysed with the Kiwi
morphological analyser (kiwipiepy); each Hangul run is indexed as its content morphemes —
nouns, verb and adjective stems, roots — without particles (J*) and endings (E*), each at its
own position and with the character span of the morpheme in the original text. Queries go
through the same analysis, so 평양에서 searches for 평양 and 김정은 is one term, not bigrams.

A Hangul query word is matched as a unit, from the start of a word: 그룹 finds 그룹, 그룹에서
and 그룹사운드, not 걸그룹; 걸그룹 finds 걸그룹 written together. Kiwi splits many compounds
(김정은동지 → 김정은 + 동지, 걸그룹 → 걸 + 그룹) and keeps others whole (서울시, 노동신문), so:

- a noun that starts a written word (a Hangul run) is indexed as itself; a noun inside one
  (그룹 of 걸그룹, 동지 of 김정은동지) is indexed marked with ``INSIDE`` (``~그룹``), so a
  query for the bare noun does not find it;
- when indexing (``mode="index"``), the first noun of a run also gets, at its own position,
  the prefixes of 2 to 12 syllables of the run of nouns written together from the start of
  the word (생방송 → 생방, 생방송; 서울시 → 서울시), so 서울 finds 서울시 and a compound is
  found whole however Kiwi split it in context;
- a query (``mode="query"``) gives each run of nouns written together as one term, the text
  from the word's start to the last noun (걸그룹에서 → 걸그룹, 김정은동지께서 → 김정은동지):
  the prefix indexed for that compound. Queries are never expanded: 김정은 does not find
  김정일 or 과정은;
- verb and adjective stems are indexed as their dictionary form (배우는 → 배우다), so the
  verb 배우다 "learn" is not the noun 배우 "actor".

The highlighter analyses in index mode to mark the same spans.

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
HANGUL_WORD_RE = re.compile(rf"[{HANGUL}]+")

# Kiwi (Sejong) tags indexed: common and proper nouns, verb and adjective stems, roots.
NOUN_TAGS = frozenset({"NNG", "NNP"})
CONTENT_TAGS = NOUN_TAGS | {"VV", "VA", "XR"}
MORPHEME_CACHE = 8  # texts whose analysis is kept (one text is analysed for index and snippet)
# Invisible characters Kiwi takes for letters, seen by it as spaces (same length: offsets hold).
INVISIBLE_AS_SPACE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", " "))
MIN_PREFIX, MAX_PREFIX = 2, 12  # syllables (조선민주주의인민공화국 has 11)
# Marks a noun indexed from inside a written word (never typed: the query lexer drops it).
INSIDE = "~"
VERB_TAGS = frozenset({"VV", "VA"})

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
    """The process's Kiwi analyser, loaded and ready on first use. No typo dictionary
    (typo correction is off anyway) and no multi-word dictionary (its entries span spaces:
    '팝 아이돌' hid 아이돌)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                loaded = Kiwi(num_workers=1, load_typo_dict=False, load_multi_dict=False)
                loaded.tokenize("한국어")  # the model is built on first use: about 1.8 s
                _kiwi = loaded
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
        for text, start, end, prefixes in pieces(value, mode):
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


def pieces(text: str, mode: str = ""):
    """The tokens of ``text`` in order: whole Latin words, Korean content morphemes.

    ``mode`` "index" adds the compound prefixes, "query" gives compounds as units (see the
    module docstring). Text without Hangul never reaches Kiwi.
    """
    if not HANGUL_RE.search(text):
        return ((m.group(), m.start(), m.end(), ()) for m in TOKEN_RE.finditer(text))
    return mixed_pieces(text, mode)


def mixed_pieces(text: str, mode: str):
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
        yield from run_pieces(text, run, start, mode)


@functools.lru_cache(maxsize=MORPHEME_CACHE)
def korean_morphemes(text: str) -> tuple[Morpheme, ...]:
    """Kiwi's content morphemes of ``text``, in order of their start.

    A noun is its surface text (an unknown word can be cut inside a syllable, leaving a
    stray jamo in Kiwi's form); a verb or adjective is its dictionary form (도와 → 돕다). Cached for
    the last few texts: Whoosh analyses a document field twice (terms, then spelling words).
    """
    found = []
    for t in kiwi().tokenize(text.translate(INVISIBLE_AS_SPACE)):
        tag = t.tag.split("-")[0]
        if tag in CONTENT_TAGS:
            end = t.start + t.len
            form = text[t.start : end] if tag in NOUN_TAGS else t.form
            if tag in VERB_TAGS:
                form += "다"
            found.append(Morpheme(form, tag, t.start, end))
    return tuple(sorted(found, key=lambda m: m.start))


# How much less likely (Kiwi's log-probability) a noun reading may be than a verb reading of
# a query word and still be searched too: 배우는 "the actor" (-19.4) against "learning" (-19.2).
READING_MARGIN = 3.0


@functools.lru_cache(maxsize=256)
def noun_reading(word: str) -> str:
    """The noun of a one-word Hangul query that Kiwi reads as a verb or adjective but almost
    as likely as that noun with particles (배우는 → 배우), or ""."""
    if not HANGUL_WORD_RE.fullmatch(word):
        return ""
    readings = kiwi().analyze(word, top_n=3)
    best_tokens, best_score = readings[0]
    if not best_tokens or best_tokens[0].tag.split("-")[0] not in VERB_TAGS:
        return ""
    for tokens, score in readings[1:]:
        if best_score - score > READING_MARGIN:
            break
        first, rest = tokens[0], tokens[1:]
        if first.tag in NOUN_TAGS and first.start == 0 and all(t.tag[0] == "J" for t in rest):
            return word[: first.len]
    return ""


def run_pieces(text: str, run: list[Morpheme], run_start: int, mode: str):
    """One Hangul run's morphemes (``run_start``: where the run begins in ``text``)."""
    i = 0
    while i < len(run):
        if run[i].tag not in NOUN_TAGS:
            yield Piece(run[i].text, run[i].start, run[i].end)
            i += 1
            continue
        end = noun_chain_end(run, i)
        chain = [m for m in run[i:] if m.end <= end]
        # the first content of the run begins its written word (생방송: 생 is a prefix)
        begin = run_start if i == 0 else run[i].start
        yield from chain_pieces(text, chain, begin, run_start, mode)
        i += len(chain)


def chain_pieces(text: str, chain: list[Morpheme], begin: int, run_start: int, mode: str):
    """The pieces of nouns written together, the word they are in starting at ``begin``."""
    end = chain[-1].end
    unit = marked(text[begin:end], begin, run_start)
    if mode == "query" and end - begin <= MAX_PREFIX:
        yield Piece(unit, begin, end)
        return
    for n, noun in enumerate(chain):
        own = marked(noun.text, noun.start, run_start)
        prefixes = ()
        if mode == "index" and n == 0:
            prefixes = tuple(
                (marked(text[begin : begin + length], begin, run_start), begin, begin + length)
                for length in range(MIN_PREFIX, min(end - begin, MAX_PREFIX) + 1)
                if marked(text[begin : begin + length], begin, run_start) != own
            )
        yield Piece(own, noun.start, noun.end, prefixes)


def marked(word: str, start: int, run_start: int) -> str:
    """``word`` as indexed: marked INSIDE unless it starts its written word."""
    return word if start == run_start else INSIDE + word


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
    needles = {needle for term in korean_terms for needle in surface_forms(term)}
    for word in WORD_RE.finditer(text) if korean_terms else ():
        if any(needle in word.group() for needle in needles):
            tokens = highlighter()(word.group(), chars=True, start_char=word.start(), mode="index")
            spans.extend((t.startchar, t.endchar) for t in tokens if t.text in korean_terms)
    return sorted(spans)


def surface_forms(term: str) -> tuple[str, ...]:
    """What a Korean term's text looks like in the original: without the INSIDE mark, and a
    verb's dictionary form without its 다 (배우다 is written 배우는, 배웠다…)."""
    word = term.removeprefix(INSIDE)
    return (word, word[:-1]) if word.endswith("다") and len(word) > 1 else (word,)
