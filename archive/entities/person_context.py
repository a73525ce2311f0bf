"""Context that confirms or rejects a person the rules read from a name's shape alone.

- Article level: a full name without evidence is kept when the article cues its bare last
  name as a person ("Jane Roe left. ... Roe said"); a name read as a cited outlet whose last
  word is so cued is that person.
- Mention level: a given name before a known person's bare family name is a relative ("Peter
  Biden"); a name after a vessel, venue, storm or work noun names that thing ("aboard the
  Jane Roe"); a capitalised occupation opening a chunk is no part of the name ("Farmer Jane
  Roe").
"""

from __future__ import annotations

import dataclasses

from archive.entities import rules
from archive.entities.entries import NAME_MIN_WORDS
from archive.entities.known import CALLED, Mention
from archive.entities.types import ORGANIZATION, PERSON


def confirmed_by_bare_name(found: list) -> list:
    """ "Jane Roe left the room. ... Roe said": a full name without evidence of its own is a
    person's when the article cues its last word alone as a person ("Ms. Roe", "Roe said",
    "Roe, 45,"); otherwise it is dropped."""
    cued = {m.text for _, m, _ in found if m.surname_only and m.cued}
    kept = [f for f in found if not f[1].unconfirmed or f[1].text.split()[-1] in cued]
    return [(b, cited_person(m, cued), s) for b, m, s in kept]


def cited_person(mention: Mention, cued: set) -> Mention:
    """ "according to Jane Roe ... Roe said": a name read as a cited outlet, shaped like a
    person's name, whose last word the article cues alone as a person is that person."""
    parts = mention.text.split()
    if (
        mention.kind != ORGANIZATION
        or mention.entries
        or len(parts) < NAME_MIN_WORDS
        or parts[-1] not in cued
        or not rules.looks_like_name(parts)
    ):
        return mention
    return dataclasses.replace(mention, kind=PERSON)


def coordinated_persons(doc, mentions: list) -> list:
    """ "Tarquin Oyelowo and Jane Roe had put the team ahead": a full name without evidence
    of its own joined by "and" to a person's full name is a person too. ``mentions`` in text
    order."""
    out = list(mentions)
    for k, m in enumerate(out):
        if not m.unconfirmed:
            continue
        neighbours = [out[j] for j in (k - 1, k + 1) if 0 <= j < len(out)]
        for n in neighbours:
            between = (n.end, m.start) if n.end <= m.start else (m.end, n.start)
            if (
                n.kind == PERSON
                and not n.unconfirmed
                and not n.surname_only
                and between[1] - between[0] == 1
                and doc[between[0]].lower_ == "and"
            ):
                out[k] = dataclasses.replace(m, unconfirmed=False)
                break
    return out


def relative_of_known(doc, mention: Mention, taken) -> Mention:
    """ "Lara Roe and Tiffany Roe" beside a known "Roe": a common given name before the bare
    family name of a known person names another person of that family, not the known one;
    so does a rarer name word between a role title and that family name ("Security Officer
    Brett Roe"; a common given name there may be the known person's short name, "Dr. Tony
    Roe")."""
    k = mention.start - 1
    if (
        mention.kind != PERSON
        or not mention.entries
        or mention.end - mention.start != 1
        or k < 0
        or k in taken
        or "\n" in doc[k].whitespace_
    ):
        return mention
    if titled_given_name(doc, k):
        return Mention(PERSON, doc[k : mention.end].text, k, mention.end)
    if doc[k].text not in rules.given_names():
        return mention
    if k > 0 and rules.is_cap(doc[k - 1]) and not doc[k - 1].is_punct:
        return mention  # inside a longer capitalised run: not a plain "given family" pair
    return Mention(PERSON, doc[k : mention.end].text, k, mention.end)


def titled_given_name(doc, k: int) -> bool:
    """A name word at ``k`` right after a role title ("Officer Brett"), not a common given
    name, a title, an initial or a word that is never part of a name."""
    if k < 1 or not rules.is_title(doc[k - 1]) or rules.is_title(doc[k]):
        return False
    word = doc[k].text
    if word in rules.given_names() or not doc[k].is_alpha or len(word) < 2:
        return False
    return rules.looks_like_name([word]) and not rules.acronym(word)


def thing_named(doc, mention: Mention) -> bool:
    """ "aboard the Jane Roe", "the tanker Jane Roe", "USS John Roe", "the restaurant Jane
    Roe", "Typhoon Jane": a person's name right after a noun for a vessel, venue, storm or
    work (``data/thing_name_nouns.txt``, "the" skipped), after such a noun and "named" or
    "called" ("a tanker named Jane Roe", "the vessel, called Jane Roe"), or before such a
    noun heading its apposition ("Jane Roe, a Panama-flagged tanker") names that thing."""
    if mention.kind != PERSON:
        return False
    k = mention.start - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    if k > 0 and doc[k].lower_ in NAMING_VERBS:
        k -= 1 + (k > 1 and doc[k - 1].text == ",")
    return (k >= 0 and thing_noun(doc[k])) or thing_apposition(doc, mention.end)


NAMING_VERBS = CALLED | {"dubbed"}
# Words that may follow the head noun of an apposition ("a tanker owned by ...").
AFTER_HEAD = frozenset(
    {"in", "of", "for", "from", "with", "that", "which", "and", "or", "to", "at", "on", "by"}
    | {"owned", "operated", "registered", "flagged", "carrying", "bound"}
)


def thing_noun(token) -> bool:
    return token.lower_ in rules.words("thing_name_nouns.txt")


def thing_apposition(doc, end: int) -> bool:
    """ "Jane Roe, a Liberian-flagged tanker, ...", "Jane Roe, the second-largest vessel in
    the fleet": an apposition whose head noun names a vessel, venue or work ("Jane Roe, a film
    director" is headed by "director")."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"a", "an", "the"}:
        return False
    for k in range(end + 2, min(len(doc), end + 2 + APPOSITION_REACH)):
        tok = doc[k]
        if tok.is_punct and tok.text != "-":
            return False
        if thing_noun(tok) and tok.text.islower():
            after = doc[k + 1] if k + 1 < len(doc) else None
            if after is None or after.is_punct or after.lower_ in AFTER_HEAD:
                return True
    return False


APPOSITION_REACH = 6  # tokens after "X, a" searched for the apposition's head noun


def opening_occupation(token) -> bool:
    """A capitalised occupation noun ("Farmer", "Economist") opening a chunk."""
    return token.text[:1].isupper() and rules.is_occupation(token)
