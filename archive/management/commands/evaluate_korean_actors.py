"""python manage.py evaluate_korean_actors — do the actor filters find the Korean articles?

For each person and country of the Korean gold annotations (``--gold``), the articles that name
it (by the gold) are compared with what the search page's filter returns: ``person=<slug>`` or
``country=<code>``. The person's entity is the one whose name or an alias equals the gold name
or one of its aliases after normalization (``normalise_name``); when several do, the one whose
filter returns the most of its articles; a gold actor with no such entity finds nothing.
Coverage (articles returned / articles that name the actor) is printed per type and overall,
then, unless ``--quiet``, the actors whose filter missed articles.

The corpus files the gold points at are ingested from scratch into a throw-away archive (a new
``PENINSULA_VAR``: its own SQLite database and Whoosh index) by the ``ingest`` command, which
this command runs in a child process; ``--archive-ready`` measures the archive the settings
point at instead (the child process runs that way, and so do the tests). An article is found by
its capture's origin, ``<path>#<record id>``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.utils.http import urlencode

from archive.entities.evaluation import keys
from archive.entities.types import normalise_name
from archive.models import Capture, Entity
from archive.search.form import SearchForm
from archive.search.service import execute

DEFAULT_GOLD = Path(settings.BASE_DIR) / "archive" / "entities" / "gold" / "ko_entities.jsonl"
ALL_HITS = 10_000  # one page holds every hit of a filter on the Korean corpus
# gold type → (entity kind, search parameter)
FILTERS = {"persons": (Entity.Kind.PERSON, "person"), "countries": (Entity.Kind.COUNTRY, "country")}


@dataclass
class GoldActor:
    """One actor of the gold set: its type, label, matching keys and the records naming it."""

    kind: str
    label: str
    keys: set[str]
    records: set[str] = field(default_factory=set)


@dataclass
class Coverage:
    label: str
    wanted: int
    found: int
    entity: str  # the filter value used; "" when no entity matched


def gold_actors(gold: list[dict]) -> list[GoldActor]:
    """Persons (grouped by normalised canonical name) and countries (by code) of the gold."""
    actors: dict[tuple, GoldActor] = {}
    for record in gold:
        for kind in FILTERS:
            for item in record.get(kind, []):
                label = item if isinstance(item, str) else item["name"]
                key = (kind, label.upper() if kind == "countries" else normalise_name(label))
                actor = actors.setdefault(key, GoldActor(kind, label, set()))
                actor.keys |= keys(item)
                actor.records.add(record["id"])
    return list(actors.values())


def article_ids(record_ids: set[str]) -> dict[str, int]:
    """Record id → article id, from the captures' origins (``<path>#<record id>``)."""
    found = {}
    for origin, article in Capture.objects.values_list("origin", "article_id"):
        record = origin.rpartition("#")[2]
        if record in record_ids:
            found[record] = article
    return found


def filter_ids(param: str, value: str) -> set[int]:
    """The article ids the search page's filter ``param=value`` returns (no query words)."""
    request = SearchForm(QueryDict(urlencode({param: value}))).search_request()
    request.per_page = ALL_HITS
    return set(execute(request).ids)


def entity_keys(kind: str) -> dict[str, set[str]]:
    """Normalised name or alias → filter values of the entities of ``kind`` so named."""
    index: dict[str, set[str]] = {}
    for entity in Entity.objects.filter(kind=kind).prefetch_related("aliases"):
        names = {normalise_name(entity.name), *(a.key for a in entity.aliases.all())}
        if entity.code:
            names.add(entity.code.upper())
        for name in names:
            index.setdefault(name, set()).add(entity.facet_value)
    return index


def coverage(actor: GoldActor, articles: dict[str, int], index: dict) -> Coverage:
    """How many of the articles naming ``actor`` its best-matching entity's filter returns."""
    wanted = {articles[r] for r in actor.records if r in articles}
    _, param = FILTERS[actor.kind]
    best = Coverage(actor.label, len(wanted), 0, "")
    for value in sorted(set().union(*(index.get(k, set()) for k in actor.keys))):
        found = len(filter_ids(param, value) & wanted)
        if found > best.found or not best.entity:
            best = Coverage(actor.label, len(wanted), found, value)
    return best


def ingest_env(var: Path) -> dict:
    env = {**os.environ, "PENINSULA_VAR": str(var.resolve())}
    for name in ("DATABASE_URL", "DATABASE_PATH", "WHOOSH_PATH"):
        env.pop(name, None)  # the throw-away archive is its own SQLite file and index in var
    return env


class Command(BaseCommand):
    help = "Coverage of the person= and country= filters on the Korean gold articles."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, default=settings.CORPUS_DIR)
        parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
        parser.add_argument(
            "--var",
            type=Path,
            help="build the archive here and keep it (default: a temporary directory)",
        )
        parser.add_argument(
            "--archive-ready",
            action="store_true",
            help="measure the archive of the current settings; ingest nothing",
        )
        parser.add_argument("--quiet", action="store_true", help="figures only, no misses")

    def handle(self, **options):
        gold = self.read_gold(options["gold"])
        if options["archive_ready"]:
            self.measure(gold, options["quiet"])
            return
        if any("corpus_file" not in g for g in gold):
            raise CommandError("every gold record needs its corpus_file to be ingested")
        files = sorted({(options["corpus"] / g["corpus_file"]).resolve() for g in gold})
        missing = [str(f) for f in files if not f.exists()]
        if missing:
            raise CommandError(f"corpus file not found: {', '.join(missing)}")
        if options["var"]:
            self.ingest_and_measure(options, files, options["var"])
            return
        with tempfile.TemporaryDirectory(prefix="peninsula-ko-actors-") as var:
            self.ingest_and_measure(options, files, Path(var))

    def ingest_and_measure(self, options, files: list[Path], var: Path) -> None:
        env = ingest_env(var)
        self.run(["migrate", "-v0"], env)
        self.run(["ingest", "--no-progress", *map(str, files)], env)
        measure = [
            "evaluate_korean_actors",
            "--archive-ready",
            "--gold",
            str(options["gold"].resolve()),
        ]
        output = self.run(measure + (["--quiet"] if options["quiet"] else []), env)
        self.stdout.write(output, ending="")

    def read_gold(self, path: Path) -> list[dict]:
        if not path.exists():
            raise CommandError(f"gold file not found: {path}")
        try:
            return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{path}: not JSON lines ({error.msg}, line {error.lineno})"
            ) from error

    def run(self, args: list[str], env: dict) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            env=env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise CommandError(f"{' '.join(args[:1])} failed: {done.stderr.strip()[-2000:]}")
        return done.stdout

    def measure(self, gold: list[dict], quiet: bool) -> None:
        articles = article_ids({g["id"] for g in gold})
        absent = sorted({g["id"] for g in gold} - set(articles))
        if absent:
            self.stdout.write(f"not in the archive ({len(absent)}): {', '.join(absent[:10])}")
        results = {kind: [] for kind in FILTERS}
        indexes = {kind: entity_keys(entity_kind) for kind, (entity_kind, _) in FILTERS.items()}
        for actor in gold_actors(gold):
            results[actor.kind].append(coverage(actor, articles, indexes[actor.kind]))
        for kind, rows in results.items():
            self.summary(f"{FILTERS[kind][1]}=", rows)
        self.summary("overall", [row for rows in results.values() for row in rows])
        if not quiet:
            self.misses(results)

    def summary(self, label: str, rows: list[Coverage]) -> None:
        wanted = sum(r.wanted for r in rows)
        found = sum(r.found for r in rows)
        share = found / wanted if wanted else 1.0
        complete = sum(r.found == r.wanted for r in rows)
        self.stdout.write(
            f"{label:<10} coverage {share:.3f} ({found}/{wanted} article mentions); "
            f"{complete}/{len(rows)} actors complete"
        )

    def misses(self, results: dict) -> None:
        self.stdout.write("\nactors whose filter misses articles (found/naming it, filter value):")
        for kind, rows in results.items():
            for row in sorted(rows, key=lambda r: (r.found - r.wanted, r.label)):
                if row.found < row.wanted:
                    value = row.entity or "no entity"
                    self.stdout.write(
                        f"  {kind:<10} {row.label}: {row.found}/{row.wanted} ({value})"
                    )
