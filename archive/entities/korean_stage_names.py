"""Persons named without a Korean family name, in Korean text: stage names and foreign names.

A stage name follows an occupation ("멤버 키미는", "디바 소찬휘와") or comes before 본명, the
real name ("키미 본명 김민지"); a foreign name is written the Korean way, name + country +
title ("마크롱 프랑스 대통령은").
"""

from __future__ import annotations

from archive.entities.known import Mention
from archive.entities.korean_analysis import (
    Analysis,
    dictionary_noun,
    one_proper_noun,
    unknown_or_proper,
)
from archive.entities.korean_particles import split_particle
from archive.entities.korean_tails import next_title
from archive.entities.korean_words import HANGUL_WORD, group_words, is_role, roles, titles
from archive.entities.types import PERSON

REAL_NAME = "본명"  # "키미 본명 김민지": the word before is a stage name
MIN_STAGE_NAME, MAX_STAGE_NAME = 2, 3  # syllables of a stage name without a family name
MAX_FOREIGN_NAME = 6  # syllables of a foreign name written in Hangul as one word (오우양나나)


def stage_name_mentions(analysis: Analysis, taken: set) -> list[tuple[Mention, tuple[int, int]]]:
    """Names with no family name, from two signals: right after an occupation ("멤버 키미는",
    "디바 소찬휘와", "영화배우인 오우양나나") or right before 본명, the real name ("키미 본명
    김민지"). A name longer than a stage name is a foreign name written in Hangul: the
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


def foreign_mentions(analysis: Analysis, taken: set, countries: set) -> list:
    """Foreign persons named the Korean way, name + country + title ("마크롱 프랑스 대통령은",
    "칼리드 사우디 왕자"): the name is any word of two to six syllables, however the analyser
    splits it, but not a common noun (올해 프랑스 대통령 선거), a verb form or a determiner."""
    out = []
    for i in range(len(analysis.words) - 2):
        start, end = analysis.words[i]
        if start in taken or analysis.words[i + 1] not in countries:
            continue
        if not next_title(analysis, i + 1) or not foreign_name(analysis, start, end):
            continue
        out.append(
            (Mention(PERSON, analysis.text[start:end], start, end, titled=True), (start, end))
        )
    return out


def foreign_name(analysis: Analysis, start: int, end: int) -> bool:
    name = analysis.text[start:end]
    if not (HANGUL_WORD.match(name) and MIN_STAGE_NAME <= len(name) <= MAX_FOREIGN_NAME):
        return False
    inside = analysis.morphemes_in(start, end)
    if not inside or any(not m.tag.startswith("NN") for m in inside):
        return False
    return not dictionary_noun(inside, end)
