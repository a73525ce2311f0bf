"""Foreign persons written in Hangul before a title, in Korean text.

Korean writes a foreign name as one to three words ("마크롱", "에마뉘엘 마크롱", "렉스 틸러슨",
"장 클로드 융커") before the person's title, and may put the country, the institution or a
marker such as 전 (former) between them ("마크롱 프랑스 대통령은", "숀 스파이서 백악관 대변인은",
"톰 하워드 전 대통령은"). Every word of the name is one the analyser reads as a proper noun or
does not know. The whole run of words is the name, never only its last or first word.
"""

from __future__ import annotations

from archive.entities.known import Mention
from archive.entities.korean_analysis import (
    Analysis,
    dictionary_noun,
    word_at,
)
from archive.entities.korean_bylines import REPORTER_TITLES
from archive.entities.korean_particles import split_particle
from archive.entities.korean_persons import FULL_NAME
from archive.entities.korean_tails import FAMILIAR_TITLES, next_title
from archive.entities.korean_words import (
    HANGUL_WORD,
    group_words,
    institution_suffixes,
    is_role,
    org_endings,
    roles,
    surnames,
    title_modifiers,
    titles,
    work_words,
)
from archive.entities.types import PERSON

MAX_NAME_WORDS = 3  # words of a foreign name written in Hangul (장 클로드 융커)
MAX_WORD_SYLLABLES = 6  # syllables of one word of it (루시아나, 블라디미르)
MAX_QUALIFIERS = 2  # words between the name and its title (미 국무부 대변인, 전 대통령)


def foreign_mentions(analysis: Analysis, taken: set, known_spans: set, byline: set) -> list:
    """Foreign persons before a title: a run of one to three name words, then up to two
    qualifiers (a known country or organization, an institution, 전/현/신임), then the title.
    One word alone needs a qualifier ("마크롱 프랑스 대통령은"); a Korean-shaped name beside its
    workplace ("김하준 한빛마트 대표는") is left to ``korean_persons``, and a reporter's title
    names no foreign person (bylines are ``korean_bylines``')."""
    out, taken = [], set(taken)
    for j in range(1, len(analysis.words)):
        if next_title(analysis, j - 1) in ("", *REPORTER_TITLES, *FAMILIAR_TITLES):
            continue
        last = j - 1
        while j - 1 - last < MAX_QUALIFIERS and qualifier(analysis, last, known_spans):
            last -= 1
        first = last
        while last - first < MAX_NAME_WORDS and foreign_word(analysis, first, taken):
            first -= 1
        run = [i for i in range(first + 1, last + 1) if i not in byline]
        if not named(analysis, run, qualified=last < j - 1):
            continue
        start, end = analysis.words[run[0]][0], analysis.words[run[-1]][1]
        out.append(
            (Mention(PERSON, analysis.text[start:end], start, end, titled=True), (start, end))
        )
        taken |= set(range(start, end))
    return out


def named(analysis: Analysis, run: list[int], qualified: bool) -> bool:
    """Whether the words ``run`` before a title are a foreign name. After a qualifier, any run
    but one syllable alone; without one, a run of two or more words that the analyser reads as
    one name ("숀 스파이서") or that has a word it does not know ("아라이 슌고"): two words it
    knows may be a team or a company ("롯데 자이언츠 감독")."""
    if not run or korean_beside_workplace(analysis, run, qualified):
        return False
    if qualified:
        return len(run) > 1 or len(word_at(analysis, run[0])) > 1
    return len(run) > 1 and any(
        unknown(analysis, i) or read_with_previous(analysis, i) for i in run
    )


def read_with_previous(analysis: Analysis, i: int) -> bool:
    start = analysis.words[i][0]
    covering = analysis.covering(start)
    return covering is not None and covering.start < start


def qualifier(analysis: Analysis, i: int, known_spans: set) -> bool:
    """A word between a name and its title: a known country or organization (프랑스, 외교부),
    a marker of the title (``korean_title_modifiers.txt``: 전, 현, 신임) or a word the analyser
    knows as one noun ending like an institution (``korean_institution_suffixes.txt``: 백악관,
    국무부)."""
    if i < 0:
        return False
    word = word_at(analysis, i)
    if analysis.words[i] in known_spans or word in title_modifiers():
        return True
    start, end = analysis.words[i]
    inside = analysis.morphemes_in(start, end)
    return (
        len(inside) == 1
        and inside[0].end == end
        and not inside[0].unknown
        and HANGUL_WORD.match(word) is not None
        and word[-1] in institution_suffixes()
    )


def foreign_word(analysis: Analysis, i: int, taken: set, stop: int | None = None) -> bool:
    """A word of a foreign name, up to ``stop`` if a particle follows: Hangul, one to six
    syllables, nouns however the analyser splits them (칼리/드), but no common noun of its
    dictionary (올해), title, occupation, kind of work or company name."""
    if i < 0:
        return False
    start, end = analysis.words[i]
    end = end if stop is None else stop
    word = analysis.text[start:end]
    if start in taken or not HANGUL_WORD.match(word) or len(word) > MAX_WORD_SYLLABLES:
        return False
    if word in titles() or word in roles() or word in work_words() or word in group_words():
        return False
    if word in title_modifiers() or word in analysis.works or word.endswith(org_endings()):
        return False  # 벨로코리아, 삼성전자: a company's name
    if read_with_previous(analysis, i):
        return analysis.covering(start).tag == "NNP"  # a name read as one ("숀 스파이서")
    inside = analysis.morphemes_in(start, end)
    if not inside or any(not m.tag.startswith("NN") for m in inside):
        return False
    return not dictionary_noun(inside, end)


def after_nationality(analysis: Analysis, taken: set, nationalities: set) -> list:
    """Foreign persons after a foreign country and an occupation ("프랑스 화가 앙리 뒤푸르의",
    "일본 감독 아라이 슌고와"): the one to three name words that follow, up to the first
    particle, are one name."""
    out, taken = [], set(taken)
    for i in range(2, len(analysis.words)):
        if analysis.words[i - 2] not in nationalities or not is_role(word_at(analysis, i - 1)):
            continue
        stop = name_end(analysis, i, taken)
        if stop is not None:
            start = analysis.words[i][0]
            out.append((Mention(PERSON, analysis.text[start:stop], start, stop), (start, stop)))
            taken |= set(range(start, stop))
    return out


GENITIVE = "의"


def authors_of_works(analysis: Analysis, taken: set) -> list:
    """Foreign persons in the genitive right before a kind of work (``korean_work_words.txt``):
    the author ("아마다 소이치의 소설 여름 정원"). The name must be two or three words, one of
    them unknown to the analyser or read with the word before as one name: one word in the
    genitive may be a group's or a company's ("그룹명의 앨범")."""
    out, taken = [], set(taken)
    for i in range(1, len(analysis.words) - 1):
        word = word_at(analysis, i)
        following = split_particle(word_at(analysis, i + 1))[0]
        if not word.endswith(GENITIVE) or following not in work_words():
            continue
        stop = analysis.words[i][1] - len(GENITIVE)
        if not foreign_word(analysis, i, taken, stop):
            continue
        first = i
        while i - first + 1 < MAX_NAME_WORDS and foreign_word(analysis, first - 1, taken):
            first -= 1
        run = list(range(first, i + 1))
        if len(run) > 1 and named(analysis, run, qualified=False):
            start = analysis.words[first][0]
            out.append((Mention(PERSON, analysis.text[start:stop], start, stop), (start, stop)))
            taken |= set(range(start, stop))
    return out


def name_end(analysis: Analysis, first: int, taken: set) -> int | None:
    """Where a foreign name of one to three words starting at word ``first`` ends: at its
    first particle or the last of its words; None if the first word is no name's. A word
    that another name word follows is whole (아라이 in "아라이 슌고와", not 아라 + 이)."""
    end, last = None, min(first + MAX_NAME_WORDS, len(analysis.words)) - 1
    for k in range(first, last + 1):
        if k < last and foreign_word(analysis, k, taken) and stem_end(analysis, k + 1, taken):
            end = analysis.words[k][1]
            continue
        stop = stem_end(analysis, k, taken)
        if stop is None:
            break
        end = stop
        if stop < analysis.words[k][1]:
            break  # a particle ends the name
    return end


def stem_end(analysis: Analysis, k: int, taken: set) -> int | None:
    """The end of word ``k`` without its particle if that is a foreign name's word."""
    start, word_end = analysis.words[k]
    stop = start + len(split_particle(analysis.text[start:word_end])[0])
    return stop if foreign_word(analysis, k, taken, stop) else None


def korean_beside_workplace(analysis: Analysis, run: list[int], qualified: bool) -> bool:
    """A Korean name (surname + two syllables) next to a word the analyser knows: the
    person's workplace ("김하준 한빛마트 대표는", "롯데 신동빈 회장"), not a foreign name of
    two words. A word it does not know next to it makes one ("아라이 슌고 감독"), and so do two
    words it reads as one proper noun, and a country between the words and the title
    ("에마뉘엘 마크롱 프랑스 대통령")."""
    if len(run) < 2 or read_with_previous(analysis, run[1]):
        return False  # the analyser reads the two words as one name ("아라이 슌고"/NNP)
    pairs = [(run[0], run[1])] + ([] if qualified else [(run[-1], run[-2])])
    for name, other in pairs:
        word = word_at(analysis, name)
        if len(word) == FULL_NAME and word[0] in surnames() and not unknown(analysis, other):
            return True
    return False


def unknown(analysis: Analysis, i: int) -> bool:
    """Whether the analyser reads word ``i`` as one noun out of its dictionary."""
    start, end = analysis.words[i]
    inside = analysis.morphemes_in(start, end)
    return len(inside) == 1 and inside[0].unknown
