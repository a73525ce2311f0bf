"""Lists of given or stage names written bare, in Korean text that names people so.

"오늘 아침에도 유정 소미 청하 도연이와 연락을 했다", "정연 지효 채영은 코너에 참여한다":
three or more two-syllable words in a row, bare but the last (which may carry a particle, or
be followed by 등), each of which the analyser reads alone as a proper noun or a word it does
not know, and at least one of which it does not know where it stands (a name it has not seen,
or one broken into syllables: 소/NNG 미/NNG). Lists of places or countries are words the
analyser knows (서울 마포구 홍대) and are not taken. Only a text that already names a person
by a given or stage name (a group's member, a stage name after an occupation) is read so.
"""

from __future__ import annotations

from archive.entities.known import Mention
from archive.entities.korean_analysis import BROKEN_NAME_TAGS, Analysis, alone, word_at
from archive.entities.korean_particles import split_particle
from archive.entities.korean_words import (
    HANGUL_WORD,
    group_words,
    member_stops,
    roles,
    titles,
)
from archive.entities.types import PERSON

MIN_LISTED = 3  # bare names in a row for a list of persons
GIVEN_NAME = 2  # syllables of each listed name
LIST_END = "등"  # "A B C 등": and others


def listed_name_mentions(analysis: Analysis, taken: set) -> list[tuple[Mention, tuple[int, int]]]:
    """The names of each list of bare given names (module docstring)."""
    out = []
    for run in name_runs(analysis, taken):
        if len(run) >= MIN_LISTED and any(unseen(analysis, s, e) for s, e in run):
            out.extend((Mention(PERSON, analysis.text[s:e], s, e), (s, e)) for s, e in run)
    return out


def name_runs(analysis: Analysis, taken: set) -> list[list[tuple[int, int]]]:
    """Runs of consecutive name-like words as ``(start, end)`` of each name; a particle on a
    word, or 등 after it, ends its run."""
    runs, current = [], []
    for i, (start, end) in enumerate(analysis.words):
        name, particle = split_particle(analysis.text[start:end])
        if start in taken or not name_like(analysis, name):
            runs.append(current)
            current = []
            continue
        current.append((start, start + len(name)))
        if particle or word_at(analysis, i + 1).startswith(LIST_END):
            runs.append(current)
            current = []
    return [run for run in runs + [current] if run]


def name_like(analysis: Analysis, name: str) -> bool:
    """A two-syllable word that the analyser, reading it alone, takes for a proper noun or
    does not know (유정, 도연), and that is no occupation, title or word said of a group."""
    if len(name) != GIVEN_NAME or not HANGUL_WORD.match(name):
        return False
    if name in roles() or name in titles() or name in group_words() or name in member_stops():
        return False
    if name in analysis.works:
        return False
    morphemes = alone(name)
    return len(morphemes) == 1 and (morphemes[0].tag == "NNP" or morphemes[0].unknown)


def unseen(analysis: Analysis, start: int, end: int) -> bool:
    """Whether the analyser, where the word stands, knows no word ``start:end``: a noun out of
    its dictionary, one-syllable pieces (소/NNG 미/NNG), or a reading that runs past it."""
    inside = analysis.morphemes_in(start, end)
    if not inside:
        return False
    if any(m.unknown for m in inside) or inside[-1].end > end:
        return True
    return len(inside) > 1 and all(
        m.end - m.start == 1 and m.tag in BROKEN_NAME_TAGS for m in inside
    )
