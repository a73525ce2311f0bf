"""Actors in the database: the gazetteer synced from its files, resolution, mentions.

The gazetteer files are loaded into Entity/Alias rows (``origin=gazetteer``) when their
fingerprint changes, so a curator's removal of an alias is not undone. Extraction then
matches with ``database_entries()``: the gazetteer and curated entities with their current
aliases. ``EntityResolver`` maps each extracted ``Actor`` to its Entity row and
``save_mentions`` records an article's actors. Nothing here imports spaCy or a reader, so web
workers (the admin, through ``archive.curation``) can import it cheaply.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable

from django.db import IntegrityError, transaction

from archive.entities.entries import GazetteerEntry, default_entries
from archive.entities.types import COUNTRY, PERSON, Actor, normalise_name
from archive.models import Alias, Article, Entity, GazetteerState, Mention, unique_slug
from archive.signals import queue_articles

CREATE_ATTEMPTS = 5  # clashes with concurrent writers before giving up on one entity


class EntityResolver:
    """Maps extracted actors to Entity rows: by country code, then by normalised name.

    A person's one-word alias ("Moon") is kept for display but never used to match, so a
    bare surname can never join two different people across articles. The alias table is
    read once and kept in memory; call ``forget()`` after a rolled-back transaction.

    Another process may be storing entities at the same time (two ingests, an ingest and
    ``reextract``), so an actor missing from memory is looked up in the database before it
    is created, and creation is a get-or-create on the unique (kind, name): the result is
    the one the two processes would have reached one after the other.
    """

    def __init__(self, origin: str = Entity.Origin.EXTRACTED):
        self.origin = origin
        self.forget()

    def forget(self) -> None:
        self._ids: dict[tuple[str, str], int] | None = None
        self._scoped: dict[tuple[str, str], int] = {}
        self._codes: dict[str, int] = {}

    def _load(self) -> dict[tuple[str, str], int]:
        if self._ids is None:
            rows = Alias.objects.order_by("-entity_id").values_list(
                "entity__kind", "key", "entity_id", "scoped"
            )
            self._ids, self._scoped = {}, {}
            for kind, key, pk, scoped in rows:  # lowest id wins
                (self._scoped if scoped else self._ids)[(kind, key)] = pk
            countries = Entity.objects.filter(kind=COUNTRY).exclude(code="").order_by("-pk")
            self._codes = dict(countries.values_list("code", "pk"))
        return self._ids

    def keys(self, actor: Actor) -> list[str]:
        names = [actor.name] + [
            a for a in actor.aliases if actor.kind != PERSON or len(a.split()) > 1
        ]
        return [k for k in dict.fromkeys(normalise_name(n) for n in names) if k]

    def resolve(self, actor: Actor) -> Entity:
        ids = self._load()
        if actor.kind == COUNTRY and actor.code:
            pk = self._codes.get(actor.code) or self.stored_country(actor.code)
            if pk is None:
                pk = self.get_or_create(actor).pk
            self._codes[actor.code] = pk
            return Entity(pk=pk, kind=COUNTRY, code=actor.code)
        keys = self.keys(actor)
        pk = next((ids[(actor.kind, k)] for k in keys if (actor.kind, k) in ids), None)
        if pk is None:  # a merge-scoped alias names its entity only as the actor's own name
            pk = self._scoped.get((actor.kind, keys[0])) if keys else None
        if pk is None:
            pk = self.stored(actor.kind, keys) or self.get_or_create(actor).pk
        for key in keys:
            if (actor.kind, key) not in self._scoped:  # a scoped name stays scoped
                ids.setdefault((actor.kind, key), pk)
        return Entity(pk=pk, kind=actor.kind)

    @staticmethod
    def stored(kind: str, keys: list[str]) -> int | None:
        """The entity another process stored since the aliases were read, if any."""
        rows = Alias.objects.filter(entity__kind=kind, key__in=keys, scoped=False)
        rows = rows.order_by("entity_id")
        return rows.values_list("entity_id", flat=True).first()

    @staticmethod
    def stored_country(code: str) -> int | None:
        rows = Entity.objects.filter(kind=COUNTRY, code=code).order_by("pk")
        return rows.values_list("pk", flat=True).first()

    def get_or_create(self, actor: Actor) -> Entity:
        """The entity of this kind and name, created if there is none. A unique (kind, name)
        or (kind, slug) clash with a concurrent writer re-reads, or retries with a new slug."""
        for _ in range(CREATE_ATTEMPTS):
            found = Entity.objects.filter(kind=actor.kind, name=actor.name).first()
            if found is not None:
                return found
            try:
                with transaction.atomic():  # a savepoint: the clash rolls back this only
                    return self.create(actor)
            except IntegrityError:
                continue
        raise IntegrityError(f"could not create the {actor.kind} {actor.name!r}")

    def create(self, actor: Actor) -> Entity:
        entity = Entity.objects.create(
            kind=actor.kind,
            name=actor.name,
            code=actor.code,
            slug=unique_slug(Entity, actor.name, kind=actor.kind),
            origin=self.origin,
        )
        entity.add_aliases([actor.name, *actor.aliases])
        return entity


def file_entries():
    return list(default_entries())


def entries_fingerprint(entries) -> str:
    data = [[e.kind, e.name, sorted(e.aliases), e.code or ""] for e in entries]
    return hashlib.sha256(json.dumps(sorted(data), ensure_ascii=False).encode()).hexdigest()


def sync_gazetteer(entries=None) -> int:
    """Load the gazetteer files into the database if they changed; returns entities added.

    Existing entities keep their curated name and slug; missing aliases are added.
    """
    entries = file_entries() if entries is None else list(entries)
    fingerprint = entries_fingerprint(entries)
    if _loaded(fingerprint):
        return 0
    resolver = EntityResolver(origin=Entity.Origin.GAZETTEER)
    with transaction.atomic():  # read again inside: another ingest may have just loaded it
        if _loaded(fingerprint):
            return 0
        before = Entity.objects.count()
        known = set(Alias.objects.values_list("entity__kind", "name"))
        for entry in entries:
            actor = Actor(entry.kind, entry.name, list(entry.aliases), entry.code or "")
            names = [actor.name, *actor.aliases]
            missing = [n for n in names if (actor.kind, n) not in known]
            if not missing:
                continue
            entity = resolver.resolve(actor)
            for name in missing:
                entity.add_alias(name)
                known.add((actor.kind, name))
        GazetteerState.objects.update_or_create(pk=1, defaults={"sha256": fingerprint})
        return Entity.objects.count() - before


def _loaded(fingerprint: str) -> bool:
    state = GazetteerState.objects.first()
    return state is not None and state.sha256 == fingerprint


def database_entries() -> list[GazetteerEntry]:
    """The gazetteer-file and curated entities, with their current aliases."""
    guiding = Entity.objects.exclude(origin=Entity.Origin.EXTRACTED)
    aliases, scoped = defaultdict(list), defaultdict(set)
    rows = Alias.objects.filter(entity__in=guiding).values_list("entity_id", "name", "scoped")
    for entity_id, name, is_scoped in rows:
        aliases[entity_id].append(name)
        if is_scoped:
            scoped[entity_id].add(name)
    return [
        GazetteerEntry(e.kind, e.name, aliases[e.pk], e.code, frozenset(scoped[e.pk]))
        for e in guiding.only("pk", "kind", "name", "code")
    ]


def save_mentions(
    article: Article, actors: Iterable[Actor], resolver: EntityResolver, fresh: bool = False
) -> bool:
    """Make the article's mentions those of ``actors``; True if anything changed.

    Two actors resolved to one entity are merged into one mention. Unchanged mentions are
    left alone, so re-extraction with the same result writes nothing and queues nothing.
    ``fresh``: the article was just created and has no mentions yet.
    """
    merged: dict[int, Mention] = {}
    for actor in actors:
        entity = resolver.resolve(actor)
        mention = merged.setdefault(
            entity.pk, Mention(article=article, entity_id=entity.pk, count=0, spans=[])
        )
        mention.count += max(actor.count, len(actor.spans), 1)
        mention.spans = sorted(mention.spans + [list(s) for s in actor.spans])
    if not fresh:
        current = {
            m.entity_id: (m.count, m.spans)
            for m in Mention.objects.filter(article=article).only("entity_id", "count", "spans")
        }
        if current == {pk: (m.count, m.spans) for pk, m in merged.items()}:
            return False
        Mention.objects.filter(article=article).delete()
    Mention.objects.bulk_create(merged.values())
    queue_articles([article.pk])  # bulk_create sends no signals
    return True
