"""Known names in Korean text: the gazetteer's Hangul names and aliases, found by analysis.

A Hangul name is a mention when it starts a word or a noun of the analysis and what follows it
inside the word is only particles, endings, titles or an attached noun (``korean_tails``). A
homonym (``homonyms.tsv``) names its actor only with supporting context. In a byline only a
country is a mention.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from archive.entities.entries import DATA, read_table
from archive.entities.known import Mention
from archive.entities.korean_analysis import Analysis
from archive.entities.korean_tails import tail
from archive.entities.korean_words import has_hangul
from archive.entities.types import COUNTRY

HOMONYM_COLUMNS = 4  # homonyms.tsv: name, scope, supporting words, opposing words
GAZETTEERS_CACHED = 8  # gazetteers whose Hangul-name alternation is kept compiled


@dataclass(frozen=True)
class Homonym:
    window: int  # characters either side of the mention; 0: the whole article
    supporting: tuple[str, ...]
    opposing: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def homonyms() -> dict[str, Homonym]:
    table = {}
    for row in read_table(DATA / "homonyms.tsv"):
        name, scope, supporting, opposing = (row + [""] * HOMONYM_COLUMNS)[:HOMONYM_COLUMNS]
        window = 0 if scope == "article" else int(scope)
        split = lambda cell: tuple(w for w in cell.split("|") if w)  # noqa: E731
        table[name] = Homonym(window, split(supporting), split(opposing))
    return table


def sense_supported(name: str, text: str, start: int, end: int) -> bool:
    """Whether a homonym's mention at ``start:end`` names the gazetteer actor: its supporting
    words occur in its context, at least as often as the words of the other sense."""
    homonym = homonyms().get(name)
    if homonym is None:
        return True
    if homonym.window:
        context = text[max(0, start - homonym.window) : end + homonym.window]
        context = context.replace(text[start:end], " ", 1) if name in context else context
    else:
        context = text[:start] + " " + text[end:]
    support = sum(context.count(w) for w in homonym.supporting)
    against = sum(context.count(w) for w in homonym.opposing)
    return support > 0 and support >= against


@functools.lru_cache(maxsize=GAZETTEERS_CACHED)
def _hangul_names(gazetteer_id: int, gazetteer):
    names: dict[str, list] = {}
    for entry in gazetteer.entries():
        for name in (entry.name, *entry.aliases):
            if has_hangul(name):
                targets = names.setdefault(name, [])
                if entry not in targets:
                    targets.append(entry)
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return names, re.compile(pattern) if names else None


def hangul_names(gazetteer):
    """``(name → entries, compiled alternation, longest first)`` of the Hangul names."""
    return _hangul_names(id(gazetteer), gazetteer)


def candidate_starts(analysis: Analysis) -> list[int]:
    """Word starts and noun starts: where a name may begin (사회주의조국 has a noun 조국)."""
    starts = {s for s, _ in analysis.words}
    starts |= {m.start for m in analysis.morphemes if m.tag.startswith("NN")}
    return sorted(starts)


def known_mentions(analysis: Analysis, gazetteer, byline: set[int]):
    names, pattern = hangul_names(gazetteer)
    out, taken = [], set()
    if pattern is None:
        return out, taken
    for start in candidate_starts(analysis):
        if start in taken:
            continue
        found = pattern.match(analysis.text, start)
        if not found:
            continue
        word = analysis.word_index(start)
        end, word_end = found.end(), analysis.words[word][1]
        word_end = max(word_end, analysis.words[analysis.word_index(end - 1)][1])
        if tail(analysis, end, word_end) is None:
            continue
        name, entries = found.group(), names[found.group()]
        if not sense_supported(name, analysis.text, start, end):
            continue
        if word in byline and entries[0].kind != COUNTRY:
            continue
        taken.update(range(start, end))
        out.append((Mention(entries[0].kind, name, start, end, tuple(entries)), (start, end)))
    return out, taken
