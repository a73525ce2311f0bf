"""Persons named with no cue beside the name, in Korean text: a recurring subject that the
text speaks of as a person.

A stage name or pen name often stands alone ("미르77이 새 책을 냈다"). The text then makes it
the subject of its sentences again and again, and says it is a person in one of two ways: a
later sentence calls it 그 or 그녀 (he, she: "미르77은 어촌에서 자랐다. 그녀는 ..."), or it
speaks in the first person singular ("미르77은 내가 쓴 가장 긴 이야기 라며 웃었다"). A group
says 그들 and 저희, a company neither. The subject must recur (REPEATED times) and be no
occupation, title, group, collective (대표팀, 선수들), work or institution, nor a word the
text writes after a determiner (이 회사는, 새 앨범): a common noun. Its letters must be a
proper noun or a word the analyser does not know, with or without a number after them (a
pen name's 77; a common noun's 2 in 시즌2 makes no name). "아이돌 X" may be a group or one
idol: the pronoun or the first person says which (``korean.no_ensembles``); a common noun of
the dictionary after 아이돌 stays a common noun (아이돌 문화), unless the text also introduces
that word as one person: right after an occupation or a generation's idol word ("1세대 아이돌 X가"),
or after an appositive noun phrase in the copula ("…계의 레전드인 X는"); a stage name may be a
common word (a proper noun needs no such introduction).
"""

from __future__ import annotations

import re

from archive.entities.known import Mention
from archive.entities.korean_analysis import Analysis, alone, institution_named, word_at
from archive.entities.korean_words import (
    PLURAL,
    REPEATED,
    group_words,
    is_role,
    member_stops,
    roles,
    title_teams,
    titles,
)
from archive.entities.types import PERSON

SUBJECT_TAGS = ("JX", "JKS")  # 은/는 (topic), 이/가 (subject)
SUBJECT_WORD = re.compile(r"^([\uac00-\ud7a3]{1,5}[0-9]{0,3})(은|는|이|가)$")
NUMBER_AFTER = re.compile(r"[0-9]+$")  # a pen name's number (미르77)
MIN_NAME = 2  # characters of a stem
PRONOUNS = frozenset({"그는", "그녀는", "그가", "그녀가"})  # he, she as the next subject
FIRST_PERSON = frozenset({"제가", "저는", "제", "저도", "저를", "내가", "나는", "내", "나도"})
QUOTE_ENDS = ("라고", "이라고", "라며", "이라며", "라면서", "이라면서")
MAX_QUOTE = 25  # words from a first-person word to the end of the quote
GENITIVE = "의"  # "아이돌계의 레전드인 X": the genitive opens an appositive noun phrase
APPOSITIVE_COPULA = "인"  # the copula's adnominal form that closes it
GENERATION = re.compile(r"^[0-9]{1,2}세대$")  # "1세대 아이돌": a generation of idols


def subject_mentions(
    analysis: Analysis, taken: set, bands: set[str]
) -> list[tuple[Mention, tuple[int, int]]]:
    """Every word of a recurring subject that a pronoun or a first-person quote makes a
    person (module docstring), its particle left off. ``bands``: the names the text gives a
    group or a fan club, but for 아이돌 X (``korean_groups.ensembles`` with ``idols=False``)."""
    subjects = subject_words(analysis)
    candidates = candidate_stems(analysis, subjects, taken, bands)
    counts: dict[str, int] = {}
    for stem in candidates.values():
        counts[stem] = counts.get(stem, 0) + 1
    recurring = {i: s for i, s in candidates.items() if counts[s] >= REPEATED}
    persons = {recurring[j] for j in spoken_of_as_one(analysis, subjects) if j in recurring}
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


def candidate_stems(
    analysis: Analysis, subjects: dict[int, str], taken: set, bands: set[str]
) -> dict[int, str]:
    """The subjects that may be a name: not found yet, no group (``bands``), occupation, title,
    work or institution, and a proper noun or a word the analyser does not know."""
    excluded = bands | analysis.works | determined(analysis)
    introduced = introduced_stems(analysis, subjects)
    return {
        i: stem
        for i, stem in subjects.items()
        if analysis.words[i][0] not in taken
        and len(stem) >= MIN_NAME
        and stem not in excluded
        and not not_a_name(stem)
        and (proper_or_unknown(stem) or stem in introduced)
    }


def introduced_stems(analysis: Analysis, subjects: dict[int, str]) -> set[str]:
    """Subjects that the text introduces as one person, whatever the analyser reads them as:
    right after an occupation or a generation's idol word ("1세대 아이돌 X가"), or after an appositive
    noun phrase, a genitive then a noun in the copula ("…계의 레전드인 X는")."""
    return {
        stem
        for i, stem in subjects.items()
        if is_role(word_at(analysis, i - 1))
        or generation_idol(analysis, i - 1)
        or appositive(analysis, i - 1)
    }


def generation_idol(analysis: Analysis, i: int) -> bool:
    """Whether word ``i`` is an idol word after a generation ("1세대 아이돌"): it introduces
    one of that generation's idols, where 아이돌 alone may begin a common noun (아이돌 문화)."""
    return word_at(analysis, i) in group_words() and GENERATION.match(word_at(analysis, i - 1))


def appositive(analysis: Analysis, i: int) -> bool:
    """Whether word ``i`` closes an appositive noun phrase: nouns in the copula's adnominal
    form (레전드인) after a word in the genitive (아이돌계의); an adjectival noun in -적
    (기계적인, "mechanical") describes, it names no one."""
    word = word_at(analysis, i)
    if not (word.endswith(APPOSITIVE_COPULA) and len(word) > len(APPOSITIVE_COPULA)):
        return False
    if not word_at(analysis, i - 1).endswith(GENITIVE):
        return False
    inside = analysis.morphemes_in(*analysis.words[i])
    nouns = [m for m in inside if m.tag not in ("VCP", "ETM")]
    return (
        any(m.tag == "VCP" for m in inside)
        and bool(nouns)
        and all(m.tag.startswith("NN") for m in nouns)
    )


def proper_or_unknown(stem: str) -> bool:
    """Whether the analyser reads the letters of ``stem`` alone, without a number after them,
    as one proper noun or one it does not know: a pen name (미르77), not a common noun with a
    number (시즌2)."""
    letters = NUMBER_AFTER.sub("", stem)
    if len(letters) < MIN_NAME:
        return False
    reading = alone(letters)
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


def sentence_numbers(analysis: Analysis) -> list[int]:
    """The number of each word's sentence, counted from 0; a word with a final ending (했다,
    연다) ends its sentence."""
    enders = {analysis.word_index(m.start) for m in analysis.morphemes if m.tag == "EF"}
    out, number = [], 0
    for i in range(len(analysis.words)):
        out.append(number)
        number += i in enders
    return out


def spoken_of_as_one(analysis: Analysis, subjects: dict[int, str]) -> set[int]:
    """Word indices of the subjects that a pronoun calls 그 or 그녀, or that speak in the first
    person singular. A pronoun's subject is the first subject of its sentence before it, or of
    the sentence before; a first-person word's speaker is the first subject of its sentence
    before it, with the end of the quote (라고, 라며) after it. One pass over the words."""
    numbers = sentence_numbers(analysis)
    first: dict[int, int] = {}  # sentence number -> word index of its first subject
    for j in sorted(subjects):
        first.setdefault(numbers[j], j)
    out = set()
    for i, number in enumerate(numbers):
        word = word_at(analysis, i)
        here = first.get(number)
        here = here if here is not None and here < i else None
        if word in PRONOUNS:
            before = here if here is not None else first.get(number - 1)
            if before is not None:
                out.add(before)
        elif word in FIRST_PERSON and here is not None and quote_ends_after(analysis, i):
            out.add(here)
    return out


def quote_ends_after(analysis: Analysis, i: int) -> bool:
    return any(word_at(analysis, k).startswith(QUOTE_ENDS) for k in range(i + 1, i + 1 + MAX_QUOTE))
