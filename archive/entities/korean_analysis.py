"""The morphological analysis of a Korean text by kiwipiepy, and what it says of a span.

``analyse(text)`` returns an ``Analysis``: the text's words (whitespace-delimited spans) and
morphemes with character offsets. The analyser is created once per process; analysis runs
only on text that contains Hangul (``korean_words.has_hangul``).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from archive.entities.korean_particles import MIN_STEM, without_particle
from archive.entities.korean_words import event_words, org_endings, place_suffixes, work_words

# kiwipiepy gives a noun it does not know (라후엘, 도윤재) one of these morpheme ids: 2 as a
# common noun, 3 as a proper noun; words of its dictionary have ids past them.
UNKNOWN_NOUN_IDS = frozenset({2, 3})
# Tags of the one-syllable pieces a name the analyser does not know is broken into (온/유,
# 다/현): nouns, adverbs, determiners; never a verb's or an ending's.
BROKEN_NAME_TAGS = ("NNG", "NNB", "NNP", "MAG", "MM")
CHARACTER = "역"  # "강두식 역을 맡은 김하준": the name before 역 is a fictional character
# Endings of places only, never of a given name, after whatever comes before: streets are
# named after people (금남로), and neighbourhoods, mountains, temples, towns and rivers after
# words the analyser may not know alone (안국+동, 오대+산, 송광+사).
PLACE_ONLY_ENDINGS = tuple("로길동산사시군구읍면리섬항역숲강천")


class Morpheme(NamedTuple):
    """One morpheme of kiwipiepy's analysis: character offsets, surface form, Sejong tag;
    ``unknown``: a noun that is not in the analyser's dictionary (a name it has not seen)."""

    start: int
    end: int
    form: str
    tag: str
    unknown: bool = False


@functools.lru_cache(maxsize=1)
def kiwi():
    """The morphological analyser, loaded on first use (about a second)."""
    from kiwipiepy import Kiwi

    return Kiwi()


@dataclass
class Analysis:
    """A text's words (whitespace-delimited spans) and morphemes ``(start, end, form, tag)``."""

    text: str
    words: list[tuple[int, int]]
    morphemes: list[Morpheme]

    @functools.cached_property
    def starts(self) -> dict[int, Morpheme]:
        out = {}
        for m in self.morphemes:
            out.setdefault(m.start, m)
        return out

    @functools.cached_property
    def works(self) -> frozenset:
        """Titles of works and fictional characters of the text (``works_and_characters``)."""
        return works_and_characters(self)

    @functools.cached_property
    def _morpheme_starts(self) -> list[int]:
        return [m.start for m in self.morphemes]

    @functools.cached_property
    def _word_starts(self) -> list[int]:
        return [s for s, _ in self.words]

    def morphemes_in(self, start: int, end: int) -> list[Morpheme]:
        """The morphemes that start inside ``start:end`` (binary search: texts run long)."""
        keys = self._morpheme_starts
        return self.morphemes[bisect.bisect_left(keys, start) : bisect.bisect_left(keys, end)]

    def covering(self, position: int) -> Morpheme | None:
        """The morpheme that starts at or before ``position`` and runs past it: the analyser
        may read a name of two words as one proper noun ("숀 스파이서")."""
        i = bisect.bisect_right(self._morpheme_starts, position) - 1
        if i >= 0 and self.morphemes[i].end > position:
            return self.morphemes[i]
        return None

    def word_index(self, position: int) -> int:
        i = bisect.bisect_right(self._word_starts, position) - 1
        return i if i >= 0 and position < self.words[i][1] else -1


def analyse(text: str) -> Analysis:
    word_spans = [m.span() for m in re.finditer(r"\S+", text)]
    morphemes = [
        Morpheme(t.start, t.start + t.len, t.form, t.tag, t.id in UNKNOWN_NOUN_IDS)
        for t in kiwi().tokenize(text)
    ]
    morphemes = [m for m in morphemes if m.end > m.start]
    morphemes.sort()
    return Analysis(text, word_spans, morphemes)


def verb_made(morphemes: list[Morpheme]) -> bool:
    """Whether a verb or adjective suffix or an adnominal ending is among ``morphemes``."""
    return any(m.tag in ("XSV", "XSA", "ETM", "ETN", "EP") for m in morphemes)


def spans(found: list) -> set[int]:
    """The character offsets that the ``(Mention, (start, end))`` pairs ``found`` claim."""
    return {i for _, (s, e) in found for i in range(s, e)}


def word_at(analysis: Analysis, i: int) -> str:
    """The text of word ``i``; "" before the first and after the last."""
    if 0 <= i < len(analysis.words):
        start, end = analysis.words[i]
        return analysis.text[start:end]
    return ""


def works_and_characters(analysis: Analysis) -> frozenset:
    """Words that a text writes as the title of a work, right after a kind of work ("웹툰
    달밤식당", "드라마 달빛정원"), as the name of an event, right before a kind of event
    ("별빛 페스티벌"), or as a fictional character, before 역, the part played ("강두식 역을
    맡은 김하준"): anywhere in that text they name no person."""
    found = set()
    for i in range(len(analysis.words)):
        word = without_particle(word_at(analysis, i))
        following = without_particle(word_at(analysis, i + 1))
        if (
            word_at(analysis, i - 1) in work_words()
            or following == CHARACTER
            or following in event_words()
        ):
            found.add(word)
    return frozenset(found)


def unknown_or_proper(analysis: Analysis, start: int, end: int) -> bool:
    """The analyser reads ``start:end`` as a proper noun, or knows no word there (a noun out
    of its dictionary, or a stage name broken into syllables: 온/NNG 유/NNG, 다/MAG 현/NNG); a
    common word (완전체, 멤버) is neither."""
    inside = analysis.morphemes_in(start, end)
    if inside and inside[-1].end > end:
        inside = alone(analysis.text[start:end])  # 성/종이: the particle read into a noun
    if not inside:
        return False
    if inside[0].tag == "NNP" or inside[0].unknown:
        return True
    return len(inside) > 1 and all(
        m.tag in BROKEN_NAME_TAGS and m.end - m.start == 1 for m in inside
    )


@functools.lru_cache(maxsize=8192)
def alone(word: str) -> tuple[Morpheme, ...]:
    """The analysis of ``word`` by itself, offsets from 0: where the analyser read a name's
    particle into a noun in context (a name ending in 종 before the subject particle 이, read as
    its family name + 종이, "paper"), the name alone is
    read as it is."""
    return tuple(
        sorted(
            Morpheme(t.start, t.start + t.len, t.form, t.tag, t.id in UNKNOWN_NOUN_IDS)
            for t in kiwi().tokenize(word)
            if t.len
        )
    )


def one_proper_noun(analysis: Analysis, start: int, end: int) -> bool:
    """Whether ``start:end`` is one proper noun; where the analyser read the particle after
    it into the noun ("댄스머신과"/NNP), the word alone is judged."""
    inside = analysis.morphemes_in(start, end)
    if len(inside) == 1 and inside[0].end > end:
        inside = alone(analysis.text[start:end])
        end = end - start
    return len(inside) == 1 and inside[0].tag == "NNP" and inside[0].end == end


def dictionary_noun(inside: list[Morpheme], end: int) -> bool:
    """Whether ``inside`` is one common noun of the analyser's dictionary ending at ``end``
    (올해, 이야기): a word, not a name."""
    return (
        len(inside) == 1
        and inside[0].tag == "NNG"
        and inside[0].end == end
        and not inside[0].unknown
    )


@functools.lru_cache(maxsize=4096)
def institution_named(name: str) -> bool:
    """A name ending like a place, an institution or a company (강남구, 서울대, 전경련); a
    one-syllable place ending only after one word of the analyser's dictionary (강남+구,
    신촌+숲), not after syllables it knows as no one word (송혜+교, 김혜+원: a given name's
    last syllable); the endings of places only (PLACE_ONLY_ENDINGS: 금남로, 안국동, 오대산)
    end a place whatever comes before."""
    if name.endswith(org_endings()) or name.endswith(PLACE_ONLY_ENDINGS):
        return True
    if name[-1] not in place_suffixes():
        return False
    stem = name[:-1]
    if len(stem) < MIN_STEM:
        return True  # 이대: too short to tell
    tokens = kiwi().tokenize(stem)
    return len(tokens) == 1 and tokens[0].id not in UNKNOWN_NOUN_IDS
