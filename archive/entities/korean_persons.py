"""Unknown Korean persons in Korean text, by the shape of their names.

A name-shaped word is a Korean surname (``korean_surnames_hangul.txt``) + one or two syllables
that the analysis reads as a proper noun. It names a person when a title follows it, an
occupation (``korean_roles.txt``) comes before it, it continues a list after an occupation, or
the text writes it twice; and so does every name of a list one of them is in. A reporter's
byline is not a mention.
"""

from __future__ import annotations

from archive.entities.known import Mention
from archive.entities.korean_analysis import (
    BROKEN_NAME_TAGS,
    Analysis,
    dictionary_noun,
    institution_named,
    verb_made,
    word_at,
)
from archive.entities.korean_bylines import is_byline
from archive.entities.korean_particles import split_particle, without_particle
from archive.entities.korean_tails import (
    glued_title,
    next_title,
    parenthesised,
    tail,
    titled_after,
)
from archive.entities.korean_words import (
    HANGUL_WORD,
    REPEATED,
    institution_like,
    is_role,
    ordered_surnames,
    roles,
    sino_korean,
    surnames,
    titles,
)
from archive.entities.types import PERSON

# Only the COMMON_SURNAMES most frequent family names (korean_surnames_hangul.txt is in order of
# frequency) start a name found without a title: rarer ones begin too many other words (마마무).
COMMON_SURNAMES = 30
# Syllables of a Korean person's name: surname + two (most common), surname + one, or a
# two-syllable surname + two; tried in the order of NAME_LENGTHS.
FULL_NAME = 3
SHORT_NAME = 2
LONG_NAME = 4
COMPOUND_SURNAME = 2  # syllables of the family name in a LONG_NAME
NAME_LENGTHS = (FULL_NAME, SHORT_NAME, LONG_NAME)
# Honorifics that never end a name, so a name-shaped word ending in one is a shorter name with
# the honorific glued on (지유씨에게 is 지유 + 씨).
GLUED_HONORIFICS = ("씨", "님")
# One-syllable particles that the analyser may leave glued to a two-syllable noun (신화가).
GLUED_PARTICLES = frozenset("이가은는을를의도와과")


def name_shaped(analysis: Analysis, start: int, word_end: int):
    """``(end, title)`` of a Korean name at ``start``: surname + one or two syllables, a proper
    noun by the analysis, ending where particles or a title begin; None otherwise."""
    first = analysis.starts.get(start)
    if first is None or first.tag != "NNP" or glued_title(analysis, start, word_end):
        return None  # 김위원장: a family name and a title, not 김위 + 원장
    text = analysis.text
    for length in NAME_LENGTHS:
        end = start + length
        name = text[start:end]
        if end > word_end or not HANGUL_WORD.match(name):
            continue
        family = name[:COMPOUND_SURNAME] if length == LONG_NAME else name[:1]
        if family not in surnames() or (length == LONG_NAME and len(family) != COMPOUND_SURNAME):
            continue
        if name in titles() or name in roles() or honorific_or_particle_glued(analysis, name):
            continue
        inside = analysis.morphemes_in(start, end)
        if any(m.tag not in ("NNP", "NNG", "NNB", "XR") for m in inside):
            continue  # 이솔과 is 이솔 + a particle, not a three-syllable name
        rest = tail(analysis, end, word_end)
        if rest is not None and rest != "+":
            return end, rest
    return None


def honorific_or_particle_glued(analysis: Analysis, name: str) -> bool:
    """A three-syllable "name" that is a shorter name with an honorific glued on (지유씨), or a
    two-syllable word with its particle, which the text also writes without it or with
    another particle (신화가 … 신화는)."""
    if len(name) != FULL_NAME:
        return False
    if name[-1] in GLUED_HONORIFICS:
        return True
    if name[-1] not in GLUED_PARTICLES:
        return False
    stem = name[:-1]
    return any(
        split_particle(w)[0] == stem and w != name
        for w in (analysis.text[s:e] for s, e in analysis.words)
    )


def analysed_name(analysis: Analysis, start: int, end: int, word_end: int) -> bool:
    """Without a title: a surname + two syllables that the analyser reads as one proper noun,
    followed by particles only, and not ending like a place or institution (강남구, 서울대)."""
    first = analysis.starts.get(start)
    return (
        first is not None
        and first.end == end
        and first.tag == "NNP"
        and end - start == FULL_NAME
        and analysis.text[start] in ordered_surnames()[:COMMON_SURNAMES]
        and not institution_named(analysis.text[start:end])
        and tail(analysis, end, word_end) == ""
    )


def person_mentions(analysis: Analysis, taken: set, byline: set[int]):
    """Unknown Korean persons: a name-shaped word with a title after it, or after an
    occupation ("배우 이서연과"), or continuing such a list ("배우 김하준 이서연 박도윤"), or
    named twice in the text; and every name-shaped word of a list one of them is in
    ("한서린 정소율 등이")."""
    shapes = name_shapes(analysis, taken)
    twice = repeated(analysis, shapes)
    found: dict[int, tuple[int, int, str]] = {}
    listing = False
    for i, (start, word_end) in enumerate(analysis.words):
        shaped = shapes.get(i)
        previous = analysis.text[analysis.words[i - 1][0] : analysis.words[i - 1][1]] if i else ""
        if shaped is None:
            listing = is_role(previous) and analysis.text[start:word_end] in roles()
            continue
        end, title = shaped
        if is_byline(analysis, end, i) or workplace_of(analysis, found, i - 1):
            listing = False
            continue
        title = title or (titled_after(analysis, i) if end == word_end else "")
        title = title or parenthesised(analysis.text, end)
        after_role = is_role(previous) or listing
        named = analysed_name(analysis, start, end, word_end) or analysis.text[start:end] in twice
        if not (title or after_role or named):
            listing = False
            continue
        if (end - start) == SHORT_NAME and not (title or is_role(previous)):
            continue
        if (end - start) == SHORT_NAME and institution_like(analysis.text[start:end]):
            continue  # 고대총장: the president of a university (고대), not a person 고대
        found[i] = (start, end, title)
        # a list goes on while its words carry no particle ("김하준 이서연 박도윤 최지안과")
        listing = after_role and end == word_end and not title
    fellows = list_fellows(analysis, shapes, found)
    found.update({i: f for i, f in fellows.items() if not workplace_of(analysis, found, i - 1)})
    return [
        (Mention(PERSON, analysis.text[s:e], s, e, titled=bool(t)), (s, e))
        for s, e, t in (found[i] for i in sorted(found))
    ]


def workplace_of(analysis: Analysis, found: dict, i: int) -> bool:
    """Whether the word after word ``i`` is the workplace of the person found there with a
    title two words on: a word ending like an institution ("이미소 한빛대 교수팀"), not a
    second name ("배우 박도윤 최지안 교수")."""
    return (
        i in found
        and bool(found[i][2])
        and not next_title(analysis, i)
        and institution_like(without_particle(word_at(analysis, i + 1)))
    )


def name_shapes(analysis: Analysis, taken: set) -> dict[int, tuple[int, str]]:
    """Word index → ``(end, title)`` of the words that start with a name-shaped noun."""
    shapes, works = {}, analysis.works
    for i, (start, word_end) in enumerate(analysis.words):
        if start in taken:
            continue
        opening = analysis.text.find("(", start, word_end)  # 김철수(서울대 교수)
        shaped = (
            name_shaped(analysis, start, word_end if opening < 0 else opening)
            or role_shaped(analysis, i)
            or unknown_shaped(analysis, i)
        )
        if shaped and given_name_like(analysis.text[start : shaped[0]], works):
            shapes[i] = shaped
    return shapes


def given_name_like(name: str, works: frozenset) -> bool:
    """No title of a work, and syllables after the surname that a Korean given name may have
    (no loanword's: 시크릿, 오렌지)."""
    return name not in works and sino_korean(name[1:])


def role_shaped(analysis: Analysis, i: int):
    """``(end, "")`` of a surname + two syllables right after an occupation ("감독 도윤재
    제작", "배우 오태람이") or written bare before a title ("김의찬 대변인은", which the
    analyser reads 김/의/찬), however
    the analyser splits it, unless it reads those syllables as one common noun (배우 이야기를)
    or a verb form; None otherwise."""
    start, word_end = analysis.words[i]
    if is_role(word_at(analysis, i - 1)):
        name = without_particle(analysis.text[start:word_end])
        family = surnames()
    elif titled_after(analysis, i):
        name = analysis.text[start:word_end]  # a title after it: the name is bare
        family = frozenset(ordered_surnames()[:COMMON_SURNAMES])
    else:
        return None
    end = start + len(name)
    if len(name) != FULL_NAME or not HANGUL_WORD.match(name) or name[0] not in family:
        return None
    inside = analysis.morphemes_in(start, end)
    if dictionary_noun(inside, end):
        return None
    if not inside or not inside[-1].tag.startswith("NN") or verb_made(inside):
        return None  # 인정한, 성공한: a verb's adnominal form
    if name in titles() or name in roles() or institution_named(name):
        return None
    return end, ""


def unknown_shaped(analysis: Analysis, i: int):
    """``(end, "")`` of a common surname + two syllables that the analyser does not know: one
    noun out of its dictionary (오태람/NNG in 오태람이), or three one-syllable nouns and
    determiners (오/태/림 in 오태림이). Such a word is a person only with a signal or written twice."""
    start, word_end = analysis.words[i]
    name = without_particle(analysis.text[start:word_end])
    end = start + len(name)
    if len(name) != FULL_NAME or not HANGUL_WORD.match(name):
        return None
    if name[0] not in ordered_surnames()[:COMMON_SURNAMES] or name in analysis.works:
        return None
    if name in titles() or name in roles() or institution_named(name):
        return None
    first = analysis.starts.get(start)
    one_unknown = first is not None and first.unknown and first.end >= end
    inside = analysis.morphemes_in(start, end)
    syllables = len(inside) == FULL_NAME and all(
        m.end - m.start == 1 and m.tag in BROKEN_NAME_TAGS for m in inside
    )
    return (end, "") if one_unknown or syllables else None


def repeated(analysis: Analysis, shapes: dict) -> set[str]:
    """Three-syllable names written bare (particles only) at least twice: a text repeats the
    name of the person it is about ("김하준을 … 김하준과")."""
    counts: dict[str, int] = {}
    for i, (end, title) in shapes.items():
        start = analysis.words[i][0]
        if (
            end - start == FULL_NAME
            and not title
            and not institution_named(analysis.text[start:end])
        ):
            name = analysis.text[start:end]
            counts[name] = counts.get(name, 0) + 1
    return {name for name, n in counts.items() if n >= REPEATED}


def list_fellows(analysis: Analysis, shapes: dict, found: dict) -> dict:
    """The other names of a list that holds a found person: consecutive name-shaped words, all
    bare but the last ("한서린 정소율 문가온 등", "한서린 정소율 등이")."""
    fellows = {}
    for run in name_runs(analysis, shapes):
        if len(run) > 1 and any(i in found for i in run):
            for i in run:
                start = analysis.words[i][0]
                end, title = shapes[i]
                if i not in found and end - start == FULL_NAME:
                    fellows[i] = (start, end, title)
    return fellows


def name_runs(analysis: Analysis, shapes: dict) -> list[list[int]]:
    runs, current = [], []
    for i in range(len(analysis.words)):
        if i in shapes:
            current.append(i)
            if shapes[i][0] != analysis.words[i][1]:  # a particle or title ends the list
                runs.append(current)
                current = []
        else:
            runs.append(current)
            current = []
    return [run for run in runs + [current] if run]
