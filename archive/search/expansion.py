"""One actor across scripts: a query that names a known actor also finds its articles.

``Kim Jong-un``, ``Kim Jongun``, ``Kim Chŏng-ŭn`` and ``김정은`` name the same person; the
articles that mention him (their mentions resolved to his entity, in any script) are indexed
with his slug in the ``persons`` field. The query parser asks ``ActorNames.named`` whether a
run of the words typed names actors; if so, that run matches its own words *or* the actors'
facet values (see ``query.py``), and the response reports which actors were added.

What names an actor:
- a person: a name of two words or more (or a Hangul name of two to four syllables) whose
  ``romanization.name_key`` equals that of one of the person's names or aliases, in any
  script; one word alone (Kim, Moon, Trump) never does, too many words are also other words;
- an organization: one of its names or aliases, up to case, spacing and punctuation;
- a Hangul word typed with its particles or a title (김정은의, 김정은동지께서) names what its
  first noun, or its nouns written together, name.
Countries are not expanded: their aliases include metonyms (평양, 서울, Washington).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max

from archive.models import Alias, Entity, normalise_name
from archive.search.analysis import HANGUL_RE, NOUN_TAGS, korean_morphemes
from archive.search.romanization import HANGUL_NAME_RE, name_key
from archive.search.vocabulary import FACETS

EXPANDED_KINDS = {f.kind: f.field for f in FACETS if f.kind in ("person", "organization")}


@dataclass(frozen=True, order=True)
class Actor:
    """An actor a query was expanded with: its entity id and its value in the index."""

    entity_id: int
    field: str
    value: str


class ActorNames:
    """Comparison keys of actors' names → the actors."""

    def __init__(self, entries):
        """``entries``: (Actor, kind, name) for every name and alias of every actor."""
        self.by_key: dict[str, set[Actor]] = defaultdict(set)
        for actor, kind, name in entries:
            for key in name_keys(kind, name):
                self.by_key[key].add(actor)

    def named(self, text: str) -> list[Actor]:
        """The actors ``text`` names (none for most text), in id order."""
        found = set()
        for candidate in candidates(text):
            for key in query_keys(candidate):
                found |= self.by_key.get(key, set())
        return sorted(found)


def name_keys(kind: str, name: str) -> set[str]:
    """The keys a name of an actor of ``kind`` is found by."""
    if kind == "person":
        keys = {f"person:{key}"} if (key := name_key(name)) else set()
        if HANGUL_RE.search(name) and len(normalise_name(name)) >= 2:
            keys.add(f"name:{normalise_name(name)}")
        return keys
    return {f"name:{key}"} if (key := normalise_name(name)) else set()


def query_keys(text: str) -> set[str]:
    keys = {f"name:{key}"} if (key := normalise_name(text)) else set()
    # A Hangul word of other lengths is too often an ordinary noun with a name's sound.
    if not HANGUL_RE.search(text) or (HANGUL_NAME_RE.match(text) and len(text) == 3):
        if key := name_key(text):
            keys.add(f"person:{key}")
    return keys


def candidates(text: str) -> list[str]:
    """``text``, and for one Hangul word its nouns written together and its first noun."""
    if not HANGUL_RE.search(text) or len(text.split()) != 1:
        return [text]
    nouns = [m for m in korean_morphemes(text) if m.tag in NOUN_TAGS]
    if not nouns or nouns[0].start != 0:
        return [text]
    end = nouns[0].end
    for noun in nouns[1:]:
        if noun.start != end:
            break
        end = noun.end
    return list(dict.fromkeys([text, text[:end], nouns[0].text]))


_cache: dict = {}
_cache_lock = threading.Lock()


def known_actors() -> ActorNames:
    """The actor names of the database, rebuilt only when entities or aliases changed."""
    stamp = tuple(
        tuple(model.objects.aggregate(Max("pk"), Count("pk")).values()) for model in (Entity, Alias)
    )
    found = _cache.get(stamp)
    if found is None:
        found = ActorNames(actor_entries())
        with _cache_lock:
            _cache.clear()
            _cache[stamp] = found
    return found


def actor_entries():
    """(Actor, kind, name) for the name and every alias of every expanded actor."""
    entities = Entity.objects.filter(kind__in=list(EXPANDED_KINDS)).only(
        "pk", "kind", "slug", "name", "code"
    )
    actors = {}
    for entity in entities:
        actor = Actor(entity.pk, EXPANDED_KINDS[entity.kind], entity.facet_value)
        actors[entity.pk] = (actor, entity.kind)
        yield actor, entity.kind, entity.name
    aliases = Alias.objects.filter(entity__kind__in=list(EXPANDED_KINDS))
    for entity_id, name in aliases.values_list("entity_id", "name"):
        if entity_id in actors:
            yield (*actors[entity_id], name)
