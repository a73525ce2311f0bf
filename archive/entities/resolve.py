"""Within-article resolution: mentions → one Actor per real actor.

- Gazetteer mentions resolve to their entry; rule mentions whose name normalises like a
  gazetteer name resolve to that entry too; other rule mentions group by normalised name.
- A bare name ("Moon", "Austin") resolves to the one person of the article with that family
  (Korean order) or last name; if none or several, it is dropped, except after a role title
  ("President Moon") when exactly one gazetteer person has that family name.
- A name that stands for two actors ("inter-Korean") counts for both; its span goes to the
  first by code or name (not by gazetteer order, which differs between the files and the
  database), so the spans of different actors never overlap.
"""

from __future__ import annotations

import functools
import re

from archive.entities import rules
from archive.entities.korean_known import homonyms
from archive.entities.name_shapes import all_chinese_surnames
from archive.entities.types import ORGANIZATION, PERSON, UNITED_NATIONS, Actor, normalise_name

NAME_MIN_WORDS = 2  # words of a name that has a surname of its own
GAZETTEERS_CACHED = 8  # gazetteers whose surname index is kept
STEM_MIN_WORDS = 2  # a company stem this long may be looked up in the gazetteer


def resolve(found, gazetteer) -> list[Actor]:
    """``found``: ``(in_body, Mention, (start, end))`` in text order (title first)."""
    actors: dict[tuple, Actor] = {}
    bare = []
    for in_body, mention, span in found:
        if mention.surname_only:
            bare.append((in_body, mention, span))
            continue
        for i, (key, actor) in enumerate(targets(mention, gazetteer)):
            actor = actors.setdefault(key, actor)
            record(
                actor,
                mention.text,
                span if in_body and i == 0 and not mention.nested else None,
                alias=mention.alias,
            )
    surnames = surname_index(a for a in actors.values() if a.kind == PERSON)
    for in_body, mention, span in bare:
        key_actor = bare_target(mention, surnames, gazetteer)
        if key_actor is not None:
            # a bare surname is not an alias: storage matches entities by alias, and "Kim"
            # names many people
            actor = actors.setdefault(*key_actor)
            record(actor, mention.text, span if in_body else None, alias=False)
    short_forms_of_organizations(actors)
    head_short_forms(actors)
    misspelt_persons(actors)
    middle_names_dropped(actors)
    return [finish(a) for a in actors.values()]


def short_forms_of_organizations(actors: dict) -> None:
    """ "Hon Hai Precision Industry Co ... Hon Hai said": a rule-found name read as a person's
    that is the leading words of an organization of the article ending in a head word or a
    company form is that organization's short form. A name that starts with a common given
    name ("Bill Gates" of the "Bill Gates Foundation") or that the gazetteer knows stays a
    person."""
    shorts = {}
    for key, actor in actors.items():
        if actor.kind == ORGANIZATION:
            for prefix in organization_prefixes(actor.name):
                shorts.setdefault(normalise_name(prefix), key)
    for key, actor in list(actors.items()):
        if actor.kind != PERSON or hasattr(actor, "_known"):
            continue
        target = shorts.get(normalise_name(actor.name))
        if target is not None and actor.name.split()[0] not in rules.given_names():
            merge_into(actors, key, actors[target], as_alias=True)


def merge_into(actors: dict, key, target: Actor, as_alias: bool = False) -> None:
    """The actor at ``key`` counted and spanned as ``target`` (its name one of ``target``'s
    aliases when ``as_alias``), and removed."""
    actor = actors.pop(key)
    target.count += actor.count
    target.spans += actor.spans
    if as_alias and actor.name not in target.aliases:
        target.aliases.append(actor.name)


COMPLEMENTS = ("for", "of", "on")  # words after a head that say what a body is for or of


def head_short_forms(actors: dict) -> None:
    """ "the Asan Institute for Policy Studies ... the Asan Institute said", "the Democratic
    Party of Korea ... the Democratic Party": an organization whose name is a longer one's of
    the same text up to its head word, before "for"/"of"/"on", is that organization's short
    form, not a second organization (even when the gazetteer knows the short name as another
    body's)."""
    longer: dict = {}
    for key, actor in actors.items():
        if actor.kind != ORGANIZATION:
            continue
        words = actor.name.split()
        for k in range(1, len(words) - 1):
            if words[k] in COMPLEMENTS and words[k - 1] in rules.org_heads():
                longer.setdefault(normalise_name(" ".join(words[:k])), key)
    for key, actor in list(actors.items()):
        if actor.kind != ORGANIZATION:
            continue
        target = longer.get(normalise_name(actor.name))
        if target is not None and target != key:
            # counted and spanned, but not an alias: storage matches entities by alias, and
            # "Democratic Party" or "Daejeon Center" may name other bodies elsewhere
            merge_into(actors, key, actors[target])


MISSPELT_MIN_LETTERS = 6  # a last name this long misspelt by one letter is still recognisable


def misspelt_persons(actors: dict) -> None:
    """ "Odalric Vennemeyer ... Odalric Venemeyer": a rule-found person whose name differs from
    another person's of the article only by one letter of a long last name is that person
    misspelt. Korean and Chinese names are left apart: one syllable tells people apart."""
    persons = [(k, a) for k, a in actors.items() if a.kind == PERSON]  # in text order
    for i, (key, actor) in enumerate(persons):
        if hasattr(actor, "_known") or key not in actors:
            continue
        for j, (other_key, other) in enumerate(persons):
            if other_key != key and other_key in actors and one_letter_apart(actor, other):
                # into the known spelling, else the commoner one, else the first one
                if hasattr(other, "_known") or (other.count, -j) > (actor.count, -i):
                    merge_into(actors, key, other)
                    break


def middle_names_dropped(actors: dict) -> None:
    """ "Eddie Yong Su Jun ... Eddie Jun", "Jane Q. Roe ... Jane Roe": a rule-found person
    named by the first and last words of a longer rule-found person's name of the article is
    that person with the middle names dropped. Names that start with a Korean or Chinese
    family name are left apart ("Kim Su" is not "Kim Chol Su")."""
    persons = [
        (k, a)
        for k, a in actors.items()
        if a.kind == PERSON
        and not hasattr(a, "_known")
        and a.name.split()[0] not in rules.korean_surnames() | all_chinese_surnames()
    ]
    longer = {}
    for key, actor in persons:
        words = actor.name.split()
        if len(words) > NAME_MIN_WORDS:
            longer.setdefault((words[0], words[-1]), key)
    for key, actor in persons:
        words = actor.name.split()
        target = longer.get((words[0], words[-1])) if len(words) == NAME_MIN_WORDS else None
        if target is not None and target in actors and key in actors:
            merge_into(actors, key, actors[target], as_alias=True)


def one_letter_apart(actor: Actor, other: Actor) -> bool:
    words, others = actor.name.split(), other.name.split()
    if len(words) < NAME_MIN_WORDS or len(words) != len(others) or words[:-1] != others[:-1]:
        return False
    if words[0] in rules.korean_surnames() or words[0] in all_chinese_surnames():
        return False
    last, other_last = words[-1], others[-1]
    if min(len(last), len(other_last)) < MISSPELT_MIN_LETTERS or last == other_last:
        return False
    return edit_distance_one(last.lower(), other_last.lower())


def edit_distance_one(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one substitution, insertion, deletion or swap of neighbours."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    return (
        a[i + 1 :] == b[i + 1 :]
        or a[i + 1 :] == b[i:]
        or a[i:] == b[i + 1 :]
        or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    )


def organization_prefixes(name: str) -> list[str]:
    """Leading words of ``name`` (two at least) when it ends in a head word or company form."""
    words = name.split()
    last = words[-1].strip(".,") if words else ""
    if last not in rules.org_heads() and last not in rules.FINAL_SUFFIXES:
        return []
    return [" ".join(words[:k]) for k in range(STEM_MIN_WORDS, len(words))]


def targets(mention, gazetteer):
    """``(key, new Actor)`` for each actor the mention names."""
    entries = list(mention.entries) or known_entry(mention, gazetteer)
    if entries:
        entries = sorted(entries, key=lambda e: (e.code, e.name))
        return [(entry_key(e), new_actor(e)) for e in entries]
    name = company_stem(mention.text, mention.kind)
    if mention.kind == ORGANIZATION:
        name = one_spelling(name)
    return [((mention.kind, normalise_name(name)), Actor(mention.kind, mention.text))]


# One organization in two spellings: British and American word forms, "&" and "and", a
# leading article ("World Health Organisation" is the World Health Organization), "U.N." or
# "UN" for "United Nations" ("U.N. Children's Fund").
SPELLINGS = (
    (re.compile(r"\b(Organi|organi)s(ations?)\b"), r"\1z\2"),
    (re.compile(r"\b(Defen|defen)ce\b"), r"\1se"),
    (re.compile(r"\b(Cent|cent)re(s?)\b"), r"\1er\2"),
    (re.compile(r"\b(Program|program)me(s?)\b"), r"\1\2"),
    (re.compile(r"\s*&\s*"), " and "),
    (re.compile(r"^(?:The|the)\s+"), ""),
    (re.compile(r"^(?:U\.N\.|UN)\s+"), f"{UNITED_NATIONS} "),
)


def one_spelling(name: str) -> str:
    """``name`` in the one spelling organizations are looked up and grouped by."""
    for pattern, replacement in SPELLINGS:
        name = pattern.sub(replacement, name)
    return name


def company_stem(name: str, kind: str = ORGANIZATION) -> str:
    """An organization's name without its company-form suffixes: "Samsung Electronics Co.
    Ltd" and "Samsung Electronics" are one company. A name that is only a suffix stays."""
    if kind != ORGANIZATION:
        return name
    return " ".join(without_company_forms(name)).rstrip(",")


def without_company_forms(name: str, forms=frozenset()) -> list[str]:
    """The words of ``name`` without its closing company-form suffixes (and ``forms``), the
    first word always kept."""
    words = name.split()
    while len(words) > 1 and (
        words[-1].strip(".,") in rules.FINAL_SUFFIXES or words[-1].strip(".,") in forms
    ):
        words.pop()
    return words


def known_entry(mention, gazetteer) -> list:
    """The gazetteer entry a rule-found name spells, also with a lost possessive apostrophe
    (headlines "Kim Jong-uns sister")."""
    if mention.text in homonyms():
        return []  # a rule-found homonym lacked the context of the gazetteer actor
    entry = gazetteer.lookup(mention.kind, mention.text)
    stem = company_stem(mention.text, mention.kind)
    if entry is None and stem != mention.text and len(stem.split()) >= STEM_MIN_WORDS:
        # "Hyundai Co" is not the gazetteer's Hyundai Motor: a one-word stem names a group
        entry = gazetteer.lookup(mention.kind, stem)
    if entry is None and mention.text.endswith("s"):
        entry = gazetteer.lookup(mention.kind, mention.text[:-1])
    if entry is None and mention.kind == ORGANIZATION and one_spelling(stem) != stem:
        entry = gazetteer.lookup(mention.kind, one_spelling(stem))
    if entry is None and mention.kind == ORGANIZATION:
        entry = (
            known_un_body(one_spelling(stem), gazetteer)
            or one_word_company(mention.text, gazetteer)
            or without_group_word(stem, gazetteer)
        )
    if entry is None and mention.kind == ORGANIZATION:
        entry = next(
            filter(None, (gazetteer.lookup(ORGANIZATION, f) for f in long_forms(mention.text))),
            None,
        )
    return [entry] if entry else []


def one_word_company(name: str, gazetteer):
    """ "Harborco Corporation", "Harborco Co": a company form after one word names the known
    company whose own name is that word (not a group's affiliate known by it: "Hyundai Co"
    is no Hyundai Motor)."""
    words = without_company_forms(name, frozenset(LONG_FORMS.values()))
    if len(words) != 1 or words[0] == name:
        return None
    entry = gazetteer.lookup(ORGANIZATION, words[0])
    return entry if entry and normalise_name(entry.name) == normalise_name(words[0]) else None


GROUP_WORDS = ("Group", "Holdings")  # a holding company's last word, often left out


def without_group_word(name: str, gazetteer):
    """ "Shinhan Financial" is the known "Shinhan Financial Group": a rule-found name of two
    words or more that a known holding company's name continues by "Group" or "Holdings"."""
    if len(name.split()) < STEM_MIN_WORDS:
        return None
    for word in GROUP_WORDS:
        entry = gazetteer.lookup(ORGANIZATION, f"{name} {word}")
        if entry is not None and normalise_name(entry.name) == normalise_name(f"{name} {word}"):
            return entry
    return None


def known_un_body(name: str, gazetteer):
    """ "United Nations World Food Program": a known body of the United Nations named with
    the organization's name before its own (the prefix alone is no body's name)."""
    prefix = f"{UNITED_NATIONS} "
    rest = name[len(prefix) :]
    if not name.startswith(prefix) or len(rest.split()) < STEM_MIN_WORDS:
        return None
    return gazetteer.lookup(ORGANIZATION, rest)


LONG_FORMS = {"Corp": "Corporation", "Co": "Company", "Ltd": "Limited", "Inc": "Incorporated"}


def long_forms(name: str) -> list[str]:
    """ "Munhwa Broadcasting Corp" is the known "Munhwa Broadcasting Corporation": a company
    form written short is looked up written out, and the other way round."""
    words = name.split()
    last = words[-1].rstrip(".") if words else ""
    if last in LONG_FORMS:
        return [" ".join([*words[:-1], LONG_FORMS[last]])]
    short = {v: k for k, v in LONG_FORMS.items()}.get(last)
    return [" ".join([*words[:-1], short])] if short else []


def entry_key(entry) -> tuple:
    return (entry.kind, entry.code or normalise_name(entry.name))


def new_actor(entry) -> Actor:
    actor = Actor(entry.kind, entry.name, code=entry.code or "")
    actor._known = list(entry.aliases)
    return actor


def record(actor: Actor, surface: str, span, alias: bool = True) -> None:
    actor.count += 1
    if span is not None:
        actor.spans.append(span)
    if alias and surface != actor.name and surface not in actor.aliases:
        actor.aliases.append(surface)


def finish(actor: Actor) -> Actor:
    for alias in getattr(actor, "_known", []):
        if alias != actor.name and alias not in actor.aliases:
            actor.aliases.append(alias)
    if hasattr(actor, "_known"):
        del actor._known
    actor.spans.sort()
    return actor


def surnames_of(name: str) -> set[str]:
    parts = [
        p for p in name.replace(".", ". ").split() if p.rstrip(".") not in {"Jr", "Sr", "II", "III"}
    ]
    if len(parts) < NAME_MIN_WORDS:
        return set()
    keys = {parts[-1]}
    if parts[0] in rules.korean_surnames() or parts[0] in all_chinese_surnames():
        keys.add(parts[0])  # family name first
    return keys


def surname_index(persons) -> dict[str, set]:
    index: dict[str, set] = {}
    for actor in persons:
        for name in (actor.name, *actor.aliases):
            for surname in surnames_of(name):
                index.setdefault(surname, set()).add((actor.kind, normalise_name(actor.name)))
    return index


def bare_target(mention, surnames, gazetteer):
    """``(key, actor)`` of the person a bare name refers to, or None."""
    owners = surnames.get(mention.text, set())
    if len(owners) == 1:
        return next(iter(owners)), None  # the key of an actor already found
    if owners or not mention.titled:
        return None
    entries = gazetteer_surnames(gazetteer).get(mention.text, [])
    if len(entries) == 1:
        return entry_key(entries[0]), new_actor(entries[0])
    return None


@functools.lru_cache(maxsize=GAZETTEERS_CACHED)
def _gazetteer_surnames(gazetteer_id: int, gazetteer) -> dict:
    index: dict[str, list] = {}
    for entry in gazetteer.entries():
        if entry.kind == PERSON:
            for surname in surnames_of(entry.name):
                index.setdefault(surname, []).append(entry)
    return index


def gazetteer_surnames(gazetteer):
    return _gazetteer_surnames(id(gazetteer), gazetteer)
