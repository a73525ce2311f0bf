"""The gazetteer: known actors and every surface form that names them.

Entries come from the reviewable files in ``data/`` (``Gazetteer.default()``) or from any
iterable of ``GazetteerEntry`` (``Gazetteer.from_entries``), e.g. rows curated in the
database. A Gazetteer compiles its names into spaCy ``PhraseMatcher`` objects once; the
tokenizer is ``spacy.blank("en")`` (no statistical model is used or downloaded).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import spacy
from spacy.matcher import PhraseMatcher

from archive.entities.types import COUNTRY, ORGANIZATION, PERSON, normalise_name

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class GazetteerEntry:
    """One known actor: ``kind``, canonical ``name``, other ``aliases``, ISO2 ``code`` for countries."""

    kind: str
    name: str
    aliases: tuple[str, ...] | list[str] = field(default_factory=tuple)
    code: str = ""


@functools.lru_cache(maxsize=1)
def tokenizer():
    """The shared blank English pipeline (tokenizer only)."""
    return spacy.blank("en")


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
        aliases = names + (split_aliases(row[2]) if len(row) > 2 else [])
        entries.append(GazetteerEntry(COUNTRY, canonical, tuple(dedupe(aliases, canonical)), code))
    return entries


def words(filename: str) -> set[str]:
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    return {w.strip() for w in lines if w.strip() and not w.startswith("#")}


def korean_variants(name: str, surnames: set[str]) -> list[str]:
    """Spacing/hyphen variants of a Korean name: Kim Jong Un ⇄ Kim Jong-un, Kim Jong-Un, Kim Jongun."""
    parts = name.split()
    if (
        len(parts) < 2
        or parts[0] not in surnames
        or not all(p.replace("-", "").isalpha() for p in parts)
    ):
        return []
    syllables = [s for p in parts[1:] for s in p.split("-")]
    if len(syllables) != 2:
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
def unmatched_names() -> frozenset:
    return frozenset(words("country_names_unmatched.txt"))


def matchable(alias: str) -> bool:
    """Catalogue forms with a comma ("Korea, Republic of") and country names that are common
    words or names ("Jordan", "Turkey") are kept for lookups but never matched in prose."""
    return "," not in alias and len(alias) >= 2 and alias not in unmatched_names()


class Gazetteer:
    """Known actors compiled for matching.

    ``match(doc)`` returns ``(start_token, end_token, entries)`` for every occurrence of a known
    surface form, case-sensitively; ``match(doc, caseless=True)`` also matches forms written
    in capitals (wire headlines), ignoring short all-capital abbreviations.
    """

    def __init__(self, entries):
        self._entries = list(entries)
        self.by_key: dict[str, GazetteerEntry] = {}
        self.by_code: dict[str, GazetteerEntry] = {}
        self.surnames: dict[str, GazetteerEntry] = {}
        nlp = tokenizer()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.caseless = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._patterns: dict[str, list[GazetteerEntry]] = {}
        for entry in self._entries:
            self._add(entry)
        self._compile(nlp)

    def _add(self, entry: GazetteerEntry) -> None:
        if entry.code:
            self.by_code.setdefault(entry.code, entry)
        for name in (entry.name, *entry.aliases):
            self.by_key.setdefault((entry.kind, normalise_name(name)), entry)
            if matchable(name):
                targets = self._patterns.setdefault(name, [])
                if entry not in targets:
                    targets.append(entry)

    def _compile(self, nlp) -> None:
        self._ids: dict[int, list[GazetteerEntry]] = {}
        exact, caseless = [], []
        for i, (name, targets) in enumerate(self._patterns.items()):
            key = f"g{i}"
            self._ids[nlp.vocab.strings.add(key)] = targets
            doc = nlp.make_doc(name)
            exact.append((key, doc))
            if not (name.isupper() and len(name) <= 5):
                caseless.append((key, doc))
        for key, doc in exact:
            self.exact.add(key, [doc])
        for key, doc in caseless:
            self.caseless.add(key, [doc])

    @classmethod
    def from_entries(cls, entries) -> Gazetteer:
        """A Gazetteer of any iterable of ``GazetteerEntry`` (or objects with the same fields)."""
        return cls(
            GazetteerEntry(e.kind, e.name, tuple(e.aliases or ()), e.code or "") for e in entries
        )

    @classmethod
    def default(cls) -> Gazetteer:
        """The Gazetteer of the data files, built once per process."""
        return _default()

    def entries(self):
        """Iterate over the ``GazetteerEntry`` objects, in file order."""
        return iter(self._entries)

    def match(self, doc, caseless: bool = False):
        """``(start, end, [entries])`` token spans of known names; one name may name two
        actors ("inter-Korean" → both Koreas)."""
        matcher = self.caseless if caseless else self.exact
        return [(start, end, self._ids[mid]) for mid, start, end in matcher(doc)]

    def lookup(self, kind: str, name: str) -> GazetteerEntry | None:
        """The entry of ``kind`` one of whose names normalises like ``name``."""
        return self.by_key.get((kind, normalise_name(name)))


@functools.lru_cache(maxsize=1)
def default_entries() -> tuple[GazetteerEntry, ...]:
    """The entries of the data files, in file order (without compiling matchers)."""
    entries = country_entries()
    entries += named_entries(PERSON, "persons.tsv")
    entries += named_entries(ORGANIZATION, "organizations.tsv")
    return tuple(entries)


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer(default_entries())
