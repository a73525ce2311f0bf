"""The gazetteer's entries: known actors and their names, read from the files in ``data/``.

Plain data, no matching: the database side (``archive.actors``) loads these entries into
rows without importing spaCy; ``archive.entities.gazetteer`` compiles them for matching.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from archive.entities.types import COUNTRY, ORGANIZATION, PERSON

DATA = Path(__file__).resolve().parent / "data"
ALIASES_COLUMN = 2  # countries.tsv: code, canonical name, aliases
NAME_MIN_WORDS = 2  # words of a full name: family name and given name
GIVEN_SYLLABLES = 2  # a Korean given name has its spacing/hyphen variants only with two syllables


@dataclass(frozen=True)
class GazetteerEntry:
    """One known actor: ``kind``, canonical ``name``, other ``aliases``, ISO2 ``code`` for
    countries; ``scoped``: the aliases that name it only written alone, never inside a longer
    capitalised name (a curator's merge records its names so)."""

    kind: str
    name: str
    aliases: tuple[str, ...] | list[str] = field(default_factory=tuple)
    code: str = ""
    scoped: frozenset = frozenset()


def read_table(path: Path) -> list[list[str]]:
    """Rows of a tab-separated data file; ``#`` starts a comment line, blank lines are skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def split_aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def country_entries() -> list[GazetteerEntry]:
    """All ISO countries from pycountry, with the names, demonyms and metonyms of ``countries.tsv``.

    ``countries.tsv`` columns: code, canonical name (empty: keep pycountry's), aliases.
    """
    extra = {row[0]: row for row in read_table(DATA / "countries.tsv")}
    entries = []
    for country in pycountry.countries:
        code = country.alpha_2
        names = [getattr(country, a, "") for a in ("common_name", "name", "official_name")]
        names = [n for n in names if n]
        row = extra.get(code, [code, "", ""])
        canonical = row[1] if len(row) > 1 and row[1] else names[0]
        aliases = names + (split_aliases(row[ALIASES_COLUMN]) if len(row) > ALIASES_COLUMN else [])
        entries.append(GazetteerEntry(COUNTRY, canonical, tuple(dedupe(aliases, canonical)), code))
    return entries


@functools.cache
def words(filename: str) -> frozenset[str]:
    """A one-word-per-line list from ``data/`` (``#`` comments allowed)."""
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def korean_variants(name: str, surnames: set[str]) -> list[str]:
    """Spacing/hyphen variants of a Korean name: Kim Jong Un ⇄ Kim Jong-un, Kim Jong-Un, Kim Jongun."""
    parts = name.split()
    if (
        len(parts) < NAME_MIN_WORDS
        or parts[0] not in surnames
        or not all(p.replace("-", "").isalpha() for p in parts)
    ):
        return []
    syllables = [s for p in parts[1:] for s in p.split("-")]
    if len(syllables) != GIVEN_SYLLABLES:
        return []
    a, b = syllables
    family = parts[0]
    forms = [
        f"{a} {b.capitalize()}",
        f"{a}-{b.lower()}",
        f"{a}-{b.capitalize()}",
        f"{a}{b.lower()}",
    ]
    return [f"{family} {f}" for f in forms]


def named_entries(kind: str, filename: str) -> list[GazetteerEntry]:
    """Entries of a ``name<TAB>alias|alias`` file (persons also get Korean name variants)."""
    surnames = words("korean_surnames.txt") if kind == PERSON else set()
    entries = []
    for row in read_table(DATA / filename):
        aliases = split_aliases(row[1]) if len(row) > 1 else []
        for name in [row[0], *aliases]:
            aliases += korean_variants(name, surnames)
        entries.append(GazetteerEntry(kind, row[0], tuple(dedupe(aliases, row[0])), ""))
    return entries


def dedupe(names, canonical: str) -> list[str]:
    seen, out = {canonical}, []
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


@functools.lru_cache(maxsize=1)
def default_entries() -> tuple[GazetteerEntry, ...]:
    """The entries of the data files, in file order (without compiling matchers)."""
    entries = country_entries()
    entries += named_entries(PERSON, "persons.tsv")
    entries += named_entries(ORGANIZATION, "organizations.tsv")
    return tuple(entries)
