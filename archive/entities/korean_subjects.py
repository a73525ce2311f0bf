"""Persons named with no cue beside the name, in Korean text: a recurring subject that the
text speaks of as a person.

A stage name or pen name often stands alone ("라온84가 새 앨범을 냈다"). The text then makes it
the subject of its sentences again and again, and says it is a person in one of two ways: the
next sentence calls it 그 or 그녀 (he, she: "라온84는 데뷔 10주년을 맞았다 그는 ..."), or it
speaks in the first person singular ("라온84는 제 색깔이 담긴 노래 라고 말했다"). A group
says 그들 and 저희, a company neither. The subject must recur (REPEATED times) and be no
occupation, title, group, collective (대표팀, 선수들), work or institution, nor a word the text writes after a determiner
(이 회사는, 새 앨범): a common noun; "아이돌 X" may be one idol, and the pronoun or
the first person says which (``korean_groups.ensembles``).
"""

from __future__ import annotations

import re

from archive.entities.known import Mention
from archive.entities.korean_analysis import Analysis, alone, institution_named, word_at
from archive.entities.korean_groups import ensembles
from archive.entities.korean_name_lists import PLURAL
from archive.entities.korean_persons import REPEATED
from archive.entities.korean_words import group_words, member_stops, roles, title_teams, titles
from archive.entities.types import PERSON

SUBJECT_TAGS = ("JX", "JKS")  # 은/는 (topic), 이/가 (subject)
SUBJECT_WORD = re.compile(r"^([\uac00-\ud7a3]{1,5}[0-9]{0,3})(은|는|이|가)$")
MIN_NAME = 2  # characters of a stem
PRONOUNS = frozenset({"그는", "그녀는", "그가", "그녀가"})  # he, she as the next subject
FIRST_PERSON = frozenset({"제가", "저는", "제", "저도", "저를", "내가", "나는", "내", "나도"})
QUOTE_ENDS = ("라고", "이라고", "라며", "이라며", "라면서", "이라면서")
MAX_QUOTE = 25  # words from a first-person word to the end of the quote


def subject_mentions(analysis: Analysis, taken: set) -> list[tuple[Mention, tuple[int, int]]]:
    """Every word of a recurring subject that a pronoun or a first-person quote makes a
    person (module docstring), its particle left off."""
    subjects = subject_words(analysis)
    candidates = candidate_stems(analysis, subjects, taken)
    counts: dict[str, int] = {}
    for stem in candidates.values():
        counts[stem] = counts.get(stem, 0) + 1
    recurring = {i: s for i, s in candidates.items() if counts[s] >= REPEATED}
    enders = sentence_ends(analysis)
    persons = {recurring[j] for j in spoken_of_as_one(analysis, subjects, enders) if j in recurring}
    out = []
    for i, stem in sorted(recurring.items()):
        if stem in persons:
            start = analysis.words[i][0]
            out.append(
                (Mention(PERSON, stem, start, start + len(stem)), (start, start + len(stem)))
            )
    return out


def subject_words(analysis: Analysis) -> dict[int, str]:
    """Word index → stem of each word that is a subject: a noun with 은/는/이/가 that the
    analyser reads as a particle."""
    out = {}
    for i, (start, end) in enumerate(analysis.words):
        found = SUBJECT_WORD.match(analysis.text[start:end])
        if not found:
            continue
        particle = analysis.morphemes_in(start + len(found.group(1)), end)
        if particle and particle[0].tag in SUBJECT_TAGS:
            out[i] = found.group(1)
    return out


def candidate_stems(analysis: Analysis, subjects: dict[int, str], taken: set) -> dict[int, str]:
    """The subjects that may be a name: not found yet, no occupation, title, group, work or
    institution, and a proper noun or a word the analyser does not know; a common noun of its
    dictionary (남편, 주인공, 강타) only where the text writes it after 아이돌, as one idol."""
    idols = ensembles(analysis) - ensembles(analysis, idols=False)
    excluded = ensembles(analysis, idols=False) | analysis.works | determined(analysis)
    return {
        i: stem
        for i, stem in subjects.items()
        if analysis.words[i][0] not in taken
        and len(stem) >= MIN_NAME
        and stem not in excluded
        and not not_a_name(stem)
        and (stem in idols or proper_or_unknown(stem))
    }


def proper_or_unknown(stem: str) -> bool:
    """Whether the analyser reads ``stem`` alone as one proper noun or one it does not know,
    or ``stem`` is letters with a number, as a pen name is (라온84); no common noun is."""
    if stem[-1].isdigit():
        return True
    reading = alone(stem)
    return len(reading) == 1 and (reading[0].tag == "NNP" or reading[0].unknown)


def determined(analysis: Analysis) -> set[str]:
    """Words that the text writes after a determiner (이 회사는, 새 앨범을, 그 행사): common
    nouns, not names."""
    out = set()
    for i in range(1, len(analysis.words)):
        start, end = analysis.words[i - 1]
        inside = analysis.morphemes_in(start, end)
        if len(inside) == 1 and inside[0].tag == "MM" and inside[0].end == end:
            found = SUBJECT_WORD.match(word_at(analysis, i))
            out.add(found.group(1) if found else word_at(analysis, i))
    return out


def not_a_name(stem: str) -> bool:
    """An occupation, title, group word or institution, or a collective: a team, a side, the
    plural (대표팀, 제작진들; ``korean_title_teams.txt``)."""
    words = (roles(), titles(), group_words(), member_stops())
    collective = stem.endswith((*title_teams(), PLURAL))
    return any(stem in w for w in words) or collective or institution_named(stem)


def sentence_ends(analysis: Analysis) -> set[int]:
    """Indices of the words that end a sentence (a final ending: 했다, 연다)."""
    ends = {m.start for m in analysis.morphemes if m.tag == "EF"}
    return {i for i, (s, e) in enumerate(analysis.words) if any(s <= p < e for p in ends)}


def sentence_start(i: int, enders: set[int]) -> int:
    j = i - 1
    while j >= 0 and j not in enders:
        j -= 1
    return j + 1


def spoken_of_as_one(analysis: Analysis, subjects: dict[int, str], enders: set[int]) -> set[int]:
    """Word indices of the subjects that a pronoun calls 그 or 그녀, or that speak in the first
    person singular. A pronoun's subject is the first subject of its sentence before it, or of
    the sentence before; a first-person word's speaker is the first subject of its sentence
    before it, with the end of the quote (라고, 라며) after it."""
    out = set()
    for i in range(len(analysis.words)):
        word = word_at(analysis, i)
        start = sentence_start(i, enders)
        here = [j for j in subjects if start <= j < i]
        if word in PRONOUNS:
            before = [j for j in subjects if sentence_start(start - 1, enders) <= j < start]
            out.update(here[:1] or before[:1])
        elif word in FIRST_PERSON and here and quote_ends_after(analysis, i):
            out.add(here[0])
    return out


def quote_ends_after(analysis: Analysis, i: int) -> bool:
    return any(word_at(analysis, k).startswith(QUOTE_ENDS) for k in range(i + 1, i + 1 + MAX_QUOTE))
