"""Persons named without a Korean family name, in Korean text: stage names.

A stage name follows an occupation ("멤버 루아는", "디바 하랑과") or comes before 본명, the
real name ("루아 본명 김하은"). Foreign names before a title are ``korean_foreign``'s.
"""

from __future__ import annotations

from archive.entities.known import Mention
from archive.entities.korean_analysis import (
    Analysis,
    one_proper_noun,
    unknown_or_proper,
)
from archive.entities.korean_particles import split_particle
from archive.entities.korean_words import HANGUL_WORD, group_words, is_role, roles, titles
from archive.entities.types import PERSON

REAL_NAME = "본명"  # "루아 본명 김하은": the word before is a stage name
MIN_STAGE_NAME, MAX_STAGE_NAME = 2, 3  # syllables of a stage name without a family name
MAX_FOREIGN_NAME = 6  # syllables of a foreign name written in Hangul as one word (루시아나)


def stage_name_mentions(analysis: Analysis, taken: set) -> list[tuple[Mention, tuple[int, int]]]:
    """Names with no family name, from two signals: right after an occupation ("멤버 루아는",
    "디바 하랑과", "영화배우인 루시아나") or right before 본명, the real name ("루아 본명
    김하은"). A name longer than a stage name is a foreign name written in Hangul: the
    analyser must read it as one proper noun."""
    text, out, spans = analysis.text, [], analysis.words
    for i, (start, end) in enumerate(spans):
        if start in taken:
            continue
        previous = text[spans[i - 1][0] : spans[i - 1][1]] if i else ""
        following = text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
        if not is_role(previous) and following != REAL_NAME:
            continue
        name, _ = split_particle(text[start:end])
        stop = start + len(name)
        if not (HANGUL_WORD.match(name) and MIN_STAGE_NAME <= len(name) <= MAX_FOREIGN_NAME):
            continue
        if len(name) > MAX_STAGE_NAME and not one_proper_noun(analysis, start, stop):
            continue
        if name in roles() or name in titles() or name in group_words() or name in analysis.works:
            continue
        if following == REAL_NAME or unknown_or_proper(analysis, start, stop):
            out.append((Mention(PERSON, name, start, stop), (start, stop)))
    return out
