"""A family name with a title glued on, in Korean text: "김위원장은", "박대통령".

Korean shortens a person named in full ("김하준 위원장은") to the family name and the title,
written as one word ("김위원장은"). Such a word names the one person of the text whose name
begins with that family name, known to the gazetteer or found by rule; with none, or more
than one, it names no one: a family name alone is not a name to invent a person from.
"""

from __future__ import annotations

import dataclasses

from archive.entities.known import Mention
from archive.entities.korean_analysis import Analysis
from archive.entities.korean_particles import without_particle
from archive.entities.korean_tails import glued_title
from archive.entities.korean_words import HANGUL_WORD, surnames
from archive.entities.types import PERSON


def glued_title_mentions(analysis: Analysis, found: list, taken: set) -> list:
    """Mentions, as ``(Mention, span)``, of the persons of ``found`` (the text's mentions so
    far) that a family name with a title glued on refers to (module docstring)."""
    owners = persons_by_family_name(found)
    out = []
    for start, word_end in analysis.words:
        if start in taken:
            continue
        title = glued_title(analysis, start, word_end)
        people = owners.get(analysis.text[start], {}) if title else {}
        if len(people) == 1:
            owner = next(iter(people.values()))
            end = start + len(without_particle(analysis.text[start:word_end]))
            mention = dataclasses.replace(owner, start=start, end=end, titled=True)
            out.append((mention, (start, end)))
    return out


def persons_by_family_name(found: list) -> dict[str, dict]:
    """Family name → {person key: one of its mentions}, for the persons with a Korean name."""
    owners: dict[str, dict] = {}
    for mention, _ in found:
        if mention.kind != PERSON:
            continue
        key = mention.entries[0].name if mention.entries else mention.text
        for name in korean_names(mention):
            owners.setdefault(name[0], {})[key] = mention
    return owners


def korean_names(mention: Mention) -> set[str]:
    """The Hangul names of a person that begin with a Korean family name."""
    names = {mention.text}
    for entry in mention.entries:
        names |= {entry.name, *entry.aliases}
    return {n for n in names if HANGUL_WORD.match(n) and len(n) > 1 and n[0] in surnames()}
