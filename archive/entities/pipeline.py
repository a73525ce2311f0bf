"""``extract(title, body)``: gazetteer matches + rules, resolved into one Actor per real actor.

Steps, per text (title, then body): prepare (un-glue, drop credit lines), tokenize with
``spacy.blank("en")``, find gazetteer names, find capitalised chunks and classify the unknown
ones (``rules``), then resolve within the article: a bare family/last name becomes the full name
already mentioned, all spellings of a name become one actor.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.util import filter_spans

from archive.entities import rules
from archive.entities.gazetteer import Gazetteer, GazetteerEntry, tokenizer
from archive.entities.text import prepare
from archive.entities.types import COUNTRY, ORGANIZATION, PERSON, Actor, normalise_name

CONTEXT_FREE_METONYMS = {"the North", "the South", "The North", "The South"}


@dataclass
class Mention:
    kind: str
    text: str
    start: int  # token indices
    end: int
    entries: tuple = ()  # gazetteer entries; empty for rule finds
    surname_only: bool = False
    titled: bool = False


def extract(title: str, body: str, gazetteer: Gazetteer | None = None) -> list[Actor]:
    """One ``Actor`` per distinct actor of title + body; ``spans`` are offsets into ``body``."""
    gazetteer = gazetteer or Gazetteer.default()
    found = []  # (in_body, mention, char_span)
    for in_body, text in ((False, title or ""), (True, body or "")):
        prepared = prepare(text, *glue_words(gazetteer))
        doc = tokenizer().make_doc(prepared.text)
        caseless = not in_body and is_shouting(prepared.text)
        for mention in find_mentions(doc, gazetteer, caseless):
            span = doc[mention.start : mention.end]
            if prepared.is_excluded(span.start_char, span.end_char):
                continue
            found.append((in_body, mention, prepared.original(span.start_char, span.end_char)))
    return resolve(found, gazetteer)


def is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


@functools.lru_cache(maxsize=8)
def _glue_words(gazetteer_id: int, gazetteer: Gazetteer):
    heads, tails = set(), set()
    for entry in gazetteer.entries():
        if entry.kind == PERSON:
            for name in (entry.name, *entry.aliases):
                parts = name.split()
                if len(parts) >= 2 and parts[0].isalpha():
                    heads.add(parts[0])
                    tails.add(parts[-1])
    return frozenset(heads), frozenset(tails)


def glue_words(gazetteer: Gazetteer):
    return _glue_words(id(gazetteer), gazetteer)


def find_mentions(doc, gazetteer: Gazetteer, caseless: bool) -> list[Mention]:
    """Gazetteer and rule mentions of one text, non-overlapping, in text order."""
    known = known_mentions(doc, gazetteer, caseless)
    taken = {i for m in known for i in range(m.start, m.end)}
    chunk_mentions = []
    for chunk in rules.chunks(doc):
        chunk_mentions += classify_chunk(doc, chunk, known, taken)
    overriding = [m for m in chunk_mentions if m.kind == ORGANIZATION or not taken.intersection(range(m.start, m.end))]
    covered = {i for m in overriding for i in range(m.start, m.end)}
    kept = [m for m in known if not covered.intersection(range(m.start, m.end))]
    return sorted(kept + overriding, key=lambda m: m.start)


def known_mentions(doc, gazetteer: Gazetteer, caseless: bool) -> list[Mention]:
    hits = {}
    for start, end, entries in gazetteer.match(doc, caseless=caseless) + (
        gazetteer.match(doc) if caseless else []
    ):
        hits[(start, end)] = entries
    spans = filter_spans([doc[s:e] for s, e in hits])
    mentions = []
    for span in spans:
        entries = hits[(span.start, span.end)]
        if span.text in CONTEXT_FREE_METONYMS and span.end < len(doc) and rules.is_cap(doc[span.end]):
            continue  # "the South China Sea" is not South Korea
        mentions.append(Mention(entries[0].kind, span.text, span.start, span.end, tuple(entries)))
    return mentions


def classify_chunk(doc, chunk, known, taken) -> list[Mention]:
    """Organization or person mentions of an unknown chunk."""
    tokens = doc[chunk.start : chunk.end]
    head = rules.org_head_index(tokens)
    first = rules.strip_leading(tokens)
    if head >= first and head >= 0 and not inside_known(chunk.start + head, known):
        span = org_span(doc, chunk.start + first, chunk.start + head, chunk.end)
        if span is not None and span.end - span.start >= 2 and span.start_char != span.end_char:
            return [Mention(ORGANIZATION, rules.clean_org_name(span.text), span.start, span.end)]
    return person_mentions(doc, chunk.start + first, chunk.end, taken)


def inside_known(index: int, known) -> bool:
    """The head word belongs to a known name (the "Army" of "Korean People's Army")."""
    return any(m.start <= index < m.end and m.kind != COUNTRY for m in known)


def org_span(doc, start: int, head: int, end: int):
    """Organization = chunk start … end, but not a trailing person name after a title."""
    tokens = doc[head + 1 : end]
    cut = rules.title_index(tokens)
    if cut >= 0:
        end = head + 1 + cut
    while end > start and doc[end - 1].text in rules.CONNECTORS:
        end -= 1
    return doc[start:end] if end > start else None


def person_mentions(doc, start: int, end: int, taken) -> list[Mention]:
    tokens = doc[start:end]
    t = rules.title_index(tokens)
    titled = t >= 0
    name_start = start + t + 1 if titled else start
    free = [i for i in range(name_start, end) if i not in taken]
    if not free or free != list(range(free[0], free[-1] + 1)) or free[-1] != end - 1:
        return []
    name_start = free[0]
    parts = rules.name_words(doc[name_start:end])
    if not rules.looks_like_name(parts):
        return []
    text = doc[name_start:end].text
    if len(parts) == 1:  # a bare name: kept only if resolution finds whose it is
        titled = titled or (name_start > 0 and doc[name_start - 1].lower_ in rules.person_titles())
        return [Mention(PERSON, text, name_start, end, surname_only=True, titled=titled)]
    if not rules.person_evidence(doc, name_start, end, parts, titled):
        return []
    return [Mention(PERSON, text, name_start, end)]


from archive.entities.resolve import resolve  # noqa: E402  (resolve imports Mention)

__all__ = ["extract", "Gazetteer", "GazetteerEntry"]
