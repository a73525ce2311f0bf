"""A country's body named by its role: "China's Foreign Ministry", "the U.S. military",
"South Korea's Defense Ministry" name one organization of that country.

The rule: a known country name (or adjective), an optional possessive, then a role of
``data/government_roles.tsv``. The body is the gazetteer's organization when one of the
role's names for that country is known ("Chinese Foreign Ministry"), otherwise a new
organization with the table's canonical name ("Ministry of Foreign Affairs of Qatar").
A lower-case role ("military") is a name only when it ends the phrase ("South Korea's
military said"), not as a modifier ("U.S. military aid").

A ministry named by its role alone ("the defence ministry said", "the industry ministry") is
the ministry of the country whose same role the text named before ("South Korea's defence
ministry ... the defence ministry"), else of the country of the dateline ("SEOUL (Reuters) -"),
else of the country the text names most. Besides the table's roles, "<topic> ministry" for
each topic of ``data/ministry_topics.txt`` is a role ("Ministry of Health of {country}").
The same holds for "the coast guard" (a country has one). Other bodies that are not
ministries ("the military", "the navy") are not named by role alone.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from archive.entities.entries import DATA, GazetteerEntry, read_table, split_aliases, words
from archive.entities.gazetteer import tokenizer
from archive.entities.known import Mention
from archive.entities.korean_words import has_hangul
from archive.entities.rules import POSSESSIVE_PARTS
from archive.entities.types import COUNTRY, ORGANIZATION

ALIASES_COLUMN = 2  # government_roles.tsv: role, actor, aliases
DATELINE_REACH = 3  # tokens from a text's start within which a country is its dateline
BARE_HEADS = frozenset(
    {"ministry", "office", "bank", "court", "senate", "parliament", "guard"}
)  # roles that name a body without a country
INDEFINITE = frozenset({"a", "an", "any", "each", "every", "no", "one"})  # "a foreign ministry"


@dataclass(frozen=True)
class Role:
    words: tuple[str, ...]  # lower-cased tokens of the role as written
    canonical: str  # template with {country}
    aliases: tuple[str, ...]  # templates with {country} and {adj}


@functools.cache
def roles() -> tuple[Role, ...]:
    """The role table, longest role first."""
    nlp = tokenizer()
    table = []
    for row in read_table(DATA / "government_roles.tsv"):
        tokens = tuple(t.lower_ for t in nlp.make_doc(row[0]))
        aliases = tuple(split_aliases(row[ALIASES_COLUMN])) if len(row) > ALIASES_COLUMN else ()
        table.append(Role(tokens, row[1], aliases))
    table += topic_roles({role.words for role in table})
    return tuple(sorted(table, key=lambda r: -len(r.words)))


def topic_roles(known: set) -> list[Role]:
    """ "<topic> ministry" for each topic of ``data/ministry_topics.txt`` not in the table."""
    out = []
    for topic in sorted(words("ministry_topics.txt")):
        if (topic, "ministry") in known:
            continue
        name = topic.capitalize()
        aliases = (f"{{adj}} {name} Ministry", f"{{adj}} Ministry of {name}")
        out.append(Role((topic, "ministry"), f"Ministry of {name} of {{country}}", aliases))
    return out


@functools.cache
def roles_by_first_word() -> dict[str, tuple[Role, ...]]:
    index: dict[str, list[Role]] = {}
    for role in roles():
        index.setdefault(role.words[0], []).append(role)
    return {word: tuple(found) for word, found in index.items()}


def role_at(doc, start: int) -> tuple[Role, int] | None:
    """The role written at token ``start`` and its end, if any."""
    if start >= len(doc):
        return None
    for role in roles_by_first_word().get(doc[start].lower_, ()):
        end = start + len(role.words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[start:end]) == role.words:
            if doc[start].text[:1].islower() and modifies(doc, end):
                continue
            return role, end
    return None


def modifies(doc, end: int) -> bool:
    """A lower-case word follows that makes the role a modifier ("military aid")."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if not (nxt.is_alpha and nxt.text[:1].islower()):
        return False
    return not (nxt.lower_.endswith("ed") or nxt.lower_ in words("role_followers.txt"))


def country_name(entry) -> str:
    definite = entry.name in words("definite_countries.txt")
    return f"the {entry.name}" if definite else entry.name


def adjectives(entry) -> list[str]:
    """The country's names that can stand before a role: its name, short forms, demonyms."""
    names = [entry.name, *entry.aliases]
    return [n for n in names if "," not in n and not has_hangul(n) and not n.startswith("the ")]


def body_of(gazetteer, country, role: Role) -> GazetteerEntry:
    """The gazetteer organization this role of ``country`` names, or a new one."""
    forms = [role.canonical, *role.aliases]
    names = []
    for form in forms:
        for adj in adjectives(country):
            names.append(form.format(country=country_name(country), adj=adj))
            names.append(form.format(country=adj, adj=adj))
    for name in names:
        known = gazetteer.lookup(ORGANIZATION, name)
        if known is not None:
            return known
    canonical = role.canonical.format(country=country_name(country))
    return GazetteerEntry(ORGANIZATION, canonical, tuple(dict.fromkeys(names)), "")


def after_possessive(doc, i: int) -> int:
    return i + 1 if i < len(doc) and doc[i].text in POSSESSIVE_PARTS else i


def role_mentions(doc, mentions: list[Mention], gazetteer) -> list[Mention]:
    """``mentions`` with each "<country> <role>" made the country's body, and each ministry
    named by its role alone made the ministry of the text's country (see module doc)."""
    out, named = country_roles(doc, mentions, gazetteer)
    return bare_roles(doc, out, gazetteer, named)


def country_roles(doc, mentions: list[Mention], gazetteer):
    """The mentions with "<country> <role>" made the body, and ``{role: (country, start)}``."""
    out = list(mentions)
    named: dict = {}
    for country in mentions:
        if country.kind != COUNTRY or country.nested or len(country.entries) != 1:
            continue
        start = after_possessive(doc, country.end)
        found = role_at(doc, start)
        if found is None:
            continue
        role, end = found
        entry = body_of(gazetteer, country.entries[0], role)
        named.setdefault(role.words[-2:], []).append((start, country.entries[0]))
        surface = doc[country.start : seat_end(doc, end, role)].text
        out = [m for m in out if m is country or m.end <= start or m.start >= end]
        out.append(Mention(ORGANIZATION, surface, start, end, (entry,)))
    return sorted(out, key=lambda m: m.start), named


SEATED = frozenset({"embassy", "consulate"})  # bodies named with where they sit


def seat_end(doc, end: int, role: Role) -> int:
    """ "the Chinese embassy in Pyongyang": an embassy's seat is part of how it is named (its
    surface form), though its span ends with the role, so the capital still counts alone."""
    if role.words[-1] not in SEATED or end + 1 >= len(doc) or doc[end].lower_ != "in":
        return end
    seat = end + 1
    while seat < len(doc) and doc[seat].is_alpha and doc[seat].text[:1].isupper():
        seat += 1
    return seat if seat > end + 1 else end


def bare_roles(doc, mentions: list[Mention], gazetteer, named: dict) -> list[Mention]:
    """ "the defence ministry": a ministry role alone (``opens_bare_role``), on words no
    mention holds."""
    rule_roles = [m for m in mentions if rule_role(doc, m)]
    taken = {i for m in mentions if m not in rule_roles for i in range(m.start, m.end)}
    found = []
    first_words = roles_by_first_word()
    for tok in doc:
        if tok.lower_ not in first_words or tok.i in taken or not opens_bare_role(doc, tok.i):
            continue
        at = role_at(doc, tok.i)
        if at is None or at[0].words[-1] not in BARE_HEADS or taken & set(range(tok.i, at[1])):
            continue
        if doc[tok.i - 1].lower_ != "the" and at[0].words[-1] != "ministry":
            continue  # "a briefing to parliament": only a ministry is named without "the"
        role, end = at
        before = named.get(role.words[-2:], [])
        country = country_of(mentions, before, tok.i, dateline(doc, gazetteer))
        if country is not None:
            entry = body_of(gazetteer, country, role)
            found.append(Mention(ORGANIZATION, doc[tok.i : end].text, tok.i, end, (entry,)))
    starts = {m.start for m in found}
    kept = [m for m in mentions if m not in rule_roles or m.start not in starts]
    return sorted(kept + found, key=lambda m: m.start)


def rule_role(doc, mention: Mention) -> bool:
    """A rule-found organization that is a role alone ("the Health Ministry": a capitalised
    role the rules read as a name); the role rule names its country's body instead."""
    if mention.kind != ORGANIZATION or mention.entries:
        return False
    at = role_at(doc, mention.start)
    return at is not None and at[1] == mention.end and at[0].words[-1] in BARE_HEADS


def opens_bare_role(doc, i: int) -> bool:
    """A role alone starts at ``i`` after "the", or in lower case after a lower-case word or
    punctuation ("..., finance ministry officials said"), not after "a"/"an" (any ministry)."""
    if i == 0:
        return False
    previous = doc[i - 1]
    if previous.lower_ == "the":
        return True
    if not doc[i].text[:1].islower() or previous.lower_ in INDEFINITE:
        return False
    return previous.is_punct or previous.text[:1].islower()


def dateline(doc, gazetteer):
    """The country of a capital opening the text in capitals ("SEOUL (Reuters) -"), or None."""
    for tok in doc[:DATELINE_REACH]:
        if tok.is_alpha and tok.is_upper:
            return gazetteer.lookup(COUNTRY, tok.text)
    return None


def country_of(mentions: list[Mention], before: list, start: int, from_dateline=None):
    """The country whose body a role alone at ``start`` names (see the module docstring)."""
    earlier = [country for at, country in before if at < start]
    if earlier:
        return earlier[-1]
    if from_dateline is not None:
        return from_dateline
    countries = [m for m in mentions if m.kind == COUNTRY and len(m.entries) == 1]
    if not countries:
        return None
    counts: dict = {}
    for m in countries:
        counts.setdefault(m.entries[0].code, [0, m.entries[0]])[0] += 1
    return max(counts.values(), key=lambda pair: pair[0])[1]
