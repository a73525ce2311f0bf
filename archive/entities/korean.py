"""Hangul mentions: known names and persons in Korean text, by morphological analysis.

``mentions(text, gazetteer)`` returns ``(Mention, (start, end))`` with character offsets into
``text``, in text order. Each finder claims its spans before the next one runs:

- known names of the gazetteer, with particles, titles and homonyms (``korean_known``);
- foreign names of one to three words before a title, after a foreign nationality and an
  occupation, or in the genitive before a kind of work (``korean_foreign``), before the next
  finders can cut them short;
- unknown Korean persons by the shape of their names (``korean_persons``), and actors after
  the character they play in a cast description (``korean_casts``);
- members listed after their group's name (``korean_groups``);
- stage names (``korean_stage_names``);
- recurring subjects that the text calls he or she or that speak in the first person
  (``korean_subjects``), and bare names in a digest of headlines (``korean_digests``);
- a family name with a title glued on, for the one person of the text with that family name
  (``korean_glued_titles``);
- names on lists (``korean_name_lists``): bare given names in a text that names someone so,
  names going on a list after an occupation, a name joined by 과/와 to a person found.

The words these read are analysed once (``korean_analysis``); bylines are not mentions
(``korean_bylines``). A person written under two names is given the first.

Analysis runs only on text that contains Hangul (``korean_words.has_hangul``); the analyser
is created once per process.
"""

from __future__ import annotations

import dataclasses

from archive.entities.known import Mention
from archive.entities.korean_analysis import Analysis, analyse, spans, word_at
from archive.entities.korean_bylines import byline_words
from archive.entities.korean_casts import cast_mentions
from archive.entities.korean_digests import digest_mentions
from archive.entities.korean_foreign import after_nationality, authors_of_works, foreign_mentions
from archive.entities.korean_glued_titles import glued_title_mentions
from archive.entities.korean_groups import ensembles, member_mentions
from archive.entities.korean_known import known_mentions
from archive.entities.korean_name_lists import list_mentions
from archive.entities.korean_persons import FULL_NAME, SHORT_NAME, person_mentions
from archive.entities.korean_stage_names import REAL_NAME, stage_name_mentions
from archive.entities.korean_subjects import subject_mentions
from archive.entities.types import COUNTRY, PERSON

KOREAS = {"KP", "KR"}  # a nationality of theirs makes no name foreign
FAMILIAR_TITLE = "씨"  # after a given name alone: the person named in full before


def mentions(text: str, gazetteer) -> list[tuple[Mention, tuple[int, int]]]:
    """Known-name and titled-person mentions of a text that contains Hangul, in text order."""
    analysis = analyse(text)
    byline = byline_words(analysis)
    known, taken = known_mentions(analysis, gazetteer, byline)
    qualifiers = {span for m, span in known if m.kind != PERSON}
    foreign = foreign_mentions(analysis, taken, qualifiers, byline)
    foreign += after_nationality(analysis, taken | spans(foreign), foreign_countries(known))
    foreign += authors_of_works(analysis, taken | spans(foreign))
    taken |= spans(foreign)
    persons = person_mentions(analysis, taken, byline)
    persons += cast_mentions(analysis, taken | spans(persons))
    taken |= spans(persons)
    members = member_mentions(analysis, taken)
    taken |= spans(members)
    staged = stage_name_mentions(analysis, taken)
    taken |= spans(staged)
    groups, bands = ensembles(analysis), ensembles(analysis, idols=False)
    subjects = subject_mentions(analysis, taken, bands)
    taken |= spans(subjects)
    digest = digest_mentions(analysis, taken, byline)
    taken |= spans(digest)
    found_words = {analysis.word_index(m.start) for m, _ in persons + staged}
    listed = list_mentions(analysis, taken, found_words, given_names=bool(members or staged))
    found = known + persons + members + staged + subjects + digest + listed + foreign
    found += glued_title_mentions(analysis, found, taken | spans(found))
    found.sort(key=lambda pair: pair[1])
    spoken_of = {m.text for m, _ in subjects}
    return one_name_per_person(analysis, no_ensembles(found, groups - spoken_of))


def no_ensembles(found: list, groups: set[str]) -> list:
    """Without the rule-found persons that the text names as a group or a fan club
    (``groups``: less a word after 아이돌 that the text speaks of as one person)."""
    return [
        (m, span)
        for m, span in found
        if not (m.kind == PERSON and not m.entries and m.text in groups)
    ]


def foreign_countries(known: list) -> set:
    """Spans of the countries other than the two Koreas: a nationality before an occupation
    that makes the name after it a foreign one ("프랑스 화가 앙리 뒤푸르")."""
    return {
        span for m, span in known if m.kind == COUNTRY and not {e.code for e in m.entries} & KOREAS
    }


def one_name_per_person(analysis: Analysis, found: list) -> list:
    """Rule-found persons written under a second name take their first one: the real name
    after 본명 is the stage name's person ("루아 본명 김하은"), and a given name alone is the
    one person of the text whose full name ends with it ("한지유가 … 지유씨에게")."""
    persons = [m for m, _ in found if m.kind == PERSON and not m.entries]
    by_word = {analysis.word_index(m.start): m.text for m in persons}
    stage = {m.text: stage_name(analysis, m, by_word) for m in persons}
    full = {name for name, first in stage.items() if len(name) == FULL_NAME and not first}
    out = []
    for mention, span in found:
        if mention.kind == PERSON and not mention.entries:
            owners = {n for n in full if n.endswith(mention.text)}
            if stage[mention.text]:
                mention = dataclasses.replace(mention, text=stage[mention.text])
            elif addressed(analysis, mention) and len(owners) == 1:
                mention = dataclasses.replace(mention, text=owners.pop())
        out.append((mention, span))
    return out


def addressed(analysis: Analysis, mention: Mention) -> bool:
    """A two-syllable given name with 씨 after it: how a text calls a person it has named in
    full ("한지유가 … 지유씨에게"); 님 after a short name is a stage name's ("다온 님")."""
    after = analysis.text[mention.end :].lstrip(" ")
    return len(mention.text) == SHORT_NAME and after.startswith(FAMILIAR_TITLE)


def stage_name(analysis: Analysis, mention: Mention, by_word: dict) -> str:
    """The stage name written before 본명 and the real name ``mention``; "" if there is none."""
    word = analysis.word_index(mention.start)
    if word_at(analysis, word - 1) == REAL_NAME:
        return by_word.get(word - 2, "")
    return ""
