"""Members of a music group listed after the group's name, in Korean text.

"루미나의 다온과 세라가", "블루문 하랑 시온 태오 유찬": a group is a word the text writes
right after a group word (``korean_group_words.txt``: 걸그룹 루미나가); the names listed
after it are its members. Right after a well-known group's name, a one-syllable stage name
is one too when the text makes it the subject again ("그룹명 X는 … 이를 들은 X는").
"""

from __future__ import annotations

import re

from archive.entities.known import Mention
from archive.entities.korean_analysis import Analysis, unknown_or_proper, word_at
from archive.entities.korean_particles import (
    LIST_PARTICLES,
    MEMBER_PARTICLES,
    split_particle,
    without_particle,
)
from archive.entities.korean_stage_names import MIN_STAGE_NAME
from archive.entities.korean_words import (
    HANGUL_WORD,
    LIST_END,
    fan_club_words,
    group_names,
    group_words,
    member_stops,
    roles,
    titles,
)
from archive.entities.types import PERSON

MAX_MEMBERS = 9  # names listed after a group's name
MIN_LIST_SO_FAR = 2  # bare member names before a word the analyser knows, for it to be one
MIN_GROUP_NAME = 2  # syllables of the shortest group name after a group word
MAX_MEMBER_NAME = 3  # syllables of the longest member name in a group's list
IDOL = "아이돌"  # "아이돌 X": a group, or one idol ("아이돌 X가 새 노래를 냈다")


def groups_named(analysis: Analysis, idols: bool = True) -> set[str]:
    """The group names of a text: the word right after a group word ("걸그룹 루미나가"), and
    the well-known groups it names (``korean_group_names.txt``: "소녀시대 세아와"); with
    ``idols`` False, not the word after 아이돌 alone, which may be one idol."""
    text, found = analysis.text, set()
    for s, e in analysis.words:
        name, _ = group_split(text[s:e], group_names())
        if name in group_names():
            found.add(name)
    for i, (start, end) in enumerate(analysis.words[:-1]):
        if text[start:end] in group_words() and (idols or text[start:end] != IDOL):
            s, e = analysis.words[i + 1]
            name, _ = split_particle(text[s:e])
            if (
                HANGUL_WORD.match(name)
                and len(name) >= MIN_GROUP_NAME
                and name not in group_words()
            ):
                found.add(name)
    return found


def group_split(word: str, groups) -> tuple[str, str]:
    """A group's name and the particle written on it; a name that ends like a particle is
    whole when the text or the list knows it so ("라온하이", not 라온하 + 이)."""
    if word in groups:
        return word, ""
    return split_particle(word)


def ensembles(analysis: Analysis, idols: bool = True) -> set[str]:
    """Names the text gives a group or a fan club: the word after a group word ("걸그룹
    루미나가") and the word before or after a fan-club word ("팬클럽 별무리", "별무리 팬클럽").
    Anywhere in that text they name no person. ``idols``: as for ``groups_named``."""
    found = set(groups_named(analysis, idols))
    for i in range(len(analysis.words)):
        if word_at(analysis, i) in fan_club_words():
            for j in (i - 1, i + 1):
                name, _ = split_particle(word_at(analysis, j))
                if HANGUL_WORD.match(name) and name not in fan_club_words():
                    found.add(name)
    return found


def member_mentions(analysis: Analysis, taken: set) -> list[tuple[Mention, tuple[int, int]]]:
    """Members listed after their group's name ("루미나의 다온과 세라가", "블루문 하랑 시온
    태오 유찬"), where the group is named after a group word somewhere in the text, or in
    Latin letters right after one ("그룹 NOVA의 세아가")."""
    groups, text, out = groups_named(analysis), analysis.text, []
    for i, (start, end) in enumerate(analysis.words):
        name, particle = group_split(text[start:end], groups)
        if (name in groups and particle in ("", "의")) or group_in_latin(analysis, i):
            out.extend(members_after(analysis, member_list_start(analysis, i + 1), taken))
            if name in group_names() and particle == "":
                out.extend(one_syllable_member(analysis, i + 1, taken))
    return out


ONE_SYLLABLE_SUBJECT = re.compile(r"^([\uac00-\ud7a3])(은|는|이|가)$")


def one_syllable_member(analysis: Analysis, i: int, taken: set) -> list:
    """A one-syllable stage name right after a well-known group's name (``korean_group_names.txt``:
    "그룹명 X는"), which the analyser may read as a common word: word ``i`` is one noun (no
    dependent noun such as 측) with a subject particle, that the text makes the subject again
    elsewhere ("… X는 물었다 … 이를 들은 X는"); a word said of groups
    (``korean_member_stops.txt``: 팬) or a title is none."""
    found = ONE_SYLLABLE_SUBJECT.match(word_at(analysis, i))
    if not found or analysis.words[i][0] in taken:
        return []
    name, start = found.group(1), analysis.words[i][0]
    if name in member_stops() or name in roles() or name in titles() or name in analysis.works:
        return []
    first = analysis.starts.get(start)
    if first is None or first.end != start + 1 or first.tag not in ("NNG", "NNP"):
        return []
    again = sum(1 for k in range(len(analysis.words)) if k != i and subject_of(analysis, k) == name)
    if not again:
        return []
    return [(Mention(PERSON, name, start, start + 1), (start, start + 1))]


def subject_of(analysis: Analysis, i: int) -> str:
    found = ONE_SYLLABLE_SUBJECT.match(word_at(analysis, i))
    return found.group(1) if found else ""


LATIN_GENITIVE = re.compile(r"^[A-Za-z0-9&.\-]*의$")  # EXO의, or 의 alone where it was stripped


def group_in_latin(analysis: Analysis, i: int) -> bool:
    """A group word followed by a group's name in Latin letters with the genitive ("그룹
    NOVA의 세아가"), or by the genitive alone where a source stripped the Latin ("그룹 의
    세아가"): the members follow."""
    return word_at(analysis, i - 1) in group_words() and bool(
        LATIN_GENITIVE.match(word_at(analysis, i))
    )


MEMBER_COUNT = re.compile(r"^(총|모두|\d+명)$")  # "멤버는 총 6명": how many members follow


def member_list_start(analysis: Analysis, first: int) -> int:
    """The first word of a members' list that opens with the word for member and their number
    ("루미나의 멤버는 총 5명 세라와 다온", "루미나 멤버 다온과 세라")."""
    i = first + 1 if detached_particle(analysis, first) else first
    if without_particle(word_at(analysis, i)) in roles():
        i += 1
        while i < first + MAX_MEMBERS and MEMBER_COUNT.match(word_at(analysis, i)):
            i += 1
    return i


def detached_particle(analysis: Analysis, i: int) -> bool:
    """Whether word ``i`` is a particle written apart, as where a source's brackets or Latin
    letters were stripped (블루문(BLUEMOON)의 → "블루문 의"): it ends the name before it."""
    return word_at(analysis, i) in MEMBER_PARTICLES


def members_after(analysis: Analysis, first: int, taken: set) -> list:
    """The members listed from word ``first`` on; after "과/와", a word in the genitive is
    the next group of the list ("하랑 시온 유찬과 루미나의 세라 다온 하늘이"). A member's name
    is one the analyser does not know as a common word, or any short word that goes on a
    list of MIN_LIST_SO_FAR bare names (하늘, "sky", after 세라 다온); a common noun said of
    the group (완전체, 멤버들: ``korean_member_stops.txt``) ends the list."""
    if detached_particle(analysis, first + 1):
        return []  # the group's name goes on: "그룹 골든 나인 가"
    text, out, joined, bare = analysis.text, [], False, 0
    for s, e in analysis.words[first : first + MAX_MEMBERS]:
        member, particle = split_particle(text[s:e])
        stop = s + len(member)
        if joined and particle == "의" and HANGUL_WORD.match(member):
            joined = False
            continue
        if not (HANGUL_WORD.match(member) and len(member) <= MAX_MEMBER_NAME) or s in taken:
            break
        if member in group_words() or member in roles() or member in titles():
            break
        if member in member_stops() or member in analysis.works or stops_list(member):
            break
        going_on = bare >= MIN_LIST_SO_FAR and len(member) >= MIN_STAGE_NAME
        if not (unknown_or_proper(analysis, s, stop) or going_on):
            break
        out.append((Mention(PERSON, member, s, stop), (s, stop)))
        if particle and particle not in LIST_PARTICLES:
            break
        joined = particle in LIST_PARTICLES
        bare = 0 if particle else bare + 1
    return out


def stops_list(word: str) -> bool:
    """등 (and others), with or without its particle, ends a list: "하은 지안 등이 왔다"."""
    return without_particle(word) == LIST_END or word == LIST_END
