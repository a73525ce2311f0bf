"""Actors named after the character they play in a cast description, in Korean text.

A cast description names a character by its relation to another ("정남의 아들 기동") and the
actor right after the character's name ("정남의 아들 기동 왕석현 까지"): the word after is a
Korean name (a family name + two syllables) even where the analyser reads it as syllables.
"""

from __future__ import annotations

from archive.entities.known import Mention
from archive.entities.korean_analysis import Analysis, dictionary_noun, word_at
from archive.entities.korean_particles import without_particle
from archive.entities.korean_persons import FULL_NAME
from archive.entities.korean_words import HANGUL_WORD, kinship_words, surnames, titles
from archive.entities.types import PERSON

GENITIVE = "의"


def cast_mentions(analysis: Analysis, taken: set) -> list[tuple[Mention, tuple[int, int]]]:
    """Korean names right after "<name>의 <relation> <character>" (``korean_kinship.txt``)."""
    out = []
    for i in range(3, len(analysis.words)):
        if not cast_cue(analysis, i):
            continue
        start, word_end = analysis.words[i]
        name = without_particle(analysis.text[start:word_end])
        end = start + len(name)
        if start in taken or not actor_shaped(analysis, name, start, end):
            continue
        out.append((Mention(PERSON, name, start, end), (start, end)))
    return out


def cast_cue(analysis: Analysis, i: int) -> bool:
    """Whether words ``i-3 … i-1`` are a genitive, a relation and a bare character name."""
    owner, relation, character = (word_at(analysis, k) for k in (i - 3, i - 2, i - 1))
    return (
        owner.endswith(GENITIVE)
        and len(owner) > len(GENITIVE)
        and relation in kinship_words()
        and HANGUL_WORD.match(character) is not None
        and without_particle(character) == character
    )


def actor_shaped(analysis: Analysis, name: str, start: int, end: int) -> bool:
    """A family name + two syllables of nouns, no common noun of the analyser's dictionary."""
    if len(name) != FULL_NAME or not HANGUL_WORD.match(name) or name[0] not in surnames():
        return False
    if name in titles():
        return False
    inside = analysis.morphemes_in(start, end)
    if not inside or any(not m.tag.startswith("NN") for m in inside):
        return False
    return not dictionary_noun(inside, end)
