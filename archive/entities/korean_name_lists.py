"""Names on lists in Korean text: given or stage names written bare, the names that go on a
list after an occupation, and a name joined by 과/와 to a person found (``list_mentions``).

"어제 저녁에도 세아 지안 수빈이와 통화를 했다", "세아 지안 수빈은 무대에 함께 선다":
three or more two-syllable words in a row, bare but the last (which may carry a particle, or
be followed by 등), each of which the analyser reads alone as a proper noun or a word it does
not know, and at least one of which it does not know where it stands (a name it has not seen,
or one it breaks into one-syllable nouns). Lists of places or countries are words the
analyser knows (부산 해운대구 광안리) and are not taken. Only a text that already names a person
by a given or stage name (a group's member, a stage name after an occupation) is read so.
"""

from __future__ import annotations

from archive.entities.known import Mention
from archive.entities.korean_analysis import (
    BROKEN_NAME_TAGS,
    Analysis,
    alone,
    dictionary_noun,
    institution_named,
    spans,
    unknown_or_proper,
    word_at,
)
from archive.entities.korean_particles import LIST_PARTICLES, split_particle, without_particle
from archive.entities.korean_persons import FULL_NAME
from archive.entities.korean_words import (
    HANGUL_WORD,
    LIST_END,
    PLURAL,
    country_initials,
    group_words,
    is_role,
    member_stops,
    ordered_surnames,
    roles,
    sino_korean,
    surnames,
    titles,
)
from archive.entities.types import PERSON

MIN_LISTED = 3  # bare names in a row for a list of persons
GIVEN_NAME = 2  # syllables of each listed name


def list_mentions(analysis: Analysis, taken: set, found: set[int], given_names: bool) -> list:
    """The persons named on lists, in this order: bare given names (only when ``given_names``:
    the text names someone by a given or stage name), names going on a list after an
    occupation, names joined to a person found. ``found``: word indices of the persons found
    so far; each finder leaves the spans of the one before it."""
    listed = listed_name_mentions(analysis, taken) if given_names else []
    taken = taken | spans(listed)
    listed += occupation_list_mentions(analysis, taken, found)
    taken = taken | spans(listed)
    listed += one_syllable_mentions(analysis, taken, found)
    taken = taken | spans(listed)
    return listed + partner_mentions(analysis, taken, found)


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
            runs.append(current if not examples_of_things(analysis, i + 1) else [])
            current = []
    return [run for run in runs + [current] if run]


def examples_of_things(analysis: Analysis, i: int) -> bool:
    """Whether word ``i`` is a bare 등 before a noun that is no occupation: the list before it
    gives examples of things ("사과 배 포도 등 과일"), not of persons ("... 등 인기
    가수들이")."""
    if word_at(analysis, i) != LIST_END:
        return False
    following = [without_particle(word_at(analysis, j)) for j in (i + 1, i + 2)]
    return not any(is_role(w) or is_role(w.removesuffix(PLURAL)) for w in following)


def name_like(analysis: Analysis, name: str) -> bool:
    """A two-syllable word that the analyser, reading it alone, takes for a proper noun or
    does not know (수빈, 세아), and that is no occupation, title or word said of a group."""
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


LISTED_NAME = (2, 3)  # syllables of a name going on a list after an occupation


def occupation_list_mentions(analysis: Analysis, taken: set, found: set[int]) -> list:
    """The names that go on a list after an occupation, past the names already found in it,
    up to a word that closes the list: "모델 A 하람 등이", "래퍼 A와 B 등", "화가 A B C 작곡가
    D". ``found``: word indices of the persons found so far. A list is closed by 등 after its
    last name or by the next occupation; a run that is not closed so (가수 A 별무리 일본의,
    배우 A 부산으로) gives no name."""
    out = []
    for i in sorted(found):
        if i - 1 in found or not is_role(word_at(analysis, i - 1)):
            continue
        run, j = [], i + 1
        while goes_on(analysis, j - 1) and j in found | listed_word(analysis, j, taken):
            if j not in found:
                run.append(j)
            j += 1
        if run and closed(analysis, run[-1]):
            out.extend(listed_mention(analysis, k) for k in run)
    return out


def goes_on(analysis: Analysis, i: int) -> bool:
    """Whether the list goes on after word ``i``: no particle on it but 과/와."""
    _, particle = split_particle(word_at(analysis, i))
    return particle in ("", *LIST_PARTICLES)


def listed_word(analysis: Analysis, j: int, taken: set) -> set[int]:
    """``{j}`` if word ``j`` may be a name on a list: two or three syllables the analyser reads
    as a proper noun or does not know, or a surname + two syllables of a given name however it
    splits them (박/NNG 어/EC 하/XSA ...), but no common noun of its dictionary."""
    if j >= len(analysis.words) or analysis.words[j][0] in taken:
        return set()
    start = analysis.words[j][0]
    name, _ = split_particle(word_at(analysis, j))
    end = start + len(name)
    if not (HANGUL_WORD.match(name) and LISTED_NAME[0] <= len(name) <= LISTED_NAME[1]):
        return set()
    if name in roles() or name in titles() or name in group_words() or name in member_stops():
        return set()
    if unknown_or_proper(analysis, start, end):
        return {j}
    surname_led = len(name) == FULL_NAME and name[0] in ordered_surnames()
    inside = analysis.morphemes_in(start, end)
    return (
        {j} if surname_led and sino_korean(name[1:]) and not dictionary_noun(inside, end) else set()
    )


def closed(analysis: Analysis, j: int) -> bool:
    """Whether a list of persons ends at word ``j``: 등 after it, or the next occupation. A
    particle alone does not close one: "배우 김하준 부산으로 향했다" (a headline without the
    name's particle) goes on to a place."""
    _, particle = split_particle(word_at(analysis, j))
    after = word_at(analysis, j + 1)
    return not particle and (after.startswith(LIST_END) or after in roles())


def listed_mention(analysis: Analysis, j: int) -> tuple[Mention, tuple[int, int]]:
    start = analysis.words[j][0]
    name, _ = split_particle(word_at(analysis, j))
    return Mention(PERSON, name, start, start + len(name)), (start, start + len(name))


# Words from the last person of a list to a one-syllable name in it: the next item, or the one
# after it where another item stands between (a band's name among solo singers: "래퍼 A 밴드명
# 렌"); further on, a run of bare words is no longer read as the list.
MAX_GAP = 2


def one_syllable_mentions(analysis: Analysis, taken: set, found: set[int]) -> list:
    """One-syllable stage names on a list after an occupation that holds a person found,
    closed or not: "래퍼 A 렌 출연", "모델 A 밴드명 렌 런웨이". The list runs from the
    occupation over words bare or joined by 과/와; a bare one-syllable word in it, at most
    MAX_GAP words after a person of the list, that the analyser reads as a proper noun (or
    knows no word there) alone and where it stands, and that is no family name or a country's
    first syllable (미, 러), is a person; a common word (곡, 새, 측) is not."""
    out, seen = [], set()
    for i in sorted(found):
        if i in seen or not is_role(word_at(analysis, i - 1)):
            continue
        j, last = i, i
        while goes_on(analysis, j) and j + 1 < len(analysis.words) and j < last + MAX_GAP:
            j += 1
            seen.add(j)
            if j in found:
                last = j
            elif one_syllable_name(analysis, j, taken):
                out.append(listed_mention(analysis, j))
    return out


def one_syllable_name(analysis: Analysis, j: int, taken: set) -> bool:
    start, end = analysis.words[j]
    word = analysis.text[start:end]
    if len(word) != 1 or start in taken or not HANGUL_WORD.match(word):
        return False
    if word in surnames() or word in country_initials():
        return False
    readings = (analysis.morphemes_in(start, end), alone(word))
    return all(
        len(r) == 1 and (r[0].tag == "NNP" or r[0].unknown) and r[0].end - r[0].start == 1
        for r in readings
    )


SUBJECT_PARTICLES = ("은", "는", "이", "가")
MAX_PARTNER_NAME = 5  # syllables of a name joined to a person by 과/와 (하늘별과)


def partner_mentions(analysis: Analysis, taken: set, found: set[int]) -> list:
    """A name joined by 과/와 to a person found in the text, the two the subject of what
    follows ("이에 하늘별과 김민수는"): a word the analyser reads as a proper noun or does not
    know, and no place or institution (groups are set aside with the text's ensembles)."""
    out = []
    for i in sorted(found):
        _, particle = split_particle(word_at(analysis, i))
        if i < 1 or i - 1 in found or particle not in SUBJECT_PARTICLES:
            continue
        start = analysis.words[i - 1][0]
        name, joined = split_particle(word_at(analysis, i - 1))
        end = start + len(name)
        if joined not in LIST_PARTICLES or start in taken or not partner_like(analysis, name):
            continue
        if unknown_or_proper(analysis, start, end):
            out.append((Mention(PERSON, name, start, end), (start, end)))
    return out


def partner_like(analysis: Analysis, name: str) -> bool:
    return (
        bool(HANGUL_WORD.match(name))
        and LISTED_NAME[0] <= len(name) <= MAX_PARTNER_NAME
        and name not in roles()
        and name not in titles()
        and name not in group_words()
        and name not in analysis.works
        and not institution_named(name)
    )
